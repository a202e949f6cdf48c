import ClaimExtraction
import Foundation
import Testing

/// The scorer's featurizer options, its trainer's cross-validation by debate and its file format.
@Suite struct ScorerTrainingTests {
    /// The hashed part of a sentence's features, summed by index.
    static func hashed(_ featurizer: ScorerFeaturizer, _ sentence: String) -> [Int32: Float] {
        var sums: [Int32: Float] = [:]
        for feature in featurizer.features(of: sentence) where Int(feature.index) < 1 << featurizer.hashBits {
            sums[feature.index, default: 0] += feature.value
        }
        return sums
    }

    @Test func characterGramsAddFeaturesThatSpellingsShare() {
        let words = ScorerFeaturizer(hashBits: 16)
        let characters = ScorerFeaturizer(hashBits: 16, characterGrams: 4)
        let sentence = "Unemployment fell to 4.1 percent."
        #expect(characters.features(of: sentence).count > words.features(of: sentence).count + 20)
        // Two words the word features cannot relate share their character 4-grams ("unemploy…").
        let shared = Set(Self.hashed(characters, "Unemployment fell.").keys)
            .intersection(Self.hashed(characters, "Unemployed people.").keys)
        let sharedWords = Set(Self.hashed(words, "Unemployment fell.").keys)
            .intersection(Self.hashed(words, "Unemployed people.").keys)
        #expect(shared.count >= sharedWords.count + 5)
    }

    @Test(arguments: [
        ("Prices rose 5% in 2023.", "Prices rose 5% in 2023"),
        ("Prices rose 5% in 2023  .", "Prices rose 5% in 2023"),
        ("Russia's exports fell.", "Russia’s exports fell."),
        ("Exports fell 12 percent.", "EXPORTS fell 47 percent."),
    ])
    func characterGramsIgnoreFinalPeriodsApostrophesCaseAndDigits(_ first: String, _ second: String) {
        let featurizer = ScorerFeaturizer(hashBits: 16, characterGrams: 4, normalized: true)
        #expect(Self.hashed(featurizer, first) == Self.hashed(featurizer, second))
    }

    @Test func characterGramsTellDifferentWordsApart() {
        let featurizer = ScorerFeaturizer(hashBits: 16, characterGrams: 4)
        #expect(Self.hashed(featurizer, "Exports fell.") != Self.hashed(featurizer, "Imports fell."))
    }

    @Test(arguments: [
        "Unemployment fell to 4.1 percent last year, the lowest rate since 2000.", "Yes.", "",
    ])
    func normalisedHashedFeaturesHaveUnitLength(_ sentence: String) {
        let featurizer = ScorerFeaturizer(hashBits: 20, characterGrams: 4, normalized: true)
        let squares = featurizer.features(of: sentence).filter { Int($0.index) < 1 << 20 }
            .reduce(Float(0)) { $0 + $1.value * $1.value }
        #expect(abs(squares - 1) < 1e-4)
    }

    @Test func modelScoreMatchesItsFeatureList() throws {
        let featurizer = ScorerFeaturizer(hashBits: 10, characterGrams: 4, normalized: true)
        let weights = (0..<featurizer.dimension).map { Float(($0 * 7919) % 13) / 13 - 0.5 }
        let model = try ScorerModel(featurizer: featurizer, threshold: 0.5, weights: weights)
        for sentence in ["Exports fell 12% in 2023.", "What now?", "é—“”’"] {
            let streamed = model.score(sentence: sentence)
            let listed = model.probability(featurizer.features(of: sentence))
            #expect(abs(streamed - listed) < 1e-5, "\(sentence)")
        }
    }

    @Test func modelFileKeepsItsFeaturizer() throws {
        let featurizer = ScorerFeaturizer(hashBits: 6, characterGrams: 4, normalized: true)
        var weights = [Float](repeating: 0, count: featurizer.dimension)
        weights[9] = 0.5
        let model = try ScorerModel(featurizer: featurizer, threshold: 0.3, weights: weights)
        let decoded = try ScorerModel(json: model.json(training: [:]))
        #expect(decoded.featurizer == featurizer)
        #expect(decoded.threshold == 0.3)
        #expect(abs(decoded.weights[9] - 0.5) < 0.01)
    }

    /// A file of the first format (word n-grams, raw counts) still loads, as that featurizer.
    @Test func versionOneModelFileLoadsAsWordCounts() throws {
        let bytes = Data(count: 16).base64EncodedString()
        let json = """
            {"format":"claimledger-scorer-1","hashBits":4,"threshold":0.4,"dense":{"bias":-1},"scale":1,
            "hashed":"\(bytes)","training":{}}
            """
        let model = try ScorerModel(json: Data(json.utf8))
        #expect(model.featurizer == ScorerFeaturizer(hashBits: 4))
        #expect(model.weights[16 + ScorerFeaturizer.Dense.bias.rawValue] == -1)
    }

    @Test(arguments: [
        #"{"format":"claimledger-scorer-9","hashBits":4,"threshold":0.4,"dense":{},"scale":1,"hashed":"","training":{}}"#,
        #"{"format":"claimledger-scorer-2","hashBits":4,"threshold":0.4,"dense":{},"scale":1,"hashed":"AAAA","training":{}}"#,
        #"{"format":"claimledger-scorer-2","hashBits":99,"threshold":0.4,"dense":{},"scale":1,"hashed":"","training":{}}"#,
        #"{"format":"claimledger-scorer-2","hashBits":-3,"threshold":0.4,"dense":{},"scale":1,"hashed":"","training":{}}"#,
        #"{"format":"claimledger-scorer-2"}"#,
    ])
    func damagedModelFilesAreErrors(_ json: String) {
        #expect(throws: (any Error).self) { try ScorerModel(json: Data(json.utf8)) }
    }

    @Test func foldsHoldWholeDebatesInDateOrder() throws {
        let debates = [
            "1988-10-13.txt", "1960-09-26.txt", "2016-10-09.txt", "1960-09-26.txt", "1976-09-23.txt",
            "2000-10-03.txt", "1988-10-13.txt", "2012-10-03.txt",
        ]
        let validation = try DebateCrossValidation(debates: debates, count: 3)
        #expect(validation.count == 3)
        // Six debates in date order, two to a fold.
        #expect(validation.folds == [1, 0, 2, 0, 0, 1, 1, 2])
        let fewer = try DebateCrossValidation(debates: ["b", "a", "b"], count: 5)
        #expect(fewer.count == 2)
        #expect(fewer.folds == [1, 0, 1])
        #expect(throws: DebateCrossValidation.Problem.self) {
            try DebateCrossValidation(debates: ["only", "only"], count: 5)
        }
    }

    /// Two noisy features, four debates: the threshold cross-validation chooses is the best one on the
    /// pooled held-out scores, and training the same data twice gives the same weights.
    @Test func crossValidationChoosesTheBestPooledThresholdDeterministically() throws {
        var rows: [[ScorerFeature]] = []
        var labels: [Bool] = []
        var debates: [String] = []
        for i in 0..<200 {
            let positive = i % 3 == 0
            let signal = positive ? (i % 7 == 0 ? 0 : 1) : (i % 5 == 0 ? 1 : 0)
            rows.append([
                ScorerFeature(index: 0, value: 1), ScorerFeature(index: Int32(1 + signal), value: 1),
                ScorerFeature(index: Int32(3 + i % 2), value: 1),
            ])
            labels.append(positive)
            debates.append("debate-\(i % 4)")
        }
        let trainer = LogisticRegressionTrainer(l2: 1e-3, iterations: 100, learningRate: 0.1)
        let validation = try DebateCrossValidation(debates: debates, count: 4)
        let result = try validation.run(rows: rows, labels: labels, dimension: 5, unpenalized: 0, trainer: trainer)
        #expect(result.foldF1.count == 4)
        #expect(result.pooled.f1 > 0.7)
        #expect(result.threshold > 0.05 && result.threshold < 0.95)
        #expect(result.meanF1 > 0.6)
        let again = try validation.run(rows: rows, labels: labels, dimension: 5, unpenalized: 0, trainer: trainer)
        #expect(again.threshold == result.threshold && again.foldF1 == result.foldF1)
        let first = try trainer.train(rows: rows, labels: labels, dimension: 5, unpenalized: 0)
        let second = try trainer.train(rows: rows, labels: labels, dimension: 5, unpenalized: 0)
        #expect(first == second)
        // No threshold on the grid does better on the pooled held-out scores than the one chosen.
        let scores = try (0..<4).flatMap { fold -> [(Double, Bool)] in
            let training = rows.indices.filter { validation.folds[$0] != fold }
            let weights = try trainer.train(
                rows: training.map { rows[$0] }, labels: training.map { labels[$0] }, dimension: 5, unpenalized: 0)
            return rows.indices.filter { validation.folds[$0] == fold }.map { index in
                let logit = rows[index].reduce(Float(0)) { $0 + weights[Int($1.index)] * $1.value }
                return (1 / (1 + exp(-Double(logit))), labels[index])
            }
        }
        for step in 5...95 {
            let threshold = Double(step) / 100
            let metrics = BinaryMetrics(predictions: scores.map { $0.0 >= threshold }, labels: scores.map(\.1))
            #expect(metrics.f1 <= result.pooled.f1 + 1e-12)
        }
    }

    /// The same signal on a heavily penalised input and on a lightly penalised one: the light one keeps
    /// the larger weight.
    @Test func lightlyPenalizedInputsKeepLargerWeights() throws {
        let rows: [[ScorerFeature]] = (0..<60).map { i in
            let on: Float = i % 2 == 0 ? 1 : 0
            return [
                ScorerFeature(index: 0, value: 1), ScorerFeature(index: 1, value: on),
                ScorerFeature(index: 2, value: on),
            ]
        }
        let labels = (0..<60).map { $0 % 2 == 0 }
        let trainer = LogisticRegressionTrainer(l2: 0.05, iterations: 300, learningRate: 0.1, lightL2: 1e-4)
        let weights = try trainer.train(
            rows: rows, labels: labels, dimension: 3, unpenalized: 0, lightlyPenalizedFrom: 2)
        #expect(weights[2] > 2 * weights[1])
        let even = try LogisticRegressionTrainer(l2: 0.05, iterations: 300, learningRate: 0.1)
            .train(rows: rows, labels: labels, dimension: 3, unpenalized: 0)
        #expect(abs(even[1] - even[2]) < 1e-6)
    }

    @Test(arguments: [
        ("Exports jumped and prices climbed.", ScorerFeaturizer.Dense.pastTense, true),
        ("Exports jump and prices climb.", .pastTense, false),
        ("Prices will rise next year.", .future, true),
        ("Prices rose last year.", .future, false),
    ])
    func tenseIsADenseFeature(_ sentence: String, _ feature: ScorerFeaturizer.Dense, _ present: Bool) {
        let featurizer = ScorerFeaturizer(hashBits: 8)
        let index = Int32((1 << 8) + feature.rawValue)
        #expect(featurizer.features(of: sentence).contains { $0.index == index && $0.value > 0 } == present)
    }

    @Test func claimBusterReaderKeepsTheDebate() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "claimbuster-\(UUID().uuidString).csv").path
        let csv = """
            Sentence_id,Text,Speaker,File_id,Verdict
            1,"We spent $5 billion, he said.",A,1960-09-26.txt,1
            2,I think so.,B,1960-10-07.txt,-1
            3,No file id here,B

            """
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let examples = try ClaimBusterData.read(path: path)
        #expect(examples.map(\.debate) == ["1960-09-26.txt", "1960-10-07.txt"])
        #expect(examples.map(\.isCheckWorthy) == [true, false])
        #expect(examples.first?.text == "We spent $5 billion, he said.")
    }
}
