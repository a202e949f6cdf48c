import ClaimCore
import Testing

@testable import ClaimExtraction

/// A quotation that runs over several sentences is one quote claim, its span the whole quotation with
/// balanced marks; the marks newspapers print as two apostrophes are quote marks; the verbs learned
/// from PolNeAR cue reported speech.
@Suite struct QuotePassageTests {
    let extractor = ClaimExtractor()

    func quotes(_ body: String) -> [CandidateClaim] { extractor.extract(from: body).filter { $0.kind == .quote } }

    func balanced(_ text: String) -> Bool {
        let opening = text.filter { $0 == "\u{201C}" }.count
        let closing = text.filter { $0 == "\u{201D}" }.count
        return opening == closing && text.components(separatedBy: "''").count % 2 == 1
            && text.filter { $0 == "\"" }.count % 2 == 0
    }

    @Test func aQuotationContinuedAfterItsCueIsOneClaim() throws {
        let body =
            "“I was hired to bring my expertise to bear on this process,” he said. “In that role, I’ve commented on all the candidates.”\n"
        let found = quotes(body)
        let quote = try #require(found.first)
        #expect(found.count == 1)
        #expect(quote.text == body.trimmingCharacters(in: .newlines))
        #expect(balanced(quote.text))
        #expect(quote.sentence.map { $0.start <= quote.span.start && quote.span.end <= $0.end } == true)
    }

    @Test func aQuotationBegunInAnEarlierSentenceStartsAtItsOpeningMark() throws {
        let body =
            "Mrs. Clinton spoke last. “The last thing we need now are leaders who incite more fear. In the face of terror America doesn't panic,” Clinton told a crowd in Seattle.\n"
        let quote = try #require(quotes(body).first)
        #expect(quote.text.hasPrefix("“The last thing we need"))
        #expect(quote.text.hasSuffix("Clinton told"))
        #expect(balanced(quote.text))
    }

    @Test func aNewParagraphOrAQuotationWithItsOwnCueIsNotJoined() {
        let paragraphs = "“Prices will fall,” the minister said.\n\n“They will not,” said the governor.\n"
        let found = quotes(paragraphs)
        #expect(found.count == 2)
        #expect(found.allSatisfy { !$0.text.contains("\n") && balanced($0.text) })
        let ownCue = "“Prices will fall,” the minister said. “They will not,” said the governor.\n"
        #expect(quotes(ownCue).count == 2)
    }

    @Test func twoApostrophesAreQuoteMarks() throws {
        let body = "Title\n\n''We're in the people-pleasing business,'' Mr. Trump said in Iowa.\n"
        let quote = try #require(quotes(body).first)
        #expect(quote.text == "''We're in the people-pleasing business,'' Mr. Trump said")
        #expect(quote.fields["quote"] == .string("We're in the people-pleasing business"))
        #expect(quote.fields["speaker"] == .string("Mr. Trump"))
    }

    @Test func aLearnedCueReportsSpeech() throws {
        #expect(QuoteCueLexicon.embedded?.cues.contains("noted") == true, "SeedData/quote-cues.json is embedded")
        let quote = try #require(
            quotes("Calderon also noted that immigration from Mexico to the United States is in decline.\n").first)
        #expect(quote.fields["speaker"] == .string("Calderon"))
        #expect(quote.fields["quote"] == .string("immigration from Mexico to the United States is in decline"))
    }

    @Test func aHostileParagraphOfQuotesStaysQuick() {
        let body = String(repeating: "“Yes,” he said. “No.” ", count: 5_000) + "\n"
        let found = quotes(body)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.span.length <= QuotePassages.reach + 200 })
    }
}
