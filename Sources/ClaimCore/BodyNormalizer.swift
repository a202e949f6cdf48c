/// The one normalisation every article body gets on import, before any offset is computed.
///
/// A byte-order mark is dropped, CRLF and lone CR become LF, and NUL (which would end the text
/// for SQLite's `length()` and `substr()`) becomes U+FFFD. Nothing else changes, so offsets into
/// the normalised body equal offsets into the file for ordinary LF text.
public enum BodyNormalizer {
    public static func normalize(_ text: String) -> String {
        // Most text has nothing to change: a scan of its bytes is cheaper than a copy.
        guard text.utf8.first == 0xEF || text.utf8.contains(where: { $0 == 0x0D || $0 == 0 }) else { return text }
        var view = String.UnicodeScalarView()
        view.reserveCapacity(text.unicodeScalars.count)
        var scalars = text.unicodeScalars.makeIterator()
        var first = true
        var pendingCR = false
        while let scalar = scalars.next() {
            defer { first = false }
            if first && scalar == "\u{FEFF}" { continue }
            if pendingCR {
                pendingCR = false
                view.append("\n")
                if scalar == "\n" { continue }
            }
            switch scalar {
            case "\r": pendingCR = true
            case "\u{0}": view.append("\u{FFFD}")
            default: view.append(scalar)
            }
        }
        if pendingCR { view.append("\n") }
        return String(view)
    }
}
