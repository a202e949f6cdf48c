import Foundation
import Synchronization

/// Where commands write: data to `out`, diagnostics and progress to `err`.
///
/// The real console writes to the process's standard output and error; tests swap in a capturing
/// one for the duration of a call with `Console.$current.withValue`.
///
/// Writing never traps. The first write to standard output that fails (a closed pipe, a full
/// disk) is kept, nothing more is written, and ``Claims/run(_:)`` reports it as the command's
/// error; commands that write as they go call ``checkOutput()`` to stop at once.
///
/// Text for people (``line(_:)``, ``diagnostic(_:)``, ``progress(_:)``) has its control
/// characters escaped (``TerminalText``), so an article, a feed or an argument cannot drive the
/// terminal; ``write(_:)`` writes data formats and already escaped text exactly as given.
public final class Console: Sendable {
    @TaskLocal public static var current = Console()

    /// What a capturing console has been given.
    private final class Capture: Sendable {
        let text = Mutex((out: "", err: ""))
    }

    private let captured: Capture?
    private let standardOutput: OutputWriter
    private let standardError: OutputWriter
    /// The first failed write to standard output.
    private let failure = Mutex<CLIError?>(nil)
    /// Whether standard output is a terminal (colours, highlighting).
    public let isTerminal: Bool
    /// Whether standard error is a terminal (progress lines).
    public let errorIsTerminal: Bool

    /// The process's own standard output and error.
    public convenience init() { self.init(output: STDOUT_FILENO, error: STDERR_FILENO) }

    /// A console writing to the open descriptors `output` and `error`, which it does not close.
    public init(output: Int32, error: Int32) {
        captured = nil
        standardOutput = OutputWriter(descriptor: output, name: "standard output")
        standardError = OutputWriter(descriptor: error, name: "standard error")
        isTerminal = isatty(output) == 1
        errorIsTerminal = isatty(error) == 1
    }

    /// A console that keeps what is written, for tests.
    public static func capturing() -> Console { Console(capture: true) }

    private init(capture: Bool) {
        captured = Capture()
        standardOutput = OutputWriter(descriptor: -1, name: "standard output")
        standardError = OutputWriter(descriptor: -1, name: "standard error")
        isTerminal = false
        errorIsTerminal = false
    }

    /// Writes `text` to standard output as it is; after a failed write, nothing.
    public func write(_ text: String) {
        if let captured {
            captured.text.withLock { $0.out += text }
            return
        }
        guard failure.withLock({ $0 == nil }) else { return }
        do {
            try standardOutput.write(text)
        } catch {
            failure.withLock { $0 = $0 ?? (error as? CLIError) ?? .cannotWrite("standard output", reason: "\(error)") }
        }
    }

    /// Writes `line`, its control characters escaped, and a newline to standard output.
    public func line(_ line: String = "") { write(TerminalText.escaped(line) + "\n") }

    /// Writes `line`, its control characters escaped, and a newline to standard error. A failure
    /// to write there has nowhere to be reported and is let go.
    public func diagnostic(_ line: String) {
        let text = TerminalText.escaped(line) + "\n"
        if let captured {
            captured.text.withLock { $0.err += text }
        } else {
            try? standardError.write(text)
        }
    }

    /// Redraws the progress line on standard error in place; nil clears it.
    public func progress(_ line: String?) {
        guard captured == nil else { return }
        try? standardError.write("\r\u{1B}[K" + TerminalText.escaped(line ?? ""))
    }

    /// The first failed write to standard output, if any.
    public var outputFailure: (any Error)? { failure.withLock { $0 } }

    /// Throws the first failed write to standard output, so a command stops writing.
    public func checkOutput() throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    /// What was written to standard output (capturing consoles only).
    public var output: String { captured?.text.withLock { $0.out } ?? "" }
    /// What was written to standard error (capturing consoles only).
    public var errors: String { captured?.text.withLock { $0.err } ?? "" }
}
