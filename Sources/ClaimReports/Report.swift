import ClaimCore

/// An article a report cites, with what the richer formats need (its body, its metadata).
public struct ReportArticle: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var url: String?
    public var author: String?
    public var publisher: String?
    public var published: String?
    public var body: String

    public init(
        id: Int64, title: String, url: String?, author: String?, publisher: String?, published: String?, body: String
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.author = author
        self.publisher = publisher
        self.published = published
        self.body = body
    }
}

/// What a report covers: the claims chosen by the report's filters, reviews included.
///
/// A report is what gets published, so it is made safe once, here, for every renderer: a source
/// whose URL is not an http(s) link (a database written by hand or by an older version) is left out
/// of every claim's reviews, and said so in ``notes``.
public struct Report: Sendable {
    public var claims: [ClaimView]
    /// The articles of those claims, by id.
    public var articles: [Int64: ReportArticle]
    /// ISO 8601 time the report was made.
    public var generatedAt: String
    /// A human description of the filters, e.g. "topic emigration, status disputed".
    public var scope: String?
    /// Where the report will be published, for links back to each claim (`ClaimReview.url`); only
    /// an http(s) URL is used.
    public var publishURL: String?
    /// Each claim's sentence: code points into its article's body, holding the claim's span.
    public var sentences: [Int64: TextSpan]
    /// What was left out while making the report safe to publish, one line each.
    public private(set) var notes: [String] = []
    /// The articles' bodies addressed by code point, made once.
    let bodies: [Int64: ScalarText]

    public init(
        claims: [ClaimView], articles: [Int64: ReportArticle] = [:], generatedAt: String, scope: String? = nil,
        publishURL: String? = nil, sentences: [Int64: TextSpan] = [:]
    ) {
        self.articles = articles
        self.generatedAt = generatedAt
        self.scope = scope
        self.publishURL = publishURL.flatMap { WebLink.isPublishable($0) ? $0 : nil }
        self.sentences = sentences
        self.bodies = articles.mapValues { ScalarText($0.body) }
        var notes: [String] = []
        if let publishURL, self.publishURL == nil {
            notes.append("the publish URL '\(ControlCharacters.escaped(publishURL))' is not an http(s) URL; not used")
        }
        self.claims = claims.map { claim in
            var claim = claim
            for index in claim.reviews.indices {
                let review = claim.reviews[index]
                for source in review.sources where !WebLink.isPublishable(source.url) {
                    notes.append(
                        "claim \(claim.id): source '\(ControlCharacters.escaped(source.url))' of review "
                            + "\(review.id) is not an http(s) URL; left out")
                }
                claim.reviews[index].sources = review.sources.filter { WebLink.isPublishable($0.url) }
            }
            return claim
        }
        self.notes = notes
    }

    /// Claim counts by status, every status present (zeros included), in `ClaimStatus` order;
    /// `dismissed` only when the report holds some.
    public var countsByStatus: [(status: ClaimStatus, count: Int)] {
        ClaimStatus.allCases.compactMap { status in
            let count = claims.filter { $0.status == status }.count
            return status == .dismissed && count == 0 ? nil : (status, count)
        }
    }

    /// Claim counts by kind, kinds with no claims left out, in `ClaimKind` order.
    public var countsByKind: [(kind: ClaimKind, count: Int)] {
        ClaimKind.allCases.compactMap { kind in
            let count = claims.filter { $0.kind == kind }.count
            return count == 0 ? nil : (kind, count)
        }
    }

    /// The claims grouped by article, articles in order of first appearance, claims in reading order.
    public var byArticle: [(articleId: Int64, title: String, source: String, claims: [ClaimView])] {
        var order: [Int64] = []
        var groups: [Int64: [ClaimView]] = [:]
        for claim in claims {
            if groups[claim.articleId] == nil { order.append(claim.articleId) }
            groups[claim.articleId, default: []].append(claim)
        }
        return order.compactMap { id in
            guard let claims = groups[id]?.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }),
                let first = claims.first
            else { return nil }
            return (id, first.articleTitle, first.articleSource, claims)
        }
    }

    /// The claim in its sentence: the text before the span, the span, the text after it. Without
    /// the article's body or a sentence that holds the span, the claim's text alone.
    public func inSentence(_ claim: ClaimView) -> (before: String, exact: String, after: String) {
        guard let body = bodies[claim.articleId], let sentence = sentences[claim.id],
            let before = body.span(sentence.start, claim.start), let exact = body.span(claim.start, claim.end),
            let after = body.span(claim.end, sentence.end)
        else { return ("", claim.text, "") }
        return (body.text(before), body.text(exact), body.text(after))
    }

    /// The claim's sentence as one string, whitespace at its ends and inside it folded: what a
    /// reader would recognise as the claim.
    public func sentenceText(_ claim: ClaimView) -> String {
        let (before, exact, after) = inSentence(claim)
        return (before + exact + after).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The article's URL when it is an http(s) link; never a local path.
    public func articleLink(_ articleId: Int64) -> String? {
        guard let url = articles[articleId]?.url, WebLink.isPublishable(url) else { return nil }
        return url
    }
}

/// Who said what on a claim: each reviewer's latest verdict in force, "ana: verified, ben: disputed".
public func verdictsSaid(_ claim: ClaimView, separator: String = ", ") -> String {
    claim.latestVerdicts.map { "\($0.reviewer): \($0.status.rawValue)" }.joined(separator: separator)
}

/// Turns a report into text in one output format.
public protocol ReportRenderer: Sendable {
    /// The name used by `--format`, e.g. "markdown".
    var name: String { get }
    func render(_ report: Report) throws -> String
    /// What this format leaves out of `report` and why, for standard error (e.g. contested claims
    /// in ClaimReview); the report's own ``Report/notes`` come first.
    func omissions(_ report: Report) -> [String]
}

extension ReportRenderer {
    public func omissions(_ report: Report) -> [String] { report.notes }
}

/// The renderers by format name; adding a format is one file plus a line here.
public enum ReportRenderers {
    public static let all: [any ReportRenderer] = [
        MarkdownReportRenderer(), HTMLReportRenderer(), CSVReportRenderer(), JSONReportRenderer(),
        ClaimReviewRenderer(),
    ]

    public static func named(_ name: String) -> (any ReportRenderer)? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}
