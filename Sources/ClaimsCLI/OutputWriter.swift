import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes to an open file descriptor: every byte, or a ``CLIError`` naming the file and the
/// system's reason.
///
/// A write interrupted by a signal is retried, a partial write goes on from where it stopped, and
/// a descriptor left non-blocking by the parent waits until it can take more. Nothing here traps:
/// a closed pipe (with SIGPIPE ignored), a full disk or a device that refuses writes is an error
/// the command reports like any other.
struct OutputWriter: Sendable {
    /// The open descriptor.
    let descriptor: Int32
    /// The file as errors name it: "standard output" or a path.
    let name: String

    /// Writes the UTF-8 form of `text`.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Writes `bytes`, all of them.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, next, remaining)
            if written > 0 {
                next += written
                remaining -= written
                continue
            }
            let code = written < 0 ? errno : EIO
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&waiting, 1, -1)
            default: throw CLIError.system(name, code: code)
            }
        }
    }
}

/// `write(2)`, out of the way of the methods named `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Writes a whole output file (`-o FILE`), so that the file is either the complete text or left
/// as it was.
///
/// A regular file (new or old) is written beside it under a temporary name and renamed over it
/// once every byte is on disk; a device or pipe (`/dev/stdout`, a FIFO) is written in place, never
/// replaced. Every failure names `path` and the system's reason: "Is a directory", "Not a
/// directory", "Permission denied", "No space left on device".
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists && status.st_mode & S_IFMT == S_IFDIR { throw CLIError.system(path, code: EISDIR) }
        if exists && status.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(text, to: path)
            return
        }
        // A symbolic link to a file keeps being a link: the file it names is replaced.
        let target = exists ? resolved(path) : path
        let temporary = target + ".partial-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw CLIError.system(path, code: errno) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            // A file replaced keeps its permissions.
            if exists && fchmod(descriptor, status.st_mode & 0o7777) != 0 { throw CLIError.system(path, code: errno) }
            try OutputWriter(descriptor: descriptor, name: path).write(text)
            if fsync(descriptor) != 0 { throw CLIError.system(path, code: errno) }
        } catch {
            close(descriptor)
            throw error
        }
        // A file system may report a failed write only when the file is closed.
        if close(descriptor) != 0 { throw CLIError.system(path, code: errno) }
        guard rename(temporary, target) == 0 else { throw CLIError.system(path, code: errno) }
        renamed = true
    }

    /// `path` with its symbolic links followed, or `path` when they cannot be.
    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func writeInPlace(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CLIError.system(path, code: errno) }
        do {
            try OutputWriter(descriptor: descriptor, name: path).write(text)
        } catch {
            close(descriptor)
            throw error
        }
        if close(descriptor) != 0 { throw CLIError.system(path, code: errno) }
    }
}
