/// A table of words looked up by their UTF-8 bytes: the recognizers' word lists and word maps.
///
/// `Set<String>` and `Dictionary<String, _>` hash every probe with SipHash after a normalisation check,
/// the largest single cost of extraction. Here an ASCII probe (nearly every word of news text) is hashed
/// with FNV-1a over its bytes and compared byte for byte against ASCII keys, which for ASCII text is
/// exactly `String` equality. Anything else (a probe or a key with non-ASCII scalars, where `String`
/// compares canonical equivalents) is answered by the standard dictionary kept beside, so every answer is
/// the one `[String: Value]` would give.
struct WordMap<Value: Sendable>: Sendable {
    /// The same entries in a standard dictionary: the answer for non-ASCII probes.
    let dictionary: [String: Value]
    /// Whether some key is not ASCII; then an ASCII probe that misses asks ``dictionary`` as well.
    private let hasNonASCIIKey: Bool
    /// Open-addressing slots holding an index into the entry arrays, or -1 when empty.
    private let slots: [Int32]
    private let mask: Int
    private let hashes: [UInt64]
    /// Key bytes of every ASCII entry, one after another; entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// The ASCII keys, in entry order.
    private let keys: [String]
    private let values: [Value]

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var hasNonASCIIKey = false
        var hashes: [UInt64] = []
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var keys: [String] = []
        var values: [Value] = []
        // Sorted so the layout does not depend on the dictionary's (seeded) order.
        for key in dictionary.keys.sorted() {
            guard key.utf8.allSatisfy({ $0 < 0x80 }) else {
                hasNonASCIIKey = true
                continue
            }
            hashes.append(WordKey.key(key)!)
            bytes.append(contentsOf: key.utf8)
            starts.append(bytes.count)
            keys.append(key)
            values.append(dictionary[key]!)
        }
        var capacity = 8
        while capacity < hashes.count * 3 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entry)
        }
        self.hasNonASCIIKey = hasNonASCIIKey
        self.slots = slots
        mask = capacity - 1
        self.hashes = hashes
        self.bytes = bytes
        self.starts = starts
        self.keys = keys
        self.values = values
    }

    /// The value for `word`, exactly as `dictionary[word]` would give it.
    subscript(word: String) -> Value? {
        let entry = word.utf8.withContiguousStorageIfAvailable { find($0) } ?? Self.fallback
        if entry >= 0 { return values[entry] }
        if entry == Self.fallback || hasNonASCIIKey { return dictionary[word] }
        return nil
    }

    /// ``value(utf8:)`` of an ASCII word whose FNV-1a hash (`Hashing.word`) is already known.
    func value(asciiUTF8 utf8: UnsafeBufferPointer<UInt8>, fnv: UInt64) -> Value? {
        let entry = find(utf8, key: WordKey.key(hash: fnv))
        if entry >= 0 { return values[entry] }
        return hasNonASCIIKey ? dictionary[String(decoding: utf8, as: UTF8.self)] : nil
    }

    /// The value for the word whose UTF-8 bytes are `utf8` (valid UTF-8), as `dictionary[word]` would
    /// give it.
    func value(utf8: UnsafeBufferPointer<UInt8>) -> Value? {
        let entry = find(utf8)
        if entry >= 0 { return values[entry] }
        if entry == Self.fallback || hasNonASCIIKey { return dictionary[String(decoding: utf8, as: UTF8.self)] }
        return nil
    }

    /// Whether `word` is a key.
    func contains(_ word: String) -> Bool {
        let entry = word.utf8.withContiguousStorageIfAvailable { find($0) } ?? Self.fallback
        if entry >= 0 { return true }
        if entry == Self.fallback || hasNonASCIIKey { return dictionary[word] != nil }
        return false
    }

    private static var missing: Int { -1 }
    /// The probe is not ASCII: only the standard dictionary can answer.
    private static var fallback: Int { -2 }

    /// The entry whose key has exactly the bytes of `probe`, ``missing``, or ``fallback``.
    @inline(__always) private func find(_ probe: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = Hashing.offset
        var high: UInt8 = 0
        for byte in probe {
            hash = (hash ^ UInt64(byte)) &* Hashing.prime
            high |= byte
        }
        if high >= 0x80 { return Self.fallback }
        return find(probe, key: WordKey.key(hash: hash))
    }

    /// The entry whose key has exactly the bytes of the ASCII `probe`, whose ``WordKey`` is `key`, or
    /// ``missing``.
    @inline(__always) private func find(_ probe: UnsafeBufferPointer<UInt8>, key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return Self.missing }
            if hashes[entry] == key {
                let start = starts[entry]
                if starts[entry + 1] - start == probe.count {
                    var equal = true
                    for offset in 0..<probe.count where bytes[start + offset] != probe[offset] {
                        equal = false
                        break
                    }
                    if equal { return entry }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value for `token`'s lower-cased word, as `dictionary[token.lower]` would give it.
    ///
    /// Inlined, so that callers pass the token's two fields rather than a copy of the whole token.
    @inline(__always) subscript(token: Token) -> Value? { value(lower: token.lower, key: token.key) }

    /// Whether `token`'s lower-cased word is a key.
    @inline(__always) func contains(_ token: Token) -> Bool { contains(lower: token.lower, key: token.key) }

    /// The value for `lower`, whose ``WordKey`` is `key` (nil when not ASCII).
    func value(lower: String, key: UInt64?) -> Value? {
        guard let key else { return dictionary[lower] }
        let entry = find(key: key, word: lower)
        if entry >= 0 { return values[entry] }
        return hasNonASCIIKey ? dictionary[lower] : nil
    }

    /// Whether `lower`, whose ``WordKey`` is `key` (nil when not ASCII), is a key.
    func contains(lower: String, key: UInt64?) -> Bool {
        guard let key else { return dictionary[lower] != nil }
        if find(key: key, word: lower) >= 0 { return true }
        return hasNonASCIIKey && dictionary[lower] != nil
    }

    /// The entry for an ASCII `word` whose key is already known, or ``missing``.
    @inline(__always) private func find(key: UInt64, word: String) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return Self.missing }
            if hashes[entry] == key && keys[entry] == word { return entry }
            slot = (slot + 1) & mask
        }
    }
}

/// The hash ``WordMap`` files an ASCII word under: FNV-1a over its bytes, then mixed.
enum WordKey {
    /// The key of `word`, or nil when it is not ASCII.
    static func key(_ word: String) -> UInt64? {
        var hash = Hashing.offset
        for byte in word.utf8 {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(byte)) &* Hashing.prime
        }
        return key(hash: hash)
    }

    /// The key of an ASCII word whose FNV-1a hash is `hash`.
    @inline(__always) static func key(hash: UInt64) -> UInt64 { Hashing.finalize(hash) }
}

extension WordMap: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }
}

/// A set of words with ``WordMap``'s fast lookups; answers exactly as `Set<String>` would.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let map: WordMap<Bool>

    init(_ words: some Sequence<String>) {
        map = WordMap(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether `word` is in the set.
    func contains(_ word: String) -> Bool { map.contains(word) }

    /// Whether the word whose UTF-8 bytes are `utf8` (valid UTF-8) is in the set.
    func contains(utf8: UnsafeBufferPointer<UInt8>) -> Bool { map.value(utf8: utf8) != nil }

    /// Whether `token`'s lower-cased word is in the set.
    @inline(__always) func contains(_ token: Token) -> Bool { map.contains(lower: token.lower, key: token.key) }

    /// Whether `lower`, whose ``WordKey`` is `key` (nil when not ASCII), is in the set.
    func contains(lower: String, key: UInt64?) -> Bool { map.contains(lower: lower, key: key) }

    /// The words, in no particular order.
    var words: Dictionary<String, Bool>.Keys { map.dictionary.keys }
}

/// An open-addressing table keyed by 64-bit hashes (FNV-1a of words), for lookups in hot loops where
/// `Dictionary<UInt64, _>` would run SipHash over every key.
struct HashTable<Value: Sendable>: Sendable {
    private var slots: [Int32]
    private var mask: Int
    private var keys: [UInt64] = []
    private var values: [Value] = []

    init() {
        slots = [Int32](repeating: -1, count: 8)
        mask = 7
    }

    init(_ dictionary: [UInt64: Value]) {
        self.init()
        for key in dictionary.keys.sorted() { self[key] = dictionary[key] }
    }

    /// The value stored under `key`.
    subscript(key: UInt64) -> Value? {
        get {
            let entry = find(key)
            return entry >= 0 ? values[entry] : nil
        }
        set {
            let entry = find(key)
            if entry >= 0 {
                // Removal is not needed by any table here.
                if let newValue { values[entry] = newValue }
                return
            }
            guard let newValue else { return }
            keys.append(key)
            values.append(newValue)
            if keys.count * 3 > slots.count {
                rehash(capacity: slots.count * 2)
            } else {
                insertSlot(keys.count - 1)
            }
        }
    }

    @inline(__always) private func find(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: Hashing.finalize(key)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 || keys[entry] == key { return entry }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insertSlot(_ entry: Int) {
        var slot = Int(truncatingIfNeeded: Hashing.finalize(keys[entry])) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for entry in keys.indices { insertSlot(entry) }
    }
}
