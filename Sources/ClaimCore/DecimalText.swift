import Foundation

/// `value` with two decimals, exactly as `String(format: "%.2f", value)` prints it.
///
/// Scores are printed on every listed row, and Foundation's `String(format:)` costs a few
/// microseconds a call on Linux, a few milliseconds on a thousand-row list. Scaling by 100 and
/// rounding gives printf's digits unless the scaled value lies within rounding error of a half,
/// where printf's exact binary expansion decides; those values, and negative or huge ones, are
/// left to `String(format:)`.
public func twoDecimals(_ value: Double) -> String {
    let scaled = value * 100
    guard value >= 0, scaled < 1e15, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else {
        return String(format: "%.2f", value)
    }
    let cents = Int(scaled.rounded())
    let fraction = cents % 100
    // String(_:) rather than interpolation, which looks the integer's conformances up at run time.
    return String(cents / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
}
