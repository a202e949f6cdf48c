import ClaimCore

/// A number read from tokens: its value and where it ends.
struct ReadNumber: Sendable {
    /// The value as an integer when it is whole, else as a double.
    let value: JSONValue
    /// The first and last token of the number, scale word included.
    let first: Int
    let last: Int
    /// Whether it was written in digits.
    let isDigits: Bool
    /// Whether a scale word ("million", "bn") multiplied it.
    let hasScale: Bool

    /// The same number below zero ("-9.13").
    var negated: ReadNumber {
        let negative: JSONValue
        switch value {
        case .int(let number): negative = .int(-number)
        case .double(let number): negative = .double(-number)
        default: negative = value
        }
        return ReadNumber(value: negative, first: first, last: last, isDigits: isDigits, hasScale: hasScale)
    }

    var doubleValue: Double {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return 0
        }
    }
}

/// Reads numbers written in digits ("100,000", "1.13bn") or words ("two million").
enum NumberReader {
    static let scales: WordMap<Int> = [
        "thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6, "mln": 6, "billion": 9, "bn": 9,
        "bln": 9, "b": 9, "trillion": 12, "tn": 12, "trn": 12,
    ]
    static let indefiniteArticles: WordSet = ["a", "an"]
    /// The words a number can begin with besides hyphenated ones: ``indefiniteArticles`` and the keys of
    /// ``units``.
    static let numberStartWords = WordSet(Array(units.dictionary.keys) + indefiniteArticles.words)
    /// Scale words that may only stand directly against the digits ("5m", not "5 m").
    static let attachedOnly: WordSet = ["k", "m", "b", "mn", "bn", "tn"]

    static let units: WordMap<Int> = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Whether a number may start at token `index`: punctuation and most words begin none.
    ///
    /// Settled from the token's fields; inlined, so a loop over every token calls ``read(_:at:)`` only
    /// where it may find a number.
    @inline(__always) static func mayStart(_ sentence: Sentence, at index: Int) -> Bool {
        switch sentence.tokens[index].kind {
        case .punct: false
        case .word: sentence.tokens[index].hasHyphen || sentence.tokens[index].classes.contains(.numberStart)
        case .number: true
        }
    }

    /// The number starting at token `index`, if one does.
    static func read(_ sentence: Sentence, at index: Int) -> ReadNumber? {
        guard mayStart(sentence, at: index) else { return nil }
        let token = sentence[index]
        var mantissa = 0
        var fractionDigits = 0
        var last = index
        var isDigits = false
        if token.isNumber {
            isDigits = true
            var seenPoint = false
            // The text's scalars, read from the body.
            for scalar in sentence.body.scalars[token.start..<token.end] {
                if Scalars.isDigit(scalar) {
                    let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                    guard !overflow else { return nil }
                    mantissa = product + Int(scalar.value - 48)
                    if seenPoint { fractionDigits += 1 }
                } else if scalar == "." {
                    if seenPoint { return nil }
                    seenPoint = true
                }
            }
        } else if token.isWord {
            if indefiniteArticles.contains(token) {
                guard index + 1 < sentence.count, let exponent = scales[sentence[index + 1]],
                    !sentence.lower(index + 1, isIn: attachedOnly)
                else { return nil }
                return ReadNumber(
                    value: .int(power(exponent)), first: index, last: index + 1, isDigits: false, hasScale: true)
            }
            guard let value = wordValue(token) else { return nil }
            mantissa = value
            if sentence.lower(index + 1) == "hundred" {
                mantissa *= 100
                last += 1
            }
        } else {
            return nil
        }
        var exponent = 0
        var hasScale = false
        if last + 1 < sentence.count,
            let scale = scales.value(lower: sentence.tokens[last + 1].lower, key: sentence.tokens[last + 1].key)
        {
            let scaleToken = sentence[last + 1]
            let attached = scaleToken.start == sentence[last].end
            if attached || !attachedOnly.contains(scaleToken.lower) {
                exponent = scale
                hasScale = true
                last += 1
            }
        }
        let value: JSONValue
        if exponent >= fractionDigits {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: power(exponent - fractionDigits))
            guard !overflow else { return nil }
            value = .int(product)
        } else {
            value = .double(Double(mantissa) / Double(power(fractionDigits - exponent)))
        }
        return ReadNumber(value: value, first: index, last: last, isDigits: isDigits, hasScale: hasScale)
    }

    /// ``wordValue(_:)`` of a token's lower-cased word, looked up by its key.
    static func wordValue(_ token: Token) -> Int? {
        if let value = units[token] { return value }
        guard token.hasHyphen else { return nil }
        // Most hyphenated words ("well-known") begin with no tens word: settled on the bytes of an ASCII
        // word before the `String` is split.
        if token.key != nil,
            token.lower.utf8.withContiguousStorageIfAvailable({ bytes in
                let head = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "-")) ?? bytes.endIndex)]
                guard let tens = units.value(utf8: UnsafeBufferPointer(rebasing: head)) else { return false }
                return tens >= 20 && tens % 10 == 0
            }) == false
        {
            return nil
        }
        return wordValue(token.lower)
    }

    /// The value of a number word, including hyphenated ones ("twenty-five").
    static func wordValue(_ word: String) -> Int? {
        if let value = units[word] { return value }
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-")
        guard parts.count == 2, let tens = units[String(parts[0])], tens >= 20, tens % 10 == 0,
            let ones = units[String(parts[1])], ones < 10
        else { return nil }
        return tens + ones
    }

    /// ``year(_:)`` of the token at `index`, ruling out most tokens from their fields first.
    static func year(at index: Int, in sentence: Sentence) -> Int? {
        guard sentence.tokens[index].kind == .number, sentence.tokens[index].length == 4 else { return nil }
        return year(sentence[index])
    }

    /// The year a token names, if it is a bare four-digit year from 1800 to 2100.
    static func year(_ token: Token) -> Int? {
        guard token.isNumber, token.length == 4, let value = Int(token.text),
            (1800...2100).contains(value)
        else { return nil }
        return value
    }

    static func power(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}
