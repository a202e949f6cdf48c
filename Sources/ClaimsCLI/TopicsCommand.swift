import ArgumentParser
import ClaimCore
import ClaimStore

/// `claims topics`: the topic taxonomy.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "List the topic taxonomy or add a topic to it.",
        subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    /// `claims topics list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the topics, with their parents.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: RowFormatOptions

        func run() throws {
            try RowWriter<TopicRecord>(
                columns: ["slug", "name", "parent", "keywords"],
                cells: { [$0.slug, $0.name, $0.parent ?? "", $0.keywords.joined(separator: ", ")] },
                tableColumns: ["slug", "name", "parent"]
            ).write(try database.openForReading().topics(), as: output.format, to: Console.current)
        }
    }

    /// `claims topics add SLUG --name N [--parent P] [--keyword K]...`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a topic to the taxonomy.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The topic's slug: lower-case letters, digits and hyphens.")
        var slug: String

        @Option(help: "The topic's name, as people read it.")
        var name: String

        @Option(help: "The slug of the topic above it.")
        var parent: String?

        @Option(name: .customLong("keyword"), help: "A word or phrase that tags claims with it; repeat for several.")
        var keywords: [String] = []

        func validate() throws {
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
            guard !slug.isEmpty, slug.allSatisfy(allowed.contains), slug.first != "-" else {
                throw ValidationError(
                    "topic slug '\(slug)' should be lower-case letters, digits and hyphens, like ai-industry")
            }
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw CLIError.emptyValue(option: "--name") }
        }

        func run() throws {
            try database.open().addTopic(
                Topic(slug: slug, name: name, parent: parent, keywords: keywords.map { $0.lowercased() }))
            Console.current.line("added topic \(slug)")
        }
    }
}

/// The claim and topic `claims tag` and `claims untag` take.
struct ClaimTopicArguments: ParsableArguments {
    @Argument(help: "The claim id.")
    var id: Int64

    @Argument(help: "The topic slug.")
    var topic: String

    func validate() throws {
        if id < 1 { throw ValidationError("expected a positive claim id, not \(id)") }
    }
}

/// `claims tag ID TOPIC`: tag a claim with a topic by hand.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Tag a claim with a topic by hand (kept when the article is re-extracted).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var claim: ClaimTopicArguments

    func run() throws {
        try database.open().tag(claimId: claim.id, topic: claim.topic)
        Console.current.line("claim \(claim.id) tagged \(claim.topic)")
    }
}

/// `claims untag ID TOPIC`: remove a topic from a claim.
struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove a topic from a claim.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var claim: ClaimTopicArguments

    func run() throws {
        try database.open().untag(claimId: claim.id, topic: claim.topic)
        Console.current.line("claim \(claim.id) untagged \(claim.topic)")
    }
}
