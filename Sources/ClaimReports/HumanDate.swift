/// Dates as people write them in a published report: "3 December 2025", "3 December 2025, 08:15 UTC".
enum HumanDate {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `iso` (an ISO 8601 date or date-time) as "3 December 2025" or "3 December 2025, 08:15 UTC"
    /// (or "…, 08:15 +01:00"); a text that is not such a date comes back as it is.
    static func text(_ iso: String) -> String {
        let scalars = Array(iso.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[range] {
                guard ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            return value
        }
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-", let year = number(0..<4),
            let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return iso }
        let date = "\(day) \(months[month - 1]) \(year)"
        guard scalars.count >= 16, scalars[10] == "T" || scalars[10] == " ", scalars[13] == ":",
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
        else { return date }
        var zone = ""
        if let sign = scalars.lastIndex(where: { $0 == "+" || $0 == "-" }), sign > 16 {
            zone = " " + String(String.UnicodeScalarView(scalars[sign...]))
            if zone == " +00:00" || zone == " -00:00" { zone = " UTC" }
        } else if scalars.last == "Z" {
            zone = " UTC"
        }
        let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return "\(date), \(time)\(zone)"
    }
}
