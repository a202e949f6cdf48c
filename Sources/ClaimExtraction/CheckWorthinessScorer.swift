import ClaimCore
import Foundation

/// Scores how worth checking a sentence is, 0–1, from transparent hand-weighted features.
///
/// A logistic function over counts of numbers, name-like capitalised words, claim verbs and hedges,
/// minus opinion, first-person, question and imperative markers. A trained model can replace it.
public struct CheckWorthinessScorer: Sendable {
    public init() {}

    /// The check-worthiness of `sentence`, 0–1; 0.5 and above is worth a reviewer's time.
    public func score(sentence: String) -> Double {
        let features = Features(sentence)
        var logit = -1.6
        logit += 1.3 * min(Double(features.numbers), 2)
        logit += 0.6 * min(Double(features.names), 3)
        logit += 0.7 * min(Double(features.claimVerbs), 2)
        logit += 0.6 * Double(features.hedges)
        logit += 0.25 * min(Double(features.pastTense), 2)
        logit -= 1.4 * Double(features.firstPerson)
        logit -= 1.0 * Double(features.secondPerson)
        logit -= 0.9 * min(Double(features.opinion), 2)
        logit -= 0.5 * Double(features.modals)
        logit -= 0.8 * Double(features.vagueSubject ? 1 : 0)
        if features.isQuestion { logit -= 4 }
        if features.isImperative { logit -= 3 }
        if features.wordCount < 5 { logit -= 2 }
        return 1 / (1 + exp(-logit))
    }

    /// The counts the score is made of.
    struct Features {
        var numbers = 0
        var names = 0
        var claimVerbs = 0
        var hedges = 0
        var pastTense = 0
        var firstPerson = 0
        var secondPerson = 0
        var opinion = 0
        var modals = 0
        var vagueSubject = false
        var isQuestion = false
        var isImperative = false
        var wordCount = 0

        init(_ sentence: String) {
            let body = ScalarText(sentence)
            let tokens = Tokenizer.tokens(in: body.scalars, span: .init(start: 0, end: body.count))
            let words = tokens.filter(\.isWord)
            wordCount = words.count
            isQuestion = sentence.unicodeScalars.last(where: { !Scalars.isSpace($0) && !Scalars.isClosingQuote($0) }) == "?"
            if let first = words.first { isImperative = Lexicon.imperatives.contains(first.lower) }
            if let first = words.first { vagueSubject = ["this", "it", "these", "that", "such"].contains(first.lower) }
            var previousWasBreak = true
            for token in tokens {
                defer { previousWasBreak = token.kind == .punct && !token.isPunct(",") && !token.isPunct("(") }
                if token.isNumber {
                    numbers += 1
                    continue
                }
                guard token.isWord else { continue }
                let word = token.lower
                if token.isCapitalized && !previousWasBreak && !Lexicon.pronounLike.contains(word) { names += 1 }
                if token.isCapitalized && previousWasBreak && token.isPossessive { names += 1 }
                if token.isAllCaps && token.text.unicodeScalars.count >= 2 && previousWasBreak { names += 1 }
                if Lexicon.claimVerbs.contains(word) { claimVerbs += 1 }
                if Lexicon.hedges.contains(word) { hedges += 1 }
                if word.hasSuffix("ed") && word.unicodeScalars.count > 4 { pastTense += 1 }
                if ["i", "we", "my", "our", "me", "us", "i'm", "we're", "i've", "we've"].contains(word) { firstPerson += 1 }
                if ["you", "your", "you're", "yours"].contains(word) { secondPerson += 1 }
                if Lexicon.opinionWords.contains(word) { opinion += 1 }
                if ["may", "might", "could", "should", "must", "perhaps", "potentially", "possibly"].contains(word) {
                    modals += 1
                }
            }
        }
    }
}

extension Lexicon {
    static let claimVerbs: Set<String> = [
        "said", "says", "reported", "announced", "rose", "fell", "grew", "increased", "decreased", "declined",
        "jumped", "dropped", "cut", "raised", "won", "lost", "killed", "died", "signed", "approved", "passed",
        "launched", "spent", "paid", "owns", "include", "includes", "ranked", "banned", "curtailed", "expanded",
        "reached", "became", "received", "sold", "bought", "acquired", "posted", "recorded", "arrested",
        "charged", "convicted", "elected", "appointed", "invested", "paint", "utilizing", "utilising", "using",
        "aim", "aims", "depicting", "collapsing", "restricted", "blocked", "fined", "sued", "voted", "found",
        "showed", "shows", "revealed", "confirmed", "denied", "estimated", "expects", "plans", "planned",
    ]
    static let opinionWords: Set<String> = [
        "think", "believe", "feel", "crucial", "important", "essential", "should", "must", "need", "best",
        "great", "amazing", "beautiful", "terrible", "wonderful", "hopefully", "unfortunately", "clearly",
        "obviously", "stark", "catalyst", "inevitably", "foster", "stifles", "stifling", "deeply", "opinion",
        "arguably", "perhaps", "risks", "risk", "sword", "chilling", "dangers", "fear",
    ]
    static let pronounLike: Set<String> = ["i", "i'm", "i've", "i'd", "i'll"]
    static let imperatives: Set<String> = [
        "share", "leave", "click", "subscribe", "sign", "follow", "read", "explore", "check", "join", "comment",
        "tell", "let", "download", "watch", "find", "learn", "discover", "try", "contact", "see", "visit", "register",
        "don't", "do", "get", "make", "remember", "consider", "imagine", "keep", "take", "stay", "buy", "call",
        "email", "like", "send", "listen", "view", "browse", "continue", "scroll", "enter", "submit",
    ]
}
