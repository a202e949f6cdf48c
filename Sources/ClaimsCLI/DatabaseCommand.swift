import ArgumentParser
import ClaimStore

/// `claims db check|backup`: look after the database file.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Check the database or back it up.", subcommands: [Check.self, Backup.self])

    /// `claims db check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check integrity, foreign keys, orphaned rows and missing claims, every span, the full-text index and every status.",
            discussion: "Exits 1, naming each kind of damage found, when any check fails.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: RowFormatOptions

        func run() throws {
            let results = try database.open().check()
            try RowWriter<CheckResult>(
                columns: ["check", "result", "detail"],
                cells: { [$0.check, $0.ok ? "ok" : "FAIL", $0.detail] },
                maxCellWidth: 2000
            ).write(results, as: output.format, to: Console.current)
            let failed = results.filter { !$0.ok }
            if !failed.isEmpty {
                Console.current.diagnostic(
                    "error: \(database.path) failed \(failed.count) check\(failed.count == 1 ? "" : "s"): "
                        + failed.map(\.check).joined(separator: ", ")
                )
                throw ExitCode.failure
            }
        }
    }

    /// `claims db backup FILE`.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a new file, consistently, while others keep writing.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The new file to write.")
        var file: String

        func run() throws {
            try database.open().backup(to: file)
            Console.current.diagnostic("backed up \(database.path) to \(file)")
        }
    }
}
