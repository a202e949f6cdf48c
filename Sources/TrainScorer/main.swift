// Trains the check-worthiness scorer and writes SeedData/scorer.json. Deterministic: no randomness,
// full-batch training, folds fixed by debate.
//
// Usage: TrainScorer [CROWDSOURCED.csv] [OUTPUT.json] [--check LABELLED.tsv]
//   defaults: ../shared/data/claimbuster/crowdsourced.csv SeedData/scorer.json
//
// 1. Cut ClaimBuster's 33 debates (File_id, in date order) into 5 folds of consecutive debates.
// 2. For each setting in the grid (character 4-grams or not, hashed features normalised or not, four L2
//    penalties on the hashed n-grams; the dense features get a light fixed one), train on four folds
//    and score the fifth, for each fold; choose the threshold with the best F1 over the pooled held-out
//    scores, and measure each fold's F1 at it.
// 3. Keep the setting with the best mean fold F1 and its threshold; retrain on all sentences with it.
// --check prints the final model's F1 on a CheckThat!-style TSV (Text, class_label Yes/No): a check
// only, never used for a choice.
import ClaimCore
import ClaimExtraction
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var checkPath: String? = nil
if let flag = arguments.firstIndex(of: "--check"), flag + 1 < arguments.count {
    checkPath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let input = arguments.count > 0 ? arguments[0] : "../shared/data/claimbuster/crowdsourced.csv"
let output = arguments.count > 1 ? arguments[1] : "SeedData/scorer.json"

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

/// The sentences and labels of a CheckThat! TSV (`Text` and `class_label` columns, no quoting).
func readCheckThat(_ path: String) -> [(text: String, label: Bool)]? {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
    else { return nil }
    let lines = text.split(whereSeparator: \.isNewline).map {
        $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    guard let header = lines.first, let textColumn = header.firstIndex(of: "Text"),
        let labelColumn = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "class_label" })
    else { return nil }
    return lines.dropFirst().compactMap { fields in
        guard fields.count > max(textColumn, labelColumn) else { return nil }
        let sentence = fields[textColumn].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (sentence, fields[labelColumn].trimmingCharacters(in: .whitespaces) == "Yes")
    }
}

do {
    let examples = try ClaimBusterData.read(path: input)
    let labels = examples.map(\.isCheckWorthy)
    let validation = try DebateCrossValidation(debates: examples.map(\.debate), count: 5)
    log(
        "read \(examples.count) sentences, \(labels.filter { $0 }.count) check-worthy, "
            + "\(Set(examples.map(\.debate)).count) debates in \(validation.count) folds, from \(input)")
    let hashBits = 19
    let iterations = 400
    let learningRate = 0.02
    // The 26 dense features describe a sentence's shape (numbers, names, tense, person, length), not its
    // words, and are too few to memorise a debate: a light fixed penalty; the grid's L2 is for the hashed
    // n-grams, which can.
    let densePenalty = 1e-5
    let featurizers = [
        ScorerFeaturizer(hashBits: hashBits), ScorerFeaturizer(hashBits: hashBits, normalized: true),
        ScorerFeaturizer(hashBits: hashBits, characterGrams: 4),
        ScorerFeaturizer(hashBits: hashBits, characterGrams: 4, normalized: true),
    ]
    // Normalised features are about 1/√40 the size of raw counts, so they need smaller penalties.
    func penalties(_ featurizer: ScorerFeaturizer) -> [Double] {
        featurizer.normalized ? [3e-6, 1e-5, 3e-5, 1e-4] : [1e-4, 3e-4, 1e-3, 3e-3]
    }

    var best: (featurizer: ScorerFeaturizer, l2: Double, result: DebateCrossValidation.Result)? = nil
    for featurizer in featurizers {
        let rows = examples.map { featurizer.features(of: $0.text) }
        let bias = (1 << hashBits) + ScorerFeaturizer.Dense.bias.rawValue
        for l2 in penalties(featurizer) {
            let trainer = LogisticRegressionTrainer(
                l2: l2, iterations: iterations, learningRate: learningRate, lightL2: densePenalty)
            let result = try validation.run(
                rows: rows, labels: labels, dimension: featurizer.dimension, unpenalized: bias,
                lightlyPenalizedFrom: 1 << hashBits, trainer: trainer)
            log(
                String(
                    format: "char %d-grams %@, l2 %.0e: mean fold F1 %.3f (folds %@), threshold %.2f, pooled %@",
                    featurizer.characterGrams, featurizer.normalized ? "normalised" : "raw counts", l2, result.meanF1,
                    result.foldF1.map { String(format: "%.3f", $0) }.joined(separator: " "), result.threshold,
                    result.pooled.description))
            if best == nil || result.meanF1 > best?.result.meanF1 ?? 0 { best = (featurizer, l2, result) }
        }
    }
    guard let chosen = best else { throw LogisticRegressionTrainer.Problem.noExamples }
    let featurizer = chosen.featurizer
    let trainer = LogisticRegressionTrainer(
        l2: chosen.l2, iterations: iterations, learningRate: learningRate, lightL2: densePenalty)
    let weights = try trainer.train(
        rows: examples.map { featurizer.features(of: $0.text) }, labels: labels, dimension: featurizer.dimension,
        unpenalized: (1 << hashBits) + ScorerFeaturizer.Dense.bias.rawValue, lightlyPenalizedFrom: 1 << hashBits)
    let model = try ScorerModel(featurizer: featurizer, threshold: chosen.result.threshold, weights: weights)
    let crossValidation = String(
        format: "%d folds by debate: mean F1 %.3f (%@), pooled %@", validation.count, chosen.result.meanF1,
        chosen.result.foldF1.map { String(format: "%.3f", $0) }.joined(separator: " "),
        chosen.result.pooled.description)
    let json = try model.json(training: [
        "data": "claimbuster/crowdsourced.csv (label: Verdict == 1)",
        "sentences": "\(examples.count)",
        "characterGrams": "\(featurizer.characterGrams)",
        "normalized": "\(featurizer.normalized)",
        "l2": "\(chosen.l2) (hashed n-grams), \(densePenalty) (dense features)",
        "iterations": "\(iterations)",
        "crossValidation": crossValidation,
        "command": "make train-scorer",
    ])
    try json.write(to: URL(fileURLWithPath: output))
    log(
        String(
            format: "chosen by cross-validation: char %d-grams, %@, l2 %.0e, threshold %.2f; %@",
            featurizer.characterGrams, featurizer.normalized ? "normalised" : "raw counts", chosen.l2,
            chosen.result.threshold, crossValidation))
    log("wrote \(output) (\(json.count) bytes)")
    if let checkPath {
        guard let check = readCheckThat(checkPath) else { throw ClaimBusterData.Failure.unreadable(checkPath) }
        let metrics = BinaryMetrics(
            predictions: check.map { model.score(sentence: $0.text) >= model.threshold }, labels: check.map(\.label))
        log(
            "check only (chose nothing): \(checkPath): \(metrics), \(check.filter(\.label).count) of \(check.count) positive"
        )
    }
} catch {
    log("error: \(error.localizedDescription)")
    exit(1)
}
