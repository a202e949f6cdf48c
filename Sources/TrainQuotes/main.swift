// Learns the words that cue reported speech from PolNeAR's training split and writes
// SeedData/quote-cues.json. Deterministic: counts only.
//
// Usage: TrainQuotes [SHARED_DIR] [OUTPUT.json] [--threshold T]   (defaults ../shared
//   SeedData/quote-cues.json 0.5)
//
// For each lower-cased word of the training texts: how often it occurs, and how often it is part of an
// annotated attribution cue (the first annotator's file of each article, every cue, speech or not).
// A word is a cue when it is in at least 8 cues and at least the threshold's share of its occurrences
// are cues ("said" 0.92, "noted" 0.97, "according" 0.93; "in" and "the" far below). The file keeps the
// counts of every word in at least 8 cues, so the threshold can be moved without counting again. The
// threshold was chosen by quote F1 (score.py's measure) on every fourth training article: 0.4 0.747,
// 0.5 0.748, 0.6 0.741, 0.7 0.737, 0.8 0.731. PolNeAR's dev split is never read.
import ClaimExtraction
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var threshold = 0.5
if let flag = arguments.firstIndex(of: "--threshold"), flag + 1 < arguments.count,
    let value = Double(arguments[flag + 1])
{
    threshold = value
    arguments.removeSubrange(flag...(flag + 1))
}
let shared = arguments.count > 0 ? arguments[0] : "../shared"
let output = arguments.count > 1 ? arguments[1] : "SeedData/quote-cues.json"
let minimumCues = 8

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

/// Lower-cased runs of ASCII letters.
func words(_ text: Substring) -> [String] {
    var result: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if (value >= 65 && value <= 90) || (value >= 97 && value <= 122) {
            current.unicodeScalars.append(Unicode.Scalar(value >= 65 && value <= 90 ? value + 32 : value) ?? scalar)
        } else if !current.isEmpty {
            result.append(current)
            current = ""
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

let root = shared + "/data/polnear/data/train"
let manager = FileManager.default
guard let names = try? manager.contentsOfDirectory(atPath: root + "/text").filter({ $0.hasSuffix(".txt") }).sorted(),
    let annotations = try? manager.contentsOfDirectory(atPath: root + "/attributions").sorted()
else {
    log("TrainQuotes: cannot read PolNeAR's training split in \(root)")
    exit(1)
}
var occurrences: [String: Int] = [:]
var cues: [String: Int] = [:]
var articles = 0
for name in names {
    let stem = String(name.dropLast(4))
    guard let annotation = annotations.first(where: { $0.hasPrefix(stem + "_") && $0.hasSuffix(".ann") }),
        let text = try? String(contentsOfFile: root + "/text/" + name, encoding: .utf8),
        let standoff = try? String(contentsOfFile: root + "/attributions/" + annotation, encoding: .utf8)
    else { continue }
    articles += 1
    for word in words(text[...]) { occurrences[word, default: 0] += 1 }
    for line in standoff.split(separator: "\n") {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count >= 3, columns[0].hasPrefix("T"), columns[1].hasPrefix("Cue ") else { continue }
        for word in Set(words(columns[2])) { cues[word, default: 0] += 1 }
    }
}
var counts: [String: [Int]] = [:]
for (word, cued) in cues where cued >= minimumCues { counts[word] = [cued, max(cued, occurrences[word, default: 0])] }
let file = QuoteCueLexicon.File(
    format: "quote-cues-1",
    training:
        "TrainQuotes: PolNeAR train, \(articles) articles (first annotator); per word [in cues, occurrences] for "
        + "words in at least \(minimumCues) cues; threshold chosen on every fourth training article",
    threshold: threshold, counts: counts)
do {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(file).write(to: URL(fileURLWithPath: output))
    let lexicon = QuoteCueLexicon(file: file)
    log("wrote \(output): \(lexicon.cues.count) cue words at threshold \(threshold), from \(articles) articles")
} catch {
    log("TrainQuotes: cannot write \(output): \(error.localizedDescription)")
    exit(1)
}
