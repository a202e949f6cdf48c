import ClaimCore
import ClaimExtraction
import Testing

/// "He said …", "she added": the speaker behind a pronoun, as a careful reader resolves it.
@Suite struct SpeakerResolverTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let note: String
        let text: String
        /// The last quote's expected speaker; nil when it must stay an unresolved pronoun.
        let speaker: String?
        var testDescription: String { note }
    }

    /// The fields of the last quote claim in `text`.
    static func lastQuote(in text: String) -> [String: JSONValue]? {
        Support.claims(.quote, in: text).last?.fields
    }

    @Test(arguments: [
        Case(
            note: "two people of different sex, then 'she said'",
            text:
                "Mr John Carter met Ms Alice Brown in Leeds on Monday to discuss the merger. The talks lasted an hour. “We agreed on nothing at all,” she said.",
            speaker: "Alice Brown"),
        Case(
            note: "the same two, then 'he said'",
            text:
                "Mr John Carter met Ms Alice Brown in Leeds on Monday to discuss the merger. The talks lasted an hour. “We agreed on nothing at all,” he said.",
            speaker: "John Carter"),
        Case(
            note: "a speaker change at a new 'X said'",
            text:
                "Anna Price said prices would rise this year. Later, Tom Reed, the chairman, said demand was weak. “We are being very cautious about the outlook,” he said.",
            speaker: "Tom Reed"),
        Case(
            note: "the earlier speaker when the pronoun's sex points back to her",
            text:
                "Anna Price said prices would rise this year. Later, Tom Reed, the chairman, said demand was weak. “We expect the rise to continue into the spring,” she said.",
            speaker: "Anna Price"),
        Case(
            note: "the fullest form the article uses",
            text:
                "Nicola Hart is the chief executive of the firm. Profits fell last year, Ms Hart admitted on Tuesday. “It has been a very difficult year for everyone,” she said.",
            speaker: "Nicola Hart"),
        Case(
            note: "sex from a role noun when the first name tells none",
            text:
                "Director Chris Webb praised actress Sam Lowe for her work on the film. Lowe won the award on Sunday. “I never expected to win anything tonight,” she said.",
            speaker: "Sam Lowe"),
        Case(
            note: "a chain: 'But she remains cautious' keeps to the subject",
            text:
                "Maria Lopez beat Anna Smith in straight sets in the final on Saturday. But she remains cautious. “Nothing is won yet and there is a long way to go,” she said.",
            speaker: "Maria Lopez"),
        Case(
            note: "a team before a role is no person ('Rovers coach Bob Dwyer')",
            text:
                "After the match, Rovers coach Bob Dwyer praised his players. “The players were superb in the second half,” he said.",
            speaker: "Bob Dwyer"),
        Case(
            note: "no one named before: the pronoun stays, unresolved",
            text: "“It is over and we have lost the vote in the end,” she said.", speaker: nil),
        Case(
            note: "only men named before 'she': unresolved",
            text:
                "Mr John Carter and Mr Paul Dean met in Leeds on Monday. “We have agreed to disagree about the merger,” she said.",
            speaker: nil),
    ])
    func resolves(_ example: Case) throws {
        let fields = try #require(Self.lastQuote(in: example.text))
        if let speaker = example.speaker {
            #expect(fields["speaker"] == .string(speaker))
            #expect(fields["speakerResolved"] == .bool(true))
        } else {
            #expect(fields["speaker"] == .string("she"))
            #expect(fields["speakerResolved"] == .bool(false))
        }
        #expect(fields["speakerMention"] != nil)
    }

    @Test func namedSpeakerHasNoResolutionFields() throws {
        let fields = try #require(Self.lastQuote(in: "“Prices will fall next year,” said John Carter."))
        #expect(fields["speaker"] == .string("John Carter"))
        #expect(fields["speakerResolved"] == nil)
    }

    @Test func describedSpeakerIsAReferent() throws {
        let fields = try #require(
            Self.lastQuote(
                in:
                    "Mr John Carter opened the bridge in March. A spokesman for the city council said the road would close for a week. “We regret the delay to drivers,” he added."
            ))
        #expect(fields["speaker"] == .string("A spokesman for the city council"))
        #expect(fields["speakerResolved"] == .bool(true))
    }

    @Test func nameBetweenCommasAfterADescription() throws {
        let fields = try #require(
            Self.lastQuote(
                in: "The Turkish economics minister, Ali Babacan, said the two sides had reached a general agreement."))
        #expect(fields["speaker"] == .string("Ali Babacan"))
    }

    @Test func appositionGivesTheName() throws {
        let fields = try #require(
            Self.lastQuote(
                in: "But Ian Shepherdson, chief economist at High Frequency Economics, said the report was alarming."))
        #expect(fields["speaker"] == .string("Ian Shepherdson"))
    }
}
