import ClaimCore

/// Finds quantities: counts, money, percentages and shares ("approximately 100,000 IT professionals").
///
/// Skips numbers that are not measurements: years and dates, clock times, ages, ordinals, phone
/// numbers, numbers inside names ("Channel 4"), law sections and sports scores.
struct QuantityRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        var years: [(value: Int, index: Int)]?
        while index < sentence.count {
            guard NumberReader.mayStart(sentence, at: index), let number = NumberReader.read(sentence, at: index) else {
                if sentence.tokens[index].hasHyphen, let finding = Self.hyphenCount(at: index, in: sentence) {
                    findings.append(finding)
                }
                index += 1
                continue
            }
            index = number.last + 1
            if years == nil { years = Self.yearMentions(in: sentence) }
            if let finding = quantity(number, in: sentence, years: years ?? []) {
                findings.append(finding)
                // "six out of 20 women", "121 of his 147 matches": one claim; the whole makes none of its own.
                if sentence.lower(number.last + 1) == "out" || sentence.lower(number.last + 1) == "of" {
                    while index < sentence.count && sentence.tokens[index].start < finding.span.end { index += 1 }
                }
            }
        }
        guard !findings.isEmpty else { return [] }
        let migration = Self.isMigration(sentence)
        return findings.map { finding in
            var finding = finding
            if migration && finding.fields["unit"] != "percent" { finding.extraTopics = ["emigration"] }
            return finding
        }
    }

    /// Whether the sentence speaks of people leaving a country.
    static func isMigration(_ sentence: Sentence) -> Bool {
        let initials = migrationInitials
        for index in 0..<sentence.count {
            // Each test needs the word to begin with one of these letters: settled from the token's first
            // scalar when it is ASCII (its lower-cased word begins with that letter lower-cased), before
            // the word is copied.
            let first = sentence.tokens[index].first
            if first.isASCII && !initials.contains(UInt8(truncatingIfNeeded: first.value) | 0x20) { continue }
            let word = sentence.lower(index)
            guard let initial = word.utf8.first, initials.contains(initial) else { continue }
            // Only the tests for the word's first letter can pass.
            let found: Bool
            switch initial {
            case UInt8(ascii: "e"): found = word.hasPrefix("emigrat") || word == "exodus"
            case UInt8(ascii: "r"): found = word.hasPrefix("relocat") || word.hasPrefix("refugee")
            case UInt8(ascii: "f"): found = word == "fled" || word.hasPrefix("flee")
            case UInt8(ascii: "m"): found = word.hasPrefix("migrant")
            case UInt8(ascii: "b"): found = word == "brain" && sentence.lower(index + 1) == "drain"
            default:
                found =
                    (word == "leave" || word == "left" || word == "leaving") && sentence.lower(index + 1) == "the"
                    && sentence.lower(index + 2) == "country"
            }
            if found { return true }
        }
        return false
    }

    /// The first letters of the words ``isMigration(_:)`` looks for.
    private static let migrationInitials: [UInt8] = Array("beflmr".utf8)

    /// The quantity `read` begins, if it is one. `asRangeEnd` is set when it is asked for as the second number
    /// of a range, which looks no further: a chain "1-2-3-…" is one step deep, not as deep as it is long.
    private func quantity(
        _ read: ReadNumber, in sentence: Sentence, years: [(value: Int, index: Int)], asRangeEnd: Bool = false
    ) -> Finding? {
        // "was -9.13", "net migration was -2,203,574": a minus sign glued to the digits, not a range's dash.
        let minus = Self.minusSign(before: read, in: sentence)
        let number = minus == nil ? read : read.negated
        var first = minus ?? number.first
        var last = number.last
        var unit: String?
        var isMeasured = false  // money, percent or a measurement unit
        // Currency symbol before the number.
        if first > 0, sentence[first - 1].kind == .punct, let currency = Self.currencySymbols[sentence[first - 1].text]
        {
            unit = currency
            first -= 1
            isMeasured = true
            if first > 0 && sentence[first - 1].isWord && sentence[first - 1].end == sentence[first].start
                && sentence[first - 1].isAllCaps && sentence[first - 1].length <= 2
            {
                first -= 1  // "US$", "A$"
            }
        }
        // A word glued to the digits: "5km" is a unit, "3D", "4G", "21st", "1990s" are not quantities.
        if number.isDigits, last + 1 < sentence.count, sentence[last + 1].isWord,
            sentence[last + 1].start == sentence[last].end
        {
            guard let measure = Self.measurementUnits[sentence[last + 1]] else { return nil }
            // "6:00p.m." is a time, not pence.
            if measure == "pence",
                sentence[safe: first - 1]?.isPunct(":") == true
                    || sentence[safe: last + 2]?.isPunct(".") == true
                        && sentence.lower(last + 3) == "m"
            {
                return nil
            }
            if unit == nil { unit = measure }
            isMeasured = true
            last += 1
        }
        // "a 42-count federal indictment", "a 25-man squad"; not "a 10-month plan" or "a 20-yard drive".
        if unit == nil, number.isDigits, !number.hasScale, sentence[safe: last + 1]?.isPunct("-") == true,
            let word = sentence[safe: last + 2], word.isWord, sentence[last + 1].start == sentence[last].end,
            word.start == sentence[last + 1].end, !word.isCapitalized, !Self.timeUnits.contains(word),
            !Self.hyphenNotCounts.contains(word),
            !word.lower.hasPrefix("year"), NumberReader.year(sentence[number.first]) == nil,
            !Self.distanceWords.contains(word)
        {
            var end = last + 2
            if let phrase = Self.unitPhrase(after: end, in: sentence) { end = phrase.upperBound }
            unit = sentence.text(last + 2, end)
            last = end
            isMeasured = true
        }
        if last + 1 < sentence.count {
            let next = sentence.lower(last + 1)
            if sentence[last + 1].isPunct("%") || next == "percent" || next == "pct" {
                unit = "percent"
                last += 1
            } else if next == "per" && sentence.lower(last + 2) == "cent" {
                unit = "percent"
                last += 2
            } else if next == "percentage" && sentence.lower(last + 2).hasPrefix("point") {
                unit = "percentage points"
                last += 2
            } else if unit == nil, let currency = Self.currencyWords[sentence[last + 1]] {
                unit = currency
                last += 1
            }
            if unit != nil { isMeasured = true }
        }
        if Self.isRaceName(number, in: sentence) { return nil }
        // The first number of a range takes the second's unit: "110 to 135 passengers", "2-3%",
        // "between 5 and 10 million people".
        if unit == nil, !asRangeEnd, let partner = Self.rangePartner(after: number, in: sentence),
            let partnerFinding = quantity(partner, in: sentence, years: years, asRangeEnd: true),
            case .string(let partnerUnit)? = partnerFinding.fields["unit"],
            NumberReader.year(sentence[number.first]) == nil
        {
            var value = number.value
            if partner.hasScale && !number.hasScale, let exponent = NumberReader.scales[sentence[partner.last]] {
                let scaled = number.doubleValue * Double(NumberReader.power(exponent))
                value = scaled == scaled.rounded() && abs(scaled) < 9e15 ? .int(Int(scaled)) : .double(scaled)
            }
            let hedgeStart = Self.hedge(before: first, in: sentence)
            let scaledNumber = ReadNumber(
                value: value, first: number.first, last: number.last, isDigits: number.isDigits, hasScale: true)
            return makeFinding(
                scaledNumber, first: hedgeStart ?? first, last: last, unit: partnerUnit, approximate: hedgeStart != nil,
                in: sentence, years: years)
        }
        if !isMeasured && !Self.isMeasurement(number, in: sentence) { return nil }
        // A number word below ten counts only things named after it ("two teenage girls", "three gold
        // medals"); "one" is a pronoun as often as a count.
        if !number.isDigits && !number.hasScale && number.doubleValue < 2 && !isMeasured
            && !sentence.lower(number.first - 1, isIn: Self.moveVerbs)
        {
            return nil
        }
        // A headline in capitals: "TWO MORE BITE THE DUST".
        if !number.isDigits && sentence[number.first].isAllCaps && sentence[number.first].length > 1
            && sentence[safe: number.last + 1].map({ $0.isAllCaps && $0.isWord }) == true
        {
            return nil
        }
        // A capitalised number word inside a name: "the Six Nations", "Three Lions".
        if !number.isDigits && number.first > 0 && sentence[number.first].isCapitalized
            && sentence[safe: number.last + 1]?.isCapitalized == true
        {
            return nil
        }

        let hedgeStart = Self.hedge(before: first, in: sentence)
        if let hedgeStart { first = hedgeStart }
        // "100,000 or so people", "50 or more": a hedge after the number.
        var approximate = hedgeStart != nil
        if unit == nil, Self.trailingHedges.contains(where: { sentence.matches(words: $0, at: last + 1) }) {
            approximate = true
            last += 2
        }
        // "six out of 20 women": the count, with the whole it is out of and what both count.
        var unitAfter = last
        if unit == nil, sentence.matches(Self.outOf, at: last + 1),
            let whole = NumberReader.read(sentence, at: last + 3),
            !whole.hasScale || whole.isDigits
        {
            unitAfter = whole.last
        } else if unit == nil, sentence.lower(last + 1) == "of",
            sentence.lower(last + 2, isIn: Self.ofWholeDeterminers),
            let whole = NumberReader.read(sentence, at: last + 3), whole.isDigits == number.isDigits
        {
            // "won 121 of his 147 matches".
            unitAfter = whole.last
        }

        if unit == nil {
            guard let phrase = Self.unitPhrase(after: unitAfter, in: sentence) else {
                if Self.isIndicatorValue(number, signedFirst: first, in: sentence) {
                    // "The value for Fertility rate … was 1.35 as of 2011", "was last measured at 850".
                    return makeFinding(
                        number, first: first, last: last, unit: nil, approximate: approximate, in: sentence,
                        years: years)
                }
                if !number.hasScale && abs(number.doubleValue) < 1000 { return nil }
                return makeFinding(
                    number, first: first, last: last, unit: nil, approximate: approximate, in: sentence, years: years)
            }
            if sentence.lower(phrase.lowerBound, isIn: Self.timeUnits)
                && !Self.isMeasuredDuration(number, first: first, phrase: phrase, in: sentence)
            {
                return nil
            }
            // "10 Downing Street", "24 Hour Party People": a name, not a count.
            if !number.isDigits || number.hasScale || number.doubleValue >= 1000 || phrase.count < 2
                || !phrase.allSatisfy({ sentence[$0].isCapitalized })
                || sentence.lower(phrase.upperBound).hasSuffix("s")
            {
                unit = sentence.text(phrase.lowerBound, phrase.upperBound)
                last = phrase.upperBound
            } else {
                return nil
            }
        }
        return makeFinding(
            number, first: first, last: last, unit: unit, approximate: approximate, in: sentence, years: years)
    }

    private func makeFinding(
        _ number: ReadNumber, first: Int, last: Int, unit: String?, approximate: Bool, in sentence: Sentence,
        years: [(value: Int, index: Int)]
    ) -> Finding {
        var last = last
        var fields: [String: JSONValue] = ["value": number.value, "approximate": .bool(approximate)]
        if let unit { fields["unit"] = .string(unit) }
        var consumes: [TextSpan] = []
        if unit != "percent", let share = Self.share(after: last, in: sentence) {
            fields["share"] = .double(share.fraction)
            consumes.append(share.anchor)
            last = share.last
        }
        if let year = Self.year(near: number, in: years) {
            fields["year"] = .int(year.value)
            if year.index > last && year.index - last <= 4
                && !(last + 1...year.index).contains(where: { sentence.isClauseBreak($0) })
            {
                last = sentence.lower(year.index + 1) == "alone" ? year.index + 1 : year.index
            }
        }
        let prior = unit == "percent" || unit == "USD" || unit == "GBP" || unit == "EUR" ? 0.75 : 0.7
        return Finding(
            kind: .quantity, span: sentence.span(first, last), anchor: sentence.span(number.first, number.last),
            fields: fields, consumes: consumes, prior: prior)
    }

    /// Whether a bare number (no currency, percent or unit) measures something, rather than naming a
    /// year, date, time, age, phone number, law section, score or product.
    /// A race named by its distance, not a measurement: "the 60m", "100m world title", "800 metres
    /// runner", "the 400m and 800m" (BBC sport).
    static func isRaceName(_ number: ReadNumber, in sentence: Sentence) -> Bool {
        guard number.isDigits else { return false }
        let unitIndex: Int
        let value: Int
        if number.hasScale {
            // "60m" reads as 60 million; with no currency before it, it may be metres.
            guard number.last == number.first + 1, sentence.lower(number.last) == "m",
                !(number.first > 0 && sentence[number.first - 1].kind == .punct
                    && currencySymbols[sentence[number.first - 1].text] != nil),
                let digits = Int(sentence[number.first].text.filter { $0 != "," })
            else { return false }
            (unitIndex, value) = (number.last, digits)
        } else {
            guard case .int(let digits) = number.value else { return false }
            (unitIndex, value) = (number.last + 1, digits)
        }
        // "the 5,000m": the distance glued to its digits.
        if !number.hasScale, sentence[safe: number.last + 1]?.start == sentence[number.last].end,
            sentence.lower(number.last + 1, isIn: distanceWords), raceDistances.contains(value),
            ["the", "and", "or", "in", "over"].contains(sentence.lower(number.first - 1))
        {
            return true
        }
        guard sentence.lower(unitIndex, isIn: distanceWords) else { return false }
        if sentence.lower(unitIndex + 1, isIn: eventNouns) { return true }
        let before = sentence.lower(number.first - 1)
        return raceDistances.contains(value) && ["the", "and", "or", "in", "over"].contains(before)
            && (!(sentence[safe: unitIndex + 1]?.isWord ?? false)
                || ["and", "or", "in", "at", "on", "this", "last", "next"].contains(sentence.lower(unitIndex + 1)))
    }

    static let distanceWords: WordSet = ["m", "metres", "meters", "metre", "meter", "km", "mile", "miles"]
    static let raceDistances: Set<Int> = [50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000]
    static let eventNouns: WordSet = [
        "title", "titles", "runner", "runners", "champion", "champions", "championship", "final", "finals", "race",
        "races", "hurdles", "medal", "event", "events", "heat", "heats", "gold", "silver", "bronze", "world",
        "indoor", "indoors", "relay", "specialist", "favourite", "favourites", "favorite", "record", "freestyle",
        "butterfly", "breaststroke", "backstroke", "sprint", "sprinter", "crown", "olympic", "european",
    ]

    private static func isMeasurement(_ number: ReadNumber, in sentence: Sentence) -> Bool {
        let index = number.first
        let token = sentence[index]
        let previous = sentence.lower(index - 1)
        let next = sentence.lower(number.last + 1)
        if token.isWord && (token.lower == "one" || token.lower == "a" || token.lower == "an") && !number.hasScale {
            // "slipped one place", "rose one point": a move by one is a measured change.
            guard token.lower == "one", sentence.lower(index - 1, isIn: moveVerbs),
                sentence.lower(number.last + 1, isIn: moveUnits)
            else { return false }
        }
        if NumberReader.year(token) != nil && !number.hasScale {
            let nextToken = number.last + 1 < sentence.count ? sentence[number.last + 1] : nil
            guard let nextToken, nextToken.isWord, !nextToken.isCapitalized,
                !sentence.lower(index - 1, isIn: yearPrepositions),
                !timeUnits.contains(nextToken)
            else { return false }
        }
        // Older years after a preposition: "after his arrival in 1774" (BBC entertainment/020).
        if token.isNumber, token.length == 4, let value = Int(token.text),
            (1000...2100).contains(value),
            sentence.lower(index - 1, isIn: yearPrepositions), !number.hasScale
        {
            return false
        }
        if sentence.lower(index - 1, isIn: Lexicon.months) || sentence.lower(number.last + 1, isIn: Lexicon.months) {
            return false
        }
        // "due March 26, 1992": the year of a date (Reuters).
        if previous == ",", sentence[safe: index - 2]?.isNumber == true,
            sentence.lower(index - 3, isIn: Lexicon.months)
        {
            return false
        }
        // A number token is ASCII (digits, `,` and `.`): its bytes answer `contains`.
        if index > 0 && sentence[index - 1].isNumber && !sentence[index - 1].lower.utf8.contains(UInt8(ascii: ",")) {
            return false
        }
        if number.last + 1 < sentence.count && sentence[number.last + 1].isNumber { return false }
        // Clock times: "10:30", "3pm", "9 am".
        if sentence[safe: number.last + 1]?.isPunct(":") == true && sentence[safe: number.last + 2]?.isNumber == true {
            return false
        }
        if index > 0 && sentence[index - 1].isPunct(":") && sentence[safe: index - 2]?.isNumber == true { return false }
        if sentence.lower(number.last + 1, isIn: clockWords) { return false }
        // Eras: "190 AD", "190 A.D.", "500 BC".
        if sentence.lower(number.last + 1, isIn: eraWords)
            || (sentence.lower(number.last + 1) == "a" && sentence[safe: number.last + 2]?.isPunct(".") == true
                && sentence.lower(number.last + 3) == "d")
            || (sentence.lower(number.last + 1) == "b" && sentence[safe: number.last + 2]?.isPunct(".") == true
                && sentence.lower(number.last + 3) == "c")
        {
            return false
        }
        // Ages: "45-year-old", "45 years old", "aged 45", "Smith, 45,".
        if next == "-" && sentence.lower(number.last + 2).hasPrefix("year") { return false }
        if next.hasPrefix("year-old") || next.hasPrefix("years-old") { return false }
        if (next == "years" || next == "year") && sentence.lower(number.last + 2) == "old" { return false }
        if previous == "aged" || previous == "age" { return false }
        if previous == "," && next == "," && (sentence[safe: index - 2]?.isCapitalized ?? false)
            && number.doubleValue < 120
        {
            return false
        }
        // Phone numbers: "020 7946 0000", "0800".
        if token.isNumber && token.text.hasPrefix("0") && token.length >= 3
            && !token.text.utf8.contains(UInt8(ascii: "."))
        {
            return false
        }
        // Sports scores and numbered ranges: "2-1", "3-0".
        if next == "-" && sentence[safe: number.last + 2]?.isNumber == true && number.doubleValue < 100 {
            return false
        }
        if previous == "-" && sentence[safe: index - 2]?.isNumber == true && number.doubleValue < 100 { return false }
        // Law sections and numbered things: "section 3", "No 10".
        if sentence.lower(index - 1, isIn: lawWords) { return false }
        // Names and titles: "Windows 95", "Channel 4", "Formula 1".
        if index > 0, sentence[index - 1].isWord, sentence[index - 1].isCapitalized,
            !sentence.lower(index - 1, isIn: functionWords)
        {
            return false
        }
        if index > 0 && sentence[index - 1].isPunct("#") { return false }
        return true
    }

    static let outOf = Phrase("out of")
    static let ofWholeDeterminers: WordSet = ["his", "her", "its", "their", "the", "our", "my", "your"]
    static let trailingHedges: [Phrase] = ["or so", "or more", "or thereabouts", "or over"].map(Phrase.init)

    /// The second number of a range that begins with `number`: "110 to 135", "2-3%", "between 5 and 10".
    static func rangePartner(after number: ReadNumber, in sentence: Sentence) -> ReadNumber? {
        let link = number.last + 1
        guard link + 1 < sentence.count else { return nil }
        let word = sentence.lower(link)
        if word == "-" || word == "\u{2013}" {
            // Glued on both sides: "2-3%", "110–135".
            guard sentence[link].start == sentence[number.last].end, sentence[link + 1].start == sentence[link].end
            else { return nil }
        } else if word == "to" {
            guard number.isDigits == sentence[link + 1].isNumber else { return nil }
        } else if word == "and" {
            guard sentence.lower(number.first - 1) == "between" else { return nil }
        } else {
            return nil
        }
        guard let partner = NumberReader.read(sentence, at: link + 1), partner.isDigits == number.isDigits else {
            return nil
        }
        return partner
    }

    /// Whether a bare number is the value of a named indicator: "The value for Fertility rate … was 1.35
    /// as of 2011", "was last measured at 850 in 2010", "stood at 14.1".
    static func isIndicatorValue(_ number: ReadNumber, signedFirst: Int, in sentence: Sentence) -> Bool {
        guard number.isDigits, NumberReader.year(sentence[number.first]) == nil else { return false }
        let before = min(signedFirst, number.first) - 1
        let strongCue =
            sentence.matches(Self.measuredAt, at: before - 1) || sentence.matches(Self.stoodAt, at: before - 1)
            || sentence.matches(Self.standsAt, at: before - 1) || sentence.lower(before, isIn: indicatorVerbs)
        let copula = sentence.lower(before, isIn: indicatorCopulas)
        guard strongCue || copula else { return false }
        // What follows: the sentence's end, a date ("as of 2011", "in 2019") or a clause break.
        let next = number.last + 1
        let asOf = sentence.lower(next) == "as" && sentence.lower(next + 1) == "of"
        let inYear =
            sentence.lower(next) == "in"
            && NumberReader.year(at: min(next + 1, sentence.count - 1), in: sentence) != nil
        guard next >= sentence.count || sentence[next].kind == .punct || asOf || inYear else { return false }
        if strongCue || asOf { return true }
        let isDecimal = sentence[number.first].text.contains(".")
        // After a bare copula, a whole number needs an indicator named before it ("the rate was 5"), so
        // that "He was 25 in 2004" is not taken for one.
        let clauseStart = sentence.clauseStart(before: before)
        let named = (clauseStart..<before).contains { sentence.lower($0, isIn: indicatorNouns) }
        return named && (isDecimal || inYear || next >= sentence.count || sentence[next].kind == .punct)
    }

    /// The index of a minus sign standing before `number`: glued to the digits, with a space or the
    /// sentence's start before it, after a word that is not a number ("was -9.13", "at −0.5").
    static func minusSign(before number: ReadNumber, in sentence: Sentence) -> Int? {
        let sign = number.first - 1
        guard number.isDigits, sign >= 0, sentence[sign].isPunct("-") || sentence[sign].isPunct("\u{2212}"),
            sentence[sign].end == sentence[number.first].start
        else { return nil }
        if sign > 0 {
            let previous = sentence[sign - 1]
            guard previous.end < sentence[sign].start, previous.isWord, !previous.isCapitalized || sign - 1 == 0,
                sentence.lower(sign - 1, isIn: indicatorCopulas) || sentence.lower(sign - 1, isIn: minusLeads)
            else { return nil }
        }
        return sign
    }

    static let minusLeads: WordSet = ["of", "at", "to", "from", "was", "is", "by", "be", "been", "stood", "reached"]

    static let measuredAt = Phrase("measured at")
    static let stoodAt = Phrase("stood at")
    static let standsAt = Phrase("stands at")
    static let indicatorVerbs: WordSet = ["totalled", "totaled", "totals", "averaged", "averages", "reached", "hit"]
    static let indicatorCopulas: WordSet = ["was", "is", "were", "are", "remained", "remains", "of", "to", "at"]
    static let indicatorNouns: WordSet = [
        "value", "rate", "index", "level", "ratio", "density", "expectancy", "population", "score", "total",
        "figure", "gdp", "measure", "average", "count", "number", "share", "percentage", "indicator", "growth",
        "inflation", "unemployment", "output", "price", "prices", "yield", "per", "capita", "emissions",
    ]

    /// Whether a number of days, weeks or years measures a duration ("frozen for almost 20 years",
    /// "postponed by two weeks", "a friend of 40 years", "life expectancy was 84.2 years") rather than
    /// placing an event in time ("two years ago", "in five years", "after nine minutes").
    static func isMeasuredDuration(_ number: ReadNumber, first: Int, phrase: ClosedRange<Int>, in sentence: Sentence)
        -> Bool
    {
        guard phrase.count == 1, !sentence.lower(phrase.upperBound + 1, isIn: timeReferenceFollowers),
            !sentence.lower(phrase.lowerBound, isIn: notDurations)
        else { return false }
        if sentence.lower(first - 1, isIn: durationLeads) { return true }
        return number.isDigits && sentence[number.first].text.contains(".")
            && sentence.lower(first - 1, isIn: indicatorCopulas)
    }

    static let durationLeads: WordSet = [
        "for", "by", "lasted", "lasting", "lasts", "spanning", "spent", "served", "of", "took",
    ]
    static let timeReferenceFollowers: WordSet = [
        "ago", "later", "earlier", "time", "before", "after", "old", "to", "from", "on", "since", "'", "\u{2019}",
        "previously", "into", "before",
    ]
    static let notDurations: WordSet = ["am", "pm", "o'clock", "time", "times", "quarter", "quarters", "second"]

    /// "two-time champion", "a three-test series": a count written as a hyphenated number word; not a
    /// time ("10-month plan", "four-year high"), a fraction ("two-thirds") or "one-off".
    static func hyphenCount(at index: Int, in sentence: Sentence) -> Finding? {
        let token = sentence[index]
        guard token.isWord, token.lowerContainsHyphen else { return nil }
        let parts = token.lower.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let head = NumberReader.units[parts[0]], head >= 2,
            parts[1].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }),
            !timeUnits.contains(parts[1]) || parts[1] == "time", !hyphenNotCounts.contains(parts[1]),
            !(index > 0 && sentence[index].isCapitalized && sentence[safe: index + 1]?.isCapitalized == true)
        else { return nil }
        // "six-million people" is six million, not six "million people".
        var value = head
        var unitStart = index
        if let exponent = NumberReader.scales[parts[1]] {
            value = head * NumberReader.power(exponent)
            unitStart = index + 1
        }
        var last = index
        if let phrase = unitPhrase(after: index, in: sentence) { last = phrase.upperBound }
        let unit =
            unitStart > index
            ? (last > index ? sentence.text(unitStart, last) : nil)
            : sentence.text(index, last).split(separator: "-", maxSplits: 1).last.map(String.init)
        var fields: [String: JSONValue] = ["value": .int(value), "approximate": false]
        if let unit { fields["unit"] = .string(unit) }
        return Finding(
            kind: .quantity, span: sentence.span(index, last), anchor: sentence.span(index, index),
            fields: fields, prior: 0.7)
    }

    static let hyphenNotCounts: WordSet = [
        "thirds", "third", "quarters", "quarter", "halves", "half", "fifths", "tenths", "way", "ways", "fold",
        "nil", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "year-old",
        "years-old", "month-old", "week-old", "day-old", "old", "odd", "and-a-half", "up", "down", "hour", "yard",
        "point", "set", "goal", "party", "front", "pointed", "sided", "horse", "speed", "star", "dimensional",
        "stroke", "tier", "seater", "door", "wheel", "wheeled", "storey", "story", "tone", "piece", "legged",
        "handed", "faced", "edged", "headed", "lane", "bedroom", "pirate", "track", "prong", "pronged",
    ]

    /// The token index where a hedge ("approximately", "more than", "an estimated") before `index` begins.
    private static func hedge(before index: Int, in sentence: Sentence) -> Int? {
        // Every phrase ends just before `index`: a word that ends none rules them all out.
        guard sentence.lower(index - 1, isIn: approximatorLastWords) else { return nil }
        for words in approximatorPhrases {
            let start = index - words.words.count
            if start >= 0 && sentence.matches(words: words, at: start) { return start }
        }
        return nil
    }

    /// The noun phrase naming what is counted: "IT professionals" in "100,000 IT professionals".
    private static func unitPhrase(after index: Int, in sentence: Sentence) -> ClosedRange<Int>? {
        var position = index + 1
        var last = index
        while position < sentence.count && position - index <= 3 {
            let token = sentence[position]
            guard token.isWord, !unitStopWords.contains(token) || token.isAllCaps else { break }
            let hasWord = last > index
            if hasWord && (token.lower.hasSuffix("ing") || token.lower.hasSuffix("ed") || token.lower.hasSuffix("ly")) {
                break
            }
            if Lexicon.isFiniteVerb(token) || (!hasWord && token.lower.hasSuffix("ly")) { break }
            last = position
            position += 1
        }
        // A phrase should end in a noun, not a lone adjective.
        while last > index && (sentence.lower(last).hasSuffix("ed") && last > index + 1) { last -= 1 }
        return last > index ? (index + 1)...last : nil
    }

    /// A share stated beside a count: "– roughly 10% of Russia’s tech workforce –".
    private static func share(after index: Int, in sentence: Sentence) -> (
        fraction: Double, anchor: TextSpan, last: Int
    )? {
        guard index + 1 < sentence.count else { return nil }
        let opener = sentence[index + 1]
        guard opener.kind == .punct,
            let mark = opener.text.unicodeScalars.first,
            Scalars.isDash(mark) || mark == "(" || mark == "," || mark == "-"
        else { return nil }
        var position = index + 2
        while position < sentence.count && sentence.lower(position, isIn: approximatorWords) { position += 1 }
        guard position < sentence.count, let number = NumberReader.read(sentence, at: position), number.isDigits else {
            return nil
        }
        var after = number.last + 1
        if sentence[safe: after]?.isPunct("%") == true {
            after += 1
        } else if sentence.lower(after) == "per" && sentence.lower(after + 1) == "cent" {
            after += 2
        } else if sentence.lower(after) == "percent" {
            after += 1
        } else {
            return nil
        }
        guard sentence.lower(after) == "of" else { return nil }
        var last = sentence.clauseEnd(from: after)
        if last + 1 < sentence.count, let closer = sentence[last + 1].text.unicodeScalars.first,
            (Scalars.isDash(closer) && Scalars.isDash(mark)) || (closer == ")" && mark == "(")
        {
            last += 1
        }
        return (number.doubleValue / 100, sentence.span(number.first, number.last), last)
    }

    /// The "in 2022"-style years of a sentence, in order: found once per sentence, so that each figure's
    /// year is a look-up, not a pass over the sentence.
    static func yearMentions(in sentence: Sentence) -> [(value: Int, index: Int)] {
        var years: [(value: Int, index: Int)] = []
        for index in 0..<sentence.count {
            guard let value = NumberReader.year(at: index, in: sentence),
                sentence.lower(index - 1, isIn: yearPrepositions) || sentence.lower(index + 1) == "alone"
            else { continue }
            years.append((value, index))
        }
        return years
    }

    /// The year a figure is for: the nearest of `years` (the first of two as near).
    private static func year(near number: ReadNumber, in years: [(value: Int, index: Int)]) -> (value: Int, index: Int)?
    {
        guard !years.isEmpty else { return nil }
        // The first year at or after the number, and the one before it.
        var low = 0
        var high = years.count
        while low < high {
            let middle = (low + high) / 2
            if years[middle].index < number.first { low = middle + 1 } else { high = middle }
        }
        var best: (value: Int, index: Int)?
        for candidate in [low - 1, low, low + 1] where candidate >= 0 && candidate < years.count {
            let year = years[candidate]
            guard year.index != number.first else { continue }
            if let current = best {
                let distance = abs(year.index - number.first)
                let bestDistance = abs(current.index - number.first)
                if distance < bestDistance || (distance == bestDistance && year.index < current.index) { best = year }
            } else {
                best = year
            }
        }
        return best
    }

    static let currencySymbols: WordMap<String> = [
        "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
    ]
    static let currencyWords: WordMap<String> = [
        "dollars": "USD", "dollar": "USD", "dlrs": "USD", "usd": "USD", "pounds": "GBP", "sterling": "GBP",
        "stg": "GBP", "gbp": "GBP", "euros": "EUR", "euro": "EUR", "eur": "EUR", "yen": "JPY", "roubles": "RUB",
        "rubles": "RUB", "rupees": "INR", "francs": "CHF", "yuan": "CNY",
    ]
    static let measurementUnits: WordMap<String> = [
        "p": "pence", "km": "km", "kg": "kg", "mph": "mph", "ft": "ft", "cm": "cm", "mm": "mm", "gb": "GB", "mb": "MB",
        "tb": "TB", "ghz": "GHz", "mhz": "MHz", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "lb": "lb",
        "lbs": "lb", "kmh": "km/h", "bpd": "barrels per day", "g": "g", "t": "tonnes", "sq": "sq",
    ]
    static let timeUnits: WordSet = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
        "second", "seconds", "decade", "decades", "century", "centuries", "time", "times", "quarter", "quarters",
        "weekend", "weekends", "night", "nights", "years'", "season", "seasons", "am", "pm", "o'clock",
    ]
    static let moveVerbs: WordSet = [
        "slipped", "dropped", "fell", "rose", "climbed", "moved", "up", "down", "jumped", "slid", "gained", "lost",
    ]
    static let moveUnits: WordSet = ["place", "point", "spot", "position", "rung", "notch", "percentage"]
    static let eraWords: WordSet = ["ad", "bc", "bce", "ce", "a.d", "b.c"]
    static let clockWords: WordSet = [
        "am", "pm", "a.m", "p.m", "gmt", "bst", "cet", "est", "edt", "hrs", "o'clock", "utc",
    ]
    static let lawWords: WordSet = [
        "section", "sections", "article", "articles", "clause", "clauses", "paragraph", "chapter", "rule",
        "amendment", "regulation", "title", "part", "schedule", "s", "§", "no", "nos", "number", "room", "page",
        "route", "flight", "platform", "junction", "line", "version", "level", "grade", "category", "tier",
    ]
    static let yearPrepositions: WordSet = [
        "in", "since", "by", "from", "until", "till", "of", "between", "to", "before", "after", "during", "for", "due",
        "maturing",
        "and", "or", "fiscal", "late", "early", "mid", "the", "year", "through", "than", "around", "circa",
        "throughout",
    ]
    /// Capitalised words that may stand before a number without making it part of a name.
    static let functionWords: WordSet = [
        "in", "about", "some", "around", "nearly", "only", "just", "almost", "more", "over", "up", "roughly",
        "approximately", "since", "by", "at", "of", "the", "a", "an", "after", "before", "with", "from", "until",
        "to", "for", "on", "and", "but", "another", "all", "those", "these", "its", "their", "his", "her", "our",
        "last", "this", "that", "fewer", "less", "under", "between", "estimated", "exactly", "almost", "than",
        "another", "least", "most", "top", "like", "as", "per", "while", "when", "if", "nearly", "we", "they",
    ]
    static let approximators: [String] = [
        "an estimated", "as many as", "as much as", "more than", "up to", "at least", "close to", "fewer than",
        "less than", "just over", "just under", "well over", "upwards of", "in excess of", "approximately",
        "about", "around", "roughly", "nearly", "almost", "some", "over", "estimated", "circa", "approx",
    ]
    /// ``approximators`` split into words, longest first as listed.
    static let approximatorPhrases: [Phrase] = approximators.map(Phrase.init)
    /// The last word of each of ``approximators``.
    static let approximatorLastWords = WordSet(approximatorPhrases.map { $0.words.last! })
    static let approximatorWords: WordSet = [
        "approximately", "about", "around", "roughly", "nearly", "almost", "some", "over", "more", "than", "up",
        "to", "an", "estimated", "just", "at", "least",
    ]
    static let unitStopWords: WordSet = [
        "of", "in", "to", "for", "from", "at", "on", "by", "with", "and", "or", "but", "who", "that", "which",
        "were", "was", "are", "is", "have", "has", "had", "will", "would", "a", "an", "the", "than", "as",
        "per", "a", "each", "this", "last", "next", "into", "over", "under", "after", "before", "since", "ago",
        "earlier", "later", "while", "it", "they", "he", "she", "we", "its", "their", "be", "been", "if",
        "so", "such", "more", "less", "up", "down", "out", "also", "not", "against", "between", "among",
        "during", "when", "where", "because", "about", "around", "off", "then", "could", "should", "may",
        "might", "can", "do", "did", "does", "year-earlier", "alone",
    ]
}

extension Sentence {
    /// The token at `index`, or nil when out of range.
    subscript(safe index: Int) -> Token? { index >= 0 && index < tokens.count ? tokens[index] : nil }
}
