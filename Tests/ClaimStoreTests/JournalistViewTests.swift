import ClaimCore
import ClaimStore
import Foundation
import GRDB
import Testing

/// What a data journalist sees with sqlite3 or Datasette: the `claim_context` view and a
/// full-text table Datasette recognises (Schema/0008).
@Suite struct JournalistViewTests {
    static let body =
        "Pay fell. Some 76% of staff left for Georgia last year. Prices rose by $5bn in 2022.\n"
        + "The union said 40% of nurses left too.\n"

    /// `text` in `body`, as a claim found in the sentence `sentence`.
    static func claim(_ text: String, sentence: String, kind: ClaimKind = .quantity, topics: [String]) -> CandidateClaim
    {
        var claim = Fixtures.claim(text, in: body, kind: kind, topics: topics)
        let whole = Fixtures.claim(sentence, in: body)
        claim.sentence = whole.span
        return claim
    }

    static func store() throws -> ClaimDatabase {
        let database = try ClaimDatabase.inMemory()
        var article = Fixtures.article(body: body)
        article.published = "2026-11-30"
        _ = try database.importArticle(
            article,
            claims: [
                claim("Pay fell", sentence: "Pay fell.", kind: .statement, topics: ["emigration"]),
                claim(
                    "76% of staff", sentence: "Some 76% of staff left for Georgia last year.", topics: ["emigration"]),
                claim("$5bn", sentence: "Prices rose by $5bn in 2022.", topics: ["economy"]),
                claim("40% of nurses", sentence: "The union said 40% of nurses left too.", topics: ["emigration"]),
            ], extractorVersion: "test")
        return database
    }

    /// The issue's question, one SELECT: every quantity about emigration, with its sentence and article.
    static let question = """
        SELECT claim_id, text, sentence, article_title, url, published, status, contested
        FROM claim_context
        WHERE kind = 'quantity' AND claim_id IN (SELECT claim_id FROM claim_topics WHERE topic = 'emigration')
        ORDER BY claim_id
        """

    @Test func everyQuantityAboutEmigrationIsOneSelect() throws {
        let database = try Self.store()
        // Two reviewers disagree on the first; the second has one verdict.
        try database.review(claimId: 2, verdict: .verified, reviewer: "ana", note: nil)
        try database.review(claimId: 2, verdict: .disputed, reviewer: "ben", note: nil)
        try database.review(claimId: 4, verdict: .disputed, reviewer: "ana", note: nil)
        try database.review(claimId: 4, verdict: .verified, reviewer: "ana", note: nil)
        let rows = try database.writer.read { db in try Row.fetchAll(db, sql: Self.question) }
        #expect(rows.count == 2)
        #expect(rows.map { $0["claim_id"] as Int64 } == [2, 4])
        #expect(rows.map { $0["text"] as String } == ["76% of staff", "40% of nurses"])
        #expect(
            rows.map { $0["sentence"] as String } == [
                "Some 76% of staff left for Georgia last year.", "The union said 40% of nurses left too.",
            ])
        #expect(rows.allSatisfy { $0["article_title"] as String == "Café" })
        #expect(rows.allSatisfy { $0["url"] as String == "https://example.org/cafe" })
        #expect(rows.allSatisfy { $0["published"] as String == "2026-11-30" })
        #expect(rows.map { $0["status"] as String } == ["disputed", "verified"])
        #expect(rows.map { $0["contested"] as Int } == [1, 0])
        // The view agrees with the store's own idea of contested, claim by claim.
        for id: Int64 in [1, 2, 3, 4] {
            let contested = try database.writer.read { db in
                try Bool.fetchOne(db, sql: "SELECT contested FROM claim_context WHERE claim_id = ?", arguments: [id])
            }
            #expect(contested == (try database.claim(id: id).contested), "claim \(id)")
        }
    }

    /// Dismissal counts in contested (as the reports count it), and the text is the span's text.
    @Test func contestedCountsDismissalAndTextIsTheSpan() throws {
        let database = try Self.store()
        try database.review(claimId: 3, verdict: .verified, reviewer: "ana", note: nil)
        try database.review(claimId: 3, verdict: .dismissed, reviewer: "ben", note: nil)
        let row = try database.writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT v.contested, v.status, v.topics,
                           substr(a.body, v.start + 1, v."end" - v.start) = v.text AS exact
                    FROM claim_context AS v JOIN articles AS a ON a.id = v.article_id WHERE v.claim_id = 3
                    """)
        }
        #expect(row?["contested"] as Int? == 1)
        #expect(row?["status"] as String? == "dismissed")
        #expect(row?["topics"] as String? == "economy")
        #expect(row?["exact"] as Int? == 1)
    }

    /// A claim moved onto a new version of its article keeps its text; its old sentence bounds,
    /// which held in the old body, are dropped, so the view shows the claim's text, never a stale cut.
    @Test func aMovedClaimNeverShowsAStaleSentence() throws {
        let database = try Self.store()
        let edited = "Breaking. " + Self.body
        _ = try database.importArticle(Fixtures.article(body: edited), claims: [], extractorVersion: "test")
        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT claim_id, text, sentence, article_version FROM claim_context")
        }
        let moved = rows.filter { $0["article_version"] as Int == 2 }
        #expect(!moved.isEmpty)
        for row in moved {
            let sentence: String = row["sentence"]
            let text: String = row["text"]
            #expect(sentence == text, "claim \(row["claim_id"] as Int64): \(sentence)")
        }
    }

    /// A claim moved onto a new version takes the sentence the extractor found there, and an
    /// unreviewed claim whose words changed takes the new words' fields, or is orphaned where the
    /// extractor found no claim of its kind.
    @Test func aMovedClaimTakesItsNewSentenceAndFields() throws {
        let database = try Self.store()
        try database.review(claimId: 2, verdict: .verified, reviewer: "ana", note: nil)
        let edited = Self.body
            .replacingOccurrences(of: "Pay fell.", with: "Pay fell again.")
            .replacingOccurrences(of: "$5bn", with: "$6bn")
            .replacingOccurrences(of: "40% of nurses", with: "41% of nurses")
        func found(_ text: String, sentence: String, fields: [String: JSONValue]) -> CandidateClaim {
            var claim = Fixtures.claim(text, in: edited, topics: [])
            claim.sentence = Fixtures.claim(sentence, in: edited).span
            claim.fields = fields
            return claim
        }
        // The extractor finds the two quantities again ($6bn with its new value), not 41% of nurses.
        _ = try database.importArticle(
            Fixtures.article(body: edited),
            claims: [
                found("76% of staff", sentence: "Some 76% of staff left for Georgia last year.", fields: ["value": 76]),
                found("$6bn", sentence: "Prices rose by $6bn in 2022.", fields: ["value": 6e9]),
            ], extractorVersion: "test")
        let rows = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT c.id, c.text, c.fields, c.orphaned, v.sentence FROM claims c "
                    + "JOIN claim_context v ON v.claim_id = c.id ORDER BY c.id")
        }
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0) })
        // The reviewed 76% moved with its words unchanged and now reads in its sentence.
        #expect(byId[2]?["orphaned"] == false)
        #expect(byId[2]?["sentence"] == "Some 76% of staff left for Georgia last year.")
        // $5bn → $6bn: an unreviewed claim following its own edited words takes their fields.
        #expect(byId[3]?["text"] == "$6bn")
        #expect(byId[3]?["fields"] == JSONValue.jsonText(["value": 6e9]))
        #expect(byId[3]?["sentence"] == "Prices rose by $6bn in 2022.")
        // 40% → 41% of nurses, found by no recognizer: orphaned rather than "41%" with 40%'s fields.
        #expect(byId[4]?["orphaned"] == true)
        #expect(byId[4]?["text"] == "40% of nurses")
    }

    /// Datasette shows a search box for a table when an FTS table's SQL holds content="claims";
    /// this is its own query (datasette.utils.detect_fts_sql).
    static let datasetteDetectsFTS = """
        SELECT name FROM sqlite_master
        WHERE rootpage = 0
          AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content="claims"%'
               OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[claims]%'
               OR (tbl_name = 'claims' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))
        """

    @Test func datasetteFindsTheFullTextTableOfANewDatabase() throws {
        let database = try Self.store()
        let found = try database.writer.read { db in try String.fetchAll(db, sql: Self.datasetteDetectsFTS) }
        #expect(found == ["claims_fts"])
        let sql = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'claims_fts'")
        }
        #expect(sql?.contains("content=\"claims\"") == true)
        // Datasette's search: rowids from the FTS table, rows from claims.
        let matched = try database.writer.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT claims.id FROM claims WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)
                    """, arguments: ["nurses"])
        }
        #expect(matched == [4])
    }

    @Test func datasetteFindsTheFullTextTableAfterMigration() throws {
        let queue = try DismissedMigrationTests.database(upTo: "0007_quote_context_from_body")
        try queue.write { db in try db.execute(sql: DismissedMigrationTests.seventhEraRows) }
        let before = try queue.read { db in try String.fetchAll(db, sql: Self.datasetteDetectsFTS) }
        #expect(before.isEmpty, "0007's claims_fts was declared content = 'claims', which Datasette misses")
        let database = try ClaimDatabase(migrating: queue)
        #expect(try queue.read { db in try String.fetchAll(db, sql: Self.datasetteDetectsFTS) } == ["claims_fts"])
        // The rebuilt index finds what was there before, and follows new claims and edits.
        #expect(try database.claims(ClaimFilter(search: "5bn")).map(\.id) == [7])
        #expect(try database.claims(ClaimFilter(search: "half")).map(\.id) == [9])
        _ = try database.importArticle(
            Fixtures.article(), claims: [Fixtures.claim("$5bn")], extractorVersion: "test")
        #expect(try database.claims(ClaimFilter(search: "5bn")).count == 2)
        // Claims stored before 0008 have no sentence bounds: the view shows their text.
        let sentence = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT sentence FROM claim_context WHERE claim_id = 3")
        }
        #expect(sentence == "76%")
        #expect(try database.check().allSatisfy(\.ok))
    }
}
