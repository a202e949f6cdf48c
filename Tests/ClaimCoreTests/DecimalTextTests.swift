import ClaimCore
import Foundation
import Testing

@Suite struct DecimalTextTests {
    @Test(arguments: [
        0, 1, 0.5, 0.125, 0.375, 0.005, 0.015, 0.045, 0.995, 0.994999, 0.285, 1.005, 12.345, 99.995, -0.001, -0.5,
        .infinity, -.infinity, .nan, 1e20, 0.0000001, .ulpOfOne, Double.leastNonzeroMagnitude,
    ])
    func edgeValuesPrintAsPrintfPrintsThem(value: Double) {
        #expect(twoDecimals(value) == String(format: "%.2f", value))
    }

    @Test func randomScoresAndHalfCentsPrintAsPrintfPrintsThem() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let score = Double(random.next() >> 11) / Double(1 << 53)
            #expect(twoDecimals(score) == String(format: "%.2f", score))
        }
        // Every half cent from 0 to 10, and its neighbours one ulp away.
        for cents in 0...1_000 {
            let half = (Double(cents) + 0.5) / 100
            for value in [half.nextDown, half, half.nextUp] {
                #expect(twoDecimals(value) == String(format: "%.2f", value))
            }
        }
    }
}
