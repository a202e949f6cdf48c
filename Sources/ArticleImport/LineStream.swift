import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lines of a file or of standard input, read a megabyte at a time: a feed of any size is
/// parsed line by line and never held whole in memory.
public struct LineStream {
    /// A line of the input: its bytes without the newline, or `nil` when it was longer than the
    /// stream's limit (its `length` bytes were skipped).
    public struct Line {
        public var number: Int
        public var bytes: [UInt8]?
        public var length: Int
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    /// The first bytes of the input, read when the stream is opened, to tell its encoding.
    public private(set) var head: [UInt8] = []

    /// Opens `path` ("-" is standard input), refusing what is missing or a folder.
    public init(path: String) throws {
        name = path == "-" ? "standard input" : path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ArticleImportError.missing(path)
            }
            guard !isDirectory.boolValue else { throw ArticleImportError.isDirectory(path) }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw ArticleImportError.unreadable(path, reason: String(cString: strerror(errno)))
            }
            ownsDescriptor = true
        }
        head = try readChunk()
    }

    /// Closes the file (not standard input).
    public func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    private func readChunk(size: Int = 1 << 20) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: size)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            if count >= 0 {
                chunk.removeSubrange(count...)
                return chunk
            }
            if errno != EINTR {
                throw ArticleImportError.unreadable(name, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// All the bytes from the start, for an input that must be decoded whole.
    public mutating func readAll() throws -> [UInt8] {
        var all = head
        while true {
            let chunk = try readChunk()
            if chunk.isEmpty { return all }
            all += chunk
        }
    }

    /// Calls `body` with each line, in order, from the start. A line longer than `maxLineBytes`
    /// comes with `bytes == nil`.
    public mutating func forEachLine(maxLineBytes: Int, _ body: (Line) throws -> Void) throws {
        var chunk = head
        var current: [UInt8] = []
        var length = 0
        var number = 1
        while !chunk.isEmpty {
            var start = 0
            while start < chunk.count {
                let end = chunk[start...].firstIndex(of: 0x0A) ?? chunk.count
                length += end - start
                if length <= maxLineBytes {
                    current.append(contentsOf: chunk[start..<end])
                } else {
                    current = []
                }
                guard end < chunk.count else { break }
                try body(Line(number: number, bytes: length <= maxLineBytes ? current : nil, length: length))
                number += 1
                current = []
                length = 0
                start = end + 1
            }
            chunk = try readChunk()
        }
        if length > 0 {
            try body(Line(number: number, bytes: length <= maxLineBytes ? current : nil, length: length))
        }
    }
}
