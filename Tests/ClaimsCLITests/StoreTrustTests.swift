import ClaimStore
import ClaimsCLI
import Foundation
import GRDB
import Testing

/// Six `claims import` processes started at once on one new database file: the first creates the
/// schema, the others wait for it, and every one imports its article.
@Suite struct ConcurrentFirstUseTests {
    @Test func sixImportsOnANewFileAllSucceed() throws {
        for round in 0..<3 {
            let directory = FileManager.default.temporaryDirectory.appending(path: "claims-first-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = directory.appending(path: "claims.sqlite").path
            let failures = try Self.importSixAtOnce(into: database, in: directory)
            #expect(failures.isEmpty, "round \(round): \(failures.prefix(2))")
            let stats = try BinaryTests().run(["stats", "--db", database, "--format", "json"], in: directory)
            let counts = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any]
            #expect(counts?["articles"] as? Int == 6)
        }
    }
}

/// `claims db check` on damaged databases: each kind of damage named, exit 1, no crash (these
/// run in-process, so a crash would take the test run down with it).
@Suite struct DamageCheckTests {
    /// Damage done with sqlite3 and foreign keys off: a name, the SQL, the checks that must fail
    /// (in the order `db check` lists them) and words the report must hold.
    static let cases: [(name: String, sql: String, failing: [String], detail: String)] = [
        (
            "claim row deleted", "DELETE FROM claims WHERE id = 3",
            ["foreign keys", "missing claims", "orphaned rows"], "claim 3 (1 span, 3 topic tags, 1 review)"
        ),
        (
            "orphaned topic tag", "INSERT INTO claim_topics(claim_id, topic) VALUES (9999, 'economy')",
            ["foreign keys", "missing claims", "orphaned rows"], "a claim_topics row names a missing claims row"
        ),
        (
            "orphaned span",
            "INSERT INTO spans(claim_id, article_id, start, end, exact) SELECT 9998, article_id, start, end, exact FROM spans WHERE claim_id = 1",
            ["foreign keys", "missing claims", "orphaned rows"], "spans of missing claims"
        ),
        (
            "orphaned review",
            "INSERT INTO reviews(claim_id, status, reviewer, created_at) VALUES (9997, 'verified', 'x', 't')",
            ["foreign keys", "missing claims", "orphaned rows"], "1 reviews of missing claims"
        ),
        (
            "orphaned evidence", "INSERT INTO evidence(review_id, url) VALUES (9996, 'https://a.example')",
            ["foreign keys", "orphaned rows"], "1 evidence of missing reviews (1)"
        ),
        (
            "claim without its span", "DELETE FROM spans WHERE claim_id = 2",
            ["claim spans"], "1 claims have no span: claim 2"
        ),
        (
            "broken span",
            "DROP TRIGGER spans_exact_update; UPDATE spans SET exact = 'nothing like it' WHERE claim_id = 4",
            ["spans", "triggers"], "1 spans do not match their article body: span 4 of claim 4"
        ),
        (
            "counts drift",
            "UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'status' AND value = 'dismissed'",
            ["counts"], "status dismissed: 1 kept, 0 counted"
        ),
        (
            "table dropped by hand", "DROP TABLE claim_counts",
            ["counts"], "cannot check: no such table: claim_counts"
        ),
    ]

    @Test(arguments: cases.indices)
    func checkNamesTheDamageAndExitsOne(index: Int) throws {
        let (name, sql, failing, detail) = Self.cases[index]
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        #expect(cli.run("review", "3", "verified").code == 0)
        #expect(cli.run("tag", "3", "economy").code == 0)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: cli.database, configuration: configuration).write { db in try db.execute(sql: sql) }
        let result = cli.run("db", "check")
        #expect(result.code == 1, "\(name): \(result.err)")
        let s = failing.count == 1 ? "" : "s"
        #expect(
            result.err
                == "error: \(cli.database) failed \(failing.count) check\(s): \(failing.joined(separator: ", "))\n",
            "\(name)")
        #expect(result.out.contains(detail), "\(name): \(result.out)")
        for check in failing {
            #expect(
                result.out.split(separator: "\n").contains { $0.hasPrefix(check + " ") && $0.contains("FAIL") },
                "\(name): \(check) not marked FAIL")
        }
    }
}

/// `dismissed`: not a checkable claim, out of the default listing and the queue, kept and counted.
@Suite struct DismissedCLITests {
    @Test func dismissedLeavesTheListingAndCountsInStats() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let review = cli.run("review", "2", "dismissed", "--note", "a headline, not a claim")
        #expect(review.code == 0, "\(review.err)")
        let listed = try jsonLines(cli.run("list", "--format", "ndjson").out).compactMap { $0["id"] as? Int }
        #expect(listed.count == CLI.seedClaims - 1)
        #expect(!listed.contains(2))
        let queue = try jsonLines(cli.run("list", "--status", "unreviewed", "--format", "ndjson").out)
        #expect(!queue.contains { $0["id"] as? Int == 2 })
        let dismissed = try jsonLines(cli.run("list", "--status", "dismissed", "--format", "ndjson").out)
        #expect(dismissed.map { $0["id"] as? Int } == [2])
        #expect(dismissed.first?["status"] as? String == "dismissed")
        let stats = try JSONSerialization.jsonObject(with: Data(cli.run("stats", "--format", "json").out.utf8))
        #expect(((stats as? [String: Any])?["byStatus"] as? [String: Int])?["dismissed"] == 1)
        #expect((stats as? [String: Any])?["claims"] as? Int == CLI.seedClaims)
        let history = cli.run("history", "2")
        #expect(history.code == 0 && history.out.contains("dismissed"), "\(history.out)")
    }
}

/// `claims import` stores each claim's sentence, which `claim_context` shows.
@Suite struct ClaimContextCLITests {
    @Test func importedClaimsCarryTheirSentence() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let rows = try DatabaseQueue(path: cli.database).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.claim_id, v.text, v.sentence, c.sentence_start, v.article_title
                    FROM claim_context AS v JOIN claims AS c ON c.id = v.claim_id ORDER BY v.claim_id
                    """)
        }
        #expect(rows.count == CLI.seedClaims)
        #expect(rows.allSatisfy { ($0["sentence_start"] as Int?) != nil }, "every imported claim has its sentence")
        #expect(rows.allSatisfy { ($0["sentence"] as String).contains($0["text"] as String) })
        #expect(rows.contains { ($0["sentence"] as String).count > ($0["text"] as String).count })
        let quantity = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sentence FROM claim_context WHERE kind = 'quantity'
                    AND claim_id IN (SELECT claim_id FROM claim_topics WHERE topic = 'emigration')
                    """)
        }
        #expect(!quantity.isEmpty)
        #expect(quantity.allSatisfy { $0.hasSuffix(".") || $0.hasSuffix("”") || $0.hasSuffix("\"") }, "\(quantity)")
    }
}

extension ConcurrentFirstUseTests {
    /// Six articles written to `directory`, each imported into `database` by its own process of
    /// the built binary, all started at once; what the failed ones printed.
    static func importSixAtOnce(into database: String, in directory: URL) throws -> [String] {
        let articles = try (0..<6).map { index in
            let path = directory.appending(path: "article-\(index).txt")
            try "Report \(index): 76% of the staff left in 2024, the union said.\n".write(
                to: path, atomically: true, encoding: .utf8)
            return path.path
        }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            do {
                let result = try BinaryTests().run(["import", "--db", database, articles[index]], in: directory)
                if result.code != 0 { failures.add(result.err) }
            } catch {
                failures.add("\(error)")
            }
        }
        return failures.all
    }

    /// The same on a file an older binary left at schema 0007: the processes race to apply 0008.
    @Test func sixImportsOnA0007FileAllSucceed() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "claims-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appending(path: "claims.sqlite").path
        let queue = try DatabaseQueue(path: database)
        var migrator = DatabaseMigrator()
        for migration in Migrations.all where migration.identifier <= "0007_quote_context_from_body" {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        try migrator.migrate(queue)
        try queue.close()
        let failures = try Self.importSixAtOnce(into: database, in: directory)
        #expect(failures.isEmpty, "\(failures.prefix(2))")
        let check = try BinaryTests().run(["db", "check", "--db", database], in: directory)
        #expect(check.code == 0, "\(check.out)\(check.err)")
        let applied = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == Migrations.all.map(\.identifier))
    }
}
