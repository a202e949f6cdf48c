import ClaimStore
import Foundation
import GRDB
import Testing

@Suite struct MigrationTests {
    static let schemaDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Schema")

    @Test func embeddedMigrationsAreTheSchemaFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.schemaDirectory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        #expect(Migrations.all.map(\.identifier) == files.map { String($0.dropLast(4)) })
        for (migration, file) in zip(Migrations.all, files) {
            let text = try String(contentsOf: Self.schemaDirectory.appending(path: file), encoding: .utf8)
            #expect(migration.sql == text, "embedded \(migration.identifier) differs from Schema/\(file)")
        }
    }

    @Test func openingAppliesEverySchemaFileInOrder() throws {
        let database = try ClaimDatabase.inMemory()
        let applied = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == Migrations.all.map(\.identifier))
        let tables = try database.writer.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        for table in ["articles", "claims", "spans", "topics", "claim_topics", "reviews", "evidence", "claims_fts"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test func newerSchemaIsRefusedWithVersionsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "newer-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try ClaimDatabase(path: path, create: true)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999_from_the_future')")
        }
        #expect(
            throws: ClaimStoreError.schemaTooNew(path: path, found: ["9999_from_the_future"], known: Migrations.latest)
        ) {
            _ = try ClaimDatabase(path: path, create: false)
        }
    }

    @Test func randomBytesAreNotADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "junk-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try junk.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try ClaimDatabase(path: path, create: false)
        } throws: { error in
            guard case ClaimStoreError.notADatabase(let failing, _) = error else { return false }
            return failing == path
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk, "the file was changed")
    }

    @Test func missingDatabaseIsNotCreatedByReaders() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "absent-\(UUID().uuidString).sqlite").path
        #expect(throws: ClaimStoreError.missingDatabase(path)) { _ = try ClaimDatabase(path: path, create: false) }
        #expect(throws: ClaimStoreError.missingDatabase(path)) { _ = try ClaimDatabase.reading(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Reading commands open the file read-only: the database file is not written, and a write
    /// through that connection is refused by SQLite.
    @Test func readersNeverWriteTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "read-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        _ = try ClaimDatabase(path: path, create: true).importArticle(
            Fixtures.article(), claims: [Fixtures.claim("$5bn")], extractorVersion: "test")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try ClaimDatabase.reading(path: path)
        #expect(try reader.claims(ClaimFilter(search: "5bn")).count == 1)
        #expect(try reader.stats().claims == 1)
        #expect(throws: (any Error).self) {
            try reader.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A file at an older schema is migrated even when a reading command opens it first.
    @Test func readersMigrateAnOlderSchema() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "old-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        let first = Migrations.all[0]
        migrator.registerMigration(first.identifier) { db in try db.execute(sql: first.sql) }
        try migrator.migrate(queue)
        try queue.close()
        let reader = try ClaimDatabase.reading(path: path)
        let applied = try reader.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == Migrations.all.map(\.identifier))
    }

    @Test func readersRefuseANewerSchemaAndJunk() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "newer-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try ClaimDatabase(path: path, create: true).writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999_from_the_future')")
        }
        #expect(
            throws: ClaimStoreError.schemaTooNew(path: path, found: ["9999_from_the_future"], known: Migrations.latest)
        ) {
            _ = try ClaimDatabase.reading(path: path)
        }
        let junk = path + ".junk"
        defer { try? FileManager.default.removeItem(atPath: junk) }
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: junk))
        #expect {
            _ = try ClaimDatabase.reading(path: junk)
        } throws: { error in
            guard case ClaimStoreError.notADatabase(let failing, _) = error else { return false }
            return failing == junk
        }
    }
}

/// Migration 0008: `dismissed` in every CHECK, with `claims` and `reviews` rebuilt.
@Suite struct DismissedMigrationTests {
    /// A database at migration `last` (e.g. "0007_quote_context_from_body").
    static func database(upTo last: String, path: String? = nil) throws -> DatabaseQueue {
        let queue = try path.map { try DatabaseQueue(path: $0) } ?? DatabaseQueue()
        var migrator = DatabaseMigrator()
        for migration in Migrations.all where migration.identifier <= last {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        try migrator.migrate(queue)
        return queue
    }

    /// Two articles' worth of claims, spans, topics, reviews (a retraction among them) and evidence,
    /// written with 0007's schema.
    static let seventhEraRows = """
        INSERT INTO topics(slug, name) VALUES ('emigration', 'Emigration'), ('economy', 'Economy');
        INSERT INTO articles(source, url, title, imported_at, content_hash, body, key, document_id)
            VALUES ('a.txt', 'https://a.example/1', 'First', 'n', 'h1', 'Half left. 76% of staff left.', 'k1', 1),
                   ('b.txt', NULL, 'Second', 'n', 'h2', 'Prices rose by $5bn.', 'k2', 2);
        INSERT INTO claims(id, article_id, kind, text, score, created_at, extractor_version)
            VALUES (3, 1, 'quantity', '76%', 0.5, 'n', 'v'), (7, 2, 'quantity', '$5bn', 0.75, 'n', 'v'),
                   (9, 1, 'statement', 'Half left', 0.25, 'n', 'v');
        INSERT INTO spans(claim_id, article_id, start, end, exact)
            VALUES (3, 1, 11, 14, '76%'), (7, 2, 15, 19, '$5bn'), (9, 1, 0, 9, 'Half left');
        INSERT INTO claim_topics(claim_id, topic) VALUES (3, 'emigration'), (7, 'economy');
        INSERT INTO reviews(claim_id, status, reviewer, created_at) VALUES (3, 'verified', 'ana', 't1');
        INSERT INTO reviews(claim_id, status, reviewer, created_at) VALUES (3, 'disputed', 'ben', 't2');
        INSERT INTO reviews(claim_id, status, retracts, reviewer, created_at) VALUES (3, 'retracted', 2, 'ben', 't3');
        INSERT INTO reviews(claim_id, status, reviewer, note, created_at) VALUES (7, 'unsourced', 'ana', 'no', 't4');
        INSERT INTO evidence(review_id, url, title) VALUES (1, 'https://source.example', 'Survey');
        """

    /// Every row of the tables 0008 rebuilds or touches, as text.
    static func snapshot(_ db: Database) throws -> [String: [String]] {
        var tables: [String: [String]] = [:]
        for (table, columns) in [
            ("articles", "*"), ("spans", "*"), ("claim_topics", "*"), ("evidence", "*"), ("reviews", "*"),
            ("topics", "*"), ("claim_counts", "*"),
            ("claims", "id, article_id, kind, text, fields, score, status, created_at, extractor_version, orphaned"),
        ] {
            tables[table] = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY 1, 2")
                .map { $0.description }
        }
        return tables
    }

    @Test func migratingA0007DatabaseLosesNothing() throws {
        let queue = try Self.database(upTo: "0007_quote_context_from_body")
        try queue.write { db in try db.execute(sql: Self.seventhEraRows) }
        let before = try queue.read(Self.snapshot)
        #expect(before["reviews"]?.count == 4)

        let database = try ClaimDatabase(migrating: queue)
        var after = try queue.read(Self.snapshot)
        // The one change: the kept counts gain a row for the new status.
        #expect(after["claim_counts"]?.contains { $0.contains("\"dismissed\"") } == true)
        after["claim_counts"]?.removeAll { $0.contains("\"dismissed\"") }
        #expect(after == before)
        #expect(try database.claim(id: 3).status == .verified)
        #expect(try database.claim(id: 3).reviews.first?.sources.map(\.url) == ["https://source.example"])
        #expect(try database.claim(id: 7).status == .unsourced)
        let failing = try database.check().filter { !$0.ok }
        #expect(failing.isEmpty, "\(failing)")

        // Every guard still holds on the rebuilt tables.
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM reviews WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE claims SET status = 'disputed' WHERE id = 3") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO reviews(claim_id, status, reviewer, created_at) VALUES (3, 'bogus', 'x', 't')")
            }
        }
        // The new verdict is accepted, counted and searched as before.
        try database.review(claimId: 9, verdict: .dismissed, reviewer: "cy", note: "not a claim")
        #expect(try database.claim(id: 9).status == .dismissed)
        #expect(try database.stats().byStatus["dismissed"] == 1)
        #expect(try database.claims(ClaimFilter(search: "5bn")).map(\.id) == [7])
        #expect(try database.check().allSatisfy(\.ok))
    }
}

extension DismissedMigrationTests {
    /// An older file already damaged by hand (a claim deleted with foreign keys off) still opens,
    /// so that `claims db check` can name the damage, instead of the migration refusing it.
    @Test func aDamagedOlderFileIsMigratedAndTheDamageReported() throws {
        let queue = try Self.database(upTo: "0007_quote_context_from_body")
        try queue.write { db in try db.execute(sql: Self.seventhEraRows) }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM claims WHERE id = 7")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let database = try ClaimDatabase(migrating: queue)
        let failed = try database.check().filter { !$0.ok }
        #expect(failed.map(\.check) == ["foreign keys", "missing claims", "orphaned rows"])
        #expect(
            failed.first { $0.check == "missing claims" }?.detail.contains("claim 7 (1 span, 1 topic tag, 1 review)")
                == true)
    }
}
