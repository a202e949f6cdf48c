import ArgumentParser
import ArticleImport
import ClaimCore
import ClaimExtraction
import ClaimStore
import Foundation

/// `claims import FILE... | -`: read articles, extract their claims and store both.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import articles (plain text or Markdown) and store the claims found in them.",
        discussion: "Importing content that is already stored adds nothing and says so.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: RowFormatOptions

    @Option(help: "The article's title (default: its metadata, else its first non-empty line). One input only.")
    var title: String?

    @Option(name: .customLong("input-format"), help: "Read every input as text or markdown (default: by extension).")
    var inputFormat: String?

    @Argument(help: "Files to import; - reads standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("expected at least one FILE to import, or - for standard input") }
        if title != nil && files.count > 1 { throw ValidationError("--title names one article; give one FILE with it") }
        if let title, title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError.emptyValue(option: "--title")
        }
        if let inputFormat { _ = try ArticleReaders.named(inputFormat) }
    }

    struct Row: Encodable {
        var source: String
        var status: String
        var articleId: Int64?
        var claims: Int
    }

    func run() throws {
        let console = Console.current
        let started = Date()
        let extractor = ClaimExtractor()
        var store: ClaimDatabase?
        var rows: [Row] = []
        var failures: [(String, any Error)] = []
        for path in files {
            let source = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
            do {
                let reader = try inputFormat.map(ArticleReaders.named) ?? ArticleReaders.forPath(path)
                var article = try reader.read(try ArticleSource.text(at: path), source: source)
                if let title { article.title = title }
                guard article.body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    throw ArticleImportError.empty(path)
                }
                let claims = extractor.extract(from: article.body)
                if store == nil { store = try database.open(create: true) }
                switch try store!.importArticle(article, claims: claims, extractorVersion: ClaimExtractor.version) {
                case .imported(let id, let count):
                    rows.append(Row(source: source, status: "imported", articleId: id, claims: count))
                case .unchanged(let id):
                    rows.append(Row(source: source, status: "unchanged", articleId: id, claims: 0))
                    console.diagnostic("unchanged: \(path) is already stored as article \(id); nothing added")
                }
            } catch {
                if files.count == 1 { throw error }
                console.diagnostic("error: \(describe(error))")
                failures.append((path, error))
            }
        }
        try RowWriter<Row>(
            columns: ["status", "article", "claims", "source"],
            cells: { row in
                [row.status, row.articleId.map { String($0) } ?? "", String(row.claims), row.source]
            }
        ).write(rows, as: output.format, to: console)
        let imported = rows.filter { $0.status == "imported" }
        let seconds = Date().timeIntervalSince(started)
        console.diagnostic(
            "imported \(imported.count), unchanged \(rows.count - imported.count), failed \(failures.count); "
                + "\(imported.reduce(0) { $0 + $1.claims }) claims in \(String(format: "%.2f", seconds)) s")
        if !failures.isEmpty { throw ExitCode.failure }
    }
}
