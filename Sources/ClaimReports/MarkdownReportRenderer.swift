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
                out +=
                    claim.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> \(inline(String($0)))" }.joined(separator: "\n") + "\n\n"
                out += "- Location: code points \(claim.start)–\(claim.end) of article \(claim.articleId)\n"
                if !claim.fields.isEmpty {
                    let fields = claim.fields.keys.sorted().map { "\($0) \(inline(claim.fields[$0]!.plainText))" }
                    out += "- Fields: \(fields.joined(separator: "; "))\n"
                }
                if !claim.topics.isEmpty { out += "- Topics: \(claim.topics.joined(separator: ", "))\n" }
                out += "- Check-worthiness: \(twoDecimals(claim.score))\n"
                guard let review = claim.latestReview else {
                    out += "- Verdict: not reviewed yet\n"
                    if !claim.reviews.isEmpty {
                        out += "- Other reviews: " + claim.reviews.map(describe).joined(separator: "; ") + "\n"
                    }
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
                let others = claim.reviews.filter { $0.id != review.id }
                if !others.isEmpty {
                    out += "- Other reviews: " + others.map(describe).joined(separator: "; ") + "\n"
                }
            }
        }
        return out
    }

    /// One review in a line: "unsourced by ana on … (retracted)", "ana retracted review 4 on …".
    func describe(_ review: ReviewEntry) -> String {
        if let target = review.retracts {
            return "\(inline(review.reviewer)) retracted review \(target) on \(review.createdAt)"
        }
        return "\(review.status.rawValue) (review \(review.id)) by \(inline(review.reviewer)) on \(review.createdAt)"
            + (review.retracted ? " (retracted)" : "")
    }

    /// "1 claim", "2 claims".
    func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// `text` on one line with Markdown's active characters escaped, so article and reviewer text
    /// cannot turn into markup.
    func inline(_ text: String) -> String {
        // Every active character is ASCII: most text has none and is returned as it is.
        guard text.utf8.contains(where: { Self.active.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue  // CRLF is one line break, one space
            case "\n", "\r": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
                out.append("\\")
                out.append(scalar)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static let active = Set("\n\r\\`*_[]<>|#".utf8)
}
