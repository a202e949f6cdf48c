import ClaimCore
import ClaimStore
import Foundation
import GRDB
import Testing

@Suite struct StoreTests {
    @Test func everySpanMatchesTheBodyInSQL() throws {
        let (database, _) = try Fixtures.store()
        let mismatches = try database.writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM spans JOIN articles ON articles.id = spans.article_id
                    WHERE substr(articles.body, spans.start + 1, spans.end - spans.start) IS NOT spans.exact
                    """)
        }
        let spans = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM spans") }
        #expect(spans == 2)
        #expect(mismatches == 0)
    }

    @Test func spanWhoseTextDisagreesWithTheBodyIsRejected() throws {
        let (database, _) = try Fixtures.store()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE spans SET start = start + 1 WHERE id = 1")
            }
        }
        let bad = CandidateClaim(kind: .quantity, span: TextSpan(start: 0, end: 4), text: "Cafe", score: 0.5)
        let fresh = try ClaimDatabase.inMemory()
        #expect {
            _ = try fresh.importArticle(Fixtures.article(), claims: [bad], extractorVersion: "test")
        } throws: { error in
            error as? ClaimStoreError == .spanMismatch("Cafe", start: 0, end: 4)
        }
        let articles = try fresh.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") }
        #expect(articles == 0, "a failed import must leave no article behind")
    }

    @Test func quoteSelectorKeepsThirtyTwoCodePointsOfContext() throws {
        let (database, _) = try Fixtures.store()
        let span = try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM span_selectors WHERE id = 2")!
        }
        #expect(span["exact"] as String == "$5bn")
        #expect((span["prefix"] as String).unicodeScalars.count == 32)
        #expect((span["prefix"] as String).hasSuffix("Prices rose by "))
        #expect(span["suffix"] as String == " in 2022.\n")
    }

    /// Spans at the body's start, inside an emoji sequence's neighbourhood and at its end: SQL's
    /// `substr` cuts the same context as the re-anchoring code does in Swift.
    @Test(arguments: ["Café", "76% of staff left", "$5bn", "in 2022.\n", "Café owners 👩‍👩‍👧 said"])
    func spanSelectorsViewCutsTheContextSwiftCuts(_ text: String) throws {
        let (database, _) = try Fixtures.store(claims: [Fixtures.claim(text)])
        let row = try database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM span_selectors")! }
        let expected = ScalarText(Fixtures.body).quoteSelector(TextSpan(start: row["start"], end: row["end"]))
        #expect(row["prefix"] as String == expected.prefix)
        #expect(row["exact"] as String == expected.exact)
        #expect(row["suffix"] as String == expected.suffix)
    }

    @Test func importingTheSameContentTwiceAddsNothing() throws {
        let (database, id) = try Fixtures.store()
        let again = try database.importArticle(
            Fixtures.article(source: "/elsewhere/copy.txt"), claims: [Fixtures.claim("$5bn")], extractorVersion: "test")
        #expect(again == .unchanged(articleId: id))
        let counts = try database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM claims")
            )
        }
        #expect(counts.0 == 1)
        #expect(counts.1 == 2)
    }

    @Test func topicFilterMatchesDescendants() throws {
        let (database, _) = try Fixtures.store(claims: [
            Fixtures.claim("76% of staff left", topics: ["finance"]), Fixtures.claim("$5bn", topics: ["politics"]),
        ])
        let economy = try database.claims(ClaimFilter(topic: "economy"))
        #expect(economy.map(\.text) == ["76% of staff left"])
        #expect(throws: ClaimStoreError.unknownTopic("econmy")) {
            _ = try database.claims(ClaimFilter(topic: "econmy"))
        }
    }

    @Test func reviewsAppendAndTheLatestSetsTheStatus() throws {
        let (database, _) = try Fixtures.store()
        try database.review(
            claimId: 1, verdict: .disputed, reviewer: "ana", note: "wrong base",
            sources: [
                EvidenceSource(url: "https://a.example"),
                EvidenceSource(url: "https://b.example", title: "B", quote: "q"),
            ])
        try database.review(claimId: 1, verdict: .verified, reviewer: "ben", note: nil)
        let claim = try database.claim(id: 1)
        #expect(claim.status == .verified)
        #expect(claim.reviews.map(\.status) == [.disputed, .verified])
        #expect(claim.reviews[0].sources.map(\.url) == ["https://a.example", "https://b.example"])
        #expect(claim.reviews[0].sources[1].quote == "q")
        #expect(try database.claims(ClaimFilter(status: .verified)).map(\.id) == [1])
        #expect(try database.claims(ClaimFilter(status: .unreviewed)).map(\.id) == [2])
    }

    @Test func reviewsCannotBeEditedOrDeleted() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .disputed, reviewer: "ana", note: nil)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE reviews SET status = 'verified'") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM reviews") }
        }
        #expect(try database.claim(id: 1).reviews.count == 1)
    }

    @Test func reviewOfUnknownClaimChangesNothing() throws {
        let (database, _) = try Fixtures.store()
        #expect(throws: ClaimStoreError.noSuchClaim(42)) {
            try database.review(claimId: 42, verdict: .verified, reviewer: "ana", note: nil)
        }
        let reviews = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews") }
        #expect(reviews == 0)
    }

    @Test func statusOutsideTheListIsRefusedBySQL() throws {
        let (database, _) = try Fixtures.store()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE claims SET status = 'verifed' WHERE id = 1") }
        }
    }

    @Test(arguments: [
        ("staff", [1]), ("STAFF left", [1]), ("café", []), ("prices", []), ("5bn", [2]),
        ("staff OR 5bn", [1, 2]), ("\"staff left\"", [1]), ("\"left staff\"", []), ("sta*", [1]),
        ("staff NOT left", []), ("1=1; DROP TABLE claims", []),
    ])
    func searchMatchesAllWordsAndTakesUserTextLiterally(query: String, expected: [Int64]) throws {
        let (database, _) = try Fixtures.store()
        #expect(try database.claims(ClaimFilter(search: query)).map(\.id) == expected)
        #expect(try database.claims(ClaimFilter()).count == 2)
    }

    @Test(arguments: ["\"staff", "AND", "staff AND", "(staff", "\" OR 1=1; DROP TABLE claims; --"])
    func malformedSearchIsAClearError(query: String) throws {
        let (database, _) = try Fixtures.store()
        #expect {
            _ = try database.claims(ClaimFilter(search: query))
        } throws: { error in
            guard case ClaimStoreError.malformedSearch(let failing, _) = error else { return false }
            return failing == query
        }
        #expect(try database.claims(ClaimFilter()).count == 2)
    }

    @Test func searchWithNoWordsIsAClearError() throws {
        let (database, _) = try Fixtures.store()
        #expect(throws: ClaimStoreError.emptySearch("  \"\" ")) {
            _ = try database.claims(ClaimFilter(search: "  \"\" "))
        }
    }

    @Test func claimsComeInReadingOrderWithTheirSpans() throws {
        let (database, _) = try Fixtures.store(claims: [Fixtures.claim("$5bn"), Fixtures.claim("76% of staff left")])
        let claims = try database.claims(ClaimFilter())
        #expect(claims.map(\.text) == ["76% of staff left", "$5bn"])
        let body = ScalarText(Fixtures.body)
        for claim in claims {
            #expect(body.text(TextSpan(start: claim.start, end: claim.end)) == claim.text)
        }
    }
}
