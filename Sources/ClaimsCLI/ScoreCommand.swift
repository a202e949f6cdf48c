import ArgumentParser
import ArticleImport
import ClaimExtraction
import Foundation

/// `claims score [FILE|-]`: check-worthiness of one sentence per line.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score sentences for check-worthiness: one per line in, one JSON object per line out.",
        discussion: """
            Prints {"score": 0.93, "checkworthy": true} for each input line, in order (blank lines
            score 0). The model is trained on ClaimBuster's labelled debate sentences (`make train-scorer`).
            """)

    @Argument(help: "A file of sentences, one per line; - or nothing reads standard input.")
    var file: String = "-"

    @Option(
        name: .customLong("max-article-mb"),
        help: "Refuse input larger than this many megabytes (default: $CLAIMS_MAX_ARTICLE_MB, else 50).")
    var maxArticleMB: Double?

    struct Row: Encodable {
        var score: Double
        var checkworthy: Bool
    }

    func validate() throws {
        if let maxArticleMB, !(maxArticleMB > 0 && maxArticleMB <= ArticleLimits.maxMegabytes) {
            throw ValidationError("--max-article-mb expects a positive number of megabytes, at most 1000000")
        }
    }

    func run() throws {
        let maxBytes = maxArticleMB.map { Int($0 * 1_000_000) } ?? ArticleLimits.defaultMaxBytes
        let text = try ArticleSource.text(at: file, maxBytes: maxBytes, allowEmpty: true)
        let scorer = CheckWorthinessScorer()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        {
            let sentence = line.trimmingCharacters(in: .whitespacesAndNewlines)
            let score = sentence.isEmpty ? 0 : scorer.score(sentence: sentence)
            let row = Row(
                score: (score * 1000).rounded() / 1000, checkworthy: !sentence.isEmpty && score >= scorer.threshold)
            out += String(decoding: try encoder.encode(row), as: UTF8.self) + "\n"
            if out.utf8.count > 1 << 16 {
                Console.current.write(out)
                try Console.current.checkOutput()
                out = ""
            }
        }
        Console.current.write(out)
    }
}
