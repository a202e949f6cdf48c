import ArticleImport
import ClaimCore
import ClaimExtraction
import ClaimStore
import Foundation
import GRDB
import Testing

/// Extraction and import over random and mutated Unicode text: never a crash, never a hang, every
/// span in bounds and exact. `FUZZ_CASES` sets the number of cases (`make fuzz` runs 100,000);
/// `FUZZ_SEED` replays a run.
@Suite struct FuzzTests {
    static let cases = ProcessInfo.processInfo.environment["FUZZ_CASES"].flatMap(Int.init) ?? 2000
    static let seed = ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_130

    /// Pieces that stress the splitter, the recognizers and offset arithmetic.
    static let pieces: [String] = [
        "The", "ministry", "said", "about", "banned", "ranked", "out of", "top", "million", "bn", "per cent", "%",
        "$", "£", "€", "1,000", "1,00,000", "10^400", "1.2.3", "$-5", "½", "3 1/2", "2023", "28th", "Mr.", "U.S.",
        "e.g.", "...", "…", "“", "”", "\"", "'", "’", "(", ")", "–", "—", "-", ":", ";", ",", ".", "!", "?", "\n",
        "\n\n", "\r\n", "\t", " ", "  ", "\u{A0}", "•", "* ", "1. ", "# ", "e\u{301}", "👩‍👩‍👧‍👦", "🇺🇦", "\u{200D}",
        "\u{200F}", "\u{202E}", "قال", "עברית", "日本語", "\u{FEFF}", "\u{0}", "\u{FFFD}", "<p>", "</p>", "<div>",
        "&amp;", "&#x1F600;", "&bogus;", "said Putin", "according to", "will", "predict", "lagging behind",
    ]

    static let seedArticle = (try? String(contentsOfFile: CLI.seedArticle, encoding: .utf8)) ?? ""

    static func randomText(_ generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...80, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0:
                // Any scalar at all, surrogates excepted.
                let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            case 1: text += String(Int.random(in: -1_000_000...1_000_000_000, using: &generator))
            default: text += pieces.randomElement(using: &generator)! + " "
            }
        }
        return text
    }

    static func mutated(_ base: String, _ generator: inout SplitMix64) -> String {
        var scalars = Array(base.unicodeScalars)
        for _ in 0..<Int.random(in: 1...20, using: &generator) where !scalars.isEmpty {
            let at = Int.random(in: 0..<scalars.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(contentsOf: pieces.randomElement(using: &generator)!.unicodeScalars, at: at)
            default:
                let end = min(scalars.count, at + Int.random(in: 1...200, using: &generator))
                scalars.removeSubrange(at..<end)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func extractionAndImportKeepEverySpanExact() throws {
        var generator = SplitMix64(seed: Self.seed)
        let extractor = ClaimExtractor()
        let database = try ClaimDatabase.inMemory()
        var claimsSeen = 0
        for index in 0..<Self.cases {
            let raw = index % 3 == 0 ? Self.mutated(Self.seedArticle, &generator) : Self.randomText(&generator)
            let reader = ArticleReaders.all[index % ArticleReaders.all.count]
            let started = Date()
            guard let article = try? reader.read(raw, source: "fuzz-\(index)") else { continue }
            let body = ScalarText(article.body)
            let claims = extractor.extract(from: article.body)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 5, "case \(index) (seed \(Self.seed)) took \(seconds) s")
            for claim in claims {
                guard claim.span.end <= body.count else {
                    Issue.record("case \(index) (seed \(Self.seed)): span \(claim.span) beyond \(body.count)")
                    continue
                }
                #expect(body.text(claim.span) == claim.text, "case \(index) (seed \(Self.seed))")
                #expect((0...1).contains(claim.score), "case \(index) score \(claim.score)")
            }
            claimsSeen += claims.count
            if index % 10 == 0, !article.body.isEmpty {
                _ = try database.importArticle(article, claims: claims, extractorVersion: "fuzz")
            }
        }
        #expect(claimsSeen > 0)
        let bad = try database.writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM spans JOIN articles ON articles.id = spans.article_id
                    WHERE substr(body, start + 1, end - start) IS NOT exact
                    """)!
        }
        #expect(bad == 0)
    }
}
