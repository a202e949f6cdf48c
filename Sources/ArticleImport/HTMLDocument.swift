import CGumbo

/// A page parsed by gumbo, alive for the duration of one `HTMLDocument.parse` call.
///
/// Traversals are iterative (an explicit stack), so no nesting depth can overflow the call stack;
/// `HTMLNestingLimit` keeps gumbo's own tree construction fast on deeply nested pages.
struct HTMLDocument {
    typealias Node = UnsafeMutablePointer<GumboNode>

    let root: Node

    /// Parses `bytes` (UTF-8) and runs `body` on the document; gumbo's tree is freed afterwards.
    static func parse<T>(_ bytes: [UInt8], _ body: (HTMLDocument) throws -> T) rethrows -> T? {
        var input = bytes
        if let limited = HTMLNestingLimit.limited(input) { input = limited }
        input.append(0)  // never empty, so the buffer has an address
        return try input.withUnsafeBufferPointer { buffer in
            try buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                var options = kGumboDefaultOptions
                options.max_errors = 0
                guard let output = gumbo_parse_with_options(&options, chars, buffer.count - 1) else { return nil }
                defer { gumbo_destroy_output(&options, output) }
                guard let document = output.pointee.document else { return nil }
                return try body(HTMLDocument(root: document))
            }
        }
    }

    // MARK: Nodes

    static func isElement(_ node: Node) -> Bool {
        node.pointee.type == GUMBO_NODE_ELEMENT || node.pointee.type == GUMBO_NODE_TEMPLATE
    }

    static func isText(_ node: Node) -> Bool {
        let type = node.pointee.type
        return type == GUMBO_NODE_TEXT || type == GUMBO_NODE_WHITESPACE || type == GUMBO_NODE_CDATA
    }

    /// The tag of an element node, as an index into the tag tables.
    static func tag(_ node: Node) -> Int { Int(node.pointee.v.element.tag.rawValue) }

    static func children(_ node: Node) -> GumboVector {
        node.pointee.type == GUMBO_NODE_DOCUMENT ? node.pointee.v.document.children : node.pointee.v.element.children
    }

    static func child(_ vector: GumboVector, _ index: Int) -> Node {
        vector.data[index]!.assumingMemoryBound(to: GumboNode.self)
    }

    /// The value of attribute `name` (lower-case) of an element, as a C string.
    static func attributePointer(_ node: Node, _ name: String) -> UnsafePointer<CChar>? {
        var attributes = node.pointee.v.element.attributes
        guard attributes.length > 0 else { return nil }
        return gumbo_get_attribute(&attributes, name)?.pointee.value
    }

    static func attribute(_ node: Node, _ name: String) -> String? {
        attributePointer(node, name).map { String(cString: $0) }
    }

    static func textPointer(_ node: Node) -> UnsafePointer<CChar> { node.pointee.v.text.text }

    /// The element's text, whitespace folded and trimmed.
    static func text(of node: Node) -> String {
        var folder = WhitespaceFolder()
        var stack: [(Node, Int)] = [(node, 0)]
        while let (current, index) = stack.last {
            if isText(current) {
                folder.append(textPointer(current))
                stack.removeLast()
                continue
            }
            let children =
                isElement(current) || current.pointee.type == GUMBO_NODE_DOCUMENT
                ? children(current) : GumboVector()
            if index < Int(children.length) {
                stack[stack.count - 1].1 += 1
                stack.append((child(children, index), 0))
            } else {
                stack.removeLast()
            }
        }
        return folder.string
    }

    /// Tag names by gumbo tag index (`GUMBO_TAG_LAST` is one past the last).
    static let tagCount = Int(GUMBO_TAG_LAST.rawValue) + 1

    /// A table answering "is this tag one of `names`" by tag index.
    static func table(_ names: [String]) -> [Bool] {
        var table = [Bool](repeating: false, count: tagCount)
        for name in names {
            let tag = gumbo_tag_enum(name)
            if tag != GUMBO_TAG_UNKNOWN { table[Int(tag.rawValue)] = true }
        }
        return table
    }

    static func tagIndex(_ name: String) -> Int { Int(gumbo_tag_enum(name).rawValue) }
}

/// Collects text with runs of whitespace folded to one space and both ends trimmed.
struct WhitespaceFolder {
    var bytes: [UInt8] = []
    var pendingSpace = false

    mutating func append(_ text: UnsafePointer<CChar>) {
        var p = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(b)
            }
            p += 1
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
