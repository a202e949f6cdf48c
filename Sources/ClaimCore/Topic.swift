import Foundation

/// A topic of the taxonomy: `economy` › `finance`.
public struct Topic: Sendable, Hashable, Codable {
    public var slug: String
    public var name: String
    public var parent: String?
    /// Lower-case words and phrases that tag a claim with this topic. A keyword ending in `*`
    /// matches any word it begins ("emigrat*" matches "emigrating").
    public var keywords: [String]

    public init(slug: String, name: String, parent: String? = nil, keywords: [String] = []) {
        self.slug = slug
        self.name = name
        self.parent = parent
        self.keywords = keywords
    }
}

/// The topic tree.
public struct Taxonomy: Sendable {
    public let topics: [Topic]

    public init(topics: [Topic]) {
        self.topics = topics
    }

    /// The taxonomy shipped in `SeedData/topics.json`, embedded at build time.
    public static let standard: Taxonomy = {
        guard let file = EmbeddedSeedData.files.first(where: { $0.name == "topics.json" }),
            let topics = try? JSONDecoder().decode([Topic].self, from: Data(file.contents.utf8))
        else { preconditionFailure("SeedData/topics.json is embedded at build time and must decode") }
        return Taxonomy(topics: topics)
    }()

    public func topic(_ slug: String) -> Topic? { topics.first { $0.slug == slug } }

    /// `slug` and every topic below it.
    public func subtree(of slug: String) -> [String] {
        var result = [slug]
        var index = 0
        while index < result.count {
            let parent = result[index]
            result += topics.filter { $0.parent == parent }.map(\.slug)
            index += 1
        }
        return result
    }
}
