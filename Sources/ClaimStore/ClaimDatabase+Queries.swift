import ClaimCore
import GRDB

extension ClaimDatabase {
    /// The claims `filter` selects, with their spans, articles and topics (reviews too when asked).
    public func claims(_ filter: ClaimFilter, withReviews: Bool = false) throws -> [ClaimView] {
        try writer.read { db in
            var request = ClaimRecord.all()
            if let topic = filter.topic { request = request.filter(topics: try Self.subtree(of: topic, db)) }
            if let status = filter.status { request = request.filter(status: status) }
            if let kind = filter.kind { request = request.filter(kind: kind) }
            if let articleId = filter.articleId { request = request.filter(articleId: articleId) }
            if let minScore = filter.minScore { request = request.filter(minScore: minScore) }
            if let search = filter.search {
                guard let pattern = FTS5Pattern(matchingAllTokensIn: search) else {
                    throw ClaimStoreError.emptySearch(search)
                }
                request = request.filter(matching: pattern)
            }
            request = request.order(filter.sort)
            if let limit = filter.limit { request = request.limit(limit) }
            return try Self.views(of: try request.fetchAll(db), withReviews: withReviews, db)
        }
    }

    /// Claim `id` with its reviews and their sources.
    public func claim(id: Int64) throws -> ClaimView {
        try writer.read { db in
            guard let record = try ClaimRecord.fetchOne(db, key: id) else { throw ClaimStoreError.noSuchClaim(id) }
            return try Self.views(of: [record], withReviews: true, db)[0]
        }
    }

    /// Article `id`, body included.
    public func article(id: Int64) throws -> ArticleRecord {
        try writer.read { db in
            guard let article = try ArticleRecord.fetchOne(db, key: id) else {
                throw ClaimStoreError.noSuchArticle(id)
            }
            return article
        }
    }

    /// Every topic, parents before children where they were stored that way.
    public func topics() throws -> [TopicRecord] {
        try writer.read { db in try TopicRecord.order(TopicRecord.Columns.slug).fetchAll(db) }
    }

    /// `slug` and every topic below it; throws when `slug` is not a topic.
    static func subtree(of slug: String, _ db: Database) throws -> [String] {
        let slugs = try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE sub(slug) AS (
                    SELECT slug FROM topics WHERE slug = ?
                    UNION SELECT topics.slug FROM topics JOIN sub ON topics.parent = sub.slug)
                SELECT slug FROM sub
                """, arguments: [slug])
        guard !slugs.isEmpty else { throw ClaimStoreError.unknownTopic(slug) }
        return slugs
    }

    /// Joins claim records to their claim span, article, topics and (optionally) reviews, in order.
    static func views(of records: [ClaimRecord], withReviews: Bool, _ db: Database) throws -> [ClaimView] {
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let spans = Dictionary(
            try SpanRecord.filter(ids.contains(SpanRecord.Columns.claimId)).filter(SpanRecord.Columns.role == "claim")
                .fetchAll(db).map { ($0.claimId, $0) }, uniquingKeysWith: { first, _ in first })
        let articleIds = Array(Set(records.map(\.articleId)))
        var articles: [Int64: (title: String, source: String)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, title, COALESCE(url, source) AS source FROM articles WHERE id IN (\(placeholders(articleIds.count)))",
            arguments: StatementArguments(articleIds))
        {
            articles[row["id"]] = (row["title"], row["source"])
        }
        var topics: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT claim_id, topic FROM claim_topics WHERE claim_id IN (\(placeholders(ids.count))) ORDER BY topic",
            arguments: StatementArguments(ids))
        {
            topics[row["claim_id"], default: []].append(row["topic"])
        }
        let reviews = withReviews ? try Self.reviews(of: ids, db) : [:]
        return records.map { record in
            let id = record.id!
            let span = spans[id]
            let article = articles[record.articleId]
            return ClaimView(
                id: id, articleId: record.articleId, articleTitle: article?.title ?? "",
                articleSource: article?.source ?? "", kind: record.kind, text: record.text,
                start: span?.start ?? 0, end: span?.end ?? 0, fields: record.fields, score: record.score,
                status: record.status, topics: topics[id] ?? [], reviews: reviews[id] ?? [])
        }
    }

    /// Reviews of the given claims, oldest first, each with its evidence.
    static func reviews(of claimIds: [Int64], _ db: Database) throws -> [Int64: [ReviewEntry]] {
        let records = try ReviewRecord.filter(claimIds.contains(ReviewRecord.Columns.claimId))
            .order(ReviewRecord.Columns.id).fetchAll(db)
        let reviewIds = records.compactMap(\.id)
        var sources: [Int64: [EvidenceSource]] = [:]
        for evidence in try EvidenceRecord.filter(reviewIds.contains(EvidenceRecord.Columns.reviewId))
            .order(Column("id")).fetchAll(db)
        {
            sources[evidence.reviewId, default: []].append(
                EvidenceSource(url: evidence.url, title: evidence.title, quote: evidence.quote))
        }
        var result: [Int64: [ReviewEntry]] = [:]
        for review in records {
            result[review.claimId, default: []].append(
                ReviewEntry(
                    id: review.id!, status: review.status, reviewer: review.reviewer, note: review.note,
                    createdAt: review.createdAt, sources: sources[review.id!] ?? []))
        }
        return result
    }
}

/// "?, ?, ?" for `count` bound arguments.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
