import ArgumentParser
import ArticleImport
import ClaimCore
import ClaimExtraction
import ClaimStore
import Foundation

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

    func run() throws {
        let console = Console.current
        let started = Date()
        let extractor = ClaimExtractor()
        let format = inputFormat.flatMap(ArticleFormat.init(rawValue:))
        let inputs = try ArticleLoader.files(files, glob: glob)
        var store: ClaimDatabase?
        var rows: [Row] = []
        var tally = Tally()
        var progress = Progress(console: console, started: started)
        var seenArticles = 0
        for input in inputs {
            let articles: [LoadedArticle]
            do {
                articles = try ArticleLoader.load(input.path, format: format, maxBytes: maxBytes)
            } catch let error as ArticleImportError where !input.explicit {
                if case .notText = error {
                    tally.skipped += 1  // images and the like in a folder are not articles
                    continue
                }
                tally.failed += 1
                console.diagnostic("error: \(describe(error))")
                continue
            } catch {
                if inputs.count == 1 { throw error }
                tally.failed += 1
                console.diagnostic("error: \(describe(error))")
                continue
            }
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
                    if store == nil { store = try database.open(create: true) }
                    // Content already stored needs no extraction; the import re-checks inside its transaction.
                    let outcome: ImportOutcome
                    if let existing = try store!.articleId(withBody: article.body) {
                        outcome = .unchanged(articleId: existing)
                    } else {
                        outcome = try store!.importArticle(
                            article, claims: extractor.extract(from: article.body),
                            extractorVersion: ClaimExtractor.version)
                    }
                    tally.bytes += article.body.utf8.count
                    switch outcome {
                    case .imported(let id, let count):
                        tally.imported += 1
                        tally.claims += count
                        rows.append(
                            Row(source: loaded.label, status: "imported", articleId: id, version: 1, claims: count))
                    case .unchanged(let id):
                        tally.unchanged += 1
                        rows.append(Row(source: loaded.label, status: "unchanged", articleId: id, claims: 0))
                        if inputs.count == 1 && articles.count == 1 {
                            console.diagnostic(
                                "unchanged: \(loaded.label) is already stored as article \(id); nothing added")
                        }
                    case .updated(let id, let version, let count, let reanchored, let orphaned):
                        tally.updated += 1
                        tally.claims += count
                        tally.reanchored += reanchored
                        tally.orphaned += orphaned
                        rows.append(
                            Row(source: loaded.label, status: "updated", articleId: id, version: version, claims: count)
                        )
                        console.diagnostic(
                            "updated: \(loaded.label) is version \(version) (article \(id)): \(reanchored) claims "
                                + "re-anchored, \(orphaned) orphaned, \(count) new")
                    }
                    progress.update(tally)
                } catch {
                    if inputs.count == 1 && articles.count == 1 { throw error }
                    tally.failed += 1
                    console.diagnostic("error: \(describe(error))")
                }
            }
        }
        progress.finish()
        try RowWriter<Row>(
            columns: ["status", "article", "version", "claims", "source"],
            cells: { row in
                [
                    row.status, row.articleId.map { String($0) } ?? "", row.version.map { String($0) } ?? "",
                    String(row.claims), row.source,
                ]
            }
        ).write(rows, as: output.format, to: console)
        let seconds = Date().timeIntervalSince(started)
        var summary =
            "imported \(tally.imported), unchanged \(tally.unchanged), updated \(tally.updated), failed \(tally.failed); "
            + "\(tally.claims) claims in \(String(format: "%.2f", seconds)) s"
        if tally.updated > 0 { summary += "; \(tally.reanchored) claims re-anchored, \(tally.orphaned) orphaned" }
        if tally.skipped > 0 { summary += "; skipped \(tally.skipped) files that are not text" }
        console.diagnostic(summary)
        if tally.failed > 0 { throw ExitCode.failure }
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
