import ClaimCore
import ClaimExtraction
import Testing

@Suite struct ScoringAndFilterTests {
    let scorer = CheckWorthinessScorer()

    @Test func trainedModelIsEmbedded() {
        #expect(scorer.isTrained)
        #expect(CheckWorthinessScorer.threshold > 0 && CheckWorthinessScorer.threshold < 1)
    }

    @Test(arguments: [
        "We're consuming 50 percent of the world's cocaine.",
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
        "Unemployment fell to 4.1 percent last year, the lowest rate since 2000.",
    ])
    func factualSentencesAreCheckWorthy(_ sentence: String) {
        #expect(scorer.isCheckWorthy(sentence))
    }

    @Test(arguments: [
        "Reports consistently paint a picture of President Vladimir Putin as a decidedly low-tech leader.",
        "Examples include fabricated videos depicting Ukrainian soldiers surrendering.",
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
    ])
    func newsStatementsPassTheExtractionScore(_ sentence: String) {
        #expect(scorer.articleScore(sentence: sentence) >= scorer.articleThreshold)
    }

    @Test(arguments: [
        "What are your thoughts on Russia’s technological future?",
        "Share your opinions in the comments below!",
        "I think we should all be kinder to each other.",
        "This environment of control doesn’t foster innovation; it stifles it.",
        "A free and open internet is a crucial catalyst for technological development.",
    ])
    func opinionsQuestionsAndImperativesScoreLow(_ sentence: String) {
        #expect(!scorer.isCheckWorthy(sentence))
        #expect(scorer.articleScore(sentence: sentence) < scorer.articleThreshold)
    }

    @Test func scoreStaysInUnitInterval() {
        for sentence in [
            "", "?", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 Russia China USA UK EU.", "é—“”’",
        ] {
            let score = scorer.score(sentence: sentence)
            #expect(score >= 0 && score <= 1)
        }
    }

    @Test func curlyAndStraightApostrophesScoreAlike() {
        let straight = scorer.score(sentence: "Russia's exports fell 12% in 2023.")
        let curly = scorer.score(sentence: "Russia’s exports fell 12% in 2023.")
        #expect(abs(straight - curly) < 1e-9)
    }

    @Test func modelSurvivesItsFileFormat() throws {
        var weights = [Float](repeating: 0, count: ScorerFeaturizer(hashBits: 4).dimension)
        weights[3] = 1.27
        weights[5] = -0.5
        weights[16 + ScorerFeaturizer.Dense.hasNumber.rawValue] = 0.75
        let model = try ScorerModel(hashBits: 4, threshold: 0.4, weights: weights)
        let decoded = try ScorerModel(json: model.json(training: [:]))
        #expect(decoded.threshold == 0.4)
        #expect(abs(decoded.weights[3] - 1.27) < 0.001)
        #expect(abs(decoded.weights[5] + 0.5) < 0.01)
        #expect(decoded.weights[16 + ScorerFeaturizer.Dense.hasNumber.rawValue] == 0.75)
    }

    @Test func trainerSeparatesALinearProblem() throws {
        let rows: [[ScorerFeature]] = (0..<40).map { i in
            [ScorerFeature(index: 0, value: 1), ScorerFeature(index: Int32(1 + i % 2), value: 1)]
        }
        let labels = (0..<40).map { $0 % 2 == 0 }
        let weights = try LogisticRegressionTrainer(l2: 1e-3, iterations: 200, learningRate: 0.1)
            .train(rows: rows, labels: labels, dimension: 3, unpenalized: 0)
        #expect(weights[1] > 1 && weights[2] < -1)
    }

    /// Training data that cannot be trained on (an empty or damaged file) is an error, not a trap.
    @Test func trainingOnNothingOrMismatchedDataIsAnError() {
        let trainer = LogisticRegressionTrainer()
        #expect(throws: LogisticRegressionTrainer.Problem.self) {
            try trainer.train(rows: [], labels: [], dimension: 3)
        }
        #expect(throws: LogisticRegressionTrainer.Problem.self) {
            try trainer.train(rows: [[ScorerFeature(index: 0, value: 1)]], labels: [true, false], dimension: 3)
        }
        #expect(throws: LogisticRegressionTrainer.Problem.self) {
            try trainer.train(rows: [[ScorerFeature(index: 7, value: 1)]], labels: [true], dimension: 3)
        }
        #expect(throws: ScorerModel.Failure.self) {
            try ScorerModel(hashBits: 4, threshold: 0.5, weights: [0, 1])
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
