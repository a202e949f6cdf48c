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

    @Option(help: "The article's URL, http:// or https://. One article only.")
    var url: String?

    @Option(help: "The author, for every article imported.")
    var author: String?

    @Option(help: "The publication date of every article: 2025-12-03, 2025-12-03T08:15:00+01:00 or RFC 2822.")
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
        _ = try checkedURL
        _ = try checkedPublished
        if let maxArticleMB, !(maxArticleMB > 0 && maxArticleMB <= ArticleLimits.maxMegabytes) {
            throw ValidationError("--max-article-mb expects a positive number of megabytes, at most 1000000")
        }
        if let inputFormat, ArticleFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'; expected \(ArticleFormat.names)")
        }
    }

    /// `--url` as a link, or an error: only http(s) URLs are stored.
    var checkedURL: String? { get throws { try url.map { try UserInput.link($0, option: "--url") } } }

    /// `--published` in ISO 8601, or an error naming the forms expected.
    var checkedPublished: String? {
        get throws { try published.map { try UserInput.date($0, option: "--published") } }
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

    /// Articles extracted and stored together, in one transaction.
    static let batchSize = 128

    /// Metadata given on the command line, laid over each article's own.
    struct Overrides: Sendable {
        var title, url, author, published, publisher: String?

        func apply(_ article: inout ArticleDraft) {
            article.title = title ?? article.title
            article.url = url ?? article.url
            article.author = author ?? article.author
            article.published = published ?? article.published
            article.publisher = publisher ?? article.publisher
        }
    }

    /// Thrown through the input walk so that the importer's own failures (the database) stop the
    /// command instead of counting as one input's failure.
    struct Stop: Error {
        let error: any Error
    }

    func run() throws {
        let console = Console.current
        let started = Date()
        let format = inputFormat.flatMap { ArticleFormat(rawValue: $0) }
        let inputs = try ArticleLoader.files(files, glob: glob)
        let maxBytes = maxBytes  // once: the default reads the environment
        let rows = RowStream(
            RowWriter<Row>(
                columns: ["status", "article", "version", "claims", "source"],
                cells: { row in
                    [
                        row.status, row.articleId.map { String($0) } ?? "", row.version.map { String($0) } ?? "",
                        String(row.claims), row.source,
                    ]
                }), format: output.format, console: console, widths: [9, 7, 7, 6])
        var importer = BatchImporter(
            database: database, onlyInput: inputs.count == 1, console: console,
            progress: Progress(console: console, started: started), rows: rows,
            overrides: Overrides(
                title: title, url: try checkedURL, author: author, published: try checkedPublished,
                publisher: publisher))
        for input in inputs {
            do {
                try ArticleLoader.tasks(input.path, format: format, maxBytes: maxBytes) { task in
                    do { try importer.add(task) } catch { throw Stop(error: error) }
                }
            } catch let stop as Stop {
                throw stop.error
            } catch let error as ArticleImportError where !input.explicit {
                if case .notText = error {
                    importer.tally.skipped += 1  // images and the like in a folder are not articles
                    continue
                }
                importer.fail(error)
            } catch {
                if inputs.count == 1 && importer.seen == 0 { throw error }
                importer.fail(error)
            }
        }
        try importer.finish()
        importer.progress.finish()
        importer.rows.finish()
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

    /// What the other threads made of one article: a failure, content already stored, or an
    /// article extracted and prepared for the writer.
    enum Prepared: Sendable {
        case failed(any Error)
        case known(articleId: Int64, bytes: Int)
        case ready(PreparedArticle)
    }

    /// One batch read, extracted and prepared on every core while the writer stores the batch
    /// before it.
    final class BatchJob: Sendable {
        let labels: [String]
        private let results: Mutex<[(Prepared, [ImportWarning])?]>
        /// Held until the batch is prepared, then dropped before `done` is signalled: the work
        /// holds the database, which must close with the command, not later on another thread.
        private let work: Mutex<(@Sendable (ArticleTask) -> (Prepared, [ImportWarning]))?>
        private let done = DispatchSemaphore(value: 0)

        init(_ tasks: [ArticleTask], work: @escaping @Sendable (ArticleTask) -> (Prepared, [ImportWarning])) {
            labels = tasks.map(\.label)
            results = Mutex([(Prepared, [ImportWarning])?](repeating: nil, count: tasks.count))
            self.work = Mutex(work)
            DispatchQueue.global().async { [self] in
                prepareAll(tasks)
                done.signal()
            }
        }

        private func prepareAll(_ tasks: [ArticleTask]) {
            guard let work = work.withLock({ $0.take() }) else { return }
            DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
                let prepared = work(tasks[index])
                results.withLock { $0[index] = prepared }
            }
        }

        /// Waits for every article of the batch: what became of it, and the page metadata left out.
        func wait() -> [(Prepared, [ImportWarning])] {
            done.wait()
            return results.withLock { $0.map { $0! } }
        }
    }

    /// Streams articles through a two-stage pipeline: batches are read, recognised as known
    /// content or extracted and prepared on every core, while the one writer stores the batch
    /// before in one transaction. At most three batches are held at once, whatever the input's size.
    struct BatchImporter {
        let database: DatabaseOptions
        /// One input given: if it holds one article, that article's failure is the command's error.
        let onlyInput: Bool
        let console: Console
        var progress: Progress
        var rows: RowStream<Row>
        let overrides: Overrides
        let extractor = ClaimExtractor()
        var store: ClaimDatabase?
        var pending: [ArticleTask] = []
        var inFlight: BatchJob?
        /// Articles found so far.
        var seen = 0
        var tally = Tally()

        init(
            database: DatabaseOptions, onlyInput: Bool, console: Console, progress: Progress, rows: RowStream<Row>,
            overrides: Overrides
        ) {
            self.database = database
            self.onlyInput = onlyInput
            self.console = console
            self.progress = progress
            self.rows = rows
            self.overrides = overrides
        }

        /// One article in all: its failure is the command's error.
        var single: Bool { onlyInput && seen == 1 }

        mutating func fail(_ error: any Error) {
            tally.failed += 1
            console.diagnostic("error: \(describe(error))")
        }

        mutating func add(_ task: ArticleTask) throws {
            seen += 1
            if (overrides.title != nil || overrides.url != nil) && seen > 1 {
                fail(ValidationError("--title and --url name one article; \(task.label) is another"))
                return
            }
            pending.append(task)
            if pending.count >= ImportCommand.batchSize { try launch() }
        }

        /// Starts preparing the pending batch, then stores the one before while it runs.
        mutating func launch() throws {
            guard !pending.isEmpty else { return }
            if store == nil { store = try database.open(create: true) }
            let store = store!
            let extractor = extractor
            let overrides = overrides
            let job = BatchJob(pending) { Self.prepare($0, overrides, extractor, store) }
            pending = []
            if let previous = inFlight { try write(previous) }
            inFlight = job
        }

        /// Stores what is left.
        mutating func finish() throws {
            try launch()
            if let last = inFlight {
                inFlight = nil
                try write(last)
            }
        }

        /// Reads one article, and unless its content is already stored, extracts and prepares it;
        /// with the warnings of its reading.
        static func prepare(
            _ task: ArticleTask, _ overrides: Overrides, _ extractor: ClaimExtractor, _ store: ClaimDatabase
        ) -> (Prepared, [ImportWarning]) {
            let loaded = task.read()
            do {
                var article = try loaded.result.get()
                overrides.apply(&article)
                switch try store.prepare(article, extract: extractor.extraction(from:)) {
                case .known(let id): return (.known(articleId: id, bytes: article.body.utf8.count), loaded.warnings)
                case .ready(let prepared): return (.ready(prepared), loaded.warnings)
                }
            } catch {
                return (.failed(error), loaded.warnings)
            }
        }

        /// Stores a prepared batch in one transaction and reports each article.
        mutating func write(_ job: BatchJob) throws {
            let results = job.wait()
            let batch = results.map(\.0)
            let fresh = batch.indices.compactMap { index -> (Int, PreparedArticle)? in
                guard case .ready(let article) = batch[index] else { return nil }
                return (index, article)
            }
            var outcomes: [Int: Result<ImportOutcome, any Error>] = [:]
            do {
                let stored = try store!.importArticles(fresh.map(\.1), extractorVersion: ClaimExtractor.version)
                for ((index, _), outcome) in zip(fresh, stored) { outcomes[index] = .success(outcome) }
            } catch {
                // One article spoiled the batch: store them one by one to name it and keep the rest.
                for (index, article) in fresh {
                    outcomes[index] = Result {
                        try store!.importArticles([article], extractorVersion: ClaimExtractor.version)[0]
                    }
                }
            }
            var written: [Row] = []
            for (index, prepared) in batch.enumerated() {
                let label = job.labels[index]
                for warning in results[index].1 { console.diagnostic("warning: \(label): \(warning)") }
                switch prepared {
                case .failed(let error):
                    if single { throw error }
                    fail(error)
                case .known(let id, let bytes):
                    written.append(record(.unchanged(articleId: id), label: label, bytes: bytes))
                case .ready(let article):
                    switch outcomes[index]! {
                    case .failure(let error):
                        if single { throw error }
                        fail(error)
                    case .success(let outcome):
                        written.append(record(outcome, label: label, bytes: article.article.body.utf8.count))
                    }
                }
            }
            try rows.write(written)
            progress.update(tally)
        }

        /// Counts one outcome and returns its row.
        mutating func record(_ outcome: ImportOutcome, label: String, bytes: Int) -> Row {
            tally.bytes += bytes
            switch outcome {
            case .imported(let id, let count):
                tally.imported += 1
                tally.claims += count
                return Row(source: label, status: "imported", articleId: id, version: 1, claims: count)
            case .unchanged(let id):
                tally.unchanged += 1
                if single {
                    console.diagnostic("unchanged: \(label) is already stored as article \(id); nothing added")
                }
                return Row(source: label, status: "unchanged", articleId: id, claims: 0)
            case .updated(let id, let version, let count, let reanchored, let orphaned):
                tally.updated += 1
                tally.claims += count
                tally.reanchored += reanchored
                tally.orphaned += orphaned
                console.diagnostic(
                    "updated: \(label) is version \(version) (article \(id)): \(reanchored) claims "
                        + "re-anchored, \(orphaned) orphaned, \(count) new")
                return Row(source: label, status: "updated", articleId: id, version: version, claims: count)
            }
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
