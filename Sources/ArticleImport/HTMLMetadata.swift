import ClaimCore
import Foundation

/// What an HTML page says about itself: `<meta>` tags, `<link>`s, JSON-LD, `<title>`, `<time>`.
///
/// `HTMLReader` fills the raw fields while it walks the page; the computed properties choose
/// among them in the order newsrooms' pages are most reliable.
struct HTMLMetadata {
    /// `<meta property|name=… content=…>`, keys lower-cased, the first of each kind kept.
    var meta: [String: String] = [:]
    var canonical: String?
    var relAuthorText: String?
    var firstTimeDatetime: String?
    var titleElement: String?
    var jsonLDScripts: [String] = []

    mutating func addMeta(key: String, content: String) {
        let key = key.lowercased()
        let content = Self.folded(content)
        if !content.isEmpty && meta[key] == nil { meta[key] = content }
    }

    /// og:title, JSON-LD headline, then `<title>` without a " | Site" suffix naming og:site_name.
    func title(_ jsonLD: JSONLDArticle) -> String? {
        if let title = meta["og:title"] { return title }
        if let headline = jsonLD.headline { return headline }
        guard var title = titleElement.map(Self.folded), !title.isEmpty else { return nil }
        if let site = meta["og:site_name"] {
            for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
                let suffix = separator + site
                if title.count > suffix.count, title.lowercased().hasSuffix(suffix.lowercased()) {
                    title = String(title.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                    break
                }
            }
        }
        return title
    }

    /// The canonical link, og:url, then JSON-LD's url: the first that is an http(s) link; those
    /// before it that are not (relative, `javascript:`…) are reported to `warn`.
    func url(_ jsonLD: JSONLDArticle, warn: (ImportWarning) -> Void) -> String? {
        ImportWarning.firstLink(
            [
                ("<link rel=\"canonical\">", canonical), ("meta og:url", meta["og:url"]),
                ("JSON-LD url", jsonLD.url),
            ], warn: warn)
    }

    /// article:published_time, JSON-LD's datePublished, then the first `<time datetime>`: the first
    /// that is a date, in ISO 8601; those before it that are not are reported to `warn`.
    func published(_ jsonLD: JSONLDArticle, warn: (ImportWarning) -> Void) -> String? {
        ImportWarning.firstDate(
            [
                ("meta article:published_time", meta["article:published_time"]),
                ("JSON-LD datePublished", jsonLD.datePublished), ("<time datetime>", firstTimeDatetime),
            ], warn: warn)
    }
    func author(_ jsonLD: JSONLDArticle) -> String? { meta["author"] ?? jsonLD.author ?? relAuthorText }
    func publisher(_ jsonLD: JSONLDArticle) -> String? { meta["og:site_name"] ?? jsonLD.publisher }

    /// The first article object among the page's JSON-LD scripts.
    var jsonLD: JSONLDArticle {
        for script in jsonLDScripts {
            if let article = JSONLDArticle(script: script) { return article }
        }
        return JSONLDArticle()
    }

    static func folded(_ text: String) -> String {
        var folder = WhitespaceFolder()
        text.withCString { folder.append($0) }
        return folder.string
    }
}

/// The fields of a schema.org NewsArticle (or Article, ReportageNewsArticle, BlogPosting) in JSON-LD.
struct JSONLDArticle {
    static let types: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "Report",
    ]

    var headline: String?
    var datePublished: String?
    var author: String?
    var publisher: String?
    var url: String?

    init() {}

    /// The first article object in `script`, searching arrays and `@graph`s; nil when none.
    /// Read with ClaimCore's small JSON reader: `JSONSerialization` and its `Any` casts cost more
    /// than gumbo's whole parse of a short page.
    init?(script: String) {
        var text = script.trimmingWhitespace
        if text.hasPrefix("<!--") { text.removeFirst(4) }
        if text.hasSuffix("-->") { text.removeLast(3) }
        guard let json = JSONValue(jsonText: text) else { return nil }
        var queue: [JSONValue] = [json]
        var found: [String: JSONValue]?
        while !queue.isEmpty, found == nil {
            switch queue.removeFirst() {
            case .array(let array):
                queue.append(contentsOf: array)
            case .object(let object):
                if Self.isArticle(object) {
                    found = object
                } else if let graph = object["@graph"] {
                    queue.append(graph)
                }
            default:
                break
            }
        }
        guard let object = found else { return nil }
        headline = Self.string(object["headline"]) ?? Self.string(object["name"])
        datePublished = Self.string(object["datePublished"])
        author = Self.names(object["author"])
        publisher = Self.names(object["publisher"])
        url =
            Self.string(object["url"]) ?? Self.string(object["mainEntityOfPage"])
            ?? Self.string(Self.member(object["mainEntityOfPage"], "@id"))
    }

    static func isArticle(_ object: [String: JSONValue]) -> Bool {
        switch object["@type"] {
        case .string(let type)?: return types.contains(type)
        case .array(let values)?:
            return values.contains { if case .string(let type) = $0 { types.contains(type) } else { false } }
        default: return false
        }
    }

    static func string(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let folded = HTMLMetadata.folded(text)
        return folded.isEmpty ? nil : folded
    }

    /// `value[key]` when `value` is an object.
    static func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let object)? = value else { return nil }
        return object[key]
    }

    /// A person or organisation's name: a string, an object's `name`, or an array of those joined
    /// with ", ".
    static func names(_ value: JSONValue?) -> String? {
        let values: [JSONValue]
        switch value {
        case .array(let array)?: values = array
        case let single?: values = [single]
        case nil: values = []
        }
        let names = values.compactMap { item -> String? in
            if let name = string(item) { return name }
            return string(member(item, "name"))
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
