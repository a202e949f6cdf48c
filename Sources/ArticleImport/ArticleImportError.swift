import ClaimCore
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
    /// A URL the article's own metadata states (Markdown front matter) that is not an http(s) link.
    case badLink(String, field: String, value: String, problem: WebLink.Problem)
    /// A date the article's own metadata states (Markdown front matter) that is not a date.
    case badDate(String, field: String, value: String, problem: PublishedDate.Problem)

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
        case .badLink(let path, let field, let value, let problem):
            return "\(path): \(field) \(quotedInput(value)) is not an http(s) URL: \(problem)"
        case .badDate(let path, let field, let value, let problem):
            return "\(path): \(field) \(quotedInput(value)) is not a date: \(problem); \(PublishedDate.expected)"
        case .unknownFormat(let format, let expected):
            return "unknown input format '\(format)'; expected \(expected)"
        }
    }
}

/// Metadata found in a page that cannot be kept (a `javascript:` canonical URL, an impossible
/// `article:published_time`): the value is left out and the import goes on.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// Where in the page, e.g. `<link rel="canonical">` or `meta article:published_time`.
    public var field: String
    public var value: String
    /// Why it was left out.
    public var problem: String

    public init(field: String, value: String, problem: String) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    public var description: String { "\(field) \(quotedInput(value)) left out: \(problem)" }

    /// The first of `candidates` (field, value) that is an http(s) link, in its trimmed form;
    /// each one before it that is not is reported to `warn`.
    static func firstLink(_ candidates: [(field: String, value: String?)], warn: (ImportWarning) -> Void) -> String? {
        for (field, value) in candidates {
            guard let value else { continue }
            do {
                return try WebLink(parsing: value).text
            } catch {
                warn(ImportWarning(field: field, value: value, problem: "not an http(s) link (\(error))"))
            }
        }
        return nil
    }

    /// The first of `candidates` (field, value) that is a date, normalised to ISO 8601; each one
    /// before it that is not is reported to `warn`.
    static func firstDate(_ candidates: [(field: String, value: String?)], warn: (ImportWarning) -> Void) -> String? {
        for (field, value) in candidates {
            guard let value else { continue }
            do {
                return try PublishedDate(parsing: value).text
            } catch {
                warn(ImportWarning(field: field, value: value, problem: "not a date (\(error))"))
            }
        }
        return nil
    }
}
