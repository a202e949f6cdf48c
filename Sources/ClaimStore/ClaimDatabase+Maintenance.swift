import ClaimCore
import Foundation
import GRDB
import GRDBSQLite

/// One finding of `claims db check`.
public struct CheckResult: Sendable, Codable, Hashable {
    public var check: String
    public var ok: Bool
    /// What is wrong, naming the rows; "ok" when nothing is.
    public var detail: String
}

extension ClaimDatabase {
    /// The triggers that keep the schema's invariants; a database without them can drift.
    static let guardTriggers = [
        "spans_exact_update", "reviews_no_update", "reviews_no_delete",
        "reviews_retraction_target", "reviews_set_status", "claims_status_follows_reviews", "claims_fts_insert",
        "claims_fts_delete", "claims_fts_update", "articles_body_immutable", "claim_counts_insert",
        "claim_counts_delete", "claim_counts_status", "claim_counts_kind", "claim_counts_tagged",
        "claim_counts_untagged", "claim_counts_retagged", "claim_counts_kind_added", "claim_counts_topic_added",
    ]

    /// Checks the whole database: SQLite's integrity, foreign keys, every span against its body,
    /// the full-text index against the claims, every status against its reviews, and the triggers
    /// that guard them.
    public func check() throws -> [CheckResult] {
        var results: [CheckResult] = []
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            results.append(
                CheckResult(
                    check: "integrity", ok: integrity == ["ok"], detail: integrity.prefix(5).joined(separator: "; ")))

            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            results.append(
                CheckResult(
                    check: "foreign keys", ok: foreign.isEmpty,
                    detail: foreign.isEmpty
                        ? "ok"
                        : "\(foreign.count) rows point at missing rows, e.g. "
                            + foreign.prefix(3).map { "\($0[0] as String) row \($0[1] as Int64)" }.joined(
                                separator: ", ")))

            let badSpans = try Row.fetchAll(
                db,
                sql: """
                    SELECT spans.id, spans.claim_id FROM spans LEFT JOIN articles ON articles.id = spans.article_id
                    WHERE substr(articles.body, spans.start + 1, spans.end - spans.start) IS NOT spans.exact
                    ORDER BY spans.id
                    """)
            results.append(
                CheckResult(
                    check: "spans", ok: badSpans.isEmpty,
                    detail: badSpans.isEmpty
                        ? "ok: every span's exact text is substr(body, start + 1, end - start)"
                        : "\(badSpans.count) spans do not match their article body: "
                            + badSpans.prefix(10).map { "span \($0[0] as Int64) of claim \($0[1] as Int64)" }
                            .joined(separator: ", ")))

            let drift = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, status, COALESCE((SELECT status FROM effective_reviews WHERE claim_id = claims.id
                                                 ORDER BY id DESC LIMIT 1), 'unreviewed') AS expected
                    FROM claims WHERE status IS NOT expected ORDER BY id
                    """)
            results.append(
                CheckResult(
                    check: "statuses", ok: drift.isEmpty,
                    detail: drift.isEmpty
                        ? "ok: every claim's status is its latest review's"
                        : "\(drift.count) claims disagree with their reviews: "
                            + drift.prefix(10).map {
                                "claim \($0["id"] as Int64) is \($0["status"] as String) but its reviews say \($0["expected"] as String)"
                            }.joined(separator: ", ")))

            let countDrift = try Self.countDrift(db)
            results.append(
                CheckResult(
                    check: "counts", ok: countDrift.isEmpty,
                    detail: countDrift.isEmpty
                        ? "ok: the kept counts by status, kind and topic match the claims"
                        : "\(countDrift.count) kept counts are wrong: "
                            + countDrift.prefix(10).joined(separator: ", ")))

            let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            let missing = Self.guardTriggers.filter { !triggers.contains($0) }
            results.append(
                CheckResult(
                    check: "triggers", ok: missing.isEmpty,
                    detail: missing.isEmpty ? "ok" : "missing: \(missing.joined(separator: ", "))"))
        }
        // FTS5's own check compares the index with the claims table; it is a no-op write.
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
            }
            results.append(CheckResult(check: "full-text index", ok: true, detail: "ok: matches the claims"))
        } catch let error as DatabaseError {
            results.append(
                CheckResult(
                    check: "full-text index", ok: false,
                    detail: "does not match the claims (\(error.message ?? "corrupt")); rebuild it with: "
                        + "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')"))
        }
        return results
    }

    /// Copies the database to a new file at `path` with SQLite's online backup: a consistent
    /// snapshot, taken while others go on writing.
    ///
    /// The copy is made under a temporary name beside `path` and renamed to it only when complete,
    /// so a failure (a full disk, a file too large, a folder that cannot be written) leaves no file
    /// at `path` and is reported with the system's reason ("No space left on device").
    public func backup(to path: String) throws {
        if FileManager.default.fileExists(atPath: path) { throw ClaimStoreError.backupExists(path) }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        // Created here first, so that a folder that cannot take it is named with its own reason
        // rather than SQLite's "unable to open database file".
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ClaimStoreError.cannotWrite(path, reason: Self.reason(errno)) }
        close(descriptor)
        var kept = false
        defer {
            if !kept { unlink(temporary) }
            unlink(temporary + "-journal")
        }
        var destination: DatabaseQueue?
        do {
            let queue = try DatabaseQueue(path: temporary)
            destination = queue
            try writer.backup(to: queue)
            try queue.close()
        } catch let error as DatabaseError {
            // SQLite's backup leaves no message on the destination ("not an error"): the reason is
            // the system's error on the destination file; SQLITE_FULL, which SQLite returns for
            // ENOSPC without keeping the errno, is that; else the result code's own words.
            let system = destination?.inDatabase { sqlite3_system_errno($0.sqliteConnection) } ?? 0
            let reason =
                system != 0
                ? Self.reason(system)
                : error.resultCode == .SQLITE_FULL
                    ? Self.reason(ENOSPC) : String(cString: sqlite3_errstr(error.extendedResultCode.rawValue))
            try? destination?.close()
            throw ClaimStoreError.cannotWrite(path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            throw ClaimStoreError.cannotWrite(path, reason: Self.reason(errno))
        }
        kept = true
    }

    /// The system's words for `errno` value `code`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
