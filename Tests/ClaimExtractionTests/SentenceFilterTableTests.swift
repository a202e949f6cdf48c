import ClaimCore
import Testing

@testable import ClaimExtraction

@Suite struct SentenceFilterTableTests {
    /// Each boilerplate phrase has one bit of a 32-bit mask; a 33rd would be left out of the search.
    @Test func everyBoilerplatePhraseHasItsBit() {
        #expect(SentenceFilter.boilerplate.count <= UInt32.bitWidth)
    }

    /// Tokens are read only inside the scalars, whatever span is asked for.
    @Test func tokensOfASpanPastTheEndAreTheTokensInside() {
        let scalars = Array("Two words".unicodeScalars)
        let inside = Tokenizer.tokens(in: scalars, span: TextSpan(start: 0, end: scalars.count))
        let past = Tokenizer.tokens(in: scalars, span: TextSpan(start: 0, end: scalars.count + 40))
        #expect(past.map(\.text) == inside.map(\.text))
        #expect(Tokenizer.tokens(in: scalars, span: TextSpan(start: 80, end: 90)).isEmpty)
    }
}
