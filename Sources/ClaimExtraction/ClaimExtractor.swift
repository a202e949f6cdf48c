import ClaimCore

/// Finds check-worthy claims in an article body: sentences → recognizers → scoring → topics.
public struct ClaimExtractor: Sendable {
    /// The extractor's version, stored with every claim it reports.
    public static let version = "extractor-2.0"

    /// The recognizers, one per claim kind. A new kind is one file plus one line here.
    static let recognizers: [any ClaimRecognizer] = [
        RankingRecognizer(),
        QuantityRecognizer(),
        BanRecognizer(),
        QuoteRecognizer(),
        PredictionRecognizer(),
        ComparisonRecognizer(),
    ]

    private let tagger: TopicTagger
    private let scorer: CheckWorthinessScorer

    public init(taxonomy: Taxonomy = .standard) {
        tagger = TopicTagger(taxonomy: taxonomy)
        scorer = CheckWorthinessScorer()
    }

    /// Claims in reading order (by span start). `body` is already normalised (BodyNormalizer).
    public func extract(from body: String) -> [CandidateClaim] {
        let text = ScalarText(body)
        var found: [CandidateClaim] = []
        var lastSpeaker: String? = nil
        for unit in SentenceSplitter.units(in: text.scalars) where SentenceFilter.admits(unit, in: text.scalars) {
            for var claim in claims(in: Sentence(body: text, span: unit.span)) {
                if claim.kind == .quote, case .string(let speaker)? = claim.fields["speaker"] {
                    if QuoteRecognizer.personalPronouns.contains(speaker.lowercased()) {
                        // "…,” he said": the most recent named speaker, or no claim.
                        guard let lastSpeaker else { continue }
                        claim.fields["speakerMention"] = .string(speaker)
                        claim.fields["speaker"] = .string(lastSpeaker)
                    } else if QuoteRecognizer.isPerson(speaker) {
                        lastSpeaker = speaker
                    }
                }
                found.append(claim)
            }
        }
        return found.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The claims of one admitted sentence.
    func claims(in sentence: Sentence) -> [CandidateClaim] {
        guard !sentence.tokens.isEmpty else { return [] }
        let findings = Self.resolve(Self.recognizers.flatMap { $0.findings(in: sentence) })
        let sentenceScore = scorer.articleScore(sentence.body.scalars[sentence.span.start..<sentence.span.end])
        let statements = statementSpans(in: sentence, besides: findings, sentenceScore: sentenceScore)
        guard !findings.isEmpty || !statements.isEmpty else { return [] }
        let topics = tagger.topics(for: sentence.body.scalars[sentence.span.start..<sentence.span.end])
        var claims = findings.map { finding in
            var fields = finding.fields
            if let hedge = sentence.hedge { fields["hedge"] = .string(hedge) }
            var claimTopics = topics
            for extra in finding.extraTopics where !claimTopics.contains(extra) { claimTopics.append(extra) }
            return CandidateClaim(
                kind: finding.kind, span: finding.span, text: ScalarStrings.string(finding.span, in: sentence.body),
                fields: fields,
                score: Self.rounded(max(finding.prior, sentenceScore)), topics: claimTopics)
        }
        for span in statements {
            var fields: [String: JSONValue] = [:]
            if let hedge = sentence.hedge { fields["hedge"] = .string(hedge) }
            let text = ScalarStrings.string(span, in: sentence.body)
            claims.append(
                CandidateClaim(
                    kind: .statement, span: span, text: text, fields: fields,
                    score: Self.rounded(
                        span == sentence.span
                            ? sentenceScore : scorer.articleScore(sentence.body.scalars[span.start..<span.end])),
                    topics: tagger.topics(for: sentence.body.scalars[span.start..<span.end])))
        }
        return claims
    }

    /// Drops findings anchored in words another finding has explained (a ranking's "out of 36").
    static func resolve(_ findings: [Finding]) -> [Finding] {
        findings.filter { finding in
            !findings.contains { other in
                other.span != finding.span && other.consumes.contains { $0.contains(finding.anchor) }
            }
                && !(finding.kind == .quantity
                    && findings.contains { $0.kind == .ranking && $0.span.contains(finding.anchor) })
        }
    }

    /// Check-worthy stretches no recognizer explains: the whole sentence when nothing was found, else a
    /// leading clause the findings leave out ("X has curtailed Y, banning Z").
    private func statementSpans(in sentence: Sentence, besides findings: [Finding], sentenceScore: Double) -> [TextSpan]
    {
        if findings.isEmpty {
            guard sentenceScore >= scorer.threshold else { return [] }
            return [withoutFinalPeriod(0, sentence.count - 1, in: sentence)].compactMap { $0 }
        }
        guard let firstFinding = findings.map(\.span.start).min(),
            let comma = (0..<sentence.count).last(where: {
                sentence[$0].isPunct(",") && sentence[$0].end <= firstFinding
            }),
            comma >= 5,
            !(0..<comma).contains(where: {
                sentence[$0].isPunct(",") || sentence[$0].kind == .punct && sentence[$0].isPunct(";")
            })
        else { return [] }
        let clause = sentence.text(0, comma - 1)
        guard scorer.articleScore(sentence: clause + ".") >= scorer.threshold,
            (0..<comma).contains(where: {
                Lexicon.isFiniteVerb(sentence.lower($0))
                    || (sentence.lower($0).hasSuffix("ed") && !sentence[$0].isCapitalized)
            })
        else { return [] }
        return [sentence.span(0, comma - 1)]
    }

    private func withoutFinalPeriod(_ first: Int, _ last: Int, in sentence: Sentence) -> TextSpan? {
        var last = last
        if last > first && (sentence[last].isPunct(".") || sentence[last].isPunct("!")) { last -= 1 }
        return last >= first ? sentence.span(first, last) : nil
    }

    private static func rounded(_ score: Double) -> Double { (min(1, max(0, score)) * 1000).rounded() / 1000 }
}
