import ClaimsCLI
import Foundation
import GRDB
import Testing

/// The built binary run with its standard output on a given descriptor, through `/bin/sh` so that
/// a signal can be ignored first (`trap '' PIPE`), as a parent process may leave it.
func runBinary(_ arguments: [String], output: FileHandle, input: FileHandle? = nil, shell: String = "") throws -> (
    code: Int32, err: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", shell + "exec \"$0\" \"$@\"", BinaryTests.binary.path] + arguments
    let err = Pipe()
    process.standardOutput = output
    process.standardError = err
    process.standardInput = input ?? FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
}

/// Output that cannot be written: one `error:` line naming the file and the system's reason, a
/// non-zero exit, never a trap.
@Suite struct OutputFailureTests {
    static let fullDisk = "error: cannot write standard output: No space left on device\n"

    /// Every command that prints data, with standard output on /dev/full.
    static let printing: [[String]] = [
        ["list"], ["list", "--format", "json"], ["list", "--format", "ndjson"], ["list", "--format", "csv"],
        ["show", "1"], ["show", "1", "--format", "json"], ["history", "1"], ["stats"], ["stats", "--format", "json"],
        ["articles"], ["articles", "show", "1"], ["topics"], ["db", "check"], ["report"],
        ["import", CLI.seedArticle], ["extract", CLI.seedArticle], ["--help"], ["--version"],
    ]

    @Test(arguments: printing.indices)
    func fullStandardOutputIsOneErrorLine(index: Int) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let console = Console(output: full.fileDescriptor, error: FileHandle.nullDevice.fileDescriptor)
        var arguments = Self.printing[index]
        if !["extract", "--help", "--version"].contains(arguments[0]) { arguments += ["--db", cli.database] }
        let code = Console.$current.withValue(console) { Claims.run(arguments) }
        #expect(code == 1, "\(arguments)")
        let failure = try #require(console.outputFailure, "\(arguments)")
        #expect(
            (failure as? LocalizedError)?.errorDescription == "cannot write standard output: No space left on device")
    }

    @Test(arguments: [["list"], ["show", "1"], ["list", "--format", "csv"], ["articles"], ["db", "check"]])
    func binaryOnFullDiskSaysNoSpaceLeft(arguments: [String]) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try runBinary(arguments + ["--db", cli.database], output: full)
        #expect(result.code == 1)
        #expect(result.err == Self.fullDisk)
    }

    @Test func binaryExtractAndScoreOnFullDisk() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let extracted = try runBinary(["extract", CLI.seedArticle], output: full)
        #expect(extracted.code == 1)
        #expect(extracted.err == Self.fullDisk)
        let scored = try runBinary(["score", CLI.seedArticle], output: full)
        #expect(scored.code == 1)
        #expect(scored.err == Self.fullDisk)
    }

    /// A pipe whose reader has gone, with SIGPIPE ignored: write(2) fails with EPIPE.
    @Test(arguments: [["list"], ["list", "--format", "ndjson"], ["show", "1"], ["stats"]])
    func closedPipeWithSigpipeIgnoredSaysBrokenPipe(arguments: [String]) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try runBinary(
            arguments + ["--db", cli.database], output: pipe.fileHandleForWriting, shell: "trap '' PIPE; ")
        #expect(result.code == 1)
        #expect(result.err == "error: cannot write standard output: Broken pipe\n")
    }

    /// Standard error on a full disk: the error has nowhere to go, but the exit status still says
    /// it failed, and nothing traps.
    @Test func fullStandardErrorStillExitsWithTheError() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let failed = try runBinary(
            ["list", "--topic", "nope", "--db", cli.database], output: FileHandle.nullDevice,
            shell: "exec 2>/dev/full; ")
        #expect(failed.code == 1)
        let worked = try runBinary(
            ["import", CLI.seedArticle, "--db", cli.database], output: FileHandle.nullDevice,
            shell: "exec 2>/dev/full; ")
        #expect(worked.code == 0)
    }

    /// Standard input that cannot be read (a directory): Foundation's reading API traps on it.
    @Test(arguments: [["import", "-"], ["extract", "-"], ["score"], ["score", "-"]])
    func unreadableStandardInputIsOneErrorLine(arguments: [String]) throws {
        let cli = try CLI()
        let directory = try #require(FileHandle(forReadingAtPath: "/"))
        let database = arguments[0] == "import" ? ["--db", cli.database] : []
        let result = try runBinary(arguments + database, output: FileHandle.nullDevice, input: directory)
        #expect(result.code == 1)
        #expect(result.err == "error: standard input: cannot be read (Is a directory)\n")
    }

    @Test func outputFileNamesTheDirectoryItCannotReplace() throws {
        let cli = try CLI()
        #expect(
            message { try OutputFile.write("text", to: cli.directory.path) }
                == "cannot write \(cli.directory.path): Is a directory")
    }

    @Test func outputFileInsideAFileSaysNotADirectory() throws {
        let cli = try CLI()
        let file = try cli.write("plain.txt", "a file")
        #expect(
            message { try OutputFile.write("text", to: file + "/report.md") }
                == "cannot write \(file)/report.md: Not a directory")
    }

    /// Permission is checked where even root is refused: sysfs takes no new files.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel")))
    func outputFileWhereNoFileMayBeCreatedSaysPermissionDenied() throws {
        #expect(
            message { try OutputFile.write("text", to: "/sys/kernel/claims-report.md") }
                == "cannot write /sys/kernel/claims-report.md: Permission denied")
    }

    @Test func outputFileOnAFullDeviceSaysNoSpaceAndKeepsTheDevice() throws {
        #expect(
            message { try OutputFile.write("text", to: "/dev/full") }
                == "cannot write /dev/full: No space left on device")
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func outputFileReplacesWholeAndLeavesNoPartialFile() throws {
        let cli = try CLI()
        let path = try cli.write("report.md", "old report")
        #expect(chmod(path, 0o600) == 0)
        try OutputFile.write("new report\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new report\n")
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600, "the permissions are kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) == ["report.md"])
    }

    /// The error a failing write throws, as the command line prints it.
    func message(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch {
            return (error as? LocalizedError)?.errorDescription
        }
    }
}

/// `claims db backup` that cannot be completed: the target and the system's reason are named, the
/// exit is non-zero, and nothing is left at the target (or beside it) pretending to be a backup.
@Suite struct BackupFailureTests {
    /// Whether this process may mount a file system in a namespace of its own (root, unshare).
    static let canMountTmpfs: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "sh", "-c", "mount -t tmpfs -o size=32k tmpfs /mnt"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// A real full disk: a 32 KB tmpfs, mounted in a private mount namespace, smaller than the
    /// database; the folder is listed after the failed backup (standard output) to show it empty.
    @Test(.enabled(if: canMountTmpfs, "needs unshare -m and mount (root)"))
    func backupToAFullDiskSaysNoSpaceAndLeavesNothing() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let mountPoint = cli.directory.appending(path: "small").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = [
            "-m", "sh", "-c",
            "mount -t tmpfs -o size=32k tmpfs \"$1\" || exit 99; \"$0\" db backup --db \"$2\" \"$1/backup.sqlite\"; "
                + "code=$?; ls -A \"$1\"; exit $code",
            BinaryTests.binary.path, mountPoint, cli.database,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let listing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(errors == "error: cannot write \(mountPoint)/backup.sqlite: No space left on device\n")
        #expect(listing.isEmpty, "left behind: \(listing)")
    }

    /// A file size limit (RLIMIT_FSIZE, SIGXFSZ ignored) works for any user: write(2) fails with
    /// EFBIG once the copy passes 51,200 bytes.
    @Test func backupPastTheFileSizeLimitSaysFileTooLargeAndLeavesNothing() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let target = cli.directory.appending(path: "backup.sqlite").path
        let result = try runBinary(
            ["db", "backup", "--db", cli.database, target], output: FileHandle.nullDevice,
            shell: "trap '' XFSZ; ulimit -f 100; ")
        #expect(result.code == 1)
        #expect(result.err == "error: cannot write \(target): File too large\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(left.allSatisfy { $0.hasPrefix("claims.sqlite") }, "left behind: \(left)")
    }

    @Test func backupIntoAFileSaysNotADirectory() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let file = try cli.write("plain.txt", "a file")
        let result = cli.run("db", "backup", file + "/backup.sqlite")
        #expect(result.code == 1)
        #expect(result.err == "error: cannot write \(file)/backup.sqlite: Not a directory\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel")))
    func backupWhereNoFileMayBeCreatedSaysPermissionDenied() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let result = cli.run("db", "backup", "/sys/kernel/claims-backup.sqlite")
        #expect(result.code == 1)
        #expect(result.err == "error: cannot write /sys/kernel/claims-backup.sqlite: Permission denied\n")
    }

    @Test func backupThatWorksLeavesOnlyTheBackup() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let target = cli.directory.appending(path: "copy.sqlite").path
        #expect(cli.run("db", "backup", target).code == 0)
        #expect(cli.run("list", "--db", target, "--format", "ndjson").out.contains("Instagram"))
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(!left.contains { $0.contains(".partial-") }, "left behind: \(left)")
    }
}

/// Control characters from articles, reviewers and arguments are shown escaped in every text,
/// table and CSV output and every error line, escaped as JSON escapes them in JSON, and stored
/// exactly as they came.
@Suite struct TerminalSafeOutputTests {
    static let hostile = "\u{1B}[31m red \u{9B}2J \u{7F} \r \u{07}\u{1B}]0;owned\u{07}"
    static let title = "Budget \u{1B}[31mred\u{1B}[0m \u{9B}2J\u{7F} back\rover"
    static let body = """
        Unemployment rose to 5.2% in \u{1B}[31mMarch\u{1B}[0m and \u{9B} fell\u{7F} to 4% in April, the ONS said.
        The government spent £1,400 million on schools in 2024, up 12% from 2023.\r
        """

    /// The raw control characters a terminal would obey: C0 but tab and newline, DEL and C1.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    /// A database holding the hostile article, a review, a topic and a reviewer with controls.
    static func hostileDatabase() throws -> CLI {
        let cli = try CLI()
        let file = try cli.write("hostile.txt", body)
        let imported = cli.run("import", file, "--title", title)
        #expect(imported.code == 0, "\(imported.err)")
        #expect(Self.rawControls(imported.out + imported.err).isEmpty)
        let reviewed = cli.run(
            "review", "1", "disputed", "--reviewer", "ed\u{1B}[2Jitor", "--note", "see \(hostile)", "--source",
            "https://example.org/\u{9B}")
        #expect(reviewed.code == 0 || reviewed.code == 1)
        #expect(Self.rawControls(reviewed.out + reviewed.err).isEmpty, "review: \(reviewed.err)")
        if reviewed.code != 0 {
            #expect(
                cli.run("review", "1", "disputed", "--reviewer", "ed\u{1B}[2Jitor", "--note", "see \(hostile)").code
                    == 0)
        }
        #expect(cli.run("topics", "add", "hostile", "--name", "Hostile \(hostile)").code == 0)
        #expect(cli.run("tag", "1", "hostile").code == 0)
        return cli
    }

    static let commands: [[String]] = [
        ["list"], ["list", "--format", "csv"], ["list", "--search", "rose"], ["list", "--search", "rose OR fell"],
        ["show", "1"], ["show", "2"], ["history", "1"], ["history", "1", "--format", "csv"], ["stats"],
        ["articles"], ["articles", "--format", "csv"], ["articles", "show", "1"], ["topics"],
        ["topics", "--format", "csv"], ["db", "check"], ["review", "2", "verified", "--reviewer", "x\u{1B}[8m"],
        ["list", "--topic", "nope\u{1B}[31m\u{9B}"], ["show", "\u{1B}[31m"], ["list", "--search", "\"a\u{1B}"],
        ["review", "1", "verifed\u{7F}"], ["topics", "add", "x\u{1B}", "--name", "X"],
        ["import", "/nonexistent/\u{1B}[31m.txt"],
    ]

    @Test(arguments: commands.indices)
    func textTableAndCSVOutputShowsNoRawControls(index: Int) throws {
        let cli = try Self.hostileDatabase()
        let arguments = Self.commands[index]
        let result = cli.run(arguments)
        // CSV records end in CR LF (RFC 4180); that CR is the format's, not the text's.
        let out = arguments.contains("csv") ? result.out.replacingOccurrences(of: "\r\n", with: "\n") : result.out
        #expect(Self.rawControls(out).isEmpty, "\(arguments) stdout: \(out)")
        #expect(Self.rawControls(result.err).isEmpty, "\(arguments) stderr: \(result.err)")
        #expect(!(out + result.err).isEmpty)
    }

    @Test func escapesShowTheCodePoint() throws {
        let cli = try Self.hostileDatabase()
        let articles = cli.run("articles").out
        #expect(articles.contains("Budget \\x1B[31mred\\x1B[0m \\x9B2J\\x7F back\\x0Dover"), "\(articles)")
        let history = cli.run("history", "1").out
        #expect(history.contains("ed\\x1B[2Jitor"))
        #expect(history.contains("see \\x1B[31m red \\x9B2J \\x7F \\x0D \\x07\\x1B]0;owned\\x07"), "\(history)")
        let error = cli.run("list", "--topic", "nope\u{1B}[31m")
        #expect(error.err == "error: unknown topic 'nope\\x1B[31m'; `claims topics list` shows the known topics\n")
        let show = cli.run("show", "1").out
        #expect(show.contains("Article 1: Budget \\x1B[31mred\\x1B[0m \\x9B2J\\x7F back\\x0Dover"))
        #expect(show.contains("⟦"), "the claim's span is still marked in its sentence")
        let searched = cli.run("list", "--search", "rose").out
        #expect(searched.contains("⟦rose⟧"), "\(searched)")
        #expect(searched.contains("\\x1B[31mMarch\\x1B[0m"), "\(searched)")
    }

    @Test(arguments: [
        ["list", "--format", "json"], ["list", "--format", "ndjson"], ["show", "1", "--format", "json"],
        ["history", "1", "--format", "json"], ["articles", "--format", "json"],
        ["articles", "show", "1", "--format", "json"],
        ["stats", "--format", "json"], ["topics", "--format", "ndjson"],
    ])
    func jsonEscapesControlsAsJSONDoesAndKeepsTheText(arguments: [String]) throws {
        let cli = try Self.hostileDatabase()
        let result = cli.run(arguments)
        #expect(result.code == 0, "\(result.err)")
        #expect(Self.rawControls(result.out).isEmpty, "\(arguments): \(result.out)")
        #expect(!result.out.contains("\\x"), "JSON has no \\x escape")
        // Decoded, the JSON holds the exact stored text.
        let values =
            try result.out.split(separator: "\n", omittingEmptySubsequences: true).count > 1
            && arguments.contains("ndjson")
            ? result.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
            : [try JSONSerialization.jsonObject(with: Data(result.out.utf8))]
        let text = "\(values)"
        let raw =
            arguments[0] == "history"
            ? "see \(Self.hostile)"
            : arguments[0] == "topics"
                ? "Hostile \(Self.hostile)"
                : arguments[0] == "stats" ? "ed\u{1B}[2Jitor" : Self.title
        #expect(
            values.contains { Self.holds($0, raw) }, "\(arguments) lost \(raw.debugDescription) in \(text.prefix(300))")
    }

    /// Whether `value` (decoded JSON) holds the string `text` anywhere, as a value or a key.
    static func holds(_ value: Any, _ text: String) -> Bool {
        switch value {
        case let string as String: return string == text
        case let array as [Any]: return array.contains { holds($0, text) }
        case let object as [String: Any]:
            return object.keys.contains(text) || object.values.contains { holds($0, text) }
        default: return false
        }
    }

    @Test func theDatabaseKeepsTheRawText() throws {
        let cli = try Self.hostileDatabase()
        let queue = try DatabaseQueue(path: cli.database)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "SELECT title FROM articles WHERE id = 1") == Self.title)
            let body = try String.fetchOne(db, sql: "SELECT body FROM articles WHERE id = 1") ?? ""
            #expect(body.contains("\u{1B}[31mMarch\u{1B}[0m and \u{9B} fell\u{7F}"))
            #expect(
                try String.fetchOne(db, sql: "SELECT note FROM reviews WHERE claim_id = 1") == "see \(Self.hostile)")
            #expect(
                try String.fetchOne(db, sql: "SELECT name FROM topics WHERE slug = 'hostile'")
                    == "Hostile \(Self.hostile)")
        }
    }

    @Test func escapingIsTheCodePointInHex() {
        #expect(
            TerminalText.escaped("a\u{1B}b\u{9B}c\u{7F}d\re\u{0}f\tg\nh\u{85}i\u{A0}j")
                == "a\\x1Bb\\x9Bc\\x7Fd\\x0De\\x00f\tg\nh\\x85i\u{A0}j")
        #expect(TerminalText.escaped("plain £ – text") == "plain £ – text")
        #expect(TerminalText.json("\"a\u{9B}\u{7F}\\u001b\"") == "\"a\\u009b\\u007f\\u001b\"")
    }
}

/// A damaged database (a span moved past its article's body by hand, its guarding trigger
/// dropped) is shown, not trapped on.
@Suite struct DamagedSpanTests {
    @Test(arguments: ["table", "json"])
    func showOfASpanOutsideItsBodyWarnsInsteadOfTrapping(format: String) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let queue = try DatabaseQueue(path: cli.database)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER spans_exact_update")
            try db.execute(sql: "UPDATE spans SET start = 90000, end = 90010 WHERE claim_id = 1")
        }
        try queue.close()
        let result = cli.run("show", "1", "--format", format)
        #expect(result.code == 0)
        #expect(result.err.hasPrefix("warning: claim 1's span 90000–90010 is not within article 1's "), "\(result.err)")
        if format == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect(object["sentence"] as? String == "")
        } else {
            #expect(result.out.hasPrefix("Claim 1 · "))
            #expect(!result.out.contains("Sentence:"))
        }
        #expect(cli.run("show", "2").code == 0)
    }
}

/// Environment values that are numbers but not usable ones are not trapped on.
@Suite struct EnvironmentNumberTests {
    @Test(arguments: ["inf", "1e300", "nan", "-5", "soon"])
    func anyBusyTimeoutIsSurvived(value: String) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        for arguments in [["stats"], ["review", "1", "verified", "--reviewer", "env"]] {
            let result = try runBinary(
                arguments + ["--db", cli.database], output: FileHandle.nullDevice,
                shell: "export CLAIMS_BUSY_TIMEOUT='\(value)'; ")
            #expect(result.code == 0, "CLAIMS_BUSY_TIMEOUT=\(value) \(arguments): \(result.err)")
        }
    }
}
