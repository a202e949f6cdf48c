import CGumbo
import ClaimCore
import Foundation

/// HTML: the article's own text as a reader sees it, and the page's metadata, parsed with gumbo.
///
/// The content is the `<article>` with the most text, else `<main>`, else the element holding the
/// most paragraph text. Navigation, asides, ads, "related" and share boxes, comments, forms,
/// scripts and their kin are dropped, and so are a page's header and footer outside the content.
/// Headings, paragraphs, block quotes and the like are separated by a blank line; list items
/// ("  • ", or "  1. " in an ordered list) and table cells by a line break; `<br>` breaks a line.
/// Whitespace is folded as a browser does.
public struct HTMLReader: ArticleReader {
    public let name = "html"
    public let extensions = ["html", "htm", "xhtml"]

    public init() {}

    public func read(_ text: String, source: String) throws -> ArticleDraft {
        try read(text, source: source, warn: { _ in })
    }

    /// Reads the page; its metadata's links that are not http(s) and dates that are not dates are
    /// left out and reported to `warn`.
    public func read(_ text: String, source: String, warn: (ImportWarning) -> Void) throws -> ArticleDraft {
        let parsed = HTMLDocument.parse(Array(text.utf8)) { document -> (String, HTMLMetadata) in
            let analysis = PageAnalysis(document.root)
            var renderer = BlockRenderer(dropChrome: analysis.contentIsWholePage(document.root))
            renderer.render(analysis.content(document.root))
            return (renderer.body, analysis.metadata)
        }
        guard let (rendered, metadata) = parsed else { throw ArticleImportError.empty(source) }
        let body = BodyNormalizer.normalize(rendered)
        guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw ArticleImportError.empty(source)
        }
        let jsonLD = metadata.jsonLD
        return ArticleDraft(
            source: source, title: metadata.title(jsonLD) ?? firstLine(of: body), body: body,
            url: metadata.url(jsonLD, warn: warn), author: metadata.author(jsonLD),
            publisher: metadata.publisher(jsonLD), published: metadata.published(jsonLD, warn: warn))
    }
}

/// What is boilerplate: dropped always, or dropped as page chrome outside the article.
enum Boilerplate {
    case keep, drop, chrome

    typealias Node = HTMLDocument.Node

    static let droppedTags = HTMLDocument.table([
        "nav", "aside", "form", "script", "style", "noscript", "iframe", "svg", "math", "button",
        "template", "object", "embed", "canvas", "select", "textarea", "input", "head", "title",
        "audio", "video", "map", "dialog", "frameset", "frame", "applet",
    ])
    static let chromeTags = HTMLDocument.table(["header", "footer"])
    /// Never dropped for their class or id: a body class like "has-ads" says nothing of its content.
    static let exemptTags = HTMLDocument.table(["html", "body", "main", "article"])

    /// Class and id words that mark boilerplate.
    static let words: Set<String> = [
        "ad", "ads", "adv", "adslot", "adunit", "adbox", "adsense", "adwrap", "adwrapper", "adcontainer",
        "dfp", "outbrain", "taboola", "share", "shares", "sharing", "sharebar", "sharetools", "social",
        "comments", "commentlist", "respond", "disqus", "byline", "newsletter", "breadcrumb", "breadcrumbs",
        "related", "recommended", "recommendations", "hidden", "paywall", "subscribe", "cookie", "cookies",
        "morestories", "commentform", "commentlist", "sronly",
    ]
    /// Class and id word beginnings that mark boilerplate.
    static let prefixes = ["advert", "sponsor", "promo", "related", "recommend"]
    /// Class and id phrases that mark boilerplate.
    static let phrases = [
        "more-stories", "comment-form", "comment-list", "comment-respond", "comments-area", "sr-only",
        "visually-hidden", "screen-reader",
    ]
    static let roles: Set<String> = ["navigation", "complementary", "search", "banner", "contentinfo", "dialog"]

    static func of(_ node: Node, tag: Int) -> Boilerplate {
        if droppedTags[tag] { return .drop }
        if chromeTags[tag] { return .chrome }
        let attributes = node.pointee.v.element.attributes
        if attributes.length == 0 || exemptTags[tag] { return .keep }
        for index in 0..<Int(attributes.length) {
            let attribute = attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self).pointee
            guard let name = attribute.name, let value = attribute.value else { continue }
            switch UInt8(bitPattern: name[0]) {
            case UInt8(ascii: "c"), UInt8(ascii: "i"):
                if (strcmp(name, "class") == 0 || strcmp(name, "id") == 0) && isBoilerplateName(value) { return .drop }
            case UInt8(ascii: "h"):
                if strcmp(name, "hidden") == 0 { return .drop }
            case UInt8(ascii: "a"):
                if strcmp(name, "aria-hidden") == 0 && strcasecmp(value, "true") == 0 { return .drop }
            case UInt8(ascii: "r"):
                if strcmp(name, "role") == 0 {
                    let role = String(cString: value).lowercased()
                    if roles.contains(role) { return role == "banner" || role == "contentinfo" ? .chrome : .drop }
                }
            case UInt8(ascii: "s"):
                if strcmp(name, "style") == 0 {
                    let compact = String(cString: value).lowercased().filter { $0 != " " }
                    if compact.contains("display:none") || compact.contains("visibility:hidden") { return .drop }
                }
            default:
                continue
            }
        }
        return .keep
    }

    private static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    private static let wordHashes = Set(words.map { hash($0.utf8) })
    private static let prefixBytes = prefixes.map { Array($0.utf8) }
    /// Two-word phrases ("more-stories") as the hash of their first word's hash and the second's.
    private static let phraseHashes = Set(
        phrases.map { phrase -> UInt64 in
            let parts = phrase.split(whereSeparator: { $0 == "-" || $0 == "_" })
            return hash(parts[0].utf8) &* 31 &+ hash(parts[1].utf8)
        })

    /// Whether a class or id value names boilerplate, word by word (so "header" is not an ad).
    static func isBoilerplateName(_ pointer: UnsafePointer<CChar>) -> Bool {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var previous: UInt64?
        var p = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        while true {
            var b = p.pointee
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                word.append(b)
            } else {
                if !word.isEmpty {
                    let h = hash(word)
                    if wordHashes.contains(h) { return true }
                    for prefix in prefixBytes where word.starts(with: prefix) { return true }
                    if let previous, phraseHashes.contains(previous &* 31 &+ h) { return true }
                    previous = h
                    word.removeAll(keepingCapacity: true)
                }
                // A space separates class names; a hyphen or underscore joins a phrase's words.
                if b == 0x20 || b == 0x09 || b == 0x0A { previous = nil }
                if b == 0 { return false }
            }
            p += 1
        }
    }
}

/// One pass over the whole page: its metadata, and where its article's text is.
struct PageAnalysis {
    typealias Node = HTMLDocument.Node

    var metadata = HTMLMetadata()
    private var bestArticle: (node: Node, text: Int)?
    private var bestMain: (node: Node, text: Int)?
    private var densest: (node: Node, score: Int)?
    private var body: Node?

    private static let tagP = HTMLDocument.tagIndex("p")
    private static let tagArticle = HTMLDocument.tagIndex("article")
    private static let tagMain = HTMLDocument.tagIndex("main")
    private static let tagBody = HTMLDocument.tagIndex("body")
    private static let tagMeta = HTMLDocument.tagIndex("meta")
    private static let tagLink = HTMLDocument.tagIndex("link")
    private static let tagA = HTMLDocument.tagIndex("a")
    private static let tagTime = HTMLDocument.tagIndex("time")
    private static let tagTitle = HTMLDocument.tagIndex("title")
    private static let tagScript = HTMLDocument.tagIndex("script")

    private struct Frame {
        let node: Node
        var next = 0
        let tag: Int
        /// Dropped itself or inside something dropped.
        let dropped: Bool
        var text = 0
        var paragraphText = 0
    }

    init(_ root: Node) {
        var stack: [Frame] = [Frame(node: root, tag: -1, dropped: false)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let node = stack[top].node
            let children = HTMLDocument.children(node)
            if stack[top].next < Int(children.length) {
                let child = HTMLDocument.child(children, stack[top].next)
                stack[top].next += 1
                if HTMLDocument.isText(child) {
                    if !stack[top].dropped { stack[top].text += strlen(HTMLDocument.textPointer(child)) }
                } else if HTMLDocument.isElement(child) {
                    let tag = HTMLDocument.tag(child)
                    inspect(child, tag: tag)
                    let dropped = stack[top].dropped || Boilerplate.of(child, tag: tag) != .keep
                    stack.append(Frame(node: child, tag: tag, dropped: dropped))
                }
                continue
            }
            let frame = stack.removeLast()
            guard !frame.dropped, top > 0 else { continue }
            stack[top - 1].text += frame.text
            if frame.tag == Self.tagP {
                stack[top - 1].paragraphText += frame.text
                if top > 1 { stack[top - 2].paragraphText += frame.text / 2 }
            }
            if frame.paragraphText > (densest?.score ?? 0) { densest = (frame.node, frame.paragraphText) }
            if frame.tag == Self.tagArticle, frame.text > (bestArticle?.text ?? 0) {
                bestArticle = (frame.node, frame.text)
            }
            if frame.text > (bestMain?.text ?? 0),
                frame.tag == Self.tagMain || HTMLDocument.attribute(frame.node, "role") == "main"
            {
                bestMain = (frame.node, frame.text)
            }
            if frame.tag == Self.tagBody, body == nil { body = frame.node }
        }
    }

    /// The element whose text is the article's.
    func content(_ root: Node) -> Node {
        bestArticle?.node ?? bestMain?.node ?? densest?.node ?? body ?? root
    }

    /// Whether the content is the whole page, whose header and footer are then site chrome.
    func contentIsWholePage(_ root: Node) -> Bool {
        let node = content(root)
        return node == root || node == body || HTMLDocument.tag(node) == HTMLDocument.tagIndex("html")
    }

    private mutating func inspect(_ node: Node, tag: Int) {
        switch tag {
        case Self.tagMeta:
            guard let content = HTMLDocument.attribute(node, "content") else { return }
            if let key = HTMLDocument.attribute(node, "property") ?? HTMLDocument.attribute(node, "name")
                ?? HTMLDocument.attribute(node, "itemprop")
            {
                metadata.addMeta(key: key, content: content)
            }
        case Self.tagLink:
            let rel = HTMLDocument.attribute(node, "rel")?.lowercased().split(separator: " ") ?? []
            if rel.contains("canonical"), metadata.canonical == nil,
                let href = HTMLDocument.attribute(node, "href"), !href.isEmpty
            {
                metadata.canonical = href
            }
        case Self.tagA:
            if metadata.relAuthorText == nil,
                HTMLDocument.attribute(node, "rel")?.lowercased().split(separator: " ").contains("author") == true
            {
                let text = HTMLDocument.text(of: node)
                if !text.isEmpty { metadata.relAuthorText = text }
            }
        case Self.tagTime:
            if metadata.firstTimeDatetime == nil, let datetime = HTMLDocument.attribute(node, "datetime"),
                !datetime.isEmpty
            {
                metadata.firstTimeDatetime = datetime.trimmingCharacters(in: .whitespaces)
            }
        case Self.tagTitle:
            if metadata.titleElement == nil { metadata.titleElement = HTMLDocument.text(of: node) }
        case Self.tagScript:
            if HTMLDocument.attribute(node, "type")?.lowercased().hasPrefix("application/ld+json") == true {
                metadata.jsonLDScripts.append(HTMLDocument.text(of: node))
            }
        default:
            return
        }
    }
}
