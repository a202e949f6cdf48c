import ClaimCore

/// Finds rankings: "28th out of 36", top-N membership or absence, scoped superlatives ("Britain's
/// biggest bank"), "number one" and "second only to".
struct RankingRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var used = Set<Int>()
        // Whether the sentence is about a chart, found once when first asked: asking at every "to three"
        // would make a long sentence of them quadratic.
        var aboutAChart: Bool?
        for index in 0..<sentence.count where !used.contains(index) && Self.mayStart(at: index, in: sentence) {
            let found =
                ordinalRanking(at: index, in: sentence) ?? topN(at: index, in: sentence)
                ?? scopedSuperlative(at: index, in: sentence) ?? position(at: index, in: sentence, chart: &aboutAChart)
                ?? numberOne(at: index, in: sentence)
                ?? secondOnlyTo(at: index, in: sentence) ?? leader(at: index, in: sentence)
                ?? thanAnyOther(at: index, in: sentence) ?? scopedRecord(at: index, in: sentence, chart: &aboutAChart)
            guard let (finding, tokens) = found else { continue }
            findings.append(finding)
            used.formUnion(tokens)
        }
        return findings
    }

    /// Whether a pattern can begin at token `index` (a cheap test before trying them all).
    static func mayStart(at index: Int, in sentence: Sentence) -> Bool {
        switch sentence.tokens[index].kind {
        case .number: true
        case .word: sentence.lower(index, isIn: .rankEntry) || sentence.tokens[index].hasHyphen
        case .punct: false
        }
    }

    static let entryWords = WordSet(
        Array(Lexicon.superlatives.words) + Lexicon.ordinalWords.dictionary.keys
            + [
                "top", "number", "second", "leader", "leads", "led", "than", "to", "at", "topped", "tops", "topping",
                "leaders",
                "lead", "record", "no", "bottom",
            ] + smallNumberWords.words)

    /// Number words that may begin "the two most senior executives" or stand for a chart position
    /// ("slipped to four").
    static let smallNumberWords: WordSet = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    ]

    // MARK: Patterns

    /// "ranked Russia 28th out of 36 nations in overall AI industry strength", "came third in …".
    private func ordinalRanking(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        guard let (rank, ordinalEnd) = ordinal(at: index, in: sentence) else { return nil }
        // "the world's third-largest economy" is a scoped superlative.
        if sentence[index].lowerContainsHyphen && sentence[safe: index - 1]?.isPossessive == true { return nil }
        var position = ordinalEnd + 1
        var fields: [String: JSONValue] = ["rank": .int(rank)]
        var consumes = [sentence.span(index, ordinalEnd)]
        var measureStart: Int?
        if sentence.matches(Self.outOf, at: position), let total = NumberReader.read(sentence, at: position + 2) {
            fields["outOf"] = total.value
            consumes.append(sentence.span(total.first, total.last))
            position = total.last + 1
            // Skip the counted noun ("36 nations") to reach "in/by/for" the measure.
            while position < sentence.count && sentence[position].isWord
                && !sentence.lower(position, isIn: Self.measurePrepositions) && position - total.last <= 3
            {
                position += 1
            }
        }
        let verb = (max(0, index - 4)..<index).last { sentence.lower($0, isIn: Self.rankVerbs) }
        let superlativeFollows =
            sentence.lower(ordinalEnd + 1, isIn: Lexicon.superlatives)
            || sentence[index].lowerContainsHyphen
        // "(59th position)", "in third place"; not the idiom "in the first place".
        let positionFollows =
            sentence.lower(ordinalEnd + 1, isIn: Self.positionNouns)
            && !(rank == 1 && sentence.lower(index - 1) == "the" && sentence.lower(index - 2) == "in")
        // "fourth in the league", "second in the world rankings", "407th in the current ATP entry list",
        // "the 54th ranked Chinese", "was second with $24m".
        let tableFollows =
            sentence.lower(ordinalEnd + 1) == "in" && sentence.lower(ordinalEnd + 2) == "the"
            && (ordinalEnd + 3..<min(sentence.count, ordinalEnd + 8)).contains {
                sentence.lower($0, isIn: Self.tableNouns)
            }
        let rankedFollows = sentence.lower(ordinalEnd + 1) == "ranked" || sentence.lower(ordinalEnd + 1) == "-ranked"
        var placeLead = index - 1
        while sentence.lower(placeLead, isIn: Self.positionAdverbs) { placeLead -= 1 }
        let copulaPlaces =
            (sentence.lower(placeLead, isIn: Self.placingCopulas)
                || (placeLead == index - 1 && sentence.lower(index - 1, isIn: Self.placingPrepositions)))
            && (sentence[safe: ordinalEnd + 1].map { !$0.isWord } ?? true
                || sentence.lower(ordinalEnd + 1, isIn: Self.afterPlacing))
        guard
            fields["outOf"] != nil || verb != nil || superlativeFollows || positionFollows || tableFollows
                || rankedFollows || copulaPlaces
        else { return nil }
        if positionFollows && verb == nil && fields["outOf"] == nil {
            position = ordinalEnd + 2
        }
        if sentence.lower(position, isIn: Self.measurePrepositions) {
            measureStart = position + 1
        } else if superlativeFollows {
            measureStart = sentence[index].lowerContainsHyphen ? index : ordinalEnd + 1
        }
        var last = position - 1
        if let measureStart, measureStart < sentence.count {
            let measureEnd = sentence.clauseEnd(from: measureStart)
            if measureEnd >= measureStart {
                var measure = sentence.text(measureStart, measureEnd)
                if measureStart == index, let hyphen = measure.firstIndex(of: "-") {
                    measure = String(measure[measure.index(after: hyphen)...])
                }
                fields["measure"] = .string(measure)
                last = max(last, measureEnd)
            }
        }
        var first = index
        if let verb, verb + 1 < index, sentence.lower(verb, isIn: Self.activeRankVerbs),
            !sentence.lower(verb - 1, isIn: .auxiliary)
        {
            // Active: "<source> ranked <subject> 28th".
            fields["subject"] = .string(sentence.text(verb + 1, index - 1))
            first = verb + 1
            if let source = attribution(beforeVerb: verb, in: sentence) {
                fields.merge(source.fields) { $1 }
                first = source.first
            }
        } else if let subjectVerb = verb ?? copula(before: index, in: sentence),
            let subject = sentence.subject(ofVerbAt: subjectVerb)
        {
            fields["subject"] = .string(subject)
        }
        if fields["source"] == nil, let according = accordingTo(in: sentence) { fields["source"] = .string(according) }
        return (
            Finding(
                kind: .ranking, span: sentence.span(first, max(last, ordinalEnd)),
                anchor: sentence.span(index, ordinalEnd),
                fields: fields, consumes: consumes, prior: 0.85),
            index...max(last, ordinalEnd)
        )
    }

    /// "among the world’s 100 largest tech companies", "absent from the top 200 research institutions".
    private func topN(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        let numberIndex: Int
        let measureStart: Int
        if sentence.lower(index) == "top" {
            var next = index + 1
            if sentence[safe: next]?.isPunct("-") == true { next += 1 }
            guard next < sentence.count, let number = NumberReader.read(sentence, at: next), !number.hasScale else {
                return nil
            }
            numberIndex = next
            measureStart = number.last + 1
        } else if sentence[index].isNumber || sentence.lower(index, isIn: Self.smallNumberWords),
            sentence.lower(index + 1, isIn: Lexicon.superlatives)
                || (sentence.lower(index + 1) == "most" && index + 2 < sentence.count),
            sentence.lower(index - 1) == "the" || sentence[safe: index - 1]?.isPossessive == true
                || sentence.lower(index - 1, isIn: Self.pronounScopes)
        {
            numberIndex = index
            measureStart = index + 1
        } else {
            return nil
        }
        guard let number = NumberReader.read(sentence, at: numberIndex), case .int(let top) = number.value else {
            return nil
        }
        var measureEnd = measureStart < sentence.count ? sentence.clauseEnd(from: measureStart) : measureStart - 1
        var fields: [String: JSONValue] = ["top": .int(top)]
        if measureEnd >= measureStart {
            fields["measure"] = .string(sentence.text(measureStart, measureEnd))
        } else if numberIndex > index {
            // "three singles making the top ten.": a top N needs no measure after it.
            measureEnd = number.last
        } else {
            return nil
        }
        let clauseStart = sentence.clauseStart(before: index)
        let cue = (clauseStart..<index).first { sentence.lower($0, isIn: Self.absenceCues) }
        fields["absent"] = .bool(cue != nil)
        let verb = cue ?? (clauseStart..<index).first { sentence.isFiniteVerb($0) }
        var first = index
        if let verb, let subject = sentence.subject(ofVerbAt: verb) {
            fields["subject"] = .string(subject)
            first = subjectStart(beforeVerb: verb, in: sentence) ?? verb
        }
        if let according = accordingTo(in: sentence) { fields["source"] = .string(according) }
        return (
            Finding(
                kind: .ranking, span: sentence.span(first, measureEnd), anchor: sentence.span(numberIndex, number.last),
                fields: fields, consumes: [sentence.span(numberIndex, number.last)], prior: 0.85),
            index...measureEnd
        )
    }

    /// "Britain's biggest bank", "the world’s third-largest economy", "the most popular game in Japan".
    private func scopedSuperlative(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        // ``superlativeRank(_:)`` finds none unless the word is a superlative or has an ordinal before a
        // hyphen: settled from the token first (most tokens tried here are numbers).
        let token = sentence.tokens[index]
        guard
            Lexicon.superlatives.contains(token)
                || (token.hasHyphen
                    && (token.headBeforeHyphen(isIn: Lexicon.ordinalWords) != false
                        || Self.hyphenSuperlativeHead(token.lower) != nil))
        else { return nil }
        let word = sentence.lower(index)
        let (rank, superlative) = superlativeRank(word)
        guard let superlative else { return nil }
        // "top" and "leading" rank only a scorer ("the Premiership's top scorer"); else they describe.
        if superlative == "top" || superlative == "leading" {
            guard sentence.lower(index + 1, isIn: Self.scorerNouns) else { return nil }
        }
        var measureStart = index
        if superlative == "most" || superlative == "least" {
            guard index + 1 < sentence.count, sentence[index + 1].isWord else { return nil }
            measureStart = index
        }
        let nounStart = superlative == "most" || superlative == "least" ? index + 2 : index + 1
        var scope: String?
        var first = index
        // Whose or which set the superlative ranks within: "Britain's", "the world's", "the week's",
        // "its" (a pronoun only before a measurable superlative and a noun that is not a time's record).
        var possessiveScope = false
        if index > 0, sentence[index - 1].isPossessive {
            let owner = String(sentence.lower(index - 1).dropLast(sentence.lower(index - 1).hasSuffix("s'") ? 1 : 2))
            // A person's "best" or "greatest" is a judgement ("Trump's best ideas"), a place's a rank.
            let judged =
                Self.judgingSuperlatives.contains(token) && sentence[index - 1].isCapitalized
                && !Self.soundsLikeAPlace(owner)
            if judged {
                return nil
            } else if sentence[index - 1].isCapitalized || Self.scopeNouns.contains(owner)
                || (Self.timeScopeNouns.contains(owner) && sentence.lower(index - 2, isIn: Self.timeScopeDeterminers))
                // "the bank's biggest customer": any owner, with a superlative of size.
                || (sentence.lower(index - 2) == "the"
                    && (sentence.lower(index, isIn: Self.measurableSuperlatives)
                        || Self.hyphenSuperlativeHead(sentence.lower(index)) != nil))
            {
                let text = sentence[index - 1].text
                scope = String(text.unicodeScalars.dropLast(text.hasSuffix("'") ? 1 : 2).map(Character.init))
                first = index - 1
                possessiveScope = true
            }
        } else if index > 1, sentence[index - 1].isPunct("'") || sentence[index - 1].isPunct("\u{2019}"),
            sentence[index - 2].isCapitalized, sentence[index - 2].end == sentence[index - 1].start,
            sentence.lower(index - 2).hasSuffix("s"),
            !(Self.judgingSuperlatives.contains(token) && !Self.soundsLikeAPlace(sentence.lower(index - 2)))
        {
            // "Wales' oldest": the apostrophe stands apart from the name.
            scope = sentence[index - 2].text
            first = index - 2
            possessiveScope = true
        } else if sentence.lower(index - 1, isIn: Self.pronounScopes),
            sentence.lower(index, isIn: Self.measurableSuperlatives)
                || Self.hyphenSuperlativeHead(sentence.lower(index)) != nil,
            let end = self.nounEnd(from: nounStart, in: sentence),
            !(nounStart...end).contains(where: { sentence.lower($0, isIn: Self.recordNouns) }),
            !Self.timeRecordFollows(end, in: sentence)
        {
            // "its biggest creditor", "their largest market", "the bank's biggest customer"; not "its biggest
            // loss" or "their best chance".
            scope = sentence[index - 1].text
            first = index - 1
            possessiveScope = true
        }
        var nounEnd = nounEnd(from: nounStart, in: sentence)
        // "Best Urban Act" mid-sentence is a title; "Owen's best supporting actor nomination" an award.
        if token.isCapitalized && index > sentence.clauseStart(before: index) { return nil }
        if superlative == "best" || superlative == "worst",
            let end = nounEnd, (nounStart...end).contains(where: { sentence.lower($0, isIn: Self.awardWords) })
        {
            return nil
        }
        if let end = nounEnd,
            (index + 1...end).contains(where: { sentence.lower($0, isIn: Self.recordNouns) })
                || Self.timeRecordFollows(end, in: sentence)
        {
            // "Everton's best chance", "its steepest fall in three months": a record in time, not a rank.
            return nil
        }
        if nounEnd == nil, superlative != "most", superlative != "least", sentence.lower(index - 1) == "the",
            sentence.lower(index + 1) == "in"
                || (sentence.lower(index + 1) == "of"
                    && (sentence.lower(index + 2) == "the" || sentence[safe: index + 2]?.isPossessive == true))
        {
            // "the poorest in the country", "the largest of the IMF's members": the scope follows at once.
            nounEnd = index
        }
        if nounEnd == nil, possessiveScope, sentence[first].isCapitalized, superlative != "most",
            superlative != "least", sentence[safe: index + 1]?.isWord != true
        {
            // "a theatre thought to be Wales' oldest."
            nounEnd = index
        }
        guard let nounEnd else { return nil }
        var last = nounEnd
        if scope == nil, nounStart <= nounEnd, nounStart < nounEnd || superlative == "most",
            sentence[nounStart].isCapitalized, Self.isPlaceModifier(sentence[nounStart])
        {
            // "the largest US retailer", "the biggest British bank".
            scope = sentence[nounStart].text
        }
        if scope == nil, sentence.lower(nounEnd + 1) == "in" || sentence.lower(nounEnd + 1) == "on",
            let place = nounEnd + 2 < sentence.count ? nounEnd + 2 : nil
        {
            if sentence[place].isCapitalized, sentence.lower(nounEnd + 1) == "in" {
                // "in Japan", "in West Africa".
                var end = place
                while end + 1 < sentence.count && sentence[end + 1].isCapitalized && end - place < 3 { end += 1 }
                scope = sentence.text(place, end)
                last = end
            } else if sentence.lower(place) == "the",
                let end = (place + 1..<min(sentence.count, place + 5)).first(where: {
                    sentence.lower($0, isIn: Self.scopeNouns)
                }),
                !(place + 1..<end).contains(where: { sentence[$0].kind == .punct || sentence.isFiniteVerb($0) })
            {
                // "in the world", "in the mortgage market", "on the Irish stock exchange".
                scope = sentence.text(place, end)
                last = end
            } else if sentence.lower(place) == "the", sentence.lower(nounEnd + 1) == "in",
                sentence[safe: place + 1]?.isCapitalized == true
            {
                // "in the North Island", "in the EC", "in the US".
                var end = place + 1
                while end + 1 < sentence.count && sentence[end + 1].isCapitalized && end - place < 4 { end += 1 }
                scope = sentence.text(place, end)
                last = end
            }
        }
        if scope == nil, nounEnd > index, sentence.lower(nounEnd, isIn: Self.roleNouns),
            sentence.lower(nounEnd + 1) == "of",
            sentence.lower(index - 1) == "the", nounEnd + 2 < sentence.count
        {
            // "the biggest importer of Indonesian cocoa beans": the set is everyone in that role.
            let end = sentence.clauseEnd(from: nounEnd + 2)
            if end >= nounEnd + 2 {
                scope = sentence.text(nounEnd + 2, end)
                last = end
            }
        }
        if scope == nil, nounEnd == index, sentence.lower(index - 1) == "the", sentence.lower(index + 1) == "of",
            sentence.lower(index + 2) == "the" || sentence[safe: index + 2]?.isPossessive == true,
            index + 3 < sentence.count
        {
            // "the largest of the IMF's 184 members"; not "the biggest of the year".
            let end = sentence.clauseEnd(from: index + 2)
            if end >= index + 3, !(index + 2...end).contains(where: { sentence.lower($0, isIn: Self.timeScopeNouns) }) {
                scope = sentence.text(index + 2, end)
                last = end
            }
        }
        if scope == nil, sentence.lower(nounEnd + 1) == "of", nounEnd > index || superlative != "most",
            let year = NumberReader.year(at: min(nounEnd + 2, sentence.count - 1), in: sentence),
            nounEnd + 2 < sentence.count,
            sentence.lower(index - 1) == "the"
        {
            // "the best-selling album of 2004": ranked within a year, as "the week's biggest single" is.
            scope = String(year)
            last = nounEnd + 2
        }
        if scope == nil, sentence.lower(nounEnd + 1) == "among", nounEnd + 2 < sentence.count {
            // "the highest unemployment rate among G7 countries".
            let end = sentence.clauseEnd(from: nounEnd + 2)
            if end >= nounEnd + 2 {
                scope = sentence.text(nounEnd + 2, end)
                last = end
            }
        }
        if scope == nil, sentence.lower(nounEnd + 1) == "of", sentence.lower(nounEnd + 2) == "any",
            nounEnd + 3 < sentence.count
        {
            // "the highest rate of any EU country".
            let end = sentence.clauseEnd(from: nounEnd + 3)
            if end >= nounEnd + 3 {
                scope = sentence.text(nounEnd + 3, end)
                last = end
            }
        }
        guard let scope else { return nil }
        let oneOf = sentence.matches(Self.oneOfThe, at: first - 3) || sentence.matches(Self.oneOf, at: first - 2)
        var fields: [String: JSONValue] = [
            "measure": .string(sentence.text(measureStart, nounEnd)), "scope": .string(scope),
        ]
        fields["rank"] = oneOf ? .null : .int(rank)
        if let subject = appositionOrCopulaSubject(first: first, last: last, in: sentence) {
            fields["subject"] = .string(subject)
        } else if first == index - 1, sentence.lower(first - 1) == "the" {
            // "The world's largest retailer has not yet decided": the phrase names its subject.
            fields["subject"] = .null
            first -= 1
        } else if possessiveScope {
            // "listed its biggest creditor as …", "thought to be Wales' oldest".
            fields["subject"] = .null
        } else if first == index, sentence.lower(first - 1) == "the" {
            // "to create the biggest bank in West Africa": the scope is explicit, the subject unnamed.
            fields["subject"] = .null
            first -= 1
        } else {
            return nil
        }
        return (
            Finding(kind: .ranking, span: sentence.span(first, last), fields: fields, prior: 0.75),
            first...last
        )
    }

    /// Chart, ranking-list and seeding positions: "went in at number two", "moved up to number
    /// seven", "World number one Lindsay Davenport", "seventh-seeded Nathalie Dechy", "eighth-seed
    /// Patty Schnyder", "top seed Roger Federer".
    private func position(at index: Int, in sentence: Sentence, chart: inout Bool?) -> (Finding, ClosedRange<Int>)? {
        var rank: Int
        var last: Int
        var measure: String?
        let word = sentence.lower(index)
        if word == "top", sentence.lower(index + 1, isIn: Self.positionNouns) {
            // "held on the chart top spot", "in top place".
            (rank, last, measure) = (1, index + 1, nil)
        } else if word == "bottom", sentence.lower(index + 1) == "of", sentence.lower(index + 2) == "the",
            let end = (index + 3..<min(sentence.count, index + 7)).first(where: {
                sentence.lower($0, isIn: Self.tableNouns) || sentence.lower($0, isIn: Self.competitionNouns)
            }),
            !(index + 3..<end).contains(where: { sentence[$0].kind == .punct || sentence.isFiniteVerb($0) })
        {
            // "bottom of the Premiership table": last, its number unstated.
            var fields: [String: JSONValue] = [
                "rank": .null, "position": "bottom", "measure": .string(sentence.text(index + 3, end)),
            ]
            if let verb = copula(before: index, in: sentence), let subject = sentence.subject(ofVerbAt: verb) {
                fields["subject"] = .string(subject)
            }
            return (
                Finding(
                    kind: .ranking, span: sentence.span(index, end), anchor: sentence.span(index, index),
                    fields: fields, prior: 0.75), index...end
            )
        } else if word == "top", sentence.lower(index - 1, isIn: Self.finishVerbs),
            sentence[safe: index + 1].map({ !$0.isNumber && !$0.isWord }) ?? true
                || sentence.lower(index + 1) == "in" || sentence.lower(index + 1) == "with"
        {
            // "The Bravery came top in the poll", "finished top with 20 points".
            (rank, last, measure) = (1, index, nil)
        } else if word == "top", sentence.lower(index + 1) == "of", sentence.lower(index + 2) == "the",
            let end = (index + 3..<min(sentence.count, index + 10)).first(where: {
                sentence.lower($0, isIn: Self.tableNouns)
            }),
            !(index + 3..<end).contains(where: { sentence[$0].kind == .punct || sentence.isFiniteVerb($0) })
        {
            // "top of the charts", "top of the Premiership table", "top of the Sound of 2005 list".
            (rank, last, measure) = (1, end, sentence.text(index + 3, end))
        } else if sentence[index].isNumber, sentence.lower(index - 1) == "ranked",
            let number = NumberReader.read(sentence, at: index), !number.hasScale, case .int(let value) = number.value,
            (1...2000).contains(value), sentence.lower(number.last + 1) == "in"
        {
            // "Garcia-Lopez, ranked 106 in the world".
            let end = sentence.clauseEnd(from: number.last + 2)
            (rank, last, measure) = (
                value, max(number.last, end), end > number.last + 1 ? sentence.text(number.last + 2, end) : nil
            )
        } else if word == "to" || word == "at" {
            // "pushing down Ice Cube's You Can Do It to three", "followed by Girls Aloud at five": a
            // position written as a bare number word, in a sentence about a chart.
            guard let next = sentence[safe: index + 1], !next.isCapitalized, let value = NumberReader.units[next],
                (1...40).contains(value),
                !(sentence[safe: index + 2]?.isWord ?? false)
                    || sentence.lower(index + 2, isIn: Self.afterChartPosition),
                sentence[safe: index - 1]?.isCapitalized == true || sentence.lower(index - 1, isIn: Self.chartMoves),
                Self.isAboutAChart(sentence, cached: &chart)
            else { return nil }
            (rank, last, measure) = (value, index + 1, "chart position")
        } else if word == "number" {
            // "at Number 10" is Downing Street, not a chart: a position is written in lower case,
            // except after "world" ("World number one").
            var before = index - 1
            while sentence.lower(before, isIn: Self.positionAdverbs) { before -= 1 }
            var previous = sentence.lower(before)
            // "British number one Tim Henman" is ranked like "world number one".
            if before == index - 1, let token = sentence[safe: before], token.isCapitalized,
                (Self.isPlaceModifier(token)
                    && (sentence[safe: index + 2]?.isCapitalized == true || sentence.lower(before - 1) == "the"))
                    || token.isPossessive
            {
                // "British number one Tim Henman", "The British number two escaped", "Japan's number three
                // mobile operator".
                previous = "world"
            }
            // "Number three Chrysler's car sales": a position opening the sentence before a name.
            let opensBeforeAName = index == 0 && sentence[safe: index + 2]?.isCapitalized == true
            guard
                Self.positionLeads.contains(previous) || (before < index - 1 && Self.copulas.contains(previous))
                    || opensBeforeAName,
                !sentence[index].isCapitalized || previous == "world" || opensBeforeAName,
                index + 1 < sentence.count, let number = NumberReader.read(sentence, at: index + 1),
                !number.hasScale, case .int(let value) = number.value, (1...200).contains(value),
                sentence.lower(number.last + 1) != "%",
                // "fell to the number two spot"; "the number 10" alone may be a bus or a shirt.
                previous != "the" || sentence.lower(number.last + 1, isIn: Self.positionNouns)
            else { return nil }
            if previous == "the" {
                (rank, last) = (value, number.last + 1)
            } else {
                (rank, last) = (value, number.last)
            }
            if previous == "world" { measure = "world ranking" }
        } else if sentence[index].hasHyphen, let head = word.split(separator: "-").first,
            let value = Lexicon.ordinalWords[String(head)] ?? (head == "top" ? 1 : nil),
            Self.seedWords.contains(String(word.split(separator: "-").last ?? ""))
                || Self.placedWords.contains(String(word.split(separator: "-").last ?? ""))
        {
            // "seventh-seeded Nathalie Dechy", "third-placed Everton", "top-ranked Federer".
            let tail = String(word.split(separator: "-").last ?? "")
            (rank, last, measure) = (value, index, Self.seedWords.contains(tail) ? "seeding" : nil)
        } else if word == "top" || Lexicon.ordinalWords[sentence[index]] != nil,
            sentence.lower(index + 1, isIn: Self.seedWords)
        {
            rank = word == "top" ? 1 : Lexicon.ordinalWords[sentence[index]] ?? 1
            (last, measure) = (index + 1, "seeding")
        } else {
            return nil
        }
        var first = index
        if word == "number", sentence.lower(index - 1) == "world" || sentence[safe: index - 1]?.isCapitalized == true {
            first = index - 1
        }
        var fields: [String: JSONValue] = ["rank": .int(rank)]
        if let measure { fields["measure"] = .string(measure) }
        // The player or record named right after ("World number one Lindsay Davenport").
        let nameEnd = Self.nameEnd(after: last, words: 4, in: sentence)
        if nameEnd > last {
            fields["subject"] = .string(sentence.text(last + 1, nameEnd))
            last = nameEnd
        } else if let verb = copula(before: index, in: sentence) ?? Self.movedVerb(before: index, in: sentence),
            let subject = sentence.subject(ofVerbAt: verb)
        {
            fields["subject"] = .string(subject)
        }
        return (
            Finding(
                kind: .ranking, span: sentence.span(first, last), anchor: sentence.span(index, index), fields: fields,
                prior: 0.8),
            index...last
        )
    }

    /// A chart move shortly before `index`: "went in at", "moved up to", "climbed to".
    static func movedVerb(before index: Int, in sentence: Sentence) -> Int? {
        (max(0, index - 4)..<index).last { sentence.lower($0, isIn: Self.rankVerbs) || sentence.lower($0) == "went" }
    }

    static let positionLeads: WordSet = ["at", "to", "world", "from", "reached", "hit", "peaked", "the"]
    /// Adverbs between a verb and a position: "is currently number two".
    static let positionAdverbs: WordSet = ["currently", "now", "still", "again", "already", "once", "back"]
    /// What a "top of the …" position is on.
    static let tableNouns: WordSet = [
        "chart", "charts", "table", "tables", "league", "standings", "rankings", "ranking", "list", "polls",
        "leaderboard", "pile", "tree", "poll",
    ]
    /// Words that may follow a bare chart position: "to four with Lose My Breath".
    static let afterChartPosition: WordSet = ["with", "in", "on", "after", "behind", "and", "this", "last", "while"]
    /// Moves on a chart before "to"/"at": "slipped one place to four", "climbed to three".
    static let chartMoves: WordSet = [
        "place", "places", "slipped", "dropped", "fell", "rose", "climbed", "moved", "jumped", "went", "straight",
        "up", "down", "in", "entered", "re-entered", "debuted", "back",
    ]

    /// Whether the sentence is about a chart: it names one, a place on one, or a "number N" position.
    /// ``isAboutAChart(_:)``, worked out once per sentence into `cached`.
    static func isAboutAChart(_ sentence: Sentence, cached: inout Bool?) -> Bool {
        if let cached { return cached }
        let answer = isAboutAChart(sentence)
        cached = answer
        return answer
    }

    static func isAboutAChart(_ sentence: Sentence) -> Bool {
        (0..<sentence.count).contains { index in
            sentence.lower(index, isIn: chartWords)
                || (sentence.lower(index) == "number" && !sentence[index].isCapitalized
                    && sentence[safe: index + 1].map { NumberReader.units[$0] != nil } == true)
        }
    }
    static let chartWords: WordSet = ["chart", "charts", "place", "places", "top-10", "top-40", "singles", "albums"]
    /// Possessives that rank within a time's set only after a determiner: "the week's biggest single".
    static let timeScopeNouns: WordSet = [
        "week", "year", "month", "day", "season", "decade", "century", "night", "weeks", "years", "months", "days",
        "seasons", "decades", "centuries", "time",
    ]
    static let timeScopeDeterminers: WordSet = ["the", "this", "last", "that"]
    /// Pronouns whose possessive scopes a measurable superlative: "its biggest creditor".
    static let pronounScopes: WordSet = ["its", "their"]
    /// Superlatives of size or amount, which rank members of a set rather than judge them ("best").
    static let measurableSuperlatives: WordSet = [
        "biggest", "largest", "smallest", "oldest", "youngest", "richest", "poorest", "tallest", "wealthiest",
        "busiest",
    ]
    /// Nouns of a record in time, not a member of a set: "its biggest loss", "their highest level".
    static let recordNouns: WordSet = [
        "level", "levels", "loss", "losses", "profit", "profits", "rise", "rises", "fall", "falls", "drop",
        "gain", "gains", "increase", "decline", "jump", "surge", "slump", "fall", "deficit", "surplus", "win",
        "defeat", "victory", "month", "year", "week", "day", "quarter", "chance", "ever", "since", "yet",
        "moment", "day", "night", "season", "result", "results", "performance", "total", "recent", "important",
        "likely", "priority",
    ]
    /// Roles whose "of …" names the set a superlative ranks in: "the biggest importer of cocoa".
    static let roleNouns: WordSet = [
        "importer", "exporter", "producer", "consumer", "buyer", "seller", "supplier", "maker", "manufacturer",
        "holder", "shareholder", "lender", "creditor", "investor", "owner", "employer", "user", "users",
        "importers", "exporters", "producers", "consumers", "buyers", "sellers", "suppliers", "makers",
        "manufacturers", "holders", "shareholders", "lenders", "creditors", "investors", "owners", "employers",
        "donor", "donors", "recipient", "recipients", "source", "market", "markets",
    ]
    static let scorerNouns: WordSet = [
        "scorer", "scorers", "goalscorer", "goalscorers", "try-scorer", "points-scorer", "run-scorer",
        "wicket-taker", "rebounder", "earner", "earners",
    ]
    static let judgingSuperlatives: WordSet = ["best", "worst", "greatest", "finest"]

    /// Whether a capitalised owner reads as a country, region or acronym ("Britain", "Europe", "UK"), not a person.
    static func soundsLikeAPlace(_ owner: String) -> Bool {
        if owner.count <= 3 { return true }
        return ["land", "ia", "ope", "ica", "an", "ain", "ce", "ny", "na", "ey", "al", "ria", "es"].contains {
            owner.hasSuffix($0)
        }
    }

    static let awardWords: WordSet = [
        "actor", "actress", "supporting", "director", "picture", "film", "newcomer", "act", "video", "song",
        "album", "single", "group", "artist", "award", "awards", "nomination", "nominations", "prize", "category",
    ]
    /// The superlative before the hyphen of "highest-grossing", unless the word is "biggest-ever".
    static func hyphenSuperlativeHead(_ word: String) -> String? {
        guard let hyphen = word.firstIndex(of: "-") else { return nil }
        let head = String(word[..<hyphen])
        let tail = word[word.index(after: hyphen)...]
        guard Lexicon.superlatives.contains(head), head != "most", head != "least", head != "top",
            !tail.hasPrefix("ever"), !tail.isEmpty
        else { return nil }
        return head
    }

    static let recordFollowers: WordSet = ["since", "ever", "for", "yet", "so"]

    /// Whether a time frame follows token `index`: "since 2001", "ever", "in five years", "in a decade".
    static func timeRecordFollows(_ index: Int, in sentence: Sentence) -> Bool {
        if sentence.lower(index + 1, isIn: recordFollowers) { return true }
        guard sentence.lower(index + 1) == "in", let next = sentence[safe: index + 2] else { return false }
        return next.isNumber || smallNumberWords.contains(next)
            || ["a", "more", "over", "almost", "nearly", "years", "decades", "history"].contains(next.lower)
    }
    static let seedWords: WordSet = ["seed", "seeded"]
    static let placedWords: WordSet = ["placed", "ranked"]
    static let positionNouns: WordSet = ["spot", "place", "position"]

    /// "the number one carmaker", "is number one in …".
    private func numberOne(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        guard sentence.matches(Self.numberOne, at: index), !sentence.lower(index + 2, isIn: Self.idiomNouns),
            Self.beforeNumberOne.contains(sentence.lower(index - 1))
                || (sentence.lower(index - 1) == "new" && sentence.lower(index - 2) == "the")
                // "a number one hit", "his 19th number one single".
                || ((sentence.lower(index - 1) == "a" || ordinal(at: max(0, index - 2), in: sentence)?.1 == index - 1)
                    && sentence.lower(index + 2, isIn: Self.chartEntries))
                || (sentence.lower(index - 1, isIn: Self.positionAdverbs)
                    && Self.beforeNumberOne.contains(sentence.lower(index - 2)))
        else { return nil }
        var fields: [String: JSONValue] = ["rank": 1]
        let measureEnd = sentence.clauseEnd(from: index + 2)
        if measureEnd >= index + 2 { fields["measure"] = .string(sentence.text(index + 2, measureEnd)) }
        if let verb = copula(before: index, in: sentence), let subject = sentence.subject(ofVerbAt: verb) {
            fields["subject"] = .string(subject)
        }
        let last = max(index + 1, measureEnd)
        return (
            Finding(
                kind: .ranking, span: sentence.span(index, last), anchor: sentence.span(index, index + 1),
                fields: fields,
                prior: 0.75),
            index...last
        )
    }

    /// "second only to the US".
    private func secondOnlyTo(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        guard sentence.matches(Self.secondOnlyTo, at: index) else { return nil }
        let end = sentence.clauseEnd(from: index + 3)
        guard end >= index + 3 else { return nil }
        var fields: [String: JSONValue] = ["rank": 2, "leader": .string(sentence.text(index + 3, end))]
        if let verb = copula(before: index, in: sentence), let subject = sentence.subject(ofVerbAt: verb) {
            fields["subject"] = .string(subject)
        }
        return (
            Finding(
                kind: .ranking, span: sentence.span(index, end), anchor: sentence.span(index, index + 2),
                fields: fields,
                prior: 0.75),
            index...end
        )
    }

    /// "market leader Diageo", "Diageo, the market leader,", "Nokia leads the global handset market".
    private func leader(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        let word = sentence.lower(index)
        var fields: [String: JSONValue] = ["rank": 1]
        if word == "leader" {
            // A leader of a market or an industry; "a world leader in …" is one of several.
            // "world leader" names a head of state unless "in" gives the field: "the world leader in chips".
            guard sentence.lower(index - 1, isIn: Self.leaderFields),
                !sentence.lower(index - 1, isIn: Self.globalFields) || sentence.lower(index + 1) == "in",
                !sentence[index - 1].isCapitalized
                    || index - 1 == sentence.clauseStart(before: index - 1),
                !sentence.lower(index - 2, isIn: NumberReader.indefiniteArticles),
                !sentence.lower(index - 2, isIn: Self.notTheOnlyLeader)
            else { return nil }
            let first = index - 1
            var last = index
            fields["measure"] = .string(sentence.text(first, index))
            let nameEnd = Self.nameEnd(after: index, words: 4, in: sentence)
            if nameEnd > index {
                fields["subject"] = .string(sentence.text(index + 1, nameEnd))
                last = nameEnd
            } else if let subject = appositionOrCopulaSubject(first: first, last: index, in: sentence) {
                fields["subject"] = .string(subject)
            }
            return (
                Finding(
                    kind: .ranking, span: sentence.span(first, last), anchor: sentence.span(first, index),
                    fields: fields, prior: 0.75), first...last
            )
        }
        if Self.topVerbs.contains(word) {
            // "topped the charts in the US", "tops its digital chart", "has topped the US box office".
            guard sentence.lower(index + 1, isIn: Self.topObjects),
                let end = (index + 2..<min(sentence.count, index + 8)).first(where: {
                    sentence.lower($0, isIn: Self.tableNouns)
                        || (sentence.lower($0) == "office" && sentence.lower($0 - 1) == "box")
                }),
                !(index + 2..<end).contains(where: { sentence[$0].kind == .punct || sentence.isFiniteVerb($0) }),
                word != "top" || sentence.lower(index - 1) == "to"
            else { return nil }
            fields["measure"] = .string(sentence.text(index + 2, end))
            var first = index
            if let (subject, start) = finiteSubject(ofVerbAt: index, in: sentence) {
                fields["subject"] = .string(subject)
                first = start
            }
            return (
                Finding(
                    kind: .ranking, span: sentence.span(first, end), anchor: sentence.span(index, index),
                    fields: fields, prior: 0.75), index...end
            )
        }
        if word == "leaders", index > 0,
            sentence.lower(index - 1, isIn: Self.tableNouns) || sentence.lower(index - 1, isIn: Self.competitionNouns)
                || sentence.lower(index - 1) == "league"
        {
            // "league leaders Chelsea", "Premiership leaders Chelsea"; not "Congressional leaders" or "world
            // leaders", who lead countries, not a table.
            var fields: [String: JSONValue] = ["rank": 1, "measure": .string(sentence.text(index - 1, index))]
            var last = index
            let nameEnd = Self.nameEnd(after: index, words: 3, in: sentence)
            if nameEnd > index {
                fields["subject"] = .string(sentence.text(index + 1, nameEnd))
                last = nameEnd
            }
            return (
                Finding(
                    kind: .ranking, span: sentence.span(index - 1, last), anchor: sentence.span(index - 1, index),
                    fields: fields, prior: 0.75), index - 1...last
            )
        }
        guard word == "leads" || word == "led" || word == "lead" || word == "leading",
            sentence.lower(index + 1) == "the",
            let firstField = (index + 2..<min(sentence.count, index + 7)).first(where: {
                sentence.lower($0, isIn: Self.ledFields)
            }),
            !(index + 2..<firstField).contains(where: { !sentence[$0].isWord || sentence.isFiniteVerb($0) })
        else { return nil }
        // "lead the world triple jump rankings": the last field word of the phrase.
        var end = firstField
        while end + 1 < min(sentence.count, index + 8), sentence[end + 1].isWord, !sentence.isFiniteVerb(end + 1),
            !sentence.lower(end + 1, isIn: Self.phraseStops),
            (end + 2..<min(sentence.count, index + 8)).contains(where: { sentence.lower($0, isIn: Self.ledFields) })
                || sentence.lower(end + 1, isIn: Self.ledFields)
        {
            end += 1
        }
        // "led the market" as a verb of the sentence, not "the team he led the market in".
        fields["measure"] = .string(sentence.text(index + 2, end))
        var first = index
        if let (subject, start) = finiteSubject(ofVerbAt: index, in: sentence) {
            fields["subject"] = .string(subject)
            first = start
        }
        return (
            Finding(
                kind: .ranking, span: sentence.span(first, end), anchor: sentence.span(index, index), fields: fields,
                prior: 0.75), index...end
        )
    }

    /// "a new British record", "the world indoor record", "a European record"; not "a record £29bn" or "record
    /// levels", which name no set (bbc-dev's neutral spans).
    private func scopedRecord(at index: Int, in sentence: Sentence, chart: inout Bool?) -> (Finding, ClosedRange<Int>)?
    {
        let word = sentence.lower(index)
        if word == "no" {
            // "the world No 1", "UK No 2": a position written short; "No 10" is Downing Street.
            guard sentence[index].isCapitalized, index > 0,
                let number = NumberReader.read(sentence, at: index + 1)
                    ?? (sentence[safe: index + 1]?.isPunct(".") == true
                        ? NumberReader.read(sentence, at: index + 2) : nil),
                number.isDigits, !number.hasScale, case .int(let value) = number.value, (1...200).contains(value),
                value != 10 || Self.isAboutAChart(sentence, cached: &chart),
                sentence.lower(index - 1) == "world" || sentence.lower(index - 1) == "the"
                    || sentence.lower(index - 1) == "at"
                    || sentence.lower(index - 1) == "to" || sentence[index - 1].isAllCaps
                    || Self.isPlaceModifier(sentence[index - 1])
            else { return nil }
            let first =
                sentence.lower(index - 1) == "the" || sentence.lower(index - 1) == "at"
                    || sentence.lower(index - 1) == "to" ? index : index - 1
            return (
                Finding(
                    kind: .ranking, span: sentence.span(first, number.last), fields: ["rank": .int(value)], prior: 0.75),
                index...number.last
            )
        }
        guard word == "record" || word == "records", index > 0 else { return nil }
        var scopeIndex = index - 1
        if sentence.lower(scopeIndex, isIn: Self.recordKinds) { scopeIndex -= 1 }
        guard scopeIndex >= 0,
            sentence.lower(scopeIndex, isIn: Self.recordScopes)
                || (sentence[scopeIndex].isCapitalized && Self.isPlaceModifier(sentence[scopeIndex])),
            !sentence.lower(index + 1, isIn: Self.notRecordNouns)
        else { return nil }
        var fields: [String: JSONValue] = [
            "rank": 1, "scope": .string(sentence[scopeIndex].text),
            "measure": .string(sentence.text(scopeIndex, index)),
        ]
        var last = index
        if sentence.lower(index + 1) == "holder" {
            last = index + 1
        }
        if let verb = (sentence.clauseStart(before: scopeIndex)..<scopeIndex).first(where: { sentence.isFiniteVerb($0) }
        ),
            let subject = sentence.subject(ofVerbAt: verb)
        {
            fields["subject"] = .string(subject)
        }
        return (
            Finding(
                kind: .ranking, span: sentence.span(scopeIndex, last), anchor: sentence.span(scopeIndex, index),
                fields: fields, prior: 0.7), scopeIndex...last
        )
    }

    static let recordScopes: WordSet = [
        "world", "olympic", "national", "commonwealth", "european", "british", "world-record", "championship",
        "games", "meeting", "course", "stadium", "club", "league", "tournament", "uk", "us", "european",
    ]
    static let recordKinds: WordSet = [
        "indoor", "outdoor", "junior", "senior", "all-time", "area", "age-group", "veterans",
    ]
    static let notRecordNouns: WordSet = [
        "label", "labels", "company", "companies", "deal", "deals", "industry", "store", "stores", "shop", "shops",
        "producer", "producers", "sales", "executive", "executives", "collection", "player", "players", "books",
    ]

    static let finishVerbs: WordSet = [
        "came", "come", "comes", "coming", "finished", "finish", "finishes", "ended", "ends",
    ]
    static let competitionNouns: WordSet = [
        "premiership", "championship", "division", "group", "conference", "pool", "series", "standings",
    ]

    static let topVerbs: WordSet = ["topped", "tops", "topping", "top"]
    static let topObjects: WordSet = ["the", "its", "their", "both", "his", "her", "this", "a"]
    static let globalFields: WordSet = ["world", "global"]
    static let leaderFields: WordSet = ["market", "industry", "sector", "world", "global", "category", "league"]
    static let notTheOnlyLeader: WordSet = ["former", "another", "one", "joint", "co"]
    static let ledFields: WordSet = [
        "market", "markets", "industry", "sector", "world", "league", "table", "standings", "rankings", "charts",
        "chart", "field", "polls", "race",
    ]

    /// "more broadband users than any other country", "growing at a faster rate than the rest of the
    /// world": a comparison with every other member of a set puts the subject first.
    private func thanAnyOther(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        guard sentence.lower(index) == "than" else { return nil }
        let setStart: Int
        if sentence.matches(Self.anyOther, at: index + 1) || sentence.matches(Self.allOther, at: index + 1) {
            setStart = index + 3
        } else if sentence.matches(Self.anyOneOf, at: index + 1) {
            setStart = index + 4  // "than any one of the other three houses"
        } else if sentence.matches(Self.theRestOf, at: index + 1) {
            setStart = index + 4
        } else {
            return nil
        }
        let end = sentence.clauseEnd(from: setStart, stopWords: [])
        guard end >= setStart else { return nil }
        let clauseStart = sentence.clauseStart(before: index)
        // The comparative: "more …", "less …", "faster" (the nearest before "than" in its clause).
        guard
            let comparative = (max(clauseStart, index - 8)..<index).last(where: {
                sentence.lower($0, isIn: Self.comparativeWords)
                    || (sentence[$0].isWord && sentence.lower($0).hasSuffix("er") && sentence[$0].length > 4
                        && !sentence.lower($0, isIn: Self.notComparatives))
            })
        else { return nil }
        var fields: [String: JSONValue] = [
            "rank": 1, "measure": .string(sentence.text(comparative, index - 1)),
            "scope": .string(sentence.text(setStart, end)),
        ]
        var first = comparative
        if let verb = (clauseStart..<comparative).first(where: { sentence.isFiniteVerb($0) }),
            let subject = sentence.subject(ofVerbAt: verb)
        {
            fields["subject"] = .string(subject)
            first = subjectStart(beforeVerb: verb, in: sentence) ?? comparative
        }
        return (
            Finding(
                kind: .ranking, span: sentence.span(first, end), anchor: sentence.span(comparative, index),
                fields: fields, prior: 0.75),
            index...end
        )
    }

    static let anyOther = Phrase("any other")
    static let anyOneOf = Phrase("any one of")
    static let allOther = Phrase("all other")
    static let theRestOf = Phrase("the rest of")
    static let comparativeWords: WordSet = ["more", "less", "fewer", "better", "worse"]
    static let notComparatives: WordSet = [
        "other", "never", "ever", "under", "over", "after", "number", "member", "members", "whether", "rather",
        "together", "either", "neither", "however", "customer", "customers", "consumer", "consumers", "player",
        "players", "manager", "water", "power", "paper", "matter", "letter", "order", "border", "centre", "center",
        "quarter", "summer", "winter", "october", "november", "december", "september", "another", "computer",
        "computers", "former", "partner", "partners", "leader", "leaders", "officer", "officers", "further",
        "provider", "providers", "producer", "producers", "retailer", "retailers", "maker", "makers", "operator",
        "operators", "carrier", "carriers", "lender", "lenders", "supplier", "suppliers", "worker", "workers",
    ]

    // MARK: Helpers

    /// The last token of the capitalised name of at most `words` words right after `index`, or `index`.
    static func nameEnd(after index: Int, words: Int, in sentence: Sentence) -> Int {
        var end = index
        while end + 1 < sentence.count && sentence[end + 1].isCapitalized && end - index < words { end += 1 }
        return end
    }

    /// The subject of a ranking verb and where it begins; none for an infinitive ("to lead the world
    /// rankings"), whose subject is not its own here.
    private func finiteSubject(ofVerbAt verb: Int, in sentence: Sentence) -> (String, Int)? {
        guard sentence.lower(verb - 1) != "to", let subject = sentence.subject(ofVerbAt: verb) else { return nil }
        return (subject, subjectStart(beforeVerb: verb, in: sentence) ?? verb)
    }

    /// The rank of an ordinal ("28th", "third", "third-largest") and its last token.
    private func ordinal(at index: Int, in sentence: Sentence) -> (Int, Int)? {
        let token = sentence[index]
        // The suffix first: most numbers have none, and then the text need not be parsed.
        if token.isNumber, let suffix = sentence[safe: index + 1], suffix.start == token.end,
            ["st", "nd", "rd", "th"].contains(suffix.lower), let value = Int(token.text)
        {
            return (value, index + 1)
        }
        guard token.isWord, Lexicon.ordinalWords[token] != nil || token.hasHyphen
        else { return nil }
        // Most hyphenated words ("well-known") have no ordinal head: settled before the word is split.
        if token.headBeforeHyphen(isIn: Lexicon.ordinalWords) == false && Lexicon.ordinalWords[token] == nil {
            return nil
        }
        let head = token.lower.split(separator: "-").first.map(String.init) ?? token.lower
        guard let value = Lexicon.ordinalWords[head] else { return nil }
        if token.lowerContainsHyphen {
            let tail = String(token.lower.drop { $0 != "-" }.dropFirst())
            guard Lexicon.superlatives.contains(tail) else { return nil }
        }
        return (value, index)
    }

    private func superlativeRank(_ word: String) -> (Int, String?) {
        if Lexicon.superlatives.contains(word) { return (1, word) }
        guard word.utf8.contains(UInt8(ascii: "-")) else { return (1, nil) }
        // "highest-grossing", "fastest-growing"; not "largest-ever", a record in time.
        if Self.hyphenSuperlativeHead(word) != nil { return (1, word) }
        let parts = word.split(separator: "-", maxSplits: 1).map(String.init)
        if parts.count == 2, let rank = Lexicon.ordinalWords[parts[0]], Lexicon.superlatives.contains(parts[1]) {
            return (rank, parts[1])
        }
        return (1, nil)
    }

    /// The last token of the noun phrase from `start` ("mobile operator"), at most four words.
    private func nounEnd(from start: Int, in sentence: Sentence) -> Int? {
        var position = start
        while position < sentence.count && position - start < 4 && sentence[position].isWord
            && !sentence.lower(position, isIn: Self.phraseStops) && !sentence.isFiniteVerb(position)
        {
            position += 1
        }
        return position > start ? position - 1 : nil
    }

    /// The subject a superlative describes: "HSBC, Britain's biggest bank", "Britain's biggest bank,
    /// HSBC", or "HSBC is Britain's biggest bank".
    private func appositionOrCopulaSubject(first: Int, last: Int, in sentence: Sentence) -> String? {
        var start = first
        if sentence.lower(start - 1) == "the" { start -= 1 }
        if sentence.matches(Self.oneOf, at: start - 2) { start -= 2 }
        if start > 0 && sentence[start - 1].isPunct(",") {
            var nameStart = start - 1
            while nameStart > 0 && sentence[nameStart - 1].isCapitalized { nameStart -= 1 }
            if nameStart < start - 1 { return sentence.text(nameStart, start - 2) }
        }
        if sentence[safe: last + 1]?.isPunct(",") == true {
            var nameEnd = last + 2
            while nameEnd < sentence.count && sentence[nameEnd].isCapitalized { nameEnd += 1 }
            if nameEnd > last + 2 { return sentence.text(last + 2, nameEnd - 1) }
        }
        if let verb = copula(before: start, in: sentence), verb == start - 1 || verb == start - 2 {
            return sentence.subject(ofVerbAt: verb)
        }
        return nil
    }

    /// A copular or ranking verb shortly before `index` ("is", "became", "remains").
    private func copula(before index: Int, in sentence: Sentence) -> Int? {
        (max(0, index - 3)..<index).last { sentence.lower($0, isIn: Self.copulas) }
    }

    /// Where the subject of `verb` begins.
    private func subjectStart(beforeVerb verb: Int, in sentence: Sentence) -> Int? {
        let start = sentence.clauseStart(before: verb)
        var first = start
        while first < verb
            && (sentence[first].kind == .punct || sentence.lower(first, isIn: .discourseAdverb))
        {
            first += 1
        }
        return first < verb ? first : nil
    }

    /// "A 2025 Stanford University study" before "ranked": the source's name and year.
    private func attribution(beforeVerb verb: Int, in sentence: Sentence) -> (fields: [String: JSONValue], first: Int)?
    {
        guard let first = subjectStart(beforeVerb: verb, in: sentence) else { return nil }
        var fields: [String: JSONValue] = [:]
        var names: [Int] = []
        for position in first..<verb {
            if let year = NumberReader.year(sentence[position]) {
                fields["year"] = .int(year)
            } else if sentence[position].isCapitalized
                && !(position == first && ["a", "an", "the"].contains(sentence.lower(position)))
            {
                names.append(position)
            }
        }
        if let firstName = names.first, let lastName = names.last {
            fields["source"] = .string(sentence.text(firstName, lastName))
        }
        return fields.isEmpty ? nil : (fields, first)
    }

    /// The source named by "according to X".
    private func accordingTo(in sentence: Sentence) -> String? {
        let accordingTo = QuoteRecognizer.accordingTo
        guard let index = (0..<sentence.count).first(where: { sentence.matches(accordingTo, at: $0) })
        else {
            return nil
        }
        let end = sentence.clauseEnd(from: index + 2, stopWords: [])
        return end >= index + 2 ? sentence.text(index + 2, end) : nil
    }

    static let outOf = Phrase("out of")
    static let oneOf = Phrase("one of")
    static let oneOfThe = Phrase("one of the")
    static let numberOne = Phrase("number one")
    static let secondOnlyTo = Phrase("second only to")
    static let chartEntries: WordSet = [
        "hit", "hits", "single", "singles", "album", "albums", "record", "records", "song",
    ]
    /// "the number one thing", "our number one priority": an idiom, not a position.
    static let idiomNouns: WordSet = [
        "thing", "things", "priority", "reason", "issue", "concern", "question", "goal", "fan", "fans", "enemy",
        "problem", "job", "task", "aim", "target",
    ]
    static let beforeNumberOne: WordSet = [
        "the", "is", "was", "became", "world's", "remains", "at", "been", "be", "being", "become", "becomes", "went",
        "go", "goes", "reached", "reach", "hit", "stayed", "stay", "stays", "remained", "are", "were", "to",
    ]
    static let rankVerbs: WordSet = [
        "ranked", "ranks", "rank", "ranking", "rated", "placed", "came", "comes", "finished", "finishes", "sits",
        "stands", "lies", "placing", "slipped", "dropped", "fell", "rose", "climbed", "moved", "lying", "finish",
        "finishing",
    ]
    static let activeRankVerbs: WordSet = ["ranked", "ranks", "rank", "rated", "placed", "placing", "ranking"]
    static let copulas: WordSet = [
        "is", "are", "was", "were", "became", "becomes", "remains", "remained", "be", "been", "ranked", "ranks",
        "came", "finished",
    ]
    static let measurePrepositions: WordSet = ["in", "for", "by", "on"]
    /// Verbs that place a subject at an ordinal with nothing else: "was second with $24m".
    static let placingCopulas: WordSet = [
        "was", "is", "were", "are", "remains", "remained", "lies", "lay", "sits", "sat", "took",
    ]
    static let afterPlacing: WordSet = ["with", "behind", "on", "in", "after", "at", "to", "and"]
    /// "was in second, taking $16.1m", "Bloc Party at second", "beaten into fourth".
    static let placingPrepositions: WordSet = ["in", "at", "into"]
    static let absenceCues: WordSet = [
        "lacks", "lack", "lacking", "lacked", "absent", "missing", "excluded", "not", "no", "none", "never",
        "without", "outside", "failed", "fails", "isn't", "aren't", "wasn't", "weren't",
    ]
    static let scopeNouns: WordSet = [
        "world", "country", "nation", "region", "continent", "city", "state", "europe", "industry", "sector",
        "company", "firm", "league", "game", "market", "exchange", "economy", "business", "eurozone", "union",
        "kingdom", "continent", "sport", "division", "championship", "premiership",
    ]

    /// A capitalised word that scopes a superlative before its noun: "US", "UK", "British", "Japanese".
    static func isPlaceModifier(_ token: Token) -> Bool {
        guard token.isWord, token.length >= 2 else { return false }
        if token.isAllCaps { return token.length <= 3 }
        let lower = token.lower
        return lower.hasSuffix("an") || lower.hasSuffix("ish") || lower.hasSuffix("ese") || lower.hasSuffix("ian")
            || lower.hasSuffix("ch")
    }
    static let phraseStops: WordSet = [
        "of", "in", "to", "for", "from", "at", "on", "by", "with", "and", "or", "but", "who", "that", "which", "than",
        "as", "since", "after", "ever", "among",
    ]
}
