import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `claims list`: find claims by topic, status, kind, article or text.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List stored claims, filtered by topic, status, kind, article or text.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: ClaimFilterOptions
    @OptionGroup var output: RowFormatOptions

    @Option(help: "At most this many claims.")
    var limit: Int?

    @Option(help: "Order: reading (article, then position), score (highest first) or time (newest first).")
    var sort: ClaimFilter.Sort = .reading

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit expects a positive number, not \(limit)") }
    }

    func run() throws {
        // JSON carries each claim's reviews; the table and CSV have no room for them.
        let withReviews = output.format == .json || output.format == .ndjson
        let claims = try database.open().claims(try filters.filter(limit: limit, sort: sort), withReviews: withReviews)
        try ClaimRowWriter.writer.write(claims, as: output.format, to: Console.current)
    }
}

/// How claims print as rows in `list`; the table leaves out the offsets and fields, which read
/// better in `claims show`, while CSV keeps every column.
enum ClaimRowWriter {
    static var writer: RowWriter<ClaimView> {
        RowWriter<ClaimView>(
        columns: ["id", "kind", "status", "score", "article", "start", "end", "topics", "text", "fields"],
        cells: { claim in
            [String(claim.id), claim.kind.rawValue, claim.status.rawValue, String(format: "%.2f", claim.score),
             String(claim.articleId), String(claim.start), String(claim.end), claim.topics.joined(separator: " "),
             claim.text, (try? RowWriter<ClaimView>.json(claim.fields, pretty: false)) ?? "{}"]
        },
        tableColumns: ["id", "kind", "status", "score", "article", "text"])
    }
}
