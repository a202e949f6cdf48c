import ClaimCore
import Foundation

/// What a whole story is about: one of a few top-level topics (business news is `economy`), decided
/// from all the article's words by a multinomial naive Bayes model with equal class priors, plus
/// `technology` when the share of the article's words that name technology reaches a threshold.
///
/// Stored as JSON (`SeedData/story-topics.json`, written by `TrainTopics`): each class's word counts
/// over labelled articles and the smoothing, so the model is the counts and nothing tuned by hand;
/// the technology words and threshold sit beside them, with how the threshold was set.
public struct StoryTopicModel: Sendable {
    /// The topic slugs the classifier chooses among.
    public let classes: [String]
    /// The topic a share of technology words adds (nil: none).
    public let lexiconTopic: String?
    /// Per word: its log-likelihood under each class, `classes.count` numbers from `index * classes.count`.
    private let logLikelihoods: [Double]
    private let vocabulary: WordMap<Int>
    private let lexiconWords: WordSet
    private let lexiconPrefixes: [[UInt8]]
    private let lexiconThreshold: Double

    /// Every topic slug the model can give.
    public var topics: [String] { classes + (lexiconTopic.map { [$0] } ?? []) }

    public init(file: File) throws(Failure) {
        guard !file.classes.isEmpty, file.totals.count == file.classes.count, file.smoothing > 0 else {
            throw .malformed("classes, totals and smoothing do not agree")
        }
        classes = file.classes
        let width = Double(file.words.count) * file.smoothing
        var index: [String: Int] = [:]
        var table: [Double] = []
        table.reserveCapacity(file.words.count * classes.count)
        for (position, word) in file.words.keys.sorted().enumerated() {
            guard let counts = file.words[word], counts.count == classes.count else {
                throw .malformed("the word '\(word)' has no count for each class")
            }
            index[word] = position
            for (counted, total) in zip(counts, file.totals) {
                table.append(log((Double(counted) + file.smoothing) / (Double(total) + width)))
            }
        }
        vocabulary = WordMap(index)
        logLikelihoods = table
        lexiconTopic = file.lexicon?.topic
        var exact: [String] = []
        var prefixes: [[UInt8]] = []
        for word in file.lexicon?.words ?? [] {
            if word.hasSuffix("*") { prefixes.append(Array(word.dropLast().utf8)) } else { exact.append(word) }
        }
        lexiconWords = WordSet(exact)
        lexiconPrefixes = prefixes
        lexiconThreshold = file.lexicon?.threshold ?? 1
    }

    /// The story's topics: the likeliest class, then the lexicon's topic when its words make at least
    /// the threshold's share of the article's words. None for an article with no known word.
    public func topics(of body: String) -> [String] {
        topics(of: ArraySlice(body.unicodeScalars))
    }

    func topics(of scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        let (scores, wordCount, lexiconCount) = evidence(in: scalars)
        var result: [String] = []
        if let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] != 0 {
            result.append(classes[best])
        }
        if let lexiconTopic, wordCount > 0, Double(lexiconCount) >= lexiconThreshold * Double(wordCount),
            !result.contains(lexiconTopic)
        {
            result.append(lexiconTopic)
        }
        return result
    }

    /// Each class's summed log-likelihood over the known words, the number of words, and how many of
    /// them are technology words.
    func evidence(in scalars: ArraySlice<Unicode.Scalar>) -> (scores: [Double], words: Int, lexicon: Int) {
        var scores = [Double](repeating: 0, count: classes.count)
        var words = 0
        var lexicon = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        TopicTagger.forEachWord(in: scalars) { range in
            buffer.removeAll(keepingCapacity: true)
            var ascii = true
            for scalar in scalars[range] {
                let value = scalar.value
                guard value < 0x80 else {
                    ascii = false
                    break
                }
                buffer.append(UInt8(truncatingIfNeeded: value >= 65 && value <= 90 ? value + 32 : value))
            }
            if !ascii {
                buffer = Array(ScalarStrings.string(scalars[range], lowercased: true).utf8)
            }
            words += 1
            buffer.withUnsafeBufferPointer { word in
                if let entry = vocabulary.value(utf8: word) {
                    let base = entry * classes.count
                    for index in scores.indices { scores[index] += logLikelihoods[base + index] }
                }
                if lexiconWords.contains(utf8: word) || lexiconPrefixes.contains(where: { word.starts(with: $0) }) {
                    lexicon += 1
                }
            }
        }
        return (scores, words, lexicon)
    }

    /// The words of a text as the model counts them: lower-cased runs of letters, digits and marks.
    public static func words(in text: String) -> [String] { TopicTagger.words(in: text) }

    // MARK: File format and training

    /// The model file.
    public struct File: Codable, Sendable {
        public var format: String
        /// How the counts were made: the data, the split, the settings.
        public var training: String
        public var classes: [String]
        /// Additive smoothing of the word counts.
        public var smoothing: Double
        /// Each class's number of counted words.
        public var totals: [Int]
        /// Each kept word's count in each class.
        public var words: [String: [Int]]
        public var lexicon: Lexicon?

        public init(
            format: String, training: String, classes: [String], smoothing: Double, totals: [Int],
            words: [String: [Int]], lexicon: Lexicon?
        ) {
            (self.format, self.training, self.classes, self.smoothing) = (format, training, classes, smoothing)
            (self.totals, self.words, self.lexicon) = (totals, words, lexicon)
        }

        /// Words that name a topic the classes do not cover, and the share of an article's words
        /// they must make.
        public struct Lexicon: Codable, Sendable {
            public var topic: String
            public var words: [String]
            public var threshold: Double
            public var note: String

            public init(topic: String, words: [String], threshold: Double, note: String) {
                (self.topic, self.words, self.threshold, self.note) = (topic, words, threshold, note)
            }
        }
    }

    public enum Failure: Error, LocalizedError {
        case malformed(String)

        public var errorDescription: String? {
            switch self {
            case .malformed(let problem): "the story topic model is malformed: \(problem)"
            }
        }
    }

    /// Counts the words of labelled articles (`label` indexes `classes`), keeping words seen at least
    /// `minimumCount` times in at least two articles.
    public static func train(
        articles: [(words: [String], label: Int)], classes: [String], smoothing: Double, minimumCount: Int,
        lexicon: File.Lexicon?, training: String
    ) -> File {
        var counts: [String: [Int]] = [:]
        var articleCounts: [String: Int] = [:]
        for article in articles where classes.indices.contains(article.label) {
            for word in article.words {
                counts[word, default: [Int](repeating: 0, count: classes.count)][article.label] += 1
            }
            for word in Set(article.words) { articleCounts[word, default: 0] += 1 }
        }
        let kept = counts.filter { word, perClass in
            perClass.reduce(0, +) >= minimumCount && articleCounts[word, default: 0] >= 2
        }
        var totals = [Int](repeating: 0, count: classes.count)
        for perClass in kept.values { for index in totals.indices { totals[index] += perClass[index] } }
        return File(
            format: "story-topics-1", training: training, classes: classes, smoothing: smoothing, totals: totals,
            words: kept, lexicon: lexicon)
    }

    /// The model embedded at build time from `SeedData/story-topics.json`, or nil when the build had none.
    public static let embedded: StoryTopicModel? = {
        guard let file = EmbeddedScorerModel.files.first(where: { $0.name == "story-topics.json" }),
            let decoded = try? JSONDecoder().decode(File.self, from: Data(file.contents.utf8))
        else { return nil }
        return try? StoryTopicModel(file: decoded)
    }()
}
