import ClaimCore

/// Finds check-worthy claims in an article body: sentences → recognizers → scoring → topics.
public struct ClaimExtractor: Sendable {
    /// The extractor's version, stored with every claim it reports.
    public static let version = "extractor-2.3"

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
    private let storyModel: StoryTopicModel?
    /// The topics only the story model gives (its classes, when the taxonomy has them).
    private let storyTopics: Set<String>
    /// Each topic's top-level ancestor.
    private let roots: [String: String]

    public init(taxonomy: Taxonomy = .standard, storyModel: StoryTopicModel? = .embedded) {
        tagger = TopicTagger(taxonomy: taxonomy)
        scorer = CheckWorthinessScorer()
        let known = Set(taxonomy.topics.map(\.slug))
        self.storyModel = storyModel
        storyTopics = Set(storyModel?.topics ?? []).intersection(known)
        var parents: [String: String] = [:]
        for topic in taxonomy.topics { parents[topic.slug] = topic.parent }
        var roots: [String: String] = [:]
        for topic in taxonomy.topics {
            var root = topic.slug
            var seen: Set<String> = [root]
            while let parent = parents[root], seen.insert(parent).inserted { root = parent }
            roots[topic.slug] = root
        }
        self.roots = roots
    }

    /// Claims in reading order (by span start). `body` is already normalised (BodyNormalizer).
    public func extract(from body: String) -> [CandidateClaim] {
        extraction(from: body).claims
    }

    /// Claims in reading order and the story's topics.
    ///
    /// A claim carries the story's top-level topics, decided from the whole body (``StoryTopicModel``),
    /// and the finer topics its own sentence's keywords name. The story model's topics are never tagged
    /// from a keyword alone ("goal" is not sport in a budget story), and a finer topic under one of them
    /// that is not the story's needs a second sentence of the article naming it, when the article has
    /// a second sentence with claims: one keyword out of context ("a Swiss Army Knife" in a technology
    /// story) tags nothing.
    public func extraction(from body: String) -> ArticleExtraction {
        let text = ScalarText(scalars: Self.scalars(of: body))
        var found = claims(in: text)
        let story = storyModel?.topics(of: text.scalars[...]).filter(storyTopics.contains) ?? []
        guard !storyTopics.isEmpty else { return ArticleExtraction(claims: found, topics: story) }
        var sentences: [String: Set<Int>] = [:]
        for claim in found {
            for topic in claim.topics {
                sentences[topic, default: []].insert(claim.sentence?.start ?? claim.span.start)
            }
        }
        let context = Set(found.map { $0.sentence?.start ?? $0.span.start }).count > 1
        for index in found.indices {
            var topics = story
            for topic in found[index].topics where !storyTopics.contains(topic) && !topics.contains(topic) {
                let root = roots[topic] ?? topic
                if story.contains(root) || !storyTopics.contains(root) || !context
                    || sentences[topic, default: []].count >= 2
                {
                    topics.append(topic)
                }
            }
            found[index].topics = topics
        }
        return ArticleExtraction(claims: found, topics: story)
    }

    /// The claims of a body, each with the topics its sentence's keywords name.
    private func claims(in text: ScalarText) -> [CandidateClaim] {
        var found: [CandidateClaim] = []
        var speakers = SpeakerResolver()
        for unit in SentenceSplitter.units(in: text.scalars) where SentenceFilter.admits(unit, in: text.scalars) {
            let sentence = Sentence(body: text, span: unit.span)
            defer { speakers.observe(sentence) }
            for var claim in claims(in: sentence) {
                if claim.kind == .quote, case .string(let speaker)? = claim.fields["speaker"],
                    QuoteRecognizer.personalPronouns.contains(speaker.lowercased())
                {
                    // "…,” he said": the person the pronoun refers to, or the pronoun marked unresolved.
                    claim.fields["speakerMention"] = .string(speaker)
                    let quote: String? = if case .string(let text)? = claim.fields["quote"] { text } else { nil }
                    if let antecedent = speakers.antecedent(of: speaker.lowercased(), quote: quote, in: sentence) {
                        claim.fields["speaker"] = .string(antecedent)
                        claim.fields["speakerResolved"] = .bool(true)
                    } else {
                        claim.fields["speakerResolved"] = .bool(false)
                    }
                } else if claim.kind == .quote, case .string(let speaker)? = claim.fields["speaker"] {
                    speakers.noteSpeaker(speaker)
                }
                claim.sentence = unit.span
                found.append(claim)
            }
        }
        QuotePassages.widen(&found, in: text.scalars)
        return found.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The claims of one admitted sentence.
    func claims(in sentence: Sentence) -> [CandidateClaim] {
        guard !sentence.tokens.isEmpty else { return [] }
        let findings = Self.resolve(Self.recognizers.flatMap { $0.findings(in: sentence) })
        let (sentenceScore, sameWithoutFinalPeriod) = scorer.articleScoreAndFinalMark(
            sentence.body.scalars[sentence.span.start..<sentence.span.end])
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
                    // The sentence less its final period (the usual statement) scores as the sentence, unless
                    // a question or exclamation mark then ends it: no second pass over the same words.
                    score: Self.rounded(
                        span == sentence.span
                            || (sameWithoutFinalPeriod
                                && Self.dropsOnlyFinalPeriod(span, of: sentence.span, in: sentence.body.scalars))
                            ? sentenceScore : scorer.articleScore(sentence.body.scalars[span.start..<span.end])),
                    topics: Self.hasSameWords(span, as: sentence.span, in: sentence.body.scalars)
                        ? topics : tagger.topics(for: sentence.body.scalars[span.start..<span.end])))
        }
        return claims
    }

    /// Drops findings anchored in words another finding has explained (a ranking's "out of 36"), and a
    /// quantity inside a ranking's own words; a figure in the ranking's measure stays ("sixth place in the
    /// US chart with $5.4m").
    static func resolve(_ findings: [Finding]) -> [Finding] {
        // The explaining spans, sorted by start, each with the span of the finding that explains it: a
        // finding's anchor is looked up among those starting at most the longest one's length before it,
        // so a sentence of thousands of findings is not compared pair by pair.
        var explained: [(span: TextSpan, owner: TextSpan)] = []
        for finding in findings {
            for consumed in finding.consumes { explained.append((consumed, finding.span)) }
        }
        var rankingAnchors: [(span: TextSpan, owner: TextSpan)] = []
        for finding in findings where finding.kind == .ranking { rankingAnchors.append((finding.anchor, finding.span)) }
        guard !explained.isEmpty || !rankingAnchors.isEmpty else { return findings }
        let byConsumed = SpanIndex(explained)
        let byRanking = SpanIndex(rankingAnchors)
        return findings.filter { finding in
            !byConsumed.holds(finding.anchor, ownedByAnyBut: finding.span)
                && !(finding.kind == .quantity && byRanking.holds(finding.anchor, ownedByAnyBut: nil))
        }
    }

    /// Spans sorted by start, answering whether one of them contains a given span.
    private struct SpanIndex {
        let entries: [(span: TextSpan, owner: TextSpan)]
        let longest: Int

        init(_ entries: [(span: TextSpan, owner: TextSpan)]) {
            self.entries = entries.sorted { $0.span.start < $1.span.start }
            longest = entries.map(\.span.length).max() ?? 0
        }

        /// Whether an entry contains `span`, its owner other than `excluded` (nil: any owner).
        func holds(_ span: TextSpan, ownedByAnyBut excluded: TextSpan?) -> Bool {
            // The first entry starting at or after `span.end - longest`: none before it can reach `span.end`.
            var low = 0
            var high = entries.count
            let from = span.end - longest
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].span.start < from { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < entries.count && entries[index].span.start <= span.start {
                let entry = entries[index]
                if entry.span.contains(span) && entry.owner != excluded { return true }
                index += 1
            }
            return false
        }
    }

    /// Check-worthy stretches no recognizer explains: the whole sentence when nothing was found, else a
    /// leading clause the findings leave out ("X has curtailed Y, banning Z").
    private func statementSpans(in sentence: Sentence, besides findings: [Finding], sentenceScore: Double) -> [TextSpan]
    {
        if findings.isEmpty {
            guard sentenceScore >= scorer.articleThreshold else { return [] }
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
        guard scorer.articleScore(sentence: clause + ".") >= scorer.articleThreshold,
            (0..<comma).contains(where: {
                sentence.isFiniteVerb($0)
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

    /// Whether `span`, inside `outer`, holds the same tagger words as `outer`: everything of `outer` outside
    /// it is neither letter, digit nor mark (a statement is often its sentence less the final period).
    private static func hasSameWords(_ span: TextSpan, as outer: TextSpan, in scalars: [Unicode.Scalar]) -> Bool {
        guard outer.start <= span.start, span.end <= outer.end else { return false }
        let isWordScalar = { (scalar: Unicode.Scalar) in
            Scalars.isLetter(scalar) || Scalars.isDigit(scalar) || Scalars.isMark(scalar)
        }
        return !scalars[outer.start..<span.start].contains(where: isWordScalar)
            && !scalars[span.end..<outer.end].contains(where: isWordScalar)
    }

    /// Whether `span` is `outer` less its final `.` and any ASCII spaces before it.
    private static func dropsOnlyFinalPeriod(_ span: TextSpan, of outer: TextSpan, in scalars: [Unicode.Scalar]) -> Bool
    {
        guard span.start == outer.start, span.end < outer.end, scalars[outer.end - 1] == "." else { return false }
        return scalars[span.end..<(outer.end - 1)].allSatisfy { $0 == " " || ($0.value >= 9 && $0.value <= 13) }
    }

    /// The body's scalars, decoded from its UTF-8 in one pass (what `Array(body.unicodeScalars)` gives).
    static func scalars(of body: String) -> [Unicode.Scalar] {
        var body = body
        return body.withUTF8 { bytes in
            // Written straight into the array's storage: at most one scalar per byte.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initializedCount in
                var index = 0
                var written = 0
                let count = bytes.count
                while index < count {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        scalars[written] = Unicode.Scalar(UInt8(truncatingIfNeeded: lead))
                        written += 1
                        index += 1
                        continue
                    }
                    let value: UInt32
                    if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value =
                            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value =
                            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    scalars[written] = Unicode.Scalar(value)!
                    written += 1
                }
                initializedCount = written
            }
        }
    }

    private static func rounded(_ score: Double) -> Double { (min(1, max(0, score)) * 1000).rounded() / 1000 }
}
