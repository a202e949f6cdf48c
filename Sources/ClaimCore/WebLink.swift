import Foundation

/// A web address a report may link to: an absolute `http` or `https` URL with a host.
///
/// Every URL a user gives (a review's sources, an article's URL, a report's publish URL) is parsed
/// by ``init(parsing:)`` before it is stored, and every renderer asks ``isPublishable(_:)`` before
/// it emits a link, so a `javascript:` or `data:` URL written into the database by hand, or by an
/// older version, is never published as a link.
public struct WebLink: Sendable, Hashable, CustomStringConvertible {
    /// The URL as given, without surrounding whitespace.
    public let text: String

    /// Why a text is not a web link.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case notAbsolute
        case scheme(String)
        case noHost
        case forbiddenCharacter
        case malformed

        public var description: String {
            switch self {
            case .empty: "it is empty"
            case .notAbsolute: "it has no scheme (expected http:// or https://)"
            case .scheme(let scheme): "its scheme is '\(scheme)' (expected http or https)"
            case .noHost: "it has no host"
            case .forbiddenCharacter: "it contains spaces, quotes, angle brackets or control characters"
            case .malformed: "it is not a well-formed URL"
            }
        }
    }

    /// Parses `text` (surrounding whitespace ignored) as an absolute http(s) URL with a host.
    public init(parsing text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        // Characters that would end an attribute, an autolink or a Markdown link, or mislead on a
        // terminal, are refused outright rather than escaped: such a URL is never a real source.
        for scalar in trimmed.unicodeScalars {
            let value = scalar.value
            if value <= 0x20 || (0x7F...0x9F).contains(value) || scalar == "\"" || scalar == "<" || scalar == ">"
                || scalar == "`" || scalar == "\\" || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .format
            {
                throw .forbiddenCharacter
            }
        }
        guard let colon = trimmed.firstIndex(of: ":") else { throw .notAbsolute }
        let scheme = trimmed[..<colon]
        guard
            let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
            scheme.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789+-.".unicodeScalars.contains($0))
            })
        else { throw .notAbsolute }
        let lowered = scheme.lowercased()
        guard lowered == "http" || lowered == "https" else { throw .scheme(String(scheme)) }
        let rest = trimmed[colon...]
        guard rest.hasPrefix("://") else { throw .noHost }
        // The authority runs to the first '/', '?' or '#'; its host follows any "user@" and
        // precedes any ":port".
        let authority = rest.dropFirst(3).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host: Substring
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { throw .malformed }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw .malformed }
        } else {
            host = hostAndPort.prefix { $0 != ":" }
        }
        guard !host.isEmpty else { throw .noHost }
        let port = hostAndPort.hasPrefix("[") ? "" : hostAndPort.dropFirst(host.count)
        if !port.isEmpty {
            guard port.dropFirst().allSatisfy(\.isASCII) && port.dropFirst().allSatisfy(\.isNumber) else {
                throw .malformed
            }
        }
        self.text = trimmed
    }

    public var description: String { text }

    /// Whether `text` may be published as a link: it parses as an http(s) URL and needs no trimming.
    public static func isPublishable(_ text: String) -> Bool {
        guard let link = try? WebLink(parsing: text) else { return false }
        return link.text == text
    }
}
