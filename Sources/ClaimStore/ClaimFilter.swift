import ClaimCore
import GRDB

/// Which claims a query wants: every field narrows the result; `nil` means any.
public struct ClaimFilter: Sendable, Hashable {
    /// The order of results.
    public enum Sort: String, Sendable, CaseIterable {
        /// By article, then by position in the article.
        case reading
        /// Highest check-worthiness first.
        case score
        /// Newest claim first.
        case time
    }

    public var topic: String?
    public var status: ClaimStatus?
    public var kind: ClaimKind?
    public var articleId: Int64?
    /// Words that must all occur in the claim text (full-text search).
    public var search: String?
    public var minScore: Double?
    public var limit: Int?
    public var sort: Sort

    public init(
        topic: String? = nil, status: ClaimStatus? = nil, kind: ClaimKind? = nil, articleId: Int64? = nil,
        search: String? = nil, minScore: Double? = nil, limit: Int? = nil, sort: Sort = .reading
    ) {
        self.topic = topic
        self.status = status
        self.kind = kind
        self.articleId = articleId
        self.search = search
        self.minScore = minScore
        self.limit = limit
        self.sort = sort
    }
}

extension DerivableRequest<ClaimRecord> {
    /// Claims tagged with any of `topics`.
    public func filter(topics: [String]) -> Self {
        filter(
            sql: "claims.id IN (SELECT claim_id FROM claim_topics WHERE topic IN (\(placeholders(topics.count))))",
            arguments: StatementArguments(topics))
    }

    /// Claims whose text matches the full-text `pattern`.
    public func filter(matching pattern: FTS5Pattern) -> Self {
        filter(sql: "claims.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", arguments: [pattern])
    }

    public func filter(status: ClaimStatus) -> Self { filter(ClaimRecord.Columns.status == status) }

    public func filter(kind: ClaimKind) -> Self { filter(ClaimRecord.Columns.kind == kind) }

    public func filter(articleId: Int64) -> Self { filter(ClaimRecord.Columns.articleId == articleId) }

    public func filter(minScore: Double) -> Self { filter(ClaimRecord.Columns.score >= minScore) }

    /// Orders claims as `sort` says, ties broken by id.
    public func order(_ sort: ClaimFilter.Sort) -> Self {
        switch sort {
        case .reading:
            return order(
                sql: "claims.article_id, (SELECT start FROM spans WHERE claim_id = claims.id AND role = 'claim'), claims.id")
        case .score:
            return order(ClaimRecord.Columns.score.desc, ClaimRecord.Columns.id)
        case .time:
            return order(ClaimRecord.Columns.id.desc)
        }
    }
}
