import Foundation

/// The words that cue reported speech, learned from PolNeAR's annotated news (`TrainQuotes`,
/// `SeedData/quote-cues.json`): a word is a cue when at least `threshold` of its occurrences in the
/// training articles are part of an annotated attribution cue.
public struct QuoteCueLexicon: Sendable {
    /// The cue words, lower-case.
    public let cues: [String]

    public init(file: File) {
        cues = file.counts.filter { _, counts in
            counts.count == 2 && counts[1] > 0 && Double(counts[0]) >= file.threshold * Double(counts[1])
        }.keys.sorted()
    }

    public struct File: Codable, Sendable {
        public var format: String
        public var training: String
        public var threshold: Double
        /// Per word: in how many cues it is, and how often it occurs.
        public var counts: [String: [Int]]

        public init(format: String, training: String, threshold: Double, counts: [String: [Int]]) {
            (self.format, self.training, self.threshold, self.counts) = (format, training, threshold, counts)
        }
    }

    /// The lexicon embedded at build time from `SeedData/quote-cues.json`; none when the build had none.
    public static let embedded: QuoteCueLexicon? = {
        guard let file = EmbeddedScorerModel.files.first(where: { $0.name == "quote-cues.json" }),
            let decoded = try? JSONDecoder().decode(File.self, from: Data(file.contents.utf8))
        else { return nil }
        return QuoteCueLexicon(file: decoded)
    }()
}
