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
            // Kept by triggers (Schema/0006_counts_and_score_index.sql); `claims db check` compares them.
            func counted(_ dimension: String) throws -> [String: Int] {
                try counts("SELECT value, claims FROM claim_counts WHERE dimension = '\(dimension)' AND claims > 0")
            }
            var byStatus = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, 0) })
            byStatus.merge(try counted("status")) { $1 }
            let contested = try ClaimRecord.all().filterContested().fetchCount(db)
            return ClaimStats(
                articles: try ArticleRecord.fetchCount(db), claims: byStatus.values.reduce(0, +),
                reviews: try ReviewRecord.fetchCount(db), contested: contested, byStatus: byStatus,
                byKind: try counted("kind"), byTopic: try counted("topic"),
                byReviewer: try counts("SELECT reviewer, count(*) FROM reviews GROUP BY reviewer"))
        }
    }

    /// Where the kept counts (`claim_counts`) differ from the claims: "status unreviewed: 12 kept,
    /// 13 counted". Empty when they agree.
    static func countDrift(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                WITH actual(dimension, value, claims) AS (
                    SELECT 'status', status, count(*) FROM claims GROUP BY status
                    UNION ALL SELECT 'kind', kind, count(*) FROM claims GROUP BY kind
                    UNION ALL SELECT 'topic', topic, count(*) FROM claim_topics GROUP BY topic)
                SELECT dimension, value, kept, counted FROM (
                    SELECT k.dimension, k.value, k.claims AS kept, COALESCE(a.claims, 0) AS counted
                    FROM claim_counts k LEFT JOIN actual a USING (dimension, value)
                    UNION ALL
                    SELECT a.dimension, a.value, NULL, a.claims FROM actual a
                    WHERE NOT EXISTS (SELECT 1 FROM claim_counts k WHERE k.dimension = a.dimension AND k.value = a.value))
                WHERE kept IS NOT counted
                ORDER BY dimension, value
                """
        ).map { row in
            // Read as values: a damaged row must be reported, not stop the process.
            let kept: DatabaseValue = row["kept"]
            let dimension: DatabaseValue = row["dimension"]
            let value: DatabaseValue = row["value"]
            let counted: DatabaseValue = row["counted"]
            return
                "\(shown(dimension)) \(shown(value)): \(kept.isNull ? "no" : shown(kept)) kept, \(shown(counted)) counted"
        }
    }
}
