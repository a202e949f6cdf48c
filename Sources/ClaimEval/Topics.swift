import ArticleImport
import ClaimCore
import ClaimExtraction
import Foundation

/// Whether `--topic` finds a story's claims, measured as `../shared/eval/score.py topics` measures it:
/// for the first 80 BBC business, entertainment and sport articles (sorted by name; the story topic
/// model is trained on the rest, `TrainTopics`), the share of each category's claims whose topics
/// include the category's top-level topic or one below it, and the share of all these claims tagged
/// sport or entertainment when that is not their story's category.
enum TopicScores {
    struct Result {
        var found: [String: Int] = [:]
        var total: [String: Int] = [:]
        var stray = 0
        var categories: [String] = []

        /// score.py's line, character for character.
        var line: String {
            let parts = categories.map { category in
                let total = total[category, default: 0]
                return String(
                    format: "%@ %.2f (%d claims)", category,
                    total > 0 ? Double(found[category, default: 0]) / Double(total) : 0, total)
            }
            let count = total.values.reduce(0, +)
            return "BBC dev topics, claims found by their story's topic: " + parts.joined(separator: "; ")
                + String(
                    format: "; claims wrongly tagged sport or entertainment %.3f",
                    count > 0 ? Double(stray) / Double(count) : 0)
        }
    }

    static let own = [
        "business": "economy", "entertainment": "entertainment", "sport": "sport", "politics": "politics",
        "tech": "technology",
    ]

    static func measure(shared: String, extractor: ClaimExtractor, taxonomy: Taxonomy = .standard) throws -> Result {
        var parents: [String: String] = [:]
        for topic in taxonomy.topics { parents[topic.slug] = topic.parent }
        func root(_ slug: String) -> String {
            var slug = slug
            var seen: Set<String> = []
            while let parent = parents[slug], seen.insert(slug).inserted { slug = parent }
            return slug
        }
        var result = Result()
        result.categories = ["business", "entertainment", "sport"]
        for category in result.categories {
            let folder = shared + "/data/bbc-news/" + category
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().prefix(80)
            for name in names {
                // score.py skips a file that is not UTF-8.
                guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                    String(data: data, encoding: .utf8) != nil,
                    let body = try ArticleLoader.load(folder + "/" + name, format: nil).first?.result.get().body
                else { continue }
                let own = own[category] ?? category
                for claim in extractor.extract(from: body) {
                    let roots = Set(claim.topics.map(root))
                    result.total[category, default: 0] += 1
                    if roots.contains(own) { result.found[category, default: 0] += 1 }
                    if !roots.intersection(Set(["sport", "entertainment"]).subtracting([own])).isEmpty {
                        result.stray += 1
                    }
                }
            }
        }
        return result
    }

    /// The share of PolNeAR's dev articles (US election news; the model counts only the training
    /// split) whose story topics include politics.
    static func politics(shared: String, model: StoryTopicModel) throws -> (politics: Int, articles: Int) {
        let folder = shared + "/data/polnear/data/dev/text"
        var politics = 0
        var articles = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            articles += 1
            if model.topics(of: String(decoding: data, as: UTF8.self)).contains("politics") { politics += 1 }
        }
        return (politics, articles)
    }
}
