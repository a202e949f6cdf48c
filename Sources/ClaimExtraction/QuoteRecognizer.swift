import ClaimCore

/// Finds quotations and reported speech with a speaker: "described by Putin as a “CIA project”",
/// "“…,” the minister said", "according to the ministry, …", "X said that …".
struct QuoteRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        let pairs = quotePairs(in: sentence)
        if !pairs.isEmpty {
            let quotes = pairs.compactMap { direct($0, in: sentence) }
            // A quoted phrase inside reported speech ("Mr. Obama said a majority … believe “that …”").
            if !quotes.isEmpty { return quotes }
        }
        return reported(in: sentence).map { [$0] } ?? []
    }

    // MARK: Direct quotations

    /// A quotation's marks: `open` is the last token of the opening mark (-1 when the quote began in an
    /// earlier sentence) and `openStart` its first; `close` the last token of the closing mark.
    private struct QuotePair {
        var open: Int
        var openStart: Int
        var close: Int
    }

    /// The quotations of a sentence. Marks are “ ”, straight `"`, and two apostrophes `''` (as some
    /// newspapers print them).
    private func quotePairs(in sentence: Sentence) -> [QuotePair] {
        var pairs: [QuotePair] = []
        var open: (start: Int, last: Int)?
        var index = 0
        while index < sentence.count {
            defer { index += 1 }
            guard sentence[index].kind == .punct else { continue }
            let mark = sentence[index].first
            let doubled =
                mark == "'" && index + 1 < sentence.count && sentence[index + 1].isPunct("'")
                && sentence[index + 1].start == sentence[index].end
            guard mark == "\u{201C}" || mark == "\u{201D}" || mark == "\"" || doubled else { continue }
            let last = doubled ? index + 1 : index
            let isStraight = mark == "\"" || doubled
            if mark == "\u{201C}" || (isStraight && open == nil && Self.opens(sentence[index], in: sentence)) {
                open = (index, last)
            } else {
                pairs.append(QuotePair(open: open?.last ?? -1, openStart: open?.start ?? -1, close: last))
                open = nil
            }
            index = last
        }
        if let open { pairs.append(QuotePair(open: open.last, openStart: open.start, close: sentence.count)) }
        return pairs
    }

    /// Whether a straight `"` opens a quotation: at the sentence's start or after a space or a bracket; one
    /// after a word or a comma ("… overwhelmed," she said) closes a quotation begun in an earlier sentence.
    static func opens(_ mark: Token, in sentence: Sentence) -> Bool {
        guard mark.start > sentence.span.start else { return true }
        let before = sentence.body.scalars[mark.start - 1]
        return before == " " || before == "\n" || before == "\t" || before == "(" || before == "["
    }

    private func direct(_ pair: QuotePair, in sentence: Sentence) -> Finding? {
        var contentLast = pair.close - 1
        while contentLast > pair.open && sentence[contentLast].kind == .punct && !sentence[contentLast].isPunct(")") {
            contentLast -= 1
        }
        let contentFirst = pair.open + 1
        guard contentLast >= contentFirst else { return nil }
        let quote = sentence.text(contentFirst, contentLast)
        guard let cue = cueAfter(pair.close, in: sentence) ?? cueBefore(pair.openStart, in: sentence) else {
            return nil
        }
        let lowered = cue.speaker.lowercased()
        guard !Self.pronouns.contains(lowered) || Self.personalPronouns.contains(lowered) else { return nil }
        let first = min(max(pair.openStart, 0), cue.first)
        let last = max(min(pair.close, sentence.count - 1), cue.last)
        return Finding(
            kind: .quote, span: sentence.span(first, last), anchor: sentence.span(max(pair.openStart, 0), contentLast),
            fields: ["speaker": .string(cue.speaker), "quote": .string(quote)], prior: 0.6)
    }

    private struct Cue {
        let speaker: String
        let first: Int
        let last: Int
    }

    /// "…,” the minister said" or "…,” said Richard Parsons".
    private func cueAfter(_ close: Int, in sentence: Sentence) -> Cue? {
        var position = close + 1
        if position < sentence.count && sentence[position].isPunct(",") { position += 1 }
        guard position < sentence.count else { return nil }
        if sentence.lower(position, isIn: .speechVerb) {
            let end = sentence.clauseEnd(from: position + 1)
            guard end > position else { return nil }
            return Cue(speaker: speakerName(position + 1, end, in: sentence), first: position, last: end)
        }
        if sentence.matches(Self.accordingTo, at: position) {
            let end = sentence.clauseEnd(from: position + 2)
            guard end >= position + 2 else { return nil }
            return Cue(speaker: sentence.text(position + 2, end), first: position, last: end)
        }
        var verb = position
        // Words up to the verb; a period only after a short capitalised title ("Mr. Trump said").
        while verb < sentence.count && verb - position < 8
            && (sentence[verb].isWord
                || (sentence[verb].isPunct(".") && verb > position && sentence[verb - 1].isCapitalized
                    && sentence[verb - 1].text.count <= 4))
            && !sentence.lower(verb, isIn: .speechVerb)
        {
            verb += 1
        }
        guard verb < sentence.count, verb > position, sentence.lower(verb, isIn: .speechVerb) else {
            return nil
        }
        guard let speaker = coordinated(speakerName(position, verb - 1, in: sentence), in: sentence) else { return nil }
        return Cue(speaker: speaker, first: position, last: verb)
    }

    /// "The minister said: “…”", "described by Putin as a “…”".
    private func cueBefore(_ open: Int, in sentence: Sentence) -> Cue? {
        guard open > 0 else { return nil }
        var position = open - 1
        if sentence[position].isPunct(":") || sentence[position].isPunct(",") { position -= 1 }
        if ["a", "an", "the"].contains(sentence.lower(position)) { position -= 1 }
        guard position >= 0 else { return nil }
        if sentence.lower(position) == "as" {
            // "<verb> by <speaker> as": a description attributed to someone.
            let window = max(0, position - 8)..<position
            if let by = window.last(where: { sentence.lower($0) == "by" }), by + 1 < position,
                sentence.lower(by - 1, isIn: Self.describeVerbs)
            {
                var first = by - 1
                if sentence.lower(first - 1) == "once" || sentence.lower(first - 1).hasSuffix("ly") { first -= 1 }
                return Cue(speaker: sentence.text(by + 1, position - 1), first: first, last: position)
            }
            if let verb = window.last(where: { sentence.lower($0, isIn: Self.describeVerbs) }),
                let speaker = sentence.subject(ofVerbAt: verb)
            {
                return Cue(speaker: speaker, first: subjectStart(verb, in: sentence), last: position)
            }
            return nil
        }
        let window = max(0, position - 4)...position
        guard let verb = window.last(where: { sentence.lower($0, isIn: .speechVerb) }),
            let subject = sentence.subject(ofVerbAt: verb), let speaker = coordinated(subject, in: sentence)
        else { return nil }
        return Cue(speaker: speaker, first: subjectStart(verb, in: sentence), last: position)
    }

    // MARK: Reported speech

    /// "X said (that) …", "according to X, …", "…, the company said".
    private func reported(in sentence: Sentence) -> Finding? {
        let accordingTo = Self.accordingTo
        if let according = (0..<sentence.count).first(where: { sentence.matches(accordingTo, at: $0) }) {
            let speakerEnd = sentence.clauseEnd(from: according + 2)
            guard speakerEnd >= according + 2 else { return nil }
            let speaker = sentence.text(according + 2, speakerEnd)
            let content: (Int, Int)? =
                according <= 1
                ? (speakerEnd + 2, lastContent(in: sentence))
                : (0, according - 1)
            guard let (first, last) = content, let last = trimmed(first, last, in: sentence), last - first >= 2 else {
                return nil
            }
            return Finding(
                kind: .quote, span: sentence.span(min(first, according), max(last, speakerEnd)),
                anchor: sentence.span(according, speakerEnd),
                fields: ["speaker": .string(speaker), "quote": .string(sentence.text(first, last))], prior: 0.55)
        }
        for verb in 0..<sentence.count where sentence.lower(verb, isIn: .reportVerb) {
            if let finding = reported(verb: verb, in: sentence) { return finding }
        }
        return nil
    }

    /// The reported speech that the report verb at `verb` cues, if any.
    private func reported(verb: Int, in sentence: Sentence) -> Finding? {
        // "…, the company said."
        if verb >= sentence.count - 4, let comma = (0..<verb).last(where: { sentence[$0].isPunct(",") }), comma >= 4 {
            let speakerRange =
                sentence.lower(comma + 1) == sentence.lower(verb)
                ? (verb + 1, lastContent(in: sentence)) : (comma + 1, verb - 1)
            guard speakerRange.1 >= speakerRange.0, let last = trimmed(0, comma - 1, in: sentence) else { return nil }
            let speaker = speakerName(speakerRange.0, speakerRange.1, in: sentence)
            guard isSpeaker(speaker) else { return nil }
            return Finding(
                kind: .quote, span: sentence.span(0, lastContent(in: sentence)), anchor: sentence.span(verb, verb),
                fields: ["speaker": .string(speaker), "quote": .string(sentence.text(0, last))], prior: 0.55)
        }
        guard let subject = sentence.subject(ofVerbAt: verb), isSpeaker(subject) else { return nil }
        guard let speaker = appositionHead(before: verb, in: sentence) ?? coordinated(subject, in: sentence) else {
            return nil
        }
        var contentStart = verb + 1
        if let that = (verb + 1..<min(sentence.count, verb + 7)).first(where: { sentence.lower($0) == "that" }),
            !(verb + 1..<that).contains(where: { sentence.isClauseBreak($0) })
        {
            contentStart = that + 1
        } else if ["told", "tells"].contains(sentence.lower(verb)),
            let to = (verb + 2..<min(sentence.count, verb + 6)).first(where: { sentence.lower($0) == "to" }),
            !(verb + 1..<to).contains(where: { sentence.isClauseBreak($0) })
        {
            // "Mr. Obama told his advisers to figure out …": the instruction is the content.
            contentStart = to
        } else if !(sentence.lower(verb) == "said" || sentence.lower(verb) == "says")
            || sentence.lower(verb + 1, isIn: Self.nonContentStarts)
        {
            return nil
        }
        guard let last = trimmed(contentStart, lastContent(in: sentence), in: sentence), last - contentStart >= 2 else {
            return nil
        }
        return Finding(
            kind: .quote, span: sentence.span(subjectStart(verb, in: sentence), last),
            anchor: sentence.span(verb, verb),
            fields: ["speaker": .string(speaker), "quote": .string(sentence.text(contentStart, last))], prior: 0.55)
    }

    // MARK: Helpers

    private func lastContent(in sentence: Sentence) -> Int {
        var last = sentence.count - 1
        while last > 0 && sentence[last].kind == .punct && !sentence[last].isPunct(")") { last -= 1 }
        return last
    }

    private func trimmed(_ first: Int, _ last: Int, in sentence: Sentence) -> Int? {
        var last = last
        while last >= first && sentence[last].kind == .punct && !sentence[last].isPunct(")") { last -= 1 }
        return last >= first ? last : nil
    }

    private func subjectStart(_ verb: Int, in sentence: Sentence) -> Int {
        var start = sentence.clauseStart(before: verb)
        while start < verb
            && (sentence[start].kind == .punct || sentence.lower(start, isIn: .discourseAdverb))
        {
            start += 1
        }
        return min(start, verb)
    }

    /// A subject that is only a conjunction ("Trump called her … and said"): the sentence's main subject
    /// when it names someone; nil when it does not. Any other subject as it is.
    private func coordinated(_ subject: String, in sentence: Sentence) -> String? {
        guard Self.conjunctions.contains(subject.lowercased()) else { return subject }
        guard let main = sentence.mainSubject() else { return nil }
        let owner = sentence.text(main.lowerBound, main.upperBound)
        return isSpeaker(owner) && !Self.conjunctions.contains(owner.lowercased()) ? owner : nil
    }

    static let conjunctions: WordSet = ["and", "but", "or", "and then", "but also"]

    /// "Ian Shepherdson, chief US economist at High Frequency Economics, said": the name an apposition
    /// describes, when it opens the sentence; nil otherwise.
    private func appositionHead(before verb: Int, in sentence: Sentence) -> String? {
        guard verb >= 4, sentence[verb - 1].isPunct(",") else { return nil }
        guard let open = (max(1, verb - 14)..<(verb - 1)).last(where: { sentence[$0].isPunct(",") }),
            open + 1 < verb - 1
        else { return nil }
        // "The Turkish economics minister, Ali Babacan, said": the name between the commas.
        if verb - 1 - (open + 1) <= 4,
            (open + 1..<(verb - 1)).allSatisfy({ sentence[$0].isCapitalized && sentence[$0].kind == .word })
        {
            return sentence.text(open + 1, verb - 2)
        }
        let first = SpeakerResolver.leadingWords.contains(sentence[0]) ? 1 : 0
        guard open - first >= 1, open - first <= 4, !sentence[open + 1].isCapitalized,
            (first..<open).allSatisfy({ sentence[$0].isCapitalized && sentence[$0].kind == .word })
        else { return nil }
        return sentence.text(first, open - 1)
    }

    /// The speaker as written, or the trailing name of a long title ("chief executive Richard Parsons").
    private func speakerName(_ first: Int, _ last: Int, in sentence: Sentence) -> String {
        if last - first >= 4 {
            var nameStart = last
            while nameStart > first && sentence[nameStart - 1].isCapitalized { nameStart -= 1 }
            if sentence[last].isCapitalized && nameStart < last { return sentence.text(nameStart, last) }
        }
        return sentence.text(first, last)
    }

    /// Whether a reported-speech subject names someone (not a pronoun or a long clause).
    private func isSpeaker(_ speaker: String) -> Bool {
        // An ASCII speaker (nearly all): the same tests on its bytes.
        let ascii = Self.withASCIIWords(of: speaker) { words, original, lowered in
            guard !words.isEmpty, words.count <= 6 else { return false }
            if Self.personalPronouns.contains(utf8: lowered) { return true }
            guard !Self.pronouns.contains(utf8: lowered) else { return false }
            return original.contains { $0 >= 65 && $0 <= 90 }
                || words.contains { Self.speakerNouns.contains(utf8: UnsafeBufferPointer(rebasing: lowered[$0])) }
        }
        if let ascii { return ascii }
        let words = Self.words(of: speaker)
        guard !words.isEmpty, words.count <= 6 else { return false }
        let lowered = speaker.lowercased()
        if Self.personalPronouns.contains(lowered) { return true }
        guard !Self.pronouns.contains(lowered) else { return false }
        return speaker.unicodeScalars.contains { Scalars.isUpper($0) }
            || words.contains { Self.contains(lowercased: $0, in: Self.speakerNouns) }
    }

    static let accordingTo = Phrase("according to")
    /// Verbs that cue a direct quotation ("…,” she noted): the words learned from PolNeAR's training
    /// articles (``QuoteCueLexicon``) and a few written here.
    static let speechVerbs = WordSet(
        learnedCues + [
            "said", "says", "say", "told", "added", "explained", "warned", "stated", "argued", "claimed", "insisted",
            "wrote", "declared", "remarked", "noted", "asked", "replied", "announced", "tweeted", "writes", "adds",
        ])
    /// Verbs that report speech ("X noted that …"): the learned cue words and a few written here.
    static let reportVerbs = WordSet(
        learnedCues + [
            "said", "says", "say", "told", "tells", "wrote", "writes", "added", "explained", "stated", "announced",
            "claimed", "argued", "warned", "insisted", "confirmed",
            "denied", "admitted", "estimated", "reported", "alleged",
        ])
    /// The learned cue words; "according" has its own rule ("according to X").
    static let learnedCues = (QuoteCueLexicon.embedded?.cues ?? []).filter { $0 != "according" }
    static let describeVerbs: WordSet = [
        "described", "called", "branded", "dubbed", "labelled", "labeled", "termed", "denounced", "characterised",
        "characterized", "hailed", "derided", "dismissed",
    ]
    /// Whether a speaker reads as a named person a later "he" or "she" can refer to ("Mr. Obama",
    /// "Richard Parsons"), not an organisation or a group.
    static func isPerson(_ speaker: String) -> Bool {
        // An ASCII speaker (nearly all): the same tests on its bytes.
        let ascii = withASCIIWords(of: speaker) { words, original, lowered in
            guard let last = words.last, words.count <= 5, original[last.lowerBound] >= 65,
                original[last.lowerBound] <= 90
            else { return false }
            return !words.contains { organisationWords.contains(utf8: UnsafeBufferPointer(rebasing: lowered[$0])) }
        }
        if let ascii { return ascii }
        let words = words(of: speaker)
        guard let last = words.last, words.count <= 5, let first = last.unicodeScalars.first, Scalars.isUpper(first)
        else { return false }
        return !words.contains { Self.contains(lowercased: $0, in: Self.organisationWords) }
    }

    /// `words.contains(word.lowercased())`; an ASCII word is lower-cased on the stack, not into a `String`.
    static func contains(lowercased word: Substring, in words: WordSet) -> Bool {
        let answer = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
                for (offset, byte) in bytes.enumerated() {
                    lowered[offset] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return words.contains(utf8: UnsafeBufferPointer(lowered))
            }
        }
        return (answer ?? nil) ?? words.contains(word.lowercased())
    }

    /// Runs `body` with the words of an ASCII `text` (byte ranges of its UTF-8, split as ``words(of:)``
    /// splits them), its bytes and its lower-cased bytes; nil when `text` is not ASCII.
    ///
    /// ``isSpeaker(_:)`` and ``isPerson(_:)`` answer on these, as their `String` code would, without a
    /// `Substring` or a lower-cased `String` per word.
    static func withASCIIWords<Result>(
        of text: String,
        _ body: (_ words: [Range<Int>], _ original: UnsafeBufferPointer<UInt8>, _ lowered: UnsafeBufferPointer<UInt8>)
            -> Result
    ) -> Result? {
        var text = text
        return text.withUTF8 { original -> Result? in
            guard original.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [Range<Int>] = []
            var start: Int? = nil
            for (index, byte) in original.enumerated() {
                if byte == UInt8(ascii: " ") {
                    if let first = start { words.append(first..<index) }
                    start = nil
                } else if start == nil {
                    start = index
                }
            }
            if let first = start { words.append(first..<original.count) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: original.count) { lowered in
                for (index, byte) in original.enumerated() {
                    lowered[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return body(words, original, UnsafeBufferPointer(lowered))
            }
        }
    }

    /// `text.split(separator: " ")`, split on bytes when `text` is ASCII: there every space is a
    /// Character of its own, so the words are the same, without walking grapheme clusters.
    static func words(of text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ") }
        return text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
    }

    static let organisationWords: WordSet = [
        "ministry", "company", "government", "police", "department", "agency", "bank", "court", "council", "union",
        "group", "firm", "party", "campaign", "committee", "office", "house", "times", "post", "news", "inc",
        "corp", "reuters", "service", "administration", "association", "institute", "university", "board",
    ]

    /// Speakers the extractor resolves to the most recent named speaker ("…,” he said"), or drops.
    static let personalPronouns: WordSet = ["he", "she"]
    static let pronouns: WordSet = ["he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who"]
    static let speakerNouns: WordSet = [
        "minister", "ministry", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "company",
        "government", "police", "analysts", "analyst", "experts", "report", "study", "statement", "firm",
        "group", "department", "agency", "bank", "court", "president", "chairman", "chief", "executive",
        "director", "source", "sources", "economists", "researchers", "union", "council",
    ]
    static let nonContentStarts: WordSet = [
        "in", "on", "at", "by", "to", "of", "so", "and", "as", "for", "after", "before", "during",
        "yesterday", "today", "last", "earlier", "recently", "previously", "later",
    ]
}
