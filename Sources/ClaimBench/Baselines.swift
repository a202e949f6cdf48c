import Foundation

/// What a careful engineer would use instead: the same JSON lines stored as text, with no extraction.
enum Baselines {
    /// `sqlite-utils` from PyPI in a virtual environment under `directory`; nil when it cannot be installed.
    static func sqliteUtils(in directory: String, logDirectory: String) -> String? {
        let venv = "\(directory)/venv"
        let tool = "\(venv)/bin/sqlite-utils"
        if FileManager.default.isExecutableFile(atPath: tool) { return tool }
        progress("creating \(venv) and installing sqlite-utils from PyPI")
        do {
            _ = try Runner.runChecked(
                ["python3", "-m", "venv", venv], stdoutPath: "\(logDirectory)/venv.out",
                stderrPath: "\(logDirectory)/venv.err")
            _ = try Runner.runChecked(
                ["\(venv)/bin/pip", "install", "--quiet", "sqlite-utils"], stdoutPath: "\(logDirectory)/pip.out",
                stderrPath: "\(logDirectory)/pip.err")
        } catch {
            progress("sqlite-utils is not available (\(error.localizedDescription)); its figures will be n/a")
            return nil
        }
        return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil
    }

    /// One sqlite-utils run: `insert … --nl` then `enable-fts … title body` into a new database.
    static func runSQLiteUtils(_ tool: String, corpus: String, database: String, logDirectory: String) throws
        -> (insert: ProcessRun, fts: ProcessRun)
    {
        removeDatabase(database)
        let insert = try Runner.runChecked(
            [tool, "insert", database, "articles", corpus, "--nl"],
            stderrPath: "\(logDirectory)/sqlite-utils-insert.err")
        let fts = try Runner.runChecked(
            [tool, "enable-fts", database, "articles", "title", "body"],
            stderrPath: "\(logDirectory)/sqlite-utils-fts.err")
        return (insert, fts)
    }

    /// The sqlite3 shell script: `.import` of each JSON line as one value into a temporary table
    /// (ASCII mode, unit separator as the column separator, so nothing in the JSON is special),
    /// then one `INSERT … SELECT` with `->>` into `articles`, all in one transaction; with `fts`,
    /// an FTS5 external-content index over title and body is built in the same transaction.
    static func sqlite3Script(corpus: String, fts: Bool) -> String {
        """
        PRAGMA journal_mode = WAL;
        BEGIN;
        CREATE TEMP TABLE raw(line TEXT);
        .mode ascii
        .separator "\\037" "\\n"
        .import --schema temp \(corpus) raw
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY, title TEXT, body TEXT, url TEXT, author TEXT, published TEXT, publisher TEXT);
        INSERT INTO articles (title, body, url, author, published, publisher)
            SELECT line ->> '$.title', line ->> '$.body', line ->> '$.url', line ->> '$.author',
                   line ->> '$.published', line ->> '$.publisher'
            FROM temp.raw;
        \(fts ? """
            CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
            """ : "")
        COMMIT;
        .mode list
        SELECT count(*) FROM articles;

        """
    }

    /// One sqlite3 shell run of ``sqlite3Script(corpus:fts:)`` into a new database; returns the run
    /// and the number of rows stored.
    static func runSQLite3(script: String, database: String, logDirectory: String) throws -> (ProcessRun, Int) {
        removeDatabase(database)
        let output = "\(logDirectory)/sqlite3.out"
        let run = try Runner.runChecked(
            ["sqlite3", "-bail", database, ".read \(script)"], stdoutPath: output,
            stderrPath: "\(logDirectory)/sqlite3.err")
        let rows =
            Int(
                ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: \.isNewline).last ?? "") ?? 0
        return (run, rows)
    }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Size of a SQLite database with its WAL, in bytes.
func databaseSize(_ path: String) -> Int64 { fileSize(path) + fileSize(path + "-wal") }
