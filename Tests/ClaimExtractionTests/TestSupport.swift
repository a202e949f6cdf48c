import ClaimCore
import ClaimExtraction
import Foundation

/// Shared fixtures: the taxonomy, one extractor, fixture files and marked text.
enum Support {
    /// The repository's taxonomy, read from `SeedData/topics.json` beside the package.
    static let taxonomy: Taxonomy = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "SeedData/topics.json")
        guard let data = try? Data(contentsOf: url), let topics = try? JSONDecoder().decode([Topic].self, from: data)
        else { return Taxonomy(topics: []) }
        return Taxonomy(topics: topics)
    }()

    static let extractor = ClaimExtractor(taxonomy: taxonomy)

    /// The text of `Fixtures/<name>`.
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/\(name)")
        return BodyNormalizer.normalize(try String(contentsOf: url, encoding: .utf8))
    }

    /// The claims of `kind` in `text`.
    static func claims(_ kind: ClaimKind, in text: String) -> [CandidateClaim] {
        extractor.extract(from: text).filter { $0.kind == kind }
    }
}

/// Text with `⟦` `⟧` markers around spans, stripped, with the code-point offsets the markers stood at.
struct MarkedText {
    let text: String
    let spans: [TextSpan]

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var spans: [TextSpan] = []
        var open: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" {
                open = count
            } else if scalar == "⟧", let start = open {
                spans.append(TextSpan(start: start, end: count))
                open = nil
            } else {
                scalars.append(scalar)
                count += 1
            }
        }
        text = String(scalars)
        self.spans = spans
    }
}
