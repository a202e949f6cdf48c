import ClaimCore
import Testing

@testable import ClaimExtraction

/// The extractor's word tables answer exactly as `Set<String>` and `[String: Value]` would.
@Suite struct WordTableTests {
    static let keys = [
        "according", "to", "out", "of", "banned", "ban", "Kelvin", "café", "cafe\u{301}", "naïve", "K", "İstanbul",
        "million", "bn", "x", "",
    ]

    static func probe(_ random: inout SplitMix64) -> String {
        let pieces = [
            "a", "to", "out", "ban", "ned", "caf", "é", "e\u{301}", "\u{212A}", "K", "İ", "stanbul", "ï", "n", "ve",
        ]
        return (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func mapAndSetAgreeWithTheStandardCollections() {
        // "café" and "cafe\u{301}" are one String key: the first one's value stays.
        let dictionary = Dictionary(Self.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let map = WordMap(dictionary)
        let set = WordSet(Self.keys)
        let standard = Set(Self.keys)
        var random = SplitMix64(seed: 11)
        var probes = Self.keys + ["according ", "Ban", "cafe", "\u{212A}elvin", "istanbul"]
        for _ in 0..<5000 { probes.append(Self.probe(&random)) }
        for probe in probes {
            #expect(map[probe] == dictionary[probe], "\(probe)")
            #expect(set.contains(probe) == standard.contains(probe), "\(probe)")
        }
    }
}
