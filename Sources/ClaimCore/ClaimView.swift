/// A stored claim as reviewers see it: what the store returns and the reports render.
///
/// Its JSON keys are a contract with the people who script against `claims … --format json`:
/// keys may be added, never renamed.
public struct ClaimView: Sendable, Hashable, Codable {
    public var id: Int64
    public var articleId: Int64
    public var articleTitle: String
    /// The article's URL when known, else the path it was imported from.
    public var articleSource: String
    public var kind: ClaimKind
    public var text: String
    /// Code-point offsets of the claim's span in the article body.
    public var start: Int
    public var end: Int
    public var fields: [String: JSONValue]
    public var score: Double
    public var status: ClaimStatus
    public var topics: [String]
    /// Oldest first. Empty when the query did not ask for them.
    public var reviews: [ReviewEntry]

    public init(
        id: Int64, articleId: Int64, articleTitle: String, articleSource: String, kind: ClaimKind,
        text: String, start: Int, end: Int, fields: [String: JSONValue], score: Double,
        status: ClaimStatus, topics: [String], reviews: [ReviewEntry]
    ) {
        self.id = id
        self.articleId = articleId
        self.articleTitle = articleTitle
        self.articleSource = articleSource
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.fields = fields
        self.score = score
        self.status = status
        self.topics = topics
        self.reviews = reviews
    }

    /// The review that set the current status, if any.
    public var latestReview: ReviewEntry? { reviews.last }
}

/// One review of a claim: a verdict, who gave it, why, and the sources behind it.
public struct ReviewEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var status: Verdict
    public var reviewer: String
    public var note: String?
    /// ISO 8601, UTC.
    public var createdAt: String
    public var sources: [EvidenceSource]

    public init(
        id: Int64, status: Verdict, reviewer: String, note: String?, createdAt: String,
        sources: [EvidenceSource]
    ) {
        self.id = id
        self.status = status
        self.reviewer = reviewer
        self.note = note
        self.createdAt = createdAt
        self.sources = sources
    }
}

/// A source a reviewer cites: a URL, optionally its title and the passage quoted from it.
public struct EvidenceSource: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var quote: String?

    public init(url: String, title: String? = nil, quote: String? = nil) {
        self.url = url
        self.title = title
        self.quote = quote
    }
}
