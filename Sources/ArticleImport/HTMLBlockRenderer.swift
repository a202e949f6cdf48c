import CGumbo

/// Renders an element's text as blocks, the way a text-mode browser shows it, into UTF-8 bytes.
///
/// Paragraph-like blocks are separated by a blank line; consecutive list items and table cells by
/// a line break. A list item starts "  • " (or "  1. " in an ordered list), indented two spaces
/// more per level of nesting, and its further lines are indented to its text.
struct BlockRenderer {
    typealias Node = HTMLDocument.Node

    /// Whether page headers and footers are dropped (the content is the whole page).
    let dropChrome: Bool

    private(set) var output: [UInt8] = []
    private var line: [UInt8] = []
    private var pendingSpace = false
    private var lastBlockWasTight = false
    private var lists: [(ordered: Bool, count: Int)] = []
    /// Open list items: their marker and whether a block of theirs was written yet.
    private var items: [(marker: [UInt8], started: Bool)] = []
    private var cellDepth = 0
    private var preDepth = 0

    private static let blockTags = HTMLDocument.table([
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "caption", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "legend",
    ])
    private static let tagBr = HTMLDocument.tagIndex("br")
    private static let tagLi = HTMLDocument.tagIndex("li")
    private static let tagUl = HTMLDocument.tagIndex("ul")
    private static let tagOl = HTMLDocument.tagIndex("ol")
    private static let tagTd = HTMLDocument.tagIndex("td")
    private static let tagTh = HTMLDocument.tagIndex("th")
    private static let tagPre = HTMLDocument.tagIndex("pre")

    init(dropChrome: Bool) {
        self.dropChrome = dropChrome
    }

    var body: String { String(decoding: output, as: UTF8.self) }

    /// Renders `root` and everything in it that is not boilerplate.
    mutating func render(_ root: Node) {
        var stack: [(node: Node, next: Int)] = []
        if HTMLDocument.isText(root) {
            appendText(HTMLDocument.textPointer(root))
        } else {
            if HTMLDocument.isElement(root) { enter(root) }
            stack.append((root, 0))
        }
        while let (node, next) = stack.last {
            let children = HTMLDocument.children(node)
            if next < Int(children.length) {
                stack[stack.count - 1].next += 1
                let child = HTMLDocument.child(children, next)
                if HTMLDocument.isText(child) {
                    appendText(HTMLDocument.textPointer(child))
                } else if HTMLDocument.isElement(child) {
                    let tag = HTMLDocument.tag(child)
                    switch Boilerplate.of(child, tag: tag) {
                    case .drop: continue
                    case .chrome where dropChrome: continue
                    default: break
                    }
                    enter(child)
                    stack.append((child, 0))
                }
                continue
            }
            stack.removeLast()
            if HTMLDocument.isElement(node) { exit(node) }
        }
        flush()
    }

    private mutating func enter(_ node: Node) {
        let tag = HTMLDocument.tag(node)
        if tag == Self.tagBr {
            lineBreak()
            return
        }
        guard Self.blockTags[tag] else { return }
        flush()
        if tag == Self.tagUl || tag == Self.tagOl {
            lists.append((tag == Self.tagOl, 0))
        } else if tag == Self.tagLi {
            var marker = [UInt8](repeating: 0x20, count: 2 * max(1, lists.count))
            if let list = lists.last, list.ordered {
                lists[lists.count - 1].count += 1
                marker += Array("\(list.count + 1). ".utf8)
            } else {
                marker += Array("• ".utf8)
            }
            items.append((marker, false))
        } else if tag == Self.tagTd || tag == Self.tagTh {
            cellDepth += 1
        } else if tag == Self.tagPre {
            preDepth += 1
        }
    }

    private mutating func exit(_ node: Node) {
        let tag = HTMLDocument.tag(node)
        guard Self.blockTags[tag] else { return }
        flush()
        if tag == Self.tagUl || tag == Self.tagOl {
            _ = lists.popLast()
        } else if tag == Self.tagLi {
            _ = items.popLast()
        } else if tag == Self.tagTd || tag == Self.tagTh {
            cellDepth -= 1
        } else if tag == Self.tagPre {
            preDepth -= 1
        }
    }

    private mutating func appendText(_ text: UnsafePointer<CChar>) {
        var p = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        if preDepth > 0 {
            while p.pointee != 0 {
                if p.pointee != 0x0D { line.append(p.pointee) }
                p += 1
            }
            return
        }
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if let last = line.last, last != 0x0A { pendingSpace = true }
            } else {
                if pendingSpace {
                    line.append(0x20)
                    pendingSpace = false
                }
                line.append(b)
            }
            p += 1
        }
    }

    private mutating func lineBreak() {
        pendingSpace = false
        line.append(0x0A)
    }

    /// Writes the current block, if it holds any text.
    private mutating func flush() {
        pendingSpace = false
        // Trim spaces, no-break spaces and line breaks at either end: `<p>&nbsp;</p>` is no block.
        var start = 0
        var end = line.count
        while start < end {
            if line[start] == 0x0A || line[start] == 0x20 {
                start += 1
            } else if line[start] == 0xC2, start + 1 < end, line[start + 1] == 0xA0 {  // no-break space
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if line[end - 1] == 0x0A || line[end - 1] == 0x20 {
                end -= 1
            } else if line[end - 1] == 0xA0, end - 2 >= start, line[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        defer { line.removeAll(keepingCapacity: true) }
        guard start < end else { return }

        let tight = !items.isEmpty || cellDepth > 0
        if !output.isEmpty {
            output.append(0x0A)
            if !(tight && lastBlockWasTight) { output.append(0x0A) }
        }
        lastBlockWasTight = tight
        var indent: [UInt8] = []
        if let item = items.last {
            indent = [UInt8](repeating: 0x20, count: String(decoding: item.marker, as: UTF8.self).unicodeScalars.count)
            output += item.started ? indent : item.marker
            items[items.count - 1].started = true
        }
        var atLineStart = false
        for b in line[start..<end] {
            if b == 0x0A {
                // Spaces before a line break go; the next line starts at the item's indent.
                while output.last == 0x20 { output.removeLast() }
                output.append(0x0A)
                atLineStart = true
                continue
            }
            if atLineStart {
                if b == 0x20 && preDepth == 0 { continue }
                output += indent
                atLineStart = false
            }
            output.append(b)
        }
    }
}
