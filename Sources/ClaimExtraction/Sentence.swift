import ClaimCore

/// One sentence of a body as the recognizers see it: its tokens and helpers for phrases and subjects.
struct Sentence: Sendable {
    let body: ScalarText
    let span: TextSpan
    let tokens: [Token]
    /// A hedge word ("reportedly", "allegedly") in the sentence, lower-cased.
    let hedge: String?

    init(body: ScalarText, span: TextSpan) {
        self.body = body
        self.span = span
        let tokens = Tokenizer.tokens(in: body.scalars, span: span)
        self.tokens = tokens
        hedge = tokens.indices.first { tokens[$0].classes.contains(.hedge) }.map { tokens[$0].lower }
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> Token { tokens[index] }

    /// The lower-cased word at `index`, or "" when out of range.
    func lower(_ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    /// Whether `words` holds ``lower(_:)`` of `index`, looked up by the token's precomputed key.
    ///
    /// Hot loops ask this rather than `words.contains(sentence[index])`: reading the two fields straight
    /// from the array spares a copy of the whole token (its two strings retained and released).
    func lower(_ index: Int, isIn words: WordSet) -> Bool {
        index >= 0 && index < tokens.count
            ? words.contains(lower: tokens[index].lower, key: tokens[index].key) : words.contains("")
    }

    /// Whether the token at `index` is in a word list of `classes`, as ``lower(_:isIn:)`` would find it in
    /// the lists themselves (no list holds "", so out of range is false).
    func lower(_ index: Int, isIn classes: TokenClasses) -> Bool {
        index >= 0 && index < tokens.count && !tokens[index].classes.isDisjoint(with: classes)
    }

    /// Whether ``lower(_:)`` of `index` is a finite verb or an auxiliary.
    func isFiniteVerb(_ index: Int) -> Bool { lower(index, isIn: .finiteOrAuxiliary) }

    /// Whether the tokens from `index` read `words` (lower-cased, space-separated).
    func matches(_ words: String, at index: Int) -> Bool {
        // Cheap first-word check before splitting the phrase.
        guard index >= 0, index < tokens.count, words.utf8.starts(with: tokens[index].lower.utf8) else { return false }
        var position = index
        for word in words.split(separator: " ") {
            guard position >= 0, position < tokens.count, tokens[position].lower == word else { return false }
            position += 1
        }
        return true
    }

    /// ``matches(_:at:)`` of `phrase.text`, comparing word keys before words.
    func matches(_ phrase: Phrase, at index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        // The first-word check of the String version decides alone only for a non-ASCII token.
        guard tokens[index].key != nil else { return matches(phrase.text, at: index) }
        var position = index
        for offset in phrase.words.indices {
            guard position < tokens.count, tokens[position].lowerEquals(phrase.words[offset], key: phrase.keys[offset])
            else { return false }
            position += 1
        }
        return true
    }

    /// ``matches(_:at:)`` of `phrase.words` (no first-word check), comparing word keys before words.
    func matches(words phrase: Phrase, at index: Int) -> Bool {
        guard index >= 0, index + phrase.words.count <= tokens.count else { return false }
        for offset in phrase.words.indices
        where !tokens[index + offset].lowerEquals(phrase.words[offset], key: phrase.keys[offset]) {
            return false
        }
        return true
    }

    /// Whether the tokens from `index` read `words` (lower-cased, already split).
    func matches(_ words: [String], at index: Int) -> Bool {
        guard index >= 0, index + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[index + offset].lower != word { return false }
        return true
    }

    /// The span from the start of token `first` to the end of token `last`.
    func span(_ first: Int, _ last: Int) -> TextSpan { TextSpan(start: tokens[first].start, end: tokens[last].end) }

    /// The body text from token `first` through token `last`, as written.
    func text(_ first: Int, _ last: Int) -> String { ScalarStrings.string(span(first, last), in: body) }

    /// The sentence's text as written.
    var text: String { ScalarStrings.string(span, in: body) }

    /// The apostrophe this sentence (or else the body) writes possessives with.
    var apostrophe: String {
        if tokens.contains(where: { $0.text.unicodeScalars.contains("\u{2019}") }) { return "\u{2019}" }
        if tokens.contains(where: { $0.text.unicodeScalars.contains("'") }) { return "'" }
        return body.scalars.contains("'") && !body.scalars.contains("\u{2019}") ? "'" : "\u{2019}"
    }

    // MARK: Clauses

    /// Whether token `index` ends a clause: punctuation such as `,` `;` `–` `(` or sentence end.
    func isClauseBreak(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punct else { return false }
        let scalar = token.first
        // "Mr. Obama", "Sen. Graham": the title's period is not a break.
        if scalar == ".", index > 0, Abbreviations.titles.contains(tokens[index - 1]) { return false }
        return Lexicon.isClauseMark(scalar) || Scalars.isDash(scalar)
    }

    /// The index of the last token of the clause that continues from `index` (exclusive stop before a break).
    func clauseEnd(from index: Int, stopWords: TokenClasses = .clauseStop) -> Int {
        var position = index
        var depth = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.isPunct("(") {
                depth += 1
            } else if token.isPunct(")") {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && (isClauseBreak(position) || (token.isWord && lower(position, isIn: stopWords))) {
                break
            }
            position += 1
        }
        var last = position - 1
        while last >= index && tokens[last].kind == .punct && !tokens[last].isPunct(")") { last -= 1 }
        return last
    }

    /// Like ``clauseEnd(from:stopWords:)``, but runs through the commas of a list ("Instagram, YouTube,
    /// and X").
    func listEnd(from index: Int) -> Int {
        var last = clauseEnd(from: index)
        while last + 2 < tokens.count && tokens[last + 1].isPunct(",") {
            let next = tokens[last + 2]
            guard
                next.isCapitalized
                    || ((next.lower == "and" || next.lower == "or")
                        && (last + 3 < tokens.count && tokens[last + 3].isCapitalized))
            else { break }
            let end = clauseEnd(from: last + 2)
            guard end >= last + 2 else { break }
            last = end
        }
        return last
    }

    /// The index where the clause holding `index` begins (after `,` `;` `and` `but` … before it).
    func clauseStart(before index: Int) -> Int {
        var position = index - 1
        while position >= 0 {
            let token = tokens[position]
            if isClauseBreak(position) || (token.isWord && token.classes.contains(.clauseOpener)) {
                return position + 1
            }
            position -= 1
        }
        return 0
    }

    // MARK: Subjects

    /// The subject of the main clause: the noun phrase before the first verb, leading adverbials skipped.
    func mainSubject() -> ClosedRange<Int>? {
        var start = 0
        // Skip a list label ("Cybersecurity:") and a leading subordinate clause ("While X …,").
        if let colon = tokens.prefix(4).firstIndex(where: { $0.isPunct(":") }) { start = colon + 1 }
        if start < tokens.count, Lexicon.subordinators.contains(tokens[start]),
            let comma = tokens[start...].firstIndex(where: { $0.isPunct(",") })
        {
            start = comma + 1
        }
        // Skip a leading adverbial ("Furthermore,", "In 2022,", "Once a pioneer in the space race,").
        if let comma = tokens[start...].prefix(12).firstIndex(where: { $0.isPunct(",") }),
            !tokens[start..<comma].contains(where: { Lexicon.isFiniteVerb($0) }),
            comma - start == 1 || Lexicon.adverbialOpeners.contains(tokens[start])
                || tokens[start].classes.contains(.discourseAdverb)
        {
            start = comma + 1
        }
        while start < tokens.count
            && (tokens[start].kind == .punct || tokens[start].classes.contains(.discourseAdverb))
        {
            start += 1
        }
        return nounPhrase(from: start)
    }

    /// The noun phrase starting at `start`, ending before the first verb, adverb or clause break.
    func nounPhrase(from start: Int, maxLength: Int = 8) -> ClosedRange<Int>? {
        var position = start
        var depth = 0
        while position < tokens.count && position - start < maxLength {
            let token = tokens[position]
            if token.isPunct("(") {
                depth += 1
            } else if token.isPunct(")") {
                depth -= 1
            } else if depth == 0 {
                if token.kind == .punct
                    && !(Scalars.isApostrophe(token.first) || token.isPunct("&")
                        || token.isPunct("-"))
                {
                    break
                }
                if token.isWord && position > start
                    && (Lexicon.isFiniteVerb(token) || token.classes.contains(.auxiliary)
                        || (token.lower.hasSuffix("ly") && !token.isCapitalized)
                        || token.classes.contains(.clauseOpener)
                        || token.classes.contains(.plainAdverb)
                        || token.lower == "and" && position + 1 < tokens.count
                            && Lexicon.pronounDeterminers.contains(lower(position + 1)))
                {
                    break
                }
            }
            position += 1
        }
        var last = position - 1
        while last >= start && (tokens[last].kind == .punct && !tokens[last].isPunct(")")) { last -= 1 }
        return last >= start ? start...last : nil
    }

    /// The subject of the verb at `verb`: the clause's noun phrase before it, or the main subject for a
    /// participle clause ("…, banning X").
    func subject(ofVerbAt verb: Int) -> String? {
        let start = clauseStart(before: verb)
        var end = verb - 1
        while end >= start
            && (tokens[end].classes.contains(.auxiliary) || tokens[end].lower.hasSuffix("ly")
                || tokens[end].lower == "to"
                || (end + 1 < tokens.count && tokens[end + 1].lower == "to"
                    && Lexicon.controlVerbs.contains(tokens[end]))
                || tokens[end].lower == "not" || tokens[end].lower == "also" || tokens[end].lower == "now"
                || tokens[end].lower == "still")
        {
            end -= 1
        }
        if end < start
            || (start > 0 && tokens[start - 1].isPunct(",") && !tokens[start..<verb].contains(where: \.isCapitalized)
                && end - start > 5)
        {
            guard let main = mainSubject(), main.lowerBound < verb else { return nil }
            return text(main.lowerBound, main.upperBound)
        }
        var first = start
        while first <= end && (tokens[first].kind == .punct || tokens[first].classes.contains(.discourseAdverb)) {
            first += 1
        }
        guard first <= end else { return nil }
        return resolvePronoun(first: first, last: end, before: verb)
    }

    /// The phrase `first...last`, with a leading "its"/"their" or a bare "it"/"they" resolved to the
    /// sentence's main subject ("its universities" → "Russia’s universities").
    func resolvePronoun(first: Int, last: Int, before verb: Int) -> String {
        let word = tokens[first].lower
        guard word == "its" || word == "their" || word == "it" || word == "they",
            let main = mainSubject(), main.upperBound < first
        else { return text(first, last) }
        let owner = text(main.lowerBound, main.upperBound)
        if word == "it" || word == "they" { return first == last ? owner : owner + " " + text(first + 1, last) }
        guard first < last else { return owner }
        return owner + apostrophe + "s " + text(first + 1, last)
    }
}

/// Lower-cased words to find in a sentence ("according to"), split and keyed once.
struct Phrase: Sendable {
    /// The words, space-separated.
    let text: String
    let words: [String]
    /// ``WordKey`` of each word; nil for a word that is not ASCII.
    let keys: [UInt64?]

    init(_ text: String) {
        self.text = text
        words = text.split(separator: " ").map(String.init)
        keys = words.map { WordKey.key($0) }
    }
}

/// Word lists shared by the recognizers.
enum Lexicon {
    static let hedges: WordSet = ["reportedly", "allegedly", "purportedly", "supposedly", "rumoured", "rumored"]

    /// Marks that end a clause (dashes aside).
    static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", ".", "!", "?", "(", ")", "\u{201C}", "\u{201D}", "\"": true
        default: false
        }
    }

    static let clauseStopWords: WordSet = [
        "which", "who", "whose", "while", "whereas", "but", "although", "though", "because", "after", "since",
        "according", "when", "where", "amid", "despite", "unless",
    ]

    static let clauseOpeners: WordSet = [
        "and", "but", "while", "whereas", "although", "though", "because", "that", "which", "who", "when", "if",
        "as", "after", "since",
    ]

    static let discourseAdverbs: WordSet = [
        "furthermore", "however", "meanwhile", "moreover", "also", "additionally", "still", "yet", "indeed",
        "instead", "now", "so", "then", "thus", "consequently", "therefore", "but", "and", "and,",
    ]

    static let subordinators: WordSet = [
        "while", "although", "though", "as", "when", "if", "because", "since", "after", "before", "whereas", "unless",
    ]

    /// Verbs that take a to-infinitive ("plans to ban").
    static let controlVerbs: WordSet = [
        "plans", "plan", "planned", "wants", "want", "aims", "aim", "seeks", "seek", "intends", "proposes",
        "proposed", "threatened", "threatens", "moved", "moves", "voted", "decided", "agreed", "tried", "tries",
        "hopes", "expects", "set", "failed", "refused", "promised", "vowed", "pledged",
    ]

    /// Words that open a leading adverbial before the subject ("In 2022, …", "Once a pioneer …, …").
    static let adverbialOpeners: WordSet = [
        "in", "on", "at", "for", "after", "before", "during", "since", "with", "without", "by", "from", "as", "once",
        "despite", "following", "last", "earlier", "later", "under", "over", "amid", "like", "unlike", "beyond",
        "according", "to", "when", "while", "although", "though", "if", "because",
    ]

    /// Adverbs without "-ly" that stand between a subject and its verb.
    static let plainAdverbs: WordSet = [
        "further", "also", "still", "already", "now", "often", "never", "always", "even", "just", "soon", "again",
        "once", "recently", "then",
    ]

    static let pronounDeterminers: WordSet = ["its", "their", "his", "her", "it", "they", "he", "she"]

    static let auxiliaries: WordSet = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
        "may", "might", "shall", "should", "must", "does", "do", "did", "isn't", "aren't", "wasn't", "weren't",
        "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "doesn't", "don't", "didn't",
    ]

    /// Common finite verbs that end a subject noun phrase.
    static let finiteVerbs: WordSet = [
        "said", "says", "lacks", "lack", "ranked", "ranks", "banned", "bans", "finds", "found", "became", "becomes",
        "remains", "remained", "include", "includes", "included", "paint", "paints", "aim", "aims", "reflects",
        "extends", "carries", "risk", "risks", "continues", "continue", "predict", "predicts", "predicted",
        "expects", "expect", "rose", "fell", "grew", "jumped", "dropped", "lost", "won", "owns", "posted",
        "reported", "announced", "told", "added", "warned", "claimed", "believes", "think", "thinks", "plans",
        "wants", "hopes", "intends", "lags", "trails", "leads", "stands", "sits", "came", "finished", "took",
        "made", "makes", "gave", "got", "saw", "sees", "rated", "placed", "described", "blocked", "barred",
        "prohibited", "outlawed", "imposed", "curtailed", "restricted", "agreed", "decided", "voted", "signed",
        "hit", "cut", "raised", "increased", "decreased", "declined", "reached", "received", "sold", "bought",
        "needs", "needed", "seems", "appears", "helped", "led", "launched", "discourages", "fail", "fails",
        "failed", "left", "quit", "fled", "hinder", "hinders", "reduces", "impacts", "possesses", "has", "have",
    ]

    static func isFiniteVerb(_ word: String) -> Bool { finiteVerbs.contains(word) || auxiliaries.contains(word) }

    static func isFiniteVerb(_ token: Token) -> Bool { !token.classes.isDisjoint(with: .finiteOrAuxiliary) }

    static let months: WordSet = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static let ordinalWords: WordMap<Int> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "twentieth": 20,
    ]

    static let superlatives: WordSet = [
        "biggest", "largest", "best", "highest", "richest", "busiest", "oldest", "smallest", "lowest", "poorest",
        "worst", "fastest", "strongest", "greatest", "leading", "top", "most", "least", "wealthiest", "cheapest",
        "tallest", "longest", "heaviest", "safest", "deadliest", "youngest", "fastest-growing", "best-selling",
        "biggest-selling", "most-watched", "top-selling", "weakest", "slowest", "hottest", "coldest", "wettest",
        "driest", "busiest",
    ]
}
