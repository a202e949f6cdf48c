import ClaimExtraction
import Foundation

/// Check-worthiness as `../shared/eval/score.py checkworthy` measures it: each sentence, its
/// whitespace folded, scored as `claims score` scores it (check-worthy at or above the scorer's
/// threshold), against CheckThat! 2024's English dev-test and ClaimBuster's groundtruth.
enum CheckWorthySets {
    struct Result {
        var name: String
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var positives = 0
        var count = 0

        var precision: Double {
            truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 0
        }
        var recall: Double {
            truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : 0
        }
        var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

        /// score.py's line: "CheckThat! 2024 dev-test: check-worthy F1 0.711 (P 0.64 R 0.80; 108 of 318 positive)".
        var line: String {
            String(
                format: "%@: check-worthy F1 %.3f (P %.2f R %.2f; %d of %d positive)", name, f1, precision, recall,
                positives, count)
        }
    }

    /// Words separated by single spaces, as Python's `" ".join(text.split())`.
    static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The sentences and labels of CheckThat! 2024's English dev-test (tab-separated, no quoting).
    static func checkThat(_ shared: String) throws -> [(String, Bool)] {
        let path = shared + "/data/checkthat2024/CT24_checkworthy_english_dev-test.tsv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false),
            let textColumn = header.firstIndex(of: "Text"), let labelColumn = header.firstIndex(of: "class_label")
        else { throw ClaimBusterData.Failure.missingColumn("Text or class_label", path) }
        return lines.dropFirst().compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count > max(textColumn, labelColumn) else { return nil }
            return (
                folded(String(cells[textColumn])),
                cells[labelColumn].trimmingCharacters(in: .whitespacesAndNewlines) == "Yes"
            )
        }
    }

    static func measure(_ name: String, _ examples: [(String, Bool)], scorer: CheckWorthinessScorer) -> Result {
        var result = Result(name: name)
        for (sentence, positive) in examples {
            let text = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
            let predicted = !text.isEmpty && scorer.score(sentence: text) >= scorer.threshold
            result.count += 1
            if positive { result.positives += 1 }
            if predicted && positive { result.truePositives += 1 }
            if predicted && !positive { result.falsePositives += 1 }
            if !predicted && positive { result.falseNegatives += 1 }
        }
        return result
    }

    /// Both sets, in score.py's order.
    static func measure(shared: String) throws -> [Result] {
        let scorer = CheckWorthinessScorer()
        let groundtruth = try ClaimBusterData.read(path: shared + "/data/claimbuster/groundtruth.csv").map {
            (folded($0.text), $0.isCheckWorthy)
        }
        return [
            measure("CheckThat! 2024 dev-test", try checkThat(shared), scorer: scorer),
            measure("ClaimBuster groundtruth", groundtruth, scorer: scorer),
        ]
    }
}
