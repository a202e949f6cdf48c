import ClaimCore
import GRDB

/// Which claims a query wants: every field narrows the result; `nil` means any.
public struct ClaimFilter: Sendable, Hashable {
    /// The order of results.
    public enum Sort: String, Sendable, CaseIterable {
        /// By article, then by position in the article: reading order.
        case article
        /// Highest check-worthiness first.
        case score
        /// Most recently reviewed first, then newest claim first.
        case time
    }

    public var topic: String?
    /// Only claims with this status. Without one, dismissed claims (not checkable claims) are left
    /// out unless ``includeDismissed`` is set: they leave the review queue and every listing.
    public var status: ClaimStatus?
    public var kind: ClaimKind?
    public var articleId: Int64?
    /// Full-text search: plain words (all must occur) or FTS5 query syntax.
    public var search: String?
    public var minScore: Double?
    /// Claims this reviewer has reviewed.
    public var reviewer: String?
    /// Claims with a review at or after this ISO 8601 time (a date alone means its start).
    public var since: String?
    /// Claims with a review before this ISO 8601 time (a date alone means up to its end).
    public var until: String?
    /// Only claims whose reviewers' latest verdicts differ.
    public var contested: Bool
    /// Keep dismissed claims when no ``status`` is asked for.
    public var includeDismissed: Bool
    public var limit: Int?
    public var sort: Sort

    public init(
        topic: String? = nil, status: ClaimStatus? = nil, kind: ClaimKind? = nil, articleId: Int64? = nil,
        search: String? = nil, minScore: Double? = nil, reviewer: String? = nil, since: String? = nil,
        until: String? = nil, contested: Bool = false, includeDismissed: Bool = false, limit: Int? = nil,
        sort: Sort = .article
    ) {
        self.topic = topic
        self.status = status
        self.kind = kind
        self.articleId = articleId
        self.search = search
        self.minScore = minScore
        self.reviewer = reviewer
        self.since = since
        self.until = until
        self.contested = contested
        self.includeDismissed = includeDismissed
        self.limit = limit
        self.sort = sort
    }
}

extension DerivableRequest<ClaimRecord> {
    /// Claims tagged with any of `topics`.
    ///
    /// A correlated `EXISTS` on the `claim_topics` key, so a query that walks claims in order can
    /// stop at its limit instead of first collecting every claim of a large topic.
    public func filter(topics: [String]) -> Self {
        filter(
            sql: """
                EXISTS (SELECT 1 FROM claim_topics WHERE claim_topics.claim_id = claims.id
                        AND claim_topics.topic IN (\(placeholders(topics.count))))
                """,
            arguments: StatementArguments(topics))
    }

    /// Claims whose text matches `pattern`, an FTS5 query (`ClaimDatabase.pattern` builds one from
    /// a user's search).
    public func filter(matching pattern: String) -> Self {
        filter(sql: "claims.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", arguments: [pattern])
    }

    public func filter(status: ClaimStatus) -> Self {
        // Most claims are unreviewed: walking them through the status index and sorting loses to
        // walking claims in reading order and stopping at the limit, so that index is kept out.
        status == .unreviewed
            ? filter(sql: "+claims.status = 'unreviewed'") : filter(ClaimRecord.Columns.status == status)
    }

    /// Claims not dismissed (as not checkable claims).
    public func filterNotDismissed() -> Self {
        // The unary + keeps the status index out, as for `unreviewed`: nearly every claim passes.
        filter(sql: "+claims.status <> 'dismissed'")
    }

    public func filter(kind: ClaimKind) -> Self { filter(ClaimRecord.Columns.kind == kind) }

    /// Claims of article `articleId` or of any other version of the same document.
    public func filter(articleId: Int64) -> Self {
        filter(
            sql: """
                claims.article_id IN (SELECT id FROM articles
                    WHERE document_id = (SELECT document_id FROM articles WHERE id = ?))
                """, arguments: [articleId])
    }

    public func filter(minScore: Double) -> Self { filter(ClaimRecord.Columns.score >= minScore) }

    /// Claims with a review (or retraction) by `reviewer`, made in `[since, until)` when given.
    public func filter(reviewer: String?, since: String?, until: String?) -> Self {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let reviewer {
            conditions.append("reviewer = ?")
            arguments.append(reviewer)
        }
        if let since {
            conditions.append("created_at >= ?")
            arguments.append(since)
        }
        if let until {
            conditions.append("created_at < ?")
            arguments.append(until)
        }
        guard !conditions.isEmpty else { return self }
        return filter(
            sql: "claims.id IN (SELECT claim_id FROM reviews WHERE \(conditions.joined(separator: " AND ")))",
            arguments: StatementArguments(arguments))
    }

    /// Claims on which two reviewers' latest verdicts in force differ.
    public func filterContested() -> Self {
        filter(
            sql: """
                claims.id IN (
                    SELECT claim_id FROM effective_reviews AS e
                    WHERE e.id = (SELECT max(id) FROM effective_reviews AS l
                                  WHERE l.claim_id = e.claim_id AND l.reviewer = e.reviewer)
                    GROUP BY claim_id HAVING count(DISTINCT status) > 1)
                """)
    }

    /// Orders claims as `sort` says, ties broken by id.
    public func order(_ sort: ClaimFilter.Sort) -> Self {
        switch sort {
        case .article:
            // Through the claim span, so the spans(article_id, start) index gives reading order.
            let span = TableAlias()
            return joining(required: ClaimRecord.claimSpan.aliased(span))
                .order(span[SpanRecord.Columns.articleId], span[SpanRecord.Columns.start], span[Column.rowID])

        case .score:
            return order(ClaimRecord.Columns.score.desc, ClaimRecord.Columns.id)
        case .time:
            return order(
                sql: "(SELECT max(id) FROM reviews WHERE claim_id = claims.id) DESC NULLS LAST, claims.id DESC")
        }
    }
}
