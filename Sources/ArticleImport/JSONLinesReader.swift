import ClaimCore
import Foundation

/// JSON lines (`.jsonl`, `.ndjson`): one article per line, an object with `title`, `body` or `html`
/// (read by ``HTMLReader``), `url`, `author`, `published` and `publisher`.
///
/// Each of those members, when present, must be a string (`null` included, any other type is the
/// line's error); `url` must be an http(s) link. `published` is stored in ISO 8601 (see
/// ``PublishedDate``); one that is not a date is left out with a warning, as a page's is. Members
/// the reader does not use are ignored, whatever their type.
///
/// Not an ``ArticleReader``: one file holds many articles, and a bad line must not lose the others,
/// so each line gets its own result. Blank lines are skipped. Lines are read as UTF-8 bytes, so a
/// feed is parsed line by line (see ``LineStream``) without holding the whole file.
public struct JSONLinesReader: Sendable {
    public let extensions = ["jsonl", "ndjson"]

    public init() {}

    /// Each non-blank line's article or the reason it could not be read, with its 1-based line number.
    public func read(_ text: String, source: String) -> [(line: Int, result: Result<ArticleDraft, JSONLinesError>)] {
        Self.lines(of: text).map { ($0.number, article($0.bytes, source: source, line: $0.number)) }
    }

    /// The non-blank lines of `text` with their 1-based numbers, as UTF-8 bytes.
    public static func lines(of text: String) -> [(number: Int, bytes: [UInt8])] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset + 1, Array($0.element)) }.filter { !isBlank($0.1) }
    }

    /// Whether a line holds nothing but white space (and perhaps a byte-order mark).
    public static func isBlank(_ line: [UInt8]) -> Bool {
        var rest = line[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return true }
        // Rare: other Unicode white space only.
        guard rest.contains(where: { $0 >= 0x80 }), rest.first != UInt8(ascii: "{") else { return false }
        return String(decoding: rest, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// The article on one line (its UTF-8 bytes, without the newline), or why there is none.
    /// A `published` that is not a date, and an `html` member's page metadata that is left out (a
    /// `javascript:` canonical URL, an impossible `article:published_time`), are reported to `warn`;
    /// the line's other members are errors when wrong.
    public func article(
        _ line: [UInt8], source: String, line number: Int, warn: (ImportWarning) -> Void = { _ in }
    ) -> Result<ArticleDraft, JSONLinesError> {
        Result { () throws(JSONLinesError) -> ArticleDraft in try read(line, source: source, line: number, warn: warn) }
    }

    private func read(_ line: [UInt8], source: String, line number: Int, warn: (ImportWarning) -> Void)
        throws(JSONLinesError) -> ArticleDraft
    {
        let json = line.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(line.dropFirst(3)) : Data(line)
        let object: [String: String]
        do {
            object = try JSONDecoder().decode(LineObject.self, from: json).strings
        } catch let wrong as LineObject.WrongType {
            throw .wrongType(source: source, line: number, field: wrong.field, got: wrong.got)
        } catch DecodingError.typeMismatch {
            throw .notAnObject(source: source, line: number)
        } catch {
            throw .invalidJSON(source: source, line: number)
        }
        func field(_ key: String) -> String? {
            guard let text = object[key] else { return nil }
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        var url: String?
        if let given = field("url") {
            do {
                url = try WebLink(parsing: given).text
            } catch {
                throw .badLink(source: source, line: number, value: given, problem: error)
            }
        }
        // A feed's date is found, not given: one that is not a date is left out with a warning
        // (the page's own date, if it has one, is used) and the article is imported.
        var published: String?
        if let given = field("published") {
            do {
                published = try PublishedDate(parsing: given).text
            } catch {
                warn(ImportWarning(field: "\"published\"", value: given, problem: "not a date (\(error))"))
            }
        }
        let articleSource = url ?? "\(source)#L\(number)"
        let title = field("title")
        var draft: ArticleDraft
        if let body = object["body"] {
            let normalized = BodyNormalizer.normalize(body)
            guard normalized.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                throw .emptyBody(source: source, line: number)
            }
            draft = ArticleDraft(source: articleSource, title: title ?? firstLine(of: normalized), body: normalized)
        } else if let html = object["html"] {
            do {
                draft = try HTMLReader().read(html, source: articleSource, warn: warn)
            } catch {
                throw .emptyBody(source: source, line: number)
            }
        } else {
            throw .missingBody(source: source, line: number)
        }
        if let title { draft.title = title }
        draft.url = url ?? draft.url
        draft.author = field("author") ?? draft.author
        draft.published = published ?? draft.published
        draft.publisher = field("publisher") ?? draft.publisher
        return draft
    }
}

/// The string members of a line's object that an article uses; a member it uses that is not a
/// string throws ``WrongType``; members it does not use are ignored, whatever their type.
private struct LineObject: Decodable {
    static let keys = ["title", "body", "html", "url", "author", "published", "publisher"]
    var strings: [String: String] = [:]

    /// A member the reader uses holds `got` ("number", "null"…) instead of a string.
    struct WrongType: Error {
        var field: String
        var got: String
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)  // not an object: typeMismatch
        for name in Self.keys {
            let key = Key(stringValue: name)
            guard container.contains(key) else { continue }
            if let value = try? container.decode(String.self, forKey: key) {
                strings[name] = value
            } else {
                throw WrongType(field: name, got: Self.kind(container, key))
            }
        }
    }

    /// The JSON type of the member at `key`: null, boolean, number, array or object.
    static func kind(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> String {
        if (try? container.decodeNil(forKey: key)) == true { return "null" }
        if (try? container.decode(Bool.self, forKey: key)) != nil { return "boolean" }
        if (try? container.decode(Double.self, forKey: key)) != nil { return "number" }
        if (try? container.nestedUnkeyedContainer(forKey: key)) != nil { return "array" }
        if (try? container.nestedContainer(keyedBy: Key.self, forKey: key)) != nil { return "object" }
        return "a value that is not a string"
    }
}

/// Why one line of a JSON lines file could not be read, naming the file and line.
public enum JSONLinesError: LocalizedError, Equatable, Sendable {
    case invalidJSON(source: String, line: Int)
    case notAnObject(source: String, line: Int)
    case missingBody(source: String, line: Int)
    case emptyBody(source: String, line: Int)
    /// A member the reader uses holds another JSON type than a string.
    case wrongType(source: String, line: Int, field: String, got: String)
    case badLink(source: String, line: Int, value: String, problem: WebLink.Problem)

    /// The 1-based line number.
    public var line: Int {
        switch self {
        case .invalidJSON(_, let line), .notAnObject(_, let line), .missingBody(_, let line),
            .emptyBody(_, let line), .wrongType(_, let line, _, _), .badLink(_, let line, _, _):
            return line
        }
    }

    public var errorDescription: String? {
        switch self {
        case .invalidJSON(let source, let line): return "\(source) line \(line): is not valid JSON"
        case .notAnObject(let source, let line):
            return "\(source) line \(line): is not a JSON object; expected {\"title\": …, \"body\": …}"
        case .missingBody(let source, let line):
            return "\(source) line \(line): has no \"body\" or \"html\" text"
        case .emptyBody(let source, let line): return "\(source) line \(line): has an empty body"
        case .wrongType(let source, let line, let field, let got):
            return "\(source) line \(line): \"\(field)\" must be a string, got \(got)"
        case .badLink(let source, let line, let value, let problem):
            return "\(source) line \(line): \"url\" \(quotedInput(value)) is not an http(s) URL: \(problem)"
        }
    }
}
