import ClaimCore

/// Splits a body into sentences, keeping headings, list items and quoted endings intact.
public enum SentenceSplitter {
    /// The sentences holding `span`, as one span widened to hold all of it; `span` itself when none
    /// does. `sentences` are ``sentences(in:)``'s, in reading order: a binary search finds the
    /// first, so a report splits an article once for all its claims.
    public static func sentence(around span: TextSpan, in sentences: [TextSpan]) -> TextSpan {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].end <= span.start && !sentences[middle].contains(span) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let hits = sentences[low...].prefix { $0.start < span.end || $0.contains(span) }
            .filter { $0.overlaps(span) || $0.contains(span) }
        guard let first = hits.first, let last = hits.last else { return span }
        return TextSpan(start: min(first.start, span.start), end: max(last.end, span.end))
    }

    /// Sentence spans (code-point offsets, half-open) in reading order, whitespace trimmed.
    public static func sentences(in text: ScalarText) -> [TextSpan] {
        units(in: text.scalars).map(\.span)
    }

    /// The sentences of `scalars` with what the extractor needs to know about their lines.
    static func units(in scalars: [Unicode.Scalar]) -> [SentenceUnit] {
        let lines = Line.lines(in: scalars)
        var units: [SentenceUnit] = []
        var index = 0
        while index < lines.count {
            let first = lines[index]
            if first.isBlank {
                index += 1
                continue
            }
            var last = index
            while last + 1 < lines.count, joins(lines[last], lines[last + 1], scalars: scalars) {
                last += 1
            }
            let segment = TextSpan(start: first.contentStart, end: lines[last].contentEnd)
            for span in split(segment, in: scalars) {
                units.append(
                    SentenceUnit(
                        span: span, lineStart: first.contentStart, isBullet: first.isBullet,
                        isTerminated: isTerminated(span, in: scalars)))
            }
            index = last + 1
        }
        return units
    }

    /// Whether `next` continues the sentence of `line` (a hard-wrapped paragraph).
    private static func joins(_ line: Line, _ next: Line, scalars: [Unicode.Scalar]) -> Bool {
        if line.isBlank || next.isBlank || next.isBullet { return false }
        guard let lastScalar = lastVisible(before: line.contentEnd, from: line.contentStart, in: scalars),
            !isTerminal(lastScalar.scalar) && !Scalars.isClosingQuote(lastScalar.scalar)
                && lastScalar.scalar != "\"" && lastScalar.scalar != ":"
        else { return false }
        let nextFirst = scalars[next.contentStart]
        if Scalars.isLower(nextFirst) || Scalars.isDigit(nextFirst) { return true }
        if lastScalar.scalar == "," || lastScalar.scalar == "-" { return true }
        // A long line that is not title case is wrapped prose, not a heading.
        return line.contentEnd - line.contentStart >= 60 && !isTitleCase(line, in: scalars)
    }

    private static func isTitleCase(_ line: Line, in scalars: [Unicode.Scalar]) -> Bool {
        let words = Tokenizer.tokens(in: scalars, span: TextSpan(start: line.contentStart, end: line.contentEnd))
            .filter { $0.isWord && $0.lower.unicodeScalars.count > 3 }
        guard !words.isEmpty else { return false }
        return words.filter(\.isCapitalized).count * 10 >= words.count * 7
    }

    /// Sentence-ending marks: `.` `!` `?` `…` (a switch: hashing each scalar into a `Set` cost more than
    /// the rest of the splitter).
    private static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Letters lie above `?`: one comparison settles nearly every scalar.
        if value > 63 { return value == 0x2026 }
        return value == 46 || value == 33 || value == 63
    }

    /// Marks that may follow a sentence end and still belong to the sentence: closing quotes and brackets.
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{201D}", "\u{2019}", "\"", "'", ")", "]", "\u{00BB}": true
        default: false
        }
    }

    /// Splits one paragraph segment at sentence-ending punctuation.
    private static func split(_ segment: TextSpan, in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        var sentenceStart = segment.start
        var index = segment.start
        while index < segment.end {
            let scalar = scalars[index]
            guard isTerminal(scalar) else {
                index += 1
                continue
            }
            let markStart = index
            while index < segment.end && isTerminal(scalars[index]) { index += 1 }
            let markRun = index - markStart
            while index < segment.end && isCloser(scalars[index]) { index += 1 }
            let sentenceEnd = index
            guard index == segment.end || Scalars.isSpace(scalars[index]) else { continue }
            var next = index
            while next < segment.end && Scalars.isSpace(scalars[next]) { next += 1 }
            if next < segment.end
                && !isBoundary(
                    markStart: markStart, isSinglePeriod: markRun == 1 && scalar == ".", nextStart: next,
                    in: scalars, segmentEnd: segment.end)
            {
                continue
            }
            appendTrimmed(TextSpan(start: sentenceStart, end: sentenceEnd), in: scalars, to: &spans)
            sentenceStart = next
            index = next
        }
        if sentenceStart < segment.end {
            appendTrimmed(TextSpan(start: sentenceStart, end: segment.end), in: scalars, to: &spans)
        }
        return spans
    }

    private static func isBoundary(
        markStart: Int, isSinglePeriod: Bool, nextStart: Int, in scalars: [Unicode.Scalar], segmentEnd: Int
    ) -> Bool {
        let next = scalars[nextStart]
        if Scalars.isLower(next) || next == "," || next == ";" || next == ":" { return false }
        guard isSinglePeriod else { return true }
        let word = wordBefore(markStart, in: scalars)
        let nextWord = wordAfter(nextStart, in: scalars, end: segmentEnd)
        if Abbreviations.titles.contains(word) { return false }
        if word == "no" && Scalars.isDigit(next) { return false }
        if Abbreviations.months.contains(word) {
            return !Scalars.isDigit(next) && Abbreviations.starters.contains(nextWord)
        }
        // Counted, not filtered into a new string.
        let letterCount = word.unicodeScalars.reduce(0) { $1 != "." ? $0 + 1 : $0 }
        if letterCount == 1 && word.unicodeScalars.count == 1 && markStart >= 2
            && Scalars.isDigit(scalars[markStart - 2])
        {
            return true  // "£250m."
        }
        if letterCount == 1 && word.unicodeScalars.count == 1 {
            // An initial ("J. K. Rowling"), unless a sentence plainly starts next.
            return Abbreviations.starters.contains(nextWord) && Scalars.isUpper(scalars[markStart - 1]) == false
        }
        if word.unicodeScalars.contains(".") || Abbreviations.companies.contains(word) {
            return Abbreviations.starters.contains(nextWord)
        }
        return true
    }

    /// The lower-cased word (letters and inner periods) ending just before `offset`.
    private static func wordBefore(_ offset: Int, in scalars: [Unicode.Scalar]) -> String {
        var start = offset
        while start > 0
            && (Scalars.isLetter(scalars[start - 1])
                || (scalars[start - 1] == "." && start - 1 > 0 && Scalars.isLetter(scalars[start - 2])))
        {
            start -= 1
        }
        return ScalarStrings.string(scalars[start..<offset], lowercased: true)
    }

    private static func wordAfter(_ offset: Int, in scalars: [Unicode.Scalar], end: Int) -> String {
        var stop = offset
        while stop < end && Scalars.isLetter(scalars[stop]) { stop += 1 }
        return ScalarStrings.string(scalars[offset..<stop], lowercased: true)
    }

    private static func appendTrimmed(_ span: TextSpan, in scalars: [Unicode.Scalar], to spans: inout [TextSpan]) {
        var start = span.start
        var end = span.end
        while start < end && Scalars.isSpace(scalars[start]) { start += 1 }
        while end > start && Scalars.isSpace(scalars[end - 1]) { end -= 1 }
        if end > start { spans.append(TextSpan(start: start, end: end)) }
    }

    private static func lastVisible(before end: Int, from start: Int, in scalars: [Unicode.Scalar]) -> (
        scalar: Unicode.Scalar, offset: Int
    )? {
        var index = end
        while index > start {
            index -= 1
            if !Scalars.isSpace(scalars[index]) { return (scalars[index], index) }
        }
        return nil
    }

    /// Whether the span ends in sentence punctuation, possibly inside closing quotes.
    private static func isTerminated(_ span: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
        var index = span.end
        while index > span.start && isCloser(scalars[index - 1]) { index -= 1 }
        return index > span.start && isTerminal(scalars[index - 1])
    }
}

/// A sentence with the facts about its line that decide whether it can be a claim.
struct SentenceUnit: Sendable {
    let span: TextSpan
    /// Where the text of the sentence's first line begins (after any bullet marker).
    let lineStart: Int
    let isBullet: Bool
    /// Whether it ends in `.`, `!`, `?` or `…` (possibly inside closing quotes).
    let isTerminated: Bool
}

/// One line of a body: its content without indentation, bullet marker or trailing space.
struct Line: Sendable {
    let contentStart: Int
    let contentEnd: Int
    let isBullet: Bool

    var isBlank: Bool { contentStart >= contentEnd }

    static func lines(in scalars: [Unicode.Scalar]) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        // One load and, for nearly every scalar, one comparison: line breaks are `\n` (10), U+2028, U+2029.
        scalars.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let value = buffer[index].value
                guard value == 10 || (value >= 0x2028 && value <= 0x2029) else { continue }
                lines.append(line(from: lineStart, to: index, in: scalars))
                lineStart = index + 1
            }
        }
        lines.append(line(from: lineStart, to: scalars.count, in: scalars))
        return lines
    }

    private static func isBulletMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{2022}", "\u{2023}", "\u{25E6}", "\u{25AA}", "\u{25CF}", "*", "-", "\u{2013}", "\u{2014}": true
        default: false
        }
    }

    private static func line(from start: Int, to end: Int, in scalars: [Unicode.Scalar]) -> Line {
        var contentStart = start
        while contentStart < end && Scalars.isSpace(scalars[contentStart]) { contentStart += 1 }
        var contentEnd = end
        while contentEnd > contentStart && Scalars.isSpace(scalars[contentEnd - 1]) { contentEnd -= 1 }
        var isBullet = false
        if contentStart < contentEnd {
            let first = scalars[contentStart]
            if isBulletMark(first) && contentStart + 1 < contentEnd
                && Scalars.isSpace(scalars[contentStart + 1])
            {
                isBullet = true
                contentStart += 1
            } else if Scalars.isDigit(first) {
                var digitEnd = contentStart
                while digitEnd < contentEnd && Scalars.isDigit(scalars[digitEnd]) { digitEnd += 1 }
                if digitEnd - contentStart <= 2 && digitEnd + 1 < contentEnd
                    && (scalars[digitEnd] == "." || scalars[digitEnd] == ")") && Scalars.isSpace(scalars[digitEnd + 1])
                {
                    isBullet = true
                    contentStart = digitEnd + 1
                }
            }
            while contentStart < contentEnd && Scalars.isSpace(scalars[contentStart]) { contentStart += 1 }
        }
        return Line(contentStart: contentStart, contentEnd: contentEnd, isBullet: isBullet)
    }
}

/// Abbreviations whose period does not (or need not) end a sentence.
enum Abbreviations {
    /// Titles and Latin abbreviations: never a sentence end.
    static let titles: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
        "mt", "rev", "hon", "fr", "messrs", "vs", "v", "e.g", "i.e", "cf", "approx", "fig", "no", "nos", "vol",
        "pp", "ft", "supt", "insp", "cllr", "dept", "est",
    ]
    /// Month abbreviations: a sentence end only before a plain sentence starter.
    static let months: WordSet = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Company and list abbreviations that often end a sentence.
    static let companies: WordSet = ["inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "al"]
    /// Words that plainly begin a new sentence after an ambiguous period.
    static let starters: WordSet = [
        "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there",
        "but", "and", "in", "on", "at", "for", "however", "meanwhile", "his", "her", "their", "our", "shares",
        "analysts", "officials", "if", "as", "when", "while", "after", "last", "earlier", "some", "many",
    ]
}
