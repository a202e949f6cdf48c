/// Finds quote selectors' texts again in an edited body, the way annotation tools re-anchor a W3C
/// `TextQuoteSelector` (Hypothesis's match-quote, dom-anchor-text-quote, diff-match-patch).
///
/// Every place where a selector's text stands, or text within a fifth of its length in edits, is
/// a ``Candidate``, scored by how well the quote, the prefix and the suffix agree there, each
/// weighted (``quoteWeight``, ``prefixWeight``, ``suffixWeight``). The distance from the old place
/// never outweighs that score: it only orders claims that cannot be told apart (the same text in
/// the same context, a paragraph printed twice). ``assign(_:in:)`` places all the claims of an
/// article at once, best fits first, each place to one claim at most; a claim that fits two free
/// places equally well is left unplaced rather than guessed.
public enum QuoteAnchor {
    /// How a place was found.
    public enum Method: String, Sendable, Codable {
        /// The selector's exact text.
        case exact
        /// Changed text between the selector's prefix and suffix.
        case context
        /// Text close to the selector's, found by approximate search.
        case fuzzy
    }

    /// Weights of the quote's, the prefix's and the suffix's agreement in a candidate's fit: those
    /// of Hypothesis's match-quote, where the text counts for more than either side of it.
    public static let quoteWeight = 50.0
    public static let prefixWeight = 20.0
    public static let suffixWeight = 20.0

    /// The agreement (1 − edits / length) the prefix or the suffix must reach for the context of
    /// a place to agree with the old one: at most 8 edits in 32 code points. Two unrelated
    /// stretches of English agree to about 0.3–0.5.
    public static let contextThreshold = 0.75

    /// A quote at least this long (the context's length) is its own evidence: it may be placed
    /// where its context disagrees. A shorter one (a figure, a name) is placed only where its
    /// context agrees, since the same few characters stand in many places.
    public static let distinctiveLength = QuoteSelector.contextLength

    /// Bodies times quote lengths above this are not searched fuzzily (it is O(n·m)).
    public static let fuzzyWorkLimit = 40_000_000

    /// Fits closer than this are equal.
    static let tolerance = 1e-9

    /// One place where a selector's text may stand in a new body, and how well it fits there.
    public struct Candidate: Sendable, Hashable {
        public var span: TextSpan
        public var method: Method
        /// The text at `span` against the selector's exact text: 1 − edits / length.
        public var quote: Double
        /// The text before `span` against the selector's prefix: 1 − edits / length.
        public var prefix: Double
        /// The text after `span` against the selector's suffix: 1 − edits / length.
        public var suffix: Double
        /// Closeness to the old start, 1 − distance / body length: a tie-breaker only.
        public var position: Double

        /// The weighted agreement of quote, prefix and suffix, 0–1.
        public var fit: Double {
            (quoteWeight * quote + prefixWeight * prefix + suffixWeight * suffix)
                / (quoteWeight + prefixWeight + suffixWeight)
        }

        /// The prefix or the suffix agrees with the old one (``contextThreshold``).
        public var contextAgrees: Bool { max(prefix, suffix) >= contextThreshold }
    }

    /// One claim to place.
    public struct Request: Sendable, Hashable {
        /// Its text and context, cut from the old body.
        public var selector: QuoteSelector
        /// Where it started in the old body.
        public var hint: Int
        /// Only the same text, where its context agrees (a reviewed claim, whose verdict was given
        /// on that text): no changed text, no other context.
        public var exactOnly: Bool

        public init(selector: QuoteSelector, hint: Int, exactOnly: Bool) {
            self.selector = selector
            self.hint = hint
            self.exactOnly = exactOnly
        }
    }

    /// Where `selector` stands in `text`, its old start `hint`; nil when it is not found, or found
    /// in two places that fit equally well.
    public static func locate(_ selector: QuoteSelector, in text: ScalarText, hint: Int, exactOnly: Bool = false)
        -> (span: TextSpan, method: Method)?
    {
        assign([Request(selector: selector, hint: hint, exactOnly: exactOnly)], in: text)[0].map {
            ($0.span, $0.method)
        }
    }

    /// Places every request in `text` at once: for each request its place, or nil.
    ///
    /// Pairs of request and candidate are taken best fit first. Among pairs of equal fit, requests
    /// joined by a place they both fit form a group: a group with more places than requests is
    /// ambiguous and left unplaced; one with as many places as requests is placed in order
    /// (the old order of the requests, the new order of the places) or by any one-to-one match;
    /// one with fewer places gives each place to the nearest request, and the others go on to
    /// their next best places. A place is given to one request at most.
    public static func assign(_ requests: [Request], in text: ScalarText) -> [Candidate?] {
        var pairs: [(request: Int, candidate: Candidate)] = []
        for (index, request) in requests.enumerated() {
            for candidate in candidates(for: request, in: text) { pairs.append((index, candidate)) }
        }
        pairs.sort { a, b in
            if abs(a.candidate.fit - b.candidate.fit) > tolerance { return a.candidate.fit > b.candidate.fit }
            return (a.request, a.candidate.span) < (b.request, b.candidate.span)
        }
        var state = Assignment(requests: requests)
        var tierStart = 0
        while tierStart < pairs.count {
            let fit = pairs[tierStart].candidate.fit
            var tierEnd = tierStart
            while tierEnd < pairs.count && fit - pairs[tierEnd].candidate.fit <= tolerance { tierEnd += 1 }
            state.settle(pairs[tierStart..<tierEnd])
            tierStart = tierEnd
        }
        return state.placed
    }

    /// The candidates of one request that it may take: for a request that is `exactOnly`, its
    /// exact text where the context agrees; else also changed text, where the context agrees or
    /// the quote is ``distinctiveLength`` long.
    public static func candidates(for request: Request, in text: ScalarText) -> [Candidate] {
        let exact = Array(request.selector.exact.unicodeScalars)
        guard !exact.isEmpty else { return [] }
        let context = Context(request.selector)
        var found: [TextSpan: Candidate] = [:]
        func consider(_ span: TextSpan, _ method: Method, quote: Double) {
            guard found[span] == nil else { return }
            found[span] = Candidate(
                span: span, method: method, quote: quote,
                prefix: context.prefixAgreement(before: span.start, in: text.scalars),
                suffix: context.suffixAgreement(after: span.end, in: text.scalars),
                position: 1 - Double(abs(span.start - request.hint)) / Double(max(1, text.count)))
        }
        for start in occurrences(of: exact[...], in: text.scalars) {
            consider(TextSpan(start: start, end: start + exact.count), .exact, quote: 1)
        }
        // A place with the exact text and all its context fits best: changed text cannot fit better.
        let perfect = found.values.contains { $0.prefix == 1 && $0.suffix == 1 }
        if !request.exactOnly && !perfect {
            // Context only places the search: the text found between prefix and suffix must still
            // be close to the old text, or the claim is gone (a new claim is not the old one moved).
            for span in byContext(request.selector, exactLength: exact.count, in: text.scalars) {
                guard let distance = editDistance(exact, text.scalars[span.start..<span.end], limit: limit(exact.count))
                else { continue }
                consider(span, distance == 0 ? .exact : .context, quote: agreement(distance, exact.count))
            }
            if !found.values.contains(where: \.contextAgrees) {
                for (span, distance) in fuzzy(exact, in: text.scalars) {
                    consider(span, distance == 0 ? .exact : .fuzzy, quote: agreement(distance, exact.count))
                }
            }
        }
        return found.values.filter { candidate in
            if request.exactOnly { return candidate.method == .exact && candidate.contextAgrees }
            return candidate.contextAgrees || exact.count >= distinctiveLength
        }.sorted { $0.span < $1.span }
    }

    /// 1 − `distance` / `length`.
    static func agreement(_ distance: Int, _ length: Int) -> Double {
        length == 0 ? 1 : 1 - Double(distance) / Double(length)
    }

    /// The requests placed so far, tier by tier of equal fit.
    struct Assignment {
        let requests: [Request]
        var placed: [Candidate?]
        var settled: [Bool]
        var taken: Set<TextSpan> = []

        init(requests: [Request]) {
            self.requests = requests
            placed = Array(repeating: nil, count: requests.count)
            settled = Array(repeating: false, count: requests.count)
        }

        /// Settles the pairs of one fit among the requests not settled and the places not taken.
        mutating func settle(_ tier: ArraySlice<(request: Int, candidate: Candidate)>) {
            let open = tier.filter { !settled[$0.request] && !taken.contains($0.candidate.span) }
            guard !open.isEmpty else { return }
            for group in groups(open) {
                let claims = Set(group.map { $0.request }).sorted { (requests[$0].hint, $0) < (requests[$1].hint, $1) }
                let places = Set(group.map { $0.candidate.span }).sorted()
                var options: [Int: [TextSpan: Candidate]] = [:]
                for pair in group { options[pair.request, default: [:]][pair.candidate.span] = pair.candidate }
                if places.count > claims.count {
                    // Some claim fits two free places equally: a guess either way.
                    for claim in claims { settled[claim] = true }
                    continue
                }
                if places.count == claims.count, let match = oneToOne(claims, places, options) {
                    for (claim, place) in match { take(claim, options[claim]?[place]) }
                    continue
                }
                // Fewer places than claims (twins, one of them deleted): nearest first.
                let byDistance = group.sorted { a, b in
                    (abs(requests[a.request].hint - a.candidate.span.start), a.request, a.candidate.span)
                        < (abs(requests[b.request].hint - b.candidate.span.start), b.request, b.candidate.span)
                }
                for pair in byDistance where !settled[pair.request] && !taken.contains(pair.candidate.span) {
                    take(pair.request, pair.candidate)
                }
            }
        }

        mutating func take(_ claim: Int, _ candidate: Candidate?) {
            guard let candidate else { return }
            placed[claim] = candidate
            settled[claim] = true
            taken.insert(candidate.span)
        }

        /// The pairs split into groups joined by shared places.
        func groups(_ pairs: [(request: Int, candidate: Candidate)]) -> [[(request: Int, candidate: Candidate)]] {
            var root: [Int: Int] = [:]
            func find(_ claim: Int) -> Int {
                var node = claim
                while let parent = root[node], parent != node { node = parent }
                return node
            }
            var owner: [TextSpan: Int] = [:]
            for pair in pairs {
                if root[pair.request] == nil { root[pair.request] = pair.request }
                if let other = owner[pair.candidate.span] {
                    let (a, b) = (find(other), find(pair.request))
                    if a != b { root[max(a, b)] = min(a, b) }
                } else {
                    owner[pair.candidate.span] = pair.request
                }
            }
            var grouped: [Int: [(request: Int, candidate: Candidate)]] = [:]
            for pair in pairs { grouped[find(pair.request), default: []].append(pair) }
            return grouped.keys.sorted().compactMap { grouped[$0] }
        }

        /// Claims matched one to one with as many places: in order when order allows, else any
        /// perfect match (augmenting paths), else nil.
        func oneToOne(_ claims: [Int], _ places: [TextSpan], _ options: [Int: [TextSpan: Candidate]])
            -> [(Int, TextSpan)]?
        {
            let inOrder = Array(zip(claims, places))
            if inOrder.allSatisfy({ options[$0.0]?[$0.1] != nil }) { return inOrder }
            var holder: [TextSpan: Int] = [:]
            func augment(_ claim: Int, _ seen: inout Set<TextSpan>) -> Bool {
                for place in places where options[claim]?[place] != nil && !seen.contains(place) {
                    seen.insert(place)
                    if let other = holder[place] {
                        guard augment(other, &seen) else { continue }
                    }
                    holder[place] = claim
                    return true
                }
                return false
            }
            for claim in claims {
                var seen = Set<TextSpan>()
                guard augment(claim, &seen) else { return nil }
            }
            return holder.map { ($0.value, $0.key) }
        }
    }

    /// A selector's prefix and suffix as code point values read outward from the quote, each
    /// stopped at a line break or the body's edge, which it then ends in a mark.
    ///
    /// A paragraph's own text is its context; what stands beyond a line break is another
    /// paragraph's. So a paragraph moved whole keeps its context (a one-sentence paragraph, a
    /// claim at the start or end of one), and a paragraph break and the body's edge read alike.
    struct Context {
        /// Beyond any code point: a line break or the body's edge.
        static let edge: UInt32 = 0x11_0000
        static let lineBreak: UInt32 = 0x0A
        /// Extra code points of new text an alignment may span, for insertions.
        static let slack = 8
        let prefix: [UInt32]
        let suffix: [UInt32]

        init(_ selector: QuoteSelector) {
            // A selector's context is shorter than the context length only at the body's edge.
            let (before, after) = (selector.prefix.unicodeScalars, selector.suffix.unicodeScalars)
            prefix = Self.outward(before.reversed(), reachesEdge: before.count < QuoteSelector.contextLength)
            suffix = Self.outward(after, reachesEdge: after.count < QuoteSelector.contextLength)
        }

        /// `scalars` read outward up to a line break, then the mark; the mark after all of them
        /// when they run to the body's edge (`reachesEdge`).
        static func outward<S: Sequence<Unicode.Scalar>>(_ scalars: S, reachesEdge: Bool) -> [UInt32] {
            var values: [UInt32] = []
            for scalar in scalars {
                if scalar.value == lineBreak {
                    values.append(edge)
                    return values
                }
                values.append(scalar.value)
            }
            if reachesEdge { values.append(edge) }
            return values
        }

        func prefixAgreement(before start: Int, in text: [Unicode.Scalar]) -> Double {
            let from = max(0, start - prefix.count - Self.slack)
            let window = Self.outward(text[from..<start].reversed(), reachesEdge: from == 0)
            return agreement(anchoredDistance(prefix, window), prefix.count)
        }

        func suffixAgreement(after end: Int, in text: [Unicode.Scalar]) -> Double {
            let to = min(text.count, end + suffix.count + Self.slack)
            let window = Self.outward(text[end..<to], reachesEdge: to == text.count)
            return agreement(anchoredDistance(suffix, window), suffix.count)
        }

        /// The fewest edits turning `pattern` into a start of `window`: both begin at the quote,
        /// the window may run on.
        func anchoredDistance(_ pattern: [UInt32], _ window: [UInt32]) -> Int {
            guard !pattern.isEmpty else { return 0 }
            // The common case: the context is unchanged.
            if window.count >= pattern.count && window[0..<pattern.count] == pattern[...] { return 0 }
            return QuoteAnchor.anchoredDistances(pattern, window).min() ?? pattern.count
        }
    }

    /// For every `j`, the fewest edits turning `pattern` into `window[0..<j]`: both anchored at
    /// their start. Plain loops over buffers: it runs for every candidate, in debug builds too.
    static func anchoredDistances(_ pattern: [UInt32], _ window: [UInt32]) -> [Int] {
        let m = pattern.count
        let n = window.count
        var previous = [Int](repeating: 0, count: n + 1)
        var current = [Int](repeating: 0, count: n + 1)
        pattern.withUnsafeBufferPointer { pattern in
            window.withUnsafeBufferPointer { window in
                previous.withUnsafeMutableBufferPointer { first in
                    current.withUnsafeMutableBufferPointer { second in
                        var (previous, current) = (first, second)
                        var j = 0
                        while j <= n {
                            previous[j] = j
                            j += 1
                        }
                        var i = 1
                        while i <= m {
                            current[0] = i
                            let scalar = pattern[i - 1]
                            j = 1
                            while j <= n {
                                var value = previous[j - 1] + (scalar == window[j - 1] ? 0 : 1)
                                if previous[j] + 1 < value { value = previous[j] + 1 }
                                if current[j - 1] + 1 < value { value = current[j - 1] + 1 }
                                current[j] = value
                                j += 1
                            }
                            swap(&previous, &current)
                            i += 1
                        }
                    }
                }
            }
        }
        // After an even number of swaps the last row is back in `previous`; after an odd one, in `current`.
        return m % 2 == 0 ? previous : current
    }

    /// Start offsets of every occurrence of `needle` in `haystack`.
    static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in haystack: ArraySlice<Unicode.Scalar>) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        // Plain loops over buffers: every claim scans the whole body, in debug builds too.
        needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { haystack in
                let first = needle[0]
                let last = haystack.count - needle.count
                var index = 0
                while index <= last {
                    if haystack[index] == first {
                        var k = 1
                        while k < needle.count && haystack[index + k] == needle[k] { k += 1 }
                        if k == needle.count { result.append(index) }
                    }
                    index += 1
                }
            }
        }
        return result
    }

    /// Start offsets of every occurrence of `needle` in `haystack`.
    static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar]) -> [Int] {
        occurrences(of: needle, in: haystack[...])
    }

    /// The stretches between the selector's prefix and suffix, wherever both are found close
    /// together (16 code points of each, exactly).
    static func byContext(_ selector: QuoteSelector, exactLength: Int, in text: [Unicode.Scalar]) -> [TextSpan] {
        let prefix = Array(selector.prefix.unicodeScalars.suffix(16))
        let suffix = Array(selector.suffix.unicodeScalars.prefix(16))
        guard prefix.count >= 8, suffix.count >= 8 else { return [] }
        let maxGap = exactLength + exactLength / 2 + 16
        var spans: [TextSpan] = []
        for start in occurrences(of: prefix[...], in: text) {
            let from = start + prefix.count
            let window = text[from..<min(text.count, from + maxGap + suffix.count)]
            guard let gap = occurrences(of: suffix[...], in: window).first, gap > 0 else { continue }
            // Trim whitespace the edit may have left at either end.
            var (lower, upper) = (from, from + gap)
            while lower < upper && text[lower].properties.isWhitespace { lower += 1 }
            while upper > lower && text[upper - 1].properties.isWhitespace { upper -= 1 }
            if upper > lower { spans.append(TextSpan(start: lower, end: upper)) }
        }
        return spans
    }

    /// The largest edit distance at which a text of `length` code points still counts as found.
    static func limit(_ length: Int) -> Int { max(2, length / 5) }

    /// The Levenshtein distance of `a` and `b`, or nil when it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: ArraySlice<Unicode.Scalar>, limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let n = b.count
        var rows = [Int](repeating: 0, count: 2 * (n + 1))
        // Plain loops over buffers: this runs for many candidates, in debug builds too.
        let distance = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                rows.withUnsafeMutableBufferPointer { rows -> Int? in
                    var (previous, current) = (0, n + 1)
                    for j in 0...n { rows[j] = j }
                    for i in 1...a.count {
                        rows[current] = i
                        var rowMinimum = i
                        let scalar = a[i - 1]
                        var j = 1
                        while j <= n {
                            var value = rows[previous + j - 1] + (scalar == b[j - 1] ? 0 : 1)
                            if rows[previous + j] + 1 < value { value = rows[previous + j] + 1 }
                            if rows[current + j - 1] + 1 < value { value = rows[current + j - 1] + 1 }
                            rows[current + j] = value
                            if value < rowMinimum { rowMinimum = value }
                            j += 1
                        }
                        if rowMinimum > limit { return nil }
                        (previous, current) = (current, previous)
                    }
                    return rows[previous + n]
                }
            }
        }
        guard let distance, distance <= limit else { return nil }
        return distance
    }

    /// The Levenshtein distance of `a` and `b`, or nil when it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        editDistance(a, b[...], limit: limit)
    }

    /// Most candidates a fuzzy search returns: the closest.
    static let fuzzyCandidates = 8

    /// The stretches of `text` within a fifth of `pattern`'s length in edits (Sellers' algorithm):
    /// the closest stretch of each run of overlapping matches, with its distance.
    static func fuzzy(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [(TextSpan, Int)] {
        let m = pattern.count
        guard m >= 8, text.count * m <= fuzzyWorkLimit else { return [] }
        let limit = limit(m)
        // column[i]: distance of pattern[0..<i] to the best text stretch ending here; starts[i]: where it begins.
        var column = Array(0...m)
        var starts = Array(repeating: 0, count: m + 1)
        var runs: [(distance: Int, span: TextSpan)] = []
        var inRun = false
        // Plain loops over buffers: O(n·m) per claim not found otherwise, in debug builds too.
        pattern.withUnsafeBufferPointer { pattern in
            text.withUnsafeBufferPointer { text in
                column.withUnsafeMutableBufferPointer { column in
                    starts.withUnsafeMutableBufferPointer { starts in
                        var j = 0
                        while j < text.count {
                            let scalar = text[j]
                            var diagonal = column[0]
                            var diagonalStart = starts[0]
                            column[0] = 0
                            starts[0] = j + 1
                            var i = 1
                            while i <= m {
                                let above = column[i]
                                let aboveStart = starts[i]
                                var value = diagonal + (pattern[i - 1] == scalar ? 0 : 1)
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
                                i += 1
                            }
                            if column[m] <= limit {
                                let span = TextSpan(start: starts[m], end: j + 1)
                                if inRun, let last = runs.last, last.span.overlaps(span) {
                                    if column[m] < last.distance { runs[runs.count - 1] = (column[m], span) }
                                } else {
                                    runs.append((column[m], span))
                                }
                                inRun = true
                            } else {
                                inRun = false
                            }
                            j += 1
                        }
                    }
                }
            }
        }
        let closest = runs.sorted { ($0.distance, $0.span) < ($1.distance, $1.span) }.prefix(fuzzyCandidates)
        return closest.map { run in trimmedStart(run, pattern, in: text, limit: limit) }
    }

    /// Equal-cost alignments can start a few code points early ("t: roughly" for "roughly"): the
    /// start with the lowest distance, preferring one at the start of a word.
    static func trimmedStart(
        _ run: (distance: Int, span: TextSpan), _ pattern: [Unicode.Scalar], in text: [Unicode.Scalar], limit: Int
    ) -> (TextSpan, Int) {
        let found = run.span
        // Every start's distance at once: the pattern and the stretch read backwards from its end.
        let distances = anchoredDistances(
            pattern.reversed().map(\.value), text[found.start..<found.end].reversed().map(\.value))
        var choice = (distance: run.distance, atWord: false, start: found.start)
        var first = true
        for start in found.start...max(found.start, min(found.end - 1, found.start + limit)) {
            let distance = distances[found.end - start]
            guard distance <= limit else { continue }
            let atWord =
                (start == 0 || !text[start - 1].properties.isAlphabetic) && text[start].properties.isAlphabetic
                || text[start].properties.numericType != nil
            if first || distance < choice.distance || (distance == choice.distance && atWord && !choice.atWord) {
                choice = (distance, atWord, start)
                first = false
            }
        }
        return (TextSpan(start: choice.start, end: found.end), choice.distance)
    }
}
