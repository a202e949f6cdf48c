import ClaimCore
import Foundation

/// Links and dates given on the command line, checked before anything is stored.
enum UserInput {
    /// `value` of `option` as an http(s) link (trimmed), or an error naming both.
    static func link(_ value: String, option: String) throws -> String {
        do {
            return try WebLink(parsing: value).text
        } catch {
            throw UserInputError.notALink(option: option, value: value, problem: error)
        }
    }

    /// `value` of `option` as a date in ISO 8601, or an error naming both and the forms expected.
    static func date(_ value: String, option: String) throws -> String {
        do {
            return try PublishedDate(parsing: value).text
        } catch {
            throw UserInputError.notADate(option: option, value: value, problem: error)
        }
    }
}

/// A command-line value that is not the link or date its option expects.
enum UserInputError: LocalizedError {
    case notALink(option: String, value: String, problem: WebLink.Problem)
    case notADate(option: String, value: String, problem: PublishedDate.Problem)

    var errorDescription: String? {
        switch self {
        case .notALink(let option, let value, let problem):
            "\(option) \(quotedInput(value)) is not an http(s) URL: \(problem)"
        case .notADate(let option, let value, let problem):
            "\(option) \(quotedInput(value)) is not a date: \(problem); \(PublishedDate.expected)"
        }
    }
}
