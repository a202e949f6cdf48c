import ClaimCore
import Testing

@Suite struct PublishedDateTests {
    @Test(arguments: [
        // ISO 8601 and RFC 3339
        ("2025-12-03", "2025-12-03"),
        ("  2025-12-03\n", "2025-12-03"),
        ("2025-12-03T08:15:00Z", "2025-12-03T08:15:00Z"),
        ("2025-12-03t08:15:00z", "2025-12-03T08:15:00Z"),
        ("2025-12-03T08:15:00+01:00", "2025-12-03T08:15:00+01:00"),
        ("2025-12-03T08:15:00-0530", "2025-12-03T08:15:00-05:30"),
        ("2025-12-03T08:15:00+00:00", "2025-12-03T08:15:00+00:00"),
        ("2025-12-03T08:15:00-00:00", "2025-12-03T08:15:00Z"),
        ("2025-12-03T08:15Z", "2025-12-03T08:15:00Z"),
        ("2025-12-03T08:15:00.123456Z", "2025-12-03T08:15:00Z"),
        ("2025-12-03T08:15:00+02", "2025-12-03T08:15:00+02:00"),
        ("2025-12-03 08:15:00 +01:00", "2025-12-03T08:15:00+01:00"),
        ("2025-12-03 08:15:00 UTC", "2025-12-03T08:15:00Z"),
        // A date-time without a zone names no instant: its date is kept.
        ("2025-12-03 08:15:00", "2025-12-03"),
        ("2025-12-03T08:15", "2025-12-03"),
        // RFC 2822
        ("Tue, 03 Dec 2025 08:15:00 GMT", "2025-12-03T08:15:00Z"),
        ("Wed, 03 Dec 2025 08:15:00 +0000", "2025-12-03T08:15:00+00:00"),
        ("03 Dec 2025 08:15:00 -0500", "2025-12-03T08:15:00-05:00"),
        ("3 Dec 2025 08:15 EST", "2025-12-03T08:15:00-05:00"),
        ("Wed, 3 Dec 2025 08:15:00 PDT", "2025-12-03T08:15:00-07:00"),
        ("Wed, 03 Dec 2025 08:15:00 UT", "2025-12-03T08:15:00Z"),
        ("Wed, 03 Dec 2025 08:15:00 Z", "2025-12-03T08:15:00Z"),
        ("Wed, 03 Dec 2025 08:15:00 CDT", "2025-12-03T08:15:00-05:00"),
        ("Wed, 03 Dec 2025 08:15:00 MST", "2025-12-03T08:15:00-07:00"),
        ("Wed, 03 Dec 2025 08:15:00 +0000 (UTC)", "2025-12-03T08:15:00+00:00"),
        // Written out, with the month named
        ("3 December 2025", "2025-12-03"),
        ("December 3, 2025", "2025-12-03"),
        ("Dec. 3, 2025", "2025-12-03"),
        ("Wednesday, December 3rd, 2025", "2025-12-03"),
        ("29 February 2024", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
    ])
    func acceptedFormsAreNormalised(text: String, expected: String) throws {
        #expect(try PublishedDate(parsing: text).text == expected)
    }

    @Test(arguments: [
        ("2024-02-30", PublishedDate.Problem.impossible("there is no 30 February 2024 (it has 29 days)")),
        ("2023-02-29", .impossible("there is no 29 February 2023 (it has 28 days)")),
        ("1900-02-29", .impossible("there is no 29 February 1900 (it has 28 days)")),
        ("2025-04-31", .impossible("there is no 31 April 2025 (it has 30 days)")),
        ("2025-13-01", .impossible("month 13 is out of range (1-12)")),
        ("2025-00-10", .impossible("month 0 is out of range (1-12)")),
        ("2025-12-00", .impossible("day 0 is out of range (1-31)")),
        ("0000-01-01", .impossible("year 0 is out of range (0001-9999)")),
        ("2025-12-03T24:00:00Z", .impossible("hour 24 is out of range (00-23)")),
        ("2025-12-03T08:60:00Z", .impossible("minute 60 is out of range (00-59)")),
        ("2025-12-03T08:15:61Z", .impossible("second 61 is out of range (00-59)")),
        ("2025-12-03T08:15:00+25:00", .impossible("the zone offset +25:00 is out of range")),
        ("Tue, 31 Nov 2025 08:15:00 GMT", .impossible("there is no 31 November 2025 (it has 30 days)")),
        ("", .empty),
        ("   ", .empty),
        ("yesterday", .unreadable),
        ("03/12/2025", .unreadable),
        ("12/03/2025", .unreadable),
        ("2025-12", .unreadable),
        ("2025-12-3", .unreadable),
        ("2025-12-03X", .unreadable),
        ("2025-12-03T08:15:00 XYZ", .unreadable),
        ("2025-12-03T08:15:00Z trailing", .unreadable),
        ("Tue, 03 Dec 2025 08:15:00 CET", .unreadable),
        ("03 Dex 2025", .unreadable),
        ("Dec 2025", .unreadable),
        ("3 December 25", .unreadable),
        ("3 December +025", .unreadable),
        ("Tue, 03 Dec 2025 8h15", .unreadable),
        ("２０２５-12-03", .unreadable),
    ])
    func impossibleAndUnreadableDatesAreRefusedWithAReason(text: String, problem: PublishedDate.Problem) {
        #expect(throws: problem) { try PublishedDate(parsing: text) }
        #expect(PublishedDate.normalised(text) == nil)
    }

    @Test func leapYearsFollowTheGregorianRules() {
        #expect(PublishedDate.days(inMonth: 2, year: 2024) == 29)
        #expect(PublishedDate.days(inMonth: 2, year: 2000) == 29)
        #expect(PublishedDate.days(inMonth: 2, year: 2100) == 28)
        #expect(PublishedDate.days(inMonth: 2, year: 2025) == 28)
        #expect(PublishedDate.days(inMonth: 12, year: 2025) == 31)
    }

    @Test func everyDayOfTwoCenturiesRoundTrips() throws {
        for year in [1999, 2000, 2024, 2100] {
            for month in 1...12 {
                for day in 1...PublishedDate.days(inMonth: month, year: year) {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    #expect(try PublishedDate(parsing: text).text == text)
                }
            }
        }
    }

    @Test func quotedInputEscapesControlCharactersAndCutsLongValues() {
        #expect(quotedInput("a\u{1B}[31mb\nc") == "'a\\u{1B}[31mb\\u{A}c'")
        #expect(quotedInput(String(repeating: "x", count: 150)) == "'" + String(repeating: "x", count: 100) + "…'")
    }

    @Test(arguments: [
        ("2025-12-03", "3 December 2025"),
        ("2025-12-03T08:15:00Z", "3 December 2025, 08:15 UTC"),
        ("2025-12-03T08:15:00+00:00", "3 December 2025, 08:15 UTC"),
        ("Wed, 03 Dec 2025 08:15:00 EST", "3 December 2025, 08:15 -05:00"),
        ("2024-02-29T23:59:59+05:30", "29 February 2024, 23:59 +05:30"),
    ])
    func datesAreWrittenAsPeopleWriteThem(given: String, human: String) throws {
        #expect(try PublishedDate(parsing: given).humanText == human)
    }
}
