import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `claims list`: find claims by topic, status, kind, article, text, reviewer or review time.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored claims, filtered by topic, status, kind, article, text, reviewer or review time.",
        discussion: "Dismissed claims (not checkable claims) are left out unless asked for with --status dismissed.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: ClaimFilterOptions
    @OptionGroup var output: RowFormatOptions

    @Option(help: "At most this many claims.")
    var limit: Int?

    @Option(help: "Order: article (reading order), score (highest first) or time (latest review first).")
    var sort: ClaimFilter.Sort = .article

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit expects a positive number, not \(limit)") }
    }

    func run() throws {
        let store = try database.openForReading()
        var claims = try store.claims(try filters.filter(limit: limit, sort: sort))
        let console = Console.current
        var writer = ClaimRowWriter.writer
        // In a table, the words a search matched are marked; data formats keep the text exact. The
        // marks go in as stand-ins and become terminal attributes only after the text is escaped.
        if output.format == .table, let search = filters.search, !claims.isEmpty {
            writer.marks = console.isTerminal ? ("\u{1B}[1m", "\u{1B}[0m") : ("⟦", "⟧")
            let texts = Dictionary(
                claims.lazy.filter { !TerminalText.holdsMarks($0.text) }.map { ($0.id, $0.text) },
                uniquingKeysWith: { first, _ in first })
            let marked = try store.highlights(
                of: texts, search: search, open: TerminalText.markOpen, close: TerminalText.markClose)
            for index in claims.indices where texts[claims[index].id] != nil {
                claims[index].text = marked[claims[index].id] ?? claims[index].text
            }
        }
        try writer.write(claims, as: output.format, to: console)
    }
}

/// How claims print as rows in `list`; the table leaves out the offsets and fields, which read
/// better in `claims show`, while CSV keeps every column.
enum ClaimRowWriter {
    static var writer: RowWriter<ClaimView> {
        RowWriter<ClaimView>(
            columns: [
                "id", "kind", "status", "contested", "orphaned", "score", "article", "start", "end", "topics", "text",
                "fields",
            ],
            cells: { claim in
                [
                    String(claim.id), claim.kind.rawValue, claim.status.rawValue, String(claim.contested),
                    String(claim.orphaned), twoDecimals(claim.score), String(claim.articleId), String(claim.start),
                    String(claim.end), claim.topics.joined(separator: " "), claim.text,
                    TerminalText.json(JSONValue.jsonText(claim.fields)),
                ]
            },
            tableColumns: ["id", "kind", "status", "score", "article", "text"],
            tableCells: { claim in
                [
                    String(claim.id), claim.kind.rawValue, claim.status.rawValue, twoDecimals(claim.score),
                    String(claim.articleId), claim.text,
                ]
            })
    }
}
