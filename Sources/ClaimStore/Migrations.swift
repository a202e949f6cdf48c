import GRDB

/// The schema migrations: the files of `Schema/`, embedded at build time, applied in name order.
public enum Migrations {
    /// `(identifier, sql)` for every `Schema/*.sql`, e.g. `("0001_initial", "CREATE TABLE …")`.
    public static var all: [(identifier: String, sql: String)] {
        EmbeddedSchema.files.map { file in
            (String(file.name.dropLast(".sql".count)), file.contents)
        }
    }

    /// The newest migration this binary knows.
    public static var latest: String { all.last?.identifier ?? "none" }

    /// GRDB's migrator over the same files: it reads which migrations a database has
    /// (`grdb_migrations`, GRDB's table, which ``migrate(_:)`` keeps).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    /// Each row `PRAGMA foreign_key_check` finds: "claim_topics row NULL -> claims".
    static func foreignKeyViolations(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
            let table: DatabaseValue = row["table"]
            let rowid: DatabaseValue = row["rowid"]
            let parent: DatabaseValue = row["parent"]
            return "\(shown(table)) row \(shown(rowid)) -> \(shown(parent))"
        }
    }

    /// What a database holds that this binary does not know, found by ``migrate(_:)``.
    struct TooNew: Error {
        var found: [String]
    }

    /// Applies every pending migration in one IMMEDIATE transaction, so any number of processes
    /// opening the same new or older file at once all succeed: the first takes the write lock and
    /// migrates, the others wait for it (the busy timeout), then find nothing left to do.
    ///
    /// GRDB's migrator reads which migrations were applied before it takes the lock and runs each
    /// in its own transaction: two processes both saw an empty file and both ran 0001, and the
    /// second failed with "table articles already exists". As GRDB does, and as SQLite documents for
    /// schema changes, foreign keys are off while the migrations run and checked before commit.
    static func migrate(_ db: Database) throws {
        let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { if foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
        try db.inTransaction(.immediate) {
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
            let known = all
            let unknown = applied.subtracting(known.map(\.identifier))
            guard unknown.isEmpty else { throw TooNew(found: unknown.sorted()) }
            let pending = known.filter { !applied.contains($0.identifier) }
            guard !pending.isEmpty else { return .commit }
            // Rows that already pointed at missing rows (a file damaged by hand) are left for
            // `claims db check` to name; only a row the migrations themselves broke stops them.
            let damaged = foreignKeys ? Set(try foreignKeyViolations(db)) : []
            for migration in pending {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            if foreignKeys, let broken = try foreignKeyViolations(db).first(where: { !damaged.contains($0) }) {
                throw DatabaseError(
                    resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                    message: "the schema migration would leave \(broken) pointing at a missing row")
            }
            return .commit
        }
    }
}
