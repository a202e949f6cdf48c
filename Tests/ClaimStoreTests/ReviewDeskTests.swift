import ClaimCore
import ClaimStore
import Foundation
import GRDB
import Testing

@Suite struct ReviewDeskTests {
    @Test func retractionFallsBackToThePreviousVerdict() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        try database.review(claimId: 1, verdict: .disputed, reviewer: "ana", note: "new data")
        let retraction = try database.retract(claimId: 1, reviewer: "ana", note: "misread the table")
        #expect(retraction.status == .retracted)
        var claim = try database.claim(id: 1)
        #expect(claim.status == .verified)
        #expect(claim.reviews.map(\.status) == [.verified, .disputed, .retracted])
        #expect(claim.reviews.map(\.inForce) == [true, false, false])
        #expect(claim.reviews[2].retracts == claim.reviews[1].id)
        try database.retract(claimId: 1, reviewer: "ana", note: nil)
        claim = try database.claim(id: 1)
        #expect(claim.status == .unreviewed)
        #expect(throws: ClaimStoreError.nothingToRetract(1)) {
            try database.retract(claimId: 1, reviewer: "ana", note: nil)
        }
    }

    @Test func statusCannotBeSetExceptByAReview() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .disputed, reviewer: "ana", note: nil)
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE claims SET status = 'verified' WHERE id = 1")
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                // A retraction must name a verdict of the same claim.
                try db.execute(
                    sql:
                        "INSERT INTO reviews(claim_id, status, retracts, reviewer, created_at) VALUES (2, 'retracted', 1, 'x', 'now')"
                )
            }
        }
        #expect(try database.claim(id: 1).status == .disputed)
        #expect(try database.claim(id: 2).status == .unreviewed)
    }

    /// Hundreds of seeded random reviews and retractions by several reviewers: after each, the
    /// stored status equals the one a plain model of the history gives.
    @Test func statusNeverDriftsFromTheHistory() throws {
        let (database, _) = try Fixtures.store()
        var generator = SplitMix64(seed: 2026)
        var history: [Int64: [(id: Int64, verdict: Verdict?, retracts: Int64?)]] = [1: [], 2: []]
        for _ in 0..<400 {
            let claim = Int64.random(in: 1...2, using: &generator)
            let reviewer = ["ana", "ben", "cy"].randomElement(using: &generator)!
            if Int.random(in: 0..<4, using: &generator) == 0 {
                let entry = try? database.retract(claimId: claim, reviewer: reviewer, note: nil)
                if let entry { history[claim]!.append((entry.id, nil, entry.retracts)) }
            } else {
                let verdict = Verdict.allCases.randomElement(using: &generator)!
                let entry = try database.review(claimId: claim, verdict: verdict, reviewer: reviewer, note: nil)
                history[claim]!.append((entry.id, verdict, nil))
            }
            for (id, rows) in history {
                let retracted = Set(rows.compactMap(\.retracts))
                let expected =
                    rows.last { $0.verdict != nil && !retracted.contains($0.id) }?.verdict?.status ?? .unreviewed
                #expect(try database.claim(id: id).status == expected)
            }
        }
        // The kept counts followed every change of status.
        let counts = try database.check().first { $0.check == "counts" }
        #expect(counts?.ok == true, "\(counts?.detail ?? "no counts check")")
        let stats = try database.stats()
        let statuses = try [1, 2].map { try database.claim(id: $0).status.rawValue }
        for status in ClaimStatus.allCases {
            #expect(stats.byStatus[status.rawValue] == statuses.filter { $0 == status.rawValue }.count)
        }
    }

    @Test func contestedWhenReviewersLatestVerdictsDiffer() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        try database.review(claimId: 1, verdict: .disputed, reviewer: "ben", note: nil)
        try database.review(claimId: 2, verdict: .disputed, reviewer: "ana", note: nil)
        try database.review(claimId: 2, verdict: .verified, reviewer: "ana", note: nil)
        #expect(try database.claims(ClaimFilter(contested: true)).map(\.id) == [1])
        let claim = try database.claim(id: 1)
        #expect(claim.contested)
        #expect(
            claim.latestVerdicts.map { "\($0.reviewer):\($0.status.rawValue)" } == ["ana:verified", "ben:disputed"])
        try database.review(claimId: 1, verdict: .verified, reviewer: "ben", note: nil)
        #expect(try database.claims(ClaimFilter(contested: true)).isEmpty)
        #expect(try database.stats().contested == 0)
    }

    /// A dismissed claim (not a checkable claim) leaves the queue of unreviewed claims and every
    /// listing without a status, shows with `status: .dismissed`, keeps its history and is counted.
    @Test func dismissedLeavesTheQueueAndKeepsItsHistory() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        try database.review(claimId: 1, verdict: .dismissed, reviewer: "ben", note: "a headline, not a claim")
        try database.review(claimId: 2, verdict: .dismissed, reviewer: "ana", note: nil)
        #expect(try database.claims(ClaimFilter()).isEmpty)
        #expect(try database.claims(ClaimFilter(status: .unreviewed)).isEmpty)
        #expect(try database.claims(ClaimFilter(search: "5bn")).isEmpty)
        #expect(try database.claims(ClaimFilter(status: .dismissed)).map(\.id) == [1, 2])
        #expect(try database.claims(ClaimFilter(includeDismissed: true)).map(\.id) == [1, 2])
        let claim = try database.claim(id: 1)
        #expect(claim.status == .dismissed)
        #expect(claim.reviews.map(\.status) == [.verified, .dismissed])
        #expect(claim.contested)
        let stats = try database.stats()
        #expect(stats.byStatus["dismissed"] == 2)
        #expect(stats.claims == 2)
        #expect(stats.contested == 1)
        // Retracting the dismissal puts the claim back where it was.
        try database.retract(claimId: 2, reviewer: "ana", note: nil)
        #expect(try database.claims(ClaimFilter(status: .unreviewed)).map(\.id) == [2])
        #expect(try database.check().allSatisfy(\.ok))
    }

    @Test func reviewerAndTimeFilters() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 2, verdict: .verified, reviewer: "ana", note: nil)
        #expect(try database.claims(ClaimFilter(reviewer: "ana")).map(\.id) == [2])
        #expect(try database.claims(ClaimFilter(reviewer: "ben")).isEmpty)
        #expect(try database.claims(ClaimFilter(since: "2000-01-01T00:00:00Z")).map(\.id) == [2])
        #expect(try database.claims(ClaimFilter(until: "2000-01-01T00:00:00Z")).isEmpty)
        #expect(try database.claims(ClaimFilter(sort: .time)).map(\.id) == [2, 1])
    }

    @Test func statsCountEveryGroup() throws {
        let (database, _) = try Fixtures.store()
        try database.review(claimId: 1, verdict: .disputed, reviewer: "ana", note: nil)
        try database.retract(claimId: 1, reviewer: "ben", note: nil)
        let stats = try database.stats()
        #expect(stats.claims == 2)
        #expect(stats.articles == 1)
        #expect(stats.byStatus == ["unreviewed": 2, "verified": 0, "disputed": 0, "unsourced": 0, "dismissed": 0])
        #expect(stats.byKind == ["quantity": 2])
        #expect(stats.byTopic == ["economy": 1, "emigration": 1])
        #expect(stats.byReviewer == ["ana": 1, "ben": 1])
    }

    @Test func manualTopicsAndTags() throws {
        let (database, _) = try Fixtures.store()
        try database.addTopic(Topic(slug: "labour", name: "Labour market", parent: "economy", keywords: ["staff"]))
        #expect(throws: ClaimStoreError.unknownTopic("nowhere")) {
            try database.addTopic(Topic(slug: "x", name: "X", parent: "nowhere"))
        }
        try database.tag(claimId: 1, topic: "labour")
        try database.tag(claimId: 1, topic: "emigration")  // already auto: becomes manual
        let origins = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT topic, origin FROM claim_topics WHERE claim_id = 1 ORDER BY topic")
                .map { "\($0["topic"] as String):\($0["origin"] as String)" }
        }
        #expect(origins == ["emigration:manual", "labour:manual"])
        #expect(try database.claims(ClaimFilter(topic: "economy")).map(\.id) == [1, 2])
        #expect(try database.stats().byTopic == ["economy": 1, "emigration": 1, "labour": 1])
        try database.untag(claimId: 1, topic: "labour")
        #expect(throws: ClaimStoreError.notTagged(claim: 1, topic: "labour")) {
            try database.untag(claimId: 1, topic: "labour")
        }
        #expect(try database.stats().byTopic == ["economy": 1, "emigration": 1])
        #expect(try database.check().allSatisfy(\.ok))
    }

    @Test func migrationKeepsReviewsWrittenBeforeIt() throws {
        // A database at 0001 with a review, then opened by this binary: the review and its
        // evidence survive the rebuild of `reviews`.
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        let first = Migrations.all[0]
        migrator.registerMigration(first.identifier) { db in try db.execute(sql: first.sql) }
        try migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles(source, title, imported_at, content_hash, body) VALUES ('s', 't', 'n', 'h', 'abc');
                    INSERT INTO claims(article_id, kind, text, score, created_at, extractor_version) VALUES (1, 'quantity', 'a', 0.5, 'n', 'v');
                    INSERT INTO reviews(claim_id, status, reviewer, created_at) VALUES (1, 'disputed', 'ana', 't');
                    INSERT INTO evidence(review_id, url) VALUES (1, 'https://a.example');
                    """)
        }
        let database = try ClaimDatabase(migrating: queue)
        let claim = try database.claim(id: 1)
        #expect(claim.status == .disputed)
        #expect(claim.reviews.first?.sources.map(\.url) == ["https://a.example"])
        let violations = try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
    }
}
