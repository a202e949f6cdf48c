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

    static let lede = "Average rents in Leeds reached ⟦£1,400⟧ a month this year, the council said on Monday."
    static let quote = "“We pay £1,400 for two rooms and cannot save anything,” said one tenant in Headingley."

    @Test func anExactMatchWhoseContextDisagreesLosesToAContextMatch() throws {
        let (selector, hint) = Self.selector(Self.lede + "\n\n" + Self.quote)
        let edited = Self.lede.replacingOccurrences(of: "⟦£1,400⟧", with: "£1,500") + "\n\n" + Self.quote
        let text = ScalarText(edited)
        let found = try #require(QuoteAnchor.locate(selector, in: text, hint: hint))
        #expect(text.text(found.span) == "£1,500" && found.method == .context)
        #expect(found.span.start == hint)
        // Its own text stands only in the quote, in another context: not the reviewed claim's place.
        #expect(QuoteAnchor.locate(selector, in: text, hint: hint, exactOnly: true) == nil)
    }

    @Test func positionDoesNotOutweighContext() throws {
        // One code point changed either side of the old place (which a count of equal code points
        // next to the span reads as no agreement at all); the same words again near the old start.
        let (selector, _) = Self.selector(
            "The council said on Monday that ⟦rents rose 9%⟧ across Leeds over the whole year.")
        let text = ScalarText(
            "The council said on Monday that:rents rose 9%,across Leeds over the whole year. Then rents rose 9% again.")
        let found = try #require(QuoteAnchor.locate(selector, in: text, hint: 85))
        #expect(found.span == TextSpan(start: 32, end: 45))
    }

    @Test func twoPlacesThatFitEquallyAreNotGuessed() {
        let (selector, hint) = Self.selector(
            "Officials at the regional housing office said ⟦rents rose 9% in Leeds⟧ over the year to March, the ONS said."
        )
        let sentence =
            "Officials at the regional housing office said rents rose 9% in Leeds over the year to March, the ONS said."
        #expect(QuoteAnchor.locate(selector, in: ScalarText(sentence + "\n" + sentence), hint: hint) == nil)
        #expect(QuoteAnchor.locate(selector, in: ScalarText(sentence), hint: hint)?.span.start == hint)
    }

    @Test func aShortQuoteIsFoundOnlyWhereItsContextAgrees() throws {
        let (selector, hint) = Self.selector("Unemployment fell to ⟦4.2%⟧ in May, the lowest in a decade.")
        let text = ScalarText(
            "Unemployment fell in May. Separately, mortgage rates settled near 4.2% for new borrowers.")
        #expect(QuoteAnchor.locate(selector, in: text, hint: hint) == nil)
        let (other, _) = Self.selector("Separately, mortgage rates settled near ⟦4.2%⟧ for new borrowers.")
        let found = try #require(QuoteAnchor.locate(other, in: text, hint: 0, exactOnly: true))
        #expect(found.span.start == 66 && found.method == .exact)
    }

    @Test func weightsQuotePrefixAndSuffix() throws {
        let sentence = "exports rose 12% to $4bn in the first quarter, up from $3bn a year before."
        let (selector, hint) = Self.selector(
            "In 2023 the ministry said ⟦exports rose 12% to $4bn⟧" + sentence.dropFirst(24))
        let request = QuoteAnchor.Request(selector: selector, hint: hint, exactOnly: true)
        let same = try #require(
            QuoteAnchor.candidates(for: request, in: ScalarText("In 2023 the ministry said " + sentence)).first)
        #expect(same.quote == 1 && same.prefix == 1 && same.suffix == 1 && same.fit == 1)
        // The paragraph moved to the top: the prefix disagrees, the suffix agrees, the fit is their
        // weighted sum (quote 50, prefix 20, suffix 20).
        let moved = try #require(
            QuoteAnchor.candidates(for: request, in: ScalarText(sentence + "\n\nIn 2023 the ministry said so.")).first)
        #expect(moved.span.start == 0 && moved.suffix == 1 && moved.prefix < 0.5 && moved.contextAgrees)
        #expect(abs(moved.fit - (50 + 20 * moved.prefix + 20) / 90) < 1e-12)
        #expect(moved.fit < same.fit)
    }

    @Test func contextStopsAtALineBreakWhichReadsAsTheBodysEdge() throws {
        let (selector, hint) = Self.selector(
            "Intro line here.\n⟦Rents rose by 9% in Leeds this year.⟧\nMore text follows.")
        let request = QuoteAnchor.Request(selector: selector, hint: hint, exactOnly: true)
        // At the body's start and end: both sides agree as at line breaks.
        let alone = try #require(
            QuoteAnchor.candidates(for: request, in: ScalarText("Rents rose by 9% in Leeds this year.")).first)
        #expect(alone.prefix == 1 && alone.suffix == 1)
        // Between other paragraphs: still the whole context.
        let moved = try #require(
            QuoteAnchor.candidates(
                for: request, in: ScalarText("Other.\n\nRents rose by 9% in Leeds this year.\n\nAnd more.")
            ).first)
        #expect(moved.fit == 1)
        // Inside a longer paragraph: neither side agrees, so a reviewed claim is not placed there.
        let inside = QuoteAnchor.candidates(
            for: request,
            in: ScalarText("The council said that Rents rose by 9% in Leeds this year. as the ONS also found"))
        #expect(inside.isEmpty)
    }

    @Test func twinsArePlacedInOrderAndTheNearestKeepsALonePlace() {
        let paragraph = "Across the whole of West Yorkshire, rents rose by 9% over the year to March, the ONS said."
        let old = ScalarText(paragraph + "\n" + paragraph)
        let figure = Array(paragraph.unicodeScalars).firstIndex(of: "9")!
        let starts = [figure, figure + paragraph.unicodeScalars.count + 1]
        let requests = starts.map { start in
            QuoteAnchor.Request(
                selector: old.quoteSelector(TextSpan(start: start, end: start + 2)), hint: start, exactOnly: true)
        }
        #expect(requests[0].selector == requests[1].selector)
        let both = QuoteAnchor.assign(requests, in: ScalarText("New.\n" + paragraph + "\n" + paragraph))
        #expect(both.map { $0?.span.start } == starts.map { $0 + 5 })
        let one = QuoteAnchor.assign(requests, in: ScalarText(paragraph))
        #expect(one.map { $0?.span.start } == [figure, nil])
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
