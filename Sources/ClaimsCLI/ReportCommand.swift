import ArgumentParser
import ClaimCore
import ClaimReports
import ClaimStore
import Foundation

/// `claims report`: a review report over the claims the filters select.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a review report: every matching claim with its quote, verdict, note and sources.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: ClaimFilterOptions

    @Option(help: "Report format: \(ReportRenderers.names.joined(separator: " or ")).")
    var format: String = "markdown"

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("publish-url"), help: "The URL the report will be published at (ClaimReview `url`).")
    var publishURL: String?

    func validate() throws {
        guard ReportRenderers.named(format) != nil else {
            throw CLIError.unknownReportFormat(format, expected: ReportRenderers.names)
        }
        if let publishURL, !(publishURL.hasPrefix("https://") || publishURL.hasPrefix("http://")) {
            throw ValidationError("--publish-url expects an http(s) URL, not '\(publishURL)'")
        }
    }

    func run() throws {
        let renderer = ReportRenderers.named(format)!
        let store = try database.openForReading()
        let claims = try store.claims(try filters.filter())
        var articles: [Int64: ReportArticle] = [:]
        for article in try store.articles(ids: Array(Set(claims.map(\.articleId)))) {
            let id = article.id!
            articles[id] = ReportArticle(
                id: id, title: article.title, url: article.url, author: article.author, publisher: article.publisher,
                published: article.published, body: article.body)
        }
        let report = Report(
            claims: claims, articles: articles, generatedAt: Timestamp.now(), scope: filters.summary,
            publishURL: publishURL)
        let text = try renderer.render(report)
        guard let output else {
            Console.current.write(text)
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError.cannotWrite(output, reason: (error as NSError).localizedDescription)
        }
        Console.current.diagnostic("wrote \(claims.count) claims to \(output)")
    }
}
