/// Control characters shown, not obeyed: an article title holding `ESC [2J` must not clear a
/// reviewer's terminal, nor hide text in a published report.
public enum ControlCharacters {
    /// C0 controls other than tab and line feed, DEL, and C1 controls.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    /// Whether `text` holds such a character, read from its UTF-8 bytes (C1 controls are 0xC2
    /// 0x80…0x9F): every cell of a table is asked, and most hold none.
    public static func holdsAny(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }

    /// `text` with every such character written as `\xHH` (ESC as `\x1B`); other text as it is.
    public static func escaped(_ text: String) -> String {
        guard holdsAny(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else {
                out.append(scalar)
                continue
            }
            let digits = Array("0123456789ABCDEF".unicodeScalars)
            out.append(contentsOf: "\\x".unicodeScalars)
            out.append(digits[Int(scalar.value >> 4)])
            out.append(digits[Int(scalar.value & 0xF)])
        }
        return String(out)
    }

    /// Serialised JSON with DEL and the C1 controls, which JSON may carry raw, written as
    /// `\u007f`–`\u009f` like the C0 controls every encoder escapes: the same value for a JSON
    /// reader, nothing a terminal obeys. Such characters can only stand inside JSON strings.
    public static func jsonEscaped(_ json: String) -> String {
        guard holdsAny(json) else { return json }
        let digits = Array("0123456789abcdef".unicodeScalars)
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard (0x7F...0x9F).contains(scalar.value) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: "\\u00".unicodeScalars)
            out.append(digits[Int(scalar.value >> 4)])
            out.append(digits[Int(scalar.value & 0xF)])
        }
        return String(out)
    }
}
