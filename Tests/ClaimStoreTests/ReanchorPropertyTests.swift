import ClaimCore
import ClaimStore
import Foundation
import GRDB
import Testing

/// Random edit sequences on a small article (repeated figures, duplicated sentences, moved
/// paragraphs, words inserted and deleted, figures changed), each version re-imported and some
/// claims reviewed between imports. After every import:
///
/// - every review is on the text it was given on (the claim's span and stored text);
/// - every span is the body's text at its offsets (`substr(body, start + 1, end - start) = exact`);
/// - no place (article, start, end) is held by two claims, and only the newest version has live
///   claims;
/// - a claim whose exact text and whole context (32 code points each side, or up to a line break
///   or the body's edge) stand in one place of the new body is there; one that fits two places so
///   is orphaned (claims with the same text and context share their places in order).
///
/// `REANCHOR_CASES` sets the number of edit sequences (1,000 by default; `make fuzz` runs more),
/// `REANCHOR_SEED` the seed, `REANCHOR_CASE` replays one case of that seed.
@Suite struct ReanchorPropertyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["REANCHOR_CASES"].flatMap(Int.init) ?? 1000
    static let seed = environment["REANCHOR_SEED"].flatMap(UInt64.init) ?? 20_261_202
    static let only = environment["REANCHOR_CASE"].flatMap(Int.init)

    static let sentences = [
        "Average rents in Leeds reached £1,400 a month, the council said.",
        "“We pay £1,400 for two rooms,” said one tenant in Headingley.",
        "Exports rose 12% to $4bn in the first quarter, the ministry said.",
        "The ministry said 12% of firms had closed since 2022.",
        "Unemployment fell to 4.2% in May, the lowest in a decade.",
        "Mortgage rates settled near 4.2% for new borrowers.",
        "About 100,000 IT professionals left the country in 2022.",
        "Prices rose by 9% across the region, up from 7% a year before.",
        "Officials said rents rose 9% in Leeds over the year to March.",
        "The council expects rents to keep rising next year.",
        "Critics said the figures were misleading.",
        "Some 1,400 households are waiting for social housing.",
    ]
    static let figures = [
        "£1,400", "£1,500", "12%", "12.5%", "4.2%", "9%", "7%", "$4bn", "$5bn", "100,000", "2022", "2023", "1,400",
    ]
    static let words = ["reportedly", "about", "new", "official", "nearly", "the", "only", "still", "9%", "£1,400"]

    /// An article as paragraphs of sentences of words.
    struct Article: CustomStringConvertible {
        var paragraphs: [[[String]]]

        var body: String {
            paragraphs.map { $0.map { $0.joined(separator: " ") }.joined(separator: " ") }.joined(separator: "\n\n")
                + "\n"
        }
        var description: String { body.debugDescription }

        /// The claims the test's extractor finds: every sentence, and every word with a digit
        /// less its punctuation; no span twice.
        var claims: [CandidateClaim] {
            var claims: [CandidateClaim] = []
            var spans = Set<TextSpan>()
            var offset = 0
            func add(_ kind: ClaimKind, _ span: TextSpan, _ text: String) {
                guard span.length > 0, spans.insert(span).inserted else { return }
                claims.append(CandidateClaim(kind: kind, span: span, text: text, score: 0.5))
            }
            for (p, paragraph) in paragraphs.enumerated() {
                if p > 0 { offset += 2 }
                for (s, sentence) in paragraph.enumerated() {
                    if s > 0 { offset += 1 }
                    let text = sentence.joined(separator: " ")
                    add(.statement, TextSpan(start: offset, end: offset + text.unicodeScalars.count), text)
                    var wordStart = offset
                    for word in sentence {
                        let scalars = Array(word.unicodeScalars)
                        if scalars.contains(where: { $0.properties.numericType != nil }) {
                            let core = Self.core(of: scalars)
                            add(
                                .quantity,
                                TextSpan(start: wordStart + core.lowerBound, end: wordStart + core.upperBound),
                                String(String.UnicodeScalarView(scalars[core])))
                        }
                        wordStart += scalars.count + 1
                    }
                    offset += text.unicodeScalars.count
                }
            }
            return claims
        }

        /// A word less the punctuation either side of it.
        static func core(of word: [Unicode.Scalar]) -> Range<Int> {
            let punctuation = Set("“”\"(),.;:".unicodeScalars)
            var (lower, upper) = (0, word.count)
            while lower < upper && punctuation.contains(word[lower]) { lower += 1 }
            while upper > lower && punctuation.contains(word[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        static func random(_ g: inout SplitMix64) -> Article {
            Article(
                paragraphs: (0..<Int.random(in: 2...4, using: &g)).map { _ in
                    (0..<Int.random(in: 1...3, using: &g)).map { _ in sentence(&g) }
                })
        }

        static func sentence(_ g: inout SplitMix64) -> [String] {
            sentences[Int.random(in: 0..<sentences.count, using: &g)].split(separator: " ").map(String.init)
        }

        /// One random edit, and what it was.
        mutating func edit(_ g: inout SplitMix64) -> String {
            let p = Int.random(in: 0..<paragraphs.count, using: &g)
            let s = Int.random(in: 0..<paragraphs[p].count, using: &g)
            switch Int.random(in: 0..<9, using: &g) {
            case 0:
                let withFigures = paragraphs[p][s].indices.filter { index in
                    paragraphs[p][s][index].unicodeScalars.contains { $0.properties.numericType != nil }
                }
                guard let w = withFigures.randomElement(using: &g), let figure = figures.randomElement(using: &g)
                else { return "no figure in \(p).\(s)" }
                let word = Array(paragraphs[p][s][w].unicodeScalars)
                let core = Article.core(of: word)
                paragraphs[p][s][w] =
                    String(String.UnicodeScalarView(word[..<core.lowerBound])) + figure
                    + String(String.UnicodeScalarView(word[core.upperBound...]))
                return "figure \(p).\(s).\(w) → \(paragraphs[p][s][w])"
            case 1:
                let q = Int.random(in: 0..<paragraphs.count, using: &g)
                paragraphs[q].insert(paragraphs[p][s], at: Int.random(in: 0...paragraphs[q].count, using: &g))
                return "duplicate sentence \(p).\(s) into \(q)"
            case 2:
                let moved = paragraphs.remove(at: p)
                let to = Int.random(in: 0...paragraphs.count, using: &g)
                paragraphs.insert(moved, at: to)
                return "move paragraph \(p) to \(to)"
            case 3:
                let at = Int.random(in: 0..<paragraphs[p][s].count, using: &g)
                paragraphs[p][s].insert(words[Int.random(in: 0..<words.count, using: &g)], at: at)
                return "insert word at \(p).\(s).\(at)"
            case 4:
                guard paragraphs[p][s].count > 4 else { return "sentence \(p).\(s) too short to cut" }
                let at = Int.random(in: 0..<(paragraphs[p][s].count - 1), using: &g)
                paragraphs[p][s].remove(at: at)
                return "delete word \(p).\(s).\(at)"
            case 5:
                if paragraphs[p].count > 1 {
                    paragraphs[p].remove(at: s)
                    return "delete sentence \(p).\(s)"
                }
                guard paragraphs.count > 1 else { return "last sentence kept" }
                paragraphs.remove(at: p)
                return "delete paragraph \(p)"
            case 6:
                paragraphs[p].insert(Self.sentence(&g), at: Int.random(in: 0...paragraphs[p].count, using: &g))
                return "insert sentence in \(p)"
            case 7:
                paragraphs.insert(paragraphs[p], at: Int.random(in: 0...paragraphs.count, using: &g))
                return "duplicate paragraph \(p)"
            default:
                let q = Int.random(in: 0..<paragraphs.count, using: &g)
                let t = Int.random(in: 0..<paragraphs[q].count, using: &g)
                (paragraphs[p][s], paragraphs[q][t]) = (paragraphs[q][t], paragraphs[p][s])
                return "swap sentences \(p).\(s) and \(q).\(t)"
            }
        }
    }

    /// A live claim before an import: where it stood and its selector in that body.
    struct Before {
        var id: Int64
        var start: Int
        var selector: QuoteSelector
        var key: Key { Key(selector) }
    }

    /// What makes a place a perfect fit: the exact text, and the context either side up to a line
    /// break or the body's edge (noted), else its 32 code points.
    struct Key: Hashable {
        var prefix: Substring
        var prefixStops: Bool
        var exact: String
        var suffix: Substring
        var suffixStops: Bool

        init(_ selector: QuoteSelector) {
            let (prefix, suffix) = (selector.prefix, selector.suffix)
            let full = QuoteSelector.contextLength
            if let line = prefix.lastIndex(of: "\n") {
                (self.prefix, prefixStops) = (prefix[prefix.index(after: line)...], true)
            } else {
                (self.prefix, prefixStops) = (prefix[...], prefix.unicodeScalars.count < full)
            }
            if let line = suffix.firstIndex(of: "\n") {
                (self.suffix, suffixStops) = (suffix[..<line], true)
            } else {
                (self.suffix, suffixStops) = (suffix[...], suffix.unicodeScalars.count < full)
            }
            exact = selector.exact
        }
    }

    /// The cases run in this many parts at once.
    static let parts = 4

    @Test(arguments: 0..<parts)
    func reviewsStayOnTheirTextThroughRandomEdits(part: Int) throws {
        let all = Self.only.map { $0...$0 } ?? 0...(max(1, Self.cases) - 1)
        let range = Self.only != nil ? (part == 0 ? Array(all) : []) : all.filter { $0 % Self.parts == part }
        if part == 0 { print("re-anchoring: \(all.count) cases, REANCHOR_SEED=\(Self.seed)") }
        // One database for a part's cases, each case its own document: a fresh database per case
        // spent most of the time migrating and compiling statements.
        let database = try ClaimDatabase.inMemory()
        for index in range {
            let problems = try Self.run(case: index, database)
            if !problems.isEmpty {
                Issue.record(
                    """
                    replay with REANCHOR_SEED=\(Self.seed) REANCHOR_CASE=\(index):
                    \(problems.joined(separator: "\n"))
                    """)
                return
            }
        }
    }

    /// Runs one edit sequence; what went wrong, with the history that led there.
    static func run(case index: Int, _ database: ClaimDatabase) throws -> [String] {
        var g = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let source = "/case/\(index).txt"
        var article = Article.random(&g)
        var history = ["version 1: \(article)"]
        var reviewedText: [Int64: String] = [:]
        var problems: [String] = []
        var newest: Int64 = 0
        var current: [Before] = []
        for round in 0..<Int.random(in: 3...4, using: &g) {
            if round > 0 {
                for _ in 0..<Int.random(in: 1...3, using: &g) { history.append("  " + article.edit(&g)) }
                history.append("version \(round + 1): \(article)")
            }
            let before = current
            let outcome = try database.importArticle(
                ArticleDraft(source: source, title: "Case \(index)", body: article.body), claims: article.claims,
                extractorVersion: "test")
            switch outcome {
            case .imported(let id, _): newest = id
            case .unchanged: break
            case .updated(let id, _, _, let reanchored, let orphaned):
                if reanchored + orphaned != before.count {
                    problems.append("\(reanchored) re-anchored + \(orphaned) orphaned of \(before.count) live claims")
                }
                problems += try placesOfPerfectFits(before, onto: id, ScalarText(article.body), database)
                newest = id
            }
            problems += try invariants(of: newest, reviewedText, database)
            if !problems.isEmpty { return history + ["after \(outcome):"] + problems }
            // Review about a quarter of the live claims, retract now and then.
            current = try live(on: newest, database)
            for claim in current {
                let roll = Int.random(in: 0..<20, using: &g)
                if roll < 5 {
                    let verdict = [Verdict.verified, .disputed, .unsourced][roll % 3]
                    try database.review(claimId: claim.id, verdict: verdict, reviewer: "r", note: nil)
                    if reviewedText[claim.id] == nil { reviewedText[claim.id] = claim.selector.exact }
                    history.append("  review \(claim.id) '\(claim.selector.exact)' at \(claim.start)")
                } else if roll == 5 {
                    _ = try? database.retract(claimId: claim.id, reviewer: "r", note: nil)
                }
            }
        }
        return []
    }

    /// The live claims on article `articleId`, with their selectors cut from its body.
    static func live(on articleId: Int64, _ database: ClaimDatabase) throws -> [Before] {
        try database.writer.read { db in
            guard
                let body = try String.fetchOne(
                    db, sql: "SELECT body FROM articles WHERE id = ?", arguments: [articleId])
            else { return [] }
            let text = ScalarText(body)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, s.start, s.end FROM claims c JOIN spans s ON s.claim_id = c.id AND s.role = 'claim'
                    WHERE c.article_id = ? AND c.orphaned = 0 ORDER BY s.start, c.id
                    """, arguments: [articleId]
            ).map { row in
                Before(
                    id: row["id"], start: row["start"],
                    selector: text.quoteSelector(TextSpan(start: row["start"], end: row["end"])))
            }
        }
    }

    /// Claims whose selector fits places of the new body perfectly (same text, same context):
    /// as many claims as places are placed there in order; more places than claims orphan them;
    /// fewer places than claims are each given to one of them.
    static func placesOfPerfectFits(
        _ before: [Before], onto articleId: Int64, _ body: ScalarText, _ database: ClaimDatabase
    )
        throws -> [String]
    {
        let now = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.article_id, c.orphaned, s.start FROM claims c
                    JOIN spans s ON s.claim_id = c.id AND s.role = 'claim' WHERE c.id IN (\(before.map { "\($0.id)" }.joined(separator: ",")))
                    """
            ).reduce(into: [Int64: (article: Int64, orphaned: Bool, start: Int)]()) { result, row in
                result[row["id"]] = (row["article_id"], row["orphaned"], row["start"])
            }
        }
        var problems: [String] = []
        let groups = Dictionary(grouping: before, by: \.key)
        for (key, twins) in groups.sorted(by: { $0.value[0].start < $1.value[0].start }) {
            let exact = Array(key.exact.unicodeScalars)
            var places: [Int] = []
            var start = 0
            while start + exact.count <= body.count {
                if body.scalars[start] == exact[0],
                    Key(body.quoteSelector(TextSpan(start: start, end: start + exact.count))) == key
                {
                    places.append(start)
                }
                start += 1
            }
            guard !places.isEmpty else { continue }
            let claims = twins.map(\.id)
            let starts = twins.map { claim in
                now[claim.id].flatMap { $0.article == articleId && !$0.orphaned ? $0.start : nil }
            }
            let label = "'\(key.exact)' (claims \(claims)) fits \(places)"
            if places.count > twins.count {
                if starts.contains(where: { $0 != nil }) {
                    problems.append("\(label) equally, yet placed at \(starts)")
                }
            } else if places.count == twins.count {
                if starts != places.map(Optional.some) { problems.append("\(label) perfectly, placed at \(starts)") }
            } else if Set(starts.compactMap { $0 }).intersection(places).count != places.count {
                problems.append("\(label) perfectly, placed at \(starts)")
            }
        }
        return problems
    }

    /// What must hold after every import.
    static func invariants(of articleId: Int64, _ reviewedText: [Int64: String], _ database: ClaimDatabase) throws
        -> [String]
    {
        try database.writer.read { db in
            var problems: [String] = []
            let document = try Int64.fetchOne(
                db, sql: "SELECT document_id FROM articles WHERE id = ?", arguments: [articleId])
            let broken = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM articles a JOIN spans s ON s.article_id = a.id
                    WHERE a.document_id = ? AND substr(a.body, s.start + 1, s.end - s.start) IS NOT s.exact
                    """, arguments: [document])
            if broken != 0 { problems.append("\(broken ?? -1) spans are not the body's text") }
            let shared = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.article_id, s.start, s.end, group_concat(s.claim_id) AS claims
                    FROM articles a JOIN spans s ON s.article_id = a.id
                    WHERE a.document_id = ? AND s.role = 'claim'
                    GROUP BY s.article_id, s.start, s.end HAVING count(*) > 1
                    """, arguments: [document])
            for row in shared { problems.append("one place held by claims \(row["claims"] as String)") }
            let stale = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM articles a JOIN claims c ON c.article_id = a.id
                    WHERE a.document_id = ? AND c.orphaned = 0 AND a.superseded_by IS NOT NULL
                    """, arguments: [document])
            if stale != 0 { problems.append("\(stale ?? -1) live claims on a superseded version") }
            for (claim, text) in reviewedText.sorted(by: { $0.key < $1.key }) {
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT c.text, s.exact FROM claims c JOIN spans s ON s.claim_id = c.id AND s.role = 'claim'
                        WHERE c.id = ?
                        """, arguments: [claim])
                let (stored, exact): (String?, String?) = (row?["text"], row?["exact"])
                if stored != text || exact != text {
                    problems.append("claim \(claim) reviewed on '\(text)' now stands on '\(exact ?? "nothing")'")
                }
            }
            return problems
        }
    }
}
