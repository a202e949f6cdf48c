import Foundation
import GRDB
import Testing

/// Reports from a database that holds what today's `claims review` refuses (written by an older
/// version or by hand): nothing published links to a script.
@Suite struct PublishedReportCLITests {
    @Test func scriptLinksInTheDatabaseNeverReachAReport() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let id = try #require(try jsonLines(cli.run("list", "--format", "ndjson").out).first?["id"] as? Int)
        let review = cli.run("review", "\(id)", "verified", "--reviewer", "ana", "--source", "https://stats.example/t4")
        #expect(review.code == 0, "\(review.err)")
        let queue = try DatabaseQueue(path: cli.database)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO evidence(review_id, url, title)
                    SELECT id, 'javascript:alert(1)', 'click' FROM reviews WHERE claim_id = ?
                    UNION ALL SELECT id, 'data:text/html,<script>alert(2)</script>', NULL FROM reviews WHERE claim_id = ?
                    """, arguments: [id, id])
        }
        for format in ["html", "markdown", "claimreview", "json", "csv"] {
            let result = cli.run("report", "--format", format)
            #expect(result.code == 0, "\(format): \(result.err)")
            #expect(!result.out.lowercased().contains("javascript:"), "\(format) carries javascript:")
            #expect(!result.out.contains("data:text/html"), "\(format) carries a data: URL")
            #expect(!result.out.contains("<script"), "\(format) carries a script element")
            if format != "claimreview" {  // ClaimReview publishes the verdict, not the evidence
                #expect(result.out.contains("https://stats.example/t4"), "\(format) lost the http(s) source")
            }
            #expect(result.err.contains("source 'javascript:alert(1)'"), "\(format) does not say what it left out")
        }
    }

    @Test func aPublishURLThatIsNotHTTPIsRefused() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        for url in ["javascript:alert(1)", "data:text/html,x", "/reports/claims", "https://exa mple.org/"] {
            let result = cli.run("report", "--format", "claimreview", "--publish-url", url)
            #expect(result.code != 0, "\(url) accepted")
            #expect(result.errLines.count == 1 && result.err.contains("--publish-url"), "\(result.err)")
            #expect(result.out.isEmpty)
        }
    }
}

/// `claims report -o FILE` when FILE cannot be written: one line naming it and the system's reason.
@Suite struct ReportOutputFileTests {
    @Test(arguments: [
        ("directory", "Is a directory"), ("inside-a-file/report.md", "Not a directory"),
        ("/dev/full", "No space left on device"),
    ])
    func anUnwritableOutputIsNamedWithTheSystemsReason(target: String, reason: String) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        try FileManager.default.createDirectory(
            at: cli.directory.appending(path: "directory"), withIntermediateDirectories: false)
        _ = try cli.write("inside-a-file", "a file, not a folder\n")
        let path = target.hasPrefix("/") ? target : cli.directory.appending(path: target).path
        let result = cli.run("report", "-o", path)
        #expect(result.code != 0)
        #expect(result.errLines == ["error: cannot write \(path): \(reason)"], "\(result.err)")
        #expect(result.out.isEmpty)
        if target == "/dev/full" {
            var status = stat()
            #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/full replaced")
        }
    }

    @Test func aReportWrittenToAFileIsTheReportOnStandardOutput() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let path = cli.directory.appending(path: "report.csv").path
        let written = cli.run("report", "--format", "csv", "-o", path)
        #expect(written.code == 0, "\(written.err)")
        let printed = cli.run("report", "--format", "csv")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.out)
    }
}

/// A report from a database whose spans were edited by hand (the guarding trigger dropped): every
/// format is written, claims whose offsets are not within their body shown without a sentence.
@Suite struct DamagedSpanReportTests {
    @Test(arguments: [(-5, 10), (-5, -1), (50, 10), (5_000_000, 5_000_010)])
    func aSpanOutsideItsBodyIsReportedWithoutCrashing(start: Int, end: Int) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let id = try #require(try jsonLines(cli.run("list", "--format", "ndjson").out).first?["id"] as? Int)
        let queue = try DatabaseQueue(path: cli.database)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER spans_exact_update")
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(
                sql: "UPDATE spans SET start = ?, \"end\" = ? WHERE claim_id = ?", arguments: [start, end, id])
        }
        for format in ["html", "markdown", "claimreview", "json", "csv"] {
            let result = cli.run("report", "--format", format)
            #expect(result.code == 0, "\(format): \(result.err)")
            #expect(!result.out.isEmpty)
        }
    }
}
