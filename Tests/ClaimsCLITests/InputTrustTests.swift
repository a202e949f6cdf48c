import ClaimCore
import ClaimStore
import ClaimsCLI
import Foundation
import Testing

/// Links and dates a user gives are checked before anything is stored; a page's metadata that is
/// wrong is left out with a warning and the import goes on.
@Suite struct InputTrustTests {
    /// A command on a database holding the seed article, given the CLI to write its files.
    typealias Case = (name: String, arguments: @Sendable (CLI) throws -> [String], message: String)

    static let refused: [Case] = [
        (
            "javascript: source", { _ in ["review", "1", "verified", "--source", "javascript:alert(1)"] },
            "--source 'javascript:alert(1)' is not an http(s) URL: its scheme is 'javascript' (expected http or https)"
        ),
        (
            "data: source", { _ in ["review", "1", "verified", "--source", "data:text/html;base64,PHNjcmlwdD4="] },
            "--source 'data:text/html;base64,PHNjcmlwdD4=' is not an http(s) URL: its scheme is 'data'"
        ),
        (
            "file: source", { _ in ["review", "1", "disputed", "--source", "file:///etc/passwd"] },
            "--source 'file:///etc/passwd' is not an http(s) URL: its scheme is 'file'"
        ),
        (
            "relative source", { _ in ["review", "1", "verified", "--source", "/reports/2025.pdf"] },
            "--source '/reports/2025.pdf' is not an http(s) URL: it has no scheme"
        ),
        (
            "source with a space", { _ in ["review", "1", "verified", "--source", "https://ex.org/a b"] },
            "--source 'https://ex.org/a b' is not an http(s) URL: it contains spaces"
        ),
        (
            "second source bad",
            { _ in ["review", "1", "verified", "--source", "https://ex.org/a", "--source=javascript:x"] },
            "--source 'javascript:x' is not an http(s) URL"
        ),
        (
            "source with an escape sequence",
            { _ in ["review", "1", "verified", "--source", "https://ex.org/\u{1B}[2J"] },
            "--source 'https://ex.org/\\u{1B}[2J' is not an http(s) URL"
        ),
        (
            "javascript: --url",
            { cli in ["import", try cli.write("a.txt", Self.article), "--url", "javascript:alert(1)"] },
            "--url 'javascript:alert(1)' is not an http(s) URL: its scheme is 'javascript'"
        ),
        (
            "schemeless --url",
            { cli in ["import", try cli.write("a.txt", Self.article), "--url", "www.example.org/a"] },
            "--url 'www.example.org/a' is not an http(s) URL: it has no scheme"
        ),
        (
            "impossible --published",
            { cli in ["import", try cli.write("a.txt", Self.article), "--published", "2024-02-30"] },
            "--published '2024-02-30' is not a date: there is no 30 February 2024 (it has 29 days); "
                + "expected a date such as 2025-12-03, 2025-12-03T08:15:00Z, 2025-12-03T08:15:00+01:00 "
                + "or Wed, 03 Dec 2025 08:15:00 GMT"
        ),
        (
            "unreadable --published",
            { cli in ["import", try cli.write("a.txt", Self.article), "--published", "03/12/2025"] },
            "--published '03/12/2025' is not a date: it is not a date in a known form; expected a date such as"
        ),
        (
            "hour 25 --published",
            { cli in ["import", try cli.write("a.txt", Self.article), "--published", "2025-12-03T25:00:00Z"] },
            "--published '2025-12-03T25:00:00Z' is not a date: hour 25 is out of range (00-23)"
        ),
        (
            "JSON lines body a number",
            { cli in ["import", try cli.write("feed.jsonl", #"{"title": "T", "body": 42}"#)] },
            #"feed.jsonl line 1: "body" must be a string, got number"#
        ),
        (
            "JSON lines title an array",
            { cli in ["import", try cli.write("feed.jsonl", #"{"title": ["T"], "body": "\#(Self.article)"}"#)] },
            #"feed.jsonl line 1: "title" must be a string, got array"#
        ),
        (
            "JSON lines null author",
            { cli in ["import", try cli.write("feed.jsonl", #"{"author": null, "body": "\#(Self.article)"}"#)] },
            #"feed.jsonl line 1: "author" must be a string, got null"#
        ),
        (
            "JSON lines object url",
            { cli in ["import", try cli.write("feed.jsonl", #"{"url": {"href": "x"}, "body": "\#(Self.article)"}"#)] },
            #"feed.jsonl line 1: "url" must be a string, got object"#
        ),
        (
            "JSON lines javascript: url",
            { cli in
                ["import", try cli.write("feed.jsonl", #"{"url": "javascript:alert(1)", "body": "\#(Self.article)"}"#)]
            },
            #"feed.jsonl line 1: "url" 'javascript:alert(1)' is not an http(s) URL: its scheme is 'javascript'"#
        ),
        (
            "JSON lines boolean date",
            { cli in ["import", try cli.write("feed.jsonl", #"{"published": true, "body": "\#(Self.article)"}"#)] },
            #"feed.jsonl line 1: "published" must be a string, got boolean"#
        ),
        (
            "front matter javascript: url",
            { cli in ["import", try cli.write("a.md", "---\nurl: javascript:alert(1)\n---\n\(Self.article)\n")] },
            #"a.md: front matter "url" 'javascript:alert(1)' is not an http(s) URL: its scheme is 'javascript'"#
        ),
        (
            "front matter impossible date",
            { cli in ["import", try cli.write("a.md", "---\ndate: 2025-11-31\n---\n\(Self.article)\n")] },
            #"a.md: front matter "date" '2025-11-31' is not a date: there is no 31 November 2025 (it has 30 days)"#
        ),
        (
            "front matter unreadable published",
            { cli in ["import", try cli.write("a.md", "---\npublished: next week\n---\n\(Self.article)\n")] },
            #"a.md: front matter "published" 'next week' is not a date: it is not a date in a known form"#
        ),
    ]

    static let article = "The ministry said 5,000 engineers left the country in 2023."

    @Test(arguments: refused.indices)
    func badLinksDatesAndTypesAreOneClearLineAndChangeNothing(index: Int) throws {
        let (name, arguments, message) = Self.refused[index]
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let result = cli.run(try arguments(cli))
        #expect(result.code != 0, "\(name): exit code")
        #expect(result.errLines.count == 1, "\(name): \(result.err)")
        #expect(result.err.hasPrefix("error: "), "\(name): \(result.err)")
        #expect(result.err.contains(message), "\(name): \(result.err)")
        #expect(result.out.isEmpty, "\(name): printed data \(result.out)")
        #expect(try cli.snapshot() == before, "\(name) changed the database")
    }

    @Test func aBadURLOnANewDatabaseCreatesNothing() throws {
        let cli = try CLI()
        let path = try cli.write("a.txt", Self.article)
        let result = cli.run("import", path, "--url", "javascript:alert(1)")
        #expect(result.code != 0)
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func goodLinksAndDatesAreStoredNormalised() throws {
        let cli = try CLI()
        let path = try cli.write("a.txt", Self.article)
        let imported = cli.run(
            "import", path, "--url", "  https://example.org/a  ", "--published", "Tue, 03 Dec 2025 08:15:00 +0100")
        #expect(imported.code == 0, "\(imported.err)")
        let article = try #require(try jsonLines(cli.run("articles", "list", "--format", "ndjson").out).first)
        #expect(article["url"] as? String == "https://example.org/a")
        #expect(article["published"] as? String == "2025-12-03T08:15:00+01:00")

        let reviewed = cli.run("review", "1", "verified", "--source", " https://stats.example.org/2023 ")
        #expect(reviewed.code == 0, "\(reviewed.err)")
        let history = cli.run("history", "1", "--format", "json")
        #expect(history.out.contains("https://stats.example.org/2023"))
        #expect(!history.out.contains(" https://stats.example.org/2023 "))
    }

    @Test func aBadLineAmongGoodOnesIsNamedAndTheOthersImport() throws {
        let cli = try CLI()
        let feed = try cli.write(
            "feed.jsonl",
            """
            {"title": "One", "body": "Exports rose 12% to $4bn in 2023.", "published": "2024-01-02"}
            {"title": "Two", "body": 12}
            {"title": "Three", "body": "Unemployment fell to 4.1% in March.", "published": "March 3, 2024"}
            {"title": "Four", "body": "Prices rose 3% in 2024.", "url": "javascript:alert(1)"}

            """)
        let result = cli.run("import", feed)
        #expect(result.code != 0)
        #expect(result.err.contains(#"line 2: "body" must be a string, got number"#), "\(result.err)")
        #expect(result.err.contains(#"line 4: "url" 'javascript:alert(1)' is not an http(s) URL"#), "\(result.err)")
        #expect(result.err.contains("imported 2, unchanged 0, updated 0, failed 2"), "\(result.err)")
        let articles = try jsonLines(cli.run("articles", "list", "--format", "ndjson").out)
        #expect(Set(articles.compactMap { $0["published"] as? String }) == ["2024-01-02", "2024-03-03"])
    }

    @Test func pageMetadataThatIsWrongIsLeftOutWithAWarningAndTheImportGoesOn() throws {
        let cli = try CLI()
        let page = try cli.write(
            "page.html",
            """
            <html><head><link rel="canonical" href="javascript:alert(1)">
            <meta property="og:url" content="data:text/html,x">
            <meta property="article:published_time" content="2024-02-30T08:00:00Z">
            <title>Story</title></head>
            <body><article><p>\(Self.article)</p></article></body></html>
            """)
        let result = cli.run("import", page)
        #expect(result.code == 0, "\(result.err)")
        let warnings = result.errLines.filter { $0.hasPrefix("warning: ") }
        #expect(
            warnings == [
                #"warning: \#(page): <link rel="canonical"> 'javascript:alert(1)' left out: not an http(s) link (its scheme is 'javascript' (expected http or https))"#,
                "warning: \(page): meta og:url 'data:text/html,x' left out: not an http(s) link (its scheme is 'data' (expected http or https))",
                "warning: \(page): meta article:published_time '2024-02-30T08:00:00Z' left out: not a date (there is no 30 February 2024 (it has 29 days))",
            ])
        #expect(result.err.contains("imported 1, unchanged 0, updated 0, failed 0"))
        let article = try #require(try jsonLines(cli.run("articles", "list", "--format", "ndjson").out).first)
        #expect(article["url"] as? String == nil)
        #expect(article["published"] as? String == nil)
        #expect(article["title"] as? String == "Story")
    }

    @Test func aFeedDateThatIsNotADateIsLeftOutWithAWarningAndTheArticleImported() throws {
        let cli = try CLI()
        let feed = try cli.write(
            "feed.jsonl",
            #"{"published": "2023-02-29", "title": "One", "body": "\#(Self.article)"}"# + "\n"
                + #"{"published": "Wed, 03 Dec 2025 08:15:00 GMT", "title": "Two", "body": "\#(Self.article) Two."}"#
                + "\n")
        let result = cli.run("import", feed)
        #expect(result.code == 0, "\(result.err)")
        #expect(
            result.errLines.filter { $0.hasPrefix("warning: ") } == [
                #"warning: \#(feed) line 1: "published" '2023-02-29' left out: not a date (there is no 29 February 2023 (it has 28 days))"#
            ])
        #expect(result.err.contains("imported 2, unchanged 0, updated 0, failed 0"))
        let articles = try jsonLines(cli.run("articles", "list", "--format", "ndjson").out)
        let published = Dictionary(
            uniqueKeysWithValues: articles.compactMap { article in
                (article["title"] as? String).map { ($0, article["published"] as? String ?? "none") }
            })
        #expect(published == ["One": "none", "Two": "2025-12-03T08:15:00Z"])
    }

    @Test func pageDatesInRFC2822AreStoredInISO8601() throws {
        let cli = try CLI()
        let page = try cli.write(
            "page.html",
            """
            <html><head><meta property="article:published_time" content="Wed, 03 Dec 2025 08:15:00 EST">
            <link rel="canonical" href="https://news.example.org/a"></head>
            <body><article><p>\(Self.article)</p></article></body></html>
            """)
        let result = cli.run("import", page)
        #expect(result.code == 0, "\(result.err)")
        #expect(!result.err.contains("warning"))
        let article = try #require(try jsonLines(cli.run("articles", "list", "--format", "ndjson").out).first)
        #expect(article["published"] as? String == "2025-12-03T08:15:00-05:00")
        #expect(article["url"] as? String == "https://news.example.org/a")
    }
}

/// The store refuses what the command line would have refused, for callers that do not check.
@Suite struct StoreLinkGuardTests {
    @Test func aReviewSourceThatIsNotALinkIsRefusedAndNothingIsStored() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let store = try ClaimDatabase(path: cli.database, create: false)
        #expect(
            throws: ClaimStoreError.notALink(
                field: "source", value: "javascript:alert(1)", problem: .scheme("javascript"))
        ) {
            try store.review(
                claimId: 1, verdict: .verified, reviewer: "r", note: nil,
                sources: [EvidenceSource(url: "https://ex.org/ok"), EvidenceSource(url: "javascript:alert(1)")])
        }
        #expect(throws: ClaimStoreError.self) {
            try store.review(
                claimId: 1, verdict: .verified, reviewer: "r", note: nil,
                sources: [EvidenceSource(url: " https://ex.org ")])
        }
        #expect(try cli.snapshot() == before)
    }

    @Test func anArticleURLThatIsNotALinkCannotBePrepared() throws {
        let article = ArticleDraft(source: "a.txt", title: "T", body: "Text.", url: "data:text/html,x")
        #expect(
            throws: ClaimStoreError.notALink(field: "article URL", value: "data:text/html,x", problem: .scheme("data"))
        ) {
            try PreparedArticle(article, claims: [])
        }
        #expect(throws: Never.self) {
            try PreparedArticle(
                ArticleDraft(source: "a.txt", title: "T", body: "Text.", url: "https://ex.org/a"), claims: [])
        }
    }
}
