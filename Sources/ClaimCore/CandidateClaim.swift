/// A claim as the extractor finds it in a body, before it is stored.
public struct CandidateClaim: Sendable, Hashable, Codable {
    public var kind: ClaimKind
    /// Where the claim's text stands in the body (role `claim`).
    public var span: TextSpan
    /// The body's text at `span`, exactly.
    public var text: String
    /// Structured fields under the keys of `ANNOTATION.md` (`rank`, `outOf`, `value`, `targets`, …).
    public var fields: [String: JSONValue]
    /// Check-worthiness, 0–1.
    public var score: Double
    /// Topic slugs tagged automatically.
    public var topics: [String]
    /// The sentence the claim was found in, when known: what a reader recognises the claim by.
    public var sentence: TextSpan?

    public init(
        kind: ClaimKind, span: TextSpan, text: String, fields: [String: JSONValue] = [:], score: Double,
        topics: [String] = [], sentence: TextSpan? = nil
    ) {
        self.kind = kind
        self.span = span
        self.text = text
        self.fields = fields
        self.score = score
        self.topics = topics
        self.sentence = sentence
    }
}

/// What the extractor finds in one body: its claims, and the topics of the story as a whole.
public struct ArticleExtraction: Sendable, Hashable {
    /// Claims in reading order.
    public var claims: [CandidateClaim]
    /// The story's top-level topic slugs, decided from the whole body; every claim carries them.
    public var topics: [String]

    public init(claims: [CandidateClaim], topics: [String] = []) {
        self.claims = claims
        self.topics = topics
    }
}
