import ClaimCore
import ClaimExtraction
import ClaimsCLI
import Foundation
import GRDB

/// Runs `claims` in-process against a temporary database and keeps what it printed.
struct CLI {
    let directory: URL
    var database: String { directory.appending(path: "claims.sqlite").path }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedArticle = repository.appending(path: "SeedData/russia-tech-winter.txt").path

    /// How many claims the extractor finds in the seed article.
    static let seedClaims: Int = {
        let body = (try? String(contentsOfFile: seedArticle, encoding: .utf8)) ?? ""
        return ClaimExtractor().extract(from: BodyNormalizer.normalize(body)).count
    }()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "claims-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    struct Result {
        var code: Int32
        var out: String
        var err: String
        var errLines: [Substring] { err.split(separator: "\n") }
    }

    /// Runs `claims ARGUMENTS --db <temporary database>` (no `--db` for `extract`).
    @discardableResult
    func run(_ arguments: String...) -> Result { run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) -> Result {
        var arguments = arguments
        if !["extract", "score"].contains(arguments.first ?? "") { arguments += ["--db", database] }
        let console = Console.capturing()
        let code = Console.$current.withValue(console) { Claims.run(arguments) }
        return Result(code: code, out: console.output, err: console.errors)
    }

    /// Every row of every table, to prove a failed command changed nothing.
    func snapshot() throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return "no database" }
        let queue = try DatabaseQueue(path: database)
        return try queue.read { db in
            var out = ""
            for table in try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") { out += "\(table): \(row)\n" }
            }
            return out
        }
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appending(path: name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

/// JSON objects, one per line.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }
}

/// The records of RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
func csvRows(_ text: String) -> [[String]] {
    let scalars = Array(text.unicodeScalars)
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        if quoted {
            if scalar != "\"" {
                field.append(scalar)
            } else if index < scalars.count && scalars[index] == "\"" {
                field.append(scalar)
                index += 1
            } else {
                quoted = false
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            row.append(String(field))
            field = String.UnicodeScalarView()
        } else if scalar == "\n" {
            rows.append(row + [String(field)])
            (row, field) = ([], String.UnicodeScalarView())
        } else if scalar != "\r" {
            field.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [String(field)]) }
    return rows
}
