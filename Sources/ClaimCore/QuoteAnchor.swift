/// Finds a quote selector's text again in an edited body: the W3C `TextQuoteSelector` way.
///
/// Tried in order: the exact text (the occurrence whose context matches best, then the nearest
/// to where it was); the prefix and suffix context around changed text; a fuzzy match of the
/// exact text within an edit distance of a fifth of its length.
public enum QuoteAnchor {
    /// How a span was found.
    public enum Method: String, Sendable, Codable {
        case exact
        case context
        case fuzzy
    }

    /// Bodies times quote lengths above this are not searched fuzzily (it is O(n·m)).
    public static let fuzzyWorkLimit = 40_000_000

    /// Where `selector` stands in `text`, searching near `hint` (its old start) first.
    public static func locate(_ selector: QuoteSelector, in text: ScalarText, hint: Int) -> (
        span: TextSpan, method: Method
    )? {
        let exact = Array(selector.exact.unicodeScalars)
        guard !exact.isEmpty else { return nil }
        let hits = occurrences(of: exact[...], in: text.scalars)
        if !hits.isEmpty {
            let prefix = Array(selector.prefix.unicodeScalars)
            let suffix = Array(selector.suffix.unicodeScalars)
            let best = hits.max { a, b in
                let scoreA = contextScore(at: a, length: exact.count, prefix: prefix, suffix: suffix, in: text.scalars)
                let scoreB = contextScore(at: b, length: exact.count, prefix: prefix, suffix: suffix, in: text.scalars)
                return scoreA != scoreB ? scoreA < scoreB : abs(a - hint) > abs(b - hint)
            }!
            return (TextSpan(start: best, end: best + exact.count), .exact)
        }
        // Context only places the search: the text found between prefix and suffix must still be
        // close to the old text, or the claim is gone (a new claim is not the old one re-anchored).
        if let span = byContext(selector, exactLength: exact.count, in: text.scalars),
            editDistance(exact, Array(text.scalars[span.start..<span.end]), limit: limit(exact.count)) != nil
        {
            return (span, .context)
        }
        if let span = fuzzy(exact, in: text.scalars) {
            return (span, .fuzzy)
        }
        return nil
    }

    /// Start offsets of every occurrence of `needle` in `haystack`.
    static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        let first = needle.first!
        var result: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index)
            }
            index += 1
        }
        return result
    }

    /// How many code points of context agree either side of an occurrence.
    static func contextScore(
        at start: Int, length: Int, prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], in text: [Unicode.Scalar]
    ) -> Int {
        var score = 0
        while score < prefix.count && start - score - 1 >= 0
            && text[start - score - 1] == prefix[prefix.count - score - 1]
        {
            score += 1
        }
        var after = 0
        while after < suffix.count && start + length + after < text.count
            && text[start + length + after] == suffix[after]
        {
            after += 1
        }
        return score + after
    }

    /// The text between the selector's prefix and suffix, when both are found close together.
    static func byContext(_ selector: QuoteSelector, exactLength: Int, in text: [Unicode.Scalar]) -> TextSpan? {
        let prefix = Array(selector.prefix.unicodeScalars.suffix(16))
        let suffix = Array(selector.suffix.unicodeScalars.prefix(16))
        guard prefix.count >= 8, suffix.count >= 8 else { return nil }
        let maxGap = exactLength + exactLength / 2 + 16
        for start in occurrences(of: prefix[...], in: text) {
            let from = start + prefix.count
            let window = Array(text[from..<min(text.count, from + maxGap + suffix.count)])
            if let gap = occurrences(of: suffix[...], in: window).first, gap > 0 {
                let span = TextSpan(start: from, end: from + gap)
                // Trim whitespace the edit may have left at either end.
                var trimmed = span
                while trimmed.start < trimmed.end && text[trimmed.start].properties.isWhitespace { trimmed.start += 1 }
                while trimmed.end > trimmed.start && text[trimmed.end - 1].properties.isWhitespace { trimmed.end -= 1 }
                if trimmed.length > 0 { return trimmed }
            }
        }
        return nil
    }

    /// The largest edit distance at which a text of `length` code points still counts as found.
    static func limit(_ length: Int) -> Int { max(2, length / 5) }

    /// The Levenshtein distance of `a` and `b`, or nil when it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : (b.isEmpty ? a.count : previous[b.count])
        return distance <= limit ? distance : nil
    }

    /// The stretch of `text` closest to `pattern` in edit distance (Sellers' algorithm), if within
    /// a fifth of the pattern's length.
    static func fuzzy(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> TextSpan? {
        let m = pattern.count
        guard m >= 8, text.count * m <= fuzzyWorkLimit else { return nil }
        let limit = limit(m)
        // column[i]: distance of pattern[0..<i] to the best text stretch ending here; start[i]: where it begins.
        var column = Array(0...m)
        var starts = Array(repeating: 0, count: m + 1)
        var best: (distance: Int, span: TextSpan)?
        for (j, scalar) in text.enumerated() {
            var diagonal = column[0]
            var diagonalStart = starts[0]
            column[0] = 0
            starts[0] = j + 1
            for i in 1...m {
                let above = column[i]
                let aboveStart = starts[i]
                let substitution = diagonal + (pattern[i - 1] == scalar ? 0 : 1)
                var value = substitution
                var start = diagonalStart
                if above + 1 < value {
                    value = above + 1
                    start = aboveStart
                }
                if column[i - 1] + 1 < value {
                    value = column[i - 1] + 1
                    start = starts[i - 1]
                }
                diagonal = above
                diagonalStart = aboveStart
                column[i] = value
                starts[i] = start
            }
            if column[m] <= limit, best == nil || column[m] < best!.distance {
                best = (column[m], TextSpan(start: starts[m], end: j + 1))
            }
        }
        guard let found = best?.span else { return nil }
        // Equal-cost alignments can start a few code points early ("t: roughly" for "roughly"):
        // take the start with the lowest distance, preferring one at the start of a word.
        var choice = (distance: Int.max, atWord: false, start: found.start)
        for start in found.start...min(found.end - 1, found.start + limit) {
            guard let distance = editDistance(pattern, Array(text[start..<found.end]), limit: limit) else { continue }
            let atWord =
                (start == 0 || !text[start - 1].properties.isAlphabetic) && text[start].properties.isAlphabetic
                || text[start].properties.numericType != nil
            if distance < choice.distance || (distance == choice.distance && atWord && !choice.atWord) {
                choice = (distance, atWord, start)
            }
        }
        return TextSpan(start: choice.start, end: found.end)
    }
}
