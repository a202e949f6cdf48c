import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `claims review ID STATUS`: append a verdict, with a note and sources, to a claim's history.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Mark a claim verified, disputed or unsourced, with a note and sources.",
        discussion: "Each call appends a review; the claim's status is its latest review. Nothing is overwritten.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table or json.")
    var format: RowFormat = .table

    @Argument(help: "The claim id.")
    var id: Int64

    @Argument(help: "verified, disputed or unsourced.")
    var status: String

    @Option(help: "Why: what the reviewer found.")
    var note: String?

    @Option(name: .customLong("source"), help: "A URL of evidence; repeat for several.")
    var sources: [String] = []

    @Option(help: "Who reviews (default: $CLAIMS_REVIEWER, else the login name).")
    var reviewer: String?

    func validate() throws {
        if id < 1 { throw ValidationError("expected a positive claim id, not \(id)") }
        _ = try Verdict.parse(status)
        if let reviewer, reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError.emptyValue(option: "--reviewer")
        }
        if sources.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw CLIError.emptyValue(option: "--source")
        }
    }

    var reviewerName: String {
        if let reviewer { return reviewer }
        if let env = ProcessInfo.processInfo.environment["CLAIMS_REVIEWER"], !env.isEmpty { return env }
        return ProcessInfo.processInfo.userName
    }

    func run() throws {
        let review = try database.open().review(
            claimId: id, verdict: try Verdict.parse(status), reviewer: reviewerName, note: note,
            sources: sources.map { EvidenceSource(url: $0) })
        let console = Console.current
        if format == .table {
            console.line("claim \(id) is now \(review.status.rawValue) (review \(review.id) by \(review.reviewer))")
        } else {
            try RowWriter<ReviewEntry>(columns: [], cells: { _ in [] }).write([review], as: format, to: console)
        }
    }
}
