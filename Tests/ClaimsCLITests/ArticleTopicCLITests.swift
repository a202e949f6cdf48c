import Foundation
import Testing

/// `claims articles show` lists the story's topics; `claims articles tag|untag` corrects them, and the
/// correction reaches every claim; bad corrections are one line on standard error and change nothing.
@Suite struct ArticleTopicCLITests {
    @Test func theStorysTopicsAreShownAndCorrectedByHand() throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let shown = cli.run("articles", "show", "1").out
        #expect(shown.contains("Topics: politics, technology"), "\(shown)")
        #expect(
            try jsonLines(cli.run("list", "--topic", "technology", "--format", "ndjson").out).count == CLI.seedClaims)

        #expect(cli.run("articles", "untag", "1", "technology").code == 0)
        #expect(
            try jsonLines(cli.run("list", "--topic", "technology", "--format", "ndjson").out).count < CLI.seedClaims)
        #expect(cli.run("articles", "tag", "1", "economy").code == 0)
        #expect(try jsonLines(cli.run("list", "--topic", "economy", "--format", "ndjson").out).count == CLI.seedClaims)
        let corrected = cli.run("articles", "show", "1").out
        #expect(corrected.contains("Topics: economy (added by hand), politics, not technology (taken off by hand)"))
    }

    @Test(arguments: [
        (["articles", "tag", "1", "no-such-topic"], "unknown topic 'no-such-topic'"),
        (["articles", "tag", "99", "economy"], "99"),
        (["articles", "untag", "1", "sport"], "article 1's story is not tagged with 'sport'"),
        (["articles", "tag", "0", "economy"], "expected a positive article id"),
    ])
    func badCorrectionsAreOneLineAndChangeNothing(arguments: [String], message: String) throws {
        let cli = try CLI()
        #expect(cli.run("import", CLI.seedArticle).code == 0)
        let before = try cli.snapshot()
        let result = cli.run(arguments)
        #expect(result.code != 0)
        #expect(result.errLines.count == 1 && result.err.contains(message), "\(result.err)")
        #expect(try cli.snapshot() == before)
    }
}
