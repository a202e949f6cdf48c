import ClaimCore
import Foundation

/// JSON lines (`.jsonl`, `.ndjson`): one article per line, an object with `title`, `body` or `html`
/// (read by ``HTMLReader``), `url`, `author`, `published` and `publisher`.
///
/// Not an ``ArticleReader``: one file holds many articles, and a bad line must not lose the others,
/// so each line gets its own result. Blank lines are skipped.
public struct JSONLinesReader: Sendable {
    public let extensions = ["jsonl", "ndjson"]

    public init() {}

    /// Each non-blank line's article or the reason it could not be read, with its 1-based line number.
    public func read(_ text: String, source: String) -> [(line: Int, result: Result<ArticleDraft, JSONLinesError>)] {
        var results: [(line: Int, result: Result<ArticleDraft, JSONLinesError>)] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || (number == 1 && line == "\u{FEFF}") { continue }
            let result = Result { () throws(JSONLinesError) -> ArticleDraft in
                try article(line, source: source, line: number)
            }
            results.append((number, result))
        }
        return results
    }

    private func article(_ line: String, source: String, line number: Int) throws(JSONLinesError) -> ArticleDraft {
        var json = line
        if json.hasPrefix("\u{FEFF}") { json.removeFirst() }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(source: source, line: number)
        }
        guard let object = value as? [String: Any] else { throw .notAnObject(source: source, line: number) }
        func field(_ key: String) -> String? {
            guard let text = object[key] as? String else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        let url = field("url")
        let articleSource = url ?? "\(source)#L\(number)"
        var draft: ArticleDraft
        if let body = object["body"] as? String {
            let normalized = BodyNormalizer.normalize(body)
            guard normalized.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                throw .emptyBody(source: source, line: number)
            }
            draft = ArticleDraft(source: articleSource, title: firstLine(of: normalized), body: normalized)
        } else if let html = object["html"] as? String {
            do {
                draft = try HTMLReader().read(html, source: articleSource)
            } catch {
                throw .emptyBody(source: source, line: number)
            }
        } else {
            throw .missingBody(source: source, line: number)
        }
        if let title = field("title") { draft.title = title }
        draft.url = url ?? draft.url
        draft.author = field("author") ?? draft.author
        draft.published = field("published") ?? draft.published
        draft.publisher = field("publisher") ?? draft.publisher
        return draft
    }
}

/// Why one line of a JSON lines file could not be read, naming the file and line.
public enum JSONLinesError: LocalizedError, Equatable, Sendable {
    case invalidJSON(source: String, line: Int)
    case notAnObject(source: String, line: Int)
    case missingBody(source: String, line: Int)
    case emptyBody(source: String, line: Int)

    /// The 1-based line number.
    public var line: Int {
        switch self {
        case .invalidJSON(_, let line), .notAnObject(_, let line), .missingBody(_, let line),
            .emptyBody(_, let line):
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
        }
    }
}
