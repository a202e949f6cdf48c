import ClaimCore
import Foundation

/// A CSV report: one row per claim with its latest verdict in force. Columns are stable; new ones
/// are added at the end (`sentence`: the claim's sentence; `verdicts`: each reviewer's verdict in
/// force, which tells who said what on a contested claim). Control characters in text are shown
/// as `\xHH`, as on a terminal: a published report carries no escape sequences.
public struct CSVReportRenderer: ReportRenderer {
    public let name = "csv"

    public init() {}

    static let columns = [
        "claim_id", "article_id", "article_title", "article_source", "kind", "status", "contested", "score", "start",
        "end", "text", "fields", "topics", "reviewer", "reviewed_at", "note", "sources", "sentence", "verdicts",
    ]

    public func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = line(Self.columns)
        for article in report.byArticle {
            for claim in article.claims {
                let review = claim.latestReview
                out += line([
                    String(claim.id), String(claim.articleId), claim.articleTitle, claim.articleSource,
                    claim.kind.rawValue, claim.status.rawValue, String(claim.contested),
                    String(format: "%.3f", claim.score), String(claim.start), String(claim.end), claim.text,
                    String(decoding: try encoder.encode(claim.fields), as: UTF8.self),
                    claim.topics.joined(separator: " "), review?.reviewer ?? "", review?.createdAt ?? "",
                    review?.note ?? "", review?.sources.map(\.url).joined(separator: " ") ?? "",
                    report.sentenceText(claim), verdictsSaid(claim, separator: "; "),
                ])
            }
        }
        return out
    }

    /// One RFC 4180 record.
    func line(_ fields: [String]) -> String {
        fields.map(ControlCharacters.escaped).map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
