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
