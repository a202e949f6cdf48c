import ClaimCore
import Foundation

/// Mistakes in a command's arguments, worded as what was wrong and what is expected.
enum CLIError: LocalizedError {
    case unknownStatus(String, expected: String)
    case unknownKind(String)
    case unknownReportFormat(String, expected: [String])
    case cannotWrite(String, reason: String)
    case emptyValue(option: String)

    var errorDescription: String? {
        switch self {
        case .unknownStatus(let status, let expected): return "unknown status '\(status)'; expected \(expected)"
        case .unknownKind(let kind): return "unknown kind '\(kind)'; expected one of \(ClaimKind.names)"
        case .unknownReportFormat(let format, let expected):
            return
                "unknown report format '\(format)'; expected \(expected.dropLast().joined(separator: ", ")) or \(expected.last ?? "")"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .emptyValue(let option): return "\(option) needs a non-empty value"
        }
    }

    /// `path` could not be written for the system's reason `code` (an `errno`), worded as
    /// `strerror` words it: "cannot write standard output: No space left on device".
    static func system(_ path: String, code: Int32) -> CLIError {
        .cannotWrite(path, reason: String(cString: strerror(code)))
    }
}

extension ClaimStatus {
    /// Parses a status given on the command line, or says which ones exist.
    static func parse(_ text: String) throws -> ClaimStatus {
        guard let status = ClaimStatus(rawValue: text.lowercased()) else {
            throw CLIError.unknownStatus(text, expected: "unreviewed, verified, disputed, unsourced or dismissed")
        }
        return status
    }
}

extension Verdict {
    /// Parses a verdict given on the command line, or says which ones exist.
    static func parse(_ text: String) throws -> Verdict {
        guard let verdict = Verdict(rawValue: text.lowercased()) else {
            throw CLIError.unknownStatus(text, expected: Verdict.names)
        }
        return verdict
    }
}

extension ClaimKind {
    static func parse(_ text: String) throws -> ClaimKind {
        guard let kind = ClaimKind(rawValue: text.lowercased()) else { throw CLIError.unknownKind(text) }
        return kind
    }
}
