/// One non-zero input of the check-worthiness model: a feature index and its value.
public struct ScorerFeature: Sendable, Hashable {
    public var index: Int32
    public var value: Float

    public init(index: Int32, value: Float) {
        self.index = index
        self.value = value
    }
}

/// Turns a sentence into the check-worthiness model's sparse features, working on UTF-8 bytes.
///
/// Hashed lower-cased word unigrams and bigrams (digit tokens folded to `<num>` or `<year>`, sentence
/// start and end marked) and, when ``characterGrams`` is set, hashed character n-grams of the
/// lower-cased sentence (digits folded to `0`, punctuation to one space) fill the first `2^hashBits`
/// indices; after them come dense features from the recognizers' vocabulary: numbers, percentages,
/// money, years, name-like capitalised words, acronyms, claim verbs, hedges, first- and second-person
/// words, opinion words, modals, past tense ("…ed"), future ("will"), question and length.
public struct ScorerFeaturizer: Sendable, Hashable {
    /// Log2 of the number of hashed n-gram buckets.
    public let hashBits: Int
    /// The length of the hashed character n-grams; 0 for none.
    public let characterGrams: Int
    /// Whether the hashed features are scaled by 1/√(their number), as a TF-IDF row is L2-normalised,
    /// so a long sentence does not add up more of its words' weights than a short one.
    public let normalized: Bool

    public init(hashBits: Int = 18, characterGrams: Int = 0, normalized: Bool = false) {
        self.hashBits = hashBits
        self.characterGrams = max(0, min(characterGrams, 8))
        self.normalized = normalized
    }

    /// The dense features after the hashed buckets, in index order.
    public enum Dense: Int, CaseIterable, Sendable {
        case bias, hasNumber, numbers, percent, money, year, names, acronyms, claimVerbs, hedges, firstPerson
        case secondPerson, opinion, modals, question, exclamation, short, medium, long, veryLong, comparatives
        case imperative, vagueSubject, quoteMark, pastTense, future
    }

    /// The number of model inputs: hashed buckets plus dense features.
    public var dimension: Int { (1 << hashBits) + Dense.allCases.count }

    /// The features of `sentence`; an index may repeat (its values add up).
    public func features(of sentence: String) -> [ScorerFeature] {
        var text = sentence
        return text.withUTF8 { features(utf8: $0) }
    }

    /// The features of a sentence given as UTF-8 bytes.
    public func features(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [ScorerFeature] {
        var list = FeatureList()
        list.features.reserveCapacity(bytes.count / 2 + 32)
        _ = analyze(utf8: bytes, into: &list)
        return list.features
    }

    /// The counts of a stretch of a body's scalars, its features handed to `sink` in order (encoded to
    /// UTF-8 on the way, no `String` made).
    func analyze<Sink: ScorerFeatureSink>(_ scalars: ArraySlice<Unicode.Scalar>, into sink: inout Sink) -> Counts {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                } else {
                    for unit in UTF8.encode(scalar)! {
                        buffer[count] = unit
                        count += 1
                    }
                }
            }
            return analyze(utf8: UnsafeBufferPointer(rebasing: buffer[0..<count]), into: &sink)
        }
    }

    /// Raw counts from the same pass, for version 1's hand-weighted score.
    struct Counts {
        var words = 0
        var numbers = 0
        var names = 0
        var claimVerbs = 0
        var hedges = 0
        var pastTense = 0
        var firstPerson = 0
        var secondPerson = 0
        var opinion = 0
        var modals = 0
        var vagueSubject = false
        var isQuestion = false
        var isImperative = false
        /// Whether the last mark before the final byte is `?` or `!`: without it, dropping a final mark
        /// (after ASCII spaces, which mark nothing) leaves every feature as it is.
        var marksQuestionOrExclamationBeforeFinalByte = false
    }

    /// The number of dense features.
    static let denseCount = Dense.allCases.count

    /// The counts of a sentence given as UTF-8 bytes; its features go to `sink`, hashed n-grams in reading
    /// order, then the non-zero dense features in index order.
    ///
    /// Generic over the sink, so scoring sums the model's weights as the features come, without making
    /// the list ``features(utf8:)`` returns; the dense features are kept on the stack.
    func analyze<Sink: ScorerFeatureSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Counts {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.denseCount) { dense in
            dense.initialize(repeating: 0)
            return analyze(utf8: bytes, dense: dense, into: &sink)
        }
    }

    private func analyze<Sink: ScorerFeatureSink>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, dense: UnsafeMutableBufferPointer<Float>, into sink: inout Sink
    ) -> Counts {
        var counts = Counts()
        let mask = UInt64((1 << hashBits) - 1)
        let scorerWords = Lexicon.scorerWords
        dense[Dense.bias.rawValue] = 1

        @inline(__always) func add(_ hash: UInt64) {
            sink.add(index: Int32(truncatingIfNeeded: Hashing.finalize(hash) & mask), value: 1)
        }

        var previous = Hashing.startMarker
        var words = 0
        var numbers = 0
        var index = 0
        var lastMark: UInt8 = 0
        var afterBreak = true
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Curly quotes and apostrophes: E2 80 98/99/9C/9D.
            if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D)
            {
                dense[Dense.quoteMark.rawValue] = 1
                index += 3
                continue
            }
            let skip = Self.punctuationLength(bytes, index)
            if skip == 0 {
                // One word or number: hash its lower-cased bytes, classify it.
                var hash = Hashing.offset
                var length = 0
                var digits = 0
                var letters = 0
                var upper = 0
                var last2: UInt16 = 0
                let firstUpper = byte >= 65 && byte <= 90
                while index < count {
                    var b = bytes[index]
                    // A lower-case letter, most bytes of a word: a letter, hashed as it is.
                    if b >= 97 && b <= 122 {
                        letters += 1
                        hash = (hash ^ UInt64(b)) &* Hashing.prime
                        last2 = last2 << 8 | UInt16(b)
                        length += 1
                        index += 1
                        continue
                    }
                    // An ASCII letter or digit passes every test below; only other bytes need them.
                    if Self.isWordByte(b) {
                        // Taken as is.
                    } else if Self.isCurlyApostrophe(bytes, index) {
                        guard index + 3 < count, Self.isWordByte(bytes[index + 3]) else { break }
                        b = 39
                        index += 2
                    } else if b == 39 {
                        guard index + 1 < count, Self.isWordByte(bytes[index + 1]) else { break }
                    } else if Self.punctuationLength(bytes, index) > 0
                        && !((b == 44 || b == 46) && digits > 0 && index + 1 < count && bytes[index + 1] >= 48
                            && bytes[index + 1] <= 57)
                    {
                        break
                    }
                    if b >= 65 && b <= 90 {
                        upper += 1
                        b += 32
                    }
                    if b >= 48 && b <= 57 { digits += 1 } else if b != 44 && b != 46 { letters += 1 }
                    hash = (hash ^ UInt64(b)) &* Hashing.prime
                    last2 = last2 << 8 | UInt16(b)
                    length += 1
                    index += 1
                }
                if digits > 0 && letters <= 2 {
                    numbers += 1
                    let isYear = digits == 4 && letters == 0 && length == 4
                    hash = isYear ? Hashing.yearMarker : Hashing.numberMarker
                    if isYear { dense[Dense.year.rawValue] = 1 }
                } else {
                    let known = scorerWords[hash]
                    if last2 == 0x6564 && length > 4 { counts.pastTense += 1 }  // "…ed"
                    if let known {
                        if words == 0 && known.contains(.imperative) { dense[Dense.imperative.rawValue] = 1 }
                        if words == 0 && known.contains(.vague) { dense[Dense.vagueSubject.rawValue] = 1 }
                        if known.contains(.claimVerb) { dense[Dense.claimVerbs.rawValue] += 1 }
                        if known.contains(.hedge) { dense[Dense.hedges.rawValue] += 1 }
                        if known.contains(.firstPerson) { dense[Dense.firstPerson.rawValue] += 1 }
                        if known.contains(.secondPerson) {
                            dense[Dense.secondPerson.rawValue] = 1
                            counts.secondPerson += 1
                        }
                        if known.contains(.opinion) { dense[Dense.opinion.rawValue] += 1 }
                        if known.contains(.modal) {
                            dense[Dense.modals.rawValue] = 1
                            counts.modals += 1
                        }
                        if known.contains(.money) { dense[Dense.money.rawValue] = 1 }
                        if known.contains(.percent) { dense[Dense.percent.rawValue] = 1 }
                        if known.contains(.comparative) { dense[Dense.comparatives.rawValue] = 1 }
                        if known.contains(.future) { dense[Dense.future.rawValue] = 1 }
                    }
                    if firstUpper && !afterBreak && (known == nil || !known!.contains(.firstPerson)) {
                        dense[Dense.names.rawValue] += 1
                    } else if afterBreak && upper >= 2 && upper == letters {
                        counts.names += 1  // an acronym opening a sentence or clause ("FSB agents …")
                    }
                    if upper >= 2 && upper == letters { dense[Dense.acronyms.rawValue] = 1 }
                }
                add(hash)
                add(Hashing.combine(previous, hash))
                previous = hash
                words += 1
                afterBreak = false
                continue
            }
            switch byte {
            case 37: dense[Dense.percent.rawValue] = 1
            case 36: dense[Dense.money.rawValue] = 1
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA3: dense[Dense.money.rawValue] = 1
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xAC:
                dense[Dense.money.rawValue] = 1
            case 34: dense[Dense.quoteMark.rawValue] = 1
            case 46, 33, 63, 58, 59: afterBreak = true
            default: break
            }
            if index + skip == count {
                counts.marksQuestionOrExclamationBeforeFinalByte = lastMark == 63 || lastMark == 33
            }
            if byte > 32 && byte < 0x80 { lastMark = byte }
            index += skip
        }
        add(Hashing.combine(previous, Hashing.endMarker))
        var hashed = 2 * words + 1
        if characterGrams > 0 { hashed += addCharacterGrams(bytes, mask: mask, into: &sink) }
        if normalized { sink.scaleAll(by: 1 / Float(hashed).squareRoot()) }

        counts.words = words
        counts.numbers = numbers
        counts.names += Int(dense[Dense.names.rawValue])
        counts.claimVerbs = Int(dense[Dense.claimVerbs.rawValue])
        counts.hedges = Int(dense[Dense.hedges.rawValue])
        counts.firstPerson = Int(dense[Dense.firstPerson.rawValue])
        counts.opinion = Int(dense[Dense.opinion.rawValue])
        counts.vagueSubject = dense[Dense.vagueSubject.rawValue] > 0
        counts.isImperative = dense[Dense.imperative.rawValue] > 0
        counts.isQuestion = lastMark == 63

        dense[Dense.hasNumber.rawValue] = numbers > 0 ? 1 : 0
        dense[Dense.numbers.rawValue] = Float(min(numbers, 3)) / 3
        dense[Dense.names.rawValue] = min(dense[Dense.names.rawValue], 4) / 4
        dense[Dense.claimVerbs.rawValue] = min(dense[Dense.claimVerbs.rawValue], 2) / 2
        dense[Dense.hedges.rawValue] = min(dense[Dense.hedges.rawValue], 1)
        dense[Dense.firstPerson.rawValue] = min(dense[Dense.firstPerson.rawValue], 2) / 2
        dense[Dense.opinion.rawValue] = min(dense[Dense.opinion.rawValue], 2) / 2
        dense[Dense.question.rawValue] = lastMark == 63 ? 1 : 0
        dense[Dense.pastTense.rawValue] = Float(min(counts.pastTense, 2)) / 2
        dense[Dense.exclamation.rawValue] = lastMark == 33 ? 1 : 0
        switch words {
        case ..<5: dense[Dense.short.rawValue] = 1
        case 5..<10: dense[Dense.medium.rawValue] = 1
        case 10..<20: dense[Dense.long.rawValue] = 1
        default: dense[Dense.veryLong.rawValue] = 1
        }
        let base = Int32(1 << hashBits)
        for (offset, value) in dense.enumerated() where value != 0 {
            sink.add(index: base + Int32(offset), value: value)
        }
        return counts
    }

    /// Adds the hashed character n-grams of the sentence folded to lower-case letters, `0` for each digit
    /// and one space for each run of punctuation and spaces, with a space before and after; returns how
    /// many it added. A final period or trailing spaces change none of them.
    private func addCharacterGrams<Sink: ScorerFeatureSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, mask: UInt64, into sink: inout Sink
    ) -> Int {
        let length = characterGrams
        let keep: UInt64 = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
        var window: UInt64 = 32
        var filled = 1
        var added = 0
        var afterSpace = true
        @inline(__always) func push(_ folded: UInt8) {
            window = (window << 8 | UInt64(folded)) & keep
            filled += 1
            if filled >= length {
                sink.add(
                    index: Int32(truncatingIfNeeded: Hashing.finalize(window ^ Hashing.characterSalt) & mask), value: 1)
                added += 1
            }
        }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var folded = byte
            var step = 1
            if byte >= 97 && byte <= 122 {
                // A lower-case letter, as it is.
            } else if byte >= 65 && byte <= 90 {
                folded = byte + 32
            } else if byte >= 48 && byte <= 57 {
                folded = 48
            } else {
                let skip = Self.punctuationLength(bytes, index)
                if skip > 0 {
                    folded = 32
                    step = skip
                }
            }
            index += step
            if folded == 32 {
                if afterSpace { continue }
                afterSpace = true
            } else {
                afterSpace = false
            }
            push(folded)
        }
        if !afterSpace { push(32) }
        return added
    }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    /// 0 when the scalar at `index` belongs in a word, else its length in bytes (ASCII punctuation, space,
    /// general punctuation such as dashes and quotes, currency signs, Latin-1 symbols).
    @inline(__always) static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return isWordByte(byte) ? 0 : 1 }
        if byte == 0xE2 && index + 2 < bytes.count && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x82) {
            return 3
        }
        if byte == 0xC2 && index + 1 < bytes.count { return 2 }
        return 0
    }

    @inline(__always) static func isCurlyApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98)
    }
}

/// Receives a sentence's features one at a time, in the order of ``ScorerFeaturizer/features(utf8:)``.
protocol ScorerFeatureSink {
    mutating func add(index: Int32, value: Float)
    /// Multiplies the values of every feature added so far (the hashed ones) by `scale`.
    mutating func scaleAll(by scale: Float)
}

/// Collects the features into a list.
struct FeatureList: ScorerFeatureSink {
    var features: [ScorerFeature] = []

    mutating func add(index: Int32, value: Float) { features.append(ScorerFeature(index: index, value: value)) }

    mutating func scaleAll(by scale: Float) {
        for index in features.indices { features[index].value *= scale }
    }
}

/// Sums a model's weighted features as they come; the hashed features' sum is scaled once, so the
/// result can differ from ``ScorerModel/probability(_:)`` of the list in the last bits.
struct LogitSum: ScorerFeatureSink {
    let weights: UnsafeBufferPointer<Float>
    var logit: Float = 0

    mutating func add(index: Int32, value: Float) { logit += weights[Int(index)] * value }

    mutating func scaleAll(by scale: Float) { logit *= scale }
}

/// Drops the features: for the counts alone.
struct NoFeatures: ScorerFeatureSink {
    func add(index: Int32, value: Float) {}
    func scaleAll(by scale: Float) {}
}

/// FNV-1a over lower-cased word bytes, and the mixing the featurizer buckets with.
enum Hashing {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    static let startMarker = word("<s>")
    static let endMarker = word("</s>")
    static let numberMarker = word("<num>")
    static let yearMarker = word("<year>")
    /// Mixed into a character n-gram (its bytes packed in a `UInt64`) before bucketing.
    static let characterSalt: UInt64 = 0x5bd1_e995_2f6b_8a13

    /// The FNV-1a hash of `text`'s UTF-8 bytes (already lower-cased).
    static func word(_ text: String) -> UInt64 {
        var hash = offset
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// A bigram's hash from its two words' hashes.
    @inline(__always) static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &+ 0x632B_E59B_D9B4_E019)
    }

    /// MurmurHash3's 64-bit finaliser, so the bucket bits are well mixed.
    @inline(__always) static func finalize(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}

/// What the scorer knows about a word beyond its n-grams.
struct ScorerWordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let claimVerb = Self(rawValue: 1 << 0)
    static let hedge = Self(rawValue: 1 << 1)
    static let firstPerson = Self(rawValue: 1 << 2)
    static let secondPerson = Self(rawValue: 1 << 3)
    static let opinion = Self(rawValue: 1 << 4)
    static let modal = Self(rawValue: 1 << 5)
    static let money = Self(rawValue: 1 << 6)
    static let percent = Self(rawValue: 1 << 7)
    static let comparative = Self(rawValue: 1 << 8)
    static let imperative = Self(rawValue: 1 << 9)
    static let vague = Self(rawValue: 1 << 10)
    static let future = Self(rawValue: 1 << 11)
}

extension Lexicon {
    /// The scorer's word classes keyed by the FNV-1a hash of the lower-cased word.
    static let scorerWords: HashTable<ScorerWordClass> = {
        var table: [UInt64: ScorerWordClass] = [:]
        func mark(_ words: some Sequence<String>, _ kind: ScorerWordClass) {
            for word in words { table[Hashing.word(word), default: []].insert(kind) }
        }
        mark(claimVerbs.words, .claimVerb)
        mark(hedges.words, .hedge)
        mark(
            ["i", "we", "my", "our", "me", "us", "i'm", "we're", "i've", "we've", "i'd", "i'll", "we'll"], .firstPerson)
        mark(["you", "your", "you're", "yours", "you've", "you'll"], .secondPerson)
        mark(opinionWords.words, .opinion)
        mark(["may", "might", "could", "should", "must", "perhaps", "potentially", "possibly", "would"], .modal)
        mark(
            ["dollars", "dollar", "billion", "million", "trillion", "bn", "pounds", "euros", "budget", "tax", "taxes"],
            .money)
        mark(["percent", "per", "cent", "percentage", "rate", "half", "third", "quarter"], .percent)
        mark(
            ["more", "less", "fewer", "than", "most", "least", "highest", "lowest", "largest", "biggest"], .comparative)
        mark(imperatives.words, .imperative)
        mark(["this", "it", "these", "that", "such"], .vague)
        mark(["will", "won't", "shall", "i'll", "we'll", "you'll", "they'll", "he'll", "she'll", "gonna"], .future)
        return HashTable(table)
    }()
}
