import ClaimCore
import ClaimExtraction
import Testing

/// Every claim's text is the body's text at its span, whatever scalars precede it.
@Suite struct SpanIntegrityTests {
    @Test(arguments: [
        "👩‍👩‍👧‍👦 Families: The government banned Instagram in 2022. About 5,000 people protested.",
        "Cafe\u{301} owners said prices rose 12% in 2023, according to the ministry of economy.",
        "“We will fight,” said Marie-Hélène Dupont. Russia ranked 28th out of 36 nations in AI.",
        "The firm cut\u{00A0}1,500\u{00A0}jobs, the company said on Friday.",
        "شركة The Emirates\u{200F} airline said it carried 58 million passengers, up 3% on 2022.",
        "🇬🇧 Britain's biggest bank, HSBC, posted £10bn profits; approximately 200 staff left the country.",
    ])
    func claimTextEqualsBodyAtSpan(_ body: String) {
        let text = ScalarText(body)
        let claims = Support.extractor.extract(from: body)
        #expect(!claims.isEmpty)
        for claim in claims {
            #expect(claim.span.end <= text.count)
            #expect(claim.text == text.text(claim.span))
        }
    }

    @Test func spanOffsetsCountCodePointsNotCharacters() throws {
        let fixture = MarkedText("👩‍👩‍👧 e\u{301} Sales rose ⟦4.5%⟧ in March.")
        let claims = Support.claims(.quantity, in: fixture.text)
        try #require(claims.count == 1)
        #expect(claims[0].span == fixture.spans[0])
        #expect(claims[0].span.start == 20)
    }
}
