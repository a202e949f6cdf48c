/// A value someone gave, quoted for a one-line message: in single quotes, control characters
/// (C0, DEL, C1) and line breaks escaped as `\u{…}`, cut to 100 characters with an ellipsis, so
/// a hostile value can neither break the line nor drive the terminal.
public func quotedInput(_ text: String) -> String {
    var out = "'"
    var count = 0
    for scalar in text.unicodeScalars {
        if count == 100 {
            out += "…"
            break
        }
        count += 1
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
            out += "\\u{\(String(value, radix: 16, uppercase: true))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out + "'"
}
