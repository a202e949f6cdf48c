// Trains the check-worthiness scorer and writes SeedData/scorer.json. Reproducible: no randomness
// beyond a fixed-seed split, full-batch training.
//
// Usage: TrainScorer [CROWDSOURCED.csv] [OUTPUT.json]
//   defaults: ../shared/data/claimbuster/crowdsourced.csv SeedData/scorer.json
//
// 1. Hold out 10% of the crowdsourced sentences (seeded shuffle).
// 2. For each L2 penalty in the grid, train on the other 90% and tune the threshold for F1 on the
//    held-out 10%; keep the best penalty and its threshold.
// 3. Retrain on all sentences with that penalty; write the model with the tuned threshold.
import ClaimCore
import ClaimExtraction
import Foundation

let arguments = CommandLine.arguments
let input = arguments.count > 1 ? arguments[1] : "../shared/data/claimbuster/crowdsourced.csv"
let output = arguments.count > 2 ? arguments[2] : "SeedData/scorer.json"

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

do {
    let examples = try ClaimBusterData.read(path: input)
    log("read \(examples.count) sentences, \(examples.filter(\.isCheckWorthy).count) check-worthy, from \(input)")
    let hashBits = 18
    let featurizer = ScorerFeaturizer(hashBits: hashBits)
    let rows = examples.map { featurizer.features(of: $0.text) }
    let labels = examples.map(\.isCheckWorthy)
    let bias = 1 << hashBits + ScorerFeaturizer.Dense.bias.rawValue

    var generator = SplitMix64(seed: 20_260_101)
    let order = Array(rows.indices).shuffled(using: &generator)
    let heldOutCount = rows.count / 10
    let heldOut = Array(order.prefix(heldOutCount))
    let trainingPart = Array(order.dropFirst(heldOutCount))

    let iterations = 400
    let learningRate = 0.02
    var best: (l2: Double, threshold: Double, metrics: BinaryMetrics)? = nil
    for l2 in [3e-5, 1e-4, 3e-4] {
        let trainer = LogisticRegressionTrainer(l2: l2, iterations: iterations, learningRate: learningRate)
        let weights = try trainer.train(
            rows: trainingPart.map { rows[$0] }, labels: trainingPart.map { labels[$0] },
            dimension: featurizer.dimension, unpenalized: bias)
        let model = try ScorerModel(hashBits: hashBits, threshold: 0.5, weights: weights)
        let scores = heldOut.map { model.probability(rows[$0]) }
        let tuned = BinaryMetrics.bestThreshold(scores: scores, labels: heldOut.map { labels[$0] })
        log(String(format: "l2 %.0e: held-out best threshold %.2f  %@", l2, tuned.threshold, tuned.metrics.description))
        if best == nil || tuned.metrics.f1 > best!.metrics.f1 { best = (l2, tuned.threshold, tuned.metrics) }
    }
    guard let chosen = best else { throw LogisticRegressionTrainer.Problem.noExamples }
    let trainer = LogisticRegressionTrainer(l2: chosen.l2, iterations: iterations, learningRate: learningRate)
    let weights = try trainer.train(rows: rows, labels: labels, dimension: featurizer.dimension, unpenalized: bias)
    let model = try ScorerModel(hashBits: hashBits, threshold: chosen.threshold, weights: weights)
    let json = try model.json(training: [
        "data": "claimbuster/crowdsourced.csv (label: Verdict == 1)",
        "sentences": "\(examples.count)",
        "l2": "\(chosen.l2)",
        "iterations": "\(iterations)",
        "heldOut": "10%, seed 20260101: \(chosen.metrics)",
        "command": "make train-scorer",
    ])
    try json.write(to: URL(fileURLWithPath: output))
    log("wrote \(output) (\(json.count) bytes), l2 \(chosen.l2), threshold \(chosen.threshold)")
} catch {
    log("error: \(error.localizedDescription)")
    exit(1)
}
