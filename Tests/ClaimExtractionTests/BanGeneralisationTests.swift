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
        try check(example)
    }

    /// Sanctions on persons and teams, and bans written as "bar … from", "restricting", "sanctions", "the ban
    /// means"; each has a look-alike in ``ignoresSanctionLookAlikes(_:)``.
    @Test(arguments: [
        // Suspension as a sanction, passive with a reason, a length or nothing after it.
        Case(
            text: "Marathon runner Ana Soto was provisionally suspended for missing two tests.", anchor: "suspended",
            targets: ["Marathon runner Ana Soto"]),
        Case(
            text: "But winger Tom Hale is suspended and misses the derby.", anchor: "suspended",
            targets: ["winger Tom Hale"]),
        Case(
            text: "City's Ian Kerr and Lee Brook of United have both been suspended for violent conduct.",
            anchor: "suspended", targets: ["City's Ian Kerr", "Lee Brook of United"]),
        Case(
            text: "Ruiz and Ortega could be suspended for up to two years.", anchor: "suspended",
            targets: ["Ruiz", "Ortega"], status: "proposed"),
        Case(
            text: "Ortega, 28, was suspended after refusing a test.", anchor: "suspended", targets: ["Ortega"]),
        Case(
            text: "The coach praised striker Ben Cole, who was suspended for the first leg.", anchor: "suspended",
            targets: ["Ben Cole"]),
        // Active suspension of a person.
        Case(
            text: "The federation has suspended both cyclists.", anchor: "suspended", targets: ["both cyclists"],
            actor: "The federation"),
        // "banned" with an adverb, a coordinated participle or an aside.
        Case(text: "The pamphlet is hereby banned.", anchor: "banned", targets: ["The pamphlet"]),
        Case(
            text: "Silva, sacked by his club and banned for nine months, will return in May.", anchor: "banned",
            targets: ["Silva"]),
        Case(
            text: "Silva, banned by the national federation, can play again in May.", anchor: "banned",
            targets: ["Silva"], actor: "the national federation"),
        // Nominal and plural sanctions.
        Case(text: "They face three-year bans if the charges are upheld.", anchor: "bans", targets: ["They"]),
        Case(
            text: "Both players were given automatic two-match bans.", anchor: "bans", targets: ["Both players"]),
        Case(
            text: "The pair will contest the four-year bans imposed on them by the federation.", anchor: "imposed",
            targets: ["them"], actor: "the federation"),
        Case(
            text: "The museum bid for the vase after a ban was issued preventing it from leaving France.",
            anchor: "preventing", targets: ["it"]),
        Case(
            text: "The ban means the former manager Ron Gale cannot enter the ground.", anchor: "means",
            targets: ["the former manager Ron Gale"]),
        Case(
            text: "The regime has been threatened with sanctions by the UN.", anchor: "sanctions",
            targets: ["The regime"], status: "proposed"),
        Case(text: "Six riders have received sanctions this season.", anchor: "sanctions", targets: ["Six riders"]),
        // "bar … from", "restricting".
        Case(
            text: "Moscow's decision to bar foreign banks from state auctions surprised investors.", anchor: "bar",
            targets: ["foreign banks"], actor: "Moscow's decision"),
        Case(
            text:
                "The ruling gave the name protected status, effectively restricting the use of the name to local makers.",
            anchor: "restricting", targets: ["the use of the name"]),
        Case(
            text: "Japan restricts imports of rice.", anchor: "restricts", targets: ["imports of rice"], actor: "Japan"),
        Case(
            text: "The order restores the vote to many felons, who have been banned from voting since 1865.",
            anchor: "banned", targets: ["many felons"]),
    ])
    func findsSanction(_ example: Case) throws {
        try check(example)
    }

    @Test(arguments: [
        "Shares in the airline were suspended while talks continued.",
        "Trading in the stock was suspended for an hour.",
        "The airline will suspend flights to the region for three weeks.",
        "The bank agreed to suspend interest payments until 2009.",
        "He was given a suspended sentence.",
        "The last three weeks of the ban are suspended.",
        "A rope bridge hung suspended in mid-air.",
        "Fans cheered the suspended Tom Hale from the stands.",
        "Pundits say suspended winger Tom Hale should be recalled.",
        "The striker has never even been suspended before.",
        "The athletes had not been banned by the federation.",
        "He crashed a drive against the bar from 20 yards.",
        "Bar a brief dip in March, prices rose all year.",
        "The policy appears restricted to a few nursing staff.",
        "Waivers give states a reprieve from the sanctions attached to the law.",
        "They face a long journey to the final.",
        "The ban means a lot to the campaigners.",
        "The central bank will restrict liquidity next month.",
        "She does not expect the regulator to restrict dual trading.",
        "A three-day campaign was suspended after the committee promised reforms.",
        "Some medical services were restricted.",
    ])
    func ignoresSanctionLookAlikes(_ sentence: String) {
        #expect(Support.claims(.ban, in: sentence).isEmpty)
    }

    private func check(_ example: Case) throws {
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

/// Bans named by their length after a verb that imposes them or a preposition placing the subject after
/// them, with look-alikes that stay out.
@Suite struct ImposedBanTests {
    @Test func anImposedBanTakesItsTargetFromOnOrFromTheVerbBefore() throws {
        let fined = try #require(
            Support.claims(
                .ban,
                in:
                    "The RFU recently fined Northampton coach Budge Pountney £2,000 and imposed a six-week ban for his criticism."
            ).first)
        #expect(fined.fields["targets"] == ["Northampton coach Budge Pountney"])
        #expect(fined.fields["actor"] == "The RFU")
        let on = try #require(
            Support.claims(.ban, in: "The board imposed a two-year ban on the athlete in March.").first)
        #expect(on.fields["targets"] == ["the athlete"])
    }

    @Test func aBanServedBeforeBelongsToTheSubject() throws {
        let claim = try #require(
            Support.claims(.ban, in: "Euan Murray has been named in the Scotland squad after an eight-week ban.").first)
        #expect(claim.fields["targets"] == ["Euan Murray"])
    }

    @Test(arguments: [
        "He escaped a possible ban last year.",
        "He returned from injury after a long break.",
        "The gallery tried to buy it after a ban was issued preventing the sale.",
    ])
    func lookAlikesStayOut(_ sentence: String) {
        let bans = Support.claims(.ban, in: sentence)
        #expect(!bans.contains { $0.text.hasPrefix("a ban") || $0.text.hasPrefix("a possible") })
    }
}
