import ClaimCore

/// Markdown: the text a reader sees, with YAML front matter (`title`, `date`, `author`, `url`,
/// `publisher`) as metadata. The author's `url` must be an http(s) link and `date` (or `published`)
/// a date, stored in ISO 8601 (see ``PublishedDate``): anything else refuses the file.
///
/// Headings, paragraphs and list items stay on lines of their own; link text, emphasis and code
/// spans keep their text and lose their markup; fenced code is kept as it is.
public struct MarkdownReader: ArticleReader {
    public let name = "markdown"
    public let extensions = ["md", "markdown", "mdown", "mkd"]

    public init() {}

    public func read(_ text: String, source: String) throws -> ArticleDraft {
        let normalized = BodyNormalizer.normalize(text)
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let metadata = Self.frontMatter(&lines)
        var output: [String] = []
        var firstHeading: String?
        var inFence = false
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                output.append(line)
                continue
            }
            if Self.isSetextUnderline(trimmed), let last = output.last, !last.isEmpty {
                continue
            }
            var content = trimmed
            var isHeading = false
            if content.hasPrefix("#") {
                let hashes = content.prefix { $0 == "#" }.count
                if hashes <= 6, content.count == hashes || content.dropFirst(hashes).first == " " {
                    content = String(content.dropFirst(hashes)).trimmingCharacters(in: .whitespaces)
                    while content.hasSuffix("#") { content.removeLast() }
                    content = content.trimmingCharacters(in: .whitespaces)
                    isHeading = true
                }
            }
            while content.hasPrefix(">") {
                content = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            if let marker = ["- ", "* ", "+ "].first(where: content.hasPrefix), !Self.isRule(content) {
                content = "• " + content.dropFirst(marker.count)
            }
            if Self.isRule(content) { content = "" }
            content = Self.inline(content)
            if isHeading && firstHeading == nil && !content.isEmpty { firstHeading = content }
            output.append(content)
        }
        while output.first?.isEmpty == true { output.removeFirst() }
        while output.last?.isEmpty == true { output.removeLast() }
        let body = output.joined(separator: "\n")
        return ArticleDraft(
            source: source, title: metadata["title"] ?? firstHeading ?? firstLine(of: body), body: body,
            url: try Self.link(metadata, source: source), author: metadata["author"], publisher: metadata["publisher"],
            published: try Self.date(metadata, source: source))
    }

    /// The front matter's `url`, which the author gave: an http(s) link, or an error.
    static func link(_ metadata: [String: String], source: String) throws -> String? {
        guard let value = metadata["url"] else { return nil }
        do {
            return try WebLink(parsing: value).text
        } catch {
            throw ArticleImportError.badLink(source, field: "front matter \"url\"", value: value, problem: error)
        }
    }

    /// The front matter's `date` (else `published`), which the author gave: a date normalised to
    /// ISO 8601, or an error.
    static func date(_ metadata: [String: String], source: String) throws -> String? {
        guard
            let (field, value) = metadata["date"].map({ ("date", $0) })
                ?? metadata["published"].map({ ("published", $0) })
        else { return nil }
        do {
            return try PublishedDate(parsing: value).text
        } catch {
            throw ArticleImportError.badDate(source, field: "front matter \"\(field)\"", value: value, problem: error)
        }
    }

    /// Removes a leading `---` … `---` block from `lines` and returns its `key: value` pairs.
    static func frontMatter(_ lines: inout [String]) -> [String: String] {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let close = lines.dropFirst().firstIndex(where: {
                let t = $0.trimmingCharacters(in: .whitespaces)
                return t == "---" || t == "..."
            })
        else { return [:] }
        var values: [String: String] = [:]
        for line in lines[1..<close] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty && !value.isEmpty { values[key] = value }
        }
        lines.removeSubrange(0...close)
        return values
    }

    static func isSetextUnderline(_ line: String) -> Bool {
        line.count >= 2 && (line.allSatisfy { $0 == "=" } || line.allSatisfy { $0 == "-" })
    }

    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " }
        return marks.count >= 3
            && (marks.allSatisfy { $0 == "-" } || marks.allSatisfy { $0 == "*" }
                || marks.allSatisfy { $0 == "_" })
    }

    /// Inline markup removed: links and images keep their text, emphasis and code marks go.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                out.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                let run = chars[i...].prefix { $0 == "`" }.count
                if let close = find(chars, String(repeating: "`", count: run), from: i + run) {
                    out += String(chars[(i + run)..<close]).trimmingCharacters(in: .whitespaces)
                    i = close + run
                    continue
                }
            }
            if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "[") {
                let open = c == "!" ? i + 1 : i
                if let closeBracket = find(chars, "]", from: open + 1), closeBracket + 1 < chars.count,
                    chars[closeBracket + 1] == "(", let closeParen = find(chars, ")", from: closeBracket + 2)
                {
                    out += inline(String(chars[(open + 1)..<closeBracket]))
                    i = closeParen + 1
                    continue
                }
            }
            if c == "<", let close = find(chars, ">", from: i + 1) {
                let inner = String(chars[(i + 1)..<close])
                if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                    out += inner
                    i = close + 1
                    continue
                }
            }
            if c == "*" || (c == "_" && (i + 1 < chars.count && chars[i + 1] == "_")) {
                // Emphasis markers: drop runs of * anywhere, and __ (single _ stays: snake_case).
                let run = chars[i...].prefix { $0 == c }.count
                let previous = i > 0 ? chars[i - 1] : " "
                let next = i + run < chars.count ? chars[i + run] : " "
                if !(previous.isWhitespace && next.isWhitespace) {
                    i += run
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func find(_ chars: [Character], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle)
        guard start <= chars.count - pattern.count else { return nil }
        var i = start
        while i <= chars.count - pattern.count {
            if Array(chars[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }
}
