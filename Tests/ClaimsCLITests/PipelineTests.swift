import ClaimCore
import ClaimsCLI
import Foundation
import GRDB
import Testing

/// The whole path on the seed article: import → extract → store → review → query → report.
@Suite struct PipelineTests {
    /// The claims marked `required` in the seed gold, by the text their span must overlap.
    static let required: [(kind: String, gold: String, fields: [String: JSONValue])] = [
        (
            "ranking", "ranked Russia 28th out of 36 nations",
            [
                "subject": "Russia", "rank": 28, "outOf": 36, "source": "Stanford University", "year": 2025,
                "measure": "overall AI industry strength",
            ]
        ),
        (
            "ranking", "Russia lacks representation among the world’s 100 largest tech companies",
            ["subject": "Russia", "top": 100, "absent": true]
        ),
        (
            "ranking", "its universities are absent from the top 200 research institutions for AI",
            ["subject": "Russia’s universities", "top": 200, "absent": true]
        ),
        (
            "quantity", "approximately 100,000 IT professionals",
            ["value": 100000, "approximate": true, "share": 0.1, "year": 2022, "unit": "IT professionals"]
        ),
        ("quote", "described by Putin as a “CIA project", ["speaker": "Putin", "quote": "CIA project"]),
    ]

    static let nonclaims = [
        "Pro Tip: A free and open internet is a crucial catalyst for technological development.",
        "What are your thoughts on Russia’s technological future?",
        "Share your opinions in the comments below!", "You may also like", "Leave a Comment",
        "Explore further insights into geopolitical technology trends here.",
        "Q: Is Russia completely devoid of technological talent?",
    ]

    /// Code-point range of the first occurrence of `needle` in `body`.
    static func range(of needle: String, in body: [Unicode.Scalar]) -> Range<Int>? {
        let n = Array(needle.unicodeScalars)
        guard let start = (0...(body.count - n.count)).first(where: { Array(body[$0..<($0 + n.count)]) == n })
        else { return nil }
        return start..<(start + n.count)
    }

    /// One line of `claims extract --format ndjson`.
    struct Extracted: Decodable {
        var kind: String
        var start: Int
        var end: Int
        var text: String
        var fields: [String: JSONValue]
        var score: Double
    }

    @Test func extractFindsTheRequiredGoldClaimsAndNoNonclaims() throws {
        let cli = try CLI()
        let result = cli.run("extract", "--format", "ndjson", CLI.seedArticle)
        #expect(result.code == 0, "\(result.err)")
        let claims = try result.out.split(separator: "\n").map {
            try JSONDecoder().decode(Extracted.self, from: Data($0.utf8))
        }
        let body = Array(try String(contentsOfFile: CLI.seedArticle, encoding: .utf8).unicodeScalars)
        func overlapping(_ range: Range<Int>) -> [Extracted] {
            claims.filter { $0.start < range.upperBound && range.lowerBound < $0.end }
        }
        for gold in Self.required {
            let range = try #require(Self.range(of: gold.gold, in: body))
            let found = overlapping(range).filter { $0.kind == gold.kind }
            #expect(found.count == 1, "\(gold.kind) “\(gold.gold)”: found \(found.count)")
            guard let fields = found.first?.fields else { continue }
            for (key, value) in gold.fields {
                #expect(fields[key] == value, "\(gold.gold): \(key)")
            }
        }
        let ban = try #require(claims.first { $0.kind == "ban" && $0.text.contains("Instagram") })
        #expect(ban.fields["targets"] == ["Instagram", "YouTube", "Facebook", "X"])
        #expect(ban.fields["actor"] == "Putin’s administration")
        for nonclaim in Self.nonclaims {
            let range = try #require(Self.range(of: nonclaim, in: body))
            #expect(overlapping(range).isEmpty, "reported a claim in the non-claim “\(nonclaim)”")
        }
        for claim in claims {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: body[claim.start..<claim.end])
            #expect(String(view) == claim.text)
            #expect(claim.score >= 0 && claim.score <= 1)
        }
    }

    @Test func importReviewQueryAndReportTheEmigrationFigure() throws {
        let cli = try CLI()
        let first = cli.run("import", CLI.seedArticle)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("imported"))

        let again = cli.run("import", CLI.seedArticle)
        #expect(again.code == 0)
        #expect(again.out.contains("unchanged"))
        #expect(again.err.contains("is already stored as article 1; nothing added"))
        #expect(again.err.contains("imported 0, unchanged 1"))

        // Every span satisfies the SQL invariant.
        let queue = try DatabaseQueue(path: cli.database)
        let (spans, bad) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM spans")!,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM spans JOIN articles ON articles.id = spans.article_id
                        WHERE substr(body, start + 1, end - start) IS NOT exact
                        """)!
            )
        }
        #expect(spans > 5)
        #expect(bad == 0)

        let listed = cli.run("list", "--topic", "emigration", "--format", "json")
        #expect(listed.code == 0, "\(listed.err)")
        let emigration = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as! [[String: Any]]
        let figure = try #require(emigration.first { ($0["fields"] as? [String: Any])?["value"] as? Int == 100000 })
        let id = figure["id"] as! Int

        let review = cli.run(
            "review", "\(id)", "disputed", "--note", "Estimates range from 50,000 to 100,000",
            "--source", "https://example.org/survey", "--source", "https://example.org/ministry", "--reviewer", "ana")
        #expect(review.code == 0, "\(review.err)")

        let shown = cli.run("show", "\(id)")
        #expect(shown.out.contains("disputed by ana: Estimates range from 50,000 to 100,000"))
        #expect(shown.out.contains("source: https://example.org/survey"))
        #expect(shown.out.contains("source: https://example.org/ministry"))
        #expect(shown.out.contains("⟦approximately 100,000 IT professionals"))
        #expect(shown.out.contains("emigration"))

        let disputed = cli.run("list", "--status", "disputed", "--format", "ndjson")
        let disputedRows = try jsonLines(disputed.out)
        #expect(disputedRows.map { $0["id"] as! Int } == [id])
        #expect((disputedRows.first?["reviews"] as? [[String: Any]])?.first?["reviewer"] as? String == "ana")

        let markdown = cli.run("report", "--format", "markdown")
        #expect(markdown.code == 0)
        #expect(markdown.out.contains("### Claim \(id) · quantity · disputed"))
        #expect(markdown.out.contains("- Note: Estimates range from 50,000 to 100,000"))
        #expect(markdown.out.contains("| disputed | 1 |"))
        #expect(markdown.out.contains("<https://example.org/ministry>"))

        let json = cli.run("report", "--format", "json", "--status", "disputed")
        let document = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let reported = document["claims"] as! [[String: Any]]
        #expect(reported.map { $0["id"] as! Int } == [id])
        let reviews = reported[0]["reviews"] as! [[String: Any]]
        #expect(reviews.first?["note"] as? String == "Estimates range from 50,000 to 100,000")
        #expect((reviews.first?["sources"] as? [[String: Any]])?.count == 2)
        #expect((document["summary"] as! [String: Any])["claims"] as? Int == 1)

        let second = cli.run("review", "\(id)", "verified", "--note", "Ministry confirmed", "--reviewer", "ben")
        #expect(second.code == 0)
        let history = cli.run("show", "\(id)", "--format", "json")
        let detail = try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as! [String: Any]
        let claim = detail["claim"] as! [String: Any]
        #expect((claim["reviews"] as! [[String: Any]]).map { $0["status"] as! String } == ["disputed", "verified"])
        #expect(claim["status"] as? String == "verified")
        #expect((detail["sentence"] as! String).hasPrefix("This has contributed to a significant brain drain"))

        let reportFile = cli.directory.appending(path: "report.md").path
        let written = cli.run("report", "-o", reportFile)
        #expect(written.code == 0)
        #expect(try String(contentsOfFile: reportFile, encoding: .utf8).contains("**verified** by ben"))
    }

    @Test func csvListHasAHeaderAndOneRowPerClaim() throws {
        let cli = try CLI()
        cli.run("import", CLI.seedArticle)
        let csv = cli.run("list", "--kind", "ranking", "--format", "csv")
        let lines = csv.out.split(separator: "\r\n")
        #expect(lines.first == "id,kind,status,contested,orphaned,score,article,start,end,topics,text,fields")
        #expect(lines.count >= 4)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[1] == "ranking" })
    }

    /// The table builds its own cells: they must be the CSV's, row for row.
    @Test func tableRowsShowTheCSVsCells() throws {
        let cli = try CLI()
        cli.run("import", CLI.seedArticle)
        let csv = csvRows(cli.run("list", "--format", "csv").out)
        let table = cli.run("list").out.split(separator: "\n").map(String.init)
        #expect(
            table.first?.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                == ["ID", "KIND", "STATUS", "SCORE", "ARTICLE", "TEXT"])
        #expect(table.count == csv.count && csv.count > 10)
        for (line, row) in zip(table.dropFirst(), csv.dropFirst()) {
            let cells = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true).map(String.init)
            #expect(Array(cells.prefix(5)) == [row[0], row[1], row[2], row[5], row[6]])
            let text = cells[5].trimmingCharacters(in: .whitespaces)
            #expect(text == row[10] || (text.hasSuffix("…") && row[10].hasPrefix(text.dropLast())))
        }
    }
}

@Suite struct ScoreCommandTests {
    @Test func scoresOneSentencePerLineInOrder() throws {
        let cli = try CLI()
        let file = try cli.write(
            "sentences.txt",
            """
            Unemployment fell to 4.1% in March, the lowest rate since 2001.
            What do you think?

            We have spent $3 trillion on the war in Iraq since 2003.
            """ + "\n")
        let result = cli.run("score", file)
        #expect(result.code == 0, "\(result.err)")
        let rows = try jsonLines(result.out)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { Set($0.keys) == ["score", "checkworthy"] })
        let scores = rows.map { $0["score"] as! Double }
        #expect(scores.allSatisfy { (0...1).contains($0) })
        #expect(rows[0]["checkworthy"] as? Bool == true)
        #expect(rows[1]["checkworthy"] as? Bool == false)
        #expect(rows[2]["score"] as? Double == 0)
        #expect(scores[0] > scores[1] && scores[3] > scores[1])
    }
}
