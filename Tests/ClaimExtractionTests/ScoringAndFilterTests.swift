import ClaimCore
import ClaimExtraction
import Testing

@Suite struct ScoringAndFilterTests {
    let scorer = CheckWorthinessScorer()

    @Test(arguments: [
        "Reports consistently paint a picture of President Vladimir Putin as a decidedly low-tech leader.",
        "Examples include fabricated videos depicting Ukrainian soldiers surrendering.",
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
    ])
    func factualSentencesScoreHigh(_ sentence: String) {
        #expect(scorer.score(sentence: sentence) >= 0.5)
    }

    @Test(arguments: [
        "What are your thoughts on Russia’s technological future?",
        "Share your opinions in the comments below!",
        "I think we should all be kinder to each other.",
        "This environment of control doesn’t foster innovation; it stifles it.",
    ])
    func opinionsQuestionsAndImperativesScoreLow(_ sentence: String) {
        #expect(scorer.score(sentence: sentence) < 0.5)
    }

    @Test func scoreStaysInUnitInterval() {
        for sentence in ["", "?", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 Russia China USA UK EU."] {
            let score = scorer.score(sentence: sentence)
            #expect(score >= 0 && score <= 1)
        }
    }

    @Test(arguments: [
        "Pro Tip: A free and open internet is a crucial catalyst for technological development.",
        "Did you know? Deepfakes are becoming increasingly sophisticated and pose a significant threat.",
        "Q: Is Russia completely devoid of technological talent?",
        "Explore further insights into geopolitical technology trends here.",
        "You may also like",
        "Leave a Comment",
        "Russia’s Tech Winter: How Putin’s Distrust of Technology is Shaping a Digital Future Without It",
        "Share your opinions in the comments below!",
    ])
    func neverClaims(_ text: String) {
        #expect(Support.extractor.extract(from: text).isEmpty)
    }
}
