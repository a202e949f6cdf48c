import ClaimCore
import Foundation
import GRDB

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
    case articleNotTagged(article: Int64, topic: String)
    case backupExists(String)
    case spanMismatch(String, start: Int, end: Int)
    /// A URL to store (an article's, a review source's) that is not an http(s) link.
    case notALink(field: String, value: String, problem: WebLink.Problem)
    case locked(String, seconds: Double)
    case readOnly(String)
    case cannotOpen(String, reason: String)
    case refused(String, reason: String)
    case sqlite(String, reason: String)
    case cannotWrite(String, reason: String)
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
        case .articleNotTagged(let article, let topic):
            return
                "article \(article)'s story is not tagged with '\(topic)'; `claims articles show \(article)` lists its topics"
        case .locked(let path, let seconds):
            return
                "\(path) is locked by another process for longer than the \(Int(seconds)) s busy timeout; try again when it is done (or raise CLAIMS_BUSY_TIMEOUT)"
        case .readOnly(let path): return "\(path) is not writable; check the permissions of the file and its folder"
        case .cannotOpen(let path, let reason): return "cannot open \(path) (\(reason))"
        case .refused(let path, let reason): return "\(path) refused the change: \(reason)"
        case .sqlite(let path, let reason): return "\(path): \(reason)"
        case .spanMismatch(let text, let start, let end):
            return "claim text “\(text)” is not the article's text at code points \(start)–\(end); nothing was stored"
        case .notALink(let field, let value, let problem):
            return "\(field) \(quotedInput(value)) is not an http(s) URL: \(problem); nothing was stored"
        case .backupExists(let path): return "\(path) already exists; give the backup a new file name"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
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

extension ClaimStoreError {
    /// The error a person can act on for SQLite's `error` on the database at `path`.
    init(_ error: DatabaseError, path: String) {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path, seconds: ClaimDatabase.busyTimeout)
        case .SQLITE_READONLY: self = .readOnly(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path, reason: message)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .notADatabase(path: path, reason: message)
        case .SQLITE_CONSTRAINT: self = .refused(path, reason: message)
        default: self = .sqlite(path, reason: message)
        }
    }
}
