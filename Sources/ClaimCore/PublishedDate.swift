/// A publication date, validated and normalised to ISO 8601: a date (`2025-12-03`) or a date-time
/// with its zone (`2025-12-03T08:15:00Z`, `2025-12-03T08:15:00+01:00`).
///
/// Read in pure Swift, with no locale or time-zone database, so the same text gives the same date
/// on every machine. Accepted forms:
///
/// - ISO 8601 and RFC 3339: `2025-12-03`, `2025-12-03T08:15`, `2025-12-03T08:15:00.250Z`,
///   `2025-12-03T08:15:00+0100`, and the same with a space for the `T` (`2025-12-03 08:15:00`);
/// - RFC 2822 (mail, RSS): `Wed, 03 Dec 2025 08:15:00 GMT`, without the weekday or the seconds,
///   with a `+0000` offset or a named zone (UT, UTC, GMT, Z, EST, EDT, CST, CDT, MST, MDT, PST, PDT)
///   and a trailing `(comment)`;
/// - dates written out in English with the month named, which cannot be misread: `3 December 2025`,
///   `December 3, 2025`, `3 Dec 2025`.
///
/// A date-time without a zone names no instant: it keeps its date only. UT, UTC, GMT and `-00:00`
/// are written `Z`, `+0000` as `+00:00`; fractions of a second are dropped. A weekday, when given,
/// must be a weekday's name but is not checked against the date (feeds often get it wrong while
/// the date itself is right). Numeric forms such as `03/12/2025` are refused: day and month cannot
/// be told apart.
public struct PublishedDate: Sendable, Hashable, CustomStringConvertible {
    /// The date in ISO 8601.
    public let text: String
    /// The date as people write it in a published report: "3 December 2025", or
    /// "3 December 2025, 08:15 UTC" ("…, 08:15 +01:00" with another zone).
    public let humanText: String

    /// The forms a reader should use, for error messages.
    public static let expected =
        "expected a date such as 2025-12-03, 2025-12-03T08:15:00Z, 2025-12-03T08:15:00+01:00 "
        + "or Wed, 03 Dec 2025 08:15:00 GMT"

    /// Why a text is not a publication date.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case unreadable
        case impossible(String)

        public var description: String {
            switch self {
            case .empty: "it is empty"
            case .unreadable: "it is not a date in a known form"
            case .impossible(let reason): reason
            }
        }
    }

    /// Parses `text` (surrounding whitespace ignored) in one of the accepted forms.
    public init(parsing text: String) throws(Problem) {
        var scanner = DateScanner(text)
        scanner.skipSpaces()
        guard !scanner.atEnd else { throw .empty }
        let parts: DateParts
        if let iso = try scanner.iso() {
            parts = iso
        } else {
            var words = DateScanner(text)
            parts = try words.written()
        }
        self.text = try parts.normalised()
        self.humanText = parts.human
    }

    public var description: String { text }

    /// `text` normalised, or nil when it is not a date.
    public static func normalised(_ text: String) -> String? {
        try? PublishedDate(parsing: text).text
    }

    /// Days in `month` (1-12) of `year` in the proleptic Gregorian calendar.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The fields read from a date's text, before they are checked.
private struct DateParts {
    var year = 0, month = 0, day = 0
    var time: (hour: Int, minute: Int, second: Int)?
    /// Minutes east of UTC; nil when no zone was given.
    var offset: Int?
    /// Whether the zone was written as `+00:00` (kept so) rather than as Z, GMT, UTC or `-00:00`
    /// (written Z: the time is UTC, the writer's own offset is not said).
    var plusZero = false

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    func normalised() throws(PublishedDate.Problem) -> String {
        guard (1...9999).contains(year) else { throw .impossible("year \(year) is out of range (0001-9999)") }
        guard (1...12).contains(month) else { throw .impossible("month \(month) is out of range (1-12)") }
        let days = PublishedDate.days(inMonth: month, year: year)
        guard (1...days).contains(day) else {
            throw .impossible(
                day == 0 || day > 31
                    ? "day \(day) is out of range (1-31)"
                    : "there is no \(day) \(Self.monthNames[month - 1]) \(year) (it has \(days) days)")
        }
        let date = "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
        guard let time else { return date }
        guard time.hour < 24 else { throw .impossible("hour \(time.hour) is out of range (00-23)") }
        guard time.minute < 60 else { throw .impossible("minute \(time.minute) is out of range (00-59)") }
        guard time.second < 60 else { throw .impossible("second \(time.second) is out of range (00-59)") }
        guard let offset else { return date }
        let clock = "\(Self.pad(time.hour)):\(Self.pad(time.minute)):\(Self.pad(time.second))"
        if offset == 0 && !plusZero { return "\(date)T\(clock)Z" }
        let size = abs(offset)
        return "\(date)T\(clock)\(offset < 0 ? "-" : "+")\(Self.pad(size / 60)):\(Self.pad(size % 60))"
    }

    /// The parts as people write them; only called once ``normalised()`` has checked them, and a
    /// time without a zone is dropped as there.
    var human: String {
        let date = "\(day) \(Self.monthNames[month - 1]) \(year)"
        guard let time, let offset else { return date }
        let size = abs(offset)
        let zone = offset == 0 ? "UTC" : "\(offset < 0 ? "-" : "+")\(Self.pad(size / 60)):\(Self.pad(size % 60))"
        return "\(date), \(Self.pad(time.hour)):\(Self.pad(time.minute)) \(zone)"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Reads a date's text scalar by scalar.
private struct DateScanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    mutating func skipSpaces() {
        while let scalar = current, scalar.properties.isWhitespace { index += 1 }
    }

    /// Exactly `count` ASCII digits as a number, or nil (and the position unchanged).
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<(index + count)] {
            guard let digit = Self.digit(scalar) else { return nil }
            value = value * 10 + digit
        }
        index += count
        return value
    }

    /// One to `most` ASCII digits as a number.
    mutating func number(most: Int) -> Int? {
        var value = 0
        var count = 0
        while count < most, let scalar = current, let digit = Self.digit(scalar) {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return count == 0 ? nil : value
    }

    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        ("0"..."9").contains(scalar) ? Int(scalar.value) - 48 : nil
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        index += 1
        return true
    }

    /// ISO 8601 `YYYY-MM-DD[(T|space)HH:MM[:SS[.fff]][zone]]`; nil when the text does not start
    /// with `YYYY-`.
    mutating func iso() throws(PublishedDate.Problem) -> DateParts? {
        let start = index
        guard let year = digits(4), take("-") else {
            index = start
            return nil
        }
        var parts = DateParts()
        parts.year = year
        guard let month = digits(2), take("-"), let day = digits(2) else { throw .unreadable }
        (parts.month, parts.day) = (month, day)
        let afterDate = index
        skipSpaces()
        if atEnd { return parts }
        index = afterDate
        guard let separator = current, separator == "T" || separator == "t" || separator == " " else {
            throw .unreadable
        }
        index += 1
        skipSpaces()
        parts.time = try clock(requireDigits: 2)
        let afterTime = index
        skipSpaces()
        if atEnd { return parts }
        if index == afterTime, !(current == "Z" || current == "z" || current == "+" || current == "-") {
            throw .unreadable
        }
        (parts.offset, parts.plusZero) = try zone()
        skipSpaces()
        guard atEnd else { throw .unreadable }
        return parts
    }

    /// `HH:MM[:SS[.fff]]`; the hour has exactly `requireDigits` digits, or 1-2 when 0.
    mutating func clock(requireDigits: Int) throws(PublishedDate.Problem) -> (hour: Int, minute: Int, second: Int) {
        guard let hour = requireDigits == 0 ? number(most: 2) : digits(requireDigits), take(":"),
            let minute = digits(2)
        else { throw .unreadable }
        var second = 0
        if take(":") {
            guard let value = digits(2) else { throw .unreadable }
            second = value
            if current == "." || current == "," {
                index += 1
                guard number(most: Int.max) != nil else { throw .unreadable }
            }
        }
        return (hour, minute, second)
    }

    /// A zone: `Z`, `±HH:MM`, `±HHMM`, `±HH` or a name; minutes east of UTC, and whether it was
    /// written `+00:00` (or `+0000`, `+00`).
    mutating func zone() throws(PublishedDate.Problem) -> (Int, Bool) {
        if let sign = current, sign == "+" || sign == "-" {
            index += 1
            guard let hours = digits(2) else { throw .unreadable }
            var minutes = 0
            if take(":") {
                guard let value = digits(2) else { throw .unreadable }
                minutes = value
            } else if let value = digits(2) {
                minutes = value
            }
            guard hours < 24, minutes < 60 else {
                throw .impossible(
                    "the zone offset \(sign)\(DateParts.pad(hours)):\(DateParts.pad(minutes)) is out of range")
            }
            let offset = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
            return (offset, offset == 0 && sign == "+")
        }
        var name = ""
        while let scalar = current, scalar.properties.isAlphabetic {
            name.unicodeScalars.append(scalar)
            index += 1
        }
        guard let offset = Self.zones[name.uppercased()] else { throw .unreadable }
        return (offset, false)
    }

    /// The zone names RFC 2822 defines, with their offsets in minutes.
    static let zones: [String: Int] = [
        "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
        "MDT": -360, "PST": -480, "PDT": -420,
    ]

    static let weekdays = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "tues", "thur", "thurs",
    ]

    /// The month a name or abbreviation stands for (`Dec`, `December`, `Sept`), 1-12.
    static func month(_ word: String) -> Int? {
        let word = word.lowercased()
        if word == "sept" { return 9 }
        guard word.count >= 3 else { return nil }
        for (index, name) in DateParts.monthNames.enumerated() {
            let name = name.lowercased()
            if word == name || word == String(name.prefix(3)) { return index + 1 }
        }
        return nil
    }

    /// A date written with its month named, RFC 2822 style or in English:
    /// `[Weekday,] D Month YYYY [HH:MM[:SS] [zone]] [(comment)]` or `Month D, YYYY [time…]`.
    mutating func written() throws(PublishedDate.Problem) -> DateParts {
        var text = String(String.UnicodeScalarView(scalars)).trimmingSpaces
        // A trailing RFC 2822 comment, such as "(UTC)" or "(Pacific Standard Time)".
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            text = String(text[..<open]).trimmingSpaces
        }
        // Words, with commas as separators ("Tue, 03 Dec 2025", "December 3, 2025").
        var words = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { throw .unreadable }
        if Self.weekdays.contains(words[0].lowercased().trimmingDot) { words.removeFirst() }
        guard words.count >= 3 else { throw .unreadable }
        var parts = DateParts()
        if let month = Self.month(words[0].trimmingDot) {
            guard let day = Self.day(words[1]) else { throw .unreadable }
            (parts.month, parts.day) = (month, day)
        } else if let day = Self.day(words[0]), let month = Self.month(words[1].trimmingDot) {
            (parts.month, parts.day) = (month, day)
        } else {
            throw .unreadable
        }
        guard words[2].count == 4, words[2].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(words[2]) else {
            throw .unreadable
        }
        parts.year = year
        var rest = words.dropFirst(3)
        if let time = rest.first {
            var scanner = DateScanner(time)
            parts.time = try scanner.clock(requireDigits: 0)
            guard scanner.atEnd else { throw .unreadable }
            rest = rest.dropFirst()
        }
        if let zone = rest.first {
            var scanner = DateScanner(zone)
            (parts.offset, parts.plusZero) = try scanner.zone()
            guard scanner.atEnd else { throw .unreadable }
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else { throw .unreadable }
        return parts
    }

    /// A day of the month: one or two ASCII digits, with an English ordinal suffix allowed ("3rd").
    static func day(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where word.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Without one final period ("Dec." → "Dec").
    fileprivate var trimmingDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
