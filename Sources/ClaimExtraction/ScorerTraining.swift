import Foundation

/// L2-regularised logistic regression trained by full-batch Adam: deterministic, no randomness.
///
/// Used by `TrainScorer` for the shipped model and by `ClaimEval` for the TF-IDF baseline.
public struct LogisticRegressionTrainer: Sendable {
    /// The L2 penalty per example (the loss is the mean log loss plus `l2/2·|w|²`, bias excluded).
    public var l2: Double
    public var iterations: Int
    public var learningRate: Double
    /// Weight of positive examples in the loss (1 = unweighted).
    public var positiveWeight: Double
    /// The L2 penalty of the inputs from `lightlyPenalizedFrom` on (the featurizer's dense features, which
    /// describe a sentence's shape rather than its words); nil: ``l2``.
    public var lightL2: Double?

    public init(
        l2: Double = 1e-4, iterations: Int = 300, learningRate: Double = 0.05, positiveWeight: Double = 1,
        lightL2: Double? = nil
    ) {
        self.l2 = l2
        self.lightL2 = lightL2
        self.iterations = iterations
        self.learningRate = learningRate
        self.positiveWeight = positiveWeight
    }

    /// Why there is nothing to train on.
    public enum Problem: Error, LocalizedError {
        case noExamples
        case labelsDoNotMatch(rows: Int, labels: Int)
        case featureOutOfRange(Int, dimension: Int)

        public var errorDescription: String? {
            switch self {
            case .noExamples: "no labelled sentences to train on"
            case .labelsDoNotMatch(let rows, let labels): "\(rows) feature rows for \(labels) labels"
            case .featureOutOfRange(let index, let dimension): "feature \(index) beyond \(dimension) inputs"
            }
        }
    }

    /// Weights for `dimension` inputs; `unpenalized` (the bias index) is not regularised, and inputs from
    /// `lightlyPenalizedFrom` on are regularised by ``lightL2``.
    public func train(
        rows: [[ScorerFeature]], labels: [Bool], dimension: Int, unpenalized: Int? = nil,
        lightlyPenalizedFrom: Int? = nil
    ) throws(Problem) -> [Float] {
        guard !rows.isEmpty else { throw .noExamples }
        guard rows.count == labels.count else { throw .labelsDoNotMatch(rows: rows.count, labels: labels.count) }
        for row in rows {
            for feature in row where Int(feature.index) >= dimension {
                throw .featureOutOfRange(Int(feature.index), dimension: dimension)
            }
        }
        var weights = [Double](repeating: 0, count: dimension)
        var first = [Double](repeating: 0, count: dimension)
        var second = [Double](repeating: 0, count: dimension)
        var gradient = [Double](repeating: 0, count: dimension)
        // Only inputs that occur get updates; the others stay exactly 0 (their gradient is 0 and L2 keeps 0).
        var used = [Bool](repeating: false, count: dimension)
        for row in rows { for feature in row { used[Int(feature.index)] = true } }
        let active = (0..<dimension).filter { used[$0] }
        let total = labels.reduce(0.0) { $0 + ($1 ? positiveWeight : 1) }
        let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
        let lightFrom = lightlyPenalizedFrom ?? dimension
        let light = lightL2 ?? l2
        for step in 1...iterations {
            for index in active { gradient[index] = 0 }
            for (row, label) in zip(rows, labels) {
                var logit = 0.0
                for feature in row { logit += weights[Int(feature.index)] * Double(feature.value) }
                let probability = 1 / (1 + exp(-logit))
                let weight = label ? positiveWeight : 1
                let error = weight * (probability - (label ? 1 : 0)) / total
                for feature in row { gradient[Int(feature.index)] += error * Double(feature.value) }
            }
            let correction1 = 1 - pow(beta1, Double(step))
            let correction2 = 1 - pow(beta2, Double(step))
            for index in active {
                var g = gradient[index]
                if index != unpenalized {
                    g += (index >= lightFrom ? light : l2) * weights[index]
                }
                first[index] = beta1 * first[index] + (1 - beta1) * g
                second[index] = beta2 * second[index] + (1 - beta2) * g * g
                weights[index] -=
                    learningRate * (first[index] / correction1) / ((second[index] / correction2).squareRoot() + epsilon)
            }
        }
        return weights.map { Float($0) }
    }
}

/// Cross-validation with folds made of whole debates, for choosing the scorer's settings and threshold on
/// debates the model never saw.
public struct DebateCrossValidation: Sendable {
    /// The fold of each example.
    public let folds: [Int]
    /// The number of folds.
    public let count: Int

    public enum Problem: Error, LocalizedError {
        case tooFewDebates(Int)

        public var errorDescription: String? {
            switch self {
            case .tooFewDebates(let count): "\(count) debate(s); cross-validation by debate needs at least 2"
            }
        }
    }

    /// Folds of whole debates: the distinct debates in sorted order (ClaimBuster's file names are dates)
    /// cut into `count` consecutive runs, so a fold holds out a stretch of years; fewer folds when there
    /// are fewer debates.
    public init(debates: [String], count: Int) throws(Problem) {
        let distinct = Array(Set(debates)).sorted()
        guard distinct.count >= 2 else { throw .tooFewDebates(distinct.count) }
        let folds = min(max(count, 2), distinct.count)
        var foldOf: [String: Int] = [:]
        for (position, debate) in distinct.enumerated() { foldOf[debate] = position * folds / distinct.count }
        self.count = folds
        self.folds = debates.map { foldOf[$0] ?? 0 }
    }

    /// What cross-validation found for one setting.
    public struct Result: Sendable {
        /// The threshold with the best F1 over every fold's held-out scores pooled.
        public var threshold: Double
        /// Each fold's held-out F1 at ``threshold``.
        public var foldF1: [Double]
        /// The pooled held-out precision, recall and F1 at ``threshold``.
        public var pooled: BinaryMetrics
        public var meanF1: Double { foldF1.isEmpty ? 0 : foldF1.reduce(0, +) / Double(foldF1.count) }
    }

    /// Trains on all folds but one and scores the one left out, for each fold; then chooses the threshold.
    public func run(
        rows: [[ScorerFeature]], labels: [Bool], dimension: Int, unpenalized: Int?, lightlyPenalizedFrom: Int? = nil,
        trainer: LogisticRegressionTrainer
    ) throws(LogisticRegressionTrainer.Problem) -> Result {
        guard rows.count == folds.count else { throw .labelsDoNotMatch(rows: rows.count, labels: folds.count) }
        var scores = [Double](repeating: 0, count: rows.count)
        for fold in 0..<count {
            let training = rows.indices.filter { folds[$0] != fold }
            let weights = try trainer.train(
                rows: training.map { rows[$0] }, labels: training.map { labels[$0] }, dimension: dimension,
                unpenalized: unpenalized, lightlyPenalizedFrom: lightlyPenalizedFrom)
            for index in rows.indices where folds[index] == fold {
                var logit: Float = 0
                for feature in rows[index] { logit += weights[Int(feature.index)] * feature.value }
                scores[index] = ScorerModel.probability(logit: logit)
            }
        }
        let (threshold, pooled) = BinaryMetrics.bestThreshold(scores: scores, labels: labels)
        let foldF1 = (0..<count).map { fold in
            let held = rows.indices.filter { folds[$0] == fold }
            return BinaryMetrics(predictions: held.map { scores[$0] >= threshold }, labels: held.map { labels[$0] }).f1
        }
        return Result(threshold: threshold, foldF1: foldF1, pooled: pooled)
    }
}

/// Precision, recall and F1 on the positive class.
public struct BinaryMetrics: Sendable, CustomStringConvertible {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    public init(predictions: [Bool], labels: [Bool]) {
        for (predicted, label) in zip(predictions, labels) { record(predicted: predicted, actual: label) }
    }

    public mutating func record(predicted: Bool, actual: Bool) {
        if predicted && actual { truePositives += 1 }
        if predicted && !actual { falsePositives += 1 }
        if !predicted && actual { falseNegatives += 1 }
    }

    public var precision: Double {
        truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
        truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public var description: String {
        String(format: "P %.3f  R %.3f  F1 %.3f", precision, recall, f1)
    }

    /// The threshold on `scores` with the best F1 against `labels` (ties: the lower threshold).
    public static func bestThreshold(scores: [Double], labels: [Bool]) -> (threshold: Double, metrics: BinaryMetrics) {
        var best = (threshold: 0.5, metrics: BinaryMetrics(predictions: scores.map { $0 >= 0.5 }, labels: labels))
        for step in 5...95 {
            let threshold = Double(step) / 100
            let metrics = BinaryMetrics(predictions: scores.map { $0 >= threshold }, labels: labels)
            if metrics.f1 > best.metrics.f1 { best = (threshold, metrics) }
        }
        return best
    }
}

/// Labelled sentences from ClaimBuster's CSV files (`Text` and `Verdict` columns; Verdict 1 = check-worthy;
/// `File_id`, the debate transcript, when there is one).
public enum ClaimBusterData {
    public struct Example: Sendable {
        public var text: String
        public var verdict: Int
        /// The debate the sentence was spoken in (`File_id`), or "" when the file has no such column.
        public var debate: String
        public var isCheckWorthy: Bool { verdict == 1 }

        public init(text: String, verdict: Int, debate: String = "") {
            self.text = text
            self.verdict = verdict
            self.debate = debate
        }
    }

    public enum Failure: Error, LocalizedError {
        case unreadable(String)
        case missingColumn(String, String)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path): "cannot read \(path) as UTF-8"
            case .missingColumn(let column, let path): "no \(column) column in \(path)"
            }
        }
    }

    /// The examples of the CSV file at `path`.
    public static func read(path: String) throws -> [Example] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw Failure.unreadable(path)
        }
        let rows = CSV.rows(text)
        guard let header = rows.first else { return [] }
        guard let textColumn = header.firstIndex(of: "Text") else { throw Failure.missingColumn("Text", path) }
        guard let verdictColumn = header.firstIndex(of: "Verdict") else { throw Failure.missingColumn("Verdict", path) }
        let debateColumn = header.firstIndex(of: "File_id")
        return rows.dropFirst().compactMap { row in
            guard row.count > max(textColumn, verdictColumn), let verdict = Int(row[verdictColumn]) else { return nil }
            let debate = debateColumn.flatMap { $0 < row.count ? row[$0] : nil } ?? ""
            return Example(text: row[textColumn], verdict: verdict, debate: debate)
        }
    }
}

/// RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes.
enum CSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(String(field))
                field = String.UnicodeScalarView()
            case "\n":
                row.append(String(field))
                field = String.UnicodeScalarView()
                rows.append(row)
                row = []
            case "\r": break
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(String(field))
            rows.append(row)
        }
        return rows
    }
}
