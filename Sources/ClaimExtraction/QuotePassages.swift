import ClaimCore

/// A quotation often runs over several sentences, with its cue in the middle: “I was hired to bring my
/// expertise,” he said. “In that role, I’ve commented on all the candidates.” The sentence with the cue
/// is found by ``QuoteRecognizer``; this widens its claim to the whole quotation, in the same paragraph:
/// back to the opening mark of a quotation that began in an earlier sentence, and on through a quotation
/// that opens the next sentence and has no cue of its own. Marks are “ ”, straight `"` and `''`.
enum QuotePassages {
    /// How far from a claim a quotation's marks are looked for: a paragraph of hostile length stays linear.
    static let reach = 3_000

    /// Widens each quote claim of `claims` (claims of `scalars`, in any order) to its whole quotation.
    static func widen(_ claims: inout [CandidateClaim], in scalars: [Unicode.Scalar]) {
        let quoteStarts = claims.filter { $0.kind == .quote }.map(\.span.start).sorted()
        for index in claims.indices where claims[index].kind == .quote {
            var claim = claims[index]
            if let start = openingBefore(claim.span, in: scalars) {
                claim.sentence = claim.sentence.map { TextSpan(start: min($0.start, start), end: $0.end) }
                claim.span = TextSpan(start: start, end: claim.span.end)
            }
            if let end = continuation(after: claim, in: scalars, quoteStarts: quoteStarts) {
                claim.sentence = claim.sentence.map { TextSpan(start: $0.start, end: max($0.end, end)) }
                claim.span = TextSpan(start: claim.span.start, end: end)
            }
            if claim.span != claims[index].span {
                claim.text = ScalarStrings.string(scalars[claim.span.start..<claim.span.end])
                claims[index] = claim
            }
        }
    }

    enum Mark {
        case opening
        case closing
    }

    /// The quote mark at `index` and its length, if one is there.
    static func mark(at index: Int, in scalars: [Unicode.Scalar]) -> (mark: Mark, length: Int)? {
        let scalar = scalars[index]
        switch scalar {
        case "\u{201C}": return (.opening, 1)
        case "\u{201D}": return (.closing, 1)
        case "\"", "'":
            let length = scalar == "'" ? 2 : 1
            if scalar == "'" {
                guard index + 1 < scalars.count, scalars[index + 1] == "'",
                    index == 0 || scalars[index - 1] != "'", index + 2 >= scalars.count || scalars[index + 2] != "'"
                else { return nil }
            }
            let opens = index == 0 || [" ", "\n", "\t", "(", "[", "\u{2014}"].contains(scalars[index - 1])
            return (opens ? .opening : .closing, length)
        default: return nil
        }
    }

    /// When the claim's first quote mark closes a quotation, the start of the opening mark before it in
    /// the same paragraph.
    static func openingBefore(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Int? {
        var index = span.start
        while index < span.end {
            if scalars[index] == "\n" { return nil }
            if let (mark, length) = mark(at: index, in: scalars) {
                guard mark == .closing else { return nil }
                break
            }
            index += 1
        }
        guard index < span.end else { return nil }
        var depth = 0
        var position = span.start - 1
        let limit = max(0, span.start - reach)
        while position >= limit {
            if scalars[position] == "\n" { return nil }
            // A `''` is seen at its first apostrophe.
            if scalars[position] == "'", position > 0, scalars[position - 1] == "'" {
                position -= 1
                continue
            }
            if let (mark, _) = mark(at: position, in: scalars) {
                if mark == .closing {
                    depth += 1
                } else if depth == 0 {
                    return position
                } else {
                    depth -= 1
                }
            }
            position -= 1
        }
        return nil
    }

    /// When the claim ends with its cue ("…,” he said") and the next sentence of the paragraph opens a
    /// quotation that no other quote claim starts in, the end of that quotation's closing mark.
    static func continuation(after claim: CandidateClaim, in scalars: [Unicode.Scalar], quoteStarts: [Int]) -> Int? {
        guard let sentence = claim.sentence, claim.span.end <= sentence.end, claim.span.end > claim.span.start,
            mark(at: claim.span.end - 1, in: scalars) == nil,
            !(claim.span.end - 2 >= 0 && mark(at: claim.span.end - 2, in: scalars) != nil)
        else { return nil }
        // The rest of the claim's sentence holds no quote mark; then only spaces before the opening mark.
        var index = claim.span.end
        while index < sentence.end {
            if scalars[index] == "\n" || mark(at: index, in: scalars) != nil { return nil }
            index += 1
        }
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
        guard index < scalars.count, let (opening, length) = mark(at: index, in: scalars), opening == .opening else {
            return nil
        }
        let quoteStart = index
        index += length
        var depth = 0
        let limit = min(scalars.count, quoteStart + reach)
        while index < limit {
            if scalars[index] == "\n" { return nil }
            if let (mark, length) = mark(at: index, in: scalars) {
                if mark == .opening {
                    depth += 1
                } else if depth == 0 {
                    let end = index + length
                    // Another quote claim inside: that quotation has a cue of its own.
                    if hasStart(in: quoteStart..<end, quoteStarts) { return nil }
                    return end
                } else {
                    depth -= 1
                }
                index += length
                continue
            }
            index += 1
        }
        return nil
    }

    /// Whether a sorted list of starts has one in `range`.
    private static func hasStart(in range: Range<Int>, _ starts: [Int]) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] < range.upperBound
    }
}
