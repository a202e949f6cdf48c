import ArgumentParser
import ClaimStore

/// `claims articles list|show ID|tag ID TOPIC|untag ID TOPIC`: the imported articles, their metadata,
/// versions and story topics.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List imported articles, show one with its versions and topics, or correct its topics.",
        subcommands: [List.self, Show.self, Tag.self, Untag.self], defaultSubcommand: List.self)

    static func writer() -> RowWriter<ArticleSummary> {
        RowWriter<ArticleSummary>(
            columns: [
                "id", "version", "current", "claims", "orphaned", "title", "source", "url", "author", "publisher",
                "published", "imported_at", "content_hash",
            ],
            cells: { article in
                [
                    String(article.id), String(article.version), String(article.current), String(article.claims),
                    String(article.orphaned), article.title, article.source, article.url ?? "", article.author ?? "",
                    article.publisher ?? "", article.published ?? "", article.importedAt, article.contentHash,
                ]
            },
            tableColumns: ["id", "version", "claims", "published", "title"])
    }

    /// `claims articles list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List articles (the newest version of each).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: RowFormatOptions

        @Flag(name: .customLong("all-versions"), help: "List every version, not only the newest.")
        var allVersions = false

        func run() throws {
            try ArticlesCommand.writer().write(
                try database.openForReading().articles(allVersions: allVersions), as: output.format, to: Console.current
            )
        }
    }

    /// `claims articles show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an article's metadata, its versions and its claims by status.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format: table or json.")
        var format: RowFormat = .table

        @Argument(help: "The article id (any version).")
        var id: Int64

        func validate() throws {
            if id < 1 { throw ValidationError("expected a positive article id, not \(id)") }
            if format == .csv || format == .ndjson {
                throw ValidationError("claims articles show prints table or json")
            }
        }

        func run() throws {
            let detail = try database.openForReading().articleDetail(id: id)
            let console = Console.current
            if format == .json {
                console.line(try RowWriter<ArticleDetail>.json(detail, pretty: true))
                return
            }
            let article = detail.article
            console.line("Article \(article.id): \(article.title)")
            // A damaged database may list no versions at all; the article itself is one.
            let latest = detail.versions.last ?? article
            console.line(
                "Version \(article.version) of \(max(1, detail.versions.count))"
                    + (article.current ? " (newest)" : " (newest is article \(latest.id), version \(latest.version))"))
            for (label, value) in [
                ("URL", article.url), ("Source", article.source), ("Author", article.author),
                ("Publisher", article.publisher), ("Published", article.published), ("Imported", article.importedAt),
            ] {
                if let value { console.line("\(label): \(value)") }
            }
            let topics = detail.topics.map { topic in
                switch topic.origin {
                case "manual": "\(topic.topic) (added by hand)"
                case "rejected": "not \(topic.topic) (taken off by hand)"
                default: topic.topic
                }
            }
            console.line("Topics: \(topics.isEmpty ? "none" : topics.joined(separator: ", "))")
            let counts = detail.claimsByStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            console.line("Claims by status: \(counts.joined(separator: ", "))")
            console.line("Versions:")
            try ArticlesCommand.writer().write(detail.versions, as: .table, to: console)
        }
    }

    /// The article and topic `claims articles tag` and `untag` take.
    struct TopicArguments: ParsableArguments {
        @Argument(help: "The article id (any version).")
        var id: Int64

        @Argument(help: "The topic slug.")
        var topic: String

        func validate() throws {
            if id < 1 { throw ValidationError("expected a positive article id, not \(id)") }
        }
    }

    /// `claims articles tag ID TOPIC`.
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say the story is about a topic: every claim of the article, in every version, gets it.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var arguments: TopicArguments

        func run() throws {
            try database.open().tag(articleId: arguments.id, topic: arguments.topic)
            Console.current.line("article \(arguments.id) tagged \(arguments.topic)")
        }
    }

    /// `claims articles untag ID TOPIC`.
    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Say the story is not about a topic: its claims lose the tag (unless tagged by hand), later versions too."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var arguments: TopicArguments

        func run() throws {
            try database.open().untag(articleId: arguments.id, topic: arguments.topic)
            Console.current.line("article \(arguments.id) untagged \(arguments.topic)")
        }
    }
}
