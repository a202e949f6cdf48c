import ClaimCore
import ClaimsCLI
import Foundation
import GRDB
import Testing

/// Importing what newsrooms really have: web pages, Markdown, JSON lines, folders, new versions.
@Suite struct ImportTests {
    static let seedHTML = CLI.repository.appending(path: "Tests/ArticleImportTests/Fixtures/russia-tech-winter.html")
        .path

    struct Claim: Decodable, Hashable {
        var kind: String
        var text: String
        var fields: [String: JSONValue]
    }

    func claims(_ cli: CLI, _ file: String) throws -> [Claim] {
        let result = cli.run("extract", "--format", "ndjson", file)
        #expect(result.code == 0, "\(result.err)")
        return try result.out.split(separator: "\n").map { try JSONDecoder().decode(Claim.self, from: Data($0.utf8)) }
    }

    @Test func savedWebPageImportsWithMetadataAndTheSameClaimsAsItsText() throws {
        let cli = try CLI()
        #expect(cli.run("import", Self.seedHTML).code == 0)
        let shown = cli.run("articles", "show", "1", "--format", "json")
        let detail = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as! [String: Any]
        let article = detail["article"] as! [String: Any]
        #expect(article["title"] as? String == "Putin’s Technophobia: How Russia Fell Behind in the AI Race")
        #expect(article["author"] as? String == "Chief Editor")
        #expect(article["published"] as? String == "2025-12-03T08:15:00+00:00")
        #expect(article["url"] as? String == "https://news.example.org/2025/12/putins-technophobia-russia-ai-race/")
        let body = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT body FROM articles")!
        }
        for chrome in [
            "You may also like", "Leave a Comment", "Subscribe", "Related", "Advertisement", "All rights reserved",
        ] {
            #expect(!body.localizedCaseInsensitiveContains(chrome), "page chrome “\(chrome)” in the body")
        }
        #expect(body.contains("approximately 100,000 IT professionals – roughly 10% of Russia’s tech workforce"))
        #expect(try claims(cli, Self.seedHTML) == claims(cli, CLI.seedArticle))
    }

    @Test func markdownAndJSONLinesCarryTheirMetadata() throws {
        let cli = try CLI()
        let markdown = try cli.write(
            "note.md",
            "---\ntitle: Exodus\nauthor: Ana Ruiz\ndate: 2024-05-01\nurl: https://example.org/exodus\npublisher: Example Times\n---\n# Heading\n\nAbout 5,000 engineers left the country in 2023.\n"
        )
        let feed = try cli.write(
            "feed.jsonl",
            """
            {"title": "One", "body": "The ministry banned Telegram and Signal in 2024.", "url": "https://example.org/1", "author": "A", "published": "2024-01-02", "publisher": "P"}
            {"title": "Two", "html": "<html><body><article><p>Exports rose 12% to $4bn last year.</p></article></body></html>", "url": "https://example.org/2"}
            {"title": "Broken", "body": "unterminated
            {"title": "Three", "body": "Unemployment fell to 4.1% in March.", "url": "https://example.org/3"}

            """)
        let result = cli.run("import", markdown, feed)
        #expect(result.code != 0, "a broken line is a failure the exit code reports")
        #expect(result.err.contains("feed.jsonl line 3"))
        #expect(result.err.contains("imported 4, unchanged 0, updated 0, failed 1"))
        let list = try jsonLines(cli.run("articles", "list", "--format", "ndjson").out)
        #expect(list.map { $0["title"] as! String } == ["Exodus", "One", "Two", "Three"])
        #expect(list[0]["author"] as? String == "Ana Ruiz")
        #expect(list[0]["publisher"] as? String == "Example Times")
        #expect(list[0]["published"] as? String == "2024-05-01")
        #expect(list[1]["url"] as? String == "https://example.org/1")
        #expect(list[1]["published"] as? String == "2024-01-02")
        #expect(list[2]["claims"] as! Int >= 1)
    }

    @Test func aLongFeedIsStreamedWithEveryLineAccountedFor() throws {
        let cli = try CLI()
        // Past one batch and one read chunk; one line over the size limit, one in Windows-1252,
        // blank and white-space lines between.
        var lines: [[UInt8]] = (1...300).map { index in
            Array(
                #"{"title": "T\#(index)", "body": "Exports rose \#(index)% to $4bn in 2023.", "url": "https://example.org/\#(index)"}"#
                    .utf8)
        }
        lines[99] =
            Array(#"{"title": "Huge", "body": ""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 2_100_000)
            + Array(#""}"#.utf8)
        lines[199] =
            Array(#"{"title": "Caf"#.utf8) + [0xE9] + Array(#"", "body": "Caf"#.utf8) + [0xE9]
            + Array(#" prices rose 8% in 2023."}"#.utf8)
        lines.insert([], at: 50)
        lines.insert(Array("  \t\r".utf8), at: 150)
        let path = cli.directory.appending(path: "feed.jsonl").path
        try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: URL(fileURLWithPath: path))

        let result = cli.run("import", path, "--max-article-mb", "1", "--format", "ndjson")
        #expect(result.code != 0)
        #expect(result.err.contains("feed.jsonl line 101: is 2.1 MB, more than the 1.0 MB limit"), "\(result.err)")
        #expect(result.err.contains("imported 299, unchanged 0, updated 0, failed 1"))
        let rows = try jsonLines(result.out)
        #expect(rows.count == 299)
        #expect(rows.last?["source"] as? String == "\(path) line 302")
        let titles = try jsonLines(cli.run("articles", "list", "--format", "ndjson").out).map { $0["title"] as! String }
        #expect(titles.count == 299 && titles.contains("Café") && !titles.contains("Huge"))

        // Again: everything unchanged, in every output format.
        let json = cli.run("import", path, "--max-article-mb", "1", "--format", "json")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 299 && decoded?.allSatisfy { $0["status"] as? String == "unchanged" } == true)
        let table = cli.run("import", path, "--max-article-mb", "1").out.split(separator: "\n")
        #expect(table.first?.hasPrefix("STATUS     ARTICLE  VERSION  CLAIMS  SOURCE") == true)
        #expect(table.count == 300)
        let csv = cli.run("import", path, "--max-article-mb", "1", "--format", "csv").out
        #expect(csv.hasPrefix("status,article,version,claims,source\r\n") && csv.split(separator: "\r\n").count == 300)
    }

    @Test func foldersAreWalkedAndGlobNarrowsThem() throws {
        let cli = try CLI()
        let folder = cli.directory.appending(path: "desk")
        try FileManager.default.createDirectory(at: folder.appending(path: "sub"), withIntermediateDirectories: true)
        try "Alpha\n\nAbout 300 jobs were cut in 2021.\n".write(
            to: folder.appending(path: "a.txt"), atomically: true, encoding: .utf8)
        try "<html><body><p>Profits fell 8% to £2m.</p></body></html>".write(
            to: folder.appending(path: "sub/b.html"), atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]).write(to: folder.appending(path: "sub/picture.png"))
        try "Hidden\n\n9 out of 10 is hidden.\n".write(
            to: folder.appending(path: ".hidden.txt"), atomically: true, encoding: .utf8)

        let narrowed = cli.run("import", folder.path, "--glob", "*.html")
        #expect(narrowed.code == 0, "\(narrowed.err)")
        #expect(narrowed.err.contains("imported 1, unchanged 0"))
        let all = cli.run("import", folder.path)
        #expect(all.code == 0, "\(all.err)")
        #expect(all.err.contains("imported 1, unchanged 1, updated 0, failed 0"))
        #expect(all.err.contains("skipped 1 files that are not text"))
        let again = cli.run("import", folder.path)
        #expect(again.err.contains("imported 0, unchanged 2, updated 0, failed 0"))
    }

    @Test func flagsOverrideMetadata() throws {
        let cli = try CLI()
        let result = cli.run(
            "import", CLI.seedArticle, "--title", "Tech winter", "--url", "https://example.org/tw", "--author", "Desk",
            "--published", "2025-12-03", "--publisher", "Example")
        #expect(result.code == 0)
        let article = try #require(try jsonLines(cli.run("articles", "list", "--format", "ndjson").out).first)
        #expect(article["title"] as? String == "Tech winter")
        #expect(article["url"] as? String == "https://example.org/tw")
        #expect(article["author"] as? String == "Desk")
        #expect(article["published"] as? String == "2025-12-03")
        #expect(article["publisher"] as? String == "Example")
    }

    /// The seed article re-imported with one paragraph edited and another removed.
    @Test func newVersionKeepsReviewsReanchorsSpansAndOrphansWhatIsGone() throws {
        let cli = try CLI()
        let original = try String(contentsOfFile: CLI.seedArticle, encoding: .utf8)
        let path = try cli.write("tech-winter.txt", original)
        #expect(cli.run("import", path).code == 0)
        let before = try jsonLines(cli.run("list", "--format", "ndjson").out)
        func id(containing text: String) throws -> Int {
            try #require(before.first { ($0["text"] as! String).contains(text) })["id"] as! Int
        }
        let ranking = try id(containing: "ranked Russia 28th")  // in the edited paragraph, unchanged sentence
        let ban = try id(containing: "banning platforms")  // in the removed paragraph
        let figure = try id(containing: "100,000 IT professionals")  // untouched paragraph
        for claim in [ranking, ban, figure] {
            #expect(cli.run("review", "\(claim)", "disputed", "--reviewer", "ana", "--note", "n\(claim)").code == 0)
        }
        let edited =
            original
            .replacingOccurrences(
                of: "This disconnect isn’t merely anecdotal.",
                with: "This disconnect is far from anecdotal, critics say."
            )
            .replacingOccurrences(
                of:
                    "Putin’s administration has actively curtailed internet freedom within Russia, banning platforms like Instagram, YouTube, Facebook, and X (formerly Twitter). Recent legislative proposals aim to further expand the powers of the FSB (Federal Security Service) to control communication, raising concerns about increased censorship and surveillance. This environment of control doesn’t foster innovation; it stifles it.\n\n",
                with: "")
        #expect(edited != original)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let update = cli.run("import", path)
        #expect(update.code == 0, "\(update.err)")
        #expect(update.out.contains("updated"))
        #expect(update.err.contains("is version 2"))

        let queue = try DatabaseQueue(path: cli.database)
        let bad = try queue.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM spans JOIN articles ON articles.id = spans.article_id
                    WHERE substr(body, start + 1, end - start) IS NOT exact
                    """)!
        }
        #expect(bad == 0)
        for claim in [ranking, figure] {
            let shown =
                try JSONSerialization.jsonObject(with: Data(cli.run("show", "\(claim)", "--format", "json").out.utf8))
                as! [String: Any]
            let view = shown["claim"] as! [String: Any]
            #expect(view["articleVersion"] as? Int == 2, "claim \(claim) moved to version 2")
            #expect(view["orphaned"] as? Bool == false)
            #expect(view["status"] as? String == "disputed")
            #expect((view["reviews"] as! [[String: Any]]).first?["note"] as? String == "n\(claim)")
        }
        let orphan =
            try JSONSerialization.jsonObject(with: Data(cli.run("show", "\(ban)", "--format", "json").out.utf8))
            as! [String: Any]
        let orphanView = orphan["claim"] as! [String: Any]
        #expect(orphanView["orphaned"] as? Bool == true)
        #expect(orphanView["articleVersion"] as? Int == 1)
        #expect(orphanView["status"] as? String == "disputed")
        #expect(cli.run("show", "\(ban)").out.contains("Orphaned:"))
        let versions = cli.run("articles", "show", "1").out
        #expect(versions.contains("Version 1 of 2 (newest is article 2, version 2)"))
        // The document's claims are all still listed under its first id.
        #expect(try jsonLines(cli.run("list", "--article", "1", "--format", "ndjson").out).count >= before.count - 1)
    }
}
