import ClaimCore
import ClaimExtraction
import Testing

@Suite struct QuoteRecognizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sentence: String
        let speaker: String
        let quote: String
        var testDescription: String { sentence }
    }

    @Test(arguments: [
        Case(
            sentence:
                "It reflects a broader distrust of the internet, once described by Putin as a “CIA project,” and a policy of control.",
            speaker: "Putin", quote: "CIA project"),
        Case(
            sentence: "“Prices will fall next year,” the minister said.", speaker: "the minister",
            quote: "Prices will fall next year"),
        Case(
            sentence: "The minister said: “Prices will fall next year.”", speaker: "The minister",
            quote: "Prices will fall next year"),
        Case(
            sentence: "According to the ministry, exports rose sharply in March.", speaker: "the ministry",
            quote: "exports rose sharply in March"),
        // BBC business/001.txt.
        Case(
            sentence:
                "\"Our financial performance was strong, meeting or exceeding all of our full-year objectives and greatly enhancing our flexibility,\" chairman and chief executive Richard Parsons said.",
            speaker: "Richard Parsons",
            quote:
                "Our financial performance was strong, meeting or exceeding all of our full-year objectives and greatly enhancing our flexibility"
        ),
        // PolNeAR dev (New York Times): a title's period, a quoted phrase inside reported speech.
        Case(
            sentence:
                "In a wide-ranging interview, Mr. Obama said a majority of Americans have come to believe climate change is real.",
            speaker: "Mr. Obama", quote: "a majority of Americans have come to believe climate change is real"),
        Case(
            sentence: "Mr. Obama told his advisers to figure out how to enact deep emissions cuts without Congress.",
            speaker: "Mr. Obama", quote: "to figure out how to enact deep emissions cuts without Congress"),
        Case(
            sentence: "The Times wrote that Trump had claimed a loss of $916 million in 1995.", speaker: "The Times",
            quote: "Trump had claimed a loss of $916 million in 1995"),
        Case(
            sentence: "Legal experts said Rosneft's purchase of Yugansk would include such obligations.",
            speaker: "Legal experts",
            quote: "Rosneft's purchase of Yugansk would include such obligations"),
    ])
    func findsQuotes(_ example: Case) throws {
        let claims = Support.claims(.quote, in: example.sentence)
        try #require(claims.count == 1)
        #expect(claims[0].fields["speaker"] == .string(example.speaker))
        #expect(claims[0].fields["quote"] == .string(example.quote))
    }

    @Test func ignoresScareQuotes() {
        #expect(Support.claims(.quote, in: "The so-called “reforms” changed nothing.").isEmpty)
    }

    /// Issue 16: a pronoun no one named before resolves stays the speaker, marked unresolved.
    @Test func keepsAnUnresolvedPronounSpeaker() throws {
        let claims = Support.claims(.quote, in: "“We are delighted,” he said.")
        let fields = try #require(claims.first?.fields)
        #expect(claims.count == 1)
        #expect(fields["speaker"] == .string("he"))
        #expect(fields["speakerResolved"] == .bool(false))
    }

    @Test func resolvesHeToTheLastNamedSpeaker() throws {
        let text = """
            Mr. Obama said the agreement would cut emissions by 26% by 2025.

            "This normally is a big open park, fun event," he said.
            """
        let quotes = Support.claims(.quote, in: text)
        try #require(quotes.count == 2)
        #expect(quotes[1].fields["speaker"] == "Mr. Obama")
        #expect(quotes[1].fields["speakerMention"] == "he")
        #expect(quotes[1].fields["quote"] == "This normally is a big open park, fun event")
    }

    @Test func keepsAQuotedQuestionWithItsSpeaker() throws {
        let quotes = Support.claims(
            .quote, in: "Trump said: “Did Crooked Hillary help Alicia M become a U.S. citizen?”")
        try #require(quotes.count == 1)
        #expect(quotes[0].fields["speaker"] == "Trump")
    }
}
