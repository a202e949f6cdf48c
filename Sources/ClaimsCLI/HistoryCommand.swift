import ArgumentParser
import ClaimCore
import ClaimStore

/// `claims history ID`: every review and retraction of a claim, oldest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List a claim's reviews and retractions, oldest first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: RowFormatOptions

    @Argument(help: "The claim id.")
    var id: Int64

    func validate() throws {
        if id < 1 { throw ValidationError("expected a positive claim id, not \(id)") }
    }

    func run() throws {
        let claim = try database.openForReading().claim(id: id)
        try RowWriter<ReviewEntry>(
            columns: ["review", "time", "reviewer", "status", "in_force", "note", "sources"],
            cells: { review in
                let status = review.retracts.map { "retracted review \($0)" } ?? review.status.rawValue
                return [
                    String(review.id), review.createdAt, review.reviewer, status,
                    review.status == .retracted ? "" : (review.inForce ? "yes" : "no"), review.note ?? "",
                    review.sources.map(\.url).joined(separator: " "),
                ]
            }
        ).write(claim.reviews, as: output.format, to: Console.current)
    }
}
