import ClaimCore
import Foundation
import GRDB

/// The one door into a ClaimLedger database: it owns the writer and the migrator, and each of
/// its write methods is one transaction that keeps the schema's invariants.
public final class ClaimDatabase: Sendable {
    /// The GRDB writer: a WAL `DatabasePool` for files, a `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter

    /// How long a write waits for another process's write before giving up.
    public static let busyTimeout: TimeInterval = 30

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try migrate()
    }

    /// Opens the database file at `path`, creating it when `create` is true.
    public convenience init(path: String, create: Bool) throws {
        if !FileManager.default.fileExists(atPath: path) && !create {
            throw ClaimStoreError.missingDatabase(path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL keeps the database consistent through any crash and spares an fsync
        // per committed article; only a power cut may lose the last commits.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try self.init(writer: pool)
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw ClaimStoreError.notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// A database over an existing GRDB writer, migrated to this binary's schema.
    public convenience init(migrating writer: any DatabaseWriter) throws {
        try self.init(writer: writer)
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws -> ClaimDatabase {
        try ClaimDatabase(writer: DatabaseQueue())
    }

    private func migrate() throws {
        let migrator = Migrations.migrator
        let (superseded, complete, applied) = try writer.read { db in
            (
                try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
                try migrator.appliedIdentifiers(db)
            )
        }
        if superseded {
            let known = Set(Migrations.all.map(\.identifier))
            throw ClaimStoreError.schemaTooNew(
                path: writer.path, found: applied.subtracting(known).sorted(), known: Migrations.latest)
        }
        if !complete {
            try migrator.migrate(writer)
        }
    }
}
