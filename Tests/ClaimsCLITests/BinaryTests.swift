import Foundation
import Synchronization
import Testing

/// The built `claims` binary, once, end to end: standard input, `$CLAIMS_DB`, another directory.
@Suite struct BinaryTests {
    static var binary: URL {
        // The test bundle sits beside the products of the same build.
        Bundle.main.bundleURL.appending(path: "claims")
    }

    func run(_ arguments: [String], input: String? = nil, in directory: URL, environment: [String: String] = [:])
        throws -> (code: Int32, out: String, err: String)
    {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)
        )
    }

    @Test func binaryImportsStandardInputIntoClaimsDB() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the claims binary first")
        let directory = FileManager.default.temporaryDirectory.appending(path: "claims-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let environment = ["CLAIMS_DB": directory.appending(path: "env.sqlite").path]
        let article = try String(contentsOfFile: CLI.seedArticle, encoding: .utf8)

        let imported = try run(
            ["import", "-", "--title", "Seed"], input: article, in: directory, environment: environment)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(FileManager.default.fileExists(atPath: directory.appending(path: "env.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "claims.sqlite").path))

        let listed = try run(["list", "--kind", "ban", "--format", "ndjson"], in: directory, environment: environment)
        #expect(listed.code == 0)
        #expect(listed.out.contains("Instagram"))

        let wrong = try run(["review", "999", "verified"], in: directory, environment: environment)
        #expect(wrong.code == 1)
        #expect(wrong.err == "error: no claim with id 999\n")
        #expect(wrong.out.isEmpty)
    }
}

/// Several `claims review` processes writing to one database file at once.
@Suite struct ConcurrentReviewTests {
    @Test func concurrentReviewersLoseNothingAndNeverSeeLocked() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "claims-conc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = directory.appending(path: "claims.sqlite").path
        let setup = try BinaryTests().run(["import", "--db", database, CLI.seedArticle], in: directory)
        #expect(setup.code == 0)
        let processes = 4, reviewsEach = 25
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: processes) { process in
            for review in 0..<reviewsEach {
                let claim = (process * reviewsEach + review) % 10 + 1
                do {
                    let result = try BinaryTests().run(
                        [
                            "review", "--db", database, "\(claim)", "disputed", "--reviewer", "p\(process)",
                            "--note", "\(review)",
                        ], in: directory)
                    if result.code != 0 { failures.add(result.err) }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let stats = try BinaryTests().run(["stats", "--db", database, "--format", "json"], in: directory)
        let counts = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as! [String: Any]
        #expect(counts["reviews"] as? Int == processes * reviewsEach)
        #expect(
            (counts["byReviewer"] as? [String: Int])?.values.sorted() == Array(repeating: reviewsEach, count: processes)
        )
    }
}

/// Messages collected from several threads.
final class Failures: Sendable {
    private let messages = Mutex<[String]>([])
    func add(_ message: String) { messages.withLock { $0.append(message) } }
    var all: [String] { messages.withLock { $0 } }
}
