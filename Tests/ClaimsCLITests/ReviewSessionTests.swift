import ClaimCore
import ClaimsCLI
import Foundation
import Testing

/// A scripted day at the review desk on the seed article: every claim reviewed, two reviewers
/// disagreeing on one, a retraction, sources with quotes; then every report format must hold
/// exactly those verdicts.
@Suite struct ReviewSessionTests {
    struct Session {
        let cli: CLI
        /// The verdict in force for every claim, as the script leaves it.
        var expected: [Int: String] = [:]
        var contested: Int = 0
        var retracted: Int = 0
    }

    static func runSession() throws -> Session {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let ids = try jsonLines(cli.run("list", "--format", "ndjson").out).map { $0["id"] as! Int }
        #expect(ids.count >= 10)
        var session = Session(cli: cli)
        let verdicts = ["verified", "disputed", "unsourced"]
        for (index, id) in ids.enumerated() {
            let verdict = verdicts[index % 3]
            let result = cli.run(
                "review", "\(id)", verdict, "--reviewer", "ana", "--note", "Checked <claim> & \"sources\" #\(index)",
                "--source", "https://example.org/\(id)/a", "--title", "Primary source \(id)",
                "--quote", "passage for \(id)", "--source", "https://example.org/\(id)/b")
            #expect(result.code == 0, "\(result.err)")
            session.expected[id] = verdict
        }
        // Two reviewers disagree on the first claim.
        session.contested = ids[0]
        #expect(cli.run("review", "\(ids[0])", "disputed", "--reviewer", "ben", "--note", "Study ranks 29th").code == 0)
        session.expected[ids[0]] = "disputed"
        // A verdict given in error is retracted: the second claim falls back to ana's verdict.
        session.retracted = ids[1]
        #expect(cli.run("review", "\(ids[1])", "verified", "--reviewer", "ben").code == 0)
        let retraction = cli.run("review", "\(ids[1])", "--retract", "--reviewer", "ben", "--note", "wrong claim")
        #expect(retraction.code == 0, "\(retraction.err)")
        #expect(retraction.out.contains("claim \(ids[1]) is now disputed"))
        return session
    }

    @Test func everyReportHoldsExactlyTheSessionsVerdicts() throws {
        let session = try Self.runSession()
        let cli = session.cli

        // JSON: one object per claim with the status in force.
        let json = cli.run("report", "--format", "json")
        let document = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let claims = document["claims"] as! [[String: Any]]
        #expect(
            Dictionary(uniqueKeysWithValues: claims.map { ($0["id"] as! Int, $0["status"] as! String) })
                == session.expected)
        let contested = claims.filter { $0["contested"] as? Bool == true }.map { $0["id"] as! Int }
        #expect(contested == [session.contested])

        // CSV: same statuses, and each row's reviewer is the verdict in force.
        let csv = cli.run("report", "--format", "csv").out.split(separator: "\r\n")
        #expect(csv.first?.hasPrefix("claim_id,article_id,article_title,article_source,kind,status,contested") == true)
        #expect(csv.count == session.expected.count + 1)
        let csvStatuses = csv.dropFirst().map { line -> (Int, String) in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return (Int(cells[0])!, String(cells[5 + (cells.count - 17)]))
        }
        // Titles hold no commas in the seed article, so columns line up; check that first.
        #expect(csv.dropFirst().allSatisfy { $0.hasPrefix("\($0.prefix { $0 != "," }),1,") })
        #expect(Dictionary(uniqueKeysWithValues: csvStatuses).count == session.expected.count)

        // Markdown: every claim's heading names its verdict; the summary counts agree.
        let markdown = cli.run("report", "--format", "markdown").out
        for (id, status) in session.expected where id != session.contested {
            #expect(markdown.contains("### Claim \(id) · ") && markdown.contains("· \(status)\n"))
            let heading = markdown.components(separatedBy: "### Claim \(id) · ")[1].prefix { $0 != "\n" }
            #expect(heading.hasSuffix(status), "claim \(id): \(heading)")
        }
        // The contested claim is published as contested, with who said what, never as one verdict.
        let contestedHeading = markdown.components(separatedBy: "### Claim \(session.contested) · ")[1]
            .prefix { $0 != "\n" }
        #expect(contestedHeading.hasSuffix("· contested (ana: verified, ben: disputed)"), "\(contestedHeading)")
        for status in ["verified", "disputed", "unsourced"] {
            let count = session.expected.values.filter { $0 == status }.count
            #expect(markdown.contains("| \(status) | \(count) |"))
        }
        #expect(markdown.contains("Checked \\<claim\\> & \"sources\" \\#2"))
        #expect(markdown.contains("“passage for"))

        // HTML: self-contained, escaped, each claim highlighted in its verdict's colour.
        let html = cli.run("report", "--format", "html").out
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("<link"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Checked &lt;claim&gt; &amp; &quot;sources&quot;"))
        #expect(!html.contains("Checked <claim>"))
        for (id, status) in session.expected {
            #expect(html.contains("<tr id=\"claim-\(id)\"><td><a href=\"#span-\(id)\">\(id)</a></td>"))
            #expect(html.contains("<span id=\"span-\(id)\"></span>"), "claim \(id)'s highlight has its anchor")
            #expect(html.contains("<a href=\"#claim-\(id)\">"), "claim \(id)'s highlight links to its row")
            let row = html.components(separatedBy: "<tr id=\"claim-\(id)\">")[1]
            #expect(row.contains("class=\"s-\(status)\""), "claim \(id) row")
        }
        let contestedRow = html.components(separatedBy: "<tr id=\"claim-\(session.contested)\">")[1]
            .components(separatedBy: "</tr>")[0]
        #expect(contestedRow.contains("contested<br><span class=\"meta\">ana: verified; ben: disputed</span>"))
        #expect(!html.contains(cli.directory.path), "no local file path in a published report")
        let marks = html.components(separatedBy: "<mark class=\"s-").count - 1
        #expect(marks >= session.expected.count)

        // ClaimReview JSON-LD: one per reviewed claim, with the schema.org shape.
        let ld = cli.run("report", "--format", "claimreview", "--publish-url", "https://factcheck.example/russia")
        let reviews = try JSONSerialization.jsonObject(with: Data(ld.out.utf8)) as! [[String: Any]]
        // The contested claim is left out, and standard error says so.
        #expect(reviews.count == session.expected.count - 1)
        #expect(ld.err.contains("note: claim \(session.contested) left out of ClaimReview: contested (ana: verified"))
        let ratingNames = ["verified": "Verified", "disputed": "Disputed", "unsourced": "Unsourced"]
        var seen: [String: String] = [:]
        for review in reviews {
            #expect(review["@context"] as? String == "https://schema.org")
            #expect(review["@type"] as? String == "ClaimReview")
            let claimReviewed = try #require(review["claimReviewed"] as? String)
            #expect(!claimReviewed.isEmpty)
            let rating = try #require(review["reviewRating"] as? [String: Any])
            #expect(rating["@type"] as? String == "Rating")
            let value = try #require(rating["ratingValue"] as? Int)
            #expect((1...3).contains(value))
            #expect(rating["bestRating"] as? Int == 3 && rating["worstRating"] as? Int == 1)
            let item = try #require(review["itemReviewed"] as? [String: Any])
            #expect(item["@type"] as? String == "Claim")
            let appearance = try #require((item["appearance"] as? [[String: Any]])?.first)
            #expect(appearance["url"] == nil, "an article known only by its local path has no appearance.url")
            #expect(appearance["headline"] as? String == "Putin’s Technophobia: How Russia Fell Behind in the AI Race")
            #expect((review["author"] as? [String: Any])?["@type"] as? String == "Person")
            #expect((review["datePublished"] as? String)?.count == 10)
            let url = try #require(review["url"] as? String)
            #expect(url.hasPrefix("https://factcheck.example/russia#claim-"))
            seen[String(url.split(separator: "-").last!)] = rating["alternateName"] as? String
        }
        #expect(
            seen
                == Dictionary(
                    uniqueKeysWithValues: session.expected.filter { $0.key != session.contested }
                        .map { ("\($0.key)", ratingNames[$0.value]!) }))
    }

    @Test func historyShowsEveryStepInOrder() throws {
        let session = try Self.runSession()
        let rows = try jsonLines(session.cli.run("history", "\(session.retracted)", "--format", "ndjson").out)
        #expect(
            rows.map { $0["status"] as! String }
                == ["unsourced", "verified", "retracted"].enumerated().map {
                    $0.offset == 0 ? session.expected[session.retracted]! : $0.element
                })
        #expect(rows.map { $0["reviewer"] as! String } == ["ana", "ben", "ben"])
        #expect(rows[2]["retracts"] as? Int == rows[1]["id"] as? Int)
        #expect(rows.map { $0["id"] as! Int } == rows.map { $0["id"] as! Int }.sorted())
        let first = try #require((rows[0]["sources"] as? [[String: Any]]))
        #expect(
            first.map { $0["url"] as! String } == [
                "https://example.org/\(session.retracted)/a", "https://example.org/\(session.retracted)/b",
            ])
        #expect(first[0]["title"] as? String == "Primary source \(session.retracted)")
        #expect(first[0]["quote"] as? String == "passage for \(session.retracted)")
        #expect(first[1]["title"] == nil)

        let shown = session.cli.run("show", "\(session.contested)").out
        #expect(shown.contains("Contested: ana says"))
        #expect(shown.contains("ben says disputed"))
        let contested = try jsonLines(session.cli.run("list", "--contested", "--format", "ndjson").out)
        #expect(contested.map { $0["id"] as! Int } == [session.contested])
        let byBen = try jsonLines(session.cli.run("list", "--reviewer", "ben", "--format", "ndjson").out)
        #expect(Set(byBen.map { $0["id"] as! Int }) == [session.contested, session.retracted])

        let stats = session.cli.run("stats", "--format", "json")
        let counts = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as! [String: Any]
        #expect(counts["contested"] as? Int == 1)
        #expect((counts["byReviewer"] as? [String: Int])?["ben"] == 3)
        #expect(counts["claims"] as? Int == session.expected.count)
    }

    @Test func searchMarksMatchesInTablesOnly() throws {
        let cli = try CLI()
        cli.run("import", CLI.seedArticle)
        let table = cli.run("list", "--search", "internet freedom").out
        #expect(table.contains("⟦internet⟧ ⟦freedom⟧"))
        let json = cli.run("list", "--search", "\"internet freedom\" OR Instagram", "--format", "ndjson").out
        #expect(!json.contains("⟦"))
        #expect(try jsonLines(json).count >= 2)
    }
}
