import Foundation
import GRDB
import Testing

/// Issue 14 through the command line: re-importing an article whose lede changed a figure that
/// also stands in a quote.
@Suite struct ReanchorCLITests {
    static let article = """
        Leeds rents hit record

        Average rents in Leeds reached £1,400 a month this year, the council said on Monday.

        “We pay £1,400 for two rooms and cannot save anything,” said Maria Lopez, a tenant in Headingley.

        The council expects rents to keep rising next year.

        """

    static func show(_ cli: CLI, _ id: Int) throws -> [String: Any] {
        let result = cli.run("show", "\(id)", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        return try #require(object?["claim"] as? [String: Any], "show \(id): \(result.err)")
    }

    @Test func aVerdictStaysOnTheFigureItWasGivenOn() throws {
        let cli = try CLI()
        let path = try cli.write("rents.txt", Self.article)
        #expect(cli.run("import", path).code == 0)
        // The two rents (the quote's "two rooms" is a quantity of its own, left alone here).
        let figures = try jsonLines(cli.run("list", "--kind", "quantity", "--format", "ndjson").out)
            .filter { ($0["text"] as? String)?.hasPrefix("£") == true }
        #expect(figures.map { $0["text"] as? String } == ["£1,400", "£1,400"])
        let lede = try #require(figures.first?["id"] as? Int)
        let quote = try #require(figures.last?["id"] as? Int)
        #expect(cli.run("review", "\(lede)", "verified", "--reviewer", "ana", "--note", "council data").code == 0)
        #expect(cli.run("review", "\(quote)", "disputed", "--reviewer", "ben", "--note", "her own rent").code == 0)

        try Self.article.replacingOccurrences(of: "reached £1,400", with: "reached £1,500")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let update = cli.run("import", path)
        #expect(update.code == 0, "\(update.err)")
        #expect(update.err.contains("1 orphaned, 1 new"), "\(update.err)")

        // The quote's claim keeps its own place and verdict on the new version.
        let quoteAfter = try Self.show(cli, quote)
        #expect(quoteAfter["articleVersion"] as? Int == 2 && quoteAfter["orphaned"] as? Bool == false)
        #expect(quoteAfter["text"] as? String == "£1,400" && quoteAfter["status"] as? String == "disputed")
        #expect(quoteAfter["start"] as? Int == figures.last?["start"] as? Int)
        // The lede's claim stays on version 1, orphaned, with its verdict and history.
        let ledeAfter = try Self.show(cli, lede)
        #expect(ledeAfter["articleVersion"] as? Int == 1 && ledeAfter["orphaned"] as? Bool == true)
        #expect(ledeAfter["text"] as? String == "£1,400" && ledeAfter["status"] as? String == "verified")
        #expect((ledeAfter["reviews"] as? [[String: Any]])?.first?["note"] as? String == "council data")
        // The new figure is a new claim nobody has reviewed.
        let current = try jsonLines(
            cli.run("list", "--kind", "quantity", "--status", "unreviewed", "--format", "ndjson").out
        ).filter { ($0["text"] as? String)?.hasPrefix("£") == true }
        #expect(current.map { $0["text"] as? String } == ["£1,500"])
        #expect(current.first?["articleVersion"] as? Int == 2)

        // Every verdict is on the text it was given on, every span is the body's text.
        let queue = try DatabaseQueue(path: cli.database)
        try queue.read { db in
            #expect(
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM spans s JOIN articles a ON a.id = s.article_id
                        WHERE substr(a.body, s.start + 1, s.end - s.start) IS NOT s.exact
                        """) == 0)
            let reviewed = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT c.id, s.exact FROM reviews r JOIN claims c ON c.id = r.claim_id
                    JOIN spans s ON s.claim_id = c.id AND s.role = 'claim' ORDER BY c.id
                    """)
            #expect(reviewed.map { $0["exact"] as String } == ["£1,400", "£1,400"])
        }
    }
}
