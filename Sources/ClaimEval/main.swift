// `make eval`: measures the extractor on the shared data and prints one Markdown table.
//
// Usage: ClaimEval [SHARED_DIR] [--misses]   (default ../shared, read only at run time; --misses lists
// PolNeAR attributions not found and false quotes, and the bbc-dev tune half's misses, extras and
// wrong fields, on standard error; never the held-out half's)
//
// - seed gold: russia-tech-winter against its gold claims (found = any reported claim overlaps the
//   gold span; precision = reported claims overlapping a gold claim / reported claims).
// - bbc-dev spans: rankings, quantities and bans on the 39 hand-annotated BBC articles, scored as
//   `../shared/eval/score.py spans` scores them (BBCSpans.swift), on all of them and on each half of
//   a fixed split by article: the half rules may be tuned on, and the half kept back. The last lines
//   repeat the figures in score.py's own form; `make eval` checks that score.py prints the same.
// - check-worthiness on CheckThat! 2024's English dev-test and ClaimBuster's groundtruth, as
//   `score.py checkworthy` measures them (CheckWorthySets.swift); CheckThat! is a check only.
// - check-worthiness on claimbuster/groundtruth.csv (positive = Verdict 1): the shipped scorer, and a
//   TF-IDF logistic-regression baseline trained here on claimbuster/crowdsourced.csv.
// - quotes on PolNeAR's dev split: attributions whose cue is a speech verb; a gold content is found when
//   a quote claim's content overlaps it, its speaker is found when our speaker overlaps the gold source.
import ClaimCore
import ClaimExtraction
import Foundation

let showMisses = CommandLine.arguments.contains("--misses")
let positional = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
let shared = positional.first ?? "../shared"

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

struct Row {
    var evaluation: String
    var system: String
    var precision: Double
    var recall: Double
    var notes: String
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(evaluation: String, system: String, precision: Double, recall: Double, notes: String) {
        (self.evaluation, self.system, self.precision, self.recall, self.notes) = (
            evaluation, system, precision, recall, notes
        )
    }

    init(evaluation: String, system: String, metrics: BinaryMetrics, notes: String) {
        self.init(
            evaluation: evaluation, system: system, precision: metrics.precision, recall: metrics.recall, notes: notes)
    }
}

var rows: [Row] = []
let extractor = ClaimExtractor(taxonomy: .standard)

// MARK: Seed gold

struct GoldFile: Decodable {
    struct Span: Decodable {
        var start: Int
        var end: Int

        /// Offsets from the file: a span that does not run forward is the file's error, not a trap.
        func checked() throws -> TextSpan {
            guard let span = TextSpan(validating: start, end: end) else { throw BackwardSpan(start: start, end: end) }
            return span
        }
    }
    struct BackwardSpan: LocalizedError {
        var start: Int
        var end: Int
        var errorDescription: String? { "the gold file's span \(start)..<\(end) does not run forward" }
    }
    struct Claim: Decodable {
        var id: String
        var kind: String
        var required: Bool
        var span: Span
        var fields: [String: JSONValue]?
    }
    var article: String
    var claims: [Claim]
    var nonclaims: [Span]
}

@MainActor func evaluateSeedGold() throws {
    let corpus = URL(fileURLWithPath: shared).appending(path: "corpus")
    let gold = try JSONDecoder().decode(
        GoldFile.self, from: Data(contentsOf: corpus.appending(path: "russia-tech-winter.gold.json")))
    let body = BodyNormalizer.normalize(
        try String(contentsOf: corpus.appending(path: gold.article), encoding: .utf8))
    let claims = extractor.extract(from: body)
    let goldSpans = try gold.claims.map { try $0.span.checked() }
    let found = goldSpans.filter { span in claims.contains { $0.span.overlaps(span) } }.count
    let reportedTrue = claims.filter { claim in goldSpans.contains { claim.span.overlaps($0) } }.count
    let precision = claims.isEmpty ? 0 : Double(reportedTrue) / Double(claims.count)
    var requiredPassed = 0
    var failures: [String] = []
    for claim in gold.claims where claim.required {
        let span = try claim.span.checked()
        guard let match = claims.first(where: { $0.kind.rawValue == claim.kind && $0.span.overlaps(span) }) else {
            failures.append("\(claim.id) not found")
            continue
        }
        let wrong = (claim.fields ?? [:]).filter { key, value in
            if key == "topic", case .string(let topic) = value { return !match.topics.contains(topic) }
            return match.fields[key] != value
        }.map(\.key)
        if wrong.isEmpty { requiredPassed += 1 } else { failures.append("\(claim.id) fields \(wrong.sorted())") }
    }
    let nonclaimSpans = try gold.nonclaims.map { try $0.checked() }
    let onNonclaims = nonclaimSpans.filter { span in claims.contains { $0.span.overlaps(span) } }.count
    let recall = Double(found) / Double(goldSpans.count)
    var notes = "found \(found)/\(goldSpans.count); \(claims.count) reported; required with fields "
    notes += "\(requiredPassed)/\(gold.claims.filter(\.required).count)"
    notes += failures.isEmpty ? " PASS" : " FAIL (\(failures.joined(separator: ", ")))"
    notes += "; nonclaims hit \(onNonclaims)"
    rows.append(
        Row(
            evaluation: "seed gold (russia-tech-winter)", system: ClaimExtractor.version,
            precision: precision, recall: recall, notes: notes))
}

// MARK: Check-worthiness

/// TF-IDF over lower-cased word unigrams and bigrams (vocabulary from the training data), L2-normalised.
struct TFIDF {
    var vocabulary: [String: Int32] = [:]
    var idf: [Float] = []

    static func terms(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        words = words.filter { $0.unicodeScalars.count >= 2 }
        var terms = words
        for index in words.indices.dropLast() { terms.append(words[index] + " " + words[index + 1]) }
        return terms
    }

    init(training: [String]) {
        var documentFrequency: [String: Int] = [:]
        for text in training { for term in Set(Self.terms(text)) { documentFrequency[term, default: 0] += 1 } }
        let n = Float(training.count)
        for (term, frequency) in documentFrequency.sorted(by: { $0.key < $1.key }) {
            vocabulary[term] = Int32(idf.count)
            idf.append(log((1 + n) / (1 + Float(frequency))) + 1)
        }
    }

    var dimension: Int { idf.count + 1 }

    func features(_ text: String) -> [ScorerFeature] {
        var counts: [Int32: Float] = [:]
        for term in Self.terms(text) { if let index = vocabulary[term] { counts[index, default: 0] += 1 } }
        var features = counts.map { ScorerFeature(index: $0.key, value: $0.value * idf[Int($0.key)]) }
        let norm = features.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
        if norm > 0 { for index in features.indices { features[index].value /= norm } }
        features.sort { $0.index < $1.index }
        features.append(ScorerFeature(index: Int32(idf.count), value: 1))
        return features
    }
}

@MainActor func evaluateCheckWorthiness() throws {
    let folder = URL(fileURLWithPath: shared).appending(path: "data/claimbuster")
    let test = try ClaimBusterData.read(path: folder.appending(path: "groundtruth.csv").path)
    let labels = test.map(\.isCheckWorthy)
    let scorer = CheckWorthinessScorer()
    guard scorer.isTrained else { throw EvalError.noModel }

    let scores = test.map { scorer.score(sentence: $0.text) }
    let ours = BinaryMetrics(predictions: scores.map { $0 >= scorer.threshold }, labels: labels)
    let blended = test.map { scorer.articleScore(sentence: $0.text) }
    rows.append(
        Row(
            evaluation: "check-worthiness (groundtruth.csv, \(test.count))",
            system: "extraction score (model + v1 mean)",
            metrics: BinaryMetrics(predictions: blended.map { $0 >= scorer.articleThreshold }, labels: labels),
            notes: "what ClaimExtractor uses for statements"))
    // Throughput: score the ground-truth sentences repeatedly.
    let repeats = 50
    let start = Date()
    var sink = 0.0
    for _ in 0..<repeats { for example in test { sink += scorer.score(sentence: example.text) } }
    let perSecond = Double(repeats * test.count) / Date().timeIntervalSince(start)
    rows.append(
        Row(
            evaluation: "check-worthiness (groundtruth.csv, \(test.count))", system: "scorer (SeedData/scorer.json)",
            metrics: ours,
            notes: String(format: "threshold %.2f; %.0f sentences/s", scorer.threshold, perSecond)
                + (sink.isNaN ? "" : "")))

    // Baseline: same data, same held-out split size for the threshold.
    let training = try ClaimBusterData.read(path: folder.appending(path: "crowdsourced.csv").path)
    var generator = SplitMix64(seed: 20_260_101)
    let order = Array(training.indices).shuffled(using: &generator)
    let heldOut = Array(order.prefix(training.count / 10))
    let rest = Array(order.dropFirst(training.count / 10))
    let l2 = 1 / Double(training.count)  // scikit-learn's C = 1 per example
    let trainer = LogisticRegressionTrainer(l2: l2, iterations: 300, learningRate: 0.05)

    let partial = TFIDF(training: rest.map { training[$0].text })
    let partialWeights = try trainer.train(
        rows: rest.map { partial.features(training[$0].text) }, labels: rest.map { training[$0].isCheckWorthy },
        dimension: partial.dimension, unpenalized: partial.dimension - 1)
    let heldOutScores = heldOut.map { probability(partialWeights, partial.features(training[$0].text)) }
    let tuned = BinaryMetrics.bestThreshold(scores: heldOutScores, labels: heldOut.map { training[$0].isCheckWorthy })

    let full = TFIDF(training: training.map(\.text))
    let weights = try trainer.train(
        rows: training.map { full.features($0.text) }, labels: training.map(\.isCheckWorthy),
        dimension: full.dimension, unpenalized: full.dimension - 1)
    let baselineScores = test.map { probability(weights, full.features($0.text)) }
    let baselineStart = Date()
    for _ in 0..<5 { for example in test { sink += probability(weights, full.features(example.text)) } }
    let baselineRate = Double(5 * test.count) / Date().timeIntervalSince(baselineStart)
    rows.append(
        Row(
            evaluation: "check-worthiness (groundtruth.csv, \(test.count))",
            system: "baseline TF-IDF LR, threshold 0.5",
            metrics: BinaryMetrics(predictions: baselineScores.map { $0 >= 0.5 }, labels: labels),
            notes: String(format: "uni+bigrams, %d terms; %.0f sentences/s", full.dimension - 1, baselineRate)))
    rows.append(
        Row(
            evaluation: "check-worthiness (groundtruth.csv, \(test.count))",
            system: String(format: "baseline TF-IDF LR, threshold %.2f", tuned.threshold),
            metrics: BinaryMetrics(predictions: baselineScores.map { $0 >= tuned.threshold }, labels: labels),
            notes: "threshold tuned on the same held-out 10% as ours"))
}

func probability(_ weights: [Float], _ features: [ScorerFeature]) -> Double {
    var logit: Float = 0
    for feature in features { logit += weights[Int(feature.index)] * feature.value }
    return 1 / (1 + exp(-Double(logit)))
}

enum EvalError: Error, LocalizedError {
    case noModel
    case noStoryModel
    var errorDescription: String? {
        switch self {
        case .noModel: "the build embedded no SeedData/scorer.json; run `make train-scorer` first"
        case .noStoryModel: "the build embedded no SeedData/story-topics.json; run `make train-topics` first"
        }
    }
}

// MARK: PolNeAR quotes

/// Cue words that mark speech (as opposed to belief, evidence or intention).
let speechCues: Set<String> = [
    "said", "says", "say", "saying", "told", "tells", "tell", "according", "asked", "asks", "added", "adds",
    "adding", "stated", "states", "announced", "announces", "wrote", "writes", "explained", "replied",
]

struct Attribution {
    var content: [TextSpan]
    var source: [TextSpan]
    var cue: String
}

func readAttributions(_ path: String) -> [Attribution] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var spans: [String: (label: String, spans: [TextSpan], text: String)] = [:]
    var relations: [[String: String]] = []
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { continue }
        if parts[0].hasPrefix("T"), parts.count >= 3 {
            let header = parts[1].split(separator: " ", maxSplits: 1)
            guard header.count == 2 else { continue }
            let ranges = header[1].split(separator: ";").compactMap { piece -> TextSpan? in
                let bounds = piece.split(separator: " ").compactMap { Int($0) }
                return bounds.count == 2 ? TextSpan(validating: bounds[0], end: bounds[1]) : nil
            }
            spans[parts[0]] = (String(header[0]), ranges, parts[2])
        } else if parts[0].hasPrefix("E") {
            var relation: [String: String] = [:]
            for argument in parts[1].split(separator: " ") {
                let pair = argument.split(separator: ":")
                if pair.count == 2 { relation[String(pair[0])] = String(pair[1]) }
            }
            relations.append(relation)
        }
    }
    return relations.compactMap { relation in
        guard let content = relation["Content"].flatMap({ spans[$0] }), let cue = relation["Cue"].flatMap({ spans[$0] })
        else { return nil }
        let source = relation["Source"].flatMap { spans[$0]?.spans } ?? []
        return Attribution(content: content.spans, source: source, cue: cue.text)
    }
}

func isSpeech(_ cue: String) -> Bool {
    cue.lowercased().split(whereSeparator: { !$0.isLetter }).contains { speechCues.contains(String($0)) }
}

/// The span of `needle` inside `span` of `text`, or nil.
func locate(_ needle: String, in text: ScalarText, within span: TextSpan) -> TextSpan? {
    let target = Array(needle.unicodeScalars)
    guard !target.isEmpty, span.length >= target.count else { return nil }
    for start in span.start...(span.end - target.count) where text.scalars[start] == target[0] {
        if Array(text.scalars[start..<start + target.count]) == target {
            return TextSpan(start: start, end: start + target.count)
        }
    }
    return nil
}

@MainActor func evaluateQuotes() throws {
    let folder = URL(fileURLWithPath: shared).appending(path: "data/polnear/data/dev")
    let annotations = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "attributions").path)
        .filter { $0.hasSuffix(".ann") }.sorted()
    var metrics = BinaryMetrics()
    var speakersFound = 0
    var goldFound = 0
    var neutral = 0
    var articles = 0
    for name in annotations {
        // Annotation files carry a 4-character suffix the text files lack.
        var stem = String(name.dropLast(4))
        if let underscore = stem.lastIndex(of: "_") { stem = String(stem[..<underscore]) }
        let textPath = folder.appending(path: "text/\(stem).txt").path
        guard let raw = try? String(contentsOfFile: textPath, encoding: .utf8) else { continue }
        articles += 1
        let body = ScalarText(raw)
        let attributions = readAttributions(folder.appending(path: "attributions/\(name)").path)
        let speech = attributions.filter { isSpeech($0.cue) }
        let other = attributions.filter { !isSpeech($0.cue) }
        let quotes = extractor.extract(from: raw).filter { $0.kind == .quote }
        let predicted: [(content: TextSpan, speaker: TextSpan?)] = quotes.map { claim in
            let content =
                claim.fields["quote"].flatMap { value -> TextSpan? in
                    if case .string(let text) = value { return locate(text, in: body, within: claim.span) }
                    return nil
                } ?? claim.span
            // A resolved pronoun ("he" → "Mr. Obama") is scored where it was written.
            let speaker = (claim.fields["speakerMention"] ?? claim.fields["speaker"]).flatMap { value -> TextSpan? in
                if case .string(let text) = value { return locate(text, in: body, within: claim.span) }
                return nil
            }
            return (content, speaker)
        }
        for gold in speech {
            let matches = predicted.filter { p in gold.content.contains { $0.overlaps(p.content) } }
            if matches.isEmpty && showMisses {
                // Offsets from the annotation file: only those within the text are shown.
                func shown(_ span: TextSpan) -> String? { body.span(span.start, span.end).map(body.text) }
                let source = gold.source.first.flatMap(shown) ?? "-"
                let content = gold.content.compactMap(shown).joined(separator: " … ")
                log("MISS [\(source)] [\(gold.cue)] \(content.prefix(160))")
            }
            if !matches.isEmpty {
                goldFound += 1
                if matches.contains(where: { p in
                    p.speaker.map { s in gold.source.contains { $0.overlaps(s) } } ?? false
                }) {
                    speakersFound += 1
                }
            }
        }
        metrics.falseNegatives += speech.count
        for p in predicted {
            if speech.contains(where: { $0.content.contains { $0.overlaps(p.content) } }) {
                metrics.truePositives += 1
            } else if other.contains(where: { $0.content.contains { $0.overlaps(p.content) } }) {
                neutral += 1  // reported non-speech attribution (belief, evidence): neither right nor wrong here
            } else {
                metrics.falsePositives += 1
                if showMisses { log("FALSE \(body.text(p.content).prefix(160))") }
            }
        }
    }
    // Recall is per gold attribution, precision per reported quote.
    let totalGold = metrics.falseNegatives
    let recall = totalGold == 0 ? 0 : Double(goldFound) / Double(totalGold)
    rows.append(
        Row(
            evaluation: "quotes (PolNeAR dev, \(articles) articles)", system: ClaimExtractor.version,
            precision: metrics.precision, recall: recall,
            notes: String(
                format:
                    "%d/%d speech attributions found; speaker found %.1f%% (%d/%d); %d quotes on non-speech attributions not counted",
                goldFound, totalGold, 100 * Double(speakersFound) / Double(max(goldFound, 1)), speakersFound, goldFound,
                neutral)))
}

// MARK: BBC spans

/// Rankings, quantities and bans on bbc-dev, as score.py scores them: all articles, then the half
/// rules may be tuned on and the half kept back (``BBCSpans``).
var bbcLines: [String] = []
@MainActor func evaluateBBCSpans() throws {
    let tallies = try BBCSpans.score(shared: shared, extractor: extractor)
    let articles = tallies.keys.sorted()
    let halves: [(String, [String])] = [
        ("BBC dev", articles),
        ("BBC dev, tune half", articles.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
        ("BBC dev, held-out half", articles.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)),
    ]
    for (name, members) in halves {
        var tally = BBCSpans.Tally()
        for article in members { tally.add(tallies[article] ?? BBCSpans.Tally()) }
        bbcLines.append("\(name) (\(tally.articles) articles): " + tally.line)
        // Only the tune half's misses are ever shown: the held-out half's stay unread.
        if showMisses && name.hasSuffix("tune half") { for miss in tally.misses { log(miss) } }
        for kind in BBCSpans.kinds {
            let tp = Double(tally.truePositives[kind, default: 0])
            let fp = Double(tally.falsePositives[kind, default: 0])
            let fn = Double(tally.falseNegatives[kind, default: 0])
            rows.append(
                Row(
                    evaluation: "\(kind.rawValue) spans (\(name), \(tally.articles))", system: ClaimExtractor.version,
                    precision: tp + fp > 0 ? tp / (tp + fp) : 0, recall: tp + fn > 0 ? tp / (tp + fn) : 0,
                    notes: String(
                        format: "%d gold; fields right on %.2f of matches", Int(tp + fn),
                        tp > 0 ? Double(tally.fieldsRight[kind, default: 0]) / tp : 0)))
        }
    }
}

// MARK: Check-worthiness as score.py measures it

var checkWorthyLines: [String] = []
@MainActor func evaluateCheckWorthySets() throws {
    for result in try CheckWorthySets.measure(shared: shared) {
        checkWorthyLines.append(result.line)
        if result.name.hasPrefix("CheckThat") {
            rows.append(
                Row(
                    evaluation: "check-worthiness (\(result.name), \(result.count))",
                    system: "scorer (SeedData/scorer.json)", precision: result.precision, recall: result.recall,
                    notes: "a check only: nothing is fitted or chosen on it; \(result.positives) positive"))
        }
    }
}

// MARK: Topics

var topicLines: [String] = []
@MainActor func evaluateTopics() throws {
    guard let model = StoryTopicModel.embedded else { throw EvalError.noStoryModel }
    let result = try TopicScores.measure(shared: shared, extractor: extractor)
    topicLines.append(result.line)
    for category in result.categories {
        let total = Double(result.total[category, default: 0])
        rows.append(
            Row(
                evaluation: "topics: \(category) stories' claims (BBC, first 80, kept back)",
                system: "story model (SeedData/story-topics.json)", precision: 1,
                recall: total > 0 ? Double(result.found[category, default: 0]) / total : 0,
                notes: "recall: share tagged \(TopicScores.own[category] ?? category) or below; \(Int(total)) claims"))
    }
    let count = Double(result.total.values.reduce(0, +))
    rows.append(
        Row(
            evaluation: "topics: claims tagged sport or entertainment outside such stories",
            system: "story model (SeedData/story-topics.json)",
            precision: count > 0 ? 1 - Double(result.stray) / count : 0,
            recall: 1,
            notes: String(
                format: "precision: 1 - wrong share; %d of %d claims wrongly tagged", result.stray, Int(count))))
    let (politics, articles) = try TopicScores.politics(shared: shared, model: model)
    rows.append(
        Row(
            evaluation: "story topic politics (PolNeAR dev, \(articles) articles, kept back)",
            system: "story model (SeedData/story-topics.json)", precision: 1,
            recall: articles > 0 ? Double(politics) / Double(articles) : 0,
            notes: "recall: share of US election stories whose story topics include politics"))
}

// MARK: Table

@MainActor func run(_ name: String, _ body: @MainActor () throws -> Void) {
    do { try body() } catch { log("error: \(name): \(error.localizedDescription)") }
}
run("seed gold", evaluateSeedGold)
run("bbc-dev spans", evaluateBBCSpans)
run("check-worthiness", evaluateCheckWorthiness)
run("check-worthiness, score.py's sets", evaluateCheckWorthySets)
run("quotes", evaluateQuotes)
run("topics", evaluateTopics)

print("| evaluation | system | precision | recall | F1 | notes |")
print("|---|---|---|---|---|---|")
for row in rows {
    print(
        String(
            format: "| %@ | %@ | %.3f | %.3f | %.3f | %@ |", row.evaluation, row.system, row.precision, row.recall,
            row.f1,
            row.notes))
}
if !bbcLines.isEmpty || !checkWorthyLines.isEmpty || !topicLines.isEmpty {
    // The same figures in score.py's own form (its `spans` and `checkworthy` lines), to compare
    // character for character.
    print("")
    for line in bbcLines + checkWorthyLines + topicLines { print(line) }
}
