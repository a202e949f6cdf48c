import ClaimCore
import ClaimStore
import Foundation
import Testing

/// A story's topics are stored per document, shown, and corrected by hand; a correction carries to
/// every claim of the article, in this version and the next.
@Suite struct ArticleTopicTests {
    static func topics(of claimId: Int64, _ database: ClaimDatabase) throws -> [String] {
        try database.claim(id: claimId).topics
    }

    static func storeStory() throws -> (ClaimDatabase, Int64, [Int64]) {
        let database = try ClaimDatabase.inMemory()
        let outcome = try database.importArticle(
            Fixtures.article(),
            claims: [
                Fixtures.claim("76% of staff left", topics: ["economy", "emigration"]),
                Fixtures.claim("$5bn", topics: ["economy"]),
            ],
            topics: ["economy"], extractorVersion: "test")
        guard case .imported(let id, _) = outcome else {
            Issue.record("fresh database already had the article")
            return (database, 0, [])
        }
        let ids = try database.claims(ClaimFilter(articleId: id)).map(\.id)
        return (database, id, ids)
    }

    @Test func theModelsTopicsAreStoredAndShown() throws {
        let (database, id, _) = try Self.storeStory()
        #expect(try database.articleDetail(id: id).topics == [ArticleTopic(topic: "economy", origin: "auto")])
    }

    @Test func taggingTheStoryTagsEveryClaim() throws {
        let (database, id, claims) = try Self.storeStory()
        try database.tag(articleId: id, topic: "politics")
        for claim in claims { #expect(try Self.topics(of: claim, database).contains("politics")) }
        #expect(try database.articleDetail(id: id).topics.contains(ArticleTopic(topic: "politics", origin: "manual")))
        #expect(try database.claims(ClaimFilter(topic: "politics")).count == claims.count)
    }

    @Test func untaggingTheStoryKeepsATagMadeByHandOnAClaim() throws {
        let (database, id, claims) = try Self.storeStory()
        try database.tag(claimId: claims[1], topic: "economy")
        try database.untag(articleId: id, topic: "economy")
        #expect(try !Self.topics(of: claims[0], database).contains("economy"))
        #expect(try Self.topics(of: claims[0], database).contains("emigration"))
        #expect(try Self.topics(of: claims[1], database) == ["economy"])
        #expect(try database.articleDetail(id: id).topics == [ArticleTopic(topic: "economy", origin: "rejected")])
    }

    @Test func correctionsCarryToTheNextVersion() throws {
        let (database, id, _) = try Self.storeStory()
        try database.untag(articleId: id, topic: "economy")
        try database.tag(articleId: id, topic: "sport")
        let edited = Fixtures.body + "Shares fell 4% in 2023.\n"
        let outcome = try database.importArticle(
            Fixtures.article(body: edited), claims: [Fixtures.claim("4% in 2023", in: edited, topics: ["economy"])],
            topics: ["economy", "technology"], extractorVersion: "test")
        guard case .updated(let newId, _, _, _, _) = outcome else {
            Issue.record("the edited article should be a new version, not \(outcome)")
            return
        }
        let newClaim = try #require(
            try database.claims(ClaimFilter(articleId: newId)).first { $0.text == "4% in 2023" })
        #expect(Set(newClaim.topics) == ["sport", "technology"])
        #expect(
            try database.articleDetail(id: newId).topics == [
                ArticleTopic(topic: "economy", origin: "rejected"), ArticleTopic(topic: "sport", origin: "manual"),
                ArticleTopic(topic: "technology", origin: "auto"),
            ])
    }

    @Test func badCorrectionsAreClearErrorsAndChangeNothing() throws {
        let (database, id, claims) = try Self.storeStory()
        let before = try claims.map { try Self.topics(of: $0, database) }
        #expect(throws: ClaimStoreError.self) { try database.tag(articleId: id, topic: "no-such-topic") }
        #expect(throws: ClaimStoreError.self) { try database.tag(articleId: 999, topic: "sport") }
        #expect(throws: ClaimStoreError.self) { try database.untag(articleId: id, topic: "sport") }
        do {
            try database.untag(articleId: id, topic: "sport")
        } catch {
            #expect(error.localizedDescription.contains("is not tagged with 'sport'"))
        }
        #expect(try claims.map { try Self.topics(of: $0, database) } == before)
        #expect(try database.articleDetail(id: id).topics == [ArticleTopic(topic: "economy", origin: "auto")])
    }
}
