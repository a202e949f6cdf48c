import ClaimsCLI
import Foundation
import GRDB
import Testing

/// Six `claims import` processes started at once on one new database file: the first creates the
/// schema, the others wait for it, and every one imports its article.
@Suite struct ConcurrentFirstUseTests {
    @Test func sixImportsOnANewFileAllSucceed() throws {
        for round in 0..<3 {
            let directory = FileManager.default.temporaryDirectory.appending(path: "claims-first-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = directory.appending(path: "claims.sqlite").path
            let articles = try (0..<6).map { index in
                let path = directory.appending(path: "article-\(index).txt")
                try "Report \(index): 76% of the staff left in 2024, the union said.\n".write(
                    to: path, atomically: true, encoding: .utf8)
                return path.path
            }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: articles.count) { index in
                do {
                    let result = try BinaryTests().run(["import", "--db", database, articles[index]], in: directory)
                    if result.code != 0 { failures.add(result.err) }
                } catch {
                    failures.add("\(error)")
                }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all.prefix(2))")
            let stats = try BinaryTests().run(["stats", "--db", database, "--format", "json"], in: directory)
            let counts = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any]
            #expect(counts?["articles"] as? Int == articles.count)
        }
    }
}
