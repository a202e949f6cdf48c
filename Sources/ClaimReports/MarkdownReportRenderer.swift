import ClaimCore

/// A Markdown report: a summary table, then each article's claims in reading order with the
/// quoted span, its location, the verdict, the reviewer, the note and the sources.
public struct MarkdownReportRenderer: ReportRenderer {
    public let name = "markdown"

    public init() {}

    public func render(_ report: Report) throws -> String {
        var out = "# Claim review report\n\n"
        let articles = report.byArticle
        out += "Generated \(report.generatedAt) · \(counted(report.claims.count, "claim")) from "
        out += counted(articles.count, "article")
        if let scope = report.scope { out += " · \(inline(scope))" }
        out += "\n\n## Summary\n\n| Status | Claims |\n|---|---:|\n"
        for (status, count) in report.countsByStatus { out += "| \(status.rawValue) | \(count) |\n" }
        out += "\n| Kind | Claims |\n|---|---:|\n"
        for (kind, count) in report.countsByKind { out += "| \(kind.rawValue) | \(count) |\n" }
        for article in articles {
            out += "\n## Article \(article.articleId): \(inline(article.title))\n\n"
            out += "Source: \(inline(article.source))\n"
            for claim in article.claims {
                out += "\n### Claim \(claim.id) · \(claim.kind.rawValue) · \(claim.status.rawValue)\n\n"
                out += claim.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> \(inline(String($0)))" }.joined(separator: "\n") + "\n\n"
                out += "- Location: code points \(claim.start)–\(claim.end) of article \(claim.articleId)\n"
                if !claim.fields.isEmpty {
                    let fields = claim.fields.keys.sorted().map { "\($0) \(inline(claim.fields[$0]!.plainText))" }
                    out += "- Fields: \(fields.joined(separator: "; "))\n"
                }
                if !claim.topics.isEmpty { out += "- Topics: \(claim.topics.joined(separator: ", "))\n" }
                out += "- Check-worthiness: \(String(format: "%.2f", claim.score))\n"
                guard let review = claim.latestReview else {
                    out += "- Verdict: not reviewed yet\n"
                    continue
                }
                out += "- Verdict: **\(review.status.rawValue)** by \(inline(review.reviewer)) on \(review.createdAt)\n"
                if let note = review.note, !note.isEmpty { out += "- Note: \(inline(note))\n" }
                for source in review.sources {
                    var line = "- Source: <\(source.url)>"
                    if let title = source.title { line += " \(inline(title))" }
                    if let quote = source.quote { line += " — “\(inline(quote))”" }
                    out += line + "\n"
                }
                if claim.reviews.count > 1 {
                    out += "- Earlier reviews: "
                    out += claim.reviews.dropLast().map { "\($0.status.rawValue) by \(inline($0.reviewer)) on \($0.createdAt)" }
                        .joined(separator: "; ") + "\n"
                }
            }
        }
        return out
    }

    /// "1 claim", "2 claims".
    func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `text` on one line with Markdown's active characters escaped, so article and reviewer text
    /// cannot turn into markup.
    func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
