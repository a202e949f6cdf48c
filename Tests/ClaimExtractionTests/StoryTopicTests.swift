import ClaimCore
import ClaimExtraction
import Foundation
import Testing

/// The story's topic comes from the whole article; a claim's finer topics from its own sentence, and a
/// single keyword out of context tags nothing.
@Suite struct StoryTopicTests {
    /// A model counted from a few labelled toy stories.
    static let model: StoryTopicModel? = {
        let stories: [(String, Int)] = [
            ("Shares rose as the bank cut interest rates and profits grew at the firm.", 0),
            ("The company said sales and profits fell; investors sold shares in the bank.", 0),
            ("The striker scored a goal as the club won the match and the league title.", 1),
            ("The coach said the team would win the cup match; the striker and the club agreed.", 1),
            ("The senator told voters the election campaign would decide the president's party.", 2),
            ("Voters in the election backed the party of the minister and the government.", 2),
        ]
        let file = StoryTopicModel.train(
            articles: stories.map { (StoryTopicModel.words(in: $0.0), $0.1) },
            classes: ["economy", "sport", "politics"],
            smoothing: 0.1, minimumCount: 1,
            lexicon: .init(topic: "technology", words: ["software", "computer*"], threshold: 0.1, note: "test"),
            training: "test")
        return try? StoryTopicModel(file: file)
    }()

    @Test func theWholeArticleDecidesTheStorysTopic() throws {
        let model = try #require(Self.model)
        #expect(model.topics(of: "The bank said profits and sales rose; shares gained.") == ["economy"])
        #expect(model.topics(of: "The club's striker scored in the league match.") == ["sport"])
        #expect(model.topics(of: "Nothing here is known.").isEmpty)
    }

    @Test func aShareOfTechnologyWordsAddsTechnology() throws {
        let model = try #require(Self.model)
        #expect(
            model.topics(of: "The bank's software and computers failed; shares fell.") == ["economy", "technology"])
        // One technology word in a long story is under the threshold.
        #expect(
            model.topics(of: "The bank's software update came as profits, sales and shares rose at the firm again.")
                == ["economy"])
    }

    @Test func aMalformedModelIsAnErrorNotATrap() {
        let file = StoryTopicModel.File(
            format: "story-topics-1", training: "", classes: ["economy", "sport"], smoothing: 0.1, totals: [1, 1],
            words: ["bank": [1]], lexicon: nil)
        #expect(throws: StoryTopicModel.Failure.self) { try StoryTopicModel(file: file) }
        var noClasses = file
        noClasses.classes = []
        #expect(throws: StoryTopicModel.Failure.self) { try StoryTopicModel(file: noClasses) }
    }

    @Test func claimsCarryTheStorysTopicNotAKeywordsTopLevelOne() throws {
        let extractor = ClaimExtractor(taxonomy: .standard, storyModel: try #require(Self.model))
        let body = """
            The bank said profits rose 12% in 2023 and shares gained, its best result.

            Its chief executive said the target was a goal the firm shared across 40 offices.

            Sales at the bank rose by £3m as investors bought shares.
            """
        let found = extractor.extraction(from: body)
        #expect(found.topics == ["economy"])
        #expect(!found.claims.isEmpty)
        for claim in found.claims {
            #expect(claim.topics.contains("economy"), "\(claim.text) \(claim.topics)")
            #expect(!claim.topics.contains("sport"), "'goal' alone made \(claim.text) sport")
        }
    }

    @Test func aFinerTopicOfAnotherStoryNeedsASecondSentence() throws {
        let extractor = ClaimExtractor(taxonomy: .standard, storyModel: try #require(Self.model))
        let once = """
            The bank sold 40 Swiss Army knives to investors, and profits rose 12% in 2023.

            Shares in the bank rose 5% as sales grew by £3m.
            """
        for claim in extractor.extract(from: once) {
            #expect(!claim.topics.contains("military"), "one 'Army' made \(claim.text) military")
        }
        let twice = """
            The bank lent £40m to the army in 2023, and profits rose 12%.

            Its loans to soldiers rose 5% as the army bought 300 trucks.
            """
        let tagged = extractor.extract(from: twice).filter { $0.topics.contains("military") }
        #expect(tagged.count >= 2)
    }

    @Test func theShippedModelTellsStoriesApart() throws {
        let model = try #require(StoryTopicModel.embedded, "SeedData/story-topics.json is embedded at build time")
        #expect(
            model.topics(of: "The striker scored twice as the club beat their rivals to reach the cup final.")
                .first == "sport")
        #expect(
            model.topics(of: "The senator told voters the election would turn on the president's campaign.")
                .first == "politics")
        #expect(
            model.topics(of: "The film won the best actor award at the festival, and the album topped the chart.")
                .first == "entertainment")
        #expect(
            model.topics(of: "Profits at the firm rose as sales grew; shares gained after the bank raised rates.")
                .first == "economy")
        let seed = try Support.fixture("russia-tech-winter.txt")
        #expect(model.topics(of: seed).contains("technology"))
    }
}
