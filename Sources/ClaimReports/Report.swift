import ClaimCore

/// What a report covers: the claims chosen by the report's filters, reviews included.
public struct Report: Sendable {
    public var claims: [ClaimView]
    /// ISO 8601 time the report was made.
    public var generatedAt: String
    /// A human description of the filters, e.g. "topic emigration, status disputed".
    public var scope: String?

    public init(claims: [ClaimView], generatedAt: String, scope: String? = nil) {
        self.claims = claims
        self.generatedAt = generatedAt
        self.scope = scope
    }

    /// Claim counts by status, every status present (zeros included), in `ClaimStatus` order.
    public var countsByStatus: [(status: ClaimStatus, count: Int)] {
        ClaimStatus.allCases.map { status in (status, claims.filter { $0.status == status }.count) }
    }

    /// Claim counts by kind, kinds with no claims left out, in `ClaimKind` order.
    public var countsByKind: [(kind: ClaimKind, count: Int)] {
        ClaimKind.allCases.compactMap { kind in
            let count = claims.filter { $0.kind == kind }.count
            return count == 0 ? nil : (kind, count)
        }
    }

    /// The claims grouped by article, articles in order of first appearance, claims in reading order.
    public var byArticle: [(articleId: Int64, title: String, source: String, claims: [ClaimView])] {
        var order: [Int64] = []
        var groups: [Int64: [ClaimView]] = [:]
        for claim in claims {
            if groups[claim.articleId] == nil { order.append(claim.articleId) }
            groups[claim.articleId, default: []].append(claim)
        }
        return order.map { id in
            let claims = groups[id]!.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            return (id, claims[0].articleTitle, claims[0].articleSource, claims)
        }
    }
}

/// Turns a report into text in one output format.
public protocol ReportRenderer: Sendable {
    /// The name used by `--format`, e.g. "markdown".
    var name: String { get }
    func render(_ report: Report) throws -> String
}

/// The renderers by format name; adding a format is one file plus a line here.
public enum ReportRenderers {
    public static let all: [any ReportRenderer] = [MarkdownReportRenderer(), JSONReportRenderer()]

    public static func named(_ name: String) -> (any ReportRenderer)? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}
