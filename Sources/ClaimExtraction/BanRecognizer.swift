import ClaimCore

/// Finds bans, blocks and restrictions: "banning platforms like Instagram, YouTube, Facebook, and X".
struct BanRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < sentence.count {
            // "Ban Ki-moon", "Ban Ki Moon": a capitalised "Ban" before a name, past the sentence's start, is a name.
            if index > 0, sentence.tokens[index].isCapitalized, sentence[safe: index + 1]?.isCapitalized == true,
                sentence.lower(index) == "ban"
            {
                index += 2
                continue
            }
            // Most tokens begin no ban: settled from the token's fields before `trigger` is tried.
            if let compound = compoundBan(at: index, in: sentence) {
                findings.append(compound)
                index += 1
                continue
            }
            if sentence.lower(index, isIn: .banEntry), let derived = derivedBan(at: index, in: sentence) {
                findings.append(derived)
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
        // The place a ban holds in, once per sentence rather than once per ban.
        if !findings.isEmpty, let jurisdiction = Self.jurisdiction(in: sentence) {
            for index in findings.indices { findings[index].fields["jurisdiction"] = .string(jurisdiction) }
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
        /// Whether the ban's actor is not the subject before the trigger ("the ban will prevent X from …").
        var hasNoActor = false
        /// Where the targets end, when the trigger knows it ("the ban means X cannot …").
        var targetEnd: Int?
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
        if sentence.matches(Self.notBeAllowedTo, at: index) || sentence.matches(Self.noLongerBeAllowedTo, at: index) {
            // "will not be allowed to stand": the infinitive is what is banned.
            let to = (index + 3...index + 5).first { sentence.lower($0) == "to" } ?? index + 4
            return Trigger(first: index, last: to, targetStart: to + 1, isPassive: false, isNoun: false)
        }
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
        if word == "ban" || word == "bans", let exclusion = Self.meansExclusion(after: index, in: sentence) {
            // "The ban means Pountney cannot enter the enclosure": who cannot is the target.
            return Trigger(
                first: index, last: exclusion.means, targetStart: exclusion.means + 1, isPassive: false,
                isNoun: false, hasNoActor: true, targetEnd: exclusion.lastTarget)
        }
        if (word == "ban" || word == "bans" || word == "sanctions") && next == "imposed"
            && sentence.lower(index + 2) == "on"
        {
            // "the two-year bans imposed on them by the IAAF": the target follows "on", the actor "by".
            return Trigger(
                first: index, last: index + 2, targetStart: index + 3, isPassive: false, isNoun: false,
                hasNoActor: true)
        }
        if word == "ban" || word == "bans", let prevents = Self.preventing(after: index, in: sentence) {
            // "the ban will prevent the silver medallist from challenging": who is kept out is the target.
            return Trigger(
                first: index, last: prevents, targetStart: prevents + 1, isPassive: false, isNoun: false,
                hasNoActor: true)
        }
        guard sentence.lower(index, isIn: Self.verbs) else { return nil }
        // "to bar foreign firms from tenders", "a law that bars foreigners from": "bar" bans only with
        // "from" after its object; not "hit the bar from 20 yards", "Bar a slight dip".
        if word == "bar" || word == "bars" {
            guard index > 0, !sentence[index].isCapitalized, sentence.lower(index - 1, isIn: Self.barOpeners),
                sentence[safe: index + 1]?.isWord ?? false, next != "from",
                (index + 2..<min(index + 9, sentence.count)).contains(where: { sentence.lower($0) == "from" })
            else { return nil }
        }
        // "restricted" bans as a passive ("were restricted by the council"), not as an adjective ("restricted
        // areas", "appears restricted to a few").
        if word == "restricted" {
            guard Self.passiveAuxiliary(before: index, in: sentence) != nil, next == "by" || next == "from" else {
                return nil
            }
        } else if word.hasPrefix("restrict") {
            // "restricting the use of the feta name", "restricts imports of 22 products": a restriction on a use,
            // a trade or an entry, not "restrict liquidity", "restricts their individuality"; and not denied
            // ("does not want to restrict").
            let objectWords = (index + 1..<min(index + 4, sentence.count)).prefix { sentence[$0].isWord }
            guard objectWords.contains(where: { sentence.lower($0, isIn: Self.restrictedThings) }),
                !(max(0, index - 6)..<index).contains(where: {
                    let before = sentence.lower($0)
                    return before == "not" || before == "never" || before.hasSuffix("n't")
                        || before.hasSuffix("n\u{2019}t")
                })
            else { return nil }
        }
        // "a possible ban last year", "the ban, …": a noun, left to `compoundBan`.
        if (word == "ban" || word == "bans")
            && (((sentence.lower(index - 1, isIn: Self.determiners) || Self.isModifier(at: index - 1, in: sentence))
                && next != "from") || !(sentence[safe: index + 1]?.isWord ?? false))
        {
            return nil
        }
        // "does not ban", "restrict, but not ban": a ban denied is no ban.
        let before = sentence.lower(index - 1) == "to" ? sentence.lower(index - 2) : sentence.lower(index - 1)
        if before == "not" || before == "never" || before.hasSuffix("n't") || before.hasSuffix("n\u{2019}t") {
            return nil
        }
        // "Banned American sprinter Kelli White says …": a description opening the sentence.
        if index == 0 && word.hasSuffix("ed") { return nil }
        // "a stumbling block", "a shot blocked": blocks that are no prohibition.
        if word.hasPrefix("block") && Self.isPhysicalBlock(at: index, in: sentence) { return nil }
        // "barring any serious incident" means "unless there is": a preposition, not a ban.
        if word == "barring" && sentence.lower(index + 1, isIn: Self.barringExceptions) { return nil }
        // "suspended" is a ban only as a sanction: "suspended Susan Chepkemei from all competition", "was
        // suspended by the IAAF", "was provisionally suspended for missing a test", "has suspended both
        // athletes"; not "talks were suspended", "suspend interest payments".
        if word.hasPrefix("suspend")
            && !(index + 1...min(index + 8, sentence.count)).contains(where: {
                sentence.lower($0) == "from" || (sentence.lower($0) == "by" && $0 == index + 1)
            }) && !Self.isSanctionSuspension(at: index, in: sentence)
        {
            return nil
        }
        // "had not been banned", "has never even been suspended": a ban denied is no ban.
        if word.hasSuffix("ed") && Self.verbGroupIsNegated(before: index, in: sentence) { return nil }
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
            || (word.hasSuffix("ed") && (next == "for" || next == "until")
                && !sentence.lower(index - 1, isIn: Self.determiners))
            || (word.hasSuffix("ed") && Self.passiveAuxiliary(before: index, in: sentence) != nil)
        var targetStart = index + 1
        if next == "from" && !isPassive { targetStart += 1 }
        return Trigger(first: index, last: index, targetStart: targetStart, isPassive: isPassive, isNoun: false)
    }

    private func ban(_ trigger: Trigger, in sentence: Sentence) -> Finding? {
        var fields: [String: JSONValue] = ["status": .string(status(before: trigger.first, in: sentence))]
        var last = trigger.last
        if trigger.isPassive {
            // "sacked by Chelsea and banned for seven months": the subject is the first participle's.
            var subjectVerb = trigger.first
            if sentence.lower(trigger.first - 1) == "and",
                let earlier = Self.coordinatedParticiple(before: trigger.first - 1, in: sentence)
            {
                subjectVerb = earlier
            }
            guard let targets = Self.passiveTargets(ofVerbAt: subjectVerb, in: sentence) else { return nil }
            if sentence.lower(trigger.first).hasPrefix("block"),
                targets.contains(where: { target in
                    target.split(separator: " ").contains { Self.playWords.contains($0.lowercased()) }
                })
            {
                return nil
            }
            fields["targets"] = .array(targets.map(JSONValue.string))
            if sentence.lower(trigger.last + 1) == "by" {
                let end = sentence.clauseEnd(from: trigger.last + 2)
                if end >= trigger.last + 2 {
                    if let actor = Self.actorPhrase(from: trigger.last + 2, in: sentence) {
                        fields["actor"] = .string(actor)
                    }
                    last = end
                }
            } else if sentence.lower(trigger.last + 1) == "from" || sentence.lower(trigger.last + 1) == "to" {
                let end = sentence.clauseEnd(from: trigger.last + 2)
                if end >= trigger.last + 2 { last = end }
            }
        } else {
            guard trigger.targetStart < sentence.count else { return nil }
            var end = trigger.targetEnd ?? sentence.listEnd(from: trigger.targetStart)
            let isRestriction = sentence.lower(trigger.first).hasPrefix("restrict")
            if let adverbial = (trigger.targetStart + 1..<max(trigger.targetStart + 1, end + 1)).first(where: {
                sentence.lower($0, isIn: Self.targetStops) || (trigger.hasNoActor && sentence.lower($0) == "by")
                    || (isRestriction && sentence.lower($0) == "to")
            }) {
                end = adverbial - 1
            }
            guard end >= trigger.targetStart else { return nil }
            let targets = Self.targets(in: trigger.targetStart...end, of: sentence).compactMap(Self.trimmedTarget)
                .filter { target in
                    !Self.targetStops.contains(target.prefix { $0 != " " }.lowercased())
                }
            guard !targets.isEmpty else { return nil }
            if sentence.lower(trigger.first).hasPrefix("block"),
                targets.contains(where: { target in
                    target.split(separator: " ").contains { Self.playWords.contains($0.lowercased()) }
                })
            {
                return nil
            }
            fields["targets"] = .array(targets.map(JSONValue.string))
            last = end
            if trigger.hasNoActor && sentence.lower(end + 1) == "by",
                let actorEnd = Self.actorEnd(from: end + 2, in: sentence),
                let actor = Self.actorPhrase(from: end + 2, in: sentence)
            {
                fields["actor"] = .string(actor)
                last = actorEnd
            }
            let actorVerb = trigger.isNoun ? verb(before: trigger.first, in: sentence) : trigger.first
            if let actorVerb, !trigger.hasNoActor, !sentence.matches(Self.notAllowedTo, at: trigger.first),
                !sentence.matches(Self.notBeAllowedTo, at: trigger.first),
                !sentence.matches(Self.noLongerBeAllowedTo, at: trigger.first),
                let actor = Self.actor(ofVerbAt: actorVerb, in: sentence)
            {
                fields["actor"] = .string(actor)
            }
        }
        var first = trigger.first
        if trigger.isNoun && sentence.lower(first - 1) == "a" { first -= 1 }
        return Finding(
            kind: .ban, span: sentence.span(first, last), anchor: sentence.span(trigger.first, trigger.last),
            fields: fields, prior: 0.8)
    }

    /// A ban named by what it bans: "a trade ban", "the hunting ban", "Canada's fishing ban", "the US trade
    /// ban". Up to three lower-case words before "ban" are the target, after a determiner, a possessive or a
    /// name (the name is the actor). A ban named only by its kind or length ("a two-year ban", "a similar
    /// ban") is a sanction on someone, found by ``sanction(at:modifiersStart:in:)``.
    private func compoundBan(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        if word == "sanctions" && index >= 1 && !sentence.lower(index + 1, isIn: ["on", "against"]) {
            // "has been threatened with sanctions", "have received sanctions": a sanction on someone, by a
            // sanction verb just before it (not "give states a reprieve from the sanctions").
            var position = index - 1
            while position >= 0,
                Self.isModifier(at: position, in: sentence)
                    || sentence.lower(position, isIn: Self.sanctionModifiers)
            {
                position -= 1
            }
            let verb = sentence.lower(position) == "with" ? position - 1 : position
            guard
                sentence.lower(verb, isIn: Self.subjectSanctionVerbs)
                    || sentence.lower(verb, isIn: Self.objectSanctionVerbs)
            else { return nil }
            return sanction(at: index, modifiersStart: position + 1, in: sentence)
        }
        guard word == "ban" || word == "bans", index >= 1 else { return nil }
        var position = index - 1
        while position >= 0, index - position <= 3, Self.isTargetWord(at: position, in: sentence) { position -= 1 }
        let targetStart = position + 1
        while position >= 0, Self.isModifier(at: position, in: sentence) { position -= 1 }
        guard targetStart < index else { return sanction(at: index, modifiersStart: position + 1, in: sentence) }
        guard position >= 0 else { return nil }
        var actor: String?
        var first = targetStart
        if sentence.lower(position, isIn: Self.determiners) {
            first = min(first, position + 1)
        } else if Self.isPossessive(sentence[position]) {
            // "Canada's fishing ban": the owner is the actor.
            actor = Self.owner(of: sentence[position])
            first = position
        } else if sentence[position].isCapitalized && sentence[position].isWord {
            // "the US trade ban": a name after a determiner is the actor.
            var nameStart = position
            while nameStart > 0, index - nameStart < 6, sentence[nameStart - 1].isCapitalized,
                sentence[nameStart - 1].isWord
            {
                nameStart -= 1
            }
            guard nameStart > 0, sentence.lower(nameStart - 1, isIn: Self.determiners) else { return nil }
            actor = sentence.text(nameStart - 1, position)
            first = nameStart
        } else {
            return nil
        }
        var fields: [String: JSONValue] = [
            "status": .string(status(before: index, in: sentence)),
            "targets": [.string(sentence.text(targetStart, index - 1))],
        ]
        if actor == nil, let verb = verb(before: first, in: sentence) {
            actor = Self.actor(ofVerbAt: verb, in: sentence)
        }
        if let actor { fields["actor"] = .string(actor) }
        return Finding(
            kind: .ban, span: sentence.span(targetStart, index), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    /// A sanction named by its kind or length: "she was handed a two-year ban" (she is the target), "KA
    /// threatened Edith Masai with a similar ban" (Edith Masai is). Any other verb before the ban ("escaped a
    /// possible ban", "appealed against the ban") states no ban in force.
    private func sanction(at index: Int, modifiersStart: Int, in sentence: Sentence) -> Finding? {
        guard modifiersStart >= 1 else { return nil }
        let article: Int
        if sentence.lower(modifiersStart - 1, isIn: Self.determiners) {
            article = modifiersStart - 1
        } else if sentence.lower(index) == "bans" || sentence.lower(index) == "sanctions",
            sentence.lower(modifiersStart - 1, isIn: Self.subjectSanctionVerbs)
                || sentence.lower(modifiersStart - 1, isIn: Self.objectSanctionVerbs)
                || sentence.lower(modifiersStart - 1) == "with"
        {
            // "They face two-year bans", "were given automatic one-match bans", "threatened with sanctions".
            article = modifiersStart
        } else {
            return nil
        }
        let adjacent = sentence.lower(article - 1) == "with" ? article - 2 : article - 1
        let start = sentence.clauseStart(before: article)
        if let found = imposedOrServed(at: index, article: article, adjacent: adjacent, in: sentence) { return found }
        let verb: Int
        if sentence.lower(adjacent, isIn: Self.subjectSanctionVerbs)
            || sentence.lower(adjacent, isIn: Self.objectSanctionVerbs)
        {
            verb = adjacent
        } else if let objectVerb = (max(start, article - 10)..<max(start, article)).last(where: {
            sentence.lower($0, isIn: Self.objectSanctionVerbs)
        }) {
            verb = objectVerb
        } else {
            return nil
        }
        var fields: [String: JSONValue] = [:]
        let spanStart = verb
        let isPassive =
            sentence.lower(verb - 1, isIn: Self.passiveMarkers) || sentence.lower(verb - 2) == "been"
            || sentence.lower(verb - 1) == "been"
        if sentence.lower(verb, isIn: Self.objectSanctionVerbs) && !isPassive && verb != adjacent {
            // "handed Cantona a nine-month ban", "threatened Masai with a similar ban".
            var objectEnd = article - 1
            if sentence.lower(objectEnd) == "with" { objectEnd -= 1 }
            guard objectEnd > verb,
                let target = Self.nounPhrase(verb + 1, objectEnd, in: sentence)
            else { return nil }
            fields["targets"] = [.string(target)]
            if let actor = Self.actor(ofVerbAt: verb, in: sentence) { fields["actor"] = .string(actor) }
        } else if verb == adjacent {
            // "was handed a two-year ban", "faces a life ban": the subject is banned.
            guard let target = Self.subjectTarget(ofVerbAt: verb, in: sentence) else { return nil }
            fields["targets"] = [.string(target)]
        } else {
            return nil
        }
        let proposed = (max(sentence.clauseStart(before: verb), verb - 6)...verb).contains {
            sentence.lower($0, isIn: Self.proposalWords)
        }
        fields["status"] = .string(proposed ? "proposed" : "enacted")
        return Finding(
            kind: .ban, span: sentence.span(spanStart, index), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    /// A ban named by its length or kind after a verb that imposes it or a preposition that places the
    /// subject after it: "imposed a six-week ban" (on whom "on" names, else the object of the verb before:
    /// "fined coach Budge Pountney £2,000 and imposed a six-week ban"), "named in the squad after an
    /// eight-week ban" (the sentence's subject served it).
    private func imposedOrServed(at index: Int, article: Int, adjacent: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(adjacent)
        var fields: [String: JSONValue] = ["status": "enacted"]
        let spanStart: Int
        var last = index
        if Self.imposingVerbs.contains(word) {
            spanStart = adjacent
            if sentence.lower(index + 1) == "on", index + 2 < sentence.count,
                let clauseEnd = Optional(sentence.clauseEnd(from: index + 2)), clauseEnd >= index + 2,
                let end = Optional(
                    (index + 3..<clauseEnd + 1).first(where: { sentence.lower($0, isIn: Self.targetStops) }).map {
                        $0 - 1
                    }
                        ?? clauseEnd),
                let target = Self.nounPhrase(index + 2, end, in: sentence)
            {
                fields["targets"] = [.string(target)]
                last = end
            } else if let earlier = (max(sentence.clauseStart(before: adjacent - 1), adjacent - 12)..<adjacent).last(
                where: { sentence.lower($0, isIn: Self.penaltyVerbs) }),
                let objectEnd = (earlier + 1..<adjacent).first(where: {
                    sentence[$0].isNumber || sentence[$0].kind == .punct || sentence.lower($0) == "and"
                        || sentence.lower($0) == "for"
                }).map({ $0 - 1 }),
                objectEnd > earlier, let target = Self.nounPhrase(earlier + 1, objectEnd, in: sentence)
            {
                fields["targets"] = [.string(target)]
            } else {
                fields["targets"] = []
            }
            if let actor = Self.actor(ofVerbAt: adjacent, in: sentence) { fields["actor"] = .string(actor) }
        } else if Self.afterPrepositions.contains(word), sentence.lower(article, isIn: Self.determiners),
            // "after an eight-week ban": named by its length; "after a ban was issued …" is another ban's clause.
            index - article >= 2, !sentence.isFiniteVerb(index + 1),
            let subject = sentence.mainSubject(), subject.upperBound < adjacent,
            let target = Self.nounPhrase(subject.lowerBound, subject.upperBound, in: sentence)
        {
            spanStart = article
            fields["targets"] = [.string(target)]
        } else {
            return nil
        }
        return Finding(
            kind: .ban, span: sentence.span(spanStart, last), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    static let imposingVerbs: WordSet = ["imposed", "imposes", "impose", "imposing", "issued", "issues", "issue"]
    static let penaltyVerbs: WordSet = ["fined", "fines", "fine", "charged", "censured", "reprimanded", "warned"]
    static let afterPrepositions: WordSet = ["after", "following", "from", "despite"]

    /// Bans written without a ban word: "insulting the president has been made a criminal offence", "made it
    /// illegal to sell", "was closed down by regulators", "ordered the plant to shut".
    private func derivedBan(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        if Self.offenceWords.contains(word) { return madeOffence(at: index, in: sentence) }
        if Self.closingWords.contains(word) { return closedByOrder(at: index, in: sentence) }
        if Self.freezeWords.contains(word) { return frozenAssets(at: index, in: sentence) }
        return nil
    }

    /// An asset freeze, a sanction: "froze the assets of the firm", "assets which had previously been frozen",
    /// "to have Baikal assets frozen". Not "frozen assets" (a name for assets frozen elsewhere) nor a price or
    /// pay freeze (no assets).
    private func frozenAssets(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        var fields: [String: JSONValue] = [:]
        var first = index
        var last = index
        if word == "frozen" {
            if sentence.lower(index + 1, isIn: Self.assetWords) { return nil }
            var end = index - 1
            while end >= 0 && (sentence.lower(end, isIn: .finiteOrAuxiliary) || sentence.lower(end).hasSuffix("ly")) {
                end -= 1
            }
            if sentence.lower(end) == "which" || sentence.lower(end) == "that" { end -= 1 }
            guard end >= 0, sentence.lower(end, isIn: Self.assetWords) else { return nil }
            var start = end
            while start > 0, end - start < 3, sentence[start - 1].isWord,
                !sentence.lower(start - 1, isIn: Self.determiners),
                !sentence.lower(start - 1, isIn: .finiteOrAuxiliary),
                !sentence.lower(start - 1, isIn: Self.targetOpeners), !sentence.lower(start - 1, isIn: Self.verbs)
            {
                start -= 1
            }
            fields["targets"] = [.string(sentence.text(start, end))]
            first = start
            if sentence.lower(index + 1) == "by", let actor = Self.actorPhrase(from: index + 2, in: sentence) {
                fields["actor"] = .string(actor)
            }
        } else {
            let end = sentence.clauseEnd(from: index + 1)
            guard end > index,
                let asset = (index + 1...min(end, index + 6)).first(where: {
                    sentence.lower($0, isIn: Self.assetWords)
                })
            else { return nil }
            var targetEnd = asset
            if sentence.lower(asset + 1) == "of", let owner = Self.actorEnd(from: asset + 2, in: sentence) {
                targetEnd = owner
            }
            fields["targets"] = [.string(sentence.text(index + 1, targetEnd))]
            if let actor = Self.actor(ofVerbAt: index, in: sentence) { fields["actor"] = .string(actor) }
            last = targetEnd
        }
        fields["status"] = .string(status(before: first, in: sentence))
        return Finding(
            kind: .ban, span: sentence.span(first, last), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    /// "X has been made a criminal offence", "made it illegal to sell Y", "makes X an offence".
    private func madeOffence(at index: Int, in sentence: Sentence) -> Finding? {
        // "from his illegal activities": an adjective before its noun.
        if let next = sentence[safe: index + 1], next.isWord, !sentence.lower(index + 1, isIn: Self.offenceFollowers) {
            return nil
        }
        var article = index - 1
        if sentence.lower(article) == "criminal" { article -= 1 }
        let start = sentence.clauseStart(before: index)
        guard
            let make = (max(start, article - 8)...max(start, article)).last(where: {
                $0 < index && sentence.lower($0, isIn: Self.makingVerbs)
            })
        else { return nil }
        var fields: [String: JSONValue] = [:]
        var last = index
        if sentence.lower(make + 1) == "it" && sentence.lower(index + 1) == "to" {
            // "made it illegal to carry a knife": the infinitive is banned.
            let end = sentence.clauseEnd(from: index + 2)
            guard end >= index + 2 else { return nil }
            fields["targets"] = [.string(sentence.text(index + 2, end))]
            last = end
            if let actor = Self.actor(ofVerbAt: make, in: sentence) { fields["actor"] = .string(actor) }
        } else if make + 1 == article || make == article {
            // "has been made a criminal offence", "was made illegal": the subject is banned.
            let isPassive =
                sentence.lower(make - 1, isIn: Self.passiveMarkers) || sentence.lower(make - 1) == "been"
                || sentence.lower(make - 2) == "been"
            guard isPassive, let target = Self.subjectTarget(ofVerbAt: make, in: sentence) else { return nil }
            fields["targets"] = [.string(target)]
        } else {
            // "makes possession of the drug a criminal offence".
            let objectEnd = sentence.lower(article, isIn: ["a", "an"]) ? article - 1 : article
            guard objectEnd > make, let target = Self.nounPhrase(make + 1, objectEnd, in: sentence) else {
                return nil
            }
            fields["targets"] = [.string(target)]
            if let actor = Self.actor(ofVerbAt: make, in: sentence) { fields["actor"] = .string(actor) }
        }
        fields["status"] = .string(status(before: make, in: sentence))
        return Finding(
            kind: .ban, span: sentence.span(make, last), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    /// A closure imposed by an authority: "was closed down by regulators in Tokyo", "ordered the mine to shut".
    /// A closure with no authority ("the plant will be shut in April") is the owner's own and no ban.
    private func closedByOrder(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        var after = index + 1
        if sentence.lower(after) == "down" { after += 1 }
        var fields: [String: JSONValue] = [:]
        var first = index
        var last = after - 1
        if word != "close" && sentence.lower(after) == "by" {
            // "was closed down by regulators": passive, with an authority after "by".
            guard sentence.lower(index - 1, isIn: Self.passiveMarkers),
                let actorEnd = Self.actorEnd(from: after + 1, in: sentence),
                (after + 1...actorEnd).contains(where: { sentence.lower($0, isIn: Self.authorities) }),
                let target = Self.subjectTarget(ofVerbAt: index, in: sentence)
            else { return nil }
            fields["targets"] = [.string(target)]
            fields["actor"] = .string(sentence.text(after + 1, actorEnd))
            last = actorEnd
        } else if (word == "close" || word == "shut") && sentence.lower(index - 1) == "to" {
            // "ordered the mine to shut": the object of "ordered" is closed.
            let start = sentence.clauseStart(before: index)
            guard
                let order = (max(start, index - 9)..<index).last(where: { sentence.lower($0, isIn: Self.orderVerbs) }),
                index - 2 > order, let target = Self.nounPhrase(order + 1, index - 2, in: sentence)
            else { return nil }
            fields["targets"] = [.string(target)]
            if let actor = Self.actor(ofVerbAt: order, in: sentence) { fields["actor"] = .string(actor) }
            first = order
        } else {
            return nil
        }
        fields["status"] = .string(status(before: first, in: sentence))
        return Finding(
            kind: .ban, span: sentence.span(first, last), anchor: sentence.span(index, index), fields: fields,
            prior: 0.8)
    }

    /// The verb after a subject "ban" that keeps someone out: "the ban will prevent X from", "bans stop X from".
    static func preventing(after index: Int, in sentence: Sentence) -> Int? {
        var position = index + 1
        if sentence.lower(position, isIn: ["will", "would", "could", "may", "might", "also", "effectively"]) {
            position += 1
        }
        // "a ban was issued preventing the painting from leaving the UK".
        if sentence.lower(position, isIn: ["was", "is", "were", "are"])
            && sentence.lower(position + 1, isIn: ["issued", "imposed", "introduced", "granted"])
            && sentence.lower(position + 2, isIn: ["preventing", "stopping", "barring"])
        {
            position += 2
        }
        guard
            sentence.lower(position, isIn: Self.preventVerbs)
                || sentence.lower(position, isIn: ["preventing", "stopping", "barring"]),
            (position + 2...min(position + 12, sentence.count)).contains(where: { sentence.lower($0) == "from" })
        else { return nil }
        return position
    }

    /// "means" after a subject "ban" and the last word of whom it keeps out: "the ban means Pountney cannot
    /// enter", "the ban means he will not play".
    static func meansExclusion(after index: Int, in sentence: Sentence) -> (means: Int, lastTarget: Int)? {
        let means = index + 1
        guard sentence.lower(means) == "means" else { return nil }
        var position = means + 1
        while position < min(means + 10, sentence.count), sentence[position].isWord {
            let word = sentence.lower(position)
            if word == "cannot" || word == "can't" || word == "can\u{2019}t" || word == "won't"
                || word == "won\u{2019}t"
                || ((word == "will" || word == "can") && sentence.lower(position + 1) == "not")
                || (word == "will" && sentence.lower(position + 1) == "miss")
            {
                return position > means + 1 ? (means, position - 1) : nil
            }
            if sentence.lower(position, isIn: .finiteOrAuxiliary) || sentence.lower(position) == "that" { return nil }
            position += 1
        }
        return nil
    }

    /// The participle an "and <participle>" is coordinated with: "sacked" in "sacked by Chelsea and banned",
    /// "stripped" in "should be stripped of her medals and banned".
    static func coordinatedParticiple(before and: Int, in sentence: Sentence) -> Int? {
        let start = max(sentence.clauseStart(before: and), and - 12)
        guard start < and else { return nil }
        return (start..<and).last { position in
            let token = sentence[position]
            return token.isWord && !token.isCapitalized && token.lower.hasSuffix("ed") && position > 0
                && (passiveAuxiliary(before: position, in: sentence) != nil || sentence[position - 1].isPunct(","))
        }
    }

    /// Who is banned by the passive (or bare) participle at `verb`: the subject, with a name joined by "and"
    /// before it ("Kenteris and Thanou could be suspended" → both), the name a "who" clause follows
    /// ("Steven Gerrard, who was suspended"), or the name an aside follows ("Mutu, banned by the FA",
    /// "Thanou, 30, was suspended").
    static func passiveTargets(ofVerbAt verb: Int, in sentence: Sentence) -> [String]? {
        var end = verb - 1
        while end >= 0, verb - end <= 6,
            sentence.lower(end, isIn: .finiteOrAuxiliary) || sentence.lower(end, isIn: verbGroupAdverbs)
                || sentence.lower(end, isIn: ["be", "been", "to"])
                || (sentence[end].isWord && !sentence[end].isCapitalized && sentence.lower(end).hasSuffix("ly"))
        {
            end -= 1
        }
        guard end >= 0 else { return nil }
        if sentence.lower(end, isIn: ["who", "which", "that"]) {
            let nameEnd = sentence[safe: end - 1]?.isPunct(",") ?? false ? end - 2 : end - 1
            if let start = name(endingAt: nameEnd, in: sentence) { return [sentence.text(start, nameEnd)] }
            // "206,000 felons, who have been banned from voting": the noun phrase before.
            guard nameEnd >= 0, sentence[nameEnd].isWord else { return nil }
            var start = nameEnd
            while start > 0, nameEnd - start < 3, sentence[start - 1].isWord,
                !sentence.lower(start - 1, isIn: actorStops), !sentence.lower(start - 1, isIn: targetOpeners),
                !sentence.lower(start - 1, isIn: .finiteOrAuxiliary)
            {
                start -= 1
            }
            let phrase = sentence.text(start, nameEnd)
            return isTarget(phrase) ? [phrase] : nil
        }
        if sentence[end].isPunct(",") {
            // "Thanou, 30, was suspended": past an age.
            var nameEnd = end - 1
            if nameEnd >= 1, sentence[nameEnd].lower.unicodeScalars.allSatisfy({ Scalars.isDigit($0) }),
                sentence[nameEnd - 1].isPunct(",")
            {
                nameEnd -= 2
            }
            // Only a name opening the sentence: "A second auditor, Deloitte & Touche, has been banned" is
            // left to the subject.
            if let start = name(endingAt: nameEnd, in: sentence),
                start == 0 || (sentence[start - 1].kind == .punct && Scalars.isOpeningQuote(sentence[start - 1].first))
            {
                return [sentence.text(start, nameEnd)]
            }
        }
        guard let target = subjectTarget(ofVerbAt: verb, in: sentence) else { return nil }
        let count = target.split(separator: " ").count
        let start = end - count + 1
        if start >= 2, sentence.lower(start - 1) == "and", sentence.text(start, end) == target,
            let otherStart = name(endingAt: start - 2, in: sentence)
        {
            return [sentence.text(otherStart, start - 2), target]
        }
        return [target]
    }

    /// The first token of the capitalised name (up to four words) that ends at `end`, or nil.
    static func name(endingAt end: Int, in sentence: Sentence) -> Int? {
        guard end >= 0, end < sentence.count, sentence[end].isWord, sentence[end].isCapitalized else { return nil }
        var start = end
        while start > 0, end - start < 3, sentence[start - 1].isWord, sentence[start - 1].isCapitalized {
            start -= 1
        }
        return start
    }

    /// The passive auxiliary before the participle at `index`, past up to three adverbs: "was provisionally
    /// suspended", "is hereby banned", "have both been suspended".
    static func passiveAuxiliary(before index: Int, in sentence: Sentence) -> Int? {
        var position = index - 1
        while position >= 0, index - position <= 3,
            sentence.lower(position, isIn: verbGroupAdverbs)
                || (sentence[position].isWord && !sentence[position].isCapitalized
                    && sentence.lower(position).hasSuffix("ly"))
        {
            position -= 1
        }
        return position >= 0 && sentence.lower(position, isIn: passiveMarkers) ? position : nil
    }

    /// Whether the verb group ending before `index` holds a negation: "had not been banned", "has never even
    /// been suspended", "should not be restricted".
    static func verbGroupIsNegated(before index: Int, in sentence: Sentence) -> Bool {
        var position = index - 1
        while position >= 0, index - position <= 5 {
            let word = sentence.lower(position)
            if word == "not" || word == "never" || word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t") {
                return true
            }
            guard
                sentence.lower(position, isIn: .finiteOrAuxiliary) || sentence.lower(position, isIn: verbGroupAdverbs)
                    || word == "been" || word == "be"
            else { return false }
            position -= 1
        }
        return false
    }

    /// Whether the "suspend…" at `index` is a sanction on a person or a team: passive with a person or team
    /// as its subject and a reason, a length or nothing after it ("was suspended for missing a test", "Andy
    /// Todd is suspended."), or active with a person as its object ("has suspended both athletes"). Things
    /// suspended (shares, talks, flights, payments, a sentence) are no sanction.
    static func isSanctionSuspension(at index: Int, in sentence: Sentence) -> Bool {
        if passiveAuxiliary(before: index, in: sentence) != nil {
            let after = sentence[safe: index + 1]
            guard after == nil || !(after?.isWord ?? false) || sentence.lower(index + 1, isIn: suspensionFollowers),
                let subjects = passiveTargets(ofVerbAt: index, in: sentence)
            else { return false }
            // The noun just before the verb group is what was suspended ("a three-day campaign was suspended").
            var head = index - 1
            while head >= 0, index - head <= 6,
                sentence.lower(head, isIn: .finiteOrAuxiliary) || sentence.lower(head, isIn: verbGroupAdverbs)
                    || sentence.lower(head, isIn: ["be", "been", "to"])
                    || (sentence[head].isWord && !sentence[head].isCapitalized && sentence.lower(head).hasSuffix("ly"))
            {
                head -= 1
            }
            if head >= 0 && suspendedThings.contains(sentence.lower(head)) { return false }
            return subjects.allSatisfy { subject in
                !subject.split(separator: " ").contains { suspendedThings.contains($0.lowercased()) }
                    && isPersonLike(subject)
            }
        }
        // "the suspended Patrick Vieira", "says suspended sprinter Dwain Chambers …": a description.
        if sentence.lower(index) == "suspended" && index > 0
            && (sentence.lower(index - 1, isIn: determiners)
                || sentence.lower(index - 1, isIn: sayingVerbs)
                || (sentence.lower(index - 1, isIn: .finiteOrAuxiliary)
                    && !sentence.lower(index - 1, isIn: ["has", "have", "had"])))
        {
            return false
        }
        // The object: past determiners, up to a preposition, a verb or a break.
        var end = index + 1
        while end < sentence.count, end - index <= 6, sentence[end].isWord,
            !sentence.lower(end, isIn: actorStops), !sentence.lower(end, isIn: targetStops),
            !sentence.lower(end, isIn: .finiteOrAuxiliary)
        {
            end += 1
        }
        let head = end - 1
        guard head > index, !sentence.lower(head, isIn: determiners) else { return false }
        if (index + 1...head).contains(where: { suspendedThings.contains(sentence.lower($0)) }) { return false }
        return sentence[head].isCapitalized || sentence.lower(head, isIn: sanctionedPeople)
    }

    /// Words before "bar" that show it is a verb: "to bar", "will bar", "a law that bars".
    static let barOpeners: WordSet = [
        "to", "will", "would", "could", "can", "may", "might", "must", "should", "also", "and", "which", "that",
        "who", "effectively", "it", "law", "rule", "rules", "order", "act", "bill", "ruling", "decision", "now",
    ]
    /// Words before "sanctions" that say what kind they are.
    static let sanctionModifiers: WordSet = [
        "economic", "financial", "trade", "tough", "tougher", "strong", "international", "severe", "heavy",
        "military", "diplomatic", "punitive",
    ]
    /// Whether `target` names persons or a team: a name (a capital past its first word, or a first word that
    /// is no determiner), a pronoun, or a word for people ("several others", "six staff").
    static func isPersonLike(_ target: String) -> Bool {
        let words = target.split(separator: " ")
        return words.indices.contains { position in
            let word = words[position]
            let lower = word.lowercased()
            if sanctionedPeople.contains(lower) || personWords.contains(lower) { return true }
            return (word.first?.isUppercase ?? false) && (position > 0 || !capitalisedOpeners.contains(lower))
        }
    }

    static let personWords: Set<String> = [
        "he", "she", "i", "we", "they", "you", "people", "others", "staff", "both", "men", "women", "man", "woman",
        "spokesman", "spokeswoman", "executive", "executives", "director", "directors", "head", "chief",
    ]
    /// Words that begin a sentence's noun phrase with a capital without being a name.
    static let capitalisedOpeners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "some", "all", "any",
        "two", "three", "four", "five", "six", "several", "many", "most", "no", "each", "every", "our", "my",
    ]
    /// What a restriction restricts: a use, a trade, an entry ("restricting the use of", "restrict imports").
    static let restrictedThings: WordSet = [
        "use", "sale", "sales", "imports", "import", "exports", "export", "access", "entry", "movement", "travel",
        "ownership", "immigration", "abortion", "abortions", "procedure", "trading",
        "shipment", "shipments", "advertising", "smoking", "hunting", "fishing", "gun", "guns", "speech",
        "freedom", "freedoms", "rights", "right", "visas", "activities", "transferring", "purchases", "purchase",
        "broadcasting", "publication", "internet", "websites", "flow", "class", "bathroom", "number",
    ]
    static let verbGroupAdverbs: WordSet = [
        "also", "both", "now", "still", "already", "hereby", "then", "even", "never", "not", "since", "all",
        "effectively", "subsequently", "later",
    ]
    /// Words after a passive "suspended" that give its reason or length, not a thing's state ("suspended in
    /// mid-air", "suspended at A$4.25").
    static let suspensionFollowers: WordSet = [
        "for", "and", "after", "pending", "until", "alongside", "without", "following", "over", "indefinitely",
    ]
    /// Things that are suspended without a sanction on anyone.
    static let suspendedThings: Set<String> = [
        "shares", "share", "stock", "stocks", "trading", "trade", "talks", "negotiations", "trial", "hearing",
        "case", "flights", "flight", "payments", "payment", "repayments", "sales", "sale", "betting", "production",
        "output", "service", "services", "operations", "operation", "sentence", "sentences", "ban", "bans",
        "weeks", "months", "days", "exports", "imports", "deliveries", "aid", "plans", "plan", "work", "works",
        "game", "match", "play", "campaign", "campaigning", "requests", "request", "dividend", "dividends",
        "listing", "construction", "programme", "program", "project", "deal", "contract", "contracts", "scheme",
        "session", "sessions", "proceedings", "debate", "lending", "loans", "supplies", "supply", "fare", "fares",
        "efforts", "effort", "agreement", "auction", "auctions", "buying", "selling", "merger", "offer", "bid",
        "routes", "route", "broadcast", "broadcasts", "show", "activities", "activity", "interest",
    ]
    /// Persons and teams that a sanction suspends: "has suspended both athletes", "the two-time runner-up".
    static let sanctionedPeople: WordSet = [
        "athlete", "athletes", "player", "players", "runner", "runners", "runner-up", "sprinter", "sprinters",
        "coach", "manager", "referee", "referees", "official", "officials", "driver", "drivers", "rider", "riders",
        "team", "club", "member", "members", "him", "her", "them", "boxer", "jockey", "trainer", "cyclist",
        "striker", "defender", "midfielder", "goalkeeper", "captain", "employee", "employees", "staff", "doctor",
        "lawyer", "judge", "minister", "officer", "officers", "pair", "duo", "trio", "champion", "swimmer",
        "cyclists", "boxers", "jockeys", "swimmers", "coaches", "managers", "strikers", "defenders", "captains",
        "doctors", "lawyers", "judges", "ministers", "champions", "trainers", "teams", "clubs",
    ]
    /// Verbs of saying and thinking: "says suspended sprinter Dwain Chambers …" describes, it does not suspend.
    static let sayingVerbs: WordSet = [
        "say", "says", "said", "think", "thinks", "thought", "believe", "believes", "claim", "claims", "insist",
        "insists", "added", "told", "tell", "tells",
    ]

    /// Whether the "block" at `index` is a thing or a move in play: "a stumbling block to", "the building
    /// blocks of", "his shot was blocked", "blocked it with his legs".
    static func isPhysicalBlock(at index: Int, in sentence: Sentence) -> Bool {
        let word = sentence.lower(index)
        if (word == "block" || word == "blocks")
            && (sentence.lower(index - 1, isIn: determiners) || sentence.lower(index - 1, isIn: blockNouns))
            && sentence.lower(index + 1) != "on"
        {
            return true
        }
        let next = sentence.lower(index + 1)
        return next == "off" || next == "it" || next == "at" || next == "before" || next == "and"
            || sentence.lower(index + 2) == "off"
    }

    /// The subject of the verb at `verb` as a target: cut at the first verb ("Stefan Koubek says he" →
    /// "Stefan Koubek"), nil when nothing of a noun phrase is left.
    static func subjectTarget(ofVerbAt verb: Int, in sentence: Sentence) -> String? {
        guard let subject = sentence.subject(ofVerbAt: verb) else { return nil }
        var kept: [Substring] = []
        for word in subject.split(separator: " ") {
            let lower = word.lowercased()
            if !kept.isEmpty && (Lexicon.isFiniteVerb(lower) || lower == "both" || lower == "all") { break }
            kept.append(word)
        }
        let target = kept.joined(separator: " ")
        return isTarget(target) ? target : nil
    }

    /// The actor as a noun phrase: the subject of the verb at `verb`, or nil when that is a pronoun or a clause
    /// fragment ("The exact cost to Blackpool in terms of").
    static func actor(ofVerbAt verb: Int, in sentence: Sentence) -> String? {
        guard let subject = sentence.subject(ofVerbAt: verb), isNounPhrase(subject) else { return nil }
        return subject
    }

    /// The noun phrase from `start` that names an actor after "by": "the IAAF", "Athletics Kenya (AK)",
    /// "the regulator" (not "the regulator in March").
    static func actorPhrase(from start: Int, in sentence: Sentence) -> String? {
        guard let end = actorEnd(from: start, in: sentence) else { return nil }
        let phrase = sentence.text(start, end)
        return isNounPhrase(phrase) ? phrase : nil
    }

    /// The last token of the actor noun phrase from `start`: up to a clause break, a verb or a preposition
    /// other than "of".
    static func actorEnd(from start: Int, in sentence: Sentence) -> Int? {
        let end = sentence.clauseEnd(from: start)
        guard end >= start else { return nil }
        var last = start - 1
        var depth = 0
        for position in start...min(end, start + 9) {
            let token = sentence[position]
            if token.isPunct("(") {
                depth += 1
            } else if token.isPunct(")") {
                depth -= 1
            } else if depth == 0 && position > start
                && (sentence.lower(position, isIn: actorStops) || sentence.lower(position, isIn: .finiteOrAuxiliary)
                    || sentence.lower(position, isIn: targetStops)
                    || (!token.isCapitalized && token.lower.hasSuffix("ed")))
            {
                break
            }
            last = position
        }
        while last >= start && sentence.lower(last, isIn: ["of", "and", "the", "a", "an"]) { last -= 1 }
        return last >= start ? last : nil
    }

    /// The noun phrase `first...last` with a leading "with" or trailing "with" dropped, or nil.
    static func nounPhrase(_ first: Int, _ last: Int, in sentence: Sentence) -> String? {
        guard first <= last, last < sentence.count else { return nil }
        let text = sentence.text(first, last)
        return isTarget(text) ? text : nil
    }

    /// Whether `text` can be an actor: a short noun phrase, with no verb, clause word or trailing
    /// preposition, and not a bare pronoun.
    static func isNounPhrase(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { $0.lowercased() }
        guard let firstWord = words.first, let lastWord = words.last, words.count <= 8 else { return false }
        if words.count == 1 && (nonActors.contains(firstWord) || personalPronouns.contains(firstWord)) {
            return false
        }
        if actorStops.contains(firstWord) || phraseEnds.contains(lastWord) || lastWord.hasSuffix("ing") {
            return false
        }
        if firstWord.unicodeScalars.allSatisfy({ Scalars.isDigit($0) }) { return false }
        let original = text.split(separator: " ")
        return !words.indices.contains { position in
            let word = words[position]
            return Lexicon.isFiniteVerb(word) || actorStops.contains(word) || clauseWords.contains(word)
                || (position > 0 && word.hasSuffix("ed") && !(original[position].first?.isUppercase ?? false))
        }
    }

    /// `target` cut before its first verb ("athlete Susan Chepkemei will still take part" → "athlete Susan
    /// Chepkemei"), or nil when it cannot be a target.
    static func trimmedTarget(_ target: String) -> String? {
        var kept: [Substring] = []
        for word in target.split(separator: " ") {
            if !kept.isEmpty && Lexicon.isFiniteVerb(word.lowercased()) { break }
            kept.append(word)
        }
        let trimmed = kept.joined(separator: " ")
        return isTarget(trimmed) ? trimmed : nil
    }

    /// Whether `text` can be a target: it begins with neither a verb, a preposition nor a conjunction ("for
    /// two years", "is contagious", "- a decision").
    static func isTarget(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first?.lowercased() else { return false }
        if first.unicodeScalars.allSatisfy({ !Scalars.isLetter($0) }) && !text.contains(" ") { return false }
        if first.unicodeScalars.allSatisfy({ !Scalars.isLetter($0) && !Scalars.isDigit($0) }) { return false }
        return !Lexicon.isFiniteVerb(first) && !targetOpeners.contains(first)
    }

    /// Whether the word at `position` may be part of what a compound ban bans ("hunting" in "the hunting ban").
    static func isTargetWord(at position: Int, in sentence: Sentence) -> Bool {
        let token = sentence[position]
        return token.isWord && !token.isCapitalized && !sentence.lower(position, isIn: banModifiers)
            && !sentence.lower(position, isIn: determiners) && !isDuration(token)
            && !sentence.lower(position, isIn: .finiteOrAuxiliary) && !sentence.lower(position, isIn: targetOpeners)
            && !Self.isPossessive(token) && !token.lower.hasSuffix("ly") && !sentence.lower(position, isIn: verbs)
    }

    /// Whether the word at `position` says what kind of ban it is: "total", "two-year", "life".
    static func isModifier(at position: Int, in sentence: Sentence) -> Bool {
        guard position >= 0 && position < sentence.count else { return false }
        return sentence.lower(position, isIn: banModifiers) || isDuration(sentence[position])
    }

    /// "two-year", "six-match", "10-day": a length, not a thing banned.
    static func isDuration(_ token: Token) -> Bool {
        guard token.lowerContainsHyphen, let unit = token.lower.split(separator: "-").last else { return false }
        return durationUnits.contains(String(unit))
    }

    static func isPossessive(_ token: Token) -> Bool {
        token.lower.hasSuffix("'s") || token.lower.hasSuffix("\u{2019}s") || token.lower.hasSuffix("s'")
    }

    /// "Canada" of "Canada's".
    static func owner(of token: Token) -> String {
        let scalars = Array(token.text.unicodeScalars)
        let cut = token.lower.hasSuffix("s'") ? 1 : 2
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.prefix(max(0, scalars.count - cut)))
        return String(text)
    }

    static let determiners: WordSet = ["a", "an", "the", "its", "their", "his", "her", "this", "that", "our"]
    static let durationUnits: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "match", "game", "race", "test", "hour",
    ]
    /// Verbs whose object is banned by a sanction: "handed Cantona a ban", "threatened Masai with a ban".
    static let objectSanctionVerbs: WordSet = [
        "handed", "hands", "hand", "gave", "given", "gives", "give", "threatened", "threatens", "threaten", "hit",
        "slapped", "punished", "served",
    ]
    /// Verbs whose subject is banned by a sanction: "faces a life ban", "received a two-year ban".
    static let subjectSanctionVerbs: WordSet = [
        "faces", "face", "facing", "faced", "received", "receives", "receive", "serving", "serves", "serve",
        "landed", "earned", "incurred", "got", "gets", "get", "picked",
    ]
    static let offenceWords: WordSet = ["offence", "offense", "illegal", "unlawful"]
    /// Words that may follow "illegal" or "an offence" when it is predicated, not a modifier.
    static let offenceFollowers: WordSet = [
        "to", "in", "under", "and", "for", "by", "after", "from", "since", "last", "this", "next", "until", "or",
    ]
    static let makingVerbs: WordSet = ["made", "make", "makes", "making"]
    static let closingWords: WordSet = ["closed", "shut", "close"]
    static let freezeWords: WordSet = ["freeze", "freezes", "froze", "frozen", "freezing"]
    static let assetWords: WordSet = ["assets", "asset", "accounts", "funds", "holdings", "property", "properties"]
    static let orderVerbs: WordSet = ["ordered", "orders", "order", "forced", "forces", "force", "told"]
    static let preventVerbs: WordSet = ["prevent", "prevents", "prevented", "stop", "stops", "stopped", "bar", "bars"]
    /// Who can close something down by order ("closed down by regulators").
    static let authorities: WordSet = [
        "regulators", "regulator", "authorities", "authority", "government", "police", "court", "courts", "ministry",
        "council", "officials", "judge", "state", "inspectors", "watchdog", "commission", "army", "troops",
    ]
    static let blockNouns: WordSet = ["stumbling", "building", "road", "main", "major", "big", "biggest", "trading"]
    /// Words of play that a "block" stops without banning: a shot, a pass, a run.
    static let playWords: Set<String> = [
        "shot", "shots", "effort", "strike", "header", "ball", "cross", "pass", "attempt", "kick", "drive",
        "volley", "run", "path", "tackle", "punch", "way", "view", "road", "roads", "traffic",
    ]
    /// Words that begin no target: prepositions, conjunctions, the infinitive mark.
    static let targetOpeners: WordSet = [
        "for", "with", "to", "in", "on", "at", "by", "from", "and", "or", "but", "if", "as", "of", "into", "than",
        "so", "until", "after", "before", "since", "should", "also",
    ]
    /// Words that end an actor noun phrase or show it is a clause: prepositions other than "of".
    static let actorStops: WordSet = [
        "in", "on", "at", "by", "with", "to", "from", "into", "over", "after", "before", "for", "as", "than",
        "during", "since", "until", "under", "about", "against", "because", "if", "whether",
    ]
    static let clauseWords: WordSet = ["that", "which", "who", "when", "where", "while", "not", "never"]
    static let phraseEnds: WordSet = [
        "of", "the", "a", "an", "and", "or", "its", "their", "his", "her", "terms", "this", "that",
    ]
    static let personalPronouns: WordSet = ["he", "she", "we", "you", "i", "one", "him", "them", "us"]
    /// Words before "ban" that say what kind of ban it is, not what it bans.
    static let banModifiers: WordSet = [
        "new", "total", "blanket", "outright", "proposed", "temporary", "lifetime", "life", "global", "worldwide",
        "complete", "partial", "full", "similar", "existing", "current", "planned", "possible", "two-year",
        "one-year", "year-long", "indefinite", "immediate", "permanent", "automatic", "same", "first", "latest",
        "provisional", "additional", "possible", "further", "lengthy", "long", "short",
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
        return items.compactMap { item in
            guard let first = item.first, let last = item.last else { return nil }
            return sentence.text(first, last)
        }
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
    static let notBeAllowedTo = Phrase("not be allowed to")
    static let noLongerBeAllowedTo = Phrase("no longer be allowed to")
    static let barringExceptions: WordSet = ["any", "a", "an", "unforeseen", "injury", "accidents", "further"]
    static let noLongerAllowed = Phrase("no longer be allowed")
    static let placePrepositions: WordSet = ["within", "across", "throughout", "in"]
    static let weekdays: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func nextIsName(after index: Int, in sentence: Sentence) -> Bool {
        (sentence[safe: index + 1]?.isCapitalized ?? false) && (sentence[safe: index - 1]?.isCapitalized ?? false)
    }

    /// Words a ban trigger can begin with (besides "restrict…").
    static let entryWords = WordSet(
        Array(verbs.words) + ["not", "no", "ban", "prohibition", "restrictions", "embargo", "sanctions"]
            + Array(offenceWords.words) + Array(closingWords.words) + Array(freezeWords.words))
    static let verbs: WordSet = [
        "ban", "bans", "banned", "banning", "outlaw", "outlaws", "outlawed", "outlawing", "prohibit", "prohibits",
        "prohibited", "prohibiting", "barred", "barring", "blocked", "blocking", "blocks", "block", "blacklisted",
        "blacklisting", "blacklists", "blacklist", "censored", "censoring", "suspended", "suspends", "suspend",
        "suspending", "bar", "bars", "restrict", "restricts", "restricting", "restricted",
    ]
    /// Words that end a target list and begin an adverbial ("… in May", "… next year").
    static let targetStops: WordSet = [
        "in", "on", "at", "during", "since", "until", "after", "before", "next", "last", "this", "over", "amid",
        "because", "due", "following", "earlier", "later", "yesterday", "today", "tomorrow", "for", "from",
        "if", "whether", "unless", "than",
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
