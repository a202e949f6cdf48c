import ClaimCore

/// Decides which sentences can never be claims: headings, questions, FAQ lines, calls to action,
/// boilerplate, tips and asides.
enum SentenceFilter {
    /// Whether `unit` may hold a claim.
    static func admits(_ unit: SentenceUnit, in scalars: [Unicode.Scalar]) -> Bool {
        guard unit.isTerminated else { return false }
        // The first words of the sentence's line, lower-cased: found one at a time, compared in place.
        let lineFirst = word(from: unit.lineStart, in: scalars)
        if let lineFirst,
            lineFirst.equals("q", in: scalars) || lineFirst.equals("a", in: scalars)
                || lineFirst.equals("faq", in: scalars)
        {
            if colonFollows(lineFirst.lowerScalarCount(in: scalars), from: unit.lineStart, in: scalars) { return false }
        }
        if let lineFirst {
            if lineFirst.equals("pro", in: scalars) || lineFirst.equals("did", in: scalars) {
                let second = word(from: lineFirst.end, in: scalars)
                if lineFirst.equals("pro", in: scalars), let second, second.equals("tip", in: scalars) { return false }
                if lineFirst.equals("did", in: scalars), let second, second.equals("you", in: scalars),
                    let third = word(from: second.end, in: scalars), third.equals("know", in: scalars)
                {
                    return false
                }
            }
            if lineFirst.equals("tip", in: scalars) || lineFirst.equals("note", in: scalars)
                || lineFirst.equals("editor's", in: scalars)
            {
                return false
            }
        }
        guard let first = word(from: unit.span.start, in: scalars) else { return false }
        if first.isIn(Lexicon.imperatives, in: scalars) {
            let second = word(from: first.end, in: scalars)
            let likeOfThe =
                second.map { $0.equals("of", in: scalars) || $0.equals("the", in: scalars) } == true
                && first.equals("like", in: scalars)
            // "Do They Know It's Christmas, featuring …, held off …": a title opens the sentence, which a
            // call to action as long as a news sentence does not do.
            let titleOpens =
                second.map { Scalars.isUpper(scalars[$0.start]) } == true && Scalars.isUpper(scalars[first.start])
                && unit.span.length >= 80
            if !likeOfThe && !titleOpens { return false }
        }
        let lastScalar = lastMark(of: unit.span, in: scalars)
        // A question, unless it is quoted ("…?” she asked) or attributed (Trump said: “Did …?”).
        if lastScalar == "?" && !endsInQuote(unit.span, in: scalars) { return false }
        // Boilerplate lines are short; longer sentences skip the phrase search.
        guard unit.span.length < 160 else { return true }
        return !containsBoilerplate(unit.span, in: scalars)
    }

    /// At most 32 phrases: one bit each in ``phrasesByFirstByte``' masks (`SentenceFilterTableTests` holds it).
    static let boilerplate: [String] = [
        "you may also like", "leave a comment", "comments below", "all rights reserved", "read more",
        "click here", "sign up", "subscribe to", "follow us", "share this", "related articles", "cookie",
        "newsletter", "further insights", "let us know", "what are your thoughts",
    ]

    /// The boilerplate phrases' bytes, one after another: phrase `i` is `phraseBytes[phraseStarts[i]..<phraseStarts[i + 1]]`.
    private static let phraseBytes: [UInt8] = boilerplate.flatMap { Array($0.utf8) }
    private static let phraseStarts: [Int] = boilerplate.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }

    /// For each byte, the phrases that begin with it (bit `i` for phrase `i`), so one pass over a sentence
    /// tries only those that can start at each byte.
    private static let phrasesByFirstByte: [UInt32] = phrasesByByte(at: 0)

    /// For each byte, the phrases whose second byte it is: with ``phrasesByFirstByte``, nearly every position
    /// of a sentence is ruled out by two table loads.
    private static let phrasesBySecondByte: [UInt32] = phrasesByByte(at: 1)

    private static func phrasesByByte(at offset: Int) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 256)
        for (index, phrase) in boilerplate.prefix(UInt32.bitWidth).enumerated() {
            table[Int(Array(phrase.utf8)[offset])] |= 1 << UInt32(index)
        }
        return table
    }

    /// Whether some boilerplate phrase occurs in the span, lower-cased (as
    /// `ScalarStrings.string(_:lowercased: true)`; an ASCII span lower-cased on the stack).
    private static func containsBoilerplate(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
        let slice = scalars[span.start..<span.end]
        guard slice.allSatisfy(\.isASCII) else {
            let text = Array(ScalarStrings.string(slice, lowercased: true).utf8)
            return text.withUnsafeBufferPointer { containsBoilerplate($0) }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slice.count) { buffer in
            for (offset, scalar) in slice.enumerated() {
                let value = UInt8(truncatingIfNeeded: scalar.value)
                buffer[offset] = value >= 65 && value <= 90 ? value + 32 : value
            }
            return containsBoilerplate(UnsafeBufferPointer(buffer))
        }
    }

    /// Whether some boilerplate phrase occurs in `text` (lower-cased UTF-8).
    private static func containsBoilerplate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 2 else { return false }  // every phrase is longer
        return phrasesByFirstByte.withUnsafeBufferPointer { byFirstByte in
            phrasesBySecondByte.withUnsafeBufferPointer { bySecondByte in
                phraseBytes.withUnsafeBufferPointer { bytes in
                    phraseStarts.withUnsafeBufferPointer { starts in
                        for start in 0..<(text.count - 1) {
                            var candidates = byFirstByte[Int(text[start])] & bySecondByte[Int(text[start + 1])]
                            while candidates != 0 {
                                let phrase = candidates.trailingZeroBitCount
                                candidates &= candidates - 1
                                let from = starts[phrase]
                                let count = starts[phrase + 1] - from
                                guard count <= text.count - start else { continue }
                                var offset = 2
                                while offset < count && text[start + offset] == bytes[from + offset] { offset += 1 }
                                if offset == count { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }

    /// A word at the start of a line: a run of letters and apostrophes, compared lower-cased.
    private struct LeadingWord {
        let start: Int
        let end: Int
        /// Whether every scalar is ASCII or `’`: then its lower-cased form has one byte per scalar and
        /// compares scalar by scalar.
        let isSimple: Bool

        /// The lower-cased word's UTF-8: ASCII letters lower-cased, `’` as `'`, other letters by their
        /// lower-case mapping.
        func lowerBytes(in scalars: [Unicode.Scalar]) -> [UInt8] {
            var bytes: [UInt8] = []
            for scalar in scalars[start..<end] {
                if scalar == "\u{2019}" {
                    bytes.append(UInt8(ascii: "'"))
                } else if scalar.isASCII {
                    let value = UInt8(truncatingIfNeeded: scalar.value)
                    bytes.append(Scalars.isUpper(scalar) ? value + 32 : value)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        bytes.append(contentsOf: UTF8.encode(lower)!)
                    }
                }
            }
            return bytes
        }

        /// The lower-cased word as a `String`.
        func lower(in scalars: [Unicode.Scalar]) -> String { String(decoding: lowerBytes(in: scalars), as: UTF8.self) }

        /// The number of scalars of the lower-cased word.
        func lowerScalarCount(in scalars: [Unicode.Scalar]) -> Int {
            isSimple ? end - start : lower(in: scalars).unicodeScalars.count
        }

        /// Whether the lower-cased word == `word` (an ASCII literal), as `String`s compare.
        func equals(_ word: String, in scalars: [Unicode.Scalar]) -> Bool {
            guard isSimple else { return lower(in: scalars) == word }
            guard end - start == word.utf8.count else { return false }
            for (offset, byte) in word.utf8.enumerated() where Self.lowerByte(scalars[start + offset]) != byte {
                return false
            }
            return true
        }

        /// Whether `words` holds the lower-cased word.
        func isIn(_ words: WordSet, in scalars: [Unicode.Scalar]) -> Bool {
            guard isSimple else { return words.contains(lower(in: scalars)) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buffer in
                for offset in 0..<(end - start) { buffer[offset] = Self.lowerByte(scalars[start + offset]) }
                return words.contains(utf8: UnsafeBufferPointer(buffer))
            }
        }

        /// The lower-cased byte of an ASCII scalar or `’`.
        private static func lowerByte(_ scalar: Unicode.Scalar) -> UInt8 {
            if scalar == "\u{2019}" { return UInt8(ascii: "'") }
            let value = UInt8(truncatingIfNeeded: scalar.value)
            return value >= 65 && value <= 90 ? value + 32 : value
        }
    }

    /// The first word at or after `index` on its line (before the next `\n`), if there is one.
    private static func word(from index: Int, in scalars: [Unicode.Scalar]) -> LeadingWord? {
        var index = index
        while index < scalars.count && scalars[index] != "\n" && !isWordScalar(scalars[index]) { index += 1 }
        guard index < scalars.count && scalars[index] != "\n" else { return nil }
        let start = index
        var isSimple = true
        while index < scalars.count && isWordScalar(scalars[index]) {
            if !scalars[index].isASCII && scalars[index] != "\u{2019}" { isSimple = false }
            index += 1
        }
        return LeadingWord(start: start, end: index, isSimple: isSimple)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        Scalars.isLetter(scalar) || scalar == "'" || scalar == "\u{2019}"
    }

    /// Whether `:` stands `length` scalars after `start`.
    private static func colonFollows(_ length: Int, from start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let index = start + length
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
}
