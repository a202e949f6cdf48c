import ClaimCore

/// A word, number or punctuation mark of a sentence, addressed by code-point offsets into the body.
struct Token: Sendable {
    /// What a token is made of.
    enum Kind: Sendable { case word, number, punct }

    let kind: Kind
    let start: Int
    let end: Int
    /// The text as written.
    let text: String
    /// Lower-cased, with the curly apostrophe folded to `'`.
    let lower: String
    /// Whether the first scalar is an upper-case letter.
    let isCapitalized: Bool
    /// ``WordMap``'s hash of ``lower`` when it is ASCII, so word-list lookups need not hash it again; nil
    /// when ``lower`` is not ASCII.
    let key: UInt64?
    /// The first scalar of ``text``.
    let first: Unicode.Scalar
    /// Whether ``lower`` holds a `-` byte (a cheap test before `String` searches for a hyphen).
    let hasHyphen: Bool
    /// The word lists ``lower`` is in, among those the recognizers test every token against.
    let classes: TokenClasses

    init(
        kind: Kind, start: Int, end: Int, text: String, lower: String, isCapitalized: Bool, first: Unicode.Scalar,
        key: UInt64?, hasHyphen: Bool, classes: TokenClasses
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.isCapitalized = isCapitalized
        self.first = first
        self.key = key
        self.hasHyphen = hasHyphen
        self.classes = classes
    }

    /// Whether ``lower`` == `word`, where `key` is `WordKey.key(word)`: different keys settle it without
    /// comparing the strings.
    @inline(__always) func lowerEquals(_ word: String, key: UInt64?) -> Bool {
        if let key, let own = self.key, own != key { return false }
        return lower == word
    }

    /// The number of scalars in ``text``.
    var length: Int { end - start }

    /// The token's span in the body.
    var span: TextSpan { TextSpan(start: start, end: end) }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// Whether this is the punctuation mark `mark`.
    func isPunct(_ mark: Unicode.Scalar) -> Bool {
        kind == .punct && first == mark
    }

    /// `lower.contains("-")`, settled by ``hasHyphen`` unless ``lower`` is not ASCII (there a hyphen byte
    /// may belong to a larger character, so the `String` search decides).
    var lowerContainsHyphen: Bool { hasHyphen && (key != nil || lower.contains("-")) }

    /// Whether the part of ``lower`` before its first `-` is a key of `words`, settled on the bytes of an
    /// ASCII word; nil when ``lower`` has no `-` byte or is not ASCII (there the `String` split decides).
    func headBeforeHyphen<Value>(isIn words: WordMap<Value>) -> Bool? {
        guard hasHyphen, key != nil else { return nil }
        let answer = lower.utf8.withContiguousStorageIfAvailable { bytes in
            let head = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "-")) ?? bytes.endIndex)]
            return words.value(utf8: UnsafeBufferPointer(rebasing: head)) != nil
        }
        return answer
    }

    /// Whether the token ends in a possessive `'s` (or `s'`).
    var isPossessive: Bool { lower.hasSuffix("'s") || (lower.hasSuffix("s'")) }

    /// Whether every letter is upper case (acronyms such as `FSB`).
    var isAllCaps: Bool {
        kind == .word && text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }
}

/// Splits a stretch of scalars into ``Token``s; whitespace separates and is dropped.
enum Tokenizer {
    /// The tokens of `span` within `scalars`.
    static func tokens(in scalars: [Unicode.Scalar], span: TextSpan) -> [Token] {
        scalars.withUnsafeBufferPointer { tokens(in: $0, span: span) }
    }

    /// ``tokens(in:span:)`` over the scalars' storage: the scan reads every scalar, most of them twice.
    private static func tokens(in scalars: UnsafeBufferPointer<Unicode.Scalar>, span asked: TextSpan) -> [Token] {
        // Only the part of the span inside the scalars is read: a span past the end gives fewer tokens, not a trap.
        let span = TextSpan(start: min(asked.start, scalars.count), end: min(asked.end, scalars.count))
        var tokens: [Token] = []
        tokens.reserveCapacity(span.length / 3 + 1)
        let classTable = TokenClasses.table
        var index = span.start
        let end = span.end
        while index < end {
            let scalar = scalars[index]
            if Scalars.isSpace(scalar) {
                index += 1
                continue
            }
            let start = index
            let kind: Token.Kind
            if Scalars.isDigit(scalar) {
                kind = .number
                index += 1
                while index < end {
                    let next = scalars[index]
                    if Scalars.isDigit(next) {
                        index += 1
                    } else if (next == "," || next == ".") && index + 1 < end && Scalars.isDigit(scalars[index + 1]) {
                        index += 2
                    } else {
                        break
                    }
                }
            } else if Scalars.isLetter(scalar) {
                kind = .word
                index += 1
                while index < end {
                    let next = scalars[index]
                    if Scalars.isLetter(next) || Scalars.isDigit(next) || Scalars.isMark(next) {
                        index += 1
                    } else if Scalars.isInnerJoiner(next) && index + 1 < end
                        && (Scalars.isLetter(scalars[index + 1])
                            || (next == "-" && Scalars.isDigit(scalars[index + 1])))
                    {
                        index += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .punct
                index += 1
            }
            tokens.append(makeToken(kind: kind, scalars: scalars, start: start, end: index, classTable: classTable))
        }
        return tokens
    }

    private static func makeToken(
        kind: Token.Kind, scalars: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int,
        classTable: WordMap<TokenClasses>
    ) -> Token {
        let first = scalars[start]
        let isCapitalized = kind == .word && Scalars.isUpper(first)
        // ASCII fast path: one pass for the facts, then both strings written in place (a small string
        // needs no allocation, and ASCII bytes no validation).
        var high: UInt32 = 0
        var hasUpper = false
        var hasHyphen = false
        var hash = Hashing.offset
        for offset in start..<end {
            let value = scalars[offset].value
            high |= value
            let isUpper = value >= 65 && value <= 90
            hasUpper = hasUpper || isUpper
            hasHyphen = hasHyphen || value == 45
            hash = (hash ^ UInt64(truncatingIfNeeded: isUpper ? value + 32 : value)) &* Hashing.prime
        }
        if high < 0x80 {
            let length = end - start
            let text = String(unsafeUninitializedCapacity: length) { bytes in
                for offset in 0..<length { bytes[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
                return length
            }
            let lower =
                hasUpper
                ? String(unsafeUninitializedCapacity: length) { bytes in
                    for offset in 0..<length {
                        let value = UInt8(truncatingIfNeeded: scalars[start + offset].value)
                        bytes[offset] = value >= 65 && value <= 90 ? value + 32 : value
                    }
                    return length
                } : text
            let key = WordKey.key(hash: hash)
            return Token(
                kind: kind, start: start, end: end, text: text, lower: lower, isCapitalized: isCapitalized,
                first: first, key: key, hasHyphen: hasHyphen,
                classes: classTable.value(lower: lower, key: key) ?? [])
        }
        // UTF-8 bytes of the text and of its lower-cased form; one String each.
        var text: [UInt8] = []
        var lower: [UInt8] = []
        text.reserveCapacity((end - start) * 4)
        lower.reserveCapacity((end - start) * 4)
        for offset in start..<end {
            let scalar = scalars[offset]
            text.append(contentsOf: UTF8.encode(scalar)!)
            if scalar.isASCII {
                let value = UInt8(truncatingIfNeeded: scalar.value)
                lower.append(value >= 65 && value <= 90 ? value + 32 : value)
            } else if Scalars.isApostrophe(scalar) {
                lower.append(UInt8(ascii: "'"))
            } else if scalar.properties.changesWhenLowercased {
                for mapped in scalar.properties.lowercaseMapping.unicodeScalars {
                    lower.append(contentsOf: UTF8.encode(mapped)!)
                }
            } else {
                lower.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        let lowerString = String(decoding: lower, as: UTF8.self)
        let key = WordKey.key(lowerString)
        return Token(
            kind: kind, start: start, end: end, text: String(decoding: text, as: UTF8.self), lower: lowerString,
            isCapitalized: isCapitalized, first: first, key: key, hasHyphen: lower.contains(UInt8(ascii: "-")),
            classes: classTable.value(lower: lowerString, key: key) ?? [])
    }
}

/// Character classes over Unicode scalars, with ASCII fast paths.
enum Scalars {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 65 && value <= 90 }
        return scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 97 && value <= 122 }
        return scalar.properties.isLowercase
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar == "\u{200D}"
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value == 32 || (value >= 9 && value <= 13) }
        return scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// Scalars that join two letters into one word: apostrophes and hyphens.
    static func isInnerJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{201C}" || scalar == "\u{2018}" || scalar == "\u{00AB}" || scalar == "\u{201E}"
    }

    static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{201D}" || scalar == "\u{2019}" || scalar == "\u{00BB}"
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2013}" || scalar == "\u{2014}" || scalar == "\u{2015}"
    }
}

/// Strings from a body's scalars, built from UTF-8 bytes in one step (appending scalars to a
/// `String.UnicodeScalarView` one at a time was the extractor's largest cost).
enum ScalarStrings {
    /// The text of `scalars`; lower-cased when `lowercased` is set.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>, lowercased: Bool = false) -> String {
        if lowercased && scalars.contains(where: { !$0.isASCII && $0.properties.changesWhenLowercased }) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view).lowercased()
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[count] = UInt8(
                        truncatingIfNeeded: lowercased && value >= 65 && value <= 90 ? value + 32 : value)
                    count += 1
                } else {
                    for unit in UTF8.encode(scalar)! {
                        buffer[count] = unit
                        count += 1
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
        }
    }

    /// The text of `span` in `body`.
    static func string(_ span: TextSpan, in body: ScalarText, lowercased: Bool = false) -> String {
        string(body.scalars[span.start..<span.end], lowercased: lowercased)
    }
}
