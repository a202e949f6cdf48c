import ClaimCore
import ClaimStore
import Foundation
import GRDB
import Testing

/// The import write path: many articles in one transaction, many rows per statement.
@Suite struct BatchImportTests {
    /// Article `index` of a feed: three claims each, one naming a word only it has.
    static func article(_ index: Int) throws -> PreparedArticle {
        let body = "Report \(index): exports rose 12% to $4bn.\nword\(index) sales fell 3% in 2023.\nThe end.\n"
        let article = ArticleDraft(
            source: "/feed.jsonl#L\(index)", title: "Report \(index)", body: body,
            url: "https://example.org/\(index)")
        return try PreparedArticle(
            article,
            claims: [
                Fixtures.claim("12%", in: body, topics: ["economy"]),
                Fixtures.claim("$4bn", in: body, topics: ["economy", "no-such-topic"]),
                Fixtures.claim("word\(index) sales fell 3% in 2023.", in: body, kind: .statement),
            ])
    }

    @Test func aBatchStoresEveryClaimWithItsSpanTopicsAndSearchIndex() throws {
        let database = try ClaimDatabase.inMemory()
        let first = try database.importArticles((0..<50).map(Self.article), extractorVersion: "test")
        let second = try database.importArticles((50..<130).map(Self.article), extractorVersion: "test")
        #expect((first + second).allSatisfy { if case .imported(_, 3) = $0 { true } else { false } })
        try database.writer.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == 390)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM spans") == 390)
            // Each span belongs to its own claim, in its claim's article, with the claim's text.
            #expect(
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM spans s JOIN claims c ON c.id = s.claim_id JOIN articles a ON a.id = s.article_id
                        WHERE c.article_id = s.article_id AND c.text = s.exact
                          AND substr(a.body, s.start + 1, s.end - s.start) = s.exact
                        """) == 390)
            // Known topics only: two claims per article tagged economy, the unknown slug dropped.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_topics WHERE topic = 'economy'") == 260)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_topics") == 260)
            // The full-text index holds every claim: each article's own word finds its claim.
            for index in [0, 63, 64, 129] {
                let found = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", arguments: ["word\(index)"])
                let expected = try Int64.fetchAll(
                    db, sql: "SELECT id FROM claims WHERE text LIKE ?", arguments: ["word\(index) %"])
                #expect(found == expected && found.count == 1)
            }
        }
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
        }
    }

    @Test func aNewVersionInTheSameBatchReanchorsTheClaimsOfTheFirst() throws {
        let database = try ClaimDatabase.inMemory()
        let original = try Self.article(7)
        let edited = ArticleDraft(
            source: original.article.source, title: "Report 7", body: "Updated.\n" + original.article.body,
            url: original.article.url)
        let outcomes = try database.importArticles(
            [original, try PreparedArticle(edited, claims: [])], extractorVersion: "test")
        guard case .imported(let first, 3) = outcomes[0], case .updated(let second, 2, 0, 3, 0) = outcomes[1] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        try database.writer.read { db throws in
            let onArticle = "SELECT count(*) FROM claims WHERE article_id = ?"
            #expect(try Int.fetchOne(db, sql: onArticle, arguments: [second]) == 3)
            #expect(try Int.fetchOne(db, sql: onArticle, arguments: [first]) == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT min(start) FROM spans") == 9 + "Report 7: exports rose ".count)
        }
    }

    @Test func listsAndReportsOfMoreClaimsThanSQLiteHasVariables() throws {
        // 33,000 claims: more than the 32,766 bound arguments one SQLite statement may hold.
        let database = try ClaimDatabase.inMemory()
        let words = (0..<30).map { "w\($0)" }
        let body = words.joined(separator: " ") + "\n"
        for batch in 0..<11 {
            let articles = try (0..<100).map { index in
                let article = ArticleDraft(
                    source: "/a\(batch)-\(index).txt", title: "A", body: body + "copy \(batch)-\(index)\n")
                return try PreparedArticle(
                    article, claims: words.map { Fixtures.claim($0, in: body, kind: .statement, topics: ["economy"]) })
            }
            _ = try database.importArticles(articles, extractorVersion: "test")
        }
        let all = try database.claims(ClaimFilter(topic: "economy"))
        #expect(all.count == 33_000)
        #expect(all.first?.id == 1 && all.last?.id == 33_000)
        #expect(all.allSatisfy { $0.topics == ["economy"] && $0.end > $0.start })
        #expect(try database.stats().byTopic == ["economy": 33_000])
    }

    /// A batch that SQLite refuses halfway leaves nothing behind, and the same cached
    /// statements then store the next batch whole: their bound values never leak across.
    @Test func aRefusedBatchLeavesNothingAndTheNextStoresWhole() throws {
        let queue = try DatabaseQueue()
        let database = try ClaimDatabase(migrating: queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse AFTER INSERT ON claims WHEN NEW.text = 'refuse me'
                    BEGIN SELECT RAISE(ABORT, 'refused'); END
                    """)
        }
        let body = "Report 1: exports rose 12% to $4bn.\nrefuse me\n"
        let spoiled = try PreparedArticle(
            ArticleDraft(source: "/spoiled.txt", title: "Spoiled", body: body),
            claims: [Fixtures.claim("12%", in: body), Fixtures.claim("refuse me", in: body)])
        #expect(throws: (any Error).self) {
            _ = try database.importArticles([try Self.article(0), spoiled], extractorVersion: "test")
        }
        #expect(try database.stats().claims == 0)
        // Five claims again, so the claims and spans statements refused above are the ones reused.
        let good = try PreparedArticle(
            ArticleDraft(source: "/good.txt", title: "Good", body: "Sales rose 7% to $9bn.\n"),
            claims: [
                Fixtures.claim("7%", in: "Sales rose 7% to $9bn.\n"),
                Fixtures.claim("$9bn", in: "Sales rose 7% to $9bn.\n"),
            ])
        let stored = try database.importArticles([try Self.article(2), good], extractorVersion: "test")
        #expect(stored.count == 2)
        let claims = try database.claims(ClaimFilter())
        #expect(claims.map(\.text) == ["12%", "$4bn", "word2 sales fell 3% in 2023.", "7%", "$9bn"])
        #expect(claims.map(\.articleId) == [1, 1, 1, 2, 2])
        #expect(claims.allSatisfy { $0.score == 0.9 && $0.status == .unreviewed })
        #expect(try database.check().allSatisfy(\.ok))
    }

    @Test func prepareExtractsOnlyContentNotStoredYet() throws {
        let database = try ClaimDatabase.inMemory()
        let first = try Self.article(1)
        var extracted = 0
        let extract = { (body: String) -> ArticleExtraction in
            extracted += 1
            return ArticleExtraction(claims: [Fixtures.claim("12%", in: body)], topics: ["economy"])
        }
        guard case .ready(let prepared) = try database.prepare(first.article, extract: extract) else {
            Issue.record("a new article must be prepared")
            return
        }
        #expect(prepared.contentHash == first.contentHash && prepared.claimCount == 1 && extracted == 1)
        let stored = try database.importArticles([prepared], extractorVersion: "test")
        guard case .imported(let id, 1) = stored[0] else {
            Issue.record("unexpected \(stored)")
            return
        }
        var copy = first.article
        copy.source = "/elsewhere.txt"
        guard case .known(let known) = try database.prepare(copy, extract: extract) else {
            Issue.record("the same body must be known")
            return
        }
        #expect(known == id && extracted == 1)
    }

    @Test func aSpanThatIsNotTheBodysTextCannotBePrepared() {
        let article = ArticleDraft(source: "/a.txt", title: "A", body: "Prices rose 5%.")
        let wrong = CandidateClaim(kind: .quantity, span: TextSpan(start: 12, end: 14), text: "5%.", score: 0.5)
        let beyond = CandidateClaim(kind: .quantity, span: TextSpan(start: 12, end: 40), text: "5%.", score: 0.5)
        #expect(throws: ClaimStoreError.spanMismatch("5%.", start: 12, end: 14)) {
            try PreparedArticle(article, claims: [wrong])
        }
        #expect(throws: ClaimStoreError.spanMismatch("5%.", start: 12, end: 40)) {
            try PreparedArticle(article, claims: [beyond])
        }
    }
}
