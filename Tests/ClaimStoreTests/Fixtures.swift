import ClaimCore
import ClaimStore
import Foundation

/// A small article with claims at known offsets, for store tests.
enum Fixtures {
    /// "Café" and the emoji make code-point offsets differ from UTF-16 and grapheme offsets.
    static let body = "Café owners 👩‍👩‍👧 said 76% of staff left.\nPrices rose by $5bn in 2022.\n"

    static func article(body: String = body, source: String = "/tmp/cafe.txt") -> ArticleDraft {
        ArticleDraft(source: source, title: "Café", body: body, url: "https://example.org/cafe")
    }

    /// A candidate claim whose span is the first occurrence of `text` in `body`.
    static func claim(_ text: String, in body: String = body, kind: ClaimKind = .quantity, topics: [String] = [])
        -> CandidateClaim
    {
        let scalars = Array(body.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
        return CandidateClaim(
            kind: kind, span: TextSpan(start: start, end: start + needle.count), text: text,
            fields: ["value": 76, "unit": "percent"], score: 0.9, topics: topics)
    }

    static func store(claims: [CandidateClaim]? = nil) throws -> (ClaimDatabase, Int64) {
        let database = try ClaimDatabase.inMemory()
        let outcome = try database.importArticle(
            article(),
            claims: claims ?? [claim("76% of staff left", topics: ["emigration"]), claim("$5bn", topics: ["economy"])],
            extractorVersion: "test")
        guard case .imported(let id, _) = outcome else { fatalError("fresh database already had the article") }
        return (database, id)
    }
}
