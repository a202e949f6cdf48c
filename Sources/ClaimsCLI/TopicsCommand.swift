import ArgumentParser
import ClaimStore

/// `claims topics`: the topic taxonomy.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "Work with the topic taxonomy.", subcommands: [List.self],
        defaultSubcommand: List.self)

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
            ).write(try database.open().topics(), as: output.format, to: Console.current)
        }
    }
}
