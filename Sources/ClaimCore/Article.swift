/// An article as read from a file, ready to be extracted and stored.
///
/// `body` is normalised once, on import (see ``BodyNormalizer``), and never rewritten after.
public struct ArticleDraft: Sendable, Hashable {
    /// The path or URL it came from.
    public var source: String
    public var title: String
    public var body: String
    public var url: String?
    public var author: String?
    public var publisher: String?
    /// As written by the source; ISO 8601 where it can be read as a date.
    public var published: String?

    public init(
        source: String, title: String, body: String, url: String? = nil, author: String? = nil,
        publisher: String? = nil, published: String? = nil
    ) {
        self.source = source
        self.title = title
        self.body = body
        self.url = url
        self.author = author
        self.publisher = publisher
        self.published = published
    }
}
