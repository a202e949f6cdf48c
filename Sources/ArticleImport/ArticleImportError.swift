import Foundation

/// Why a file could not be read as an article, worded for the person importing it.
public enum ArticleImportError: LocalizedError, Equatable {
    case missing(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case empty(String)
    case notText(String, reason: String)
    case unknownFormat(String, expected: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory; expected a file"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .empty(let path): return "\(path): is empty; expected an article's text"
        case .notText(let path, let reason): return "\(path): \(reason); expected UTF-8 text"
        case .unknownFormat(let format, let expected):
            return "unknown input format '\(format)'; expected \(expected)"
        }
    }
}
