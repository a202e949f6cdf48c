import ClaimCore

/// Finds bans, blocks and restrictions: "banning platforms like Instagram, YouTube, Facebook, and X".
struct BanRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < sentence.count {
            // Most tokens begin no ban: settled from the token's fields before `trigger` is tried.
            if let compound = compoundBan(at: index, in: sentence) {
                findings.append(compound)
                index += 1
                continue
            }
            guard Self.mayTrigger(sentence.tokens[index]), let trigger = trigger(at: index, in: sentence) else {
                index += 1
                continue
            }
            if let finding = ban(trigger, in: sentence) {
                findings.append(finding)
                index = max(trigger.targetStart, index + 1)
            } else {
                index += 1
            }
        }
        return findings
    }

    /// A ban word and where its targets begin.
    private struct Trigger {
        let first: Int
        let last: Int
        let targetStart: Int
        let isPassive: Bool
        let isNoun: Bool
    }

    /// Whether a trigger may begin at `token`: an entry word, or a word that may begin "restrict…" (its first
    /// letter must lower-case to "r": an ASCII one other than r or R rules it out).
    @inline(__always) private static func mayTrigger(_ token: Token) -> Bool {
        token.classes.contains(.banEntry) || token.first == "r" || token.first == "R" || !token.first.isASCII
    }

    private func trigger(at index: Int, in sentence: Sentence) -> Trigger? {
        // "restrict…" needs a first letter that lower-cases to "r": an ASCII one other than r or R rules it out.
        let first = sentence.tokens[index].first
        guard
            sentence.lower(index, isIn: .banEntry)
                || ((first == "r" || first == "R" || !first.isASCII) && sentence.lower(index).hasPrefix("restrict"))
        else { return nil }
        let word = sentence.lower(index)
        let next = sentence.lower(index + 1)
        if sentence.matches(Self.notAllowedTo, at: index) {
            // "are not allowed to own firearms": what follows "to" is what is banned; who is not
            // allowed is no actor.
            return Trigger(first: index, last: index + 2, targetStart: index + 3, isPassive: false, isNoun: false)
        }
        if sentence.matches(Self.notAllowed, at: index) || sentence.matches(Self.noLongerAllowed, at: index) {
            let end =
                sentence.lower(index).hasPrefix("no") && sentence.lower(index + 1) == "longer" ? index + 3 : index + 2
            return Trigger(first: index, last: end, targetStart: end + 1, isPassive: true, isNoun: false)
        }
        if word.hasPrefix("restrict") && !word.hasPrefix("restriction") && next == "access" {
            let start = sentence.lower(index + 2) == "to" ? index + 3 : index + 2
            return Trigger(first: index, last: index + 1, targetStart: start, isPassive: false, isNoun: false)
        }
        if (word == "ban" || word == "prohibition" || word == "restrictions" || word == "embargo"
            || word == "sanctions") && (next == "on" || next == "against")
        {
            return Trigger(first: index, last: index + 1, targetStart: index + 2, isPassive: false, isNoun: true)
        }
        guard sentence.lower(index, isIn: Self.verbs) else { return nil }
        // "barring any serious incident" means "unless there is": a preposition, not a ban.
        if word == "barring" && sentence.lower(index + 1, isIn: Self.barringExceptions) { return nil }
        // "suspended" is a ban only as a sanction from something: "suspended Susan Chepkemei from
        // all competition", "was suspended from the team"; not "talks were suspended".
        if word.hasPrefix("suspend")
            && !(index + 1...min(index + 8, sentence.count)).contains(where: {
                sentence.lower($0) == "from"
            })
        {
            return nil
        }
        // "a banned substance" is a description, not a ban.
        if ["a", "an", "the", "of", "for"].contains(sentence.lower(index - 1))
            && (sentence[safe: index + 1]?.isWord ?? false)
        {
            return nil
        }
        let isPassive =
            sentence.lower(index - 1, isIn: Self.passiveMarkers)
            || (sentence.lower(index - 1) == "been" || sentence.lower(index - 2) == "been")
            || (word.hasSuffix("ed") && next == "from")
            || (word.hasSuffix("ed") && next == "by")
        var targetStart = index + 1
        if next == "from" && !isPassive { targetStart += 1 }
        return Trigger(first: index, last: index, targetStart: targetStart, isPassive: isPassive, isNoun: false)
    }

    private func ban(_ trigger: Trigger, in sentence: Sentence) -> Finding? {
        var fields: [String: JSONValue] = ["status": .string(status(before: trigger.first, in: sentence))]
        var last = trigger.last
        if trigger.isPassive {
            guard let target = sentence.subject(ofVerbAt: trigger.first) else { return nil }
            fields["targets"] = [.string(target)]
            if sentence.lower(trigger.last + 1) == "by" {
                let end = sentence.clauseEnd(from: trigger.last + 2)
                if end >= trigger.last + 2 {
                    fields["actor"] = .string(sentence.text(trigger.last + 2, end))
                    last = end
                }
            } else if sentence.lower(trigger.last + 1) == "from" || sentence.lower(trigger.last + 1) == "to" {
                let end = sentence.clauseEnd(from: trigger.last + 2)
                if end >= trigger.last + 2 { last = end }
            }
        } else {
            guard trigger.targetStart < sentence.count else { return nil }
            var end = sentence.listEnd(from: trigger.targetStart)
            if let adverbial = (trigger.targetStart + 1..<max(trigger.targetStart + 1, end + 1)).first(where: {
                sentence.lower($0, isIn: Self.targetStops)
            }) {
                end = adverbial - 1
            }
            guard end >= trigger.targetStart else { return nil }
            let targets = Self.targets(in: trigger.targetStart...end, of: sentence)
            guard !targets.isEmpty else { return nil }
            fields["targets"] = .array(targets.map(JSONValue.string))
            last = end
            let actorVerb = trigger.isNoun ? verb(before: trigger.first, in: sentence) : trigger.first
            if let actorVerb, !sentence.matches(Self.notAllowedTo, at: trigger.first),
                let actor = sentence.subject(ofVerbAt: actorVerb), !Self.nonActors.contains(actor.lowercased())
            {
                fields["actor"] = .string(actor)
            }
        }
        if let jurisdiction = Self.jurisdiction(in: sentence) { fields["jurisdiction"] = .string(jurisdiction) }
        var first = trigger.first
        if trigger.isNoun && sentence.lower(first - 1) == "a" { first -= 1 }
        return Finding(
            kind: .ban, span: sentence.span(first, last), anchor: sentence.span(trigger.first, trigger.last),
            fields: fields, prior: 0.8)
    }

    /// A ban named by what it bans: "a trade ban", "the hunting ban", "its smoking ban". The word
    /// before "ban" is the target when a determiner stands before it; the actor is the subject of
    /// the verb before ("the US lifted a trade ban").
    private func compoundBan(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        guard word == "ban" || word == "bans", index >= 2, sentence[index - 1].isWord,
            !sentence[index - 1].isCapitalized, !sentence.lower(index - 1, isIn: Self.banModifiers),
            sentence.lower(index - 2, isIn: Self.determiners)
        else { return nil }
        var fields: [String: JSONValue] = [
            "status": .string(status(before: index - 1, in: sentence)),
            "targets": [.string(sentence.text(index - 1, index - 1))],
        ]
        if let verb = verb(before: index - 2, in: sentence), let actor = sentence.subject(ofVerbAt: verb),
            !Self.nonActors.contains(actor.lowercased())
        {
            fields["actor"] = .string(actor)
        }
        if let jurisdiction = Self.jurisdiction(in: sentence) { fields["jurisdiction"] = .string(jurisdiction) }
        return Finding(
            kind: .ban, span: sentence.span(index - 1, index), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    static let determiners: WordSet = ["a", "an", "the", "its", "their", "his", "her", "this", "that", "our"]
    /// Words before "ban" that say what kind of ban it is, not what it bans.
    static let banModifiers: WordSet = [
        "new", "total", "blanket", "outright", "proposed", "temporary", "lifetime", "life", "global", "worldwide",
        "complete", "partial", "full", "similar", "existing", "current", "planned", "possible", "two-year",
        "one-year", "year-long", "indefinite", "immediate", "permanent", "automatic", "same", "first", "latest",
    ]

    /// `proposed` when a modal or plan word stands shortly before the ban word, else `enacted`.
    private func status(before index: Int, in sentence: Sentence) -> String {
        let start = max(sentence.clauseStart(before: index), index - 6)
        let proposed = (start..<index).contains { sentence.lower($0, isIn: Self.proposalWords) }
        return proposed ? "proposed" : "enacted"
    }

    /// The verb before a noun trigger ("imposed" in "imposed a ban on").
    private func verb(before index: Int, in sentence: Sentence) -> Int? {
        let start = sentence.clauseStart(before: index)
        return (start..<index).last { position in
            let word = sentence.lower(position)
            return Lexicon.isFiniteVerb(word) || (word.hasSuffix("ed") && !sentence[position].isCapitalized)
        }
    }

    /// The things banned, one entry per item: lead nouns ("platforms like") and asides dropped.
    static func targets(in range: ClosedRange<Int>, of sentence: Sentence) -> [String] {
        var indices: [Int] = []
        var depth = 0
        for position in range {
            let token = sentence[position]
            if token.isPunct("(") {
                depth += 1
            } else if token.isPunct(")") {
                depth -= 1
            } else if depth == 0 {
                indices.append(position)
            }
        }
        if let lead = indices.prefix(6).firstIndex(where: { ["like", "including", "as"].contains(sentence.lower($0)) })
        {
            let word = sentence.lower(indices[lead])
            if word != "as" || (lead > 0 && sentence.lower(indices[lead - 1]) == "such") {
                indices.removeFirst(lead + 1)
            }
        }
        while let first = indices.first,
            ["the", "a", "an"].contains(sentence.lower(first)) && indices.count > 1
                && sentence.lower(first) != "the"
        {
            indices.removeFirst()
        }
        let hasComma = indices.contains { sentence[$0].isPunct(",") }
        var items: [[Int]] = [[]]
        for position in indices {
            let token = sentence[position]
            let word = token.lower
            if token.isPunct(",")
                || ((word == "and" || word == "or") && (hasComma || nextIsName(after: position, in: sentence)))
            {
                if !(items.last?.isEmpty ?? true) { items.append([]) }
            } else {
                items[items.count - 1].append(position)
            }
        }
        return items.filter { !$0.isEmpty }.map { sentence.text($0.first!, $0.last!) }
    }

    /// The place a ban applies in: the proper name after "within", "across", "throughout" or "in"
    /// ("curtailed internet freedom within Russia, banning …" → "Russia"); months and days excluded.
    static func jurisdiction(in sentence: Sentence) -> String? {
        for index in 0..<max(0, sentence.count - 1) where sentence.lower(index, isIn: Self.placePrepositions) {
            var last = index
            while last + 1 < sentence.count, last - index < 3, sentence[last + 1].isCapitalized,
                !sentence.lower(last + 1, isIn: Lexicon.months), !sentence.lower(last + 1, isIn: Self.weekdays)
            {
                last += 1
            }
            guard last > index else { continue }
            // "in The Guardian", "in March": not places.
            if ["the", "a", "an"].contains(sentence.lower(index + 1)) { continue }
            return sentence.text(index + 1, last)
        }
        return nil
    }

    static let notAllowed = Phrase("not be allowed")
    static let notAllowedTo = Phrase("not allowed to")
    static let barringExceptions: WordSet = ["any", "a", "an", "unforeseen", "injury", "accidents", "further"]
    static let noLongerAllowed = Phrase("no longer be allowed")
    static let placePrepositions: WordSet = ["within", "across", "throughout", "in"]
    static let weekdays: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func nextIsName(after index: Int, in sentence: Sentence) -> Bool {
        (sentence[safe: index + 1]?.isCapitalized ?? false) && (sentence[safe: index - 1]?.isCapitalized ?? false)
    }

    /// Words a ban trigger can begin with (besides "restrict…").
    static let entryWords = WordSet(
        Array(verbs.words) + ["not", "no", "ban", "prohibition", "restrictions", "embargo", "sanctions"])
    static let verbs: WordSet = [
        "ban", "bans", "banned", "banning", "outlaw", "outlaws", "outlawed", "outlawing", "prohibit", "prohibits",
        "prohibited", "prohibiting", "barred", "barring", "blocked", "blocking", "blocks", "block", "blacklisted",
        "blacklisting", "blacklists", "blacklist", "censored", "censoring", "suspended", "suspends", "suspend",
    ]
    /// Words that end a target list and begin an adverbial ("… in May", "… next year").
    static let targetStops: WordSet = [
        "in", "on", "at", "during", "since", "until", "after", "before", "next", "last", "this", "over", "amid",
        "because", "due", "following", "earlier", "later", "yesterday", "today", "tomorrow", "for", "from",
    ]
    static let passiveMarkers: WordSet = ["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets"]
    static let proposalWords: WordSet = [
        "would", "could", "might", "may", "plans", "plan", "planned", "planning", "proposed", "proposes", "propose",
        "proposal", "proposals", "calls", "called", "call", "calling", "considering", "considers", "consider",
        "seeks", "seeking", "threatened", "threatens", "threatening", "wants", "urged", "urges", "bill", "draft",
        "should", "intends", "aims",
    ]
    static let nonActors: WordSet = ["it", "they", "this", "that", "which", "who"]
}
