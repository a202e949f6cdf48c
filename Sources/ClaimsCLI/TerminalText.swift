import ClaimCore

/// Text from articles, feeds and users made safe to print on a terminal: control characters are
/// shown, not obeyed.
///
/// C0 controls other than tab and newline, DEL and the C1 controls (U+0080–U+009F) become `\xHH`,
/// the code point in two upper-case hex digits: ESC is `\x1B`, CSI `\x9B`, a carriage return
/// `\x0D`. Table, text and CSV output and every diagnostic use it; JSON keeps the exact text, as
/// JSON escapes (``json(_:)``). The stored text is never changed.
public enum TerminalText {
    /// Stand-ins for highlighting, put around words before escaping and turned into the real
    /// markers after it (``marked(_:open:close:)``): private-use characters; a text that holds
    /// one itself is left unhighlighted (``holdsMarks(_:)``).
    static let markOpen = "\u{E000}"
    static let markClose = "\u{E001}"

    /// `text` with its control characters shown as `\xHH` (ClaimCore's one escaper, shared with
    /// the reports).
    public static func escaped(_ text: String) -> String { ControlCharacters.escaped(text) }

    /// `text` escaped, then its highlight stand-ins replaced by `open` and `close` (terminal
    /// attributes, which must survive the escaping).
    static func marked(_ text: String, open: String, close: String) -> String {
        let safe = escaped(text)
        guard holdsMarks(safe) else { return safe }
        // One pass over the UTF-8 bytes (the stand-ins are EE 80 80 and EE 80 81): Foundation's
        // replacingOccurrences folded every character cluster, half of a million-claim search's
        // instructions.
        let bytes = Array(safe.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81
            {
                out.append(contentsOf: (bytes[index + 2] == 0x80 ? open : close).utf8)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds a highlight stand-in of its own, and so cannot be highlighted safely.
    static func holdsMarks(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" }
    }

    /// JSON text from `JSONEncoder` with DEL and the C1 controls escaped too (`\u007f`, `\u009b`),
    /// as it already escapes C0 (`\u001b`): still the same JSON values, and nothing a terminal
    /// obeys. Outside strings JSON holds only ASCII, so only string contents change.
    public static func json(_ text: String) -> String { ControlCharacters.jsonEscaped(text) }
}
