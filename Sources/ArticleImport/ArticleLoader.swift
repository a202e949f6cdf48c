import ClaimCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The input formats `claims import` reads.
public enum ArticleFormat: String, CaseIterable, Sendable {
    case text, markdown, html, jsonl

    /// "text, markdown, html or jsonl".
    public static var names: String { "text, markdown, html or jsonl" }

    /// The format a file's extension names, if any: the extensions each reader claims.
    public init?(extension ext: String) {
        let ext = ext.lowercased()
        if JSONLinesReader().extensions.contains(ext) {
            self = .jsonl
        } else if let reader = ArticleReaders.all.first(where: { !ext.isEmpty && $0.extensions.contains(ext) }),
            let format = ArticleFormat(rawValue: reader.name)
        {
            self = format
        } else {
            return nil
        }
    }

    /// The format `text` looks like: HTML markup, a JSON object per line, else plain text.
    public static func sniff(_ text: String) -> ArticleFormat {
        let head = text.unicodeScalars.prefix(1024).drop { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
        let start = String(String.UnicodeScalarView(head.prefix(64))).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head")
            || start.hasPrefix("<body") || start.hasPrefix("<article") || start.hasPrefix("<?xml")
        {
            return .html
        }
        if start.hasPrefix("{") { return .jsonl }
        return .text
    }
}

/// One article read from an input, or why it could not be read.
public struct LoadedArticle: Sendable {
    /// Where it came from: the path, or "path line N" for JSON lines.
    public var label: String
    public var result: Result<ArticleDraft, any Error>
    /// Metadata the page states that was left out (a `javascript:` canonical URL, an impossible
    /// date), in the order found.
    public var warnings: [ImportWarning] = []
}

/// One article still to be read: made as an input is walked, cheaply; `read()` does the decoding,
/// parsing and normalising, and may run on any thread.
public struct ArticleTask: Sendable {
    /// Where it comes from: the path, or "path line N" for JSON lines.
    public let label: String
    private let work: @Sendable (_ warn: (ImportWarning) -> Void) -> Result<ArticleDraft, any Error>

    init(
        label: String, work: @escaping @Sendable (_ warn: (ImportWarning) -> Void) -> Result<ArticleDraft, any Error>
    ) {
        self.label = label
        self.work = work
    }

    public func read() -> LoadedArticle {
        var warnings: [ImportWarning] = []
        let result = work { warnings.append($0) }
        return LoadedArticle(label: label, result: result, warnings: warnings)
    }
}

/// Turns the paths given to `claims import` into articles.
public enum ArticleLoader {
    /// Every file to read: files as given, folders walked recursively (hidden entries skipped)
    /// keeping files whose name or path below the folder matches `glob`, in name order.
    /// `explicit` is false for files found in a folder.
    public static func files(_ paths: [String], glob: String?) throws -> [(path: String, explicit: Bool)] {
        var result: [(String, Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                result.append((path, true))
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw ArticleImportError.unreadable(path, reason: "cannot list the folder")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                    continue
                }
                if let glob, !(matches(glob, relative) || matches(glob, name)) { continue }
                found.append(full)
            }
            result += found.sorted().map { ($0, false) }
        }
        return result
    }

    /// Whether `name` matches the shell pattern `glob`.
    static func matches(_ glob: String, _ name: String) -> Bool {
        fnmatch(glob, name, 0) == 0
    }

    /// The articles in `path` ("-" is standard input) read as `format`, else by extension, else
    /// by the look of the text. A file that cannot be read at all throws; a bad line of a JSON
    /// lines file is one failed entry among the others.
    ///
    /// One article may hold at most `maxBytes`; a JSON lines file may be larger, each of its
    /// articles may not.
    public static func load(_ path: String, format: ArticleFormat?, maxBytes: Int = ArticleLimits.defaultMaxBytes)
        throws -> [LoadedArticle]
    {
        var loaded: [LoadedArticle] = []
        try tasks(path, format: format, maxBytes: maxBytes) { loaded.append($0.read()) }
        return loaded
    }

    /// Walks the input `path` as ``load(_:format:maxBytes:)`` reads it, handing `each` one task per
    /// article as soon as it is found. A JSON lines file is streamed: one line at a time is held.
    public static func tasks(
        _ path: String, format: ArticleFormat?, maxBytes: Int = ArticleLimits.defaultMaxBytes,
        _ each: (ArticleTask) throws -> Void
    ) throws {
        let source = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
        let label = path == "-" ? "standard input" : path
        let named = format ?? ArticleFormat(extension: (path as NSString).pathExtension)
        if named == .jsonl {
            var stream = try LineStream(path: path)
            defer { stream.close() }
            let head = stream.head
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
                // UTF-16 (rare in a feed): decoded whole, then read line by line.
                let text = try ArticleSource.decode(Data(try stream.readAll()), source: label)
                return try lineTasks(text, source: source, label: label, maxBytes: maxBytes, each)
            }
            if let reason = ArticleSource.binaryKind(head) { throw ArticleImportError.notText(label, reason: reason) }
            var found = false
            // JSON escapes make a line longer than its article: twice the limit, and never overflow.
            let maxLineBytes = maxBytes > (Int.max - 4096) / 2 ? Int.max : 2 * maxBytes + 4096
            try stream.forEachLine(maxLineBytes: maxLineBytes) { line in
                guard let bytes = line.bytes else {
                    found = true
                    let failure = ArticleImportError.tooLarge(
                        "\(label) line \(line.number)", bytes: line.length, limit: maxBytes)
                    return try each(ArticleTask(label: "\(label) line \(line.number)") { _ in .failure(failure) })
                }
                if JSONLinesReader.isBlank(bytes) { return }
                found = true
                try each(lineTask(bytes, number: line.number, source: source, label: label, maxBytes: maxBytes))
            }
            if !found { throw ArticleImportError.empty(label) }
            return
        }
        let text = try ArticleSource.text(at: path, maxBytes: maxBytes)
        let chosen = named ?? ArticleFormat.sniff(text)
        switch chosen {
        case .jsonl:
            try lineTasks(text, source: source, label: label, maxBytes: maxBytes, each)
        case .text, .markdown, .html:
            let reader = try ArticleReaders.named(chosen.rawValue)
            try each(
                ArticleTask(label: label) { warn in
                    Result<ArticleDraft, any Error> {
                        let article = try reader.read(text, source: source, warn: warn)
                        guard article.body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                            throw ArticleImportError.empty(label)
                        }
                        return article
                    }
                })
        }
    }

    /// The tasks of JSON lines already decoded as `text`.
    private static func lineTasks(
        _ text: String, source: String, label: String, maxBytes: Int, _ each: (ArticleTask) throws -> Void
    ) throws {
        for line in JSONLinesReader.lines(of: text) {
            try each(lineTask(line.bytes, number: line.number, source: source, label: label, maxBytes: maxBytes))
        }
    }

    /// The task of line `number` of a JSON lines input. A line that is not UTF-8 is read as
    /// Windows-1252 (legacy newsroom exports), as whole files are.
    private static func lineTask(_ bytes: [UInt8], number: Int, source: String, label: String, maxBytes: Int)
        -> ArticleTask
    {
        let label = "\(label) line \(number)"
        return ArticleTask(label: label) { warn in
            var line = bytes
            if line.contains(where: { $0 >= 0x80 }), String(validating: line, as: UTF8.self) == nil,
                case .success(let text) = TextEncoding.legacyDecode(line)
            {
                line = Array(text.utf8)
            }
            return JSONLinesReader().article(line, source: source, line: number, warn: warn).mapError {
                $0 as any Error
            }.flatMap {
                article -> Result<ArticleDraft, any Error> in
                let size = article.body.utf8.count
                return size > maxBytes
                    ? .failure(ArticleImportError.tooLarge(label, bytes: size, limit: maxBytes)) : .success(article)
            }
        }
    }
}
