import ClaimCore

/// Dates as people write them in a published report: "3 December 2025", "3 December 2025, 08:15 UTC".
enum HumanDate {
    /// `iso` (an ISO 8601 date or date-time) as ``PublishedDate`` reads and writes it for people; a
    /// text that is not such a date comes back as it is.
    static func text(_ iso: String) -> String {
        (try? PublishedDate(parsing: iso))?.humanText ?? iso
    }
}
