import ClaimCore
import Foundation
import GRDB

/// The one door into a ClaimLedger database: it owns the writer and the migrator, and each of
/// its write methods is one transaction that keeps the schema's invariants.
public final class ClaimDatabase: Sendable {
    /// The GRDB writer: a WAL `DatabasePool` for files, a read-only `DatabaseQueue` for
    /// commands that only read (``reading(path:)``), a `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter

    /// The file, or ":memory:"; named in every error.
    public let path: String

    /// How long a write waits for another process's write before giving up: 30 s, or
    /// `$CLAIMS_BUSY_TIMEOUT` seconds, at most what SQLite's busy timeout holds (an `Int32` of
    /// milliseconds, about 24 days); a value that is not a finite number is ignored, since SQLite
    /// is handed a whole number of milliseconds and `inf` or `1e300` would trap converting it.
    public static var busyTimeout: TimeInterval {
        guard let text = ProcessInfo.processInfo.environment["CLAIMS_BUSY_TIMEOUT"],
            let seconds = TimeInterval(text), seconds.isFinite
        else { return 30 }
        return min(max(0, seconds), 2_000_000)
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        try mapErrors { try migrate() }
    }

    /// Runs `work` in a write transaction, its SQLite errors worded for people.
    func write<T>(_ work: (Database) throws -> T) throws -> T {
        try mapErrors { try writer.write(work) }
    }

    /// Runs `work` in a read transaction, its SQLite errors worded for people.
    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try mapErrors { try writer.read(work) }
    }

    /// Turns SQLite's result codes into errors that name this database and say what to do.
    func mapErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DatabaseError {
            throw ClaimStoreError(error, path: path)
        }
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
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw ClaimStoreError(error, path: path)
        }
        try self.init(writer: pool, path: path)
    }

    /// Opens the database file at `path` for commands that only read it: one read-only
    /// connection, which neither writes to the file nor checkpoints it on closing (opening the
    /// WAL pool costs a write transaction and two syncs, closing it a checkpoint and two more, a
    /// good part of a query's time). A database whose schema is older than this binary's is
    /// opened as `init(path:create:)` does, which migrates it.
    public static func reading(path: String) throws -> ClaimDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw ClaimStoreError.missingDatabase(path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let queue: DatabaseQueue
        let complete: Bool
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            complete = try queue.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        } catch let error as DatabaseError {
            throw ClaimStoreError(error, path: path)
        }
        guard complete else { return try ClaimDatabase(path: path, create: false) }
        return try ClaimDatabase(writer: queue, path: path)
    }

    /// A database over an existing GRDB writer, migrated to this binary's schema.
    public convenience init(migrating writer: any DatabaseWriter) throws {
        try self.init(writer: writer, path: writer.path)
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws -> ClaimDatabase {
        try ClaimDatabase(writer: DatabaseQueue(), path: ":memory:")
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
            do {
                try writer.barrierWriteWithoutTransaction { db in try Migrations.migrate(db) }
            } catch let tooNew as Migrations.TooNew {
                // Another process, newer than this one, migrated the file while this one waited.
                throw ClaimStoreError.schemaTooNew(path: writer.path, found: tooNew.found, known: Migrations.latest)
            }
        }
    }
}
