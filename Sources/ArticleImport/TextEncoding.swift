/// The legacy encodings newsroom archives still hold, and how to tell text from binary.
///
/// Windows-1252 is read for both Windows-1252 and ISO-8859-1, as browsers do (WHATWG Encoding):
/// the two differ only in 0x80–0x9F, where Latin-1 has unused C1 controls.
public enum TextEncoding {
    /// `bytes` read as Windows-1252, transcoded to a String.
    public static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                view.append(Unicode.Scalar(cp1252High[Int(byte) - 0x80])!)
            } else {
                view.append(Unicode.Scalar(byte))
            }
        }
        return String(view)
    }

    /// Whether `bytes` look like binary data rather than text in a legacy 8-bit encoding: a NUL, or
    /// control characters other than tab, line feed, form feed and carriage return in more than 1 in
    /// 50 bytes.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for byte in bytes {
            switch byte {
            case 0: return true
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x01...0x1F, 0x7F: controls += 1
            default: continue
            }
        }
        return controls * 50 > bytes.count
    }

    /// The charset an HTML page declares in its first 1,024 bytes (`<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`), lower-cased, or nil.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset") else { return nil }
        var rest = head[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }
        return name.isEmpty ? nil : String(name)
    }

    /// Charset labels read as Windows-1252 (the WHATWG Encoding Standard's list, abridged).
    public static let windows1252Labels: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
        "iso-ir-100", "ibm819", "cp819", "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968",
    ]

    /// Decodes bytes that are not valid UTF-8: Windows-1252 when the text declares it (or nothing)
    /// and does not look binary; nil otherwise.
    ///
    /// A declaration that contradicts valid UTF-8 is ignored by the caller: pages re-saved as UTF-8
    /// keeping their old `<meta charset=iso-8859-1>` are commoner than Latin-1 text that happens
    /// to be valid UTF-8.
    static func legacyDecode(_ bytes: [UInt8]) -> Result<String, LegacyDecodeFailure> {
        if let declared = declaredCharset(bytes), declared != "utf-8", declared != "utf8",
            !windows1252Labels.contains(declared)
        {
            return .failure(.unsupported(declared))
        }
        if looksBinary(bytes) { return .failure(.binary) }
        return .success(windows1252(bytes))
    }

    enum LegacyDecodeFailure: Error {
        case binary
        case unsupported(String)
    }

    /// Windows-1252 0x80–0x9F; the five unassigned bytes map to their C1 controls, as in WHATWG.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
