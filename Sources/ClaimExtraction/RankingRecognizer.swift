import ClaimCore

/// Finds rankings: "28th out of 36", top-N membership or absence, scoped superlatives ("Britain's
/// biggest bank"), "number one" and "second only to".
struct RankingRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var used = Set<Int>()
        for index in 0..<sentence.count where !used.contains(index) && Self.mayStart(at: index, in: sentence) {
            let found =
                ordinalRanking(at: index, in: sentence) ?? topN(at: index, in: sentence)
                ?? scopedSuperlative(at: index, in: sentence) ?? position(at: index, in: sentence)
                ?? numberOne(at: index, in: sentence)
                ?? secondOnlyTo(at: index, in: sentence)
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
        Array(Lexicon.superlatives.words) + Lexicon.ordinalWords.dictionary.keys + ["top", "number", "second"])

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
        guard fields["outOf"] != nil || verb != nil || superlativeFollows else { return nil }
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
        } else if sentence[index].isNumber,
            sentence.lower(index + 1, isIn: Lexicon.superlatives)
                || (sentence.lower(index + 1) == "most" && index + 2 < sentence.count),
            sentence.lower(index - 1) == "the" || sentence[safe: index - 1]?.isPossessive == true
        {
            numberIndex = index
            measureStart = index + 1
        } else {
            return nil
        }
        guard let number = NumberReader.read(sentence, at: numberIndex), case .int(let top) = number.value,
            measureStart < sentence.count
        else { return nil }
        let measureEnd = sentence.clauseEnd(from: measureStart)
        guard measureEnd >= measureStart else { return nil }
        var fields: [String: JSONValue] = [
            "top": .int(top), "measure": .string(sentence.text(measureStart, measureEnd)),
        ]
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
                || (token.hasHyphen && token.headBeforeHyphen(isIn: Lexicon.ordinalWords) != false)
        else { return nil }
        let word = sentence.lower(index)
        let (rank, superlative) = superlativeRank(word)
        guard let superlative, superlative != "top", superlative != "leading" else { return nil }
        var measureStart = index
        if superlative == "most" || superlative == "least" {
            guard index + 1 < sentence.count, sentence[index + 1].isWord else { return nil }
            measureStart = index
        }
        let nounEnd = nounEnd(
            from: superlative == "most" || superlative == "least" ? index + 2 : index + 1, in: sentence)
        guard let nounEnd else { return nil }
        var scope: String?
        var first = index
        if index > 0, sentence[index - 1].isPossessive,
            sentence[index - 1].isCapitalized || Self.scopeNouns.contains(String(sentence.lower(index - 1).dropLast(2)))
        {
            scope = String(sentence[index - 1].text.unicodeScalars.dropLast(2).map(Character.init))
            first = index - 1
        }
        var last = nounEnd
        if scope == nil, sentence.lower(nounEnd + 1) == "in",
            let place = nounEnd + 2 < sentence.count ? nounEnd + 2 : nil
        {
            if sentence[place].isCapitalized {
                scope = sentence[place].text
                last = place
            } else if sentence.lower(place) == "the", sentence.lower(place + 1, isIn: Self.scopeNouns) {
                scope = sentence.text(place, place + 1)
                last = place + 1
            } else if sentence.lower(place) == "the", sentence[safe: place + 1]?.isWord == true,
                sentence.lower(place + 2, isIn: Self.scopeNouns)
            {
                // "the largest single player in the mortgage market".
                scope = sentence.text(place, place + 2)
                last = place + 2
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
    private func position(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        var rank: Int
        var last: Int
        var measure: String?
        let word = sentence.lower(index)
        if word == "top", sentence.lower(index + 1, isIn: Self.positionNouns) {
            // "held on the chart top spot", "in top place".
            (rank, last, measure) = (1, index + 1, nil)
        } else if word == "number" {
            // "at Number 10" is Downing Street, not a chart: a position is written in lower case,
            // except after "world" ("World number one").
            let previous = sentence.lower(index - 1)
            guard Self.positionLeads.contains(previous), !sentence[index].isCapitalized || previous == "world",
                index + 1 < sentence.count, let number = NumberReader.read(sentence, at: index + 1),
                !number.hasScale, case .int(let value) = number.value, (1...200).contains(value),
                sentence.lower(number.last + 1) != "%"
            else { return nil }
            (rank, last) = (value, number.last)
            if previous == "world" { measure = "world ranking" }
        } else if sentence[index].hasHyphen, let head = word.split(separator: "-").first,
            let value = Lexicon.ordinalWords[String(head)],
            Self.seedWords.contains(String(word.split(separator: "-").last ?? ""))
        {
            (rank, last, measure) = (value, index, "seeding")
        } else if word == "top" || Lexicon.ordinalWords[sentence[index]] != nil,
            sentence.lower(index + 1, isIn: Self.seedWords)
        {
            rank = word == "top" ? 1 : Lexicon.ordinalWords[sentence[index]] ?? 1
            (last, measure) = (index + 1, "seeding")
        } else {
            return nil
        }
        var first = index
        if sentence.lower(index - 1) == "world" && word == "number" { first = index - 1 }
        var fields: [String: JSONValue] = ["rank": .int(rank)]
        if let measure { fields["measure"] = .string(measure) }
        // The player or record named right after ("World number one Lindsay Davenport").
        var nameEnd = last
        while nameEnd + 1 < sentence.count && sentence[nameEnd + 1].isCapitalized && nameEnd - last < 4 {
            nameEnd += 1
        }
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

    static let positionLeads: WordSet = ["at", "to", "world", "from"]
    static let seedWords: WordSet = ["seed", "seeded"]
    static let positionNouns: WordSet = ["spot", "place", "position"]

    /// "the number one carmaker", "is number one in …".
    private func numberOne(at index: Int, in sentence: Sentence) -> (Finding, ClosedRange<Int>)? {
        guard sentence.matches(Self.numberOne, at: index),
            ["the", "is", "was", "became", "world's", "remains", "at"].contains(sentence.lower(index - 1))
        else { return nil }
        var fields: [String: JSONValue] = ["rank": 1]
        let measureEnd = sentence.clauseEnd(from: index + 2)
        if measureEnd >= index + 2 { fields["measure"] = .string(sentence.text(index + 2, measureEnd)) }
        if let verb = copula(before: index, in: sentence), let subject = sentence.subject(ofVerbAt: verb) {
            fields["subject"] = .string(subject)
        }
        let last = max(index + 1, measureEnd)
        return (Finding(kind: .ranking, span: sentence.span(index, last), fields: fields, prior: 0.75), index...last)
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
        return (Finding(kind: .ranking, span: sentence.span(index, end), fields: fields, prior: 0.75), index...end)
    }

    // MARK: Helpers

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
    static let rankVerbs: WordSet = [
        "ranked", "ranks", "rank", "ranking", "rated", "placed", "came", "comes", "finished", "finishes", "sits",
        "stands", "lies", "placing", "slipped", "dropped", "fell", "rose", "climbed", "moved",
    ]
    static let activeRankVerbs: WordSet = ["ranked", "ranks", "rank", "rated", "placed", "placing", "ranking"]
    static let copulas: WordSet = [
        "is", "are", "was", "were", "became", "becomes", "remains", "remained", "be", "been", "ranked", "ranks",
        "came", "finished",
    ]
    static let measurePrepositions: WordSet = ["in", "for", "by", "on"]
    static let absenceCues: WordSet = [
        "lacks", "lack", "lacking", "lacked", "absent", "missing", "excluded", "not", "no", "none", "never",
        "without", "outside", "failed", "fails", "isn't", "aren't", "wasn't", "weren't",
    ]
    static let scopeNouns: WordSet = [
        "world", "country", "nation", "region", "continent", "city", "state", "europe", "industry", "sector",
        "company", "firm", "league", "game", "market",
    ]
    static let phraseStops: WordSet = [
        "of", "in", "to", "for", "from", "at", "on", "by", "with", "and", "or", "but", "who", "that", "which", "than",
        "as", "since", "after", "ever",
    ]
}
