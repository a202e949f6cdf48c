import ArgumentParser
import Foundation

/// The `claims` command: every subcommand, and the one place errors become exit codes.
public struct Claims: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Find, review and report the checkable claims in news articles.",
        version: "0.1.0",
        subcommands: [
            ImportCommand.self, ExtractCommand.self, ScoreCommand.self, ListCommand.self, ShowCommand.self,
            ReviewCommand.self,
            HistoryCommand.self, StatsCommand.self, ReportCommand.self, ArticlesCommand.self, TopicsCommand.self,
            DatabaseCommand.self,
            TagCommand.self,
            UntagCommand.self,
        ])

    /// The arguments of the running invocation, for the few options whose order matters
    /// (`claims review … --source A --title T`: a title belongs to the source before it).
    @TaskLocal static var arguments: [String] = []

    public init() {}

    /// Parses and runs `arguments` (without the program name), printing through `Console.current`,
    /// and returns the exit code. A failure prints one `error: …` line on standard error; a failed
    /// write to standard output is that failure, whatever the command did after it.
    public static func run(_ arguments: [String]) -> Int32 {
        let console = Console.current
        var failure: (any Error)?
        do {
            var command = try parseAsRoot(arguments)
            try Self.$arguments.withValue(arguments) { try command.run() }
        } catch {
            if exitCode(for: error) == .success {
                console.write(fullMessage(for: error) + "\n")
            } else {
                failure = error
            }
        }
        if let written = console.outputFailure { failure = written }
        guard let failure else { return 0 }
        let message = (failure as? LocalizedError)?.errorDescription ?? Self.message(for: failure)
        if !message.isEmpty {
            let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
            console.diagnostic("error: " + line)
        }
        let code = exitCode(for: failure)
        return code == .success ? ExitCode.failure.rawValue : code.rawValue
    }
}

/// The one-line message for `error`, for per-input failures that do not end the command.
func describe(_ error: any Error) -> String {
    (error as? LocalizedError)?.errorDescription ?? String(describing: error)
}
