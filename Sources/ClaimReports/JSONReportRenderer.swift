import ClaimCore
import Foundation

/// A JSON report: the summary counts and one object per claim with its reviews and sources.
///
/// Keys are stable; new ones may be added, none renamed.
public struct JSONReportRenderer: ReportRenderer {
    public let name = "json"

    public init() {}

    struct Document: Encodable {
        struct Summary: Encodable {
            var claims: Int
            var articles: Int
            var byStatus: [String: Int]
            var byKind: [String: Int]
        }
        var generatedAt: String
        var scope: String?
        var summary: Summary
        var claims: [ClaimView]
    }

    public func render(_ report: Report) throws -> String {
        let document = Document(
            generatedAt: report.generatedAt, scope: report.scope,
            summary: .init(
                claims: report.claims.count, articles: report.byArticle.count,
                byStatus: Dictionary(
                    uniqueKeysWithValues: report.countsByStatus.map { ($0.status.rawValue, $0.count) }),
                byKind: Dictionary(uniqueKeysWithValues: report.countsByKind.map { ($0.kind.rawValue, $0.count) })),
            claims: report.byArticle.flatMap(\.claims))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
