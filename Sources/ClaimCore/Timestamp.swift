import Foundation

/// Timestamps as stored and printed: ISO 8601 in UTC, to the second ("2026-11-29T23:59:01Z").
public enum Timestamp {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601)
    }

    public static func now() -> String { string(from: Date()) }
}
