import ClaimCore
import ClaimExtraction
import Testing

/// The acceptance test: the demo article against its gold claims (copied from
/// `russia-tech-winter.gold.json`).
@Suite struct SeedArticleTests {
    struct Gold: Sendable, CustomTestStringConvertible {
        let id: String
        let kind: ClaimKind
        let start: Int
        let end: Int
        var fields: [String: JSONValue] = [:]
        var topic: String?
        var testDescription: String { id }
        var span: TextSpan { TextSpan(start: start, end: end) }
    }

    static let required: [Gold] = [
        Gold(
            id: "G1", kind: .ranking, start: 1246, end: 1347,
            fields: [
                "subject": "Russia", "rank": 28, "outOf": 36, "measure": "overall AI industry strength",
                "source": "Stanford University", "year": 2025,
            ]),
        Gold(
            id: "G2", kind: .ranking, start: 1405, end: 1502,
            fields: [
                "subject": "Russia", "top": 100, "absent": true,
                "measure": "largest tech companies by market capitalization",
            ]),
        Gold(
            id: "G3", kind: .ranking, start: 1508, end: 1581,
            fields: [
                "subject": "Russia’s universities", "top": 200, "absent": true,
                "measure": "research institutions for AI",
            ]),
        Gold(
            id: "G5", kind: .ban, start: 1867, end: 1944,
            fields: [
                "actor": "Putin’s administration", "targets": ["Instagram", "YouTube", "Facebook", "X"],
                "jurisdiction": "Russia",
            ]),
        Gold(
            id: "G6", kind: .quantity, start: 2654, end: 2760,
            fields: [
                "value": 100000, "approximate": true, "unit": "IT professionals", "share": .double(0.1), "year": 2022,
            ],
            topic: "emigration"),
        Gold(id: "G7", kind: .quote, start: 1109, end: 1152, fields: ["speaker": "Putin", "quote": "CIA project"]),
    ]

    static let optional: [Gold] = [
        Gold(id: "G4", kind: .comparison, start: 1349, end: 1390),
        Gold(id: "G8", kind: .statement, start: 1583, end: 1682),
        Gold(id: "G9", kind: .statement, start: 1946, end: 2070),
        Gold(id: "G10", kind: .ban, start: 2762, end: 2859),
        Gold(id: "G11", kind: .statement, start: 3061, end: 3152),
        Gold(id: "G12", kind: .statement, start: 3250, end: 3326),
        Gold(id: "G13", kind: .prediction, start: 3562, end: 3659),
        Gold(id: "G14", kind: .statement, start: 1789, end: 1865),
        Gold(id: "G15", kind: .statement, start: 699, end: 794),
    ]

    static let nonclaims: [(start: Int, end: Int)] = [
        (2205, 2291), (5343, 5399), (5400, 5442), (5444, 5461), (5463, 5478), (5275, 5341), (4510, 4565),
    ]

    let body: String
    let claims: [CandidateClaim]

    init() throws {
        body = try Support.fixture("russia-tech-winter.txt")
        claims = Support.extractor.extract(from: body)
    }

    @Test func fixtureMatchesGoldOffsets() {
        let text = ScalarText(body)
        #expect(text.text(TextSpan(start: 1109, end: 1152)) == "once described by Putin as a “CIA project,”")
        #expect(text.text(TextSpan(start: 5463, end: 5478)) == "Leave a Comment")
    }

    @Test(arguments: required)
    func findsRequiredClaimWithGoldFields(_ gold: Gold) throws {
        let match = claims.first { $0.kind == gold.kind && $0.span.overlaps(gold.span) }
        let claim = try #require(match, "no \(gold.kind) claim overlaps \(gold.id)")
        for (key, value) in gold.fields {
            #expect(claim.fields[key] == value, "\(gold.id).\(key)")
        }
        if let topic = gold.topic { #expect(claim.topics.contains(topic)) }
    }

    @Test func findsAtLeastThirteenOfFifteenGoldClaims() {
        let all = Self.required + Self.optional
        let found = all.filter { gold in claims.contains { $0.kind == gold.kind && $0.span.overlaps(gold.span) } }
        #expect(found.count >= 13, "found \(found.map(\.id))")
    }

    @Test func reportsNothingOverNonclaims() {
        for nonclaim in Self.nonclaims {
            let span = TextSpan(start: nonclaim.start, end: nonclaim.end)
            #expect(!claims.contains { $0.span.overlaps(span) }, "claim over \(span)")
        }
    }

    @Test func claimsAreInReadingOrderWithExactText() {
        let text = ScalarText(body)
        #expect(claims.map(\.span.start) == claims.map(\.span.start).sorted())
        for claim in claims {
            #expect(claim.text == text.text(claim.span))
            #expect((0...1).contains(claim.score))
        }
    }

    @Test func versionIsStamped() {
        #expect(ClaimExtractor.version.hasPrefix("extractor-"))
    }
}
