import ClaimCore
import ClaimExtraction
import Testing

@Suite struct BanRecognizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let marked: String
        let actor: String?
        let targets: [String]
        var status = "enacted"
        var testDescription: String { marked }
    }

    @Test(arguments: [
        Case(
            marked:
                "Putin’s administration has actively curtailed internet freedom within Russia, ⟦banning platforms like Instagram, YouTube, Facebook, and X (formerly Twitter)⟧.",
            actor: "Putin’s administration", targets: ["Instagram", "YouTube", "Facebook", "X"]),
        Case(
            marked:
                "Sanctions further complicate matters, ⟦restricting access to essential components and technologies⟧.",
            actor: "Sanctions", targets: ["essential components and technologies"]),
        Case(
            marked: "The government plans to ⟦ban TikTok⟧ next year.",
            actor: "The government", targets: ["TikTok"], status: "proposed"),
        // BBC entertainment/010.txt.
        Case(
            marked:
                "Uganda's authorities have ⟦banned the play The Vagina Monologues⟧, due to open in the capital, Kampala this weekend.",
            actor: "Uganda's authorities", targets: ["the play The Vagina Monologues"]),
        Case(
            marked: "The EU imposed ⟦sanctions on Iran and Syria⟧ in May.",
            actor: "The EU", targets: ["Iran", "Syria"]),
    ])
    func findsBans(_ example: Case) throws {
        let fixture = MarkedText(example.marked)
        let claims = Support.claims(.ban, in: fixture.text)
        try #require(claims.count == 1)
        #expect(claims[0].span == fixture.spans[0])
        #expect(claims[0].fields["actor"] == example.actor.map(JSONValue.string))
        #expect(claims[0].fields["targets"] == .array(example.targets.map(JSONValue.string)))
        #expect(claims[0].fields["status"] == .string(example.status))
    }

    @Test func passiveBanTakesSubjectAsTarget() throws {
        let claims = Support.claims(.ban, in: "Instagram was blocked by the regulator in March.")
        try #require(claims.count == 1)
        #expect(claims[0].fields["targets"] == ["Instagram"])
        // The actor is the noun phrase after "by", not the adverbial that follows it.
        #expect(claims[0].fields["actor"] == "the regulator")
    }

    @Test(arguments: [
        Case(
            marked: "Under the new law, tourists are ⟦not allowed to carry drones⟧ in the park.",
            actor: nil, targets: ["carry drones"]),
        Case(
            marked: "The federation ⟦suspended the sprinter Ana Ruiz⟧ from all competition for a year.",
            actor: "The federation", targets: ["the sprinter Ana Ruiz"]),
        Case(
            marked: "The new government lifted the ⟦fishing ban⟧ after a long campaign.",
            actor: "The new government", targets: ["fishing"]),
    ])
    func findsBansWrittenAsPermissionsAndSanctions(_ example: Case) throws {
        try findsBans(example)
    }

    @Test(arguments: [
        "He tested positive for a banned substance.",
        "A free and open internet is a crucial catalyst for technological development.",
        "Barring any late injury, the captain will start on Saturday.",
        "Talks were suspended on Friday after the vote.",
    ])
    func ignoresNonBans(_ sentence: String) {
        #expect(Support.claims(.ban, in: sentence).isEmpty)
    }
}
