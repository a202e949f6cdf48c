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
        let isLines =
            format == .jsonl || (format == nil && ArticleFormat(extension: (path as NSString).pathExtension) == .jsonl)
        let text = try ArticleSource.text(at: path, maxBytes: isLines ? Int.max / 2 : maxBytes)
        let source = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
        let label = path == "-" ? "standard input" : path
        let chosen =
            format ?? ArticleFormat(extension: (path as NSString).pathExtension) ?? ArticleFormat.sniff(text)
        switch chosen {
        case .jsonl:
            return JSONLinesReader().read(text, source: source).map { entry in
                let label = "\(label) line \(entry.line)"
                let result = entry.result.mapError { $0 as any Error }.flatMap {
                    article -> Result<ArticleDraft, any Error> in
                    let bytes = article.body.utf8.count
                    return bytes > maxBytes
                        ? .failure(ArticleImportError.tooLarge(label, bytes: bytes, limit: maxBytes))
                        : .success(article)
                }
                return LoadedArticle(label: label, result: result)
            }
        case .text, .markdown, .html:
            let reader = try ArticleReaders.named(chosen.rawValue)
            let result = Result<ArticleDraft, any Error> {
                let article = try reader.read(text, source: source)
                guard article.body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    throw ArticleImportError.empty(label)
                }
                return article
            }
            return [LoadedArticle(label: label, result: result)]
        }
    }
}
