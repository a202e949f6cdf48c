import ArgumentParser
import ArticleImport
import ClaimCore
import ClaimExtraction
import ClaimStore
import Foundation
import Synchronization

/// `claims import FILE|DIR... | -`: read articles, extract their claims and store both.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import articles (text, Markdown, HTML, JSON lines; files or folders) and store their claims.",
        discussion: """
            Content already stored adds nothing and says so. An article whose URL (else path) is
            known but whose content changed becomes a new version: earlier claims are re-anchored on
            it and keep their reviews; those whose text is gone are kept, marked orphaned.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: RowFormatOptions

    @Option(
        name: .customLong("input-format"),
        help: "Read every input as text, markdown, html or jsonl (default: by extension, else by content).")
    var inputFormat: String?

    @Option(help: "In folders, import only files whose name or path matches this shell pattern (e.g. '*.html').")
    var glob: String?

    @Option(help: "The article's title (default: its metadata, else its first non-empty line). One article only.")
    var title: String?

    @Option(help: "The article's URL. One article only.")
    var url: String?

    @Option(help: "The author, for every article imported.")
    var author: String?

    @Option(help: "The publication date, for every article imported.")
    var published: String?

    @Option(help: "The publisher, for every article imported.")
    var publisher: String?

    @Option(
        name: .customLong("max-article-mb"),
        help: "Refuse an article larger than this many megabytes (default: $CLAIMS_MAX_ARTICLE_MB, else 50).")
    var maxArticleMB: Double?

    /// The size limit for one article, in bytes.
    var maxBytes: Int { maxArticleMB.map { Int($0 * 1_000_000) } ?? ArticleLimits.defaultMaxBytes }

    @Argument(help: "Files or folders to import; - reads standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("expected at least one FILE or DIR to import, or - for standard input")
        }
        for (option, value) in [
            ("--title", title), ("--url", url), ("--author", author), ("--published", published),
            ("--publisher", publisher),
        ] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CLIError.emptyValue(option: option)
            }
        }
        if let maxArticleMB, !(maxArticleMB > 0) { throw ValidationError("--max-article-mb expects a positive number") }
        if let inputFormat, ArticleFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'; expected \(ArticleFormat.names)")
        }
    }

    struct Row: Encodable {
        var source: String
        var status: String
        var articleId: Int64?
        var version: Int?
        var claims: Int
    }

    /// Counts for the summary line.
    struct Tally {
        var imported = 0, unchanged = 0, updated = 0, failed = 0, skipped = 0
        var claims = 0, reanchored = 0, orphaned = 0, bytes = 0
        var articles: Int { imported + unchanged + updated }
    }

    /// Articles read and waiting to be extracted and stored together.
    static let batchSize = 64

    func run() throws {
        let console = Console.current
        let started = Date()
        let format = inputFormat.flatMap { ArticleFormat(rawValue: $0) }
        let inputs = try ArticleLoader.files(files, glob: glob)
        var importer = BatchImporter(
            database: database, single: inputs.count == 1, console: console,
            progress: Progress(console: console, started: started))
        var seenArticles = 0
        for input in inputs {
            let articles: [LoadedArticle]
            do {
                articles = try ArticleLoader.load(input.path, format: format, maxBytes: maxBytes)
            } catch let error as ArticleImportError where !input.explicit {
                if case .notText = error {
                    importer.tally.skipped += 1  // images and the like in a folder are not articles
                    continue
                }
                importer.fail(error)
                continue
            } catch {
                if inputs.count == 1 { throw error }
                importer.fail(error)
                continue
            }
            importer.single = importer.single && articles.count == 1
            for loaded in articles {
                do {
                    var article = try loaded.result.get()
                    seenArticles += 1
                    if (title != nil || url != nil) && seenArticles > 1 {
                        throw ValidationError("--title and --url name one article; \(loaded.label) is another")
                    }
                    article.title = title ?? article.title
                    article.url = url ?? article.url
                    article.author = author ?? article.author
                    article.published = published ?? article.published
                    article.publisher = publisher ?? article.publisher
                    try importer.add(loaded.label, article)
                } catch {
                    if importer.single { throw error }
                    importer.fail(error)
                }
            }
        }
        try importer.flush()
        importer.progress.finish()
        try RowWriter<Row>(
            columns: ["status", "article", "version", "claims", "source"],
            cells: { row in
                [
                    row.status, row.articleId.map { String($0) } ?? "", row.version.map { String($0) } ?? "",
                    String(row.claims), row.source,
                ]
            }
        ).write(importer.rows, as: output.format, to: console)
        let tally = importer.tally
        let seconds = Date().timeIntervalSince(started)
        var summary =
            "imported \(tally.imported), unchanged \(tally.unchanged), updated \(tally.updated), failed \(tally.failed); "
            + "\(tally.claims) claims in \(String(format: "%.2f", seconds)) s"
        if tally.updated > 0 { summary += "; \(tally.reanchored) claims re-anchored, \(tally.orphaned) orphaned" }
        if tally.skipped > 0 { summary += "; skipped \(tally.skipped) files that are not text" }
        console.diagnostic(summary)
        if tally.failed > 0 { throw ExitCode.failure }
    }

    /// Gathers articles into batches: content already stored is recognised first, the rest is
    /// extracted on every core and stored in one transaction per batch.
    struct BatchImporter {
        let database: DatabaseOptions
        /// One article in all: its failure is the command's error.
        var single: Bool
        let console: Console
        var progress: Progress
        let extractor = ClaimExtractor()
        var store: ClaimDatabase?
        var pending: [(label: String, article: ArticleDraft)] = []
        var rows: [Row] = []
        var tally = Tally()

        init(database: DatabaseOptions, single: Bool, console: Console, progress: Progress) {
            self.database = database
            self.single = single
            self.console = console
            self.progress = progress
        }

        mutating func fail(_ error: any Error) {
            tally.failed += 1
            console.diagnostic("error: \(describe(error))")
        }

        mutating func add(_ label: String, _ article: ArticleDraft) throws {
            pending.append((label, article))
            if pending.count >= ImportCommand.batchSize { try flush() }
        }

        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            let batch = pending
            pending = []
            if store == nil { store = try database.open(create: true) }
            let known = try batch.map { try store!.articleId(withBody: $0.article.body) }
            let fresh = batch.indices.filter { known[$0] == nil }
            let claims = Self.extractInParallel(fresh.map { batch[$0].article.body }, extractor)
            var outcomes: [Int: Result<ImportOutcome, any Error>] = [:]
            do {
                let stored = try store!.importArticles(
                    zip(fresh, claims).map { (batch[$0].article, $1) }, extractorVersion: ClaimExtractor.version)
                for (index, outcome) in zip(fresh, stored) { outcomes[index] = .success(outcome) }
            } catch {
                // One article spoiled the batch: store them one by one to name it and keep the rest.
                for (index, claims) in zip(fresh, claims) {
                    outcomes[index] = Result {
                        try store!.importArticle(
                            batch[index].article, claims: claims, extractorVersion: ClaimExtractor.version)
                    }
                }
            }
            for (index, entry) in batch.enumerated() {
                let outcome =
                    known[index].map { Result<ImportOutcome, any Error>.success(.unchanged(articleId: $0)) }
                    ?? outcomes[index]!
                switch outcome {
                case .failure(let error):
                    if single { throw error }
                    fail(error)
                case .success(let outcome):
                    record(outcome, label: entry.label, bytes: entry.article.body.utf8.count)
                }
            }
            progress.update(tally)
        }

        mutating func record(_ outcome: ImportOutcome, label: String, bytes: Int) {
            tally.bytes += bytes
            switch outcome {
            case .imported(let id, let count):
                tally.imported += 1
                tally.claims += count
                rows.append(Row(source: label, status: "imported", articleId: id, version: 1, claims: count))
            case .unchanged(let id):
                tally.unchanged += 1
                rows.append(Row(source: label, status: "unchanged", articleId: id, claims: 0))
                if single {
                    console.diagnostic("unchanged: \(label) is already stored as article \(id); nothing added")
                }
            case .updated(let id, let version, let count, let reanchored, let orphaned):
                tally.updated += 1
                tally.claims += count
                tally.reanchored += reanchored
                tally.orphaned += orphaned
                rows.append(Row(source: label, status: "updated", articleId: id, version: version, claims: count))
                console.diagnostic(
                    "updated: \(label) is version \(version) (article \(id)): \(reanchored) claims "
                        + "re-anchored, \(orphaned) orphaned, \(count) new")
            }
        }

        /// The claims of each body, extracted on every core.
        static func extractInParallel(_ bodies: [String], _ extractor: ClaimExtractor) -> [[CandidateClaim]] {
            let results = Mutex([[CandidateClaim]](repeating: [], count: bodies.count))
            DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
                let claims = extractor.extract(from: bodies[index])
                results.withLock { $0[index] = claims }
            }
            return results.withLock { $0 }
        }
    }
}

/// A progress line on standard error, redrawn at most twice a second, only on a terminal.
struct Progress {
    let console: Console
    let started: Date
    var lastDrawn = Date.distantPast
    var drawn = false

    init(console: Console, started: Date) {
        self.console = console
        self.started = started
    }

    mutating func update(_ tally: ImportCommand.Tally) {
        guard console.errorIsTerminal, Date().timeIntervalSince(lastDrawn) >= 0.5 else { return }
        lastDrawn = Date()
        let seconds = max(0.001, Date().timeIntervalSince(started))
        let line = String(
            format: "%d articles · %.1f MB · %d claims · %.0f articles/s", tally.articles,
            Double(tally.bytes) / 1_000_000, tally.claims, Double(tally.articles) / seconds)
        console.progress(line)
        drawn = true
    }

    mutating func finish() {
        if drawn { console.progress(nil) }
    }
}
