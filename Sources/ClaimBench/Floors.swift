import CGumbo
import ClaimStore
import Foundation
import GRDB

/// Lower bounds on the import's time that no change to `claims` itself can go below: what SQLite
/// alone takes to store the rows an import stores, and what gumbo alone takes to parse the pages.
/// They say how far a target is from what the chosen parts allow.
enum Floors {
    /// Seconds SQLite takes to copy every row of the finished import at `source` into a new
    /// database with the same schema and triggers, one `INSERT … SELECT` per table in one
    /// transaction: the storage work of an import with no extraction, no Swift and no binding.
    static func storageCopy(from source: String, into target: String) throws -> Double {
        Baselines.removeDatabase(target)
        // Opening through the store creates the schema (every migration) and the topics' table.
        let store = try ClaimDatabase(path: target, create: true)
        let started = monotonicSeconds()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            try db.inTransaction {
                // Parents and children of the taxonomy arrive in any order: checked at commit.
                try db.execute(
                    sql: """
                        PRAGMA defer_foreign_keys = ON;
                        INSERT OR IGNORE INTO topics SELECT * FROM source.topics;
                        INSERT INTO articles SELECT * FROM source.articles;
                        INSERT INTO claims SELECT * FROM source.claims;
                        INSERT INTO spans SELECT * FROM source.spans;
                        INSERT INTO claim_topics SELECT * FROM source.claim_topics;
                        """)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE source")
        }
        let seconds = monotonicSeconds() - started
        let copied = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0 }
        let stored = try DatabaseQueue(path: source).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0
        }
        guard copied == stored else { throw Failure(errorDescription: "copied \(copied) of \(stored) claims") }
        return seconds
    }

    struct Failure: LocalizedError {
        var errorDescription: String?
    }

    /// Seconds gumbo takes, on this thread, to parse and free each page at `paths` with the
    /// options `HTMLDocument` uses: the parser's share of an HTML import, with nothing read out
    /// of the tree. Returns the pages' bytes too.
    static func gumboParse(_ paths: [String]) -> (bytes: Int, seconds: Double) {
        let pages = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) + [0] } }
        var options = kGumboDefaultOptions
        options.max_errors = 0
        let started = monotonicSeconds()
        for page in pages {
            page.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    if let output = gumbo_parse_with_options(&options, chars, buffer.count - 1) {
                        gumbo_destroy_output(&options, output)
                    }
                }
            }
        }
        return (pages.reduce(0) { $0 + $1.count - 1 }, monotonicSeconds() - started)
    }
}
