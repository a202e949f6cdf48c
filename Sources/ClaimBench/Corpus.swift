import ArticleImport
import Foundation

/// One source article before copying: BBC News or a Reuters-21578 story.
struct BaseArticle: Sendable {
    var key: String
    var title: String
    /// Paragraphs separated by blank lines, as a newsroom's export would hold them.
    var body: String
    var url: String
    var published: String?
    var publisher: String
}

/// Reads the shared data sets into ``BaseArticle``s.
enum CorpusSources {
    /// BBC News (business, entertainment, sport): title line, blank line, body; one file is Latin-1.
    static func bbc(at directory: String) throws -> [BaseArticle] {
        let manager = FileManager.default
        var articles: [BaseArticle] = []
        for category in try manager.contentsOfDirectory(atPath: directory).sorted() {
            let folder = "\(directory)/\(category)"
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in try manager.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".txt") {
                let path = "\(folder)/\(name)"
                // ArticleSource.decode reads UTF-8 and falls back to Windows-1252/Latin-1 (sport/199.txt).
                let text = try ArticleSource.decode(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                guard let titleIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                else { continue }
                let title = lines[titleIndex].trimmingCharacters(in: .whitespaces)
                let body = lines[(titleIndex + 1)...].joined(separator: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty else { continue }
                let stem = String(name.dropLast(4))
                articles.append(
                    BaseArticle(
                        key: "bbc-\(category)-\(stem)", title: title, body: body,
                        url: "https://www.bbc.co.uk/news/\(category)/\(stem)", published: nil, publisher: "BBC News"))
            }
        }
        return articles
    }

    /// Reuters-21578: every `<REUTERS>` record of the `reut2-*.sgm` files that has a `<BODY>`.
    static func reuters(at directory: String) throws -> [BaseArticle] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("reut2-") && $0.hasSuffix(".sgm") }.sorted()
        var articles: [BaseArticle] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(file)")))
            // Mostly ASCII; a few bytes above 0x7F are Latin-1.
            let text =
                String(validating: bytes, as: UTF8.self)
                ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
            for record in text.components(separatedBy: "</REUTERS>") {
                guard let open = record.range(of: "<REUTERS") else { continue }
                let record = record[open.lowerBound...]
                guard let rawBody = element("BODY", in: record) else { continue }
                let body = reflow(cleanBody(unescape(rawBody)))
                guard !body.isEmpty else { continue }
                let newID = attribute("NEWID", in: record) ?? String(articles.count + 1)
                let title = element("TITLE", in: record).map { unescape($0).trimmingCharacters(in: .whitespaces) }
                articles.append(
                    BaseArticle(
                        key: "reuters-\(newID)", title: title.flatMap { $0.isEmpty ? nil : $0 } ?? "Reuters \(newID)",
                        body: body, url: "https://www.reuters.com/archive/1987/\(newID)",
                        published: element("DATE", in: record).flatMap(isoDate), publisher: "Reuters"))
            }
        }
        return articles
    }

    private static func element(_ name: String, in record: Substring) -> String? {
        guard let start = record.range(of: "<\(name)>"),
            let end = record.range(of: "</\(name)>", range: start.upperBound..<record.endIndex)
        else { return nil }
        return String(record[start.upperBound..<end.lowerBound])
    }

    private static func attribute(_ name: String, in record: Substring) -> String? {
        guard let start = record.range(of: "\(name)=\""),
            let end = record[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(record[start.upperBound..<end])
    }

    /// SGML entities: `&lt;`, `&gt;`, `&amp;` and numeric ones (control characters are dropped).
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&", let semicolon = scalars[index...].prefix(8).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
                var replacement: Unicode.Scalar??
                switch name {
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                case "amp": replacement = "&"
                case "quot": replacement = "\""
                default:
                    if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                        let decoded = Unicode.Scalar(code)
                        replacement = .some(decoded.flatMap { $0.value < 32 && $0 != "\n" ? nil : $0 })
                    }
                }
                if let replacement {
                    if let replacement { out.append(replacement) }
                    index = semicolon + 1
                    continue
                }
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    /// Drops the wire trailer ("Reuter", "REUTER") and stray control characters.
    private static func cleanBody(_ body: String) -> String {
        var text = body.filter { $0 == "\n" || !($0.asciiValue.map { $0 < 32 } ?? false) }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for trailer in ["Reuter", "REUTER"] where text.hasSuffix(trailer) {
            text = String(text.dropLast(trailer.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// Joins the wire's hard-wrapped lines into paragraphs; an indented line starts a new paragraph.
    private static func reflow(_ body: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || line.first == " " || line.first == "\t" {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            }
            if !trimmed.isEmpty { current.append(Substring(trimmed)) }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// "26-FEB-1987 15:01:01.79" → "1987-02-26".
    private static func isoDate(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ").first?.split(separator: "-")
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        guard let parts, parts.count == 3, let day = Int(parts[0]),
            let month = months.firstIndex(of: parts[1].uppercased()),
            let year = Int(parts[2])
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month + 1, day)
    }
}

/// The marker that makes copy `copy` of an article unique: its own last line.
func copyMarker(_ copy: Int) -> String { "Bench copy \(copy)." }

/// The body of copy `copy`: the article, a blank line, the marker line. Spans into the article
/// stay valid in every copy.
func copyBody(_ body: String, copy: Int) -> String { body + "\n\n" + copyMarker(copy) }

/// Writes the benchmark corpora: JSON lines, saved HTML pages and one long text file.
struct CorpusWriter {
    var base: [BaseArticle]

    /// What was written.
    struct Written: Sendable {
        var bytes: Int64
        var articles: Int
        var copies: Int
    }

    /// JSON lines of copies of the base articles until `targetBytes` is reached.
    func writeJSONLines(to path: String, targetBytes: Int64) throws -> Written {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 22)
        var written: Int64 = 0
        var articles = 0
        var copy = 0
        outer: while true {
            for article in base {
                if written >= targetBytes { break outer }
                let start = buffer.count
                buffer += #"{"title":"#.utf8
                appendJSONString(article.title, to: &buffer)
                buffer += #","body":"#.utf8
                appendJSONString(copyBody(article.body, copy: copy), to: &buffer)
                buffer += #","url":"#.utf8
                appendJSONString("\(article.url)?copy=\(copy)", to: &buffer)
                if let published = article.published {
                    buffer += #","published":"#.utf8
                    appendJSONString(published, to: &buffer)
                }
                buffer += #","publisher":"#.utf8
                appendJSONString(article.publisher, to: &buffer)
                buffer += "}\n".utf8
                written += Int64(buffer.count - start)
                articles += 1
                if buffer.count > 1 << 22 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            copy += 1
        }
        try handle.write(contentsOf: buffer)
        return Written(bytes: written, articles: articles, copies: copy + 1)
    }

    /// Saved pages (`page-000001.html`, …): each article inside a news site's chrome (navigation,
    /// header, ads, related links, footer, scripts), until `targetBytes` of HTML is written.
    func writeHTMLPages(to directory: String, targetBytes: Int64) throws -> (written: Written, paths: [String]) {
        let manager = FileManager.default
        try? manager.removeItem(atPath: directory)
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        var written: Int64 = 0
        var copy = 0
        outer: while true {
            for (index, article) in base.enumerated() {
                if written >= targetBytes { break outer }
                let related = (1...4).map { base[(index + $0 * 97) % base.count] }
                let page = HTMLPage.render(article, copy: copy, related: related, serial: paths.count)
                let path = String(format: "%@/page-%06d.html", directory, paths.count + 1)
                let data = Data(page.utf8)
                try data.write(to: URL(fileURLWithPath: path))
                written += Int64(data.count)
                paths.append(path)
            }
            copy += 1
        }
        return (Written(bytes: written, articles: paths.count, copies: copy + 1), paths)
    }

    /// The base articles' bodies one after another in one text file of about `targetBytes`, for
    /// `claims extract` (which reads one article).
    func writeLongText(to path: String, targetBytes: Int64) throws -> Int64 {
        var text = ""
        var copy = 0
        while Int64(text.utf8.count) < targetBytes {
            for article in base where Int64(text.utf8.count) < targetBytes {
                text += article.title + "\n\n" + copyBody(article.body, copy: copy) + "\n\n"
            }
            copy += 1
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return Int64(text.utf8.count)
    }
}

/// Appends `text` as a JSON string literal.
func appendJSONString(_ text: String, to buffer: inout [UInt8]) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    buffer.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case UInt8(ascii: "\n"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\t"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case UInt8(ascii: "\r"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0..<0x20:
            buffer += Array("\\u00".utf8)
            buffer += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: buffer.append(byte)
        }
    }
    buffer.append(UInt8(ascii: "\""))
}
