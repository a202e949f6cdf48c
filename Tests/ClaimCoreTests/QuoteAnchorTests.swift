import ClaimCore
import Testing

@Suite struct QuoteAnchorTests {
    static func selector(_ marked: String) -> (QuoteSelector, Int) {
        // "before ⟦exact⟧ after": the selector of the marked text, and its old start.
        let scalars = Array(marked.unicodeScalars)
        let open = scalars.firstIndex(of: "⟦")!, close = scalars.firstIndex(of: "⟧")!
        func text(_ slice: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(slice)) }
        return (
            QuoteSelector(
                prefix: text(scalars[max(0, open - 32)..<open]), exact: text(scalars[(open + 1)..<close]),
                suffix: text(scalars[(close + 1)..<min(scalars.count, close + 33)])),
            open
        )
    }

    @Test(arguments: [
        // (old text with the span marked, new text, the text expected at the found span, method)
        (
            "Intro. ⟦Exports rose 12% to $4bn⟧ last year.", "New intro here. Exports rose 12% to $4bn last year.",
            "Exports rose 12% to $4bn", "exact"
        ),
        ("A ⟦5 people⟧ said. Then 5 people left.", "A 5 people said. Then 5 people left.", "5 people", "exact"),
        (
            "The ministry said ⟦exports rose 12% to $4bn⟧ in the first quarter of the year.",
            "The ministry said exports rose 12.5% to $4bn in the first quarter of the year.",
            "exports rose 12.5% to $4bn", "context"
        ),
        (
            "Intro ⟦approximately 100,000 IT professionals emigrated⟧ end.",
            "Different start: roughly 100,000 IT professionals emigrated, then more.",
            "roughly 100,000 IT professionals emigrated", "fuzzy"
        ),
    ])
    func findsTheQuoteAgain(old: String, new: String, expected: String, method: String) throws {
        let (selector, hint) = Self.selector(old)
        let text = ScalarText(new)
        let found = try #require(QuoteAnchor.locate(selector, in: text, hint: hint))
        #expect(text.text(found.span) == expected)
        #expect(found.method.rawValue == method)
    }

    @Test func exactTextNearestTheOldPlaceWinsAmongEqualContexts() throws {
        let selector = QuoteSelector(prefix: "", exact: "5 people", suffix: "")
        let text = ScalarText("5 people here; and 5 people there")
        #expect(QuoteAnchor.locate(selector, in: text, hint: 19)?.span == TextSpan(start: 19, end: 27))
        #expect(QuoteAnchor.locate(selector, in: text, hint: 0)?.span == TextSpan(start: 0, end: 8))
    }

    @Test func replacedTextIsNotFoundEvenWithItsContextIntact() {
        let (selector, hint) = Self.selector(
            "Putin’s administration has curtailed freedom, ⟦banning platforms like Instagram, YouTube, Facebook, and X⟧. Recent proposals aim higher."
        )
        let text = ScalarText(
            "Putin’s administration has curtailed freedom, blocking Telegram. Recent proposals aim higher.")
        #expect(QuoteAnchor.locate(selector, in: text, hint: hint) == nil)
    }
}
