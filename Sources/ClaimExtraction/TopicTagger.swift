import ClaimCore

/// Tags text with the taxonomy topics whose keywords it contains (whole words, case-insensitive).
public struct TopicTagger: Sendable {
    /// A keyword split into words; the last word may be a prefix ("emigrat*").
    private struct Keyword: Sendable {
        let topic: Int
        let words: [String]
        let lastIsPrefix: Bool
    }

    private let slugs: [String]
    /// Keywords by their first word, for those whose first word is whole.
    private let byFirstWord: [String: [Keyword]]
    /// Single-word prefix keywords by the FNV-1a hash of the prefix ("emigrat" for "emigrat*").
    private let prefixes: [UInt64: [Keyword]]
    /// Bit `n` is set when some prefix keyword is `n` bytes long.
    private let prefixLengths: UInt64

    public init(taxonomy: Taxonomy) {
        slugs = taxonomy.topics.map(\.slug)
        var byFirstWord: [String: [Keyword]] = [:]
        var prefixes: [UInt64: [Keyword]] = [:]
        var prefixLengths: UInt64 = 0
        for (topic, entry) in taxonomy.topics.enumerated() {
            for keyword in entry.keywords {
                let isPrefix = keyword.hasSuffix("*")
                let words = Self.words(in: isPrefix ? String(keyword.dropLast()) : keyword)
                guard let first = words.first, !first.isEmpty else { continue }
                let entry = Keyword(topic: topic, words: words, lastIsPrefix: isPrefix)
                if isPrefix && words.count == 1 && first.utf8.count < 64 {
                    prefixes[Hashing.word(first), default: []].append(entry)
                    prefixLengths |= 1 << UInt64(first.utf8.count)
                } else {
                    byFirstWord[first, default: []].append(entry)
                }
            }
        }
        self.byFirstWord = byFirstWord
        self.prefixes = prefixes
        self.prefixLengths = prefixLengths
    }

    /// Topic slugs whose keywords occur in `text` (case-insensitive, whole words; "emigrat*" is a word
    /// prefix). Only the matched topics: ancestors are handled by queries.
    public func topics(for text: String) -> [String] {
        topics(words: Self.words(in: text))
    }

    /// Topic slugs for a stretch of a body's scalars.
    func topics(for scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        topics(words: Self.words(in: scalars))
    }

    private func topics(words: [String]) -> [String] {
        var matched = [Bool](repeating: false, count: slugs.count)
        for (index, word) in words.enumerated() {
            // Prefix keywords: hash the word's bytes once, look up at each keyword length.
            var hash = Hashing.offset
            var length = 0
            for byte in word.utf8 {
                hash = (hash ^ UInt64(byte)) &* Hashing.prime
                length += 1
                guard length < 64 else { break }
                if prefixLengths & (1 << UInt64(length)) != 0, let candidates = prefixes[hash] {
                    for keyword in candidates where word.utf8.starts(with: keyword.words[0].utf8) {
                        matched[keyword.topic] = true
                    }
                }
            }
            guard let candidates = byFirstWord[word] else { continue }
            for keyword in candidates where !matched[keyword.topic] && Self.matches(keyword, words, at: index) {
                matched[keyword.topic] = true
            }
        }
        return slugs.indices.filter { matched[$0] }.map { slugs[$0] }
    }

    private static func matches(_ keyword: Keyword, _ words: [String], at index: Int) -> Bool {
        guard index + keyword.words.count <= words.count else { return false }
        for (offset, part) in keyword.words.enumerated() {
            let word = words[index + offset]
            let isLast = offset == keyword.words.count - 1
            if isLast && keyword.lastIsPrefix ? !word.utf8.starts(with: part.utf8) : word != part { return false }
        }
        return true
    }

    /// Lower-cased runs of letters and digits.
    static func words(in text: String) -> [String] {
        words(in: ArraySlice(text.unicodeScalars))
    }

    /// Lower-cased runs of letters and digits in a stretch of scalars.
    static func words(in scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        var start: Int? = nil
        for index in scalars.indices {
            let scalar = scalars[index]
            if Scalars.isLetter(scalar) || Scalars.isDigit(scalar) || Scalars.isMark(scalar) {
                if start == nil { start = index }
            } else if let first = start {
                words.append(ScalarStrings.string(scalars[first..<index], lowercased: true))
                start = nil
            }
        }
        if let first = start { words.append(ScalarStrings.string(scalars[first..<scalars.endIndex], lowercased: true)) }
        return words
    }
}
