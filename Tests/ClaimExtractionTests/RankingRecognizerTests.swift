import ClaimCore
import ClaimExtraction
import Testing

@Suite struct RankingRecognizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sentence: String
        let fields: [String: JSONValue]
        var testDescription: String { sentence }
    }

    @Test(arguments: [
        Case(
            sentence:
                "A 2025 Stanford University study ranked Russia 28th out of 36 nations in overall AI industry strength.",
            fields: [
                "subject": "Russia", "rank": 28, "outOf": 36, "measure": "overall AI industry strength",
                "source": "Stanford University", "year": 2025,
            ]),
        Case(
            sentence:
                "Furthermore, Russia lacks representation among the world’s 100 largest tech companies by market capitalization.",
            fields: [
                "subject": "Russia", "top": 100, "absent": true,
                "measure": "largest tech companies by market capitalization",
            ]),
        Case(
            sentence: "Russia is big, and its universities are absent from the top 200 research institutions for AI.",
            fields: [
                "subject": "Russia’s universities", "top": 200, "absent": true,
                "measure": "research institutions for AI",
            ]),
        Case(
            sentence: "The club is now among the top 10 richest teams in Europe.",
            fields: ["top": 10, "absent": false]),
        Case(
            sentence: "HSBC, Britain's biggest bank, reported higher profits.",
            fields: ["subject": "HSBC", "rank": 1, "scope": "Britain", "measure": "biggest bank"]),
        Case(
            sentence: "Japan is the world's third-largest economy.",
            fields: ["subject": "Japan", "rank": 3, "scope": "world"]),
        Case(
            sentence: "China is second only to the US in spending on research.",
            fields: ["subject": "China", "rank": 2]),
        Case(
            sentence: "The band's new single went in at number three in the chart this week.",
            fields: ["rank": 3]),
        Case(
            sentence: "World number one Maria Lopez beat her sister in the final.",
            fields: ["rank": 1, "subject": "Maria Lopez", "measure": "world ranking"]),
        Case(
            sentence: "The sixth-seeded Tom Berg lost in straight sets.",
            fields: ["rank": 6, "subject": "Tom Berg", "measure": "seeding"]),
        Case(
            sentence: "Their album stayed at the top spot for a month.",
            fields: ["rank": 1]),
    ])
    func findsRankings(_ example: Case) throws {
        let claims = Support.claims(.ranking, in: example.sentence)
        try #require(claims.count == 1)
        for (key, value) in example.fields {
            #expect(claims[0].fields[key] == value, "\(key)")
        }
    }

    @Test(arguments: [
        "It was the third time he had visited the city.",
        "Fourth quarter profits were slightly better than expected.",
        "This is the biggest problem we face.",
        "The 21st century has brought new challenges.",
        "The prime minister met union leaders at Number 10 on Monday.",
        "Call the helpline and press number 3 to speak to an adviser.",
    ])
    func ignoresOrdinalsWithoutARanking(_ sentence: String) {
        #expect(Support.claims(.ranking, in: sentence).isEmpty)
    }

    @Test func rankingSwallowsItsNumbers() {
        let sentence =
            "A 2025 Stanford University study ranked Russia 28th out of 36 nations in overall AI industry strength."
        #expect(Support.claims(.quantity, in: sentence).isEmpty)
    }
}
