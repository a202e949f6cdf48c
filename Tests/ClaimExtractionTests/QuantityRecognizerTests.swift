import ClaimCore
import ClaimExtraction
import Testing

@Suite struct QuantityRecognizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let marked: String
        let value: JSONValue
        let unit: String?
        var approximate = false
        var testDescription: String { marked }
    }

    @Test(arguments: [
        Case(
            marked: "The firm said ⟦approximately 100,000 IT professionals⟧ left.", value: 100000,
            unit: "IT professionals", approximate: true),
        Case(marked: "Quarterly profits jumped ⟦76%⟧ last year.", value: 76, unit: "percent"),
        Case(marked: "Profits reached ⟦$1.13bn⟧ for the three months.", value: 1_130_000_000, unit: "USD"),
        Case(marked: "The show drew ⟦two million viewers⟧ on Sunday.", value: 2_000_000, unit: "viewers"),
        Case(marked: "Output fell ⟦4.5 per cent⟧ in March.", value: 4.5, unit: "percent"),
        Case(marked: "The council spent ⟦more than £75m⟧ on roads.", value: 75_000_000, unit: "GBP", approximate: true),
        Case(marked: "It lost ⟦464,000 subscribers⟧ in the fourth quarter.", value: 464000, unit: "subscribers"),
        Case(marked: "The bank will cut ⟦up to 1,500 jobs⟧ in Europe.", value: 1500, unit: "jobs", approximate: true),
        Case(marked: "Sales were ⟦€20 million⟧ higher.", value: 20_000_000, unit: "EUR"),
        // Reuters: "mln dlrs".
        Case(marked: "The company said it had net income of ⟦6.2 mln dlrs⟧.", value: 6_200_000, unit: "USD"),
        // Number words below ten count the things they name.
        Case(marked: "Police said ⟦three young cyclists⟧ were hurt.", value: 3, unit: "young cyclists"),
    ])
    func readsQuantities(_ example: Case) throws {
        let fixture = MarkedText(example.marked)
        let claims = Support.claims(.quantity, in: fixture.text)
        try #require(claims.count == 1)
        #expect(claims[0].span == fixture.spans[0])
        #expect(claims[0].fields["value"] == example.value)
        #expect(claims[0].fields["unit"] == example.unit.map(JSONValue.string))
        #expect(claims[0].fields["approximate"] == .bool(example.approximate))
    }

    /// Numbers that are not quantities under ANNOTATION.md.
    @Test(arguments: [
        "The law was passed in 2019 after a long debate.",
        "The meeting starts at 10:30 on Monday.",
        "The 45-year-old was arrested on Friday.",
        "She finished 3rd in the race, her best result.",
        "Call 020 7946 0000 for details.",
        "Windows 95 was a hit and Channel 4 showed Formula 1 races.",
        "The charge falls under section 3 of the act.",
        "Wales play in the Six Nations next month.",
        "One of the drivers said the road was closed.",
        "Chelsea won 2-1 at home on Saturday.",
        "The train leaves at 9 am on 5 January.",
        "John Smith, 45, was charged with fraud.",
        // BBC sport: races named by their distance.
        "She won the 60m world indoor silver medal in 2003.",
        "He is one of the 800 metres favourites this season.",
        "Holmes will run the 800m and 1000m in Birmingham.",
        // Reuters (reut2-003): years of dates and maturities.
        "The notes can be called from September 26, 1989 at 101-1/4, declining semi-annually.",
        "The bonds are due 1992 and carry a fixed coupon.",
        // BBC entertainment/020.txt.
        "Sir Joshua painted him after his arrival in 1774, and it became the artist's most famous work after it was first exhibited at the Royal Academy in 1776.",
    ])
    func ignoresNonQuantities(_ sentence: String) {
        #expect(Support.claims(.quantity, in: sentence).isEmpty)
    }

    @Test func absorbsShareBesideCount() throws {
        let text =
            "This has contributed to a significant brain drain, with approximately 100,000 IT professionals – roughly 10% of Russia’s tech workforce – emigrating in 2022 alone."
        let claims = Support.claims(.quantity, in: text)
        try #require(claims.count == 1)
        #expect(claims[0].fields["share"] == .double(0.1))
        #expect(claims[0].fields["year"] == .int(2022))
        #expect(claims[0].topics.contains("emigration"))
    }

    @Test func bbcSentenceHasEveryFigure() {
        // BBC business/001.txt.
        let text =
            "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier."
        let claims = Support.claims(.quantity, in: text)
        #expect(claims.map(\.fields["unit"]) == ["percent", "USD", "GBP", "USD"])
        #expect(claims.map(\.fields["value"]) == [76, 1_130_000_000, 600_000_000, 639_000_000])
    }
}
