import ClaimCore

/// Finds quantities: counts, money, percentages and shares ("approximately 100,000 IT professionals").
///
/// Skips numbers that are not measurements: years and dates, clock times, ages, ordinals, phone
/// numbers, numbers inside names ("Channel 4"), law sections and sports scores.
struct QuantityRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < sentence.count {
            guard NumberReader.mayStart(sentence, at: index), let number = NumberReader.read(sentence, at: index) else {
                index += 1
                continue
            }
            if let finding = quantity(number, in: sentence) {
                findings.append(finding)
            }
            index = number.last + 1
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

    private func quantity(_ number: ReadNumber, in sentence: Sentence) -> Finding? {
        var first = number.first
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
            if unit == nil { unit = measure }
            isMeasured = true
            last += 1
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
        if !isMeasured && !Self.isMeasurement(number, in: sentence) { return nil }
        // A number word below ten counts only things named after it ("two teenage girls", "three gold
        // medals"); "one" is a pronoun as often as a count.
        if !number.isDigits && !number.hasScale && number.doubleValue < 2 && !isMeasured { return nil }
        // A capitalised number word inside a name: "the Six Nations", "Three Lions".
        if !number.isDigits && number.first > 0 && sentence[number.first].isCapitalized
            && sentence[safe: number.last + 1]?.isCapitalized == true
        {
            return nil
        }

        let hedgeStart = Self.hedge(before: first, in: sentence)
        if let hedgeStart { first = hedgeStart }

        if unit == nil {
            guard let phrase = Self.unitPhrase(after: last, in: sentence) else {
                if !number.hasScale && number.doubleValue < 1000 { return nil }
                return makeFinding(
                    number, first: first, last: last, unit: nil, approximate: hedgeStart != nil, in: sentence)
            }
            if sentence.lower(phrase.lowerBound, isIn: Self.timeUnits) { return nil }
            unit = sentence.text(phrase.lowerBound, phrase.upperBound)
            last = phrase.upperBound
        }
        return makeFinding(number, first: first, last: last, unit: unit, approximate: hedgeStart != nil, in: sentence)
    }

    private func makeFinding(
        _ number: ReadNumber, first: Int, last: Int, unit: String?, approximate: Bool, in sentence: Sentence
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
        if let year = Self.year(near: number, in: sentence) {
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
                let digits = Int(sentence[number.first].text)
            else { return false }
            (unitIndex, value) = (number.last, digits)
        } else {
            guard case .int(let digits) = number.value else { return false }
            (unitIndex, value) = (number.last + 1, digits)
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
            return false
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

    /// The year a figure is for: the nearest "in 2022"-style year in the sentence.
    private static func year(near number: ReadNumber, in sentence: Sentence) -> (value: Int, index: Int)? {
        var best: (value: Int, index: Int)?
        for index in 0..<sentence.count {
            guard index != number.first, let value = NumberReader.year(at: index, in: sentence),
                sentence.lower(index - 1, isIn: yearPrepositions) || sentence.lower(index + 1) == "alone"
            else { continue }
            if best == nil || abs(index - number.first) < abs(best!.index - number.first) { best = (value, index) }
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
        "km": "km", "kg": "kg", "mph": "mph", "ft": "ft", "cm": "cm", "mm": "mm", "gb": "GB", "mb": "MB",
        "tb": "TB", "ghz": "GHz", "mhz": "MHz", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "lb": "lb",
        "lbs": "lb", "kmh": "km/h", "bpd": "barrels per day", "g": "g", "t": "tonnes", "sq": "sq",
    ]
    static let timeUnits: WordSet = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
        "second", "seconds", "decade", "decades", "century", "centuries", "time", "times", "quarter", "quarters",
        "weekend", "weekends", "night", "nights", "years'", "season", "seasons", "am", "pm", "o'clock",
    ]
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
