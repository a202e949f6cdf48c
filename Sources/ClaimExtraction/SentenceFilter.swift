import ClaimCore

/// Decides which sentences can never be claims: headings, questions, FAQ lines, calls to action,
/// boilerplate, tips and asides.
enum SentenceFilter {
    /// Whether `unit` may hold a claim.
    static func admits(_ unit: SentenceUnit, in scalars: [Unicode.Scalar]) -> Bool {
        guard unit.isTerminated else { return false }
        let words = leadingWords(from: unit.span.start, in: scalars, count: 4)
        // A sentence that opens its line: its line's first three words are its own.
        let lineWords =
            unit.lineStart == unit.span.start
            ? Array(words.prefix(3)) : leadingWords(from: unit.lineStart, in: scalars, count: 3)
        if lineWords.first == "q" || lineWords.first == "a" || lineWords.first == "faq" {
            if colonFollows(lineWords.first!, from: unit.lineStart, in: scalars) { return false }
        }
        if lineWords.starts(with: ["pro", "tip"]) || lineWords.starts(with: ["did", "you", "know"])
            || lineWords.first == "tip" || lineWords.first == "note" || lineWords.first == "editor's"
        {
            return false
        }
        guard let first = words.first else { return false }
        if Lexicon.imperatives.contains(first)
            && !(words.count > 1 && ["of", "the"].contains(words[1]) && first == "like")
        {
            return false
        }
        let lastScalar = lastMark(of: unit.span, in: scalars)
        // A question, unless it is quoted ("…?” she asked) or attributed (Trump said: “Did …?”).
        if lastScalar == "?" && !endsInQuote(unit.span, in: scalars) { return false }
        // Boilerplate lines are short; longer sentences skip the phrase search.
        guard unit.span.length < 160 else { return true }
        return !containsBoilerplate(lowerUTF8(unit.span, in: scalars))
    }

    private static let boilerplate: [String] = [
        "you may also like", "leave a comment", "comments below", "all rights reserved", "read more",
        "click here", "sign up", "subscribe to", "follow us", "share this", "related articles", "cookie",
        "newsletter", "further insights", "let us know", "what are your thoughts",
    ]

    private static let boilerplateBytes: [[UInt8]] = boilerplate.map { Array($0.utf8) }

    /// Boilerplate phrases by their first byte, so one pass over a sentence tries only those that can start
    /// at each byte.
    private static let boilerplateByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for phrase in boilerplateBytes { table[Int(phrase[0])].append(phrase) }
        return table
    }()

    /// Whether some boilerplate phrase occurs in `text` (lower-cased UTF-8).
    private static func containsBoilerplate(_ text: [UInt8]) -> Bool {
        let table = boilerplateByFirstByte
        for start in text.indices {
            for needle in table[Int(text[start])]
            where needle.count <= text.count - start && text[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
        }
        return false
    }

    private static func leadingWords(from start: Int, in scalars: [Unicode.Scalar], count: Int) -> [String] {
        var words: [String] = []
        // The current word's UTF-8 bytes; one String per word.
        var current: [UInt8] = []
        var index = start
        while index < scalars.count && words.count < count && scalars[index] != "\n" {
            let scalar = scalars[index]
            if Scalars.isLetter(scalar) || scalar == "'" || scalar == "\u{2019}" {
                if scalar == "\u{2019}" {
                    current.append(UInt8(ascii: "'"))
                } else if scalar.isASCII {
                    let value = UInt8(truncatingIfNeeded: scalar.value)
                    current.append(Scalars.isUpper(scalar) ? value + 32 : value)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        current.append(contentsOf: UTF8.encode(lower)!)
                    }
                }
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            index += 1
        }
        if !current.isEmpty && words.count < count { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func colonFollows(_ word: String, from start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let index = start + word.unicodeScalars.count
        return index < scalars.count && scalars[index] == ":"
    }

    private static func endsInQuote(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
        var index = span.end
        while index > span.start && Scalars.isSpace(scalars[index - 1]) { index -= 1 }
        guard index > span.start else { return false }
        let last = scalars[index - 1]
        return last == "\u{201D}" || last == "\""
    }

    private static func lastMark(of span: TextSpan, in scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        var index = span.end
        while index > span.start {
            index -= 1
            let scalar = scalars[index]
            if !Scalars.isClosingQuote(scalar) && scalar != "\"" && scalar != ")" { return scalar }
        }
        return nil
    }

    /// The UTF-8 bytes of `ScalarStrings.string(_:lowercased: true)` of the span, without the `String`
    /// when the span is ASCII.
    private static func lowerUTF8(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> [UInt8] {
        let slice = scalars[span.start..<span.end]
        guard slice.allSatisfy(\.isASCII) else { return Array(ScalarStrings.string(slice, lowercased: true).utf8) }
        return slice.map { scalar in
            let value = UInt8(truncatingIfNeeded: scalar.value)
            return value >= 65 && value <= 90 ? value + 32 : value
        }
    }
}
