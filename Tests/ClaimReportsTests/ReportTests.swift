import ClaimCore
import ClaimReports
import Foundation
import Testing

@Suite struct ReportTests {
    static func claim(_ id: Int64, article: Int64, start: Int, status: ClaimStatus, reviews: [ReviewEntry] = [])
        -> ClaimView
    {
        ClaimView(
            id: id, articleId: article, articleTitle: "Article \(article) | *bold* [x](y)",
            articleSource: "/a/\(article).txt",
            kind: .quantity, text: "76% of <b>staff</b>", start: start, end: start + 18, fields: ["value": 76],
            score: 0.8, status: status, topics: ["economy"], reviews: reviews)
    }

    static let review = ReviewEntry(
        id: 1, status: .disputed, reviewer: "ana_b", note: "wrong | base", createdAt: "2026-01-01T00:00:00Z",
        sources: [EvidenceSource(url: "https://example.org/a", title: "Survey", quote: "about 60%")])

    static let report = Report(
        claims: [
            claim(3, article: 2, start: 5, status: .unreviewed),
            claim(2, article: 1, start: 40, status: .verified),
            claim(1, article: 1, start: 10, status: .disputed, reviews: [review]),
        ], generatedAt: "2026-01-02T00:00:00Z")

    @Test func countsCoverEveryStatus() {
        #expect(Self.report.countsByStatus.map(\.count) == [1, 1, 1, 0])
        #expect(Self.report.countsByKind.map(\.kind) == [.quantity])
    }

    /// Articles in the order the query returned them; claims in reading order inside each.
    @Test func markdownGroupsByArticleInReadingOrderAndEscapesText() throws {
        let markdown = try MarkdownReportRenderer().render(Self.report)
        let order = ["### Claim 3 ", "### Claim 1 ", "### Claim 2 "].map { markdown.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(markdown.contains("| disputed | 1 |"))
        #expect(markdown.contains("| unsourced | 0 |"))
        #expect(markdown.contains("## Article 1: Article 1 \\| \\*bold\\* \\[x\\](y)"))
        #expect(markdown.contains("> **76% of \\<b\\>staff\\</b\\>**"))
        #expect(markdown.contains("- Verdict: **disputed** by ana\\_b on 2026-01-01T00:00:00Z"))
        #expect(markdown.contains("- Note: wrong \\| base"))
        #expect(markdown.contains("- Source: <https://example.org/a> Survey — “about 60%”"))
        #expect(markdown.contains("- Verdict: not reviewed yet"))
    }

    @Test func markdownShowsRetractedVerdictsAsHistory() throws {
        let verdict = ReviewEntry(
            id: 5, status: .verified, retracted: true, reviewer: "ben", note: nil, createdAt: "t1", sources: [])
        let retraction = ReviewEntry(
            id: 6, status: .retracted, retracts: 5, reviewer: "ben", note: "wrong claim", createdAt: "t2", sources: [])
        let report = Report(
            claims: [Self.claim(1, article: 1, start: 0, status: .unreviewed, reviews: [verdict, retraction])],
            generatedAt: "now")
        let markdown = try MarkdownReportRenderer().render(report)
        #expect(
            markdown.contains(
                "- Verdict: not reviewed yet\n- Other reviews: verified (review 5) by ben on t1 (retracted); ben retracted review 5 on t2\n"
            ))
    }

    @Test func jsonHasSummaryAndOneObjectPerClaim() throws {
        let json = try JSONReportRenderer().render(Self.report)
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let summary = document["summary"] as! [String: Any]
        #expect(summary["claims"] as? Int == 3)
        #expect(summary["articles"] as? Int == 2)
        #expect((summary["byStatus"] as! [String: Int])["disputed"] == 1)
        let claims = document["claims"] as! [[String: Any]]
        #expect(claims.map { $0["id"] as! Int } == [3, 1, 2])
        let reviews = try #require(claims[1]["reviews"] as? [[String: Any]])
        #expect(reviews.first?["reviewer"] as? String == "ana_b")
    }
}
