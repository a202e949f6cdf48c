import ClaimCore

/// Finds comparisons without a position: "lagging behind all major global economies", "outpaced rivals",
/// and comparisons with a measure: "more corrupt than Ukraine", "twice as high as in 2003", "19% less than men".
struct ComparisonRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        for index in 0..<sentence.count {
            if sentence.tokens[index].isWord, let measured = measured(at: index, in: sentence) {
                findings.append(measured)
                continue
            }
            var objectStart: Int
            if sentence.lower(index, isIn: .lagVerb) && sentence.lower(index + 1) == "behind" {
                objectStart = index + 2
            } else if sentence.lower(index, isIn: .aheadVerb) {
                objectStart = index + 1
            } else {
                continue
            }
            guard objectStart < sentence.count else { continue }
            let last = sentence.clauseEnd(from: objectStart)
            guard last >= objectStart || objectStart == index + 2 else { continue }
            var fields: [String: JSONValue] = [:]
            if let subject = subject(ofComparisonAt: index, in: sentence) { fields["subject"] = .string(subject) }
            if last >= objectStart { fields["object"] = .string(sentence.text(objectStart, last)) }
            findings.append(
                Finding(
                    kind: .comparison, span: sentence.span(index, max(last, index + 1)),
                    anchor: sentence.span(index, index),
                    fields: fields, prior: 0.6))
        }
        return findings
    }

    /// The subject compared: for a participle after a comma ("…ranked Russia 28th…, lagging behind"),
    /// the object of the ranking verb before it; else the verb's subject.
    private func subject(ofComparisonAt index: Int, in sentence: Sentence) -> String? {
        if index > 0 && sentence[index - 1].isPunct(",") && sentence.lower(index).hasSuffix("ing") {
            if let verb = (0..<index).last(where: { sentence.lower($0, isIn: RankingRecognizer.activeRankVerbs) }),
                let phrase = sentence.nounPhrase(from: verb + 1, maxLength: 4)
            {
                let end =
                    (phrase.lowerBound...phrase.upperBound).first { sentence[$0].isNumber }.map { $0 - 1 }
                    ?? phrase.upperBound
                if end >= phrase.lowerBound { return sentence.text(phrase.lowerBound, end) }
            }
            return sentence.mainSubject().map { sentence.text($0.lowerBound, $0.upperBound) }
        }
        return sentence.subject(ofVerbAt: index)
    }

    /// "more corrupt than Ukraine", "19% less than men", "three times higher than", "twice as high as".
    private func measured(at index: Int, in sentence: Sentence) -> Finding? {
        let word = sentence.lower(index)
        guard word == "than" || word == "as", index > 0, index + 1 < sentence.count else { return nil }
        var measureStart: Int
        var factor: JSONValue?
        if word == "as" {
            // "twice as high as", "three times as likely as", "half as much as": the second "as".
            guard index >= 3, sentence.lower(index - 2) == "as", sentence[index - 1].isWord else { return nil }
            let multiplier = index - 3
            if sentence.lower(multiplier) == "twice" {
                factor = 2
                measureStart = multiplier
            } else if sentence.lower(multiplier) == "half" {
                factor = 0.5
                measureStart = multiplier
            } else if sentence.lower(multiplier) == "times", multiplier > 0,
                let number = NumberReader.read(sentence, at: multiplier - 1)
                    ?? NumberReader.read(sentence, at: multiplier - 2)
            {
                factor = number.value
                measureStart = number.first
            } else {
                return nil
            }
        } else {
            // "than": not a hedge ("more than 100", "less than £5"), not a ranking ("than any other").
            let next = sentence[index + 1]
            guard !next.isNumber, next.kind != .punct || next.isPunct("("),
                !sentence.lower(index + 1, isIn: Self.notObjects),
                !sentence.matches(Self.anyOther, at: index + 1), !sentence.matches(Self.theRestOf, at: index + 1),
                NumberReader.read(sentence, at: index + 1) == nil || sentence.lower(index + 1) == "a"
                    || sentence.lower(index + 1) == "an"
            else { return nil }
            let previous = sentence.lower(index - 1)
            if sentence.lower(index - 2, isIn: Self.moreOrLess), sentence[index - 1].isWord,
                !sentence.lower(index - 1, isIn: Self.notComparatives)
            {
                measureStart = index - 2  // "more corrupt than"
            } else if Self.comparatives.contains(previous) {
                measureStart = index - 1  // "higher than", "more than"
            } else {
                return nil
            }
            // "more than" with no measure compares only when a figure or a "times" stands before it.
            if measureStart == index - 1, sentence.lower(measureStart, isIn: Self.moreOrLess) {
                guard measureStart > 0,
                    sentence[measureStart - 1].isPunct("%") || sentence.lower(measureStart - 1) == "times"
                else { return nil }
            }
            // A figure or a multiplier before: "19% less than", "three times higher than", "far more than".
            var start = measureStart
            if start > 0,
                sentence[start - 1].isPunct("%") || sentence.lower(start - 1) == "cent"
                    || sentence.lower(start - 1) == "times"
            {
                var numberIndex = start - 1
                if sentence.lower(numberIndex) == "cent" { numberIndex -= 2 } else { numberIndex -= 1 }
                if numberIndex >= 0, let number = NumberReader.read(sentence, at: numberIndex) {
                    if sentence.lower(start - 1) == "times" { factor = number.value }
                    start = number.first
                }
            } else if sentence.lower(start - 1) == "twice" {
                factor = 2
                start -= 1
            }
            measureStart = start
        }
        let objectStart = index + 1
        let objectEnd = sentence.clauseEnd(from: objectStart)
        guard objectEnd >= objectStart else { return nil }
        var fields: [String: JSONValue] = [
            "measure": .string(sentence.text(measureStart, index - 1)),
            "object": .string(sentence.text(objectStart, objectEnd)),
        ]
        if let factor { fields["factor"] = factor }
        if let verb = (sentence.clauseStart(before: measureStart)..<measureStart).last(where: {
            sentence.isFiniteVerb($0)
        }),
            let subject = sentence.subject(ofVerbAt: verb)
        {
            fields["subject"] = .string(subject)
        }
        return Finding(
            kind: .comparison, span: sentence.span(measureStart, objectEnd), anchor: sentence.span(measureStart, index),
            fields: fields, prior: 0.6)
    }

    static let anyOther = Phrase("any other")
    static let theRestOf = Phrase("the rest of")
    static let moreOrLess: WordSet = ["more", "less", "fewer"]
    /// What follows "than" in an idiom, not a compared thing: "rather than", "more than ever", "better than expected" stays.
    static let notObjects: WordSet = ["ever", "usual", "before", "that", "this", "it", "i", "we", "you", "anticipated"]
    static let notComparatives: WordSet = [
        "than", "and", "or", "of", "the", "a", "an", "to", "in", "money", "people", "time", "likely",
    ]
    static let comparatives: WordSet = [
        "more", "less", "fewer", "better", "worse", "higher", "lower", "bigger", "larger", "smaller", "greater",
        "faster", "slower", "cheaper", "dearer", "stronger", "weaker", "richer", "poorer", "older", "younger",
        "longer", "shorter", "wider", "deeper", "heavier", "lighter", "safer", "riskier", "easier", "harder",
        "tougher", "healthier", "wealthier", "busier", "costlier", "warmer", "colder", "hotter", "quicker",
        "steeper", "sharper", "bigger", "louder", "tighter", "looser", "likelier",
    ]

    static let lagVerbs: WordSet = [
        "lag", "lags", "lagging", "lagged", "fall", "falls", "fell", "fallen", "falling", "trail", "trails",
        "trailing", "trailed", "left", "remains", "remain", "remained", "stays",
    ]
    static let aheadVerbs: WordSet = [
        "outpaced", "outpaces", "outpacing", "outperformed", "outperforms", "outperforming", "outstripped",
        "outstrips", "outstripping", "trails", "trailed", "trailing", "outsold", "outsells",
    ]
}
