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

    func validate() throws {
        guard ReportRenderers.named(format) != nil else {
            throw CLIError.unknownReportFormat(format, expected: ReportRenderers.names)
        }
    }

    func run() throws {
        let renderer = ReportRenderers.named(format)!
        let claims = try database.open().claims(try filters.filter(), withReviews: true)
        let text = try renderer.render(Report(claims: claims, generatedAt: Timestamp.now(), scope: filters.summary))
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
