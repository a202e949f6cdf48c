import ClaimCore

/// An article a report cites, with what the richer formats need (its body, its metadata).
public struct ReportArticle: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var url: String?
    public var author: String?
    public var publisher: String?
    public var published: String?
    public var body: String

    public init(
        id: Int64, title: String, url: String?, author: String?, publisher: String?, published: String?, body: String
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.author = author
        self.publisher = publisher
        self.published = published
        self.body = body
    }
}

/// What a report covers: the claims chosen by the report's filters, reviews included.
public struct Report: Sendable {
    public var claims: [ClaimView]
    /// The articles of those claims, by id.
    public var articles: [Int64: ReportArticle]
    /// ISO 8601 time the report was made.
    public var generatedAt: String
    /// A human description of the filters, e.g. "topic emigration, status disputed".
    public var scope: String?
    /// Where the report will be published, for links back to each claim (`ClaimReview.url`).
    public var publishURL: String?

    public init(
        claims: [ClaimView], articles: [Int64: ReportArticle] = [:], generatedAt: String, scope: String? = nil,
        publishURL: String? = nil
    ) {
        self.claims = claims
        self.articles = articles
        self.generatedAt = generatedAt
        self.scope = scope
        self.publishURL = publishURL
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
    public static let all: [any ReportRenderer] = [
        MarkdownReportRenderer(), HTMLReportRenderer(), CSVReportRenderer(), JSONReportRenderer(),
        ClaimReviewRenderer(),
    ]

    public static func named(_ name: String) -> (any ReportRenderer)? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}
