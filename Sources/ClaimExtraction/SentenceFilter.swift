import ClaimCore

/// Decides which sentences can never be claims: headings, questions, FAQ lines, calls to action,
/// boilerplate, tips and asides.
enum SentenceFilter {
    /// Whether `unit` may hold a claim.
    static func admits(_ unit: SentenceUnit, in scalars: [Unicode.Scalar]) -> Bool {
        guard unit.isTerminated else { return false }
        let lineWords = leadingWords(from: unit.lineStart, in: scalars, count: 3)
        if lineWords.first == "q" || lineWords.first == "a" || lineWords.first == "faq" {
            if colonFollows(lineWords.first!, from: unit.lineStart, in: scalars) { return false }
        }
        if lineWords.starts(with: ["pro", "tip"]) || lineWords.starts(with: ["did", "you", "know"])
            || lineWords.first == "tip" || lineWords.first == "note" || lineWords.first == "editor's"
        {
            return false
        }
        let words = leadingWords(from: unit.span.start, in: scalars, count: 4)
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
        let text = Array(lowerText(unit.span, in: scalars).utf8)
        return !boilerplateBytes.contains { contains(text, $0) }
    }

    private static let boilerplate: [String] = [
        "you may also like", "leave a comment", "comments below", "all rights reserved", "read more",
        "click here", "sign up", "subscribe to", "follow us", "share this", "related articles", "cookie",
        "newsletter", "further insights", "let us know", "what are your thoughts",
    ]

    private static let boilerplateBytes: [[UInt8]] = boilerplate.map { Array($0.utf8) }

    /// Whether `needle` occurs in `haystack` (bytes; both short).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    private static func leadingWords(from start: Int, in scalars: [Unicode.Scalar], count: Int) -> [String] {
        var words: [String] = []
        var current = ""
        var index = start
        while index < scalars.count && words.count < count && scalars[index] != "\n" {
            let scalar = scalars[index]
            if Scalars.isLetter(scalar) || scalar == "'" || scalar == "\u{2019}" {
                if scalar == "\u{2019}" {
                    current.unicodeScalars.append("'")
                } else if scalar.isASCII {
                    current.unicodeScalars.append(Scalars.isUpper(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else {
                    current.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty && words.count < count { words.append(current) }
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

    private static func lowerText(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> String {
        ScalarStrings.string(scalars[span.start..<span.end], lowercased: true)
    }
}
