import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One finished child process: its wall time, peak resident set and exit status.
struct ProcessRun: Sendable {
    var seconds: Double
    /// The command's peak resident set, in kilobytes, as GNU time reports it (see ``Runner``).
    var maxRSSKB: Int
    var exitStatus: Int32

    var megabytesRSS: Double { Double(maxRSSKB) / 1024 }
}

/// Why a child process could not be started or did not succeed.
struct RunFailure: LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

/// Runs commands as child processes with `posix_spawnp` and reaps them with `wait4`, so each run
/// has its own wall time and peak RSS (the whole process, start-up included).
///
/// The peak RSS comes from GNU time (`/usr/bin/time -f %M`, which `make bench` installs), not from
/// `wait4`: glibc's `posix_spawn` runs the child in this process's memory until it execs, and
/// Linux keeps that memory's high-water mark as the child's `ru_maxrss`, so `wait4` reports this
/// bench's own size (77 to 190 MB) for any command smaller than it. GNU time forks from a process
/// of 2 MB, so its figure is the command's own.
enum Runner {
    static let gnuTime = "/usr/bin/time"

    /// Runs `arguments[0]` (found on `PATH` when it has no slash) with standard input from
    /// /dev/null, standard output to `stdoutPath` and standard error to `stderrPath`.
    static func run(_ arguments: [String], stdoutPath: String = "/dev/null", stderrPath: String) throws -> ProcessRun {
        guard FileManager.default.isExecutableFile(atPath: gnuTime) else {
            throw RunFailure(message: "\(gnuTime) is missing; `make bench` installs it (Debian package time)")
        }
        let rssPath = stderrPath + ".rss"
        var run = try spawn(
            [gnuTime, "-f", "%M", "-o", rssPath] + arguments, stdoutPath: stdoutPath, stderrPath: stderrPath)
        // The last line is the figure; a line before it may say how the command exited.
        let report = (try? String(contentsOfFile: rssPath, encoding: .utf8)) ?? ""
        guard let kilobytes = report.split(separator: "\n").last.flatMap({ Int($0) }) else {
            throw RunFailure(message: "\(gnuTime) gave no peak RSS for \(arguments[0]): \(report)")
        }
        run.maxRSSKB = kilobytes
        return run
    }

    /// Starts `arguments` and waits for it: wall time and exit status.
    private static func spawn(_ arguments: [String], stdoutPath: String, stderrPath: String) throws -> ProcessRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        var pid: pid_t = 0
        let started = monotonicSeconds()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw RunFailure(message: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while wait4(pid, &status, 0, nil) < 0 {
            if errno != EINTR { throw RunFailure(message: "wait4 failed for \(arguments[0])") }
        }
        let seconds = monotonicSeconds() - started
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessRun(seconds: seconds, maxRSSKB: 0, exitStatus: exit)  // `run` reads the RSS from GNU time
    }

    /// Like ``run(_:stdoutPath:stderrPath:)`` but throws, quoting the end of standard error, when the
    /// command exits non-zero.
    static func runChecked(_ arguments: [String], stdoutPath: String = "/dev/null", stderrPath: String) throws
        -> ProcessRun
    {
        let result = try run(arguments, stdoutPath: stdoutPath, stderrPath: stderrPath)
        guard result.exitStatus == 0 else {
            let tail = (try? String(contentsOfFile: stderrPath, encoding: .utf8)).map { String($0.suffix(600)) } ?? ""
            throw RunFailure(
                message: "\(arguments.prefix(3).joined(separator: " ")) … exited \(result.exitStatus): \(tail)")
        }
        return result
    }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Progress for the person watching: one line on standard error.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
}

/// Size of a file in bytes, 0 when it is missing.
func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}
