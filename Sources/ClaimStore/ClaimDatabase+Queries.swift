import ClaimCore
import GRDB

extension ClaimDatabase {
    /// The claims `filter` selects, with their spans, articles, topics and reviews.
    public func claims(_ filter: ClaimFilter) throws -> [ClaimView] {
        try read { db in
            guard filter.limit == nil, filter.sort == .article else {
                return try Self.views(of: try ClaimRecord.fetchAll(Self.request(filter, db), db), db)
            }
            // Every match is wanted: SQLite finds them by the filters' own indexes (score, topic,
            // search) and they are put in reading order here. Ordering in SQL would walk the whole
            // spans index, a million entries, to return a few thousand claims.
            return try Self.views(of: try ClaimRecord.fetchAll(Self.request(filter, db, ordered: false), db), db).sorted
            {
                ($0.articleId, $0.start, $0.id) < ($1.articleId, $1.start, $1.id)
            }
        }
    }

    /// Each claim's text (`texts`, by id) with the words matching `search` wrapped in
    /// `open`/`close`, as FTS5's `highlight()` wraps them. A text with nothing to mark may be left
    /// out.
    public func highlights(of texts: [Int64: String], search: String, open: String, close: String) throws
        -> [Int64: String]
    {
        try read { db in
            guard let low = texts.keys.min(), let high = texts.keys.max() else { return [:] }
            if let words = try Self.plainWords(search) {
                let highlighter = try SearchHighlighter(words: words, db)
                return texts.mapValues { highlighter.mark($0, open: open, close: close) }
            }
            let pattern = try Self.pattern(search, db)
            var result: [Int64: String] = [:]
            // FTS5 runs the whole query again for each rowid of an IN list: for more than a few
            // ids, one pass over the matches within their rowid range is much faster.
            let (constraint, bounds): (String, StatementArguments) =
                texts.count <= 16
                ? ("rowid IN (\(placeholders(texts.count)))", StatementArguments(Array(texts.keys)))
                : ("rowid BETWEEN ? AND ?", [low, high])
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT rowid, highlight(claims_fts, 0, ?, ?) AS text FROM claims_fts
                    WHERE claims_fts MATCH ? AND \(constraint)
                    """, arguments: [open, close, pattern] + bounds
            ).forEach { row in
                let id: Int64 = row[0]
                if texts[id] != nil { result[id] = row[1] }
            }
            return result
        }
    }

    static func request(_ filter: ClaimFilter, _ db: Database, ordered: Bool = true) throws
        -> QueryInterfaceRequest<ClaimRecord>
    {
        var request = ClaimRecord.all()
        if let topic = filter.topic { request = request.filter(topics: try subtree(of: topic, db)) }
        if let status = filter.status {
            request = request.filter(status: status)
        } else if !filter.includeDismissed {
            request = request.filterNotDismissed()
        }
        if let kind = filter.kind { request = request.filter(kind: kind) }
        if let articleId = filter.articleId {
            guard try ArticleRecord.exists(db, key: articleId) else { throw ClaimStoreError.noSuchArticle(articleId) }
            request = request.filter(articleId: articleId)
        }
        if let minScore = filter.minScore { request = request.filter(minScore: minScore) }
        if let search = filter.search { request = request.filter(matching: try pattern(search, db)) }
        request = request.filter(reviewer: filter.reviewer, since: filter.since, until: filter.until)
        if filter.contested { request = request.filterContested() }
        if ordered { request = request.order(filter.sort) }
        if let limit = filter.limit { request = request.limit(limit) }
        return request
    }

    /// The words of a search that uses no FTS5 syntax (quotes, `*`, parentheses, `^`, `:`, `+`,
    /// AND/OR/NOT/NEAR), nil for one that does. ASCII punctuation and spaces part words; the
    /// index's tokenizer splits the rest as it split the claims.
    static func plainWords(_ search: String) throws -> [Substring]? {
        guard search.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { throw ClaimStoreError.emptySearch(search) }
        let operators: Set<Substring> = ["AND", "OR", "NOT", "NEAR"]
        let usesSyntax =
            search.contains { "\"*()^:+".contains($0) }
            || search.split(whereSeparator: \.isWhitespace).contains { operators.contains($0) }
        guard !usesSyntax else { return nil }
        let words = search.split { $0.isASCII && !$0.isLetter && !$0.isNumber }
        guard !words.isEmpty else { throw ClaimStoreError.emptySearch(search) }
        return words
    }

    /// The FTS5 query for a user's search text: plain words must all occur, each a quoted
    /// phrase; text using FTS5 syntax is checked by SQLite first.
    static func pattern(_ search: String, _ db: Database) throws -> String {
        if let words = try plainWords(search) { return words.map { "\"\($0)\"" }.joined(separator: " ") }
        // SQLite parses the query when a statement first steps: one step on the real index
        // checks its syntax and its column names.
        do {
            _ = try Int.fetchOne(
                db, sql: "SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT 1", arguments: [search])
        } catch let error as DatabaseError {
            throw ClaimStoreError.malformedSearch(search, reason: error.message ?? "syntax error")
        }
        return search
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

    /// The articles with these ids (bodies included), in one read; unknown ids are left out.
    public func articles(ids: [Int64]) throws -> [ArticleRecord] {
        try read { db in
            try ArticleRecord.fetchAll(
                db, sql: "SELECT * FROM articles WHERE id IN \(idList)", arguments: [jsonArray(ids)])
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
        let ids = jsonArray(records.compactMap(\.id))
        // Columns are read by position: these run once per listed claim.
        var spans: [Int64: (start: Int, end: Int)] = [:]
        try Row.fetchCursor(
            db, sql: "SELECT claim_id, start, \"end\" FROM spans WHERE claim_id IN \(idList) AND role = 'claim'",
            arguments: [ids]
        ).forEach { row in
            let claimId: Int64 = row[0]
            if spans[claimId] == nil { spans[claimId] = (row[1], row[2]) }
        }
        var articles: [Int64: (title: String, source: String, version: Int)] = [:]
        try Row.fetchCursor(
            db,
            sql: """
                SELECT id, title, COALESCE(url, source) AS source, version FROM articles
                WHERE id IN \(idList)
                """,
            arguments: [jsonArray(Array(Set(records.map(\.articleId))))]
        ).forEach { row in
            articles[row[0]] = (row[1], row[2], row[3])
        }
        var topics: [Int64: [String]] = [:]
        try Row.fetchCursor(
            db, sql: "SELECT claim_id, topic FROM claim_topics WHERE claim_id IN \(idList) ORDER BY topic",
            arguments: [ids]
        ).forEach { row in
            topics[row[0], default: []].append(row[1])
        }
        let reviews = try Self.reviews(of: records.compactMap(\.id), db)
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
        let records = try ReviewRecord.fetchAll(
            db, sql: "SELECT * FROM reviews WHERE claim_id IN \(idList) ORDER BY id", arguments: [jsonArray(claimIds)])
        guard !records.isEmpty else { return [:] }
        let retracted = Set(records.compactMap(\.retracts))
        var sources: [Int64: [EvidenceSource]] = [:]
        for evidence in try EvidenceRecord.fetchAll(
            db, sql: "SELECT * FROM evidence WHERE review_id IN \(idList) ORDER BY id",
            arguments: [jsonArray(records.compactMap(\.id))])
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

/// `IN` over a list of ids bound as one JSON array (see ``jsonArray(_:)``): any number of ids,
/// where a placeholder per id stops at SQLite's limit of 32,766 variables.
let idList = "(SELECT value FROM json_each(?))"

/// `[1,2,3]`, for ``idList``.
func jsonArray(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
}

/// "?, ?, ?" for `count` bound arguments.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
