import ArgumentParser
import ClaimStore

/// `claims stats`: counts by status, kind, topic and reviewer.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count claims by status, kind and topic, and reviews by reviewer.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table or json.")
    var format: RowFormat = .table

    func validate() throws {
        if format == .csv || format == .ndjson { throw ValidationError("claims stats prints table or json") }
    }

    struct Row: Encodable {
        var group: String
        var name: String
        var count: Int
    }

    func run() throws {
        let stats = try database.openForReading().stats()
        let console = Console.current
        if format == .json {
            console.line(try RowWriter<ClaimStats>.json(stats, pretty: true))
            return
        }
        func rows(_ group: String, _ counts: [String: Int]) -> [Row] {
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                Row(group: group, name: $0.key, count: $0.value)
            }
        }
        let totals = [
            Row(group: "total", name: "articles", count: stats.articles),
            Row(group: "total", name: "claims", count: stats.claims),
            Row(group: "total", name: "reviews", count: stats.reviews),
            Row(group: "total", name: "contested", count: stats.contested),
        ]
        let all =
            totals + rows("status", stats.byStatus) + rows("kind", stats.byKind) + rows("topic", stats.byTopic)
            + rows("reviewer", stats.byReviewer)
        try RowWriter<Row>(columns: ["group", "name", "count"], cells: { [$0.group, $0.name, String($0.count)] })
            .write(all, as: .table, to: console)
    }
}
