import ClaimCore
import ClaimReports
import Foundation
import Testing

/// What a report publishes: no script links, the claim in its sentence, contested claims never
/// under one reviewer's verdict, no local paths, no terminal escapes.
@Suite struct PublishableReportTests {
    static let body = "Council tax.\nIntro line. Prices rose to £1,400 last year, the council said. The end.\n"
    /// "£1,400": code points 40..<46 of `body`.
    static let figure = TextSpan(start: 40, end: 46)
    static let sentence = TextSpan(start: 25, end: 75)

    static func review(
        _ id: Int64, _ status: ReviewStatus, by reviewer: String, sources: [EvidenceSource] = []
    ) -> ReviewEntry {
        ReviewEntry(
            id: id, status: status, reviewer: reviewer, note: "note \(id)", createdAt: "2026-01-02T09:05:00Z",
            sources: sources)
    }

    static func claim(_ id: Int64 = 1, status: ClaimStatus, reviews: [ReviewEntry], title: String = "Council tax")
        -> ClaimView
    {
        ClaimView(
            id: id, articleId: 1, articleTitle: title, articleSource: "/home/ana/feeds/council.txt", kind: .quantity,
            text: "£1,400", start: figure.start, end: figure.end, fields: ["value": 1400], score: 0.9, status: status,
            topics: [], reviews: reviews)
    }

    static func report(_ claims: [ClaimView], url: String? = nil, publishURL: String? = nil) -> Report {
        Report(
            claims: claims,
            articles: [
                1: ReportArticle(
                    id: 1, title: "Council tax", url: url, author: nil, publisher: nil,
                    published: "2025-12-03T08:15:00+00:00", body: body)
            ],
            generatedAt: "2026-01-02T10:00:00Z", publishURL: publishURL, sentences: [1: sentence])
    }

    static func renderAll(_ report: Report) throws -> [String: String] {
        var out: [String: String] = [:]
        for renderer in ReportRenderers.all { out[renderer.name] = try renderer.render(report) }
        return out
    }

    static func objects(_ text: String?) throws -> [[String: Any]] {
        let data = Data((try #require(text)).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    static func object(_ text: String?) throws -> [String: Any] {
        let data = Data((try #require(text)).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func fixtureOffsetsAreTheFigureAndItsSentence() {
        let text = ScalarText(Self.body)
        #expect(text.text(Self.figure) == "£1,400")
        #expect(text.text(Self.sentence) == "Prices rose to £1,400 last year, the council said.")
    }

    @Test func scriptAndDataURLsAreNeverPublishedAsLinks() throws {
        let sources = [
            EvidenceSource(url: "javascript:alert(1)", title: "click"),
            EvidenceSource(url: "data:text/html,<script>alert(1)</script>"),
            EvidenceSource(url: " JAVASCRIPT:alert(2)"),
            EvidenceSource(url: "https://stats.example/table-4", title: "Table 4"),
        ]
        let report = Self.report(
            [Self.claim(status: .verified, reviews: [Self.review(1, .verified, by: "ana", sources: sources)])],
            url: "javascript:alert(3)", publishURL: "javascript:alert(4)")
        for (format, text) in try Self.renderAll(report) {
            #expect(!text.lowercased().contains("javascript:"), "\(format) carries a javascript: URL")
            #expect(!text.contains("data:text"), "\(format) carries a data: URL")
            #expect(!text.contains("<script"), "\(format) carries a script element")
        }
        let all = try Self.renderAll(report)
        #expect(all["html"]?.contains("<a href=\"https://stats.example/table-4\">Table 4</a>") == true)
        #expect(all["markdown"]?.contains("- Source: <https://stats.example/table-4> Table 4") == true)
        #expect(report.notes.count == 4, "three sources and the publish URL: \(report.notes)")
        #expect(report.notes.contains { $0.contains("source 'javascript:alert(1)' of review 1") })
        let ld = try Self.objects(all["claimreview"])
        #expect(ld.first?["url"] == nil, "a publish URL that is not http(s) is not used")
    }

    @Test func theClaimIsPublishedInItsSentence() throws {
        let report = Self.report([Self.claim(status: .verified, reviews: [Self.review(1, .verified, by: "ana")])])
        let all = try Self.renderAll(report)
        let ld = try Self.objects(all["claimreview"])
        #expect(ld.first?["claimReviewed"] as? String == "Prices rose to £1,400 last year, the council said.")
        #expect(all["markdown"]?.contains("> Prices rose to **£1,400** last year, the council said.\n") == true)
        #expect(
            all["html"]?.contains(
                "<td>Prices rose to <mark class=\"s-verified\">£1,400</mark> last year, the council said.</td>") == true
        )
        let csv = try #require(all["csv"])
        #expect(csv.hasPrefix("claim_id,") && csv.contains(",sentence,verdicts\r\n"))
        #expect(csv.contains(",Prices rose to £1,400 last year, the council said.,") == false, "a comma means quotes")
        #expect(csv.contains(",\"Prices rose to £1,400 last year, the council said.\",ana: verified\r\n"))
        let json = try Self.object(all["json"])
        let first = try #require((json["claims"] as? [[String: Any]])?.first)
        #expect(first["sentence"] as? String == "Prices rose to £1,400 last year, the council said.")
        #expect(first["text"] as? String == "£1,400", "the claim's own text keeps its key")
    }

    @Test func aContestedClaimIsNeverPublishedWithOneVerdict() throws {
        let claim = Self.claim(
            status: .disputed, reviews: [Self.review(1, .verified, by: "ana"), Self.review(2, .disputed, by: "ben")])
        #expect(claim.contested)
        let report = Self.report([claim], url: "https://news.example/council")
        let all = try Self.renderAll(report)
        #expect(all["claimreview"]?.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        #expect(
            ClaimReviewRenderer().omissions(report) == [
                "claim 1 left out of ClaimReview: contested (ana: verified, ben: disputed)"
            ])
        let markdown = try #require(all["markdown"])
        #expect(markdown.contains("### Claim 1 · quantity · contested (ana: verified, ben: disputed)\n"))
        #expect(markdown.contains("- Verdict: **verified** by ana"))
        #expect(markdown.contains("- Verdict: **disputed** by ben"))
        #expect(all["html"]?.contains("contested<br><span class=\"meta\">ana: verified; ben: disputed</span>") == true)
        #expect(all["csv"]?.contains(",true,") == true)
        #expect(all["csv"]?.hasSuffix(",ana: verified; ben: disputed\r\n") == true)
        let json = try Self.object(all["json"])
        let verdicts = try #require((json["claims"] as? [[String: Any]])?.first?["verdicts"] as? [[String: Any]])
        #expect(verdicts.map { "\($0["reviewer"]!): \($0["status"]!)" } == ["ana: verified", "ben: disputed"])
    }

    @Test(
        arguments: [
            ("https://news.example/council", "https://news.example/council"),
            (nil, nil), ("/home/ana/feeds/council.txt", nil), ("file:///home/ana/council.html", nil),
        ] as [(String?, String?)])
    func appearanceIsTheArticlesWebAddressOnly(url: String?, published: String?) throws {
        let report = Self.report(
            [Self.claim(status: .unsourced, reviews: [Self.review(1, .unsourced, by: "ana")])], url: url)
        let all = try Self.renderAll(report)
        let ld = try Self.objects(all["claimreview"])
        let item = try #require(ld.first?["itemReviewed"] as? [String: Any])
        let appearance = try #require((item["appearance"] as? [[String: Any]])?.first)
        #expect(appearance["url"] as? String == published)
        #expect(appearance["headline"] as? String == "Council tax")
        for format in ["html", "markdown", "claimreview"] {
            #expect(all[format]?.contains("/home/ana") == false, "\(format) shows a local path")
        }
    }

    @Test func theHTMLReportReadsAsAnEditorWouldPublishIt() throws {
        let claims = [
            Self.claim(1, status: .verified, reviews: [Self.review(1, .verified, by: "ana")]),
            ClaimView(
                id: 2, articleId: 1, articleTitle: "Council tax", articleSource: "/home/ana/feeds/council.txt",
                kind: .statement, text: "The end.", start: 76, end: 84, fields: [:], score: 0.4, status: .unreviewed,
                topics: [], reviews: []),
        ]
        let html = try HTMLReportRenderer().render(Self.report(claims))
        #expect(html.contains("Generated 2 January 2026, 10:00 UTC · 2 claims from 1 article"))
        #expect(html.contains("Published 3 December 2025, 08:15 UTC"))
        #expect(html.contains("<td>verified</td>") == false && html.contains("ana, 2 January 2026, 09:05 UTC"))
        #expect(html.contains("<th>Article</th>") && html.contains("<td><a href=\"#article-1\">Council tax</a></td>"))
        #expect(html.contains("<tr id=\"claim-2\"><td><a href=\"#span-2\">2</a></td>"))
        #expect(html.contains("<span id=\"span-2\"></span><mark class=\"s-unreviewed\""))
        #expect(html.contains("<a href=\"#claim-2\">The end.</a></mark>"))
        #expect(html.contains("mark.s-unreviewed{background:none;border-bottom:1px dotted #888}"))
        #expect(!html.contains("/home/ana"))
        #expect(!html.contains("<script") && !html.contains("javascript:"))
    }

    @Test func controlCharactersAreShownNotObeyed() throws {
        let title = "Council\u{1B}[2J tax\u{1B}]0;owned\u{07} \u{9B}31m\u{7F}"
        let claim = Self.claim(
            status: .verified, reviews: [Self.review(1, .verified, by: "ana\u{1B}[8m")], title: title)
        let all = try Self.renderAll(Self.report([claim]))
        for format in ["markdown", "html", "csv"] {
            let text = try #require(all[format])
            #expect(
                !text.unicodeScalars.contains { ControlCharacters.isEscaped($0) && $0 != "\r" },
                "\(format) carries a raw control character")
            #expect(text.contains("\\x1B"), "\(format) shows the escape")
        }
        #expect(all["markdown"]?.contains("Council\\x1B\\[2J tax") == true)
        #expect(all["html"]?.contains("Council\\x1B[2J tax\\x1B]0;owned\\x07 \\x9B31m\\x7F") == true)
        for format in ["json", "claimreview"] {
            let text = try #require(all[format])
            #expect(
                !text.unicodeScalars.contains(where: ControlCharacters.isEscaped), "\(format) carries a raw control")
            #expect(text.contains("\\u001b") && text.contains("\\u009b") && text.contains("\\u007f"))
        }
    }
}
