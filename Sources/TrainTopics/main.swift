// Trains the story topic model and writes SeedData/story-topics.json. Deterministic: word counts only.
//
// Usage: TrainTopics [SHARED_DIR] [OUTPUT.json]   (defaults ../shared SeedData/story-topics.json)
//
// Labelled articles, each read as `claims import` reads it (the body, without the title line):
// - economy: BBC business; entertainment: BBC entertainment; sport: BBC sport. Of each folder, in
//   sorted order, the first 80 are kept back (they are the articles `score.py topics` and `make eval`
//   report on) and the rest are counted.
// - politics: PolNeAR's training split (US election news); its dev split is not read.
// - economy also: the first 1,000 Reuters-21578 stories that have a topic and a body (1987 newswire,
//   almost all of it business and markets).
//
// The classes get equal priors: how many articles each source has says nothing about the news a
// newsroom imports. Technology has no labelled articles here, so it is not a class: a list of words
// that name technology stands in, and the threshold on their share of an article's words is the
// smallest that fires on at most 2% of the counted entertainment, sport and politics articles (stories
// that are not about technology). How well it finds technology stories cannot be measured here.
import ArticleImport
import ClaimCore
import ClaimExtraction
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let shared = arguments.count > 0 ? arguments[0] : "../shared"
let output = arguments.count > 1 ? arguments[1] : "SeedData/story-topics.json"

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

struct TrainingFailure: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

let classes = ["economy", "entertainment", "politics", "sport"]
let keptBack = 80
let reutersCount = 1000

/// Words that name technology; a trailing `*` makes a prefix.
let technologyWords = [
    "technology", "technologies", "technological", "tech", "hi-tech", "digital", "internet", "online", "web",
    "website*", "broadband", "wireless", "wifi", "software", "hardware", "computer*", "computing", "pc", "pcs",
    "laptop*", "smartphone*", "phone*", "handset*", "mobile", "mobiles", "gadget*", "robot*", "semiconductor*",
    "chip*", "processor*", "telecom*", "ai", "cyber*", "hack*", "malware", "virus*", "spam*", "e-mail", "email*",
    "download*", "browser*", "blog*", "gamer*", "gaming", "console*", "microsoft", "google", "intel", "ibm",
    "yahoo", "nintendo", "playstation", "xbox", "ipod*", "linux", "biometric*", "silicon",
]

/// The body of each article in `folder` past the first `keptBack` in sorted order.
func bbcBodies(_ folder: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    return names.dropFirst(keptBack).compactMap { name in
        guard let loaded = try? ArticleLoader.load(folder + "/" + name, format: nil).first?.result.get() else {
            log("skipped \(folder)/\(name): not readable as an article")
            return nil
        }
        return loaded.body
    }
}

/// PolNeAR's training texts.
func polnearBodies() throws -> [String] {
    let folder = shared + "/data/polnear/data/train/text"
    return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        .compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
}

/// The first `limit` Reuters-21578 stories, in file order, that have a topic and a body.
func reutersBodies(limit: Int) throws -> [String] {
    let folder = shared + "/data/reuters21578"
    var bodies: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".sgm") }).sorted() {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
        let text = String(decoding: data.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        for record in text.components(separatedBy: "</REUTERS>") {
            guard bodies.count < limit else { return bodies }
            guard let topics = between(record, "<TOPICS>", "</TOPICS>"), topics.contains("<D>"),
                let body = between(record, "<BODY>", "</BODY>")
            else { continue }
            bodies.append(
                body.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&"))
        }
    }
    return bodies
}

func between(_ text: String, _ open: String, _ close: String) -> String? {
    guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
    else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
}

let technologyExact = Set(technologyWords.filter { !$0.hasSuffix("*") })
let technologyPrefixes = technologyWords.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }

/// The share of `words` that are technology words.
func technologyShare(_ words: [String]) -> Double {
    guard !words.isEmpty else { return 0 }
    let (exact, prefixes) = (technologyExact, technologyPrefixes)
    let hits = words.filter { word in exact.contains(word) || prefixes.contains { word.hasPrefix($0) } }.count
    return Double(hits) / Double(words.count)
}

do {
    var articles: [(words: [String], label: Int)] = []
    var sources: [String] = []
    for (folder, label) in [("business", 0), ("entertainment", 1), ("sport", 3)] {
        let bodies = try bbcBodies(shared + "/data/bbc-news/" + folder)
        articles += bodies.map { (StoryTopicModel.words(in: $0), label) }
        sources.append("\(bodies.count) BBC \(folder) (\(classes[label]))")
    }
    let politics = try polnearBodies()
    articles += politics.map { (StoryTopicModel.words(in: $0), 2) }
    sources.append("\(politics.count) PolNeAR train (politics)")
    let reuters = try reutersBodies(limit: reutersCount)
    articles += reuters.map { (StoryTopicModel.words(in: $0), 0) }
    sources.append("\(reuters.count) Reuters-21578 (economy)")
    guard articles.count > 100 else {
        throw TrainingFailure(message: "found only \(articles.count) articles in \(shared)")
    }
    log("counted " + sources.joined(separator: ", "))

    let shares = articles.filter { $0.label != 0 }.map { technologyShare($0.words) }.sorted()
    let threshold =
        (shares[min(shares.count - 1, Int((Double(shares.count) * 0.98).rounded(.up)))] * 10_000)
        .rounded(.up) / 10_000
    let fired = shares.filter { $0 >= threshold }.count
    log(
        String(
            format: "technology threshold %.4f: fires on %d of %d entertainment, sport and politics articles",
            threshold, fired, shares.count))

    let file = StoryTopicModel.train(
        articles: articles, classes: classes, smoothing: 0.1, minimumCount: 3,
        lexicon: .init(
            topic: "technology", words: technologyWords, threshold: threshold,
            note: "no labelled technology articles: the smallest share of these words that fires on at most 2% of "
                + "the counted entertainment, sport and politics articles"),
        training: "TrainTopics: word counts of " + sources.joined(separator: ", ")
            + "; the first \(keptBack) of each BBC folder in sorted order kept back; equal class priors")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(file).write(to: URL(fileURLWithPath: output))
    log("wrote \(output): \(file.words.count) words, \(classes.count) classes")
} catch {
    log("TrainTopics: \(error.localizedDescription)")
    exit(1)
}
