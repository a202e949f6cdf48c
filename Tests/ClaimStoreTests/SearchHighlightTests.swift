import ClaimCore
import ClaimStore
import Foundation
import Testing

/// `claims list --search` marks matches in Swift for plain words and in SQLite for FTS5 syntax;
/// the two must mark the same words the same way.
@Suite struct SearchHighlightTests {
    static let sentences = [
        "Café owners said 76% of staff left the CAFE in 2022.",
        "Russia’s “sovereign internet” law cost 100,000 jobs, the ministry said.",
        "The naïve résumé of the co-operative listed staff, staff and more staff.",
        "Straße und Größe: the ß and the İstanbul office reported 5bn in losses.",
        "東京 and Россия were named; e\u{301}cole and école are the same word here.",
        "Left left LEFT: staff left, staff stayed 👩‍👩‍👧 and the staff-room closed.",
        "Prices rose by $5bn (about 4.5%) — the highest since 1999's crash.",
    ]

    static func store() throws -> (ClaimDatabase, [Int64: String]) {
        let body = sentences.joined(separator: "\n\n") + "\n"
        let database = try ClaimDatabase.inMemory()
        _ = try database.importArticle(
            Fixtures.article(body: body), claims: sentences.map { Fixtures.claim($0, in: body) },
            extractorVersion: "test")
        let texts = Dictionary(uniqueKeysWithValues: try database.claims(ClaimFilter()).map { ($0.id, $0.text) })
        return (database, texts)
    }

    /// Every word of the sentences (FTS5's syntax characters dropped), some pairs, and words the
    /// tokenizer splits or folds.
    static var searches: [String] {
        let words = Set(
            sentences.flatMap {
                $0.split(whereSeparator: \.isWhitespace).map { $0.filter { !"\"*()^:+".contains($0) } }
            })
        let pairs = sentences.map { sentence in
            let words = sentence.split(whereSeparator: \.isWhitespace)
            return "\(words[1]) \(words[words.count - 2])".filter { !"\"*()^:+".contains($0) }
        }
        let folded = [
            "cafe", "CAFÉ", "ecole", "NAIVE", "russia’s", "100,000", "co-operative", "staff left", "left staff",
        ]
        return words.sorted() + pairs + folded
    }

    @Test func plainWordsAreMarkedAsSQLiteMarksThem() throws {
        let (database, texts) = try Self.store()
        var marked = 0
        for search in Self.searches {
            let matched: [ClaimView]
            do { matched = try database.claims(ClaimFilter(search: search)) } catch ClaimStoreError.emptySearch {
                continue
            }
            let found = texts.filter { id, _ in matched.contains { $0.id == id } }
            let swift = try database.highlights(of: found, search: search, open: "[", close: "]")
            // The same words as quoted phrases: FTS5 syntax, so marked by SQLite's highlight().
            let quoted = search.split { $0.isASCII && !$0.isLetter && !$0.isNumber }.map { "\"\($0)\"" }
                .joined(separator: " ")
            let sqlite = try database.highlights(of: found, search: quoted, open: "[", close: "]")
            #expect(try database.claims(ClaimFilter(search: quoted)).map(\.id) == matched.map(\.id), "\(search)")
            for (id, text) in found {
                #expect(swift[id] ?? text == sqlite[id] ?? text, "search \(search)")
                if (swift[id] ?? text) != text { marked += 1 }
            }
        }
        #expect(marked > 100)
    }

    @Test func overlappingPhrasesMergeAndAdjacentOnesDoNot() throws {
        let (database, texts) = try Self.store()
        let id = try #require(texts.first { $0.value.hasPrefix("Left left") }?.key)
        let adjacent = try database.highlights(of: [id: texts[id]!], search: "staff left", open: "[", close: "]")
        #expect(adjacent[id]?.contains("[staff] [left]") == true)
        let phrase = try database.highlights(of: [id: texts[id]!], search: "\"staff left\" left", open: "[", close: "]")
        #expect(phrase[id]?.contains("[staff left]") == true)
    }
}
