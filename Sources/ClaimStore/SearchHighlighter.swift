import Foundation
import GRDB

/// Marks what a plain-word search matched in claim texts, as FTS5's `highlight()` marks it, but
/// over texts already fetched instead of a second pass over the index (which re-reads and
/// re-tokenizes every matching claim in SQLite: a tenth of a thousand-claim search).
///
/// The words are tokenized by the claim index's own tokenizer, so a token here is a token there.
/// Every instance of a search phrase (its tokens in a row) is wrapped in `open` and `close`;
/// instances that overlap are merged into one, adjacent ones are not, the same rules as
/// `highlight()`. Searches using FTS5 syntax (prefixes, NEAR, OR, NOT) are left to SQLite.
struct SearchHighlighter {
    /// The tokenizer of `claims_fts` (Schema/0001_initial.sql, the same in 0008).
    static let tokenizer = FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"])

    private let tokenizer: any FTS5Tokenizer
    /// The distinct tokens of the search.
    private let vocabulary: [[UInt8]]
    /// Each phrase of the search as indexes into `vocabulary`; a phrase of no tokens is left out.
    private let phrases: [[Int32]]

    /// A highlighter for `words`, the quoted phrases of a plain-word search.
    init(words: [Substring], _ db: Database) throws {
        tokenizer = try db.makeTokenizer(Self.tokenizer)
        var vocabulary: [[UInt8]] = []
        var phrases: [[Int32]] = []
        for word in words {
            let tokens = Self.queryTokens(of: String(word), tokenizer)
            guard !tokens.isEmpty else { continue }
            phrases.append(
                tokens.map { token in
                    if let known = vocabulary.firstIndex(of: token) { return Int32(known) }
                    vocabulary.append(token)
                    return Int32(vocabulary.count - 1)
                })
        }
        self.vocabulary = vocabulary
        self.phrases = phrases
    }

    /// `text` with every search phrase instance wrapped in `open` and `close`.
    func mark(_ text: String, open: String, close: String) -> String {
        let tokens = Self.documentTokens(of: text, tokenizer, vocabulary: vocabulary)
        // Instances as token positions, first to last, in the order highlight() walks them.
        var instances: [(first: Int, last: Int)] = []
        for (position, token) in tokens.enumerated() where token.word >= 0 {
            for phrase in phrases where phrase[0] == token.word && position + phrase.count <= tokens.count {
                if phrase.indices.allSatisfy({ tokens[position + $0].word == phrase[$0] }) {
                    instances.append((position, position + phrase.count - 1))
                }
            }
        }
        guard !instances.isEmpty else { return text }
        instances.sort { ($0.first, $0.last) < ($1.first, $1.last) }
        var merged: [(first: Int, last: Int)] = []
        for instance in instances {
            if let current = merged.last, instance.first <= current.last {
                merged[merged.count - 1].last = max(current.last, instance.last)
            } else {
                merged.append(instance)
            }
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + merged.count * (open.utf8.count + close.utf8.count))
        var copied = 0
        for instance in merged {
            let start = Int(tokens[instance.first].start)
            let end = Int(tokens[instance.last].end)
            out += bytes[copied..<start]
            out += open.utf8
            out += bytes[start..<end]
            out += close.utf8
            copied = end
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A token of a text: its byte range and, when it is one of the search's, its index in the
    /// vocabulary (else -1).
    private struct Token {
        var start: Int32
        var end: Int32
        var word: Int32
    }

    /// What the tokenizer's C callback collects, reached through a pointer: the callback runs once
    /// a token, and a class's reference counting and exclusivity checks would cost more than the
    /// tokenizing itself.
    private struct Collector {
        let vocabulary: [[UInt8]]
        var tokens: [Token] = []
        var bytes: [[UInt8]] = []
    }

    /// Runs the tokenizer over `text`, `collect` called for every token but colocated ones.
    private static func tokenize(
        _ text: String, _ tokenizer: any FTS5Tokenizer, for tokenization: FTS5Tokenization,
        into collector: inout Collector, _ collect: @escaping FTS5TokenCallback
    ) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withUnsafeMutablePointer(to: &collector) { collector in
                _ = tokenizer.tokenize(
                    context: UnsafeMutableRawPointer(collector), tokenization: tokenization,
                    pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count),
                    tokenCallback: collect)
            }
        }
    }

    /// The folded tokens of a search word.
    private static func queryTokens(of word: String, _ tokenizer: any FTS5Tokenizer) -> [[UInt8]] {
        var collector = Collector(vocabulary: [])
        tokenize(word, tokenizer, for: .query, into: &collector) { context, flags, pToken, nToken, _, _ in
            guard let context else { return 1 }  // SQLITE_ERROR
            if flags & FTS5TokenFlags.colocated.rawValue != 0 { return 0 }
            let token = UnsafeRawBufferPointer(start: pToken, count: Int(nToken))
            context.assumingMemoryBound(to: Collector.self).pointee.bytes.append(Array(token))
            return 0  // SQLITE_OK
        }
        return collector.bytes
    }

    /// The tokens of a claim text, as FTS5 counts positions, each looked up in `vocabulary`.
    private static func documentTokens(of text: String, _ tokenizer: any FTS5Tokenizer, vocabulary: [[UInt8]])
        -> [Token]
    {
        var collector = Collector(vocabulary: vocabulary)
        tokenize(text, tokenizer, for: .document, into: &collector) { context, flags, pToken, nToken, start, end in
            guard let context else { return 1 }  // SQLITE_ERROR
            if flags & FTS5TokenFlags.colocated.rawValue != 0 { return 0 }
            let collector = context.assumingMemoryBound(to: Collector.self)
            var word: Int32 = -1
            if let pToken {
                for (index, candidate) in collector.pointee.vocabulary.enumerated() where candidate.count == Int(nToken)
                {
                    if candidate.withUnsafeBytes({ memcmp($0.baseAddress!, pToken, Int(nToken)) == 0 }) {
                        word = Int32(index)
                        break
                    }
                }
            }
            collector.pointee.tokens.append(Token(start: start, end: end, word: word))
            return 0  // SQLITE_OK
        }
        return collector.tokens
    }
}
