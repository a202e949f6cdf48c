import Foundation
import Synchronization

/// Where commands write: data to `out`, diagnostics and progress to `err`.
///
/// The real console writes to the process's standard output and error; tests swap in a capturing
/// one for the duration of a call with `Console.$current.withValue`.
public final class Console: Sendable {
    @TaskLocal public static var current = Console()

    /// What a capturing console has been given.
    private final class Capture: Sendable {
        let text = Mutex((out: "", err: ""))
    }

    private let captured: Capture?
    /// Whether standard output is a terminal (colours, highlighting).
    public let isTerminal: Bool
    /// Whether standard error is a terminal (progress lines).
    public let errorIsTerminal: Bool

    /// The process's own standard output and error.
    public init() {
        captured = nil
        isTerminal = isatty(STDOUT_FILENO) == 1
        errorIsTerminal = isatty(STDERR_FILENO) == 1
    }

    /// A console that keeps what is written, for tests.
    public static func capturing() -> Console { Console(capture: true) }

    private init(capture: Bool) {
        captured = Capture()
        isTerminal = false
        errorIsTerminal = false
    }

    /// Writes `text` to standard output as it is.
    public func write(_ text: String) {
        if let captured {
            captured.text.withLock { $0.out += text }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes `line` and a newline to standard output.
    public func line(_ line: String = "") { write(line + "\n") }

    /// Writes `line` and a newline to standard error.
    public func diagnostic(_ line: String) {
        if let captured {
            captured.text.withLock { $0.err += line + "\n" }
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Redraws the progress line on standard error in place; nil clears it.
    public func progress(_ line: String?) {
        guard captured == nil else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }

    /// What was written to standard output (capturing consoles only).
    public var output: String { captured?.text.withLock { $0.out } ?? "" }
    /// What was written to standard error (capturing consoles only).
    public var errors: String { captured?.text.withLock { $0.err } ?? "" }
}
