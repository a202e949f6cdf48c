import ArgumentParser
import ClaimCore
import ClaimStore
import Foundation

/// `claims review ID STATUS`: append a verdict, with a note and sources, to a claim's history;
/// `claims review ID --retract` withdraws the latest verdict.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Mark a claim verified, disputed, unsourced or dismissed (not a claim), with a note and sources; or retract.",
        discussion: """
            Each call appends to the claim's history; nothing is overwritten. The claim's status is its
            latest verdict still in force. --title and --quote describe the --source before them:
              claims review 12 disputed --source https://a.example --title "Survey" --quote "about 60%"
            --retract withdraws the latest verdict in force, and the status falls back to the one before.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table or json.")
    var format: RowFormat = .table

    @Argument(help: "The claim id.")
    var id: Int64

    @Argument(help: "verified, disputed, unsourced or dismissed (omit with --retract).")
    var status: String?

    @Flag(help: "Withdraw the claim's latest verdict in force.")
    var retract = false

    @Option(help: "Why: what the reviewer found.")
    var note: String?

    @Option(name: .customLong("source"), help: "An http(s) URL of evidence; repeat for several.")
    var sources: [String] = []

    @Option(name: .customLong("title"), help: "The title of the --source before it.")
    var titles: [String] = []

    @Option(name: .customLong("quote"), help: "A passage quoted from the --source before it.")
    var quotes: [String] = []

    @Option(help: "Who reviews (default: $CLAIMS_REVIEWER, else the login name).")
    var reviewer: String?

    func validate() throws {
        if id < 1 { throw ValidationError("expected a positive claim id, not \(id)") }
        switch (status, retract) {
        case (nil, false):
            throw ValidationError("expected a status: verified, disputed, unsourced or dismissed (or --retract)")
        case (.some, true): throw ValidationError("give either a status or --retract, not both")
        case (.some(let status), false): _ = try Verdict.parse(status)
        case (nil, true):
            if !sources.isEmpty { throw ValidationError("a retraction takes no --source; give a --note instead") }
        }
        if let reviewer, reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError.emptyValue(option: "--reviewer")
        }
        if sources.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw CLIError.emptyValue(option: "--source")
        }
        _ = try evidence()
    }

    var reviewerName: String {
        if let reviewer { return reviewer }
        if let env = ProcessInfo.processInfo.environment["CLAIMS_REVIEWER"], !env.isEmpty { return env }
        return ProcessInfo.processInfo.userName
    }

    /// The sources with the titles and quotes that follow each on the command line.
    func evidence() throws -> [EvidenceSource] {
        let arguments = Claims.arguments
        guard !arguments.isEmpty else {
            // Called without the raw arguments (not through `Claims.run`): pair by position.
            return try sources.enumerated().map { index, url in
                EvidenceSource(
                    url: try UserInput.link(url, option: "--source"), title: index < titles.count ? titles[index] : nil,
                    quote: index < quotes.count ? quotes[index] : nil)
            }
        }
        var result: [EvidenceSource] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            let (name, inlineValue): (String, String?) =
                argument.hasPrefix("--") && argument.contains("=")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                : (argument, nil)
            guard ["--source", "--title", "--quote"].contains(name) else {
                index += 1
                continue
            }
            let value = inlineValue ?? (index + 1 < arguments.count ? arguments[index + 1] : "")
            index += inlineValue == nil ? 2 : 1
            switch name {
            case "--source": result.append(EvidenceSource(url: try UserInput.link(value, option: "--source")))
            case let option:
                guard !result.isEmpty else { throw ValidationError("\(option) must follow the --source it describes") }
                if option == "--title" {
                    guard result[result.count - 1].title == nil else {
                        throw ValidationError("one --title per --source; the source \(result.last!.url) has two")
                    }
                    result[result.count - 1].title = value
                } else {
                    guard result[result.count - 1].quote == nil else {
                        throw ValidationError("one --quote per --source; the source \(result.last!.url) has two")
                    }
                    result[result.count - 1].quote = value
                }
            }
        }
        return result
    }

    func run() throws {
        let store = try database.open()
        let review: ReviewEntry
        if retract {
            review = try store.retract(claimId: id, reviewer: reviewerName, note: note)
        } else {
            review = try store.review(
                claimId: id, verdict: try Verdict.parse(status ?? ""), reviewer: reviewerName, note: note,
                sources: try evidence())
        }
        let console = Console.current
        guard format == .table else {
            try RowWriter<ReviewEntry>(columns: [], cells: { _ in [] }).write([review], as: format, to: console)
            return
        }
        let claim = try store.claim(id: id)
        if review.status == .retracted {
            console.line(
                "claim \(id) is now \(claim.status.rawValue) (review \(review.retracts!) retracted by \(review.reviewer))"
            )
        } else {
            console.line("claim \(id) is now \(claim.status.rawValue) (review \(review.id) by \(review.reviewer))")
        }
        if claim.contested {
            let verdicts = claim.latestVerdicts.map { "\($0.reviewer): \($0.status.rawValue)" }
            console.diagnostic("note: claim \(id) is contested (\(verdicts.joined(separator: ", ")))")
        }
    }
}
