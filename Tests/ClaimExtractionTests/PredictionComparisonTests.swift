import ClaimCore
import ClaimExtraction
import Testing

@Suite struct PredictionComparisonTests {
    @Test func predictionSpansTheForecastClause() throws {
        let fixture = MarkedText(
            "⟦Experts predict that Russia’s technological stagnation will lead to increased dependence on China⟧.")
        let claims = Support.claims(.prediction, in: fixture.text)
        try #require(claims.count == 1)
        #expect(claims[0].span == fixture.spans[0])
        #expect(claims[0].fields["source"] == "Experts")
    }

    @Test(arguments: ["Profits were better than predicted.", "The results came as forecast last week."])
    func ignoresPastForecastReferences(_ sentence: String) {
        #expect(Support.claims(.prediction, in: sentence).isEmpty)
    }

    @Test func comparisonTakesTheRankedSubject() throws {
        let fixture = MarkedText(
            "A 2025 Stanford University study ranked Russia 28th out of 36 nations in overall AI industry strength, ⟦lagging behind all major global economies⟧."
        )
        let claims = Support.claims(.comparison, in: fixture.text)
        try #require(claims.count == 1)
        #expect(claims[0].span == fixture.spans[0])
        #expect(claims[0].fields["subject"] == "Russia")
    }

    @Test func hedgeIsRecordedOnClaims() throws {
        let claims = Support.extractor.extract(
            from: "The Kremlin is reportedly utilizing AI for military applications in the conflict in Ukraine.")
        try #require(claims.count == 1)
        #expect(claims[0].kind == .statement)
        #expect(claims[0].fields["hedge"] == "reportedly")
    }
}
