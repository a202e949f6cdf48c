/// A half-open range `[start, end)` of Unicode code points (scalar values) into an article body.
///
/// Code points are what SQLite's `substr()` and Python's `str` count, so
/// `substr(body, start + 1, end - start)` is the span's text.
public struct TextSpan: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    /// The span from `start` to `end`, made to run forward from a non-negative offset: a negative start
    /// becomes 0 and an end before the start becomes the start (an empty span), never a trap.
    public init(start: Int, end: Int) {
        self.start = max(0, start)
        self.end = max(self.start, end)
    }

    /// A span of offsets read from outside (a database row, a file), or nil when they do not run
    /// forward from a non-negative offset: the checked way to make one, where ``init(start:end:)``
    /// would quietly make the nearest span that does.
    public init?(validating start: Int, end: Int) {
        guard start >= 0 && end >= start else { return nil }
        self.init(start: start, end: end)
    }

    public var length: Int { end - start }

    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A span with the W3C `TextQuoteSelector` around it: up to 32 code points of context either side,
/// so the span can be found again in an edited body.
public struct QuoteSelector: Sendable, Hashable, Codable {
    public var prefix: String
    public var exact: String
    public var suffix: String

    public static let contextLength = 32

    public init(prefix: String, exact: String, suffix: String) {
        self.prefix = prefix
        self.exact = exact
        self.suffix = suffix
    }
}
