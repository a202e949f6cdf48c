import ClaimsCLI
import Foundation
import Testing

/// Wrong input: one clear line on standard error, a non-zero exit, and the database unchanged.
@Suite struct BadInputTests {
    static let cases: [(name: String, arguments: [String], message: String)] = [
        ("missing file", ["import", "/nonexistent/article.txt"], "/nonexistent/article.txt: no such file"),
        ("directory", ["extract", "/tmp"], "/tmp: is a directory"),
        ("unknown claim id", ["show", "4242"], "no claim with id 4242"),
        ("review of unknown id", ["review", "4242", "verified"], "no claim with id 4242"),
        (
            "misspelled status", ["review", "1", "verifed"],
            "unknown status 'verifed'; expected verified, disputed, unsourced or dismissed"
        ),
        ("misspelled list status", ["list", "--status", "dsputed"], "unknown status 'dsputed'"),
        ("unknown kind", ["list", "--kind", "rumour"], "unknown kind 'rumour'"),
        ("unknown topic", ["list", "--topic", "econmy"], "unknown topic 'econmy'"),
        ("negative id", ["show", "-3"], "error:"),
        ("non-numeric id", ["show", "abc"], "error:"),
        (
            "bad report format", ["report", "--format", "pdf"],
            "unknown report format 'pdf'; expected markdown, html, csv, json or claimreview"
        ),
        ("bad row format", ["list", "--format", "xml"], "error:"),
        ("empty search", ["list", "--search", "\"\""], "has no words to search for"),
        ("SQL in a string option", ["list", "--topic", "x' OR 1=1; DROP TABLE claims; --"], "unknown topic"),
        ("SQL in a search", ["list", "--search", "\" OR 1=1; DROP TABLE claims; --"], "malformed search query"),
        (
            "unbalanced quotes", ["list", "--search", "\"brain drain"],
            "malformed search query '\"brain drain' (unterminated string)"
        ),
        ("bare operator", ["list", "--search", "AND"], "malformed search query 'AND'"),
        (
            "SQL as a reviewer",
            ["review", "1", "verified", "--reviewer", "'); DELETE FROM reviews; --", "--source", ""],
            "--source needs a non-empty value"
        ),
        ("bad since", ["list", "--since", "yesterday"], "--since expects a date"),
        (
            "impossible since", ["list", "--since", "2024-02-30"],
            "--since expects a date (2026-11-30) or an ISO 8601 time (2026-11-30T14:00:00Z), not '2024-02-30': "
                + "there is no 30 February 2024 (it has 29 days)"
        ),
        ("impossible until hour", ["report", "--until", "2025-12-03T25:00:00Z"], "--until expects a date"),
        ("retract with nothing in force", ["review", "1", "--retract"], "claim 1 has no verdict in force to retract"),
        (
            "title before any source", ["review", "1", "verified", "--title", "T", "--source", "https://a.example"],
            "--title must follow the --source it describes"
        ),
        (
            "status and retract", ["review", "1", "verified", "--retract"],
            "give either a status or --retract, not both"
        ),
        ("unknown topic to tag", ["tag", "1", "nope"], "unknown topic 'nope'"),
        ("untag what is not tagged", ["untag", "1", "sport"], "claim 1 is not tagged with 'sport'"),
        ("topic that exists", ["topics", "add", "economy", "--name", "Economy"], "topic 'economy' already exists"),
        ("bad slug", ["topics", "add", "Bad Slug", "--name", "X"], "topic slug 'Bad Slug' should be"),
    ]

    @Test(arguments: cases.indices)
    func wrongInputIsOneClearLineAndChangesNothing(index: Int) throws {
        let (name, arguments, message) = Self.cases[index]
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let result = cli.run(arguments)
        #expect(result.code != 0, "\(name): exit code")
        #expect(result.errLines.count == 1, "\(name): \(result.err)")
        #expect(result.err.hasPrefix("error: "), "\(name): \(result.err)")
        #expect(result.err.contains(message), "\(name): \(result.err)")
        #expect(result.out.isEmpty, "\(name): printed data \(result.out)")
        #expect(try cli.snapshot() == before, "\(name) changed the database")
    }

    @Test func emptyFileIsRefusedAndCreatesNoDatabase() throws {
        let cli = try CLI()
        let empty = try cli.write("empty.txt", "   \n\n")
        let result = cli.run("import", empty)
        #expect(result.code != 0)
        #expect(result.err == "error: \(empty): is empty; expected an article's text\n")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func queriesOnAMissingDatabaseSaySoAndCreateNothing() throws {
        let cli = try CLI()
        let result = cli.run("list")
        #expect(result.code != 0)
        #expect(result.err.hasPrefix("error: no database at \(cli.database)"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func oneBadFileAmongGoodOnesIsReportedAndTheRestImported() throws {
        let cli = try CLI()
        let good = try cli.write("good.txt", "Headline\n\nThe ministry said 5,000 people left the country in 2023.\n")
        let result = cli.run("import", good, "/nonexistent/x.txt")
        #expect(result.code != 0)
        #expect(result.err.contains("error: /nonexistent/x.txt: no such file"))
        #expect(result.err.contains("imported 1, unchanged 0, updated 0, failed 1"))
        #expect(cli.run("list", "--article", "1", "--format", "json").code == 0)
    }
}
