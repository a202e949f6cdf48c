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
    /// Single-word prefix keywords by their first character.
    private let prefixes: [Character: [Keyword]]

    public init(taxonomy: Taxonomy) {
        slugs = taxonomy.topics.map(\.slug)
        var byFirstWord: [String: [Keyword]] = [:]
        var prefixes: [Character: [Keyword]] = [:]
        for (topic, entry) in taxonomy.topics.enumerated() {
            for keyword in entry.keywords {
                let isPrefix = keyword.hasSuffix("*")
                let words = Self.words(in: isPrefix ? String(keyword.dropLast()) : keyword)
                guard let first = words.first, let initial = first.first else { continue }
                let entry = Keyword(topic: topic, words: words, lastIsPrefix: isPrefix)
                if isPrefix && words.count == 1 {
                    prefixes[initial, default: []].append(entry)
                } else {
                    byFirstWord[first, default: []].append(entry)
                }
            }
        }
        self.byFirstWord = byFirstWord
        self.prefixes = prefixes
    }

    /// Topic slugs whose keywords occur in `text` (case-insensitive, whole words; "emigrat*" is a word
    /// prefix). Only the matched topics: ancestors are handled by queries.
    public func topics(for text: String) -> [String] {
        let words = Self.words(in: text)
        var matched = [Bool](repeating: false, count: slugs.count)
        for (index, word) in words.enumerated() {
            if let initial = word.first, let candidates = prefixes[initial] {
                for keyword in candidates where word.hasPrefix(keyword.words[0]) { matched[keyword.topic] = true }
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
            if isLast && keyword.lastIsPrefix ? !word.hasPrefix(part) : word != part { return false }
        }
        return true
    }

    /// Lower-cased runs of letters and digits.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if Scalars.isLetter(scalar) || Scalars.isDigit(scalar) || Scalars.isMark(scalar) {
                if scalar.isASCII {
                    let value = scalar.value
                    current.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
                } else {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
