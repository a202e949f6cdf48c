import ArgumentParser
import ClaimStore
import Foundation

/// `--db PATH`: the database file, by default `$CLAIMS_DB` or `claims.sqlite` here.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $CLAIMS_DB, else claims.sqlite).")
    public var db: String?

    public init() {}

    public var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CLAIMS_DB"], !env.isEmpty { return env }
        return "claims.sqlite"
    }

    /// Opens the database; only commands that write may create it.
    public func open(create: Bool = false) throws -> ClaimDatabase {
        try ClaimDatabase(path: path, create: create)
    }

    /// Opens the database for a command that only reads it.
    public func openForReading() throws -> ClaimDatabase {
        try ClaimDatabase.reading(path: path)
    }
}

/// How rows are printed.
public enum RowFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case table, json, ndjson, csv
}

/// `--format table|json|ndjson|csv`.
public struct RowFormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, ndjson or csv.")
    public var format: RowFormat = .table

    public init() {}
}

extension RowFormat {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
