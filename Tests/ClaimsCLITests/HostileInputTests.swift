import ClaimCore
import ClaimsCLI
import Foundation
import GRDB
import Testing

/// Every row of the README's bad-input table: one clear line on standard error naming the input
/// and the problem, a non-zero exit and no change to the database, or, where the input is
/// usable, an import whose every span is exact.
@Suite struct HostileInputTests {
    /// Imports `bytes` as a file named `name` into a database holding the seed article.
    func importBytes(_ bytes: [UInt8], name: String, _ extra: [String] = []) throws -> (CLI, CLI.Result, before: String)
    {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let path = cli.directory.appending(path: name)
        try Data(bytes).write(to: path)
        return (cli, cli.run(["import", path.path] + extra), before)
    }

    /// Every span of the database satisfies the SQL invariant; returns how many there are.
    @discardableResult
    func expectSpansExact(_ cli: CLI) throws -> Int {
        try DatabaseQueue(path: cli.database).read { db in
            let bad = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM spans JOIN articles ON articles.id = spans.article_id
                    WHERE substr(body, start + 1, end - start) IS NOT exact
                    """)!
            #expect(bad == 0)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM spans")!
        }
    }

    func expectRefused(_ result: CLI.Result, _ message: String, _ cli: CLI, before: String) throws {
        #expect(result.code != 0)
        #expect(result.errLines.count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("error: ") && result.err.contains(message), "\(result.err)")
        #expect(try cli.snapshot() == before)
    }

    // MARK: Files

    @Test func pngIsRefusedAsBinary() throws {
        let (cli, result, before) = try importBytes(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], name: "a.png")
        try expectRefused(result, "a.png: is a binary file", cli, before: before)
    }

    @Test func binaryGarbageIsRefusedAsNotText() throws {
        let (cli, result, before) = try importBytes(
            [0x00, 0x01, 0xFF, 0xFE, 0x02, 0x03, 0x04, 0x05, 0x06, 0x9F], name: "b.txt")
        try expectRefused(result, "b.txt: is not valid UTF-8; expected UTF-8 text", cli, before: before)
    }

    @Test func invalidUTF8TextIsReadAsWindows1252() throws {
        let (cli, result, _) = try importBytes(
            Array("Caf".utf8) + [0xE9, 0x20] + Array("prices rose 5% in 2024.".utf8), name: "c.txt")
        #expect(result.code == 0, "\(result.err)")
        let body = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT body FROM articles WHERE id = 2")!
        }
        #expect(body == "Café prices rose 5% in 2024.")
    }

    @Test func utf16WithByteOrderMarkIsDecoded() throws {
        let text = "Zürich\n\nThe bank said profits rose 12% to $4bn in 2024.\n"
        let (cli, result, _) = try importBytes(
            [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!), name: "d.txt")
        #expect(result.code == 0, "\(result.err)")
        #expect(try expectSpansExact(cli) > 0)
        let title = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT title FROM articles WHERE id = 2")
        }
        #expect(title == "Zürich")
    }

    @Test func nulBytesBecomeReplacementCharacters() throws {
        let (cli, result, _) = try importBytes(
            Array("Headline\n\nThe minister\u{0} said 5,000 people left in 2023.\n".utf8), name: "e.txt")
        #expect(result.code == 0, "\(result.err)")
        let body = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT body FROM articles WHERE id = 2")!
        }
        #expect(body.contains("minister\u{FFFD} said") && !body.contains("\u{0}"))
        try expectSpansExact(cli)
    }

    @Test func crlfLineEndingsAreFolded() throws {
        let text =
            "Headline\r\n\r\nThe ministry said 5,000 people left the country in 2023.\r\nA 2025 study ranked it 3rd out of 10 nations.\r\n"
        let (cli, result, _) = try importBytes(Array(text.utf8), name: "f.txt")
        #expect(result.code == 0)
        let body = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT body FROM articles WHERE id = 2")!
        }
        #expect(!body.contains("\r"))
        #expect(try expectSpansExact(cli) > CLI.seedClaims)
    }

    @Test func longTextWithNoLineBreakImportsWithExactSpans() throws {
        let sentence = "The ministry said about 5,000 engineers left the country in 2023, up 12% on the year before. "
        let text = String(repeating: sentence, count: 300_000 / sentence.utf8.count)
        let (cli, result, _) = try importBytes(Array(text.utf8), name: "long.txt")
        #expect(result.code == 0, "\(result.err)")
        #expect(try expectSpansExact(cli) > 3000)
    }

    @Test func articleOverTheSizeLimitIsRefusedBeforeReading() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let path = cli.directory.appending(path: "huge.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50_000_001)  // sparse: 50 MB + 1 byte, no line break
        try handle.close()
        try expectRefused(
            cli.run("import", path), "huge.txt: is 50.0 MB, more than the 50.0 MB limit for one article", cli,
            before: before)
        let small = try cli.write("small.txt", String(repeating: "Prices rose 5%. ", count: 100_000))
        try expectRefused(
            cli.run("import", small, "--max-article-mb", "1"), "more than the 1.0 MB limit", cli, before: before)
        for limit in ["1e13", "-1", "nan", "inf"] {
            for command in ["import", "extract", "score"] {
                try expectRefused(
                    cli.run(command, small, "--max-article-mb=\(limit)"),
                    "--max-article-mb expects a positive number of megabytes, at most 1000000", cli, before: before)
            }
        }
    }

    // MARK: HTML

    @Test(arguments: [
        ("unclosed", "<html><body><article><p>Exports rose 12% to $4bn<p>Profits fell 8% in 2024<div><span>"),
        ("deep", "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Exports rose 12% to $4bn.</p>"),
        (
            "entities",
            "<html><body><p>" + String(repeating: "&amp;&eacute;&#x1F600;", count: 333_334) + " Exports rose 12%.</p>"
        ),
    ])
    func hostileHTMLImportsWithExactSpans(name: String, html: String) throws {
        let (cli, result, _) = try importBytes(Array(html.utf8), name: "\(name).html")
        #expect(result.code == 0, "\(result.err)")
        try expectSpansExact(cli)
    }

    @Test func htmlWithoutABodyIsEmpty() throws {
        let (cli, result, before) = try importBytes(
            Array("<html><head><title>Nothing</title></head></html>".utf8), name: "nobody.html")
        try expectRefused(result, "nobody.html", cli, before: before)
    }

    // MARK: Text that stresses spans

    @Test func combiningMarksEmojiRightToLeftAndSpacesKeepSpansExact() throws {
        let text = """
            Ce\u{301}line\u{A0}Dion’s tour sold 👩‍👩‍👧‍👦 1.2 million tickets in 2024, up 15%.
            قال الوزير إن 5,000 شخص غادروا البلاد في 2023. The ministry said “about 5,000 people left”.
            A 2025 study ranked Israel\u{200F} 3rd out of 10 nations\u{202E} in AI.\u{202C} 🇺🇦 banned X and Telegram.
            """
        let (cli, result, _) = try importBytes(Array(text.utf8), name: "unicode.txt")
        #expect(result.code == 0, "\(result.err)")
        #expect(try expectSpansExact(cli) > CLI.seedClaims)
    }

    // MARK: Numbers

    @Test func oddNumbersAreReadOrLeftAloneNeverCrash() throws {
        let text = """
            Odd numbers

            The survey counted 1,00,000 voters. A value of 10^400 was quoted. Version 1.2.3 shipped.
            The fee was $-5 per visit. About ½ of them left. Some 3 1/2 million people voted.
            Exports were 1e309 dollars. The index fell 0.0000001%. 99999999999999999999999 people.
            """
        let (cli, result, _) = try importBytes(Array(text.utf8), name: "numbers.txt")
        #expect(result.code == 0, "\(result.err)")
        try expectSpansExact(cli)
        let claims = try jsonLines(cli.run("list", "--article", "2", "--format", "ndjson").out)
        for claim in claims {
            guard let value = (claim["fields"] as? [String: Any])?["value"] else { continue }
            let number = try #require(value as? NSNumber, "value \(value) is a number")
            #expect(number.doubleValue.isFinite)
        }
    }

    // MARK: Arguments

    @Test func sqlLookingTextIsStoredLiterally() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let sql = "'); DROP TABLE claims; --"
        // A URL holds no spaces (WebLink refuses them): the SQL rides in its query, percent-encoded.
        let url = "https://x.example/?q=');DROP%20TABLE%20claims;--"
        let result = cli.run(
            "review", "1", "disputed", "--reviewer", sql, "--note", sql, "--source", url, "--title", sql, "--quote", sql
        )
        #expect(result.code == 0, "\(result.err)")
        let history = try jsonLines(cli.run("history", "1", "--format", "ndjson").out)
        #expect(history.first?["reviewer"] as? String == sql)
        #expect(history.first?["note"] as? String == sql)
        let source = (history.first?["sources"] as? [[String: Any]])?.first
        #expect(source?["title"] as? String == sql && source?["quote"] as? String == sql)
        #expect(source?["url"] as? String == url)
        #expect(cli.run("list", "--reviewer", sql, "--format", "ndjson").out.contains("\"id\":1"))
        #expect(cli.run("list", "--search", sql).code != 0)
        #expect(cli.run("topics", "add", "x", "--name", sql, "--keyword", sql).code == 0)
        #expect(try jsonLines(cli.run("list", "--format", "ndjson").out).count == CLI.seedClaims)
    }

    // MARK: Databases

    @Test func randomBytesAreNotADatabase() throws {
        let cli = try CLI()
        let junk = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        try junk.write(to: URL(fileURLWithPath: cli.database))
        let result = cli.run("list")
        #expect(result.code != 0)
        #expect(result.err.hasPrefix("error: cannot open \(cli.database) as a ClaimLedger database"), "\(result.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == junk)
    }

    static let canMakeImmutable: Bool = {
        let path = FileManager.default.temporaryDirectory.appending(path: "chattr-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
        defer {
            _ = try? run("/usr/bin/chattr", ["-i", path])
            try? FileManager.default.removeItem(atPath: path)
        }
        return (try? run("/usr/bin/chattr", ["+i", path])) == 0
    }()

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMakeImmutable, "needs chattr on this file system (root bypasses file modes)"))
    func databaseThatIsNotWritableIsRefusedClearly() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        try Self.run("/usr/bin/chattr", ["+i", cli.database])
        defer { _ = try? Self.run("/usr/bin/chattr", ["-i", cli.database]) }
        let result = cli.run("review", "1", "verified")
        #expect(result.code != 0)
        #expect(result.errLines.count == 1)
        #expect(
            result.err.contains("\(cli.database) is not writable")
                || result.err.contains("cannot open \(cli.database)"), "\(result.err)")
        try Self.run("/usr/bin/chattr", ["-i", cli.database])
        #expect(try cli.snapshot() == before)
    }

    @Test func databaseLockedLongerThanTheBusyTimeoutIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "claims-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appending(path: "claims.sqlite").path
        #expect(try BinaryTests().run(["import", "--db", database, CLI.seedArticle], in: directory).code == 0)
        // Another process holds the write lock for longer than the 1 s timeout.
        let holder = try DatabaseQueue(path: database)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let result = try BinaryTests().run(
                ["review", "--db", database, "1", "verified"], in: directory, environment: ["CLAIMS_BUSY_TIMEOUT": "1"])
            #expect(result.code != 0)
            #expect(
                result.err == "error: \(database) is locked by another process for longer than the 1 s busy timeout; "
                    + "try again when it is done (or raise CLAIMS_BUSY_TIMEOUT)\n")
        }
        let reviews = try holder.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews") }
        #expect(reviews == 0)
    }
}
