import ClaimCore

/// Plain text: the body is the text itself; the title is its first non-empty line.
public struct PlainTextReader: ArticleReader {
    public let name = "text"
    public let extensions = ["txt", "text", ""]

    public init() {}

    public func read(_ text: String, source: String) throws -> ArticleDraft {
        let body = BodyNormalizer.normalize(text)
        return ArticleDraft(source: source, title: firstLine(of: body), body: body)
    }
}
