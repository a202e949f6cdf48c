import ArgumentParser
import ClaimCore
import ClaimStore

/// The filters `claims list` and `claims report` share.
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: "Only claims tagged with this topic or a topic below it.")
    var topic: String?

    @Option(help: "Only claims with this status: unreviewed, verified, disputed or unsourced.")
    var status: String?

    @Option(help: "Only claims of this kind: \(ClaimKind.names).")
    var kind: String?

    @Option(help: "Only claims from this article id.")
    var article: Int64?

    @Option(help: "Only claims whose text holds all these words.")
    var search: String?

    @Option(name: .customLong("min-score"), help: "Only claims at least this check-worthy (0–1).")
    var minScore: Double?

    func validate() throws {
        if let status { _ = try ClaimStatus.parse(status) }
        if let kind { _ = try ClaimKind.parse(kind) }
        if let article, article < 1 { throw ValidationError("--article expects a positive article id, not \(article)") }
        if let minScore, !(0...1).contains(minScore) { throw ValidationError("--min-score expects a number from 0 to 1") }
        if let topic, topic.isEmpty { throw CLIError.emptyValue(option: "--topic") }
    }

    func filter(limit: Int? = nil, sort: ClaimFilter.Sort = .reading) throws -> ClaimFilter {
        ClaimFilter(
            topic: topic, status: try status.map(ClaimStatus.parse), kind: try kind.map(ClaimKind.parse),
            articleId: article, search: search, minScore: minScore, limit: limit, sort: sort)
    }

    /// The filters in words, for report headers: "topic emigration, status disputed".
    var summary: String? {
        let parts = [
            topic.map { "topic \($0)" }, status.map { "status \($0)" }, kind.map { "kind \($0)" },
            article.map { "article \($0)" }, search.map { "search “\($0)”" }, minScore.map { "score ≥ \($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

extension ClaimFilter.Sort: ExpressibleByArgument {}
