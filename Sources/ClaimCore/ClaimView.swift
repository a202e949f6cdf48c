/// A stored claim as reviewers see it: what the store returns and the reports render.
///
/// Its JSON keys are a contract with the people who script against `claims … --format json`:
/// keys may be added, never renamed.
public struct ClaimView: Sendable, Hashable, Codable {
    public var id: Int64
    /// The article version the span points into.
    public var articleId: Int64
    /// That version's number (1 for the first import).
    public var articleVersion: Int
    /// Whether the claim's text was lost from a newer version of its article.
    public var orphaned: Bool
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
    /// Every review and retraction, oldest first.
    public var reviews: [ReviewEntry]
    /// Whether the latest verdicts in force of two reviewers differ.
    public var contested: Bool

    public init(
        id: Int64, articleId: Int64, articleVersion: Int = 1, orphaned: Bool = false, articleTitle: String,
        articleSource: String, kind: ClaimKind,
        text: String, start: Int, end: Int, fields: [String: JSONValue], score: Double,
        status: ClaimStatus, topics: [String], reviews: [ReviewEntry]
    ) {
        self.id = id
        self.articleId = articleId
        self.articleVersion = articleVersion
        self.orphaned = orphaned
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
        self.contested = Set(Self.latestVerdictsByReviewer(reviews).map(\.status)).count > 1
    }

    /// The review that set the current status: the latest verdict still in force, if any.
    public var latestReview: ReviewEntry? { reviews.last { $0.inForce } }

    /// Each reviewer's latest verdict still in force, in order of those verdicts.
    public var latestVerdicts: [ReviewEntry] { Self.latestVerdictsByReviewer(reviews) }

    static func latestVerdictsByReviewer(_ reviews: [ReviewEntry]) -> [ReviewEntry] {
        var latest: [String: ReviewEntry] = [:]
        for review in reviews where review.inForce { latest[review.reviewer] = review }
        return latest.values.sorted { $0.id < $1.id }
    }
}

/// What a review row says: a verdict, or the retraction of an earlier verdict.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case verified
    case disputed
    case unsourced
    case dismissed
    case retracted
}

/// One review of a claim: a verdict (or a retraction), who gave it, why, and the sources behind it.
public struct ReviewEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var status: ReviewStatus
    /// For a retraction, the id of the verdict it withdraws.
    public var retracts: Int64?
    /// Whether a later retraction withdrew this verdict.
    public var retracted: Bool
    public var reviewer: String
    public var note: String?
    /// ISO 8601, UTC.
    public var createdAt: String
    public var sources: [EvidenceSource]

    public init(
        id: Int64, status: ReviewStatus, retracts: Int64? = nil, retracted: Bool = false, reviewer: String,
        note: String?, createdAt: String, sources: [EvidenceSource]
    ) {
        self.id = id
        self.status = status
        self.retracts = retracts
        self.retracted = retracted
        self.reviewer = reviewer
        self.note = note
        self.createdAt = createdAt
        self.sources = sources
    }

    /// A verdict no retraction has withdrawn.
    public var inForce: Bool { status != .retracted && !retracted }
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
