import ClaimCore

/// Tags text with the taxonomy topics whose keywords it contains (whole words, case-insensitive).
public struct TopicTagger: Sendable {
    /// A keyword split into words; the last word may be a prefix ("emigrat*").
    private struct Keyword: Sendable {
        let topic: Int
        let words: [String]
        /// The words' UTF-8 bytes, and whether they are all ASCII.
        let wordBytes: [[UInt8]]
        let wordIsASCII: [Bool]
        let lastIsPrefix: Bool

        init(topic: Int, words: [String], lastIsPrefix: Bool) {
            self.topic = topic
            self.words = words
            wordBytes = words.map { Array($0.utf8) }
            wordIsASCII = wordBytes.map { $0.allSatisfy { $0 < 0x80 } }
            self.lastIsPrefix = lastIsPrefix
        }
    }

    private let slugs: [String]
    /// Keywords by their first word, for those whose first word is whole.
    private let byFirstWord: WordMap<[Keyword]>
    /// Single-word prefix keywords by the FNV-1a hash of the prefix ("emigrat" for "emigrat*").
    private let prefixes: HashTable<[Keyword]>
    /// Bit `n` is set when some prefix keyword is `n` bytes long.
    private let prefixLengths: UInt64
    /// A 4,096-bit filter over the prefixes' hashes (bit `hash & 4095`): a clear bit rules a lookup out.
    private let prefixFilter: [UInt64]

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
        self.byFirstWord = WordMap(byFirstWord)
        self.prefixes = HashTable(prefixes)
        self.prefixLengths = prefixLengths
        var prefixFilter = [UInt64](repeating: 0, count: 64)
        for hash in prefixes.keys { prefixFilter[Int((hash >> 6) & 63)] |= 1 << (hash & 63) }
        self.prefixFilter = prefixFilter
    }

    /// Topic slugs whose keywords occur in `text` (case-insensitive, whole words; "emigrat*" is a word
    /// prefix). Only the matched topics: ancestors are handled by queries.
    public func topics(for text: String) -> [String] {
        topics(for: ArraySlice(text.unicodeScalars))
    }

    /// One lower-cased word: its bytes in the word buffer.
    private struct WordRange {
        let start: Int
        let end: Int
        let isASCII: Bool
    }

    /// Topic slugs for a stretch of a body's scalars.
    ///
    /// The words are lower-cased into one byte buffer (no `String` per word); they compare byte for byte
    /// when ASCII, else as `String`s, so matches are those of `String` equality. An ASCII stretch (nearly
    /// every sentence) is lower-cased into stack buffers.
    func topics(for scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var high: UInt32 = 0
        for scalar in scalars { high |= scalar.value }
        guard high < 0x80 else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scalars.count + 16)
            var words: [WordRange] = []
            words.reserveCapacity(scalars.count / 4 + 8)
            Self.forEachWord(in: scalars) { words.append(Self.appendLowercased(scalars[$0], to: &bytes)) }
            return bytes.withUnsafeBufferPointer { bytes in
                words.withUnsafeBufferPointer { topics(of: $0, in: bytes) }
            }
        }
        // Words are separated by at least one scalar, so there are at most half as many, rounded up.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count) { bytes in
            withUnsafeTemporaryAllocation(of: WordRange.self, capacity: scalars.count / 2 + 1) { words in
                // `forEachWord`'s rule for ASCII (no marks below U+0300), in one loop over the scalars.
                var byteCount = 0
                var wordCount = 0
                var wordStart: Int? = nil
                for scalar in scalars {
                    let value = scalar.value
                    let isUpper = value >= 65 && value <= 90
                    if isUpper || (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                        if wordStart == nil { wordStart = byteCount }
                        bytes[byteCount] = UInt8(truncatingIfNeeded: isUpper ? value + 32 : value)
                        byteCount += 1
                    } else if let start = wordStart {
                        words[wordCount] = WordRange(start: start, end: byteCount, isASCII: true)
                        wordCount += 1
                        wordStart = nil
                    }
                }
                if let start = wordStart {
                    words[wordCount] = WordRange(start: start, end: byteCount, isASCII: true)
                    wordCount += 1
                }
                return topics(
                    of: UnsafeBufferPointer(rebasing: words[0..<wordCount]),
                    in: UnsafeBufferPointer(rebasing: bytes[0..<byteCount]))
            }
        }
    }

    /// Topic slugs for lower-cased words whose bytes are in `buffer`.
    private func topics(of words: UnsafeBufferPointer<WordRange>, in buffer: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !words.isEmpty else { return [] }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: slugs.count) { matched in
            matched.initialize(repeating: false)
            for (index, range) in words.enumerated() {
                let word = UnsafeBufferPointer(rebasing: buffer[range.start..<range.end])
                // Prefix keywords: hash the word's bytes once, look up at each keyword length.
                var hash = Hashing.offset
                var length = 0
                for byte in word {
                    hash = (hash ^ UInt64(byte)) &* Hashing.prime
                    length += 1
                    guard length < 64 else { break }
                    if prefixLengths & (1 << UInt64(length)) != 0,
                        prefixFilter[Int((hash >> 6) & 63)] & (1 << (hash & 63)) != 0,
                        let candidates = prefixes[hash]
                    {
                        for keyword in candidates where word.starts(with: keyword.wordBytes[0]) {
                            matched[keyword.topic] = true
                        }
                    }
                }
                // The loop above hashed the whole word unless it stopped at 64 bytes.
                let candidates =
                    range.isASCII && length < 64
                    ? byFirstWord.value(asciiUTF8: word, fnv: hash) : byFirstWord.value(utf8: word)
                guard let candidates else { continue }
                for keyword in candidates
                where !matched[keyword.topic] && Self.matches(keyword, words, buffer, at: index) {
                    matched[keyword.topic] = true
                }
            }
            var topics: [String] = []
            for topic in slugs.indices where matched[topic] { topics.append(slugs[topic]) }
            return topics
        }
    }

    private static func matches(
        _ keyword: Keyword, _ words: UnsafeBufferPointer<WordRange>, _ buffer: UnsafeBufferPointer<UInt8>,
        at index: Int
    ) -> Bool {
        guard index + keyword.words.count <= words.count else { return false }
        for offset in keyword.words.indices {
            let range = words[index + offset]
            let word = UnsafeBufferPointer(rebasing: buffer[range.start..<range.end])
            let part = keyword.wordBytes[offset]
            if offset == keyword.words.count - 1 && keyword.lastIsPrefix {
                if !word.starts(with: part) { return false }
            } else if range.isASCII && keyword.wordIsASCII[offset] {
                if !word.elementsEqual(part) { return false }
            } else if String(decoding: word, as: UTF8.self) != keyword.words[offset] {
                return false
            }
        }
        return true
    }

    /// Appends the lower-cased UTF-8 bytes of `scalars`, exactly those of
    /// `ScalarStrings.string(scalars, lowercased: true)`.
    private static func appendLowercased(_ scalars: ArraySlice<Unicode.Scalar>, to bytes: inout [UInt8]) -> WordRange {
        let start = bytes.count
        var high: UInt32 = 0
        for scalar in scalars { high |= scalar.value }
        if high < 0x80 {
            for scalar in scalars {
                let value = scalar.value
                bytes.append(UInt8(truncatingIfNeeded: value >= 65 && value <= 90 ? value + 32 : value))
            }
            return WordRange(start: start, end: bytes.count, isASCII: true)
        }
        bytes.append(contentsOf: ScalarStrings.string(scalars, lowercased: true).utf8)
        return WordRange(start: start, end: bytes.count, isASCII: !bytes[start...].contains { $0 >= 0x80 })
    }

    /// Lower-cased runs of letters and digits.
    static func words(in text: String) -> [String] {
        words(in: ArraySlice(text.unicodeScalars))
    }

    /// Lower-cased runs of letters and digits in a stretch of scalars.
    static func words(in scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        forEachWord(in: scalars) { words.append(ScalarStrings.string(scalars[$0], lowercased: true)) }
        return words
    }

    /// Calls `body` with the range of each run of letters, digits and marks: the one word rule for
    /// keywords and texts alike.
    @inline(__always)
    static func forEachWord(in scalars: ArraySlice<Unicode.Scalar>, _ body: (Range<Int>) -> Void) {
        var start: Int? = nil
        for index in scalars.indices {
            let scalar = scalars[index]
            if Scalars.isLetter(scalar) || Scalars.isDigit(scalar) || Scalars.isMark(scalar) {
                if start == nil { start = index }
            } else if let first = start {
                body(first..<index)
                start = nil
            }
        }
        if let first = start { body(first..<scalars.endIndex) }
    }
}
