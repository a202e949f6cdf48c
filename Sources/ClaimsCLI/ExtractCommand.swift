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

    @Option(
        name: .customLong("input-format"),
        help: "Read the input as text, markdown, html or jsonl (default: by extension, else by content).")
    var inputFormat: String?

    @Option(
        name: .customLong("max-article-mb"),
        help: "Refuse an article larger than this many megabytes (default: $CLAIMS_MAX_ARTICLE_MB, else 50).")
    var maxArticleMB: Double?

    /// The size limit for one article, in bytes.
    var maxBytes: Int { maxArticleMB.map { Int($0 * 1_000_000) } ?? ArticleLimits.defaultMaxBytes }

    @Argument(help: "The article file; - reads standard input.")
    var file: String

    func validate() throws {
        if let inputFormat, ArticleFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'; expected \(ArticleFormat.names)")
        }
        if let maxArticleMB, !(maxArticleMB > 0 && maxArticleMB <= ArticleLimits.maxMegabytes) {
            throw ValidationError("--max-article-mb expects a positive number of megabytes, at most 1000000")
        }
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
        let loaded = try ArticleLoader.load(
            file, format: inputFormat.flatMap { ArticleFormat(rawValue: $0) }, maxBytes: maxBytes)
        guard loaded.count == 1 else {
            throw ValidationError(
                "claims extract reads one article and \(file) holds \(loaded.count); use claims import")
        }
        let article = try loaded[0].result.get()
        let rows = ClaimExtractor().extract(from: article.body).map { claim in
            Row(
                kind: claim.kind, start: claim.span.start, end: claim.span.end, text: claim.text,
                fields: claim.fields, score: (claim.score * 1000).rounded() / 1000, topics: claim.topics)
        }
        try RowWriter<Row>(
            columns: ["kind", "start", "end", "score", "text"],
            cells: { [$0.kind.rawValue, String($0.start), String($0.end), twoDecimals($0.score), $0.text] }
        ).write(rows, as: output.format, to: Console.current)
    }
}
