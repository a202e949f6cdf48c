import ClaimCore
import Testing

/// Spans and their text never trap: an out-of-order or past-the-end span is made the nearest one that fits.
@Suite struct SpanClampTests {
    @Test func aSpanRunsForwardFromZero() {
        #expect(TextSpan(start: -3, end: 5) == TextSpan(start: 0, end: 5))
        #expect(TextSpan(start: 7, end: 2).length == 0)
        #expect(TextSpan(start: 7, end: 2).start == 7)
        #expect(TextSpan(validating: -3, end: 5) == nil)
    }

    @Test func textPastTheBodyIsCut() {
        let body = ScalarText("Réunion")
        #expect(body.text(TextSpan(start: 2, end: 99)) == "union")
        #expect(body.text(TextSpan(start: 50, end: 99)) == "")
        #expect(body.span(2, 99) == nil)
    }
}
