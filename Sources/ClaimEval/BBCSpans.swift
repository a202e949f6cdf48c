import ArticleImport
import ClaimCore
import ClaimExtraction
import Foundation

/// Rankings, quantities and bans on the hand-annotated BBC articles of `corpus/bbc-dev`, scored
/// exactly as `../shared/eval/score.py spans` scores them, on all 39 articles and on each half of
/// a fixed split by article.
///
/// A predicted claim of the same kind that overlaps a gold span matches it, one to one, largest
/// overlap first; one that matches nothing but overlaps a neutral (deliberately excluded) span of
/// any kind counts neither way. Fields on matches: a quantity's value within 0.5%; a ranking's
/// `rank` and `top` equal where gold states them; a ban's targets sharing a word with gold's.
///
/// The split: the articles in sorted order, alternately to the half rules may be tuned on (1st,
/// 3rd, …) and the half kept back (2nd, 4th, …), so each half holds every BBC category.
enum BBCSpans {
    static let kinds: [ClaimKind] = [.ranking, .quantity, .ban]

    struct Gold: Decodable {
        var article: String
        var kind: String
        var start: Int
        var end: Int
        var fields: [String: JSONValue]?
    }

    /// Counts per kind: matched, extra, missed, matched with right fields.
    struct Tally {
        var truePositives: [ClaimKind: Int] = [:]
        var falsePositives: [ClaimKind: Int] = [:]
        var falseNegatives: [ClaimKind: Int] = [:]
        var fieldsRight: [ClaimKind: Int] = [:]
        var articles = 0
        /// Each miss, extra and wrong field, in score.py's `-v` form.
        var misses: [String] = []

        mutating func add(_ other: Tally) {
            for kind in BBCSpans.kinds {
                truePositives[kind, default: 0] += other.truePositives[kind, default: 0]
                falsePositives[kind, default: 0] += other.falsePositives[kind, default: 0]
                falseNegatives[kind, default: 0] += other.falseNegatives[kind, default: 0]
                fieldsRight[kind, default: 0] += other.fieldsRight[kind, default: 0]
            }
            articles += other.articles
            misses += other.misses
        }

        /// One line in score.py's form: "ranking P 1.00 R 0.37 F1 0.54 fields 1.00 (49 gold); …".
        var line: String {
            BBCSpans.kinds.map { kind in
                let tp = Double(truePositives[kind, default: 0])
                let fp = Double(falsePositives[kind, default: 0])
                let fn = Double(falseNegatives[kind, default: 0])
                let precision = tp + fp > 0 ? tp / (tp + fp) : 0
                let recall = tp + fn > 0 ? tp / (tp + fn) : 0
                let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
                let fields = tp > 0 ? Double(fieldsRight[kind, default: 0]) / tp : 0
                return String(
                    format: "%@ P %.2f R %.2f F1 %.2f fields %.2f (%d gold)", kind.rawValue, precision, recall, f1,
                    fields, Int(tp + fn))
            }.joined(separator: "; ")
        }
    }

    static func readLines<T: Decodable>(_ path: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(T.self, from: Data($0.utf8))
        }
    }

    /// The tally of each article, by article path (`business/005.txt`).
    static func score(shared: String, extractor: ClaimExtractor) throws -> [String: Tally] {
        let root = shared + "/corpus/bbc-dev"
        let gold = try readLines(root + "/gold.jsonl", as: Gold.self)
        let neutral = try readLines(root + "/neutral.jsonl", as: Gold.self)
        let articles = Set(gold.map(\.article)).union(neutral.map(\.article)).sorted()
        var tallies: [String: Tally] = [:]
        for article in articles {
            let path = shared + "/data/bbc-news/" + article
            let loaded = try ArticleLoader.load(path, format: nil)
            guard let body = try loaded.first?.result.get().body else { continue }
            let predicted = extractor.extract(from: body).filter { kinds.contains($0.kind) }
            let text = ScalarText(body)
            func quoted(_ start: Int, _ end: Int) -> String {
                guard let span = text.span(start, end) else { return "?" }
                return "'" + text.text(span) + "'"
            }
            let neutralHere = neutral.filter { $0.article == article }
            var tally = Tally()
            tally.articles = 1
            for kind in kinds {
                let golds = gold.filter { $0.article == article && $0.kind == kind.rawValue }
                let claims = predicted.filter { $0.kind == kind }
                var pairs: [(overlap: Int, gold: Int, claim: Int)] = []
                for (g, goldSpan) in golds.enumerated() {
                    for (c, claim) in claims.enumerated() {
                        let overlap = min(claim.span.end, goldSpan.end) - max(claim.span.start, goldSpan.start)
                        if overlap > 0 { pairs.append((overlap, g, c)) }
                    }
                }
                pairs.sort { ($0.overlap, -$0.gold, -$0.claim) > ($1.overlap, -$1.gold, -$1.claim) }
                var goldMatch: [Int: Int] = [:]
                var claimMatched = Set<Int>()
                for pair in pairs where goldMatch[pair.gold] == nil && !claimMatched.contains(pair.claim) {
                    goldMatch[pair.gold] = pair.claim
                    claimMatched.insert(pair.claim)
                }
                for (g, goldSpan) in golds.enumerated() {
                    guard let c = goldMatch[g] else {
                        tally.falseNegatives[kind, default: 0] += 1
                        tally.misses.append(
                            "  missed \(article) \(kind.rawValue) \(quoted(goldSpan.start, goldSpan.end))")
                        continue
                    }
                    tally.truePositives[kind, default: 0] += 1
                    if fieldsAgree(kind, gold: goldSpan.fields ?? [:], predicted: claims[c].fields) {
                        tally.fieldsRight[kind, default: 0] += 1
                    } else {
                        tally.misses.append(
                            "  field  \(article) \(kind.rawValue) \(quoted(goldSpan.start, goldSpan.end)): gold "
                                + "\(JSONValue.jsonText(goldSpan.fields ?? [:])) got \(JSONValue.jsonText(claims[c].fields))"
                        )
                    }
                }
                for (c, claim) in claims.enumerated() where !claimMatched.contains(c) {
                    let excluded = neutralHere.contains { $0.start < claim.span.end && $0.end > claim.span.start }
                    if !excluded {
                        tally.falsePositives[kind, default: 0] += 1
                        tally.misses.append(
                            "  extra  \(article) \(kind.rawValue) \(quoted(claim.span.start, claim.span.end))")
                    }
                }
            }
            tallies[article] = tally
        }
        return tallies
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        case .bool(let flag): flag ? 1 : 0  // as Python's isinstance(True, int)
        default: nil
        }
    }

    /// score.py's `field_ok`.
    static func fieldsAgree(_ kind: ClaimKind, gold: [String: JSONValue], predicted: [String: JSONValue]) -> Bool {
        switch kind {
        case .quantity:
            guard let value = number(gold["value"]), let got = number(predicted["value"]) else { return false }
            return abs(got - value) <= 0.005 * abs(value) + 1e-9
        case .ranking:
            func agrees(_ key: String) -> Bool {
                guard let wanted = gold[key], wanted != .null else { return true }
                guard let want = number(wanted), let got = number(predicted[key]) else {
                    return predicted[key] == wanted
                }
                return want == got
            }
            return agrees("rank") && agrees("top")
        case .ban:
            func words(_ value: JSONValue?) -> Set<String> {
                guard case .array(let items) = value else { return [] }
                let joined = items.compactMap { item -> String? in
                    if case .string(let text) = item { return text }
                    return nil
                }.joined(separator: " ")
                return Set(joined.lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
            }
            return !words(gold["targets"]).isDisjoint(with: words(predicted["targets"]))
        default:
            return true
        }
    }
}
