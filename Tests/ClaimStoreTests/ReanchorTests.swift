import ClaimCore
import ClaimStore
import GRDB
import Testing

/// Re-importing an edited article: each earlier claim finds its own text again by its context,
/// never another claim's place, and a verdict stays on the text it was given on.
@Suite struct ReanchorTests {
    /// A body written with ⟦ ⟧ around each claim: the body without the marks, and the claims at
    /// the offsets (code points) where the marks stood.
    static func marked(_ text: String) -> (body: String, claims: [CandidateClaim]) {
        var body = String.UnicodeScalarView()
        var spans: [TextSpan] = []
        var open: Int?
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "⟦": open = count
            case "⟧":
                if let start = open { spans.append(TextSpan(start: start, end: count)) }
                open = nil
            default:
                body.append(scalar)
                count += 1
            }
        }
        let text = ScalarText(String(body))
        let claims = spans.map { span in
            CandidateClaim(kind: .quantity, span: span, text: text.text(span), score: 0.5)
        }
        return (String(body), claims)
    }

    /// An in-memory database and one document imported version after version.
    struct Desk {
        let database: ClaimDatabase
        static let source = "/tmp/rents.txt"

        init() throws { database = try ClaimDatabase.inMemory() }

        @discardableResult
        func importVersion(_ markedBody: String) throws -> ImportOutcome {
            let (body, claims) = ReanchorTests.marked(markedBody)
            return try database.importArticle(
                ArticleDraft(source: Self.source, title: "Rents", body: body), claims: claims,
                extractorVersion: "test")
        }

        /// Where a claim stands now.
        struct Place: Equatable, CustomStringConvertible {
            var articleId: Int64
            var orphaned: Bool
            var status: String
            var start: Int
            var end: Int
            var exact: String
            var text: String
            var reviews: Int
            var description: String {
                "article \(articleId)\(orphaned ? " orphaned" : "") \(status) [\(start), \(end)) '\(exact)'"
            }
        }

        func place(_ claimId: Int64) throws -> Place {
            try database.writer.read { db in
                let row = try #require(
                    try Row.fetchOne(
                        db,
                        sql: """
                            SELECT c.article_id, c.orphaned, c.status, c.text, s.start, s.end, s.exact,
                                   (SELECT count(*) FROM reviews r WHERE r.claim_id = c.id) AS reviews
                            FROM claims c JOIN spans s ON s.claim_id = c.id AND s.role = 'claim'
                            WHERE c.id = ?
                            """, arguments: [claimId]))
                return Place(
                    articleId: row["article_id"], orphaned: row["orphaned"], status: row["status"], start: row["start"],
                    end: row["end"], exact: row["exact"], text: row["text"], reviews: row["reviews"])
            }
        }

        /// The ids of the claims standing on `articleId`, in body order.
        func claims(on articleId: Int64) throws -> [Int64] {
            try database.writer.read { db in
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT c.id FROM claims c JOIN spans s ON s.claim_id = c.id AND s.role = 'claim'
                        WHERE c.article_id = ? ORDER BY s.start
                        """, arguments: [articleId])
            }
        }

        /// Spans whose text is not the body's at their offsets: always none.
        func brokenSpans() throws -> Int {
            try database.writer.read { db in
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM spans s JOIN articles a ON a.id = s.article_id
                        WHERE substr(a.body, s.start + 1, s.end - s.start) IS NOT s.exact
                        """) ?? -1
            }
        }
    }

    static let lede = "Average rents in Leeds reached ⟦£1,400⟧ a month this year, the council said on Monday."
    static let quote = "“We pay ⟦£1,400⟧ for two rooms and cannot save anything,” said one tenant in Headingley."
    static let editedLede = "Average rents in Leeds reached ⟦£1,500⟧ a month this year, the council said on Monday."

    /// Issue 14's case: the same figure in the lede and a quote, both reviewed, the lede's figure
    /// changed. The quote's claim keeps its place and verdict; the lede's claim is orphaned on
    /// the old version with its verdict; the new figure is a new, unreviewed claim.
    @Test func aChangedFigureDoesNotTakeTheVerdictOfTheSameFigureElsewhere() throws {
        let desk = try Desk()
        guard case .imported(let v1, 2) = try desk.importVersion(Self.lede + "\n\n" + Self.quote + "\n") else {
            Issue.record("first import")
            return
        }
        let (lede, quote) = try { () throws -> (Int64, Int64) in
            let ids = try desk.claims(on: v1)
            return (ids[0], ids[1])
        }()
        try desk.database.review(claimId: lede, verdict: .verified, reviewer: "ana", note: "council figures")
        try desk.database.review(claimId: quote, verdict: .disputed, reviewer: "ben", note: "tenant's own figure")
        let ledeBefore = try desk.place(lede)
        let quoteBefore = try desk.place(quote)

        let outcome = try desk.importVersion(Self.editedLede + "\n\n" + Self.quote + "\n")
        guard case .updated(let v2, 2, let added, let reanchored, let orphaned) = outcome else {
            Issue.record("second import: \(outcome)")
            return
        }
        #expect((added, reanchored, orphaned) == (1, 1, 1))

        let quoteAfter = try desk.place(quote)
        #expect(quoteAfter.articleId == v2 && !quoteAfter.orphaned)
        #expect(quoteAfter.exact == "£1,400" && quoteAfter.status == "disputed")
        #expect(quoteAfter.start == quoteBefore.start, "the quote's place: \(quoteAfter)")

        let ledeAfter = try desk.place(lede)
        #expect(ledeAfter == Desk.Place(ledeBefore, orphaned: true), "the lede's claim: \(ledeAfter)")

        let onV2 = try desk.claims(on: v2)
        #expect(onV2.count == 2 && onV2[1] == quote)
        let new = try desk.place(onV2[0])
        #expect(new.exact == "£1,500" && new.status == "unreviewed" && new.reviews == 0)
        #expect(try desk.brokenSpans() == 0)
    }

    /// The same edit with nobody's review: the lede's claim follows its own context onto the new
    /// figure (an unreviewed claim may move to changed text), the quote's claim stays put.
    @Test func anUnreviewedClaimFollowsItsContextNotTheFirstOccurrenceOfItsText() throws {
        let desk = try Desk()
        try desk.importVersion(Self.lede + "\n\n" + Self.quote + "\n")
        let ids = try desk.claims(on: 1)
        let quoteBefore = try desk.place(ids[1])

        let outcome = try desk.importVersion(Self.editedLede + "\n\n" + Self.quote + "\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 2, orphaned: 0))
        #expect(try desk.claims(on: 2) == ids)
        #expect(try desk.place(ids[0]).exact == "£1,500")
        #expect(try desk.place(ids[1]).start == quoteBefore.start)
        #expect(try desk.brokenSpans() == 0)
    }

    /// A reviewed claim whose own text changed is orphaned even though its context is intact:
    /// the verdict was given on the old words.
    @Test func aReviewedClaimDoesNotMoveOntoChangedText() throws {
        let desk = try Desk()
        try desk.importVersion("The ministry said ⟦exports rose 12% to $4bn⟧ in the first quarter of the year.\n")
        try desk.database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        let outcome = try desk.importVersion(
            "The ministry said ⟦exports rose 12.5% to $4bn⟧ in the first quarter of the year.\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 1, reanchored: 0, orphaned: 1))
        let old = try desk.place(1)
        #expect(old.orphaned && old.articleId == 1 && old.exact == "exports rose 12% to $4bn")
        #expect(old.text == "exports rose 12% to $4bn" && old.status == "verified")
        #expect(try desk.place(2).status == "unreviewed")
    }

    /// A reviewed claim whose paragraph moved keeps its verdict: its text is the same and the
    /// sentence around it (its suffix) still agrees, though what comes before it changed.
    @Test func aReviewedClaimFollowsItsMovedParagraph() throws {
        let desk = try Desk()
        try desk.importVersion(
            "Councils expect more building next spring.\n\n⟦Rents rose 9% in Leeds⟧ over the year to March, ONS data show.\n"
        )
        try desk.database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        let outcome = try desk.importVersion(
            "⟦Rents rose 9% in Leeds⟧ over the year to March, ONS data show.\n\nCouncils expect more building next spring.\n"
        )
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 1, orphaned: 0))
        let moved = try desk.place(1)
        #expect(moved.articleId == 2 && moved.start == 0 && moved.status == "verified")
    }

    /// A reviewed claim that is a whole one-sentence paragraph keeps its verdict when the paragraph
    /// moves: its context is its paragraph's, and a paragraph break reads as the body's edge.
    @Test func aReviewedOneSentenceParagraphFollowsItsMove() throws {
        let desk = try Desk()
        let claim = "⟦Rents in Leeds rose by 9% in the year to March, the ONS said.⟧"
        try desk.importVersion(
            "Councils expect more building next spring.\n\n" + claim + "\n\nTenants' groups disagree.\n")
        try desk.database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        let outcome = try desk.importVersion(
            claim + "\n\nA new paragraph about something else entirely.\n\nCouncils expect more building.\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 1, orphaned: 0))
        let moved = try desk.place(1)
        #expect(moved.articleId == 2 && moved.start == 0 && moved.status == "verified")
    }

    /// Exact text somewhere else, with nothing around it as before, is not the reviewed claim.
    @Test func aReviewedClaimIsNotAnchoredOnItsTextInAnotherContext() throws {
        let desk = try Desk()
        try desk.importVersion("Unemployment fell to ⟦4.2%⟧ in May, the lowest in a decade.\n")
        try desk.database.review(claimId: 1, verdict: .disputed, reviewer: "ana", note: nil)
        let outcome = try desk.importVersion(
            "Unemployment fell in May. Separately, mortgage rates settled near 4.2% for new borrowers.\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 0, orphaned: 1))
        #expect(try desk.place(1).orphaned)
    }

    /// The claim's sentence now appears twice with the same context either side: either place
    /// would be a guess, so the claim is orphaned, reviewed or not.
    @Test(arguments: [false, true])
    func twoPlacesThatFitEquallyOrphanTheClaim(reviewed: Bool) throws {
        let desk = try Desk()
        let sentence =
            "Officials at the regional housing office said ⟦rents rose 9% in Leeds⟧ over the year to March, "
            + "the ONS reported."
        try desk.importVersion(sentence + "\n")
        if reviewed { try desk.database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil) }
        let plain = sentence.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
        let outcome = try desk.importVersion(plain + "\n\n" + plain + "\n")
        guard case .updated(_, 2, 0, 0, 1) = outcome else {
            Issue.record("outcome \(outcome), claim now at \(try desk.place(1))")
            return
        }
        #expect(try desk.place(1).articleId == 1)
    }

    /// Two claims on the same text in the same context (a paragraph printed twice) are not
    /// ambiguous to each other: both are kept, in order, when text is added above them.
    @Test func repeatedParagraphsKeepTheirClaimsInOrder() throws {
        let desk = try Desk()
        let paragraph =
            "Across the whole of West Yorkshire, rents rose by ⟦9%⟧ over the year to March, the ONS said today."
        try desk.importVersion(paragraph + "\n\n" + paragraph + "\n")
        try desk.database.review(claimId: 1, verdict: .verified, reviewer: "ana", note: nil)
        try desk.database.review(claimId: 2, verdict: .disputed, reviewer: "ben", note: nil)
        let outcome = try desk.importVersion("Updated at noon.\n\n" + paragraph + "\n\n" + paragraph + "\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 2, orphaned: 0))
        let (first, second) = (try desk.place(1), try desk.place(2))
        #expect(first.start < second.start && first.status == "verified" && second.status == "disputed")
        #expect(
            first.start == "Updated at noon.\n\nAcross the whole of West Yorkshire, rents rose by ".unicodeScalars.count
        )
    }

    /// Of two claims on the same text in the same context, one paragraph deleted: one claim keeps
    /// the remaining place, the other is orphaned; no place is held twice.
    @Test func aDeletedRepeatOrphansOneOfTheTwinClaims() throws {
        let desk = try Desk()
        let paragraph =
            "Across the whole of West Yorkshire, rents rose by ⟦9%⟧ over the year to March, the ONS said today."
        try desk.importVersion(paragraph + "\n\n" + paragraph + "\n")
        let outcome = try desk.importVersion(paragraph + "\n")
        #expect(outcome == .updated(articleId: 2, version: 2, claims: 0, reanchored: 1, orphaned: 1))
        #expect(try desk.claims(on: 2).count == 1)
    }
}

extension ReanchorTests.Desk.Place {
    /// The same place, marked orphaned (or not).
    init(_ place: Self, orphaned: Bool) {
        self = place
        self.orphaned = orphaned
    }
}
