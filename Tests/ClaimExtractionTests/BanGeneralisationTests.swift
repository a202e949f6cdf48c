import ClaimCore
import ClaimExtraction
import Testing

/// Ban phrasings beyond the verb "ban", written after sentences of the BBC and Reuters corpora (not the
/// bbc-dev articles): nominal and derived forms, sanctions, and the uses of ban words that are no ban.
@Suite struct BanGeneralisationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        /// A word the span must hold.
        let anchor: String
        let targets: [String]
        var actor: String?
        var status = "enacted"
        var testDescription: String { text }
    }

    @Test(arguments: [
        // Nominal bans: what is banned stands before "ban"; a name there is the actor.
        Case(
            text: "Canada's fishing ban on the Burgeo Bank angered French trawlermen.", anchor: "ban",
            targets: ["fishing"], actor: "Canada"),
        Case(
            text: "Washington kept the US trade ban in place for another year.", anchor: "ban",
            targets: ["trade"], actor: "the US"),
        Case(
            text: "Ministers say the proposed smoking ban would cover every pub.", anchor: "ban",
            targets: ["smoking"], status: "proposed"),
        // Sanctions named by their length: the person sanctioned is the target.
        Case(text: "The Corkman was handed a two-year ban in February.", anchor: "ban", targets: ["The Corkman"]),
        Case(
            text: "The federation threatened the champion Edith Masai with a similar ban.", anchor: "threatened",
            targets: ["the champion Edith Masai"], actor: "The federation", status: "proposed"),
        Case(
            text: "World record holder Tim Montgomery is facing a lifetime ban.", anchor: "ban",
            targets: ["World record holder Tim Montgomery"]),
        // Derived forms.
        Case(
            text: "Insulting the president has been made a criminal offence.", anchor: "offence",
            targets: ["Insulting the president"]),
        Case(
            text: "The new law made it illegal to sell tobacco to children.", anchor: "illegal",
            targets: ["sell tobacco to children"], actor: "The new law"),
        Case(
            text: "Its private banking operation was closed down by regulators in Tokyo.", anchor: "closed",
            targets: ["Its private banking operation"], actor: "regulators"),
        Case(
            text: "The court froze the assets of the firm's directors.", anchor: "froze",
            targets: ["the assets of the firm's directors"], actor: "The court"),
        Case(
            text: "The athletes were provisionally suspended by the IAAF last December.", anchor: "suspended",
            targets: ["The athletes"], actor: "the IAAF"),
        Case(
            text: "But the ban will prevent the runner from competing in London.", anchor: "prevent",
            targets: ["the runner"]),
        Case(
            text: "Protesters will not be allowed to march through the city centre.", anchor: "allowed",
            targets: ["march through the city centre"]),
    ])
    func findsBan(_ example: Case) throws {
        let claims = Support.claims(.ban, in: example.text)
        try #require(claims.count == 1)
        let scalars = Array(example.text.unicodeScalars)
        var spanText = String.UnicodeScalarView()
        spanText.append(contentsOf: scalars[claims[0].span.start..<claims[0].span.end])
        #expect(String(spanText).contains(example.anchor))
        #expect(claims[0].fields["targets"] == .array(example.targets.map(JSONValue.string)))
        #expect(claims[0].fields["actor"] == example.actor.map(JSONValue.string))
        #expect(claims[0].fields["status"] == .string(example.status))
    }

    @Test(arguments: [
        // Denied bans.
        "The exchange limits, but does not ban, dual trading in the index.",
        "The board decided not to ban the practice.",
        // Closures with no authority behind them are the owner's own.
        "The plant will be shut down in April as demand falls.",
        "Shops remained closed for the Christmas holiday.",
        // Blocks in play and in argument.
        "The main stumbling block to a merger is the price.",
        "His shot was blocked by the goalkeeper.",
        // An adjective, not a prohibition.
        "He made a fortune from his illegal gambling business.",
        "The previously frozen assets were invested abroad.",
        "Banned American sprinter Kelli White says she took steroids.",
        // A ban escaped or appealed is none in force.
        "The British number two escaped a possible ban last year.",
    ])
    func ignoresNonBans(_ sentence: String) {
        #expect(Support.claims(.ban, in: sentence).isEmpty)
    }

    @Test func actorIsNeverAClauseFragment() throws {
        let claims = Support.claims(.ban, in: "The exact cost to Blackpool in terms of jobs banned the plan.")
        try #require(claims.count == 1)
        #expect(claims[0].fields["actor"] == nil)
    }

    @Test func actorStopsBeforeItsVerb() throws {
        let claims = Support.claims(
            .ban, in: "The European Commission acknowledged last month sanctions on countries that subsidise steel.")
        try #require(claims.count == 1)
        #expect(claims[0].fields["actor"] == "The European Commission")
        #expect(claims[0].fields["targets"] == ["countries that subsidise steel"])
    }

    @Test func targetStopsBeforeItsVerb() throws {
        let claims = Support.claims(
            .ban, in: "Organisers said banned athlete Susan Chepkemei will still take part in the race.")
        try #require(claims.count == 1)
        #expect(claims[0].fields["targets"] == ["athlete Susan Chepkemei"])
    }

    @Test func startOfSentenceBanIsNoVerb() {
        // "Ban" opening a sentence once read past the start of the tokens.
        #expect(Support.claims(.ban, in: "Ban on hunting begins").count <= 1)
    }
}
