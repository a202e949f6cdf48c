import ClaimCore

/// Finds claims of one kind in a sentence. Adding a claim kind is one conforming type plus one line in
/// ``ClaimExtractor/recognizers``.
protocol ClaimRecognizer: Sendable {
    /// The claims of this recognizer's kind in `sentence`.
    func findings(in sentence: Sentence) -> [Finding]
}

/// A claim found by a recognizer, before scoring and topic tagging.
struct Finding: Sendable {
    var kind: ClaimKind
    var span: TextSpan
    /// The part that makes it a claim (the number of a quantity); another finding that ``consumes`` it
    /// wins, so "out of 36" inside a ranking is not also a quantity.
    var anchor: TextSpan
    var fields: [String: JSONValue]
    /// Spans of words this finding has explained, which no other finding may be anchored in.
    var consumes: [TextSpan] = []
    /// How likely a claim of this shape is worth checking, before the sentence is scored.
    var prior: Double
    /// Topics the recognizer knows beyond the keyword tagger ("emigration" for migration figures).
    var extraTopics: [String] = []

    init(
        kind: ClaimKind, span: TextSpan, anchor: TextSpan? = nil, fields: [String: JSONValue],
        consumes: [TextSpan] = [],
        prior: Double
    ) {
        self.kind = kind
        self.span = span
        self.anchor = anchor ?? span
        self.fields = fields
        self.consumes = consumes
        self.prior = prior
    }
}
