import ClaimCore

/// A self-contained HTML report an editor can publish: a summary chart (inline SVG), the claim
/// table (each claim in its sentence, with its article and verdict), and each article's text with
/// every claim highlighted in its verdict's colour.
///
/// No external assets and no script; every piece of article and reviewer text is escaped; a link
/// is emitted only for an http(s) URL; no local file paths; dates as people write them. Each
/// highlight links to its row in the table and each row back to its highlight. Unreviewed claims
/// are underlined lightly rather than shaded, so the article stays readable.
public struct HTMLReportRenderer: ReportRenderer {
    public let name = "html"

    public init() {}

    /// Background colour of each status.
    static func colour(_ status: ClaimStatus) -> String {
        switch status {
        case .verified: return "#b7e4c7"
        case .disputed: return "#f4b6b6"
        case .unsourced: return "#fde29b"
        case .unreviewed: return "#f3f3f3"
        case .dismissed: return "#eeeeee"
        }
    }

    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
        table{border-collapse:collapse;width:100%;margin:1rem 0}
        th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
        .article-body{white-space:pre-wrap;border-left:4px solid #eee;padding-left:1rem}
        mark{padding:0 .1em;border-radius:.2em;color:inherit}mark a{color:inherit;text-decoration:none}
        .meta{color:#555}.contested{font-weight:bold}
        .legend span{display:inline-block;padding:0 .5em;margin-right:.5em}
        """
        + ClaimStatus.allCases.map { ".s-\($0.rawValue){background:\(colour($0))}" }.joined()
        + "mark.s-unreviewed{background:none;border-bottom:1px dotted #888}"

    public func render(_ report: Report) throws -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Claim review report</title>
            <style>
            \(Self.style)
            </style></head><body>
            <h1>Claim review report</h1>

            """
        let groups = report.byArticle
        html += "<p class=\"meta\">Generated \(text(HumanDate.text(report.generatedAt))) · "
        html += counted(report.claims.count, "claim") + " from " + counted(groups.count, "article")
        if let scope = report.scope { html += " · \(text(scope))" }
        html += "</p>\n"
        html += chart(report) + "\n"
        html +=
            "<p class=\"legend\">"
            + report.countsByStatus.map { "<span class=\"s-\($0.status.rawValue)\">\($0.status.rawValue)</span>" }
            .joined() + "</p>\n"
        html += claimTable(report)
        for group in groups {
            html += "<h2 id=\"article-\(group.articleId)\">\(text(group.title))</h2>\n"
            let article = report.articles[group.articleId]
            var meta: [String] = []
            if let published = article?.published { meta.append("Published \(text(HumanDate.text(published)))") }
            if let author = article?.author { meta.append("by \(text(author))") }
            if let publisher = article?.publisher { meta.append(text(publisher)) }
            if let url = report.articleLink(group.articleId) { meta.append(link(url, label: url)) }
            if !meta.isEmpty { html += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n" }
            if let body = article?.body {
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
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"480\" "
            + "height=\"\(counts.count * rowHeight + 10)\" aria-label=\"Claims by status\">"
        for (index, entry) in counts.enumerated() {
            let y = index * rowHeight + 5
            let width = entry.count * 330 / most
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"14\">\(entry.status.rawValue)</text>"
            svg +=
                "<rect x=\"100\" y=\"\(y)\" width=\"\(width)\" height=\"20\" "
                + "fill=\"\(Self.colour(entry.status))\" stroke=\"#888\"/>"
            svg += "<text x=\"\(100 + width + 6)\" y=\"\(y + 17)\" font-size=\"14\">\(entry.count)</text>"
        }
        return svg + "</svg>"
    }

    func claimTable(_ report: Report) -> String {
        var html =
            "<table><thead><tr><th>Claim</th><th>Article</th><th>Kind</th><th>Status</th>"
            + "<th>The claim in its sentence</th><th>Verdict</th></tr></thead><tbody>\n"
        for claim in report.byArticle.flatMap(\.claims) {
            html += "<tr id=\"claim-\(claim.id)\"><td><a href=\"#span-\(claim.id)\">\(claim.id)</a></td>"
            html += "<td><a href=\"#article-\(claim.articleId)\">\(text(claim.articleTitle))</a></td>"
            html += "<td>\(claim.kind.rawValue)</td>"
            if claim.contested {
                html +=
                    "<td class=\"contested\">contested<br><span class=\"meta\">"
                    + text(verdictsSaid(claim, separator: "; ")) + "</span></td>"
            } else {
                html += "<td class=\"s-\(claim.status.rawValue)\">\(claim.status.rawValue)</td>"
            }
            let (before, exact, after) = report.inSentence(claim)
            html +=
                "<td>\(text(before))<mark class=\"s-\(claim.status.rawValue)\">\(text(exact))</mark>\(text(after))</td>"
            html += "<td>"
            let shown = claim.contested ? claim.latestVerdicts : claim.latestReview.map { [$0] } ?? []
            for (index, review) in shown.enumerated() {
                if index > 0 { html += "<hr>" }
                if claim.contested { html += "<b>\(review.status.rawValue)</b>: " }
                html += "\(text(review.reviewer)), \(text(HumanDate.text(review.createdAt)))"
                if let note = review.note, !note.isEmpty { html += "<br>\(text(note))" }
                for source in review.sources {
                    html += "<br>" + link(source.url, label: source.title ?? source.url)
                    if let quote = source.quote { html += " “\(text(quote))”" }
                }
            }
            html += "</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `body` escaped, with each stretch covered by claims wrapped in a `<mark>` coloured by the
    /// status of the narrowest claim covering it and linked to that claim's row; where a claim
    /// starts, an empty anchor `span-ID` its row links back to.
    func highlighted(_ body: String, claims: [ClaimView]) -> String {
        let body = ScalarText(body)
        let placed = claims.filter { body.span($0.start, $0.end) != nil }
        var cuts = Set([0, body.count])
        for claim in placed {
            cuts.insert(claim.start)
            cuts.insert(claim.end)
        }
        let points = cuts.sorted()
        var starting: [Int: [Int64]] = [:]
        for claim in placed { starting[claim.start, default: []].append(claim.id) }
        var html = ""
        for (start, end) in zip(points, points.dropFirst()) where end > start {
            for id in starting[start] ?? [] { html += "<span id=\"span-\(id)\"></span>" }
            let piece = text(body.text(TextSpan(start: start, end: end)))
            let covering = placed.filter { $0.start <= start && end <= $0.end }
            guard let narrowest = covering.min(by: { ($0.end - $0.start) < ($1.end - $1.start) }) else {
                html += piece
                continue
            }
            let ids = covering.map { "\($0.id)" }.joined(separator: " ")
            html +=
                "<mark class=\"s-\(narrowest.status.rawValue)\" data-claims=\"\(ids)\" title=\"claim \(ids)\">"
                + "<a href=\"#claim-\(narrowest.id)\">\(piece)</a></mark>"
        }
        // A claim of zero length still gets its anchor.
        for id in starting[body.count] ?? [] { html += "<span id=\"span-\(id)\"></span>" }
        return html
    }

    /// A link for an http(s) URL; anything else is shown as text, never linked.
    func link(_ url: String, label: String) -> String {
        guard WebLink.isPublishable(url) else { return text(label) }
        return "<a href=\"\(HTMLText.escape(url))\">\(text(label))</a>"
    }

    /// Article or reviewer text, escaped for HTML, control characters shown.
    func text(_ raw: String) -> String { HTMLText.escape(ControlCharacters.escaped(raw)) }

    /// "1 claim", "2 claims".
    func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
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
