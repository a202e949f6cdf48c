import ClaimCore
import Foundation
import Testing

/// `JSONValue.jsonText` writes what `JSONEncoder` (sorted keys, slashes unescaped) writes.
@Suite struct JSONTextTests {
    static let strings = [
        "", "plain", "Café 👩‍👩‍👧", "quote \" and \\ back", "line\nbreak\r\ttab", "\u{0}\u{1}\u{8}\u{C}\u{1F}",
        "https://example.org/a/b", "percent", "USD",
    ]
    static let doubles: [Double] = [0, 76, -3, 0.1, 2.5, 1e15, 1e16, 123_456.789, 1e-7]

    static func value(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch random.next() % (depth > 2 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64))
        case 3: return .double(doubles[Int(random.next() % UInt64(doubles.count))])
        case 4: return .string(strings[Int(random.next() % UInt64(strings.count))])
        case 5: return .array((0..<Int(random.next() % 4)).map { _ in value(&random, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<Int(random.next() % 5) {
                let key = ["rank", "outOf", "value", "unit", "approximate", "speaker", "Zeta", "a/b", "ü"][
                    Int(random.next() % 9)]
                object[key] = value(&random, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test func matchesJSONEncoderOnManyValues() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = SplitMix64(seed: 2026)
        for _ in 0..<2000 {
            let value = Self.value(&random, depth: 0)
            #expect(value.jsonText == String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        #expect(JSONValue.jsonText([:]) == "{}")
        #expect(JSONValue.jsonText(["value": 76, "unit": "percent"]) == #"{"unit":"percent","value":76}"#)
    }

    @Test func readsBackWhatItWritesAndWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        var random = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let value = Self.value(&random, depth: 0)
            // The same value JSONDecoder reads (integral numbers come back as .int either way).
            let compact = value.jsonText
            let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(compact.utf8))
            #expect(JSONValue(jsonText: compact) == decoded)
            let pretty = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect(JSONValue(jsonText: pretty) == decoded)
        }
        #expect(JSONValue(jsonText: #"{"a":"\u00e9\ud83d\udc69 \/"}"#) == .object(["a": "é👩 /"]))
        for bad in ["", "{", "{\"a\"}", "[1,]", "tru", "\"open", "1 2", "{\"a\":1,}", "[\"\u{1}\"]", "-", "NaN"] {
            #expect(JSONValue(jsonText: bad) == nil, "\(bad)")
        }
    }

    @Test func emptyAndSmallObjects() {
        #expect(JSONValue(jsonText: "{}") == .object([:]))
        #expect(JSONValue(jsonText: " [ ] ") == .array([]))
    }
}
