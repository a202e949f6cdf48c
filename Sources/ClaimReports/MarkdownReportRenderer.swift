import ClaimCore
import Foundation

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
            out += "\n## Article \(article.articleId): \(inline(article.title))\n"
            // A published report links the article's web address; a local path is nobody's business.
            if let url = report.articleLink(article.articleId) { out += "\nSource: <\(url)>\n" }
            for claim in article.claims {
                let status = claim.contested ? "contested (\(inline(verdictsSaid(claim))))" : claim.status.rawValue
                out += "\n### Claim \(claim.id) · \(claim.kind.rawValue) · \(status)\n\n"
                out += quoted(report.inSentence(claim)) + "\n\n"
                out += "- Location: code points \(claim.start)–\(claim.end) of article \(claim.articleId)\n"
                if !claim.fields.isEmpty {
                    let fields = claim.fields.sorted { $0.key < $1.key }.map {
                        "\(inline($0.key)) \(inline($0.value.plainText))"
                    }
                    out += "- Fields: \(fields.joined(separator: "; "))\n"
                }
                if !claim.topics.isEmpty { out += "- Topics: \(claim.topics.joined(separator: ", "))\n" }
                out += "- Check-worthiness: \(twoDecimals(claim.score))\n"
                // A contested claim shows every reviewer's verdict in force, none as the claim's.
                let shown = claim.contested ? claim.latestVerdicts : claim.latestReview.map { [$0] } ?? []
                if shown.isEmpty { out += "- Verdict: not reviewed yet\n" }
                for review in shown {
                    out +=
                        "- Verdict: **\(review.status.rawValue)** by \(inline(review.reviewer)) on \(review.createdAt)\n"
                    if let note = review.note, !note.isEmpty { out += "- Note: \(inline(note))\n" }
                    for source in review.sources {
                        var line = "- Source: " + link(source.url)
                        if let title = source.title { line += " \(inline(title))" }
                        if let quote = source.quote { line += " — “\(inline(quote))”" }
                        out += line + "\n"
                    }
                }
                let others = claim.reviews.filter { review in !shown.contains { $0.id == review.id } }
                if !others.isEmpty {
                    out += "- Other reviews: " + others.map(describe).joined(separator: "; ") + "\n"
                }
            }
        }
        return out
    }

    /// The claim's sentence as a block quote, the claim's own text in bold.
    func quoted(_ parts: (before: String, exact: String, after: String)) -> String {
        let exact = parts.exact.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = inline(parts.before) + (exact.isEmpty ? "" : "**\(inline(exact))**") + inline(parts.after)
        return "> " + text.trimmingCharacters(in: .whitespaces)
    }

    /// An autolink for an http(s) URL; anything else as escaped text, never a link.
    func link(_ url: String) -> String {
        WebLink.isPublishable(url) ? "<\(url)>" : "\(inline(url)) (not an http(s) URL; not linked)"
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
        guard text.utf8.contains(where: { Self.active.contains($0) || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 })
        else { return text }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue  // CRLF is one line break, one space
            case "\n", "\r", "\t": out.append(" ")
            case _ where ControlCharacters.isEscaped(scalar):
                out.append(contentsOf: ControlCharacters.escaped(String(scalar)).unicodeScalars)
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
