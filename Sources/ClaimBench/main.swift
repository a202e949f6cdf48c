// ClaimBench: `make bench`. Import throughput, memory and query latency of the `claims` binary,
// side by side with sqlite-utils and the sqlite3 shell on the same JSON lines. It prints figures
// and the issue's targets beside them; nothing in it passes or fails.
//
// Environment: BENCH_MB (corpus size, default 100), BENCH_RUNS (default 3), BENCH_QUERY_RUNS
// (default 5), BENCH_HTML_MB (default BENCH_MB / 5), BENCH_EXTRACT_MB (default min(BENCH_MB, 10)),
// BENCH_CLAIMS (big database, default 1,000,000), BENCH_DATA (default ../shared/data),
// CLAIMS_BIN (default: the `claims` beside this executable).
import ClaimCore
import ClaimExtraction
import Foundation
import GRDB

let environment = ProcessInfo.processInfo.environment
func setting(_ name: String, _ fallback: Int) -> Int { environment[name].flatMap { Int($0) } ?? fallback }

let benchMB = max(1, setting("BENCH_MB", 100))
let runs = max(1, setting("BENCH_RUNS", 3))
let queryRuns = max(3, setting("BENCH_QUERY_RUNS", 5))
let htmlMB = max(1, setting("BENCH_HTML_MB", benchMB / 5))
let extractMB = max(1, setting("BENCH_EXTRACT_MB", min(benchMB, 10)))
let bigClaims = max(1, setting("BENCH_CLAIMS", 1_000_000))
let cwd = FileManager.default.currentDirectoryPath
let dataDirectory = environment["BENCH_DATA"] ?? URL(fileURLWithPath: "\(cwd)/../shared/data").standardizedFileURL.path
let benchDirectory = "\(cwd)/.build/bench"
let logs = "\(benchDirectory)/logs"
let work = "\(benchDirectory)/work"
let selfPath =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let claimsBinary =
    environment["CLAIMS_BIN"]
    ?? URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("claims").path
let megabyte = 1_000_000.0

for directory in [benchDirectory, logs, work] {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
}
guard FileManager.default.isExecutableFile(atPath: claimsBinary) else {
    progress("error: no claims binary at \(claimsBinary); build it with `swift build -c release` or set CLAIMS_BIN")
    exit(1)
}

// Which build is measured: runs of other corpus sizes are compared only when it is the same.
let claimsBinarySHA256 = SHA256.hex(bytes: [UInt8](FileManager.default.contents(atPath: claimsBinary) ?? Data()))
var results = Results(
    generated: ISO8601DateFormatter().string(from: Date()), machine: machineDescription(),
    settings: [
        "BENCH_MB": String(benchMB), "runs": String(runs), "queryRuns": String(queryRuns),
        "BENCH_HTML_MB": String(htmlMB), "BENCH_EXTRACT_MB": String(extractMB), "BENCH_CLAIMS": String(bigClaims),
        "claims": claimsBinary, "claimsSHA256": claimsBinarySHA256, "extractor": ClaimExtractor.version,
    ])

// MARK: Corpus

progress("reading BBC News and Reuters-21578 from \(dataDirectory)")
let bbc = try CorpusSources.bbc(at: "\(dataDirectory)/bbc-news")
let reuters = try CorpusSources.reuters(at: "\(dataDirectory)/reuters21578")
// Interleaved, so any prefix of the corpus holds both kinds of article.
var base: [BaseArticle] = []
do {
    let step = max(1, reuters.count / max(1, bbc.count))
    var r = 0
    for article in bbc {
        base.append(article)
        base += reuters[min(r, reuters.count)..<min(r + step, reuters.count)]
        r += step
    }
    if r < reuters.count { base += reuters[r...] }
    // Reuters repeats some stories word for word; the same body would be stored once.
    var seen = Set<String>()
    base = base.filter { seen.insert($0.body).inserted }
}
let baseBytes = base.reduce(0) { $0 + $1.body.utf8.count + $1.title.utf8.count }
progress(
    "\(bbc.count) BBC and \(reuters.count) Reuters articles, \(String(format: "%.1f", Double(baseBytes) / megabyte)) MB of text"
)

let writer = CorpusWriter(base: base)
let corpusPath = "\(benchDirectory)/corpus-\(benchMB)mb.jsonl"
let corpus = try writer.writeJSONLines(to: corpusPath, targetBytes: Int64(benchMB) * 1_000_000)
let corpusMB = Double(corpus.bytes) / megabyte
progress(
    "wrote \(corpusPath): \(corpus.articles) articles, \(String(format: "%.1f", corpusMB)) MB, \(corpus.copies) copies")
results.settings["corpus"] = corpusPath
results.settings["corpusArticles"] = String(corpus.articles)
results.settings["corpusBytes"] = String(corpus.bytes)

// MARK: 1. Import

progress("1. import: claims import corpus.jsonl into a new database, \(runs) runs")
let importDB = "\(work)/import.sqlite"
var importRuns: [ProcessRun] = []
var importedArticles = 0
var importedClaims = 0
var importSize: Int64 = 0
var importError: String?
// A binary that does not read JSON lines would take the whole file as one article, and storing a
// 100 MB article is quadratic in the span trigger: probe with two articles first.
do {
    let probe = "\(work)/probe.jsonl"
    let probeDB = "\(work)/probe.sqlite"
    Baselines.removeDatabase(probeDB)
    try
        "{\"title\":\"One\",\"body\":\"Oil rose 3% on Monday.\"}\n{\"title\":\"Two\",\"body\":\"Gold fell 2% on Tuesday.\"}\n"
        .write(toFile: probe, atomically: true, encoding: .utf8)
    _ = try Runner.runChecked(
        [claimsBinary, "import", "--db", probeDB, probe], stdoutPath: "\(logs)/probe.out",
        stderrPath: "\(logs)/probe.err")
    let queue = try DatabaseQueue(path: probeDB)
    let stored = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") ?? 0 }
    try queue.close()
    if stored != 2 {
        importError = "this claims binary does not read JSON lines (a two-line probe stored \(stored) articles)"
    }
} catch {
    importError = "probe import failed: \(error.localizedDescription)"
}
for run in 1...runs where importError == nil {
    Baselines.removeDatabase(importDB)
    do {
        let result = try Runner.runChecked(
            [claimsBinary, "import", "--db", importDB, corpusPath], stdoutPath: "\(logs)/import.out",
            stderrPath: "\(logs)/import.err")
        importRuns.append(result)
        let queue = try DatabaseQueue(path: importDB)
        (importedArticles, importedClaims) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") ?? 0
            )
        }
        try queue.close()
        importSize = databaseSize(importDB)
        progress(
            "  run \(run): \(String(format: "%.2f", result.seconds)) s, peak RSS \(String(format: "%.0f", result.megabytesRSS)) MB, "
                + "\(importedArticles) articles, \(importedClaims) claims")
    } catch {
        importError = error.localizedDescription
        progress("  import failed: \(error.localizedDescription)")
        break
    }
}
let importSeconds = importRuns.isEmpty ? nil : median(importRuns.map(\.seconds))
let importRSS = importRuns.isEmpty ? nil : median(importRuns.map(\.megabytesRSS))
let importNote: String? =
    importError.map { "failed: \($0)" }
    ?? (importedArticles != corpus.articles
        ? "stored \(importedArticles) of \(corpus.articles) articles: this claims binary does not read JSON lines as articles"
        : nil)
results.add(Figure("import.seconds", "import: time", importSeconds, "s", runs: importRuns.count, note: importNote))
results.add(
    Figure(
        "import.mbPerSecond", "import: throughput", importSeconds.map { corpusMB / $0 }, "MB/s", runs: importRuns.count)
)
results.add(
    Figure(
        "import.articlesPerSecond", "import: articles", importSeconds.map { Double(importedArticles) / $0 },
        "articles/s",
        runs: importRuns.count))
results.add(
    Figure(
        "import.claimsPerSecond", "import: claims", importSeconds.map { Double(importedClaims) / $0 }, "claims/s",
        runs: importRuns.count))
results.add(
    Figure(
        "import.peakRSS", "import: peak RSS", importRSS, "MB", runs: importRuns.count, target: "< 150 MB",
        met: (importRSS ?? .infinity) < 150))
let sizeRatio = importRuns.isEmpty ? nil : Double(importSize) / Double(corpus.bytes)
results.add(
    Figure(
        "import.sizeRatio", "import: database size ÷ input", sizeRatio, "×", runs: importRuns.count, target: "≤ 2.5×",
        met: (sizeRatio ?? .infinity) <= 2.5,
        note:
            "\(String(format: "%.1f", Double(importSize) / megabyte)) MB database (with WAL) for \(String(format: "%.1f", corpusMB)) MB of JSON lines; \(importedClaims) claims"
    ))

// Peak RSS against the runs of other corpus sizes with the same claims binary (the 100 MB and
// 300 MB runs).
if let importRSS {
    let others = ((try? FileManager.default.contentsOfDirectory(atPath: benchDirectory)) ?? [])
        .filter { $0.hasPrefix("results-") && $0.hasSuffix("mb.json") && $0 != "results-\(benchMB)mb.json" }.sorted()
    for name in others {
        guard let data = FileManager.default.contents(atPath: "\(benchDirectory)/\(name)"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            (object["settings"] as? [String: String])?["claimsSHA256"] == claimsBinarySHA256,
            let figures = object["figures"] as? [[String: Any]],
            let rss = figures.first(where: { $0["key"] as? String == "import.peakRSS" })?["value"] as? Double
        else { continue }
        let otherMB = name.dropFirst("results-".count).dropLast("mb.json".count)
        let change = abs(importRSS - rss) / min(importRSS, rss) * 100
        results.add(
            Figure(
                "import.peakRSSChangeVs\(otherMB)MB", "import: peak RSS change vs \(otherMB) MB run", change, "%",
                runs: importRuns.count,
                target: "< 20%", met: change < 20,
                note: "\(String(format: "%.0f", rss)) MB at \(otherMB) MB (an earlier run of the same binary)"))
    }
}

// MARK: Side by side: sqlite-utils and the sqlite3 shell

let sqliteUtils = Baselines.sqliteUtils(in: benchDirectory, logDirectory: logs)
var utilsRuns: [(insert: ProcessRun, fts: ProcessRun)] = []
if let sqliteUtils {
    progress("sqlite-utils insert --nl + enable-fts title body, \(runs) runs")
    for run in 1...runs {
        do {
            let result = try Baselines.runSQLiteUtils(
                sqliteUtils, corpus: corpusPath, database: "\(work)/sqlite-utils.sqlite", logDirectory: logs)
            utilsRuns.append(result)
            progress(
                "  run \(run): insert \(String(format: "%.2f", result.insert.seconds)) s + fts \(String(format: "%.2f", result.fts.seconds)) s"
            )
        } catch {
            progress("  sqlite-utils failed: \(error.localizedDescription)")
            break
        }
    }
}
let utilsSeconds = utilsRuns.isEmpty ? nil : median(utilsRuns.map { $0.insert.seconds + $0.fts.seconds })
let utilsNote = sqliteUtils == nil ? "sqlite-utils could not be installed (see .build/bench/logs/pip.err)" : nil
results.add(
    Figure(
        "sqliteUtils.seconds", "sqlite-utils insert + enable-fts: time", utilsSeconds, "s", runs: utilsRuns.count,
        note: utilsNote
            ?? "insert \(String(format: "%.2f", median(utilsRuns.map(\.insert.seconds)))) s + enable-fts \(String(format: "%.2f", median(utilsRuns.map(\.fts.seconds)))) s; peak RSS \(String(format: "%.0f", median(utilsRuns.map(\.insert.megabytesRSS)))) MB"
    ))
let utilsRatio = importSeconds.flatMap { ours in utilsSeconds.map { ours / $0 } }
results.add(
    Figure(
        "import.ratioToSqliteUtils", "import ÷ sqlite-utils", utilsRatio, "×",
        runs: min(importRuns.count, utilsRuns.count),
        target: "≤ 1.0 (goal 0.5)", met: (utilsRatio ?? .infinity) <= 1.0))

for fts in [false, true] {
    let label = fts ? "sqlite3 shell insert + FTS5 (1 transaction)" : "sqlite3 shell insert (1 transaction)"
    progress("\(label), \(runs) runs")
    let script = "\(work)/sqlite3-\(fts ? "fts" : "plain").sql"
    try Baselines.sqlite3Script(corpus: corpusPath, fts: fts).write(toFile: script, atomically: true, encoding: .utf8)
    var times: [ProcessRun] = []
    var failure: String?
    for run in 1...runs {
        do {
            let (result, rows) = try Baselines.runSQLite3(
                script: script, database: "\(work)/sqlite3.sqlite", logDirectory: logs)
            if rows != corpus.articles { failure = "stored \(rows) of \(corpus.articles) rows" }
            times.append(result)
            progress("  run \(run): \(String(format: "%.2f", result.seconds)) s, \(rows) rows")
        } catch {
            failure = error.localizedDescription
            progress("  sqlite3 failed: \(error.localizedDescription)")
            break
        }
    }
    let seconds = times.isEmpty ? nil : median(times.map(\.seconds))
    let key = fts ? "sqlite3Fts" : "sqlite3"
    results.add(
        Figure(
            "\(key).seconds", "\(label): time", seconds, "s", runs: times.count,
            note: failure
                ?? (fts
                    ? nil
                    : ".import of each JSON line into a temp table, then INSERT … SELECT line ->> '$.title', … in one transaction")
        ))
    let ratio = importSeconds.flatMap { ours in seconds.map { ours / $0 } }
    results.add(
        Figure("import.ratioTo\(fts ? "Sqlite3Fts" : "Sqlite3")", "import ÷ \(label)", ratio, "×", runs: times.count))
}

// What SQLite alone takes to store the same rows: the least any import into this schema can take.
progress("storage floor: SQLite copying the import's rows into a new database (1 transaction), \(runs) runs")
var copyTimes: [Double] = []
var copyError: String?
for _ in 1...runs where importError == nil {
    do {
        copyTimes.append(try Floors.storageCopy(from: importDB, into: "\(work)/copy.sqlite"))
    } catch {
        copyError = error.localizedDescription
        break
    }
}
let copySeconds = copyTimes.isEmpty ? nil : median(copyTimes)
results.add(
    Figure(
        "floor.storageCopy.seconds", "storage floor: SQLite copy of the import's rows", copySeconds, "s",
        runs: copyTimes.count,
        note: copyError.map { "failed: \($0)" }
            ?? "INSERT … SELECT of every article, claim, span and topic link from the imported database into a new one with the same schema and triggers, one transaction, in-process: no extraction, no Swift"
    ))
let copyRatio = copySeconds.flatMap { floor in utilsSeconds.map { floor / $0 } }
results.add(
    Figure(
        "floor.storageCopy.ratioToSqliteUtils", "storage floor ÷ sqlite-utils", copyRatio, "×", runs: copyTimes.count,
        note: "above 1.0, storing the import's rows alone takes longer than sqlite-utils' whole load"))

// MARK: 2. Extraction

progress("2. extraction: claims extract on one \(extractMB) MB text file, \(runs) runs")
let longText = "\(work)/extract-\(extractMB)mb.txt"
let longTextBytes = try writer.writeLongText(to: longText, targetBytes: Int64(extractMB) * 1_000_000)
var extractRuns: [ProcessRun] = []
for _ in 1...runs {
    guard
        let result = try? Runner.runChecked(
            [claimsBinary, "extract", "--format", "ndjson", longText], stdoutPath: "\(logs)/extract.out",
            stderrPath: "\(logs)/extract.err")
    else { break }
    extractRuns.append(result)
}
let extractSeconds = extractRuns.isEmpty ? nil : median(extractRuns.map(\.seconds))
results.add(
    Figure(
        "extract.process.mbPerSecond", "extract (claims extract, whole process)",
        extractSeconds.map { Double(longTextBytes) / megabyte / $0 }, "MB/s", runs: extractRuns.count,
        note:
            "one \(String(format: "%.1f", Double(longTextBytes) / megabyte)) MB text file read as one article, ndjson to a file; peak RSS \(String(format: "%.0f", median(extractRuns.map(\.megabytesRSS)))) MB"
    ))

progress("2. extraction in-process over the corpus articles (one thread), \(runs) runs")
var sample: [String] = []
var sampleBytes = 0
for article in base where sampleBytes < Int(Double(min(benchMB, 20)) * megabyte) {
    let body = BodyNormalizer.normalize(copyBody(article.body, copy: 0))
    sample.append(body)
    sampleBytes += body.utf8.count
}
let extractor = ClaimExtractor()
var extractTimes: [Double] = []
var sampleClaims = 0
for _ in 1...runs {
    let started = monotonicSeconds()
    var found = 0
    for body in sample { found += extractor.extract(from: body).count }
    extractTimes.append(monotonicSeconds() - started)
    sampleClaims = found
}
results.add(
    Figure(
        "extract.inProcess.mbPerSecond", "extract (in-process, 1 thread)",
        Double(sampleBytes) / megabyte / median(extractTimes),
        "MB/s", runs: runs,
        note:
            "ClaimExtractor.extract over \(sample.count) normalised bodies, \(String(format: "%.1f", Double(sampleBytes) / megabyte)) MB, \(sampleClaims) claims"
    ))

// MARK: 3. HTML import

progress("3. HTML import: saved pages of the same articles, \(htmlMB) MB of HTML, \(runs) runs")
let pagesDirectory = "\(benchDirectory)/html-\(htmlMB)mb"
let (pages, pagePaths) = try writer.writeHTMLPages(to: pagesDirectory, targetBytes: Int64(htmlMB) * 1_000_000)
let htmlDB = "\(work)/html.sqlite"

/// Imports the saved pages `runs` times, on every core or, through `taskset -c 0`, on one.
func htmlImportFigure(oneCore: Bool) -> Figure {
    var htmlRuns: [ProcessRun] = []
    var htmlArticles = 0
    var htmlError: String?
    let command = (oneCore ? ["taskset", "-c", "0"] : []) + [claimsBinary, "import", "--db", htmlDB, pagesDirectory]
    for _ in 1...runs {
        Baselines.removeDatabase(htmlDB)
        do {
            let result = try Runner.runChecked(
                command, stdoutPath: "\(logs)/html.out", stderrPath: "\(logs)/html.err")
            htmlRuns.append(result)
            let queue = try DatabaseQueue(path: htmlDB)
            htmlArticles = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM articles") ?? 0 }
            try queue.close()
        } catch {
            htmlError = error.localizedDescription
            progress("  HTML import failed: \(error.localizedDescription)")
            break
        }
    }
    let htmlSeconds = htmlRuns.isEmpty ? nil : median(htmlRuns.map(\.seconds))
    let value = htmlSeconds.map { Double(pages.bytes) / megabyte / $0 }
    return Figure(
        oneCore ? "htmlImport.oneCore.mbPerSecond" : "htmlImport.mbPerSecond",
        oneCore ? "HTML import, one core (taskset -c 0)" : "HTML import: throughput", value, "MB/s of HTML",
        runs: htmlRuns.count, target: oneCore ? "≥ 10 MB/s" : nil, met: (value ?? 0) >= 10,
        note: htmlError.map { "failed: \($0)" }
            ?? "claims import FOLDER of \(pages.articles) .html pages (\(String(format: "%.1f", Double(pages.bytes) / megabyte)) MB) in one process\(oneCore ? ", pinned to CPU 0" : ""); \(htmlArticles) articles stored; peak RSS \(String(format: "%.0f", median(htmlRuns.map(\.megabytesRSS)))) MB"
    )
}
results.add(htmlImportFigure(oneCore: false))
progress("3. HTML import on one core (taskset -c 0), \(runs) runs")
results.add(htmlImportFigure(oneCore: true))
progress("3. gumbo alone: parsing the same pages on one thread, \(runs) runs")
var gumboRates: [Double] = []
for _ in 1...runs {
    let (bytes, seconds) = Floors.gumboParse(pagePaths)
    gumboRates.append(Double(bytes) / megabyte / seconds)
}
results.add(
    Figure(
        "floor.gumboParse.mbPerSecond", "parse floor: gumbo alone, one thread", median(gumboRates), "MB/s of HTML",
        runs: runs,
        note:
            "gumbo_parse_with_options and gumbo_destroy_output on each page, as HTMLDocument calls them, nothing read from the tree: the most an HTML import through gumbo can reach on one core"
    ))

// MARK: 5. Scorer

progress("5. scorer: CheckWorthinessScorer over the corpus sentences, \(runs) runs")
var sentences: [String] = []
for body in sample {
    let text = ScalarText(body)
    for span in SentenceSplitter.sentences(in: text) { sentences.append(text.text(span)) }
}
let scorer = CheckWorthinessScorer()
var scoreTimes: [Double] = []
var checksum = 0.0
for _ in 1...runs {
    let started = monotonicSeconds()
    for sentence in sentences { checksum += scorer.score(sentence: sentence) }
    scoreTimes.append(monotonicSeconds() - started)
}
results.add(
    Figure(
        "scorer.sentencesPerSecond", "scorer", Double(sentences.count) / median(scoreTimes), "sentences/s", runs: runs,
        note:
            "\(sentences.count) sentences, one thread (mean score \(String(format: "%.3f", checksum / Double(sentences.count * runs))))"
    ))

// MARK: 4. Queries at a million claims

progress("4. queries on a database of ≥ \(bigClaims) claims")
let (bigDB, plan) = try BigDatabase.prepare(base: base, directory: benchDirectory, minimumClaims: bigClaims)
results.settings["bigDatabase"] = bigDB
results.add(
    Figure(
        "bigdb.claims", "big database: claims", Double(plan.claims), "claims", runs: 1,
        note:
            "\(plan.articles) articles; built in-process through ClaimDatabase.importArticles in \(String(format: "%.0f", plan.buildSeconds)) s (once, then cached: \(bigDB))"
    ))
let queries: [(key: String, label: String, arguments: [String], target: Double, note: String)] = [
    (
        "query.listTopic", "list --topic \(plan.listTopic) --status unreviewed --limit 50",
        ["list", "--topic", plan.listTopic, "--status", "unreviewed", "--limit", "50"], 0.05,
        "\(plan.listTopicClaims) claims in the topic"
    ),
    (
        "query.search", "list --search \"\(plan.searchWord)\"", ["list", "--search", plan.searchWord], 0.05,
        "\(plan.searchMatches) matching claims, all printed"
    ),
    ("query.show", "show \(plan.showId)", ["show", String(plan.showId)], 0.05, ""),
    ("query.stats", "stats", ["stats"], 0.05, ""),
    (
        "query.report", "report --topic \(plan.reportTopic) --min-score \(plan.reportMinScore) --format markdown",
        ["report", "--topic", plan.reportTopic, "--min-score", String(plan.reportMinScore), "--format", "markdown"],
        1.0,
        "\(plan.reportClaims) claims"
    ),
]
for query in queries {
    let output = "\(logs)/\(query.key).out"
    var times: [ProcessRun] = []
    var failure: String?
    for attempt in 0...queryRuns {  // attempt 0 warms the page cache and is not counted
        do {
            let result = try Runner.runChecked(
                [claimsBinary] + query.arguments + ["--db", bigDB], stdoutPath: output,
                stderrPath: "\(logs)/\(query.key).err")
            if attempt > 0 { times.append(result) }
        } catch {
            failure = error.localizedDescription
            break
        }
    }
    let seconds = times.isEmpty ? nil : median(times.map(\.seconds))
    let outputNote = "\(String(format: "%.1f", Double(fileSize(output)) / 1000)) kB of output"
    let note =
        failure.map { "failed: \($0)" } ?? [query.note, outputNote].filter { !$0.isEmpty }.joined(separator: "; ")
    results.add(
        Figure(
            query.key, query.label, seconds.map { $0 * 1000 }, "ms", runs: times.count,
            target: query.target < 1 ? "< \(Int(query.target * 1000)) ms" : "< \(Int(query.target)) s",
            met: (seconds ?? .infinity) < query.target, note: note))
}

// MARK: Output

let table = results.table()
let header = """
    ClaimLedger benchmark · \(results.machine["cpu"] ?? "?") · \(results.machine["cores"] ?? "?") cores · \(results.machine["memory"] ?? "?") · \(results.machine["os"] ?? "")
    corpus: \(corpus.articles) articles, \(String(format: "%.1f", corpusMB)) MB of JSON lines (BENCH_MB=\(benchMB)); medians of \(runs) runs (queries: \(queryRuns) runs after one warm-up)


    """
FileHandle.standardOutput.write(Data((header + table).utf8))
try results.write(to: "\(benchDirectory)/results.json")
try results.write(to: "\(benchDirectory)/results-\(benchMB)mb.json")
progress("wrote \(benchDirectory)/results.json")
