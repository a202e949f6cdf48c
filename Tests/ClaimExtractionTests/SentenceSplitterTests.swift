import ClaimCore
import ClaimExtraction
import Testing

@Suite struct SentenceSplitterTests {
    /// Each case is marked text whose `⟦…⟧` spans are exactly the expected sentences.
    @Test(arguments: [
        "⟦Mr. Smith met Dr. Jones at 3.5 p.m. in the U.S. capital.⟧ ⟦They talked.⟧",
        "⟦Apple Inc. said sales rose.⟧ ⟦The shares fell e.g. by a third.⟧",
        "⟦He was born on Jan. 5 in London.⟧ ⟦J. K. Rowling was there.⟧",
        "⟦“We will win.”⟧ ⟦The crowd cheered.⟧",
        "⟦He said \"stop.\"⟧ ⟦Then he left.⟧",
        "⟦Wait for it...⟧ ⟦The result came.⟧",
        "⟦It costs 3.5 million.⟧ ⟦Prices rose 2.5%.⟧",
        "⟦Heading Without Punctuation⟧\n⟦The body starts here.⟧",
        "⟦The list:⟧\n• ⟦First item is here.⟧\n- ⟦Second item⟧\n* ⟦Third item.⟧\n1. ⟦Numbered item.⟧",
        "⟦Title line⟧\n\n⟦Paragraph one.⟧\n\n⟦Paragraph two!⟧ ⟦Is it?⟧",
        "⟦Profits rose to £250m.⟧ ⟦Turnover was up.⟧",
        "⟦Showers continued throughout the week in\nthe Bahia cocoa zone, allowing a good harvest.⟧",
    ])
    func splitsSentences(marked: String) {
        let fixture = MarkedText(marked)
        #expect(SentenceSplitter.sentences(in: ScalarText(fixture.text)) == fixture.spans)
    }

    @Test func spansAreTrimmedAndInReadingOrder() {
        let text = ScalarText("  First one.   Second one.  \n\n  Third  ")
        let spans = SentenceSplitter.sentences(in: text)
        #expect(spans.map { text.text($0) } == ["First one.", "Second one.", "Third"])
        #expect(spans == spans.sorted())
    }

    @Test func offsetsAreCodePointsAfterEmoji() {
        let text = ScalarText("👩‍👩‍👧 Family time. Next one.")
        let spans = SentenceSplitter.sentences(in: text)
        #expect(spans.count == 2)
        #expect(text.text(spans[1]) == "Next one.")
        #expect(spans[1].start == 19)
    }

    /// The binary search over an article's sentences finds what a scan of all of them finds, for
    /// every span of the body, empty ones at sentence edges included.
    @Test func sentenceAroundASpanIsTheScansAnswer() {
        let text = ScalarText("Rents rose 4%. The council said so.\n\nA new line here. Done!")
        let sentences = SentenceSplitter.sentences(in: text)
        #expect(sentences.count == 4)
        for start in 0...text.count {
            for end in start...text.count {
                let span = TextSpan(start: start, end: end)
                let hits = sentences.filter { $0.overlaps(span) || $0.contains(span) }
                let scanned =
                    hits.first.map { first in
                        TextSpan(start: min(first.start, start), end: max(hits[hits.count - 1].end, end))
                    } ?? span
                #expect(SentenceSplitter.sentence(around: span, in: sentences) == scanned, "\(start)..<\(end)")
            }
        }
    }
}
