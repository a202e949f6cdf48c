import ClaimCore
import GRDB

extension ClaimDatabase {
    /// The claims `filter` selects, with their spans, articles, topics and reviews.
    public func claims(_ filter: ClaimFilter) throws -> [ClaimView] {
        try read { db in
            try Self.views(of: try Self.request(filter, db).fetchAll(db), db)
        }
    }

    /// The claim text of each id with the words matching `search` wrapped in `open`/`close`.
    public func highlights(ids: [Int64], search: String, open: String, close: String) throws -> [Int64: String] {
        try read { db in
            let pattern = try Self.pattern(search, db)
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, highlight(claims_fts, 0, ?, ?) AS text FROM claims_fts
                    WHERE claims_fts MATCH ? AND rowid IN (\(placeholders(ids.count)))
                    """, arguments: [open, close, pattern] + StatementArguments(ids))
            {
                result[row["rowid"]] = row["text"]
            }
            return result
        }
    }

    static func request(_ filter: ClaimFilter, _ db: Database) throws -> QueryInterfaceRequest<ClaimRecord> {
        var request = ClaimRecord.all()
        if let topic = filter.topic { request = request.filter(topics: try subtree(of: topic, db)) }
        if let status = filter.status { request = request.filter(status: status) }
        if let kind = filter.kind { request = request.filter(kind: kind) }
        if let articleId = filter.articleId {
            guard try ArticleRecord.exists(db, key: articleId) else { throw ClaimStoreError.noSuchArticle(articleId) }
            request = request.filter(articleId: articleId)
        }
        if let minScore = filter.minScore { request = request.filter(minScore: minScore) }
        if let search = filter.search { request = request.filter(matching: try pattern(search, db)) }
        request = request.filter(reviewer: filter.reviewer, since: filter.since, until: filter.until)
        if filter.contested { request = request.filterContested() }
        request = request.order(filter.sort)
        if let limit = filter.limit { request = request.limit(limit) }
        return request
    }

    /// The FTS5 pattern for a user's search text: plain words must all occur; text using FTS5
    /// syntax (quotes, `*`, parentheses, AND/OR/NOT/NEAR) is checked by SQLite first.
    static func pattern(_ search: String, _ db: Database) throws -> FTS5Pattern {
        guard search.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { throw ClaimStoreError.emptySearch(search) }
        let operators: Set<Substring> = ["AND", "OR", "NOT", "NEAR"]
        let usesSyntax =
            search.contains { "\"*()^:+".contains($0) }
            || search.split(whereSeparator: \.isWhitespace).contains { operators.contains($0) }
        guard usesSyntax else {
            guard let pattern = FTS5Pattern(matchingAllTokensIn: search) else {
                throw ClaimStoreError.emptySearch(search)
            }
            return pattern
        }
        do {
            return try db.makeFTS5Pattern(rawPattern: search, forTable: "claims_fts")
        } catch let error as DatabaseError {
            throw ClaimStoreError.malformedSearch(search, reason: error.message ?? "syntax error")
        }
    }

    /// Claim `id` with its reviews and their sources.
    public func claim(id: Int64) throws -> ClaimView {
        try read { db in
            guard let record = try ClaimRecord.fetchOne(db, key: id) else { throw ClaimStoreError.noSuchClaim(id) }
            return try Self.views(of: [record], db)[0]
        }
    }

    /// Article `id`, body included.
    public func article(id: Int64) throws -> ArticleRecord {
        try read { db in
            guard let article = try ArticleRecord.fetchOne(db, key: id) else {
                throw ClaimStoreError.noSuchArticle(id)
            }
            return article
        }
    }

    /// Every topic, parents before children where they were stored that way.
    public func topics() throws -> [TopicRecord] {
        try read { db in try TopicRecord.order(TopicRecord.Columns.slug).fetchAll(db) }
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

    /// Joins claim records to their claim span, article, topics and reviews, in order.
    static func views(of records: [ClaimRecord], _ db: Database) throws -> [ClaimView] {
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let spans = Dictionary(
            try SpanRecord.filter(ids.contains(SpanRecord.Columns.claimId)).filter(SpanRecord.Columns.role == "claim")
                .fetchAll(db).map { ($0.claimId, $0) }, uniquingKeysWith: { first, _ in first })
        let articleIds = Array(Set(records.map(\.articleId)))
        var articles: [Int64: (title: String, source: String, version: Int)] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, COALESCE(url, source) AS source, version FROM articles
                WHERE id IN (\(placeholders(articleIds.count)))
                """,
            arguments: StatementArguments(articleIds))
        {
            articles[row["id"]] = (row["title"], row["source"], row["version"])
        }
        var topics: [Int64: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT claim_id, topic FROM claim_topics WHERE claim_id IN (\(placeholders(ids.count))) ORDER BY topic",
            arguments: StatementArguments(ids))
        {
            topics[row["claim_id"], default: []].append(row["topic"])
        }
        let reviews = try Self.reviews(of: ids, db)
        return records.map { record in
            let id = record.id!
            let span = spans[id]
            let article = articles[record.articleId]
            return ClaimView(
                id: id, articleId: record.articleId, articleVersion: article?.version ?? 1, orphaned: record.orphaned,
                articleTitle: article?.title ?? "",
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
        let retracted = Set(records.compactMap(\.retracts))
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
                    id: review.id!, status: review.status, retracts: review.retracts,
                    retracted: retracted.contains(review.id!), reviewer: review.reviewer, note: review.note,
                    createdAt: review.createdAt, sources: sources[review.id!] ?? []))
        }
        return result
    }
}

/// "?, ?, ?" for `count` bound arguments.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
