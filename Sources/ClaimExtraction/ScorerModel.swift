import Foundation

/// The check-worthiness model: logistic-regression weights over ``ScorerFeaturizer``'s inputs and the
/// decision threshold chosen by cross-validation over debates.
///
/// Stored as JSON (`SeedData/scorer.json`): the featurizer's settings, the dense weights as numbers, the
/// hashed n-gram weights as base64 of signed bytes times `scale` (8-bit quantisation: 2^19 buckets make
/// about 700 KB).
public struct ScorerModel: Sendable {
    public let featurizer: ScorerFeaturizer
    /// Scores at or above this are check-worthy.
    public let threshold: Double
    public let weights: [Float]

    public init(hashBits: Int, threshold: Double, weights: [Float]) throws(Failure) {
        try self.init(featurizer: ScorerFeaturizer(hashBits: hashBits), threshold: threshold, weights: weights)
    }

    /// A model over `featurizer`'s inputs; `weights` has one weight per input.
    public init(featurizer: ScorerFeaturizer, threshold: Double, weights: [Float]) throws(Failure) {
        self.featurizer = featurizer
        guard weights.count == featurizer.dimension else {
            throw .wrongSize(weights: weights.count, expected: featurizer.dimension)
        }
        self.threshold = threshold
        self.weights = weights
    }

    /// The probability that `sentence` is check-worthy.
    public func score(sentence: String) -> Double {
        var text = sentence
        return text.withUTF8 { bytes in
            weights.withUnsafeBufferPointer { weights in
                var sum = LogitSum(weights: weights)
                _ = featurizer.analyze(utf8: bytes, into: &sum)
                return Self.probability(logit: sum.logit)
            }
        }
    }

    /// The model's probability for already computed features.
    public func probability(_ features: [ScorerFeature]) -> Double {
        var logit: Float = 0
        weights.withUnsafeBufferPointer { w in
            for feature in features { logit += w[Int(feature.index)] * feature.value }
        }
        return Self.probability(logit: logit)
    }

    /// The probability for the summed weighted features.
    static func probability(logit: Float) -> Double { 1 / (1 + exp(-Double(logit))) }

    // MARK: File format

    struct File: Codable {
        var format: String
        var hashBits: Int
        /// Character n-gram length (format 2; absent means 0).
        var characterGrams: Int?
        /// Whether hashed features are normalised (format 2; absent means false).
        var normalized: Bool?
        var threshold: Double
        var dense: [String: Double]
        var scale: Double
        var hashed: String
        var training: [String: String]
    }

    public enum Failure: Error, LocalizedError {
        case unsupported(String)
        case corrupt
        case wrongSize(weights: Int, expected: Int)
        case hashBits(Int)

        public var errorDescription: String? {
            switch self {
            case .unsupported(let format):
                "unsupported scorer model format '\(format)'; expected \(ScorerModel.format) or \(ScorerModel.formatVersion1)"
            case .corrupt: "the scorer model's hashed weights are not base64 of the stated size"
            case .wrongSize(let weights, let expected): "\(weights) scorer weights for \(expected) inputs"
            case .hashBits(let bits): "scorer model hashBits \(bits); expected 1 to 24"
            }
        }
    }

    static let format = "claimledger-scorer-2"
    /// Word n-grams and dense features only, unnormalised: read as format 2 without the new fields.
    static let formatVersion1 = "claimledger-scorer-1"

    /// Reads a model file's JSON.
    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        guard file.format == Self.format || file.format == Self.formatVersion1 else {
            throw Failure.unsupported(file.format)
        }
        guard file.hashBits >= 1 && file.hashBits <= 24 else { throw Failure.hashBits(file.hashBits) }
        let featurizer = ScorerFeaturizer(
            hashBits: file.hashBits, characterGrams: file.characterGrams ?? 0, normalized: file.normalized ?? false)
        guard let bytes = Data(base64Encoded: file.hashed), bytes.count == 1 << file.hashBits else {
            throw Failure.corrupt
        }
        var weights = [Float](repeating: 0, count: featurizer.dimension)
        let scale = Float(file.scale)
        // Read through the bytes' storage: iterating `Data` byte by byte was a large part of loading the model.
        bytes.withUnsafeBytes { raw in
            for index in raw.indices { weights[index] = Float(Int8(bitPattern: raw[index])) * scale }
        }
        for dense in ScorerFeaturizer.Dense.allCases {
            weights[(1 << file.hashBits) + dense.rawValue] = Float(file.dense["\(dense)"] ?? 0)
        }
        try self.init(featurizer: featurizer, threshold: file.threshold, weights: weights)
    }

    /// The model as file JSON, with `training` notes (data, settings, held-out figures) kept beside it.
    public func json(training: [String: String]) throws -> Data {
        let buckets = 1 << featurizer.hashBits
        let largest = weights[0..<buckets].map { abs($0) }.max() ?? 0
        let scale = largest > 0 ? Double(largest) / 127 : 1
        var bytes = Data(count: buckets)
        for index in 0..<buckets {
            let level = (Double(weights[index]) / scale).rounded()
            bytes[index] = UInt8(bitPattern: Int8(max(-127, min(127, level))))
        }
        var dense: [String: Double] = [:]
        for feature in ScorerFeaturizer.Dense.allCases {
            dense["\(feature)"] = (Double(weights[buckets + feature.rawValue]) * 10000).rounded() / 10000
        }
        let file = File(
            format: Self.format, hashBits: featurizer.hashBits, characterGrams: featurizer.characterGrams,
            normalized: featurizer.normalized, threshold: threshold, dense: dense, scale: scale,
            hashed: bytes.base64EncodedString(), training: training)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(file)
    }

    /// The model embedded at build time from `SeedData/scorer.json`, or nil when the build had none.
    public static let embedded: ScorerModel? = {
        guard let file = EmbeddedScorerModel.files.first(where: { $0.name == "scorer.json" }) else { return nil }
        return try? ScorerModel(json: Data(file.contents.utf8))
    }()
}
