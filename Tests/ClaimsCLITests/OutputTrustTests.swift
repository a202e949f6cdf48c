import ClaimsCLI
import Foundation
import Testing

/// The built binary run with its standard output on a given descriptor, through `/bin/sh` so that
/// a signal can be ignored first (`trap '' PIPE`), as a parent process may leave it.
func runBinary(_ arguments: [String], output: FileHandle, shell: String = "") throws -> (code: Int32, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", shell + "exec \"$0\" \"$@\"", BinaryTests.binary.path] + arguments
    let err = Pipe()
    process.standardOutput = output
    process.standardError = err
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
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
        try OutputFile.write("new report\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new report\n")
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
