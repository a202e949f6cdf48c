import ClaimCore
import Testing

@Suite struct CoreTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func sha256OfAMillionAs() {
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        ("\u{FEFF}Title\r\nBody\rMore\r\n", "Title\nBody\nMore\n"),
        ("a\u{0}b", "a\u{FFFD}b"),
        ("plain\ntext", "plain\ntext"),
        ("\r", "\n"),
    ])
    func normalizerFoldsLineEndingsAndRemovesNUL(input: String, expected: String) {
        #expect(BodyNormalizer.normalize(input) == expected)
    }

    @Test func scalarOffsetsCountCodePointsNotCharacters() {
        let text = ScalarText("e\u{301}👩‍👩‍👧 ok")  // é as e + combining accent; a ZWJ family
        #expect(text.count == 2 + 5 + 3)
        #expect(text.text(TextSpan(start: 8, end: 10)) == "ok")
        let selector = text.quoteSelector(TextSpan(start: 8, end: 10), context: 3)
        #expect(selector.prefix.unicodeScalars.count == 3)
        #expect(selector.suffix == "")
    }

    @Test func standardTaxonomyHasTheRequiredTopicsAndTree() {
        let taxonomy = Taxonomy.standard
        for slug in [
            "ai-industry", "internet-freedom", "emigration", "sanctions", "military", "disinformation", "china",
            "economy", "finance", "healthcare", "manufacturing", "cybersecurity", "politics", "technology",
        ] {
            #expect(taxonomy.topic(slug) != nil, "missing topic \(slug)")
        }
        let economy = Set(taxonomy.subtree(of: "economy"))
        #expect(economy.isSuperset(of: ["economy", "finance", "healthcare", "manufacturing"]))
        #expect(!economy.contains("politics"))
        for topic in taxonomy.topics {
            if let parent = topic.parent { #expect(taxonomy.topic(parent) != nil, "\(topic.slug) has unknown parent") }
        }
    }
}
