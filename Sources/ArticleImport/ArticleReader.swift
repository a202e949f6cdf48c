import ClaimCore
import Foundation

/// Turns the text of one file into an article: its body as a reader sees it, and its metadata.
public protocol ArticleReader: Sendable {
    /// The name used by `--input-format`, e.g. "text".
    var name: String { get }
    /// File extensions this reader claims, lower-case, without the dot.
    var extensions: [String] { get }
    /// Reads `text` (already decoded) that came from `source`. The body it returns is normalised.
    func read(_ text: String, source: String) throws -> ArticleDraft
    /// Reads as ``read(_:source:)`` does, reporting metadata it leaves out to `warn`.
    func read(_ text: String, source: String, warn: (ImportWarning) -> Void) throws -> ArticleDraft
}

extension ArticleReader {
    /// Readers whose metadata is all given by the author (front matter) have nothing to warn about.
    public func read(_ text: String, source: String, warn: (ImportWarning) -> Void) throws -> ArticleDraft {
        try read(text, source: source)
    }
}

/// The readers by format; adding a format is one file plus a line here.
public enum ArticleReaders {
    public static let all: [any ArticleReader] = [PlainTextReader(), MarkdownReader(), HTMLReader()]

    /// The reader named `name`, or an error naming the known ones.
    public static func named(_ name: String) throws -> any ArticleReader {
        guard let reader = all.first(where: { $0.name == name }) else {
            throw ArticleImportError.unknownFormat(name, expected: all.map(\.name).joined(separator: ", "))
        }
        return reader
    }
}

/// How much one input may hold before it is refused rather than read into memory.
public enum ArticleLimits {
    /// The largest limit that can be set: a million megabytes.
    public static let maxMegabytes: Double = 1_000_000

    /// 50 MB, or `$CLAIMS_MAX_ARTICLE_MB` megabytes.
    public static var defaultMaxBytes: Int {
        let megabytes = ProcessInfo.processInfo.environment["CLAIMS_MAX_ARTICLE_MB"].flatMap(Double.init) ?? 50
        return megabytes.isNaN ? 50_000_000 : Int(min(max(0, megabytes), maxMegabytes) * 1_000_000)
    }
}

/// Reading files and standard input into text, with the checks every reader needs.
public enum ArticleSource {
    /// The decoded text of `path` ("-" is standard input), refusing what is not text.
    public static func text(at path: String, maxBytes: Int = ArticleLimits.defaultMaxBytes, allowEmpty: Bool = false)
        throws -> String
    {
        let data: Data
        let name = path == "-" ? "standard input" : path
        if path == "-" {
            data = try readStandardInput(upTo: maxBytes)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ArticleImportError.missing(path)
            }
            guard !isDirectory.boolValue else { throw ArticleImportError.isDirectory(path) }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > maxBytes { throw ArticleImportError.tooLarge(path, bytes: size, limit: maxBytes) }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ArticleImportError.unreadable(path, reason: (error as NSError).localizedDescription)
            }
        }
        if data.count > maxBytes { throw ArticleImportError.tooLarge(name, bytes: data.count, limit: maxBytes) }
        if allowEmpty && data.isEmpty { return "" }
        return try decode(data, source: name)
    }

    /// Standard input, read in chunks and refused as soon as it passes `maxBytes`.
    ///
    /// Read with read(2), whose failure (standard input a directory, a closed descriptor) is an
    /// error naming the system's reason: Foundation's `readData(ofLength:)` traps on it.
    static func readStandardInput(upTo maxBytes: Int) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                    _ = poll(&waiting, 1, -1)
                    continue
                }
                throw ArticleImportError.unreadable("standard input", reason: String(cString: strerror(code)))
            }
            data.append(contentsOf: buffer[..<count])
            if data.count > maxBytes {
                throw ArticleImportError.tooLarge("standard input", bytes: data.count, limit: maxBytes)
            }
        }
    }

    /// `data` as text: UTF-8 (a BOM allowed), UTF-16 with a byte-order mark, or else Windows-1252
    /// (which reads Latin-1 too) when it is not binary.
    public static func decode(_ data: Data, source: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw ArticleImportError.notText(source, reason: "is not valid UTF-16")
            }
            return try checked(text, source: source)
        }
        if let reason = binaryKind(bytes) { throw ArticleImportError.notText(source, reason: reason) }
        if let text = String(validating: bytes, as: UTF8.self) { return try checked(text, source: source) }
        // Not UTF-8: legacy newsroom text is Windows-1252 or Latin-1; binary garbage stays refused.
        switch TextEncoding.legacyDecode(bytes) {
        case .success(let text): return try checked(text, source: source)
        case .failure(.binary): throw ArticleImportError.notText(source, reason: "is not valid UTF-8")
        case .failure(.unsupported(let charset)):
            throw ArticleImportError.notText(source, reason: "is declared as \(charset), which is not supported")
        }
    }

    /// Why input starting with `head` is not text (an image, PDF or archive signature), if it is not.
    static func binaryKind(_ head: [UInt8]) -> String? {
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4B, 0x03, 0x04],
        ]
        return signatures.contains(where: head.starts(with:)) ? "is a binary file (image, PDF or archive)" : nil
    }

    private static func checked(_ text: String, source: String) throws -> String {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            throw ArticleImportError.empty(source)
        }
        return text
    }
}

/// The first non-empty line of `body`, trimmed: the title of an article that states none.
func firstLine(of body: String) -> String {
    for line in body.split(whereSeparator: \.isNewline) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { return trimmed }
    }
    return ""
}
