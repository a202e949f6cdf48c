import ClaimCore
import ClaimExtraction
import ClaimStore
import Dispatch
import Foundation
import GRDB

/// A mutable buffer several threads write to at distinct indices.
private struct SharedSlots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>
}

/// `transform` over `items` on `threads` threads; results in the order of `items`.
func parallelMap<Item: Sendable, Value: Sendable>(
    _ items: [Item], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    _ transform: @Sendable (Item) -> Value
) -> [Value] {
    let slots = SharedSlots(buffer: UnsafeMutableBufferPointer<Value?>.allocate(capacity: items.count))
    slots.buffer.initialize(repeating: nil)
    defer { slots.buffer.deallocate() }
    let threads = max(1, threads)
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
        var index = thread
        while index < items.count {
            slots.buffer[index] = transform(items[index])
            index += threads
        }
    }
    return slots.buffer.map { $0! }
}

/// The parameters of the query benchmarks, chosen from the big database's own contents.
struct QueryPlan: Codable, Sendable {
    var articles: Int
    var claims: Int
    var buildSeconds: Double
    /// `claims list --topic T --status unreviewed --limit 50`.
    var listTopic: String
    var listTopicClaims: Int
    /// `claims list --search WORD`: a word with about a thousand matching claims.
    var searchWord: String
    var searchMatches: Int
    var showId: Int64
    /// `claims report --topic T --min-score S`: about 10,000 claims.
    var reportTopic: String
    var reportMinScore: Double
    var reportClaims: Int
}

/// A database of at least a million claims, built in-process through `ClaimDatabase.importArticles`
/// (so triggers, spans, topics and the full-text index are all real) and cached under .build/bench.
enum BigDatabase {
    /// Bump when the way the big database is built changes.
    static let recipeVersion = 2

    /// The cache key: the extractor and schema versions and this recipe. The big database is built
    /// from the base articles, not the BENCH_MB corpus, so BENCH_MB is not part of it.
    static var cacheKey: String {
        "\(ClaimExtractor.version)-\(Migrations.latest)-r\(recipeVersion)"
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }.map(String.init).joined()
    }

    /// The cached database and its query plan, built first when missing.
    static func prepare(base: [BaseArticle], directory: String, minimumClaims: Int) throws -> (
        path: String, plan: QueryPlan
    ) {
        let path = "\(directory)/bigdb-\(cacheKey)-\(minimumClaims).sqlite"
        let planPath = path + ".plan.json"
        if FileManager.default.fileExists(atPath: path), let data = FileManager.default.contents(atPath: planPath),
            let plan = try? JSONDecoder().decode(QueryPlan.self, from: data)
        {
            progress("reusing the cached \(plan.claims)-claim database \(path)")
            return (path, plan)
        }
        let started = monotonicSeconds()
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let (articles, claims) = try build(base: base, path: building, minimumClaims: minimumClaims)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.moveItem(atPath: building, toPath: path)
        let seconds = monotonicSeconds() - started
        var plan = try choosePlan(path: path)
        plan.articles = articles
        plan.claims = claims
        plan.buildSeconds = seconds
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(plan).write(to: URL(fileURLWithPath: planPath))
        return (path, plan)
    }

    /// Extracts each base article once on every core, then stores copies of it (each with its own
    /// marker line after the text, so the spans stay valid) until `minimumClaims` are stored.
    private static func build(base: [BaseArticle], path: String, minimumClaims: Int) throws -> (Int, Int) {
        progress("building a database of ≥ \(minimumClaims) claims (once; cached): extracting \(base.count) articles")
        let extractor = ClaimExtractor()
        let extractionStarted = monotonicSeconds()
        let extracted = parallelMap(base) { article -> (String, [CandidateClaim]) in
            let body = BodyNormalizer.normalize(article.body)
            return (body, extractor.extract(from: body))
        }
        let perCopy = extracted.reduce(0) { $0 + $1.1.count }
        progress(
            "\(perCopy) claims per copy of the base articles, extracted in \(String(format: "%.0f", monotonicSeconds() - extractionStarted)) s on both cores; storing copies"
        )
        let storingStarted = monotonicSeconds()

        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A throwaway benchmark file: no fsync per transaction. Articles are stored as
            // `claims import` stores them: 128 per transaction, every trigger firing.
            try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        let store = try ClaimDatabase(migrating: queue)

        var claims = 0
        var articles = 0
        var copy = 0
        var lastReport = monotonicSeconds()
        var batch: [PreparedArticle] = []
        func flush(_ batch: [PreparedArticle]) throws {
            for outcome in try store.importArticles(batch, extractorVersion: ClaimExtractor.version) {
                if case .imported(_, let count) = outcome {
                    claims += count
                    articles += 1
                }
            }
        }
        while claims < minimumClaims {
            for (index, (body, found)) in extracted.enumerated() where claims < minimumClaims {
                let source = base[index]
                let draft = ArticleDraft(
                    source: "\(source.url)?copy=\(copy)", title: source.title, body: copyBody(body, copy: copy),
                    url: "\(source.url)?copy=\(copy)", publisher: source.publisher, published: source.published)
                batch.append(try PreparedArticle(draft, claims: found))
                if batch.count == 128 {
                    try flush(batch)
                    batch = []
                }
                if monotonicSeconds() - lastReport > 10 {
                    lastReport = monotonicSeconds()
                    let rate = Double(claims) / (monotonicSeconds() - storingStarted)
                    progress("  \(claims) claims in \(articles) articles stored (\(Int(rate)) claims/s)")
                }
            }
            copy += 1
        }
        try flush(batch)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        progress(
            "stored \(claims) claims in \(articles) articles in \(String(format: "%.0f", monotonicSeconds() - storingStarted)) s"
        )
        return (articles, claims)
    }

    /// Picks the topic, search word, claim and report filter the query benchmarks use.
    private static func choosePlan(path: String) throws -> QueryPlan {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            func subtree(_ slug: String) throws -> [String] {
                try String.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE sub(slug) AS (
                            SELECT slug FROM topics WHERE slug = ?
                            UNION SELECT topics.slug FROM topics JOIN sub ON topics.parent = sub.slug)
                        SELECT slug FROM sub
                        """, arguments: [slug])
            }
            func count(inTopics topics: [String], minScore: Double = 0) throws -> Int {
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM claims WHERE score >= ? AND id IN
                            (SELECT claim_id FROM claim_topics WHERE topic IN (SELECT value FROM json_each(?)))
                        """, arguments: [minScore, json(topics)]) ?? 0
            }
            // The list topic: the top-level topic with the most claims.
            var best = ("", 0)
            for slug in try String.fetchAll(db, sql: "SELECT slug FROM topics WHERE parent IS NULL ORDER BY slug") {
                let n = try count(inTopics: try subtree(slug))
                if n > best.1 { best = (slug, n) }
            }
            // The report: the same topic, cut by score to about 10,000 claims.
            let topics = try subtree(best.0)
            let threshold =
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT score FROM claims WHERE id IN
                            (SELECT claim_id FROM claim_topics WHERE topic IN (SELECT value FROM json_each(?)))
                        ORDER BY score DESC LIMIT 1 OFFSET 9999
                        """, arguments: [json(topics)]) ?? 0
            // Scores are rounded to 3 places; step above a tie that would overshoot by much.
            var minScore = threshold
            var reportClaims = try count(inTopics: topics, minScore: minScore)
            if reportClaims > 12_000 {
                let above = minScore + 0.001
                let n = try count(inTopics: topics, minScore: above)
                if abs(n - 10_000) < abs(reportClaims - 10_000) { (minScore, reportClaims) = (above, n) }
            }
            // The search word: the candidate with a match count nearest a thousand.
            let candidates = [
                "drought", "merger", "dividend", "inflation", "tariff", "strike", "takeover", "deficit", "album",
                "championship", "unemployment", "bankruptcy", "coffee", "cocoa", "oscar", "injury",
            ]
            var word = ("drought", 0)
            for candidate in candidates {
                let n =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", arguments: [candidate])
                    ?? 0
                if word.1 == 0 || abs(n - 1000) < abs(word.1 - 1000) { word = (candidate, n) }
            }
            let maxId = try Int64.fetchOne(db, sql: "SELECT max(id) FROM claims") ?? 1
            return QueryPlan(
                articles: 0, claims: 0, buildSeconds: 0, listTopic: best.0, listTopicClaims: best.1,
                searchWord: word.0, searchMatches: word.1, showId: max(1, maxId / 2), reportTopic: best.0,
                reportMinScore: minScore, reportClaims: reportClaims)
        }
    }

    private static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
