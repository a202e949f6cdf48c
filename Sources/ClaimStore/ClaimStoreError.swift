import Foundation

/// What can go wrong in the store, worded for the reviewer who has to act on it.
public enum ClaimStoreError: LocalizedError, Equatable {
    case noSuchClaim(Int64)
    case noSuchArticle(Int64)
    case unknownTopic(String)
    case emptySearch(String)
    case malformedSearch(String, reason: String)
    case nothingToRetract(Int64)
    case topicExists(String)
    case notTagged(claim: Int64, topic: String)
    case missingDatabase(String)
    case notADatabase(path: String, reason: String)
    case schemaTooNew(path: String, found: [String], known: String)

    public var errorDescription: String? {
        switch self {
        case .noSuchClaim(let id): return "no claim with id \(id)"
        case .noSuchArticle(let id): return "no article with id \(id)"
        case .unknownTopic(let slug):
            return "unknown topic '\(slug)'; `claims topics list` shows the known topics"
        case .emptySearch(let query):
            return "search text '\(query)' has no words to search for"
        case .malformedSearch(let query, let reason):
            return
                "malformed search query '\(query)' (\(reason)); use words, \"a phrase\", prefix*, AND, OR, NOT and parentheses"
        case .nothingToRetract(let id): return "claim \(id) has no verdict in force to retract"
        case .topicExists(let slug): return "topic '\(slug)' already exists"
        case .notTagged(let claim, let topic): return "claim \(claim) is not tagged with '\(topic)'"
        case .missingDatabase(let path):
            return "no database at \(path); import an article first (`claims import FILE`) or pass --db PATH"
        case .notADatabase(let path, let reason):
            return "cannot open \(path) as a ClaimLedger database: \(reason)"
        case .schemaTooNew(let path, let found, let known):
            return
                "\(path) has schema migrations this claims binary does not know (\(found.joined(separator: ", "))); it knows up to \(known): upgrade claims"
        }
    }
}
