import ClaimCore
import Foundation

/// An article and its claims made ready to store: the content hash taken, every span checked
/// against the body and fields encoded. The work that needs no database is
/// done here, on any thread, so the one writer only writes.
///
/// Made only by ``init(_:claims:)``, which refuses a span whose text is not the body's text at its
/// offsets: a prepared article cannot carry a wrong span into the store.
public struct PreparedArticle: Sendable {
    public let article: ArticleDraft
    /// SHA-256 of the body, hex.
    public let contentHash: String
    let claims: [PreparedClaim]
    /// The story's topics, decided from the whole body.
    let topics: [String]

    struct PreparedClaim: Sendable {
        var kind: ClaimKind
        var span: TextSpan
        var text: String
        var fields: String
        var score: Double
        var topics: [String]
        /// The claim's sentence, kept only when it holds the claim's span.
        var sentence: TextSpan?
    }

    /// The claims it holds.
    public var claimCount: Int { claims.count }

    /// Checks and prepares `claims`, found in `article`'s body; `topics` are the story's.
    public init(_ article: ArticleDraft, claims: [CandidateClaim], topics: [String] = []) throws {
        try self.init(article, claims: claims, topics: topics, contentHash: SHA256.hex(article.body))
    }

    /// As ``init(_:claims:topics:)``, with the body's hash already taken by ``ClaimDatabase/prepare(_:extract:)``.
    init(_ article: ArticleDraft, claims: [CandidateClaim], topics: [String], contentHash: String) throws {
        try ClaimStoreError.checkLink(article.url, field: "article URL")
        self.article = article
        self.contentHash = contentHash
        var storyTopics: [String] = []
        for topic in topics where !storyTopics.contains(topic) { storyTopics.append(topic) }
        self.topics = storyTopics
        guard !claims.isEmpty else {
            self.claims = []
            return
        }
        let body = ScalarText(article.body)
        self.claims = try claims.map { claim throws(ClaimStoreError) in
            guard claim.span.end <= body.count else {
                throw ClaimStoreError.spanMismatch(claim.text, start: claim.span.start, end: claim.span.end)
            }
            guard body.text(claim.span) == claim.text else {
                throw ClaimStoreError.spanMismatch(claim.text, start: claim.span.start, end: claim.span.end)
            }
            var topics: [String] = []
            for topic in claim.topics where !topics.contains(topic) { topics.append(topic) }
            let sentence = claim.sentence.flatMap { sentence in
                sentence.start <= claim.span.start && claim.span.end <= sentence.end && sentence.end <= body.count
                    ? sentence : nil
            }
            return PreparedClaim(
                kind: claim.kind, span: claim.span, text: claim.text,
                fields: JSONValue.jsonText(claim.fields),
                score: min(1, max(0, claim.score)), topics: topics, sentence: sentence)
        }
    }
}

/// What importing one article needs: the stored article with the same body, or the article
/// prepared with its claims.
public enum PreparedImport: Sendable {
    case known(articleId: Int64)
    case ready(PreparedArticle)
}

extension ClaimDatabase {
    /// Hashes `article`'s body once: when the same body is stored, its id; else the article
    /// prepared with the claims and story topics `extract` finds in the body, which is then not
    /// extracted for nothing. Safe on any thread: it only reads.
    public func prepare(_ article: ArticleDraft, extract: (String) -> ArticleExtraction) throws -> PreparedImport {
        let hash = SHA256.hex(article.body)
        if let known = try articleId(withHash: hash) { return .known(articleId: known) }
        let found = extract(article.body)
        return .ready(try PreparedArticle(article, claims: found.claims, topics: found.topics, contentHash: hash))
    }
}

extension ClaimStoreError {
    /// The store's own guard, whatever its caller checked: a URL is stored only as an http(s) link
    /// without surrounding space, the form every renderer may publish.
    static func checkLink(_ url: String?, field: String) throws(ClaimStoreError) {
        guard let url else { return }
        do throws(WebLink.Problem) {
            let link = try WebLink(parsing: url)
            guard link.text == url else { throw WebLink.Problem.forbiddenCharacter }
        } catch {
            throw .notALink(field: field, value: url, problem: error)
        }
    }
}
