import ClaimCore
import ClaimExtraction
import Testing

@Suite struct TopicTaggerTests {
    let tagger = TopicTagger(
        taxonomy: Taxonomy(topics: [
            Topic(slug: "politics", name: "Politics", keywords: ["government", "kremlin"]),
            Topic(slug: "emigration", name: "Emigration", parent: "politics", keywords: ["emigrat*", "brain drain"]),
            Topic(slug: "technology", name: "Technology", keywords: ["it professionals", "tech", "ai-powered"]),
        ]))

    @Test func matchesWholeWordsPrefixesAndPhrases() {
        #expect(tagger.topics(for: "IT professionals were EMIGRATING") == ["emigration", "technology"])
        #expect(tagger.topics(for: "a brain drain hit the Kremlin") == ["politics", "emigration"])
        #expect(tagger.topics(for: "AI-powered tools") == ["technology"])
    }

    @Test func doesNotMatchInsideWords() {
        #expect(tagger.topics(for: "The technician and the governments' kremlinologist").isEmpty)
    }

    @Test func addsNoAncestors() {
        #expect(tagger.topics(for: "They emigrated.") == ["emigration"])
    }

    @Test func embeddedTaxonomyTagsEmigration() {
        // Taxonomy.standard comes from SeedData/topics.json, embedded at build time.
        #expect(!Taxonomy.standard.topics.isEmpty)
        let topics = TopicTagger(taxonomy: .standard).topics(for: "Thousands of engineers emigrated in 2022.")
        #expect(topics.contains("emigration"))
    }
}
