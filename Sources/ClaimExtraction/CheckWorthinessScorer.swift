import ClaimCore
import Foundation

/// Scores how worth checking a sentence is, 0–1.
///
/// The trained logistic regression embedded from `SeedData/scorer.json` (``ScorerModel``, trained by
/// `make train-scorer` on ClaimBuster's crowdsourced sentences); a build without the file falls
/// back to transparent hand-weighted features.
public struct CheckWorthinessScorer: Sendable {
    private let model: ScorerModel?
    private let featurizer: ScorerFeaturizer

    /// The scorer with the embedded model.
    public init() { self.init(model: ScorerModel.embedded) }

    /// A scorer with `model`; nil selects the hand-weighted fallback.
    public init(model: ScorerModel?) {
        self.model = model
        featurizer = model?.featurizer ?? ScorerFeaturizer()
    }

    /// Scores at or above this are check-worthy (the embedded model's tuned threshold, else 0.5).
    public static var threshold: Double { ScorerModel.embedded?.threshold ?? 0.5 }

    /// This scorer's decision threshold.
    public var threshold: Double { model?.threshold ?? 0.5 }

    /// The gate for ``articleScore(sentence:)``: the mean of the model's threshold and version 1's 0.5, as
    /// that score is the mean of theirs (a sentence at both thresholds scores exactly this); 0.5 without a
    /// model.
    public var articleThreshold: Double { model.map { ($0.threshold + 0.5) / 2 } ?? 0.5 }

    /// Whether a trained model is in use (false means the hand-weighted fallback).
    public var isTrained: Bool { model != nil }

    /// The check-worthiness of `sentence`, 0–1; ``threshold`` and above is worth a reviewer's time.
    public func score(sentence: String) -> Double {
        guard let model else { return handWeightedScore(sentence: sentence) }
        return model.score(sentence: sentence)
    }

    /// Whether `sentence` scores at or above the threshold.
    public func isCheckWorthy(_ sentence: String) -> Bool { score(sentence: sentence) >= threshold }

    /// The score extraction uses for article sentences, against ``articleThreshold``: the mean of the
    /// trained model and version 1's hand-weighted score.
    ///
    /// The model learned from debate transcripts, where plain descriptive news prose ("Reports
    /// consistently paint a picture of …") is rare; the hand-weighted features know such sentences. The
    /// mean keeps most of the model's ranking on ClaimBuster (see `make eval`) and admits them.
    public func articleScore(sentence: String) -> Double { articleScore(ArraySlice(sentence.unicodeScalars)) }

    /// ``articleScore(sentence:)`` of a stretch of a body, without making a `String`.
    ///
    /// One pass of the featurizer: with a model, its weights are summed as the features come, so no
    /// feature list is made.
    func articleScore(_ scalars: ArraySlice<Unicode.Scalar>) -> Double { articleScoreAndFinalMark(scalars).score }

    /// ``articleScore(_:)``, and whether the stretch less its final `.` (and the ASCII spaces before it)
    /// scores the same: it does unless a `?` or `!` then ends its marks.
    func articleScoreAndFinalMark(_ scalars: ArraySlice<Unicode.Scalar>) -> (
        score: Double, sameWithoutFinalPeriod: Bool
    ) {
        guard let model else {
            var none = NoFeatures()
            let counts = featurizer.analyze(scalars, into: &none)
            return (Self.handWeighted(counts), !counts.marksQuestionOrExclamationBeforeFinalByte)
        }
        return model.weights.withUnsafeBufferPointer { weights in
            var sum = LogitSum(weights: weights)
            let counts = featurizer.analyze(scalars, into: &sum)
            let score = (ScorerModel.probability(logit: sum.logit) + Self.handWeighted(counts)) / 2
            return (score, !counts.marksQuestionOrExclamationBeforeFinalByte)
        }
    }

    /// Version 1's logistic function over counts of numbers, name-like words, claim verbs and hedges,
    /// minus opinion, first-person, question and imperative markers.
    func handWeightedScore(sentence: String) -> Double {
        var text = sentence
        var none = NoFeatures()
        return text.withUTF8 { Self.handWeighted(featurizer.analyze(utf8: $0, into: &none)) }
    }

    static func handWeighted(_ counts: ScorerFeaturizer.Counts) -> Double {
        var logit = -1.6
        logit += 1.3 * min(Double(counts.numbers), 2)
        logit += 0.6 * min(Double(counts.names), 3)
        logit += 0.7 * min(Double(counts.claimVerbs), 2)
        logit += 0.6 * Double(counts.hedges)
        logit += 0.25 * min(Double(counts.pastTense), 2)
        logit -= 1.4 * Double(counts.firstPerson)
        logit -= 1.0 * Double(counts.secondPerson)
        logit -= 0.9 * min(Double(counts.opinion), 2)
        logit -= 0.5 * Double(counts.modals)
        logit -= 0.8 * Double(counts.vagueSubject ? 1 : 0)
        if counts.isQuestion { logit -= 4 }
        if counts.isImperative { logit -= 3 }
        if counts.words < 5 { logit -= 2 }
        return 1 / (1 + exp(-logit))
    }
}

extension Lexicon {
    static let claimVerbs: WordSet = [
        "said", "says", "reported", "announced", "rose", "fell", "grew", "increased", "decreased", "declined",
        "jumped", "dropped", "cut", "raised", "won", "lost", "killed", "died", "signed", "approved", "passed",
        "launched", "spent", "paid", "owns", "include", "includes", "ranked", "banned", "curtailed", "expanded",
        "reached", "became", "received", "sold", "bought", "acquired", "posted", "recorded", "arrested",
        "charged", "convicted", "elected", "appointed", "invested", "paint", "utilizing", "utilising", "using",
        "aim", "aims", "depicting", "collapsing", "restricted", "blocked", "fined", "sued", "voted", "found",
        "showed", "shows", "revealed", "confirmed", "denied", "estimated", "expects", "plans", "planned",
    ]
    static let opinionWords: WordSet = [
        "think", "believe", "feel", "crucial", "important", "essential", "should", "must", "need", "best",
        "great", "amazing", "beautiful", "terrible", "wonderful", "hopefully", "unfortunately", "clearly",
        "obviously", "stark", "catalyst", "inevitably", "foster", "stifles", "stifling", "deeply", "opinion",
        "arguably", "perhaps", "risks", "risk", "sword", "chilling", "dangers", "fear",
    ]
    static let pronounLike: WordSet = ["i", "i'm", "i've", "i'd", "i'll"]
    static let imperatives: WordSet = [
        "share", "leave", "click", "subscribe", "sign", "follow", "read", "explore", "check", "join", "comment",
        "tell", "let", "download", "watch", "find", "learn", "discover", "try", "contact", "see", "visit", "register",
        "don't", "do", "get", "make", "remember", "consider", "imagine", "keep", "take", "stay", "buy", "call",
        "email", "like", "send", "listen", "view", "browse", "continue", "scroll", "enter", "submit",
    ]
}
