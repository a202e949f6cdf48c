/// Caps how deeply an HTML page's elements nest before gumbo sees it.
///
/// gumbo 0.10 has no tree-depth limit, and its tree construction scans the stack of open elements
/// for each tag, so 100,000 nested `<div>`s take minutes. This pass tokenizes the page roughly
/// (comments, raw-text elements, quoted attributes, void elements and elements whose end tag is
/// optional are understood) and, only when nesting exceeds `maxDepth`, drops the start tags beyond
/// it and their end tags. Their text stays. A page within the limit is returned unchanged.
enum HTMLNestingLimit {
    static let maxDepth = 400

    /// `bytes` with elements nested deeper than `maxDepth` unwrapped, or nil when none are.
    static func limited(_ bytes: [UInt8], maxDepth: Int = maxDepth) -> [UInt8]? {
        var scanner = Scanner(bytes: bytes, maxDepth: maxDepth)
        return scanner.run()
    }

    /// A cheap hash of a lower-cased tag name.
    private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            var b = bytes[i]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    private static func hashes(_ names: [String]) -> Set<UInt64> {
        Set(
            names.map {
                let b = Array($0.utf8); return hash(b, 0..<b.count)
            })
    }

    /// Elements that never hold children, or close their open namesake instead of nesting in it.
    private static let flat = hashes([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "html", "head", "body",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "rb", "rt", "rp", "rtc", "colgroup",
    ])
    /// Elements whose content is raw text, ending only at their own end tag.
    private static let rawText = hashes([
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ])
    private static let plaintext = hashes(["plaintext"])
    private static let foreign = hashes(["svg", "math"])

    private struct Scanner {
        let bytes: [UInt8]
        let maxDepth: Int
        var open: [UInt64] = []
        var dropped: [UInt64] = []
        /// Byte ranges of the tags to drop, in order.
        var cuts: [Range<Int>] = []
        var foreignDepth = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        mutating func run() -> [UInt8]? {
            let n = bytes.count
            var i = 0
            while i < n {
                guard bytes[i] == 0x3C, i + 1 < n else {  // '<'
                    i += 1
                    continue
                }
                let next = bytes[i + 1]
                if next == 0x21 {  // "<!"
                    if i + 3 < n && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                        i = find([0x2D, 0x2D, 0x3E], from: i + 4) ?? n
                    } else {
                        i = skipToGreaterThan(from: i + 2)
                    }
                } else if next == 0x3F {  // "<?"
                    i = skipToGreaterThan(from: i + 2)
                } else if next == 0x2F, i + 2 < n, isLetter(bytes[i + 2]) {  // "</x"
                    let nameEnd = nameEnd(from: i + 2)
                    let end = skipToGreaterThan(from: nameEnd)
                    endTag(HTMLNestingLimit.hash(bytes, (i + 2)..<nameEnd), range: i..<end)
                    i = end
                } else if isLetter(next) {
                    let nameEnd = nameEnd(from: i + 1)
                    let (end, selfClosing) = skipAttributes(from: nameEnd)
                    let name = HTMLNestingLimit.hash(bytes, (i + 1)..<nameEnd)
                    if HTMLNestingLimit.plaintext.contains(name) { break }
                    if HTMLNestingLimit.rawText.contains(name) {
                        i = skipRawText(name: (i + 1)..<nameEnd, from: end)
                        continue
                    }
                    startTag(name, selfClosing: selfClosing, range: i..<end)
                    i = end
                } else {
                    i += 1
                }
            }
            guard !cuts.isEmpty else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var from = 0
            for cut in cuts {
                out.append(contentsOf: bytes[from..<cut.lowerBound])
                from = cut.upperBound
            }
            out.append(contentsOf: bytes[from..<n])
            return out
        }

        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

        func nameEnd(from start: Int) -> Int {
            var j = start
            while j < bytes.count {
                let b = bytes[j]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x2F || b == 0x3E { break }
                j += 1
            }
            return j
        }

        /// The index after the next '>' from `start`.
        func skipToGreaterThan(from start: Int) -> Int {
            var j = start
            while j < bytes.count && bytes[j] != 0x3E { j += 1 }
            return min(j + 1, bytes.count)
        }

        /// The index after a start tag's '>' (quotes respected) and whether it ended "/>".
        func skipAttributes(from start: Int) -> (Int, Bool) {
            var j = start
            var quote: UInt8 = 0
            while j < bytes.count {
                let b = bytes[j]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == 0x22 || b == 0x27 {
                    // Only a quote that opens an attribute value (after '=') starts a quoted run.
                    var k = j - 1
                    while k > start && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A) { k -= 1 }
                    if bytes[k] == 0x3D { quote = b }
                } else if b == 0x3E {
                    return (j + 1, j > start && bytes[j - 1] == 0x2F)
                }
                j += 1
            }
            return (bytes.count, false)
        }

        /// The index of the end tag closing the raw-text element `name`, or the end of the page.
        func skipRawText(name: Range<Int>, from start: Int) -> Int {
            var j = start
            let n = bytes.count
            while j + 1 < n {
                if bytes[j] == 0x3C && bytes[j + 1] == 0x2F && j + 2 + name.count <= n {
                    var k = 0
                    while k < name.count && (bytes[j + 2 + k] | 0x20) == (bytes[name.lowerBound + k] | 0x20) { k += 1 }
                    if k == name.count { return j }
                }
                j += 1
            }
            return n
        }

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            var j = start
            let last = bytes.count - needle.count
            while j <= last {
                if bytes[j] == needle[0] {
                    var k = 1
                    while k < needle.count && bytes[j + k] == needle[k] { k += 1 }
                    if k == needle.count { return j + needle.count }
                }
                j += 1
            }
            return nil
        }

        mutating func startTag(_ name: UInt64, selfClosing: Bool, range: Range<Int>) {
            if HTMLNestingLimit.flat.contains(name) { return }
            if selfClosing && foreignDepth > 0 { return }
            if open.count >= maxDepth {
                dropped.append(name)
                cuts.append(range)
                return
            }
            open.append(name)
            if HTMLNestingLimit.foreign.contains(name) { foreignDepth += 1 }
        }

        mutating func endTag(_ name: UInt64, range: Range<Int>) {
            if HTMLNestingLimit.flat.contains(name) { return }
            if let index = Self.lastIndex(of: name, in: dropped) {
                dropped.removeSubrange(index...)
                cuts.append(range)
                return
            }
            if let index = Self.lastIndex(of: name, in: open) {
                for closed in open[index...] where HTMLNestingLimit.foreign.contains(closed) { foreignDepth -= 1 }
                open.removeSubrange(index...)
            }
        }

        /// The last index of `name` among the top 64 entries of `stack`.
        static func lastIndex(of name: UInt64, in stack: [UInt64]) -> Int? {
            var j = stack.count - 1
            let floor = max(0, stack.count - 64)
            while j >= floor {
                if stack[j] == name { return j }
                j -= 1
            }
            return nil
        }
    }
}
