import ClaimCore
import GRDB

/// Counts over the whole database, for `claims stats`.
public struct ClaimStats: Sendable, Codable, Hashable {
    public var articles: Int
    public var claims: Int
    public var reviews: Int
    public var contested: Int
    public var byStatus: [String: Int]
    public var byKind: [String: Int]
    /// Claims per topic (a claim counts once for each topic it carries).
    public var byTopic: [String: Int]
    /// Reviews and retractions per reviewer.
    public var byReviewer: [String: Int]
}

extension ClaimDatabase {
    public func stats() throws -> ClaimStats {
        try read { db in
            func counts(_ sql: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) { result[row[0]] = row[1] }
                return result
            }
            var byStatus = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, 0) })
            byStatus.merge(try counts("SELECT status, count(*) FROM claims GROUP BY status")) { $1 }
            let contested = try ClaimRecord.all().filterContested().fetchCount(db)
            return ClaimStats(
                articles: try ArticleRecord.fetchCount(db), claims: try ClaimRecord.fetchCount(db),
                reviews: try ReviewRecord.fetchCount(db), contested: contested, byStatus: byStatus,
                byKind: try counts("SELECT kind, count(*) FROM claims GROUP BY kind"),
                byTopic: try counts("SELECT topic, count(*) FROM claim_topics GROUP BY topic"),
                byReviewer: try counts("SELECT reviewer, count(*) FROM reviews GROUP BY reviewer"))
        }
    }
}
