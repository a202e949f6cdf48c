import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// The filters `claims list` and `claims report` share.
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: "Only claims tagged with this topic or a topic below it.")
    var topic: String?

    @Option(help: "Only claims with this status: unreviewed, verified, disputed, unsourced or dismissed.")
    var status: String?

    @Option(help: "Only claims of this kind: \(ClaimKind.names).")
    var kind: String?

    @Option(help: "Only claims from this article id.")
    var article: Int64?

    @Option(help: "Full-text search: words that must all occur, or FTS5 syntax (\"a phrase\", prefix*, OR, NOT).")
    var search: String?

    @Option(name: .customLong("min-score"), help: "Only claims at least this check-worthy (0–1).")
    var minScore: Double?

    @Option(help: "Only claims this reviewer has reviewed.")
    var reviewer: String?

    @Option(help: "Only claims reviewed at or after this time (YYYY-MM-DD or ISO 8601).")
    var since: String?

    @Option(help: "Only claims reviewed before this time; a date alone includes that whole day.")
    var until: String?

    @Flag(help: "Only claims whose reviewers' latest verdicts differ.")
    var contested = false

    func validate() throws {
        if let status { _ = try ClaimStatus.parse(status) }
        if let kind { _ = try ClaimKind.parse(kind) }
        if let article, article < 1 { throw ValidationError("--article expects a positive article id, not \(article)") }
        if let minScore, !(0...1).contains(minScore) {
            throw ValidationError("--min-score expects a number from 0 to 1")
        }
        if let topic, topic.isEmpty { throw CLIError.emptyValue(option: "--topic") }
        if let reviewer, reviewer.isEmpty { throw CLIError.emptyValue(option: "--reviewer") }
        if let since { _ = try ReviewTime.parse(since, option: "--since", endOfDay: false) }
        if let until { _ = try ReviewTime.parse(until, option: "--until", endOfDay: true) }
    }

    func filter(limit: Int? = nil, sort: ClaimFilter.Sort = .article) throws -> ClaimFilter {
        ClaimFilter(
            topic: topic, status: try status.map(ClaimStatus.parse), kind: try kind.map(ClaimKind.parse),
            articleId: article, search: search, minScore: minScore, reviewer: reviewer,
            since: try since.map { try ReviewTime.parse($0, option: "--since", endOfDay: false) },
            until: try until.map { try ReviewTime.parse($0, option: "--until", endOfDay: true) },
            contested: contested, limit: limit, sort: sort)
    }

    /// The filters in words, for report headers: "topic emigration, status disputed".
    var summary: String? {
        let parts = [
            topic.map { "topic \($0)" }, status.map { "status \($0)" }, kind.map { "kind \($0)" },
            article.map { "article \($0)" }, search.map { "search “\($0)”" }, minScore.map { "score ≥ \($0)" },
            reviewer.map { "reviewer \($0)" }, since.map { "reviewed since \($0)" },
            until.map { "reviewed until \($0)" }, contested ? "contested" : nil,
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

extension ClaimFilter.Sort: ExpressibleByArgument {}

/// Review times as typed on the command line, turned into the stored form (ISO 8601, UTC).
enum ReviewTime {
    /// `text` as a UTC ISO 8601 timestamp. A date alone is that day's start, or with `endOfDay`
    /// the next day's start, so `--until 2026-11-30` includes the 30th.
    static func parse(_ given: String, option: String, endOfDay: Bool) throws -> String {
        // Foundation's reader rolls 2024-02-30 over to 1 March: the calendar is checked first.
        let text: String
        do {
            text = try PublishedDate(parsing: given).text
        } catch {
            throw ValidationError(
                "\(option) expects a date (2026-11-30) or an ISO 8601 time (2026-11-30T14:00:00Z), not "
                    + "\(quotedInput(given)): \(error)")
        }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt)) {
            return Timestamp.string(from: date)
        }
        if let day = try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()) {
            return Timestamp.string(from: endOfDay ? day.addingTimeInterval(86_400) : day)
        }
        throw ValidationError(
            "\(option) expects a date (2026-11-30) or an ISO 8601 time (2026-11-30T14:00:00Z), not \(quotedInput(given))"
        )
    }
}
