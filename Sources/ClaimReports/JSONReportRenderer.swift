import ClaimCore
import Foundation

/// A JSON report: the summary counts and one object per claim with its reviews and sources.
///
/// Keys are stable; new ones may be added, none renamed. Each claim carries `sentence` and
/// `verdicts` (each reviewer's verdict in force: who said what on a contested claim).
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
        var claims: [ReportedClaim]
    }

    /// A claim as `claims list --format json` gives it, plus its sentence and who said what.
    struct ReportedClaim: Encodable {
        var claim: ClaimView
        var sentence: String
        var verdicts: [Verdict]

        struct Verdict: Encodable {
            var reviewer: String
            var status: String
            var review: Int64
        }

        enum Keys: String, CodingKey { case sentence, verdicts }

        func encode(to encoder: any Encoder) throws {
            try claim.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(sentence, forKey: .sentence)
            try container.encode(verdicts, forKey: .verdicts)
        }
    }

    public func render(_ report: Report) throws -> String {
        let document = Document(
            generatedAt: report.generatedAt, scope: report.scope,
            summary: .init(
                claims: report.claims.count, articles: report.byArticle.count,
                byStatus: Dictionary(
                    uniqueKeysWithValues: report.countsByStatus.map { ($0.status.rawValue, $0.count) }),
                byKind: Dictionary(uniqueKeysWithValues: report.countsByKind.map { ($0.kind.rawValue, $0.count) })),
            claims: report.byArticle.flatMap(\.claims).map { claim in
                ReportedClaim(
                    claim: claim, sentence: report.sentenceText(claim),
                    verdicts: claim.latestVerdicts.map {
                        .init(reviewer: $0.reviewer, status: $0.status.rawValue, review: $0.id)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ControlCharacters.jsonEscaped(String(decoding: try encoder.encode(document), as: UTF8.self)) + "\n"
    }
}
