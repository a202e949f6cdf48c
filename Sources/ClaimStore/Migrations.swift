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
}
