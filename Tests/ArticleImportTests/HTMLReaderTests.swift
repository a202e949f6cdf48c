import ArticleImport
import ClaimCore
import Foundation
import Testing

@Suite struct HTMLReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    static func fixture(_ name: String) throws -> String {
        try ArticleSource.text(at: fixtures.appending(path: name).path)
    }

    static func read(_ html: String) throws -> ArticleDraft { try HTMLReader().read(html, source: "page.html") }

    static func paragraphs(_ text: String) -> [String] {
        text.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
    }

    @Test func seedPageKeepsItsMetadata() throws {
        let article = try HTMLReader().read(try Self.fixture("russia-tech-winter.html"), source: "rtw.html")
        #expect(article.title == "Putin’s Technophobia: How Russia Fell Behind in the AI Race")
        #expect(article.author == "Chief Editor")
        #expect(article.published == "2025-12-03T08:15:00+00:00")
        #expect(article.url == "https://news.example.org/2025/12/putins-technophobia-russia-ai-race/")
        #expect(article.publisher == nil)
        #expect(article.source == "rtw.html")
    }

    @Test func seedPageBodyIsWhatAReaderSeesOfTheArticle() throws {
        let article = try HTMLReader().read(try Self.fixture("russia-tech-winter.html"), source: "rtw.html")
        let seen = Self.paragraphs(try Self.fixture("russia-tech-winter.txt"))
        let boilerplate: Set = ["by Chief Editor", "You may also like", "Leave a Comment"]
        #expect(Self.paragraphs(article.body) == seen.filter { !boilerplate.contains($0) })
        for chrome in [
            "Home", "Advertisement", "You may also like", "China's chip push", "Sanctions & semiconductors",
            "Leave a Comment", "Post", "All rights reserved", "gtag", "dataLayer", "border:1px", "footer",
        ] {
            #expect(!article.body.contains(chrome), "body holds boilerplate \(chrome)")
        }
        #expect(
            article.body.contains(
                "A 2025 Stanford University study ranked Russia 28th out of 36 nations in overall AI industry strength")
        )
        #expect(
            article.body.contains(
                "  • Q: Is Russia completely devoid of technological talent?\n    A: No, Russia still has skilled"))
        #expect(article.body.contains("efficiency.\n  • Healthcare: Slow adoption"))
        #expect(article.body.hasSuffix("Share your opinions in the comments below!"))
    }

    @Test(
        arguments: [
            // (page, title, url, author, published, publisher)
            (
                #"<head><meta property="og:title" content="OG title"><title>Tag title</title></head><p>Text.</p>"#,
                "OG title", nil, nil, nil, nil
            ),
            (
                #"<head><title>Story about rates | Daily Planet</title><meta property="og:site_name" content="Daily Planet"></head><p>Text.</p>"#,
                "Story about rates", nil, nil, nil, "Daily Planet"
            ),
            (
                #"<head><title>Story - Other Site</title><meta property="og:site_name" content="Daily Planet"></head><p>Text.</p>"#,
                "Story - Other Site", nil, nil, nil, "Daily Planet"
            ),
            (
                #"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2024-02-01","author":[{"@type":"Person","name":"Ann Lee"},"Bo Chen"],"publisher":{"@type":"Organization","name":"LD Times"}}]}</script><title>Tag</title><p>Text.</p>"#,
                "LD headline", nil, "Ann Lee, Bo Chen", "2024-02-01", "LD Times"
            ),
            (
                #"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"Post","author":"Cy Dee","url":"https://ex.org/p"}]</script><p>Text.</p>"#,
                "Post", "https://ex.org/p", "Cy Dee", nil, nil
            ),
            (
                #"<link rel="canonical" href="https://ex.org/c"><meta property="og:url" content="https://ex.org/og"><title>T</title><p>By <a rel="author" href="/x"> Dana  Fox </a> <time datetime="2023-05-06T07:00Z">May 6</time></p>"#,
                "T", "https://ex.org/c", "Dana Fox", "2023-05-06T07:00:00Z", nil
            ),
            (
                #"<meta property="og:url" content="https://ex.org/og"><meta name="author" content="Meta Author"><meta property="article:published_time" content="2022-01-01"><p>By <a rel="author">Link Author</a> <time datetime="2021">x</time></p>"#,
                "By Link Author x", "https://ex.org/og", "Meta Author", "2022-01-01", nil
            ),
        ] as [(String, String, String?, String?, String?, String?)])
    func metadataComesFromEachSource(
        page: String, title: String, url: String?, author: String?, published: String?, publisher: String?
    ) throws {
        let article = try Self.read(page)
        #expect(article.title == title)
        #expect(article.url == url)
        #expect(article.author == author)
        #expect(article.published == published)
        #expect(article.publisher == publisher)
    }

    @Test(arguments: [
        (
            "<p>Caf&eacute; &amp; cr&egrave;me &ldquo;quoted&rdquo; &#8211; &#x20AC;5 &nbsp;</p>",
            "Café & crème “quoted” – €5"
        ),
        ("<p>  Lots \n\t of   <b>white</b>\n\n space  </p>", "Lots of white space"),
        ("<p>one<br>two <br/> three<br></p>", "one\ntwo\nthree"),
        (
            "<h1>Head</h1><p>Para <i>one</i>.</p><blockquote>Quote.</blockquote><p>Two",
            "Head\n\nPara one.\n\nQuote.\n\nTwo"
        ),
        (
            "<p>Intro:</p><ul><li>a<li>b<ul><li>c</ul></ul><ol><li>x</li><li>y</li></ol>",
            "Intro:\n\n  • a\n  • b\n    • c\n  1. x\n  2. y"
        ),
        ("<table><tr><th>Year</th><td>2022</td></tr></table><p>After</p>", "Year\n2022\n\nAfter"),
        ("<div>Loose <span>text</span></div><div><div>Nested</div></div>", "Loose text\n\nNested"),
        ("<pre>a  b\n  c</pre>", "a  b\n  c"),
    ])
    func blocksEntitiesAndWhitespace(html: String, body: String) throws {
        #expect(try Self.read(html).body == body)
    }

    @Test func boilerplateOutsideAndInsideTheArticleIsDropped() throws {
        let html = """
            <body><header><nav>Menu</nav><div>Site banner</div></header>
            <div class="sidebar"><p>Sidebar paragraph that is rather long, longer than the story.</p></div>
            <article><header><h1>Kept headline</h1></header>
            <p>Story paragraph.</p>
            <div class="ad-container">Buy now</div><div id="div-gpt-ads-1">Ad slot</div>
            <div class="advertisement">Advert</div><div class="sponsored-content">Sponsor</div>
            <div class="promo-box">Promo</div><div class="related-links">Related story</div>
            <div class="recommended">Recommended story</div><div class="more-stories">More</div>
            <div class="social share">Share this</div><div id="comments">A comment</div>
            <div id="respond">Reply</div><div class="comment-form">Form</div>
            <form><p>Form text</p></form><iframe>frame</iframe><noscript>Enable JS</noscript>
            <svg><text>Chart</text></svg><button>Click</button><aside>Aside</aside>
            <div class="header-image"><p>Shadow caption in a header-named div.</p></div>
            <span hidden>Hidden</span><p style="display: none">Invisible</p>
            <footer><p>Article footer kept.</p></footer>
            </article>
            <footer>Site footer</footer></body>
            """
        let article = try Self.read(html)
        #expect(
            article.body
                == "Kept headline\n\nStory paragraph.\n\nShadow caption in a header-named div.\n\nArticle footer kept.")
    }

    @Test func mainThenDensestParagraphsAreTheContent() throws {
        let main = "<div><p>Teaser.</p></div><main><p>Main text.</p></main>"
        #expect(try Self.read(main).body == "Main text.")
        let dense = """
            <body><header>Masthead</header><div class="nav-like"><p>Short.</p></div>
            <div id="story"><p>First long paragraph of the story, which goes on.</p><p>Second long paragraph.</p></div>
            <footer>Footer</footer></body>
            """
        #expect(
            try Self.read(dense).body == "First long paragraph of the story, which goes on.\n\nSecond long paragraph.")
        let wholePage = "<body><header>Masthead</header><div>Only loose text</div><footer>Footer</footer></body>"
        #expect(try Self.read(wholePage).body == "Only loose text")
    }

    @Test(arguments: [
        "", "<html><head><title>Only a title</title></head></html>", "<body><nav>Home</nav><script>x()</script></body>",
        "<!-- comment -->", "   ",
    ])
    func pageWithoutTextIsEmpty(html: String) {
        #expect(throws: ArticleImportError.empty("page.html")) { _ = try Self.read(html) }
    }

    @Test func hundredThousandNestedDivsDoNotCrash() throws {
        let depth = 100_000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let clock = ContinuousClock()
        let start = clock.now
        let article = try Self.read(html)
        #expect(article.body == "Deep text.")
        #expect(clock.now - start < .seconds(20))
        let unclosed = "<body>" + String(repeating: "<b><span>", count: depth) + "word"
        #expect(try Self.read(unclosed).body == "word")
    }

    @Test func aMillionEntitiesDecode() throws {
        let html = "<p>" + String(repeating: "&amp;&eacute;", count: 500_000) + "</p>"
        let body = try Self.read(html).body
        #expect(body.unicodeScalars.count == 1_000_000)
        #expect(body.hasPrefix("&é&é"))
    }

    @Test func unclosedAndMalformedTagsStillRead() throws {
        let html = "<p>One <b>bold <i>both</b> italic</i><p>Two <a href='x>Three"
        #expect(try Self.read(html).body.hasPrefix("One bold both italic\n\nTwo"))
    }

    @Test func htmlReaderIsRegisteredForItsExtensions() throws {
        #expect(ArticleFormat(extension: "HTM") == .html)
        #expect(ArticleFormat(extension: "xhtml") == .html)
        #expect(try ArticleReaders.named("html") is HTMLReader)
    }
}
