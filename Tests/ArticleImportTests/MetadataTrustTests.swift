import ArticleImport
import ClaimCore
import Foundation
import Testing

/// Links and dates in what is read: an author's own (front matter, JSON lines members) must be
/// right or the article is refused; a page's metadata that is wrong is left out with a warning.
@Suite struct MetadataTrustTests {
    static func readPage(_ html: String) throws -> (ArticleDraft, [ImportWarning]) {
        var warnings: [ImportWarning] = []
        let article = try HTMLReader().read(html, source: "page.html") { warnings.append($0) }
        return (article, warnings)
    }

    @Test(
        arguments: [
            // (page, url kept, fields warned about)
            (
                #"<link rel="canonical" href="javascript:alert(1)"><p>Text.</p>"#, nil as String?,
                [#"<link rel="canonical">"#]
            ),
            (
                #"<link rel="canonical" href="/news/story"><meta property="og:url" content="https://ex.org/og"><p>Text.</p>"#,
                "https://ex.org/og", [#"<link rel="canonical">"#]
            ),
            (
                #"<meta property="og:url" content="data:text/html;base64,PHNjcmlwdD4="><script type="application/ld+json">{"@type":"NewsArticle","url":"file:///etc/passwd"}</script><p>Text.</p>"#,
                nil, ["meta og:url", "JSON-LD url"]
            ),
            (#"<link rel="canonical" href=" https://ex.org/c "><p>Text.</p>"#, "https://ex.org/c", []),
        ] as [(String, String?, [String])])
    func pageLinksThatAreNotHTTPAreLeftOutWithAWarning(page: String, url: String?, warned: [String]) throws {
        let (article, warnings) = try Self.readPage(page)
        #expect(article.url == url)
        #expect(warnings.map(\.field) == warned)
        #expect(article.body == "Text.")
    }

    @Test(
        arguments: [
            // (page, date kept, fields warned about)
            (
                #"<meta property="article:published_time" content="2024-02-30T10:00:00Z"><p>Text.</p>"#, nil as String?,
                ["meta article:published_time"]
            ),
            (
                #"<meta property="article:published_time" content="last Tuesday"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Tue, 03 Dec 2025 08:15:00 GMT"}</script><p>Text.</p>"#,
                "2025-12-03T08:15:00Z", ["meta article:published_time"]
            ),
            (#"<p>Text. <time datetime="2025-13-01">soon</time></p>"#, nil, ["<time datetime>"]),
            (#"<meta property="article:published_time" content="3 December 2025"><p>Text.</p>"#, "2025-12-03", []),
        ] as [(String, String?, [String])])
    func pageDatesThatAreNotDatesAreLeftOutWithAWarning(page: String, published: String?, warned: [String]) throws {
        let (article, warnings) = try Self.readPage(page)
        #expect(article.published == published)
        #expect(warnings.map(\.field) == warned)
    }

    @Test func aWarningNamesTheFieldTheValueAndWhy() throws {
        let (_, warnings) = try Self.readPage(#"<link rel="canonical" href="javascript:alert(1)"><p>Text.</p>"#)
        #expect(
            warnings.map(\.description) == [
                #"<link rel="canonical"> 'javascript:alert(1)' left out: not an http(s) link "#
                    + "(its scheme is 'javascript' (expected http or https))"
            ])
    }

    @Test(arguments: [
        ("url: javascript:alert(1)", #"a.md: front matter "url" 'javascript:alert(1)' is not an http(s) URL"#),
        ("url: /relative/path", #"a.md: front matter "url" '/relative/path' is not an http(s) URL"#),
        ("date: 2024-02-30", #"a.md: front matter "date" '2024-02-30' is not a date: there is no 30 February 2024"#),
        ("published: someday", #"a.md: front matter "published" 'someday' is not a date"#),
    ])
    func frontMatterLinksAndDatesMustBeRight(line: String, message: String) {
        let text = "---\ntitle: T\n\(line)\n---\nAbout 5,000 engineers left in 2023.\n"
        #expect {
            try MarkdownReader().read(text, source: "a.md")
        } throws: { error in
            (error as? LocalizedError)?.errorDescription?.hasPrefix(message) == true
        }
    }

    @Test func frontMatterDatesAreNormalised() throws {
        let text = "---\ndate: Tue, 03 Dec 2025 08:15:00 +0100\nurl: ' https://ex.org/a '\n---\nText.\n"
        let article = try MarkdownReader().read(text, source: "a.md")
        #expect(article.published == "2025-12-03T08:15:00+01:00")
        #expect(article.url == "https://ex.org/a")
    }

    @Test(arguments: [
        (#"{"title": "T", "body": 42}"#, "body", "number"),
        (#"{"title": ["a"], "body": "Text."}"#, "title", "array"),
        (#"{"title": "T", "body": {"text": "x"}}"#, "body", "object"),
        (#"{"title": null, "body": "Text."}"#, "title", "null"),
        (#"{"body": "Text.", "url": true}"#, "url", "boolean"),
        (#"{"body": "Text.", "published": 20251203}"#, "published", "number"),
        (#"{"body": "Text.", "author": ["A", "B"]}"#, "author", "array"),
        (#"{"body": "Text.", "publisher": null}"#, "publisher", "null"),
        (#"{"html": 1}"#, "html", "number"),
    ])
    func membersOfTheWrongTypeNameTheLineFieldAndType(line: String, field: String, got: String) {
        let result = JSONLinesReader().article(Array(line.utf8), source: "feed.jsonl", line: 3)
        #expect(throws: JSONLinesError.wrongType(source: "feed.jsonl", line: 3, field: field, got: got)) {
            try result.get()
        }
        let message = #"feed.jsonl line 3: "\#(field)" must be a string, got \#(got)"#
        if case .failure(let error) = result { #expect(error.errorDescription == message) }
    }

    @Test func membersTheReaderDoesNotUseMayBeAnyType() throws {
        let line = #"{"id": 7, "tags": ["a"], "meta": null, "title": "T", "body": "Text."}"#
        let article = try JSONLinesReader().article(Array(line.utf8), source: "feed.jsonl", line: 1).get()
        #expect(article.title == "T")
        #expect(article.body == "Text.")
    }

    @Test(arguments: [
        (
            #"{"body": "Text.", "url": "javascript:alert(1)"}"#,
            #"feed.jsonl line 2: "url" 'javascript:alert(1)' is not an http(s) URL"#
        ),
        (
            #"{"body": "Text.", "url": "example.org/a"}"#,
            #"feed.jsonl line 2: "url" 'example.org/a' is not an http(s) URL"#
        ),
    ])
    func lineLinksAndDatesMustBeRight(line: String, message: String) {
        let result = JSONLinesReader().article(Array(line.utf8), source: "feed.jsonl", line: 2)
        guard case .failure(let error) = result else {
            Issue.record("read \(line)")
            return
        }
        #expect(error.errorDescription?.hasPrefix(message) == true, "\(error.errorDescription ?? "")")
        #expect(error.line == 2)
    }

    /// A feed's date is found, not given: one that is not a date leaves the article's date empty
    /// (or the page's own) with a warning naming the member, and the article is read.
    @Test(arguments: [
        ("2024-02-30", "not a date (there is no 30 February 2024 (it has 29 days))"),
        ("31/12/2024", "not a date (it is not a date in a known form"),
    ])
    func aFeedDateThatIsNotADateIsLeftOutWithAWarning(date: String, problem: String) throws {
        let line = #"{"body": "Text.", "published": "\#(date)"}"#
        var warnings: [ImportWarning] = []
        let article = try JSONLinesReader().article(Array(line.utf8), source: "feed.jsonl", line: 2) {
            warnings.append($0)
        }.get()
        #expect(article.published == nil)
        #expect(article.body == "Text.")
        #expect(warnings.map(\.field) == [#""published""#])
        #expect(warnings.first?.description.hasPrefix(#""published" '\#(date)' left out: \#(problem)"#) == true)
        // The page's own date stands in for the feed's.
        let page =
            #"{"published": "\#(date)", "#
            + #""html": "<meta property='article:published_time' content='2025-12-03'><p>Text.</p>"}"#
        let fromPage = try JSONLinesReader().article(Array(page.utf8), source: "feed.jsonl", line: 3).get()
        #expect(fromPage.published == "2025-12-03")
    }

    @Test func lineDatesAreNormalisedAndHTMLMetadataWarns() throws {
        let line =
            #"{"published": "December 3, 2025", "html": "<link rel='canonical' href='javascript:x'><meta property='article:published_time' content='2025-02-29'><p>Text.</p>"}"#
        var warnings: [ImportWarning] = []
        let article = try JSONLinesReader().article(Array(line.utf8), source: "feed.jsonl", line: 1) {
            warnings.append($0)
        }.get()
        #expect(article.published == "2025-12-03")
        #expect(article.url == nil)
        #expect(warnings.map(\.field) == [#"<link rel="canonical">"#, "meta article:published_time"])
    }
}
