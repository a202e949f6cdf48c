import ClaimCore

/// A self-contained HTML report: a summary chart (inline SVG), the claim table, and each
/// article's text with every claim's span highlighted in its verdict's colour.
///
/// No external assets; every piece of article and reviewer text is escaped.
public struct HTMLReportRenderer: ReportRenderer {
    public let name = "html"

    public init() {}

    /// Background colour of each status.
    static func colour(_ status: ClaimStatus) -> String {
        switch status {
        case .verified: return "#b7e4c7"
        case .disputed: return "#f4b6b6"
        case .unsourced: return "#fde29b"
        case .unreviewed: return "#dcdcdc"
        case .dismissed: return "#eeeeee"
        }
    }

    public func render(_ report: Report) throws -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Claim review report</title>
            <style>
            body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
            .article-body{white-space:pre-wrap;border-left:4px solid #eee;padding-left:1rem}
            mark{padding:0 .1em;border-radius:.2em}
            \(ClaimStatus.allCases.map { ".s-\($0.rawValue){background:\(Self.colour($0))}" }.joined())
            .legend span{display:inline-block;padding:0 .5em;margin-right:.5em}
            </style></head><body>
            <h1>Claim review report</h1>

            """
        html += "<p>Generated \(HTMLText.escape(report.generatedAt)) · \(report.claims.count) claims"
        if let scope = report.scope { html += " · \(HTMLText.escape(scope))" }
        html += "</p>\n"
        html += chart(report) + "\n"
        html +=
            "<p class=\"legend\">"
            + ClaimStatus.allCases.map { "<span class=\"s-\($0.rawValue)\">\($0.rawValue)</span>" }.joined() + "</p>\n"
        html += claimTable(report)
        for group in report.byArticle {
            html +=
                "<h2 id=\"article-\(group.articleId)\">Article \(group.articleId): \(HTMLText.escape(group.title))</h2>\n"
            html += "<p>Source: \(HTMLText.escape(report.articles[group.articleId]?.url ?? group.source))</p>\n"
            if let body = report.articles[group.articleId]?.body {
                html += "<div class=\"article-body\">\(highlighted(body, claims: group.claims))</div>\n"
            }
        }
        return html + "</body></html>\n"
    }

    /// A horizontal bar chart of claims by status, as inline SVG.
    func chart(_ report: Report) -> String {
        let counts = report.countsByStatus
        let most = max(1, counts.map(\.count).max() ?? 1)
        let rowHeight = 26
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"480\" height=\"\(counts.count * rowHeight + 10)\" aria-label=\"Claims by status\">"
        for (index, entry) in counts.enumerated() {
            let y = index * rowHeight + 5
            let width = entry.count * 330 / most
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"14\">\(entry.status.rawValue)</text>"
            svg +=
                "<rect x=\"100\" y=\"\(y)\" width=\"\(width)\" height=\"20\" fill=\"\(Self.colour(entry.status))\" stroke=\"#888\"/>"
            svg += "<text x=\"\(100 + width + 6)\" y=\"\(y + 17)\" font-size=\"14\">\(entry.count)</text>"
        }
        return svg + "</svg>"
    }

    func claimTable(_ report: Report) -> String {
        var html =
            "<table><thead><tr><th>Claim</th><th>Kind</th><th>Status</th><th>Text</th><th>Verdict</th></tr></thead><tbody>\n"
        for claim in report.byArticle.flatMap(\.claims) {
            html += "<tr id=\"claim-\(claim.id)\"><td>\(claim.id)</td><td>\(claim.kind.rawValue)</td>"
            html +=
                "<td class=\"s-\(claim.status.rawValue)\">\(claim.status.rawValue)\(claim.contested ? " (contested)" : "")</td>"
            html += "<td>\(HTMLText.escape(claim.text))</td><td>"
            if let review = claim.latestReview {
                html += "\(HTMLText.escape(review.reviewer)), \(HTMLText.escape(review.createdAt))"
                if let note = review.note, !note.isEmpty { html += "<br>\(HTMLText.escape(note))" }
                for source in review.sources {
                    html +=
                        "<br><a href=\"\(HTMLText.escape(source.url))\">\(HTMLText.escape(source.title ?? source.url))</a>"
                    if let quote = source.quote { html += " “\(HTMLText.escape(quote))”" }
                }
            }
            html += "</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `body` escaped, with each stretch covered by claims wrapped in a `<mark>` coloured by the
    /// status of the narrowest claim covering it.
    func highlighted(_ body: String, claims: [ClaimView]) -> String {
        let text = ScalarText(body)
        var cuts = Set([0, text.count])
        for claim in claims where claim.end <= text.count {
            cuts.insert(claim.start)
            cuts.insert(claim.end)
        }
        let points = cuts.sorted()
        var html = ""
        for (start, end) in zip(points, points.dropFirst()) where end > start {
            let piece = HTMLText.escape(text.text(TextSpan(start: start, end: end)))
            let covering = claims.filter { $0.start <= start && end <= $0.end && $0.end <= text.count }
            guard let narrowest = covering.min(by: { ($0.end - $0.start) < ($1.end - $1.start) }) else {
                html += piece
                continue
            }
            let ids = covering.map { "\($0.id)" }.joined(separator: " ")
            html +=
                "<mark class=\"s-\(narrowest.status.rawValue)\" data-claims=\"\(ids)\" title=\"claim \(ids)\">\(piece)</mark>"
        }
        return html
    }
}

/// Text made safe for HTML.
public enum HTMLText {
    /// `text` safe inside HTML elements and double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
