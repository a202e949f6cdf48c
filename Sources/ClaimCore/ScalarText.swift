/// A body of text addressed by Unicode code point, the offset unit of every span.
///
/// Holds the scalars in an array so that slicing by offset is O(length of the slice).
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The number of code points: SQLite's `length(body)`.
    public var count: Int { scalars.count }

    /// The span `[start, end)` when it lies within the body, else nil: offsets from a database row or
    /// a file are checked here before ``text(_:)``, which traps on a span past the end.
    public func span(_ start: Int, _ end: Int) -> TextSpan? {
        guard let span = TextSpan(validating: start, end: end), span.end <= scalars.count else { return nil }
        return span
    }

    /// The text of `span`; the part past the body's end, if any, is left out (``span(_:_:)`` tells which
    /// offsets lie within it).
    public func text(_ span: TextSpan) -> String {
        let end = min(span.end, scalars.count)
        let slice = scalars[min(span.start, end)..<end]
        // Encoded straight into the string's storage: appending scalar by scalar is several times slower.
        return String(unsafeUninitializedCapacity: slice.count * 4) { buffer in
            var count = 0
            for scalar in slice {
                Unicode.UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// The quote selector of `span`: its exact text and up to 32 code points either side.
    public func quoteSelector(_ span: TextSpan, context: Int = QuoteSelector.contextLength) -> QuoteSelector {
        let before = TextSpan(start: max(0, span.start - context), end: span.start)
        let after = TextSpan(start: span.end, end: min(scalars.count, span.end + context))
        return QuoteSelector(prefix: text(before), exact: text(span), suffix: text(after))
    }
}
