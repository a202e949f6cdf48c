import ClaimCore
import Foundation
import Testing

@testable import ClaimExtraction

/// `ClaimExtractor` reuses a sentence's score for the sentence less its final period when the
/// featurizer says the period changes no feature; these hold the featurizer to that.
@Suite struct FinalPeriodScoreTests {
    let scorer = CheckWorthinessScorer()

    /// `text` less its final `.` and the ASCII spaces before it.
    static func withoutFinalPeriod(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        precondition(scalars.last == ".")
        scalars.removeLast()
        while scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    func check(_ sentence: String) -> (same: Bool, full: Double, short: Double) {
        let (full, same) = scorer.articleScoreAndFinalMark(ArraySlice(sentence.unicodeScalars))
        return (same, full, scorer.articleScore(sentence: Self.withoutFinalPeriod(sentence)))
    }

    @Test(arguments: [
        "Brent crude rose 5% to $90 a barrel on Monday.",
        "The ministry said 100,000 people left in 2022  .",
        "Café owners 👩‍👩‍👧 said 76% of staff left.",
    ])
    func aSentenceScoresAsItselfLessItsFinalPeriod(_ sentence: String) {
        let (same, full, short) = check(sentence)
        #expect(same)
        #expect(full == short)
    }

    /// The last mark left once the period is gone makes the sentence a question or an exclamation,
    /// wherever it stands: these are scored again.
    @Test(arguments: [
        "Did prices rise?.", "Prices rose!.", "Really? .", "Why did they leave?\u{201D}.",
        "Wow! Prices rose by a third.",
        "Is it true? Officials say it is.",
    ])
    func aQuestionOrExclamationAsTheLastMarkBeforeThePeriodIsNotReused(_ sentence: String) {
        #expect(!check(sentence).same)
    }

    /// Why: a sentence whose last mark before the period is `!` or `?` scores differently without it.
    @Test func droppingThePeriodAfterAnExclamationChangesTheScore() {
        let (_, full, short) = check("Wow! Prices rose by a third.")
        #expect(full != short)
    }

    @Test func everySeedSentenceEndingInAPeriodThatIsReusedScoresTheSame() throws {
        let text = ScalarText(try Support.fixture("russia-tech-winter.txt"))
        var reused = 0
        for span in SentenceSplitter.sentences(in: text) {
            let sentence = text.text(span).trimmingCharacters(in: .whitespacesAndNewlines)
            guard sentence.hasSuffix("."), sentence.unicodeScalars.count > 1 else { continue }
            let (same, full, short) = check(sentence)
            guard same else { continue }
            reused += 1
            #expect(full == short, "\(sentence)")
        }
        #expect(reused > 20)
    }
}
