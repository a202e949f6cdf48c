import ClaimCore
import GRDB

/// An article version as `claims articles` lists it: metadata and claim counts, no body.
public struct ArticleSummary: Sendable, Codable, Hashable {
    public var id: Int64
    public var documentId: Int64
    public var version: Int
    public var current: Bool
    public var title: String
    public var source: String
    public var url: String?
    public var author: String?
    public var publisher: String?
    public var published: String?
    public var importedAt: String
    public var contentHash: String
    /// Claims whose spans point into this version.
    public var claims: Int
    /// Of those, claims whose text is missing from a newer version.
    public var orphaned: Int
}

/// One article in full: every version, and claim counts by status over all of them.
public struct ArticleDetail: Sendable, Codable, Hashable {
    public var article: ArticleSummary
    /// Oldest first.
    public var versions: [ArticleSummary]
    public var claimsByStatus: [String: Int]
    /// The story's topics, by slug, with where each came from.
    public var topics: [ArticleTopic]
}

extension ClaimDatabase {
    /// The id of the stored article whose body has SHA-256 `hash` (hex), if any.
    func articleId(withHash hash: String) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [hash])
        }
    }

    /// Articles, newest version of each document only unless `allVersions`.
    public func articles(allVersions: Bool = false) throws -> [ArticleSummary] {
        try read { db in
            try Self.summaries(where: allVersions ? "1" : "a.superseded_by IS NULL", arguments: [], db)
        }
    }

    /// Article `id` (any version) with all its document's versions and claim counts.
    public func articleDetail(id: Int64) throws -> ArticleDetail {
        try read { db in
            guard
                let article = try Self.summaries(where: "a.id = ?", arguments: [id], db).first
            else { throw ClaimStoreError.noSuchArticle(id) }
            let versions = try Self.summaries(where: "a.document_id = ?", arguments: [article.documentId], db)
            var byStatus = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, 0) })
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT status, count(*) FROM claims
                    WHERE article_id IN (SELECT id FROM articles WHERE document_id = ?) GROUP BY status
                    """, arguments: [article.documentId])
            {
                byStatus[row[0]] = row[1]
            }
            let topics = try Row.fetchAll(
                db, sql: "SELECT topic, origin FROM article_topics WHERE document_id = ? ORDER BY topic",
                arguments: [article.documentId]
            ).map { ArticleTopic(topic: $0[0], origin: $0[1]) }
            return ArticleDetail(article: article, versions: versions, claimsByStatus: byStatus, topics: topics)
        }
    }

    static func summaries(where condition: String, arguments: StatementArguments, _ db: Database) throws
        -> [ArticleSummary]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.document_id, a.version, a.superseded_by IS NULL AS current, a.title, a.source, a.url,
                       a.author, a.publisher, a.published, a.imported_at, a.content_hash,
                       (SELECT count(*) FROM claims WHERE article_id = a.id) AS claims,
                       (SELECT count(*) FROM claims WHERE article_id = a.id AND orphaned) AS orphaned
                FROM articles AS a WHERE \(condition) ORDER BY a.document_id, a.version
                """, arguments: arguments
        ).map { row in
            ArticleSummary(
                id: row["id"], documentId: row["document_id"], version: row["version"], current: row["current"],
                title: row["title"], source: row["source"], url: row["url"], author: row["author"],
                publisher: row["publisher"], published: row["published"], importedAt: row["imported_at"],
                contentHash: row["content_hash"], claims: row["claims"], orphaned: row["orphaned"])
        }
    }
}
