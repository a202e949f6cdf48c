import ArgumentParser
import ClaimCore
import ClaimExtraction
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
        if let publishURL { _ = try UserInput.link(publishURL, option: "--publish-url") }
    }

    func run() throws {
        guard let renderer = ReportRenderers.named(format) else {
            throw CLIError.unknownReportFormat(format, expected: ReportRenderers.names)
        }
        let store = try database.openForReading()
        let claims = try store.claims(try filters.filter())
        var articles: [Int64: ReportArticle] = [:]
        var sentences: [Int64: TextSpan] = [:]
        let claimsByArticle = Dictionary(grouping: claims, by: \.articleId)
        for article in try store.articles(ids: Array(claimsByArticle.keys)) {
            guard let id = article.id else { continue }
            articles[id] = ReportArticle(
                id: id, title: article.title, url: article.url, author: article.author, publisher: article.publisher,
                published: article.published, body: article.body)
            let body = ScalarText(article.body)
            let split = SentenceSplitter.sentences(in: body)
            for claim in claimsByArticle[id] ?? [] {
                guard let span = body.span(claim.start, claim.end) else { continue }
                sentences[claim.id] = SentenceSplitter.sentence(around: span, in: split)
            }
        }
        let report = Report(
            claims: claims, articles: articles, generatedAt: Timestamp.now(), scope: filters.summary,
            publishURL: publishURL, sentences: sentences)
        let text = try renderer.render(report)
        for omission in renderer.omissions(report) { Console.current.diagnostic("note: " + omission) }
        guard let output else {
            Console.current.write(text)
            return
        }
        try OutputFile.write(text, to: output)
        Console.current.diagnostic("wrote \(claims.count) claims to \(output)")
    }
}
