import Foundation

/// Why a file could not be read as an article, worded for the person importing it.
public enum ArticleImportError: LocalizedError, Equatable {
    case missing(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case empty(String)
    case notText(String, reason: String)
    case unknownFormat(String, expected: String)
    case tooLarge(String, bytes: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory; expected a file"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .empty(let path): return "\(path): is empty; expected an article's text"
        case .notText(let path, let reason): return "\(path): \(reason); expected UTF-8 text"
        case .tooLarge(let path, let bytes, let limit):
            return String(
                format: "%@: is %.1f MB, more than the %.1f MB limit for one article; raise it with --max-article-mb",
                path, Double(bytes) / 1_000_000, Double(limit) / 1_000_000)
        case .unknownFormat(let format, let expected):
            return "unknown input format '\(format)'; expected \(expected)"
        }
    }
}
