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
        "claims_sentence_stays_with_its_body",
    ]

    /// Checks the whole database: SQLite's integrity, foreign keys, rows whose claim, article,
    /// review or topic is gone (orphaned rows, missing claims), claims without a span, every span
    /// against its body, the full-text index against the claims, every status against its reviews,
    /// the kept counts, and the triggers that guard them.
    ///
    /// Each check names the damage it finds and never stops the others: a check SQLite cannot run
    /// on a damaged file (a table dropped by hand, say) fails with SQLite's reason. Every column is
    /// read as optional, so a NULL where none belongs (the rowid `foreign_key_check` gives for a
    /// `WITHOUT ROWID` table such as `claim_topics`) is reported, never a crash.
    public func check() throws -> [CheckResult] {
        var results: [CheckResult] = []
        try read { db in
            func run(_ name: String, _ body: () throws -> (ok: Bool, detail: String)) {
                do {
                    let (ok, detail) = try body()
                    results.append(CheckResult(check: name, ok: ok, detail: detail))
                } catch let error as DatabaseError {
                    results.append(
                        CheckResult(check: name, ok: false, detail: "cannot check: \(error.message ?? "\(error)")"))
                } catch {
                    results.append(CheckResult(check: name, ok: false, detail: "cannot check: \(error)"))
                }
            }
            run("integrity") {
                let integrity = try DatabaseValue.fetchAll(db, sql: "PRAGMA integrity_check").map(shown)
                return (integrity == ["ok"], integrity.prefix(5).joined(separator: "; "))
            }
            run("foreign keys") {
                let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                guard !foreign.isEmpty else { return (true, "ok") }
                let examples = foreign.prefix(3).map { row in
                    let table = shown(value(row, "table"))
                    let parent = shown(value(row, "parent"))
                    let rowid: DatabaseValue? = row["rowid"]
                    // NULL for a WITHOUT ROWID table such as claim_topics.
                    let which = rowid?.isNull ?? true ? "a \(table) row" : "\(table) row \(shown(rowid))"
                    return "\(which) names a missing \(parent) row"
                }
                return (false, "\(foreign.count) rows point at missing rows, e.g. \(examples.joined(separator: ", "))")
            }
            run("missing claims") {
                let missing = try Self.missingClaims(db)
                return missing.isEmpty
                    ? (true, "ok: every claim that spans, topic tags and reviews name exists")
                    : (
                        false,
                        "\(missing.count) claims are gone but still named: "
                            + missing.prefix(10).joined(separator: ", ")
                    )
            }
            run("orphaned rows") {
                let orphans = try Self.orphanedRows(db)
                return orphans.isEmpty
                    ? (true, "ok: no row names a missing claim, article, review or topic")
                    : (false, "orphaned rows: " + orphans.joined(separator: "; "))
            }
            run("claim spans") {
                let bare = try DatabaseValue.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM claims WHERE NOT EXISTS
                            (SELECT 1 FROM spans WHERE spans.claim_id = claims.id AND spans.role = 'claim')
                        ORDER BY id
                        """
                ).map(shown)
                return bare.isEmpty
                    ? (true, "ok: every claim has its span")
                    : (
                        false,
                        "\(bare.count) claims have no span: "
                            + bare.prefix(10).map { "claim \($0)" }.joined(separator: ", ")
                    )
            }
            run("spans") {
                let badSpans = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT spans.id, spans.claim_id, articles.id IS NULL AS no_article
                        FROM spans LEFT JOIN articles ON articles.id = spans.article_id
                        WHERE substr(articles.body, spans.start + 1, spans.end - spans.start) IS NOT spans.exact
                        ORDER BY spans.id
                        """)
                return badSpans.isEmpty
                    ? (true, "ok: every span's exact text is substr(body, start + 1, end - start)")
                    : (
                        false,
                        "\(badSpans.count) spans do not match their article body: "
                            + badSpans.prefix(10).map { row in
                                let span = "span \(shown(value(row, 0))) of claim \(shown(value(row, 1)))"
                                return shown(value(row, 2)) == "1" ? span + " (its article is gone)" : span
                            }.joined(separator: ", ")
                    )
            }
            run("statuses") {
                let drift = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, status, COALESCE((SELECT status FROM effective_reviews WHERE claim_id = claims.id
                                                     ORDER BY id DESC LIMIT 1), 'unreviewed') AS expected
                        FROM claims WHERE status IS NOT expected ORDER BY id
                        """)
                return drift.isEmpty
                    ? (true, "ok: every claim's status is its latest review's")
                    : (
                        false,
                        "\(drift.count) claims disagree with their reviews: "
                            + drift.prefix(10).map { row in
                                "claim \(shown(value(row, "id"))) is \(shown(value(row, "status"))) "
                                    + "but its reviews say \(shown(value(row, "expected")))"
                            }.joined(separator: ", ")
                    )
            }
            run("counts") {
                let countDrift = try Self.countDrift(db)
                return countDrift.isEmpty
                    ? (true, "ok: the kept counts by status, kind and topic match the claims")
                    : (
                        false,
                        "\(countDrift.count) kept counts are wrong: " + countDrift.prefix(10).joined(separator: ", ")
                    )
            }
            run("triggers") {
                let triggers = Set(
                    try DatabaseValue.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
                        .map(shown))
                let missing = Self.guardTriggers.filter { !triggers.contains($0) }
                return (missing.isEmpty, missing.isEmpty ? "ok" : "missing: \(missing.joined(separator: ", "))")
            }
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

    /// Claims that rows still name though the claim is gone: "claim 5 (1 span, 2 topic tags,
    /// 1 review)".
    static func missingClaims(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                WITH named(claim_id, table_name) AS (
                    SELECT claim_id, 'spans' FROM spans
                    UNION ALL SELECT claim_id, 'claim_topics' FROM claim_topics
                    UNION ALL SELECT claim_id, 'reviews' FROM reviews)
                SELECT claim_id,
                       sum(table_name = 'spans') AS spans,
                       sum(table_name = 'claim_topics') AS tags,
                       sum(table_name = 'reviews') AS reviews
                FROM named WHERE NOT EXISTS (SELECT 1 FROM claims WHERE claims.id = named.claim_id)
                GROUP BY claim_id ORDER BY claim_id
                """
        ).map { row in
            let parts = [
                counted(value(row, "spans"), "span"), counted(value(row, "tags"), "topic tag"),
                counted(value(row, "reviews"), "review"),
            ].compactMap { $0 }
            let id = shown(value(row, "claim_id"))
            return "claim \(id) (\(parts.joined(separator: ", ")))"
        }
    }

    /// Rows whose claim, article, review or topic is gone, table by table: "2 spans of missing
    /// claims (spans 4, 9)".
    static func orphanedRows(_ db: Database) throws -> [String] {
        let queries: [(what: String, sql: String)] = [
            (
                "spans of missing claims",
                "SELECT id FROM spans WHERE NOT EXISTS (SELECT 1 FROM claims WHERE claims.id = spans.claim_id)"
            ),
            (
                "spans of missing articles",
                "SELECT id FROM spans WHERE NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = spans.article_id)"
            ),
            (
                "topic tags of missing claims",
                """
                SELECT claim_id || ' ' || topic FROM claim_topics
                WHERE NOT EXISTS (SELECT 1 FROM claims WHERE claims.id = claim_topics.claim_id)
                """
            ),
            (
                "topic tags of missing topics",
                """
                SELECT claim_id || ' ' || topic FROM claim_topics
                WHERE NOT EXISTS (SELECT 1 FROM topics WHERE topics.slug = claim_topics.topic)
                """
            ),
            (
                "reviews of missing claims",
                "SELECT id FROM reviews WHERE NOT EXISTS (SELECT 1 FROM claims WHERE claims.id = reviews.claim_id)"
            ),
            (
                "evidence of missing reviews",
                """
                SELECT id FROM evidence WHERE NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.id = evidence.review_id)
                """
            ),
            (
                "claims of missing articles",
                "SELECT id FROM claims WHERE NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = claims.article_id)"
            ),
        ]
        return try queries.compactMap { query in
            let rows = try DatabaseValue.fetchAll(db, sql: query.sql + " ORDER BY 1").map(shown)
            guard !rows.isEmpty else { return nil }
            return
                "\(rows.count) \(query.what) (\(rows.prefix(5).joined(separator: ", "))\(rows.count > 5 ? ", …" : ""))"
        }
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

/// "2 spans", "1 review"; nil for none.
private func counted(_ value: DatabaseValue, _ noun: String) -> String? {
    guard let count = Int64.fromDatabaseValue(value), count > 0 else { return nil }
    return "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// A value as a check's detail shows it, whatever a damaged row holds: GRDB's typed reads stop
/// the process on a NULL or a value of another type.
func shown(_ value: DatabaseValue?) -> String {
    switch value?.storage {
    case nil, .null?: "NULL"
    case .int64(let number)?: String(number)
    case .double(let number)?: String(number)
    case .string(let text)?: text
    case .blob(let data)?: "\(data.count)-byte blob"
    }
}

/// Column `column` (a name or an index) of `row`, NULL when there is no such column.
private func value(_ row: Row, _ column: String) -> DatabaseValue {
    row.hasColumn(column) ? row[column] : .null
}

private func value(_ row: Row, _ index: Int) -> DatabaseValue {
    index < row.count ? row[index] : .null
}
