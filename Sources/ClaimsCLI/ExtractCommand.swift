import ArgumentParser
import ArticleImport
import ClaimCore
import ClaimExtraction

/// `claims extract FILE`: the claims an import would store, without touching a database.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the claims found in an article, without storing anything.")

    @OptionGroup var output: RowFormatOptions

    @Option(name: .customLong("input-format"), help: "Read the input as text or markdown (default: by extension).")
    var inputFormat: String?

    @Argument(help: "The article file; - reads standard input.")
    var file: String

    func validate() throws {
        if let inputFormat { _ = try ArticleReaders.named(inputFormat) }
    }

    /// One extracted claim: the keys of `claims extract --format ndjson`.
    struct Row: Encodable {
        var kind: ClaimKind
        var start: Int
        var end: Int
        var text: String
        var fields: [String: JSONValue]
        var score: Double
        var topics: [String]
    }

    func run() throws {
        let reader = try inputFormat.map(ArticleReaders.named) ?? ArticleReaders.forPath(file)
        let article = try reader.read(try ArticleSource.text(at: file), source: file)
        let rows = ClaimExtractor().extract(from: article.body).map { claim in
            Row(
                kind: claim.kind, start: claim.span.start, end: claim.span.end, text: claim.text,
                fields: claim.fields, score: (claim.score * 1000).rounded() / 1000, topics: claim.topics)
        }
        try RowWriter<Row>(
            columns: ["kind", "start", "end", "score", "text"],
            cells: { [$0.kind.rawValue, String($0.start), String($0.end), String(format: "%.2f", $0.score), $0.text] }
        ).write(rows, as: output.format, to: Console.current)
    }
}
