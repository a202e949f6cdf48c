import Foundation

extension String {
    /// The text without leading and trailing `.whitespacesAndNewlines`, as
    /// `trimmingCharacters(in:)` gives it, looking at the ends only: that call bridges the whole
    /// string and costs over a hundred thousand instructions even for a short one.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let space = whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !space.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !space.contains($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

private let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
