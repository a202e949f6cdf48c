import ClaimCore

/// Finds comparisons without a position: "lagging behind all major global economies", "outpaced rivals".
struct ComparisonRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        var findings: [Finding] = []
        for index in 0..<sentence.count {
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

    static let lagVerbs: WordSet = [
        "lag", "lags", "lagging", "lagged", "fall", "falls", "fell", "fallen", "falling", "trail", "trails",
        "trailing", "trailed", "left", "remains", "remain", "remained", "stays",
    ]
    static let aheadVerbs: WordSet = [
        "outpaced", "outpaces", "outpacing", "outperformed", "outperforms", "outperforming", "outstripped",
        "outstrips", "outstripping", "trails", "trailed", "trailing", "outsold", "outsells",
    ]
}
