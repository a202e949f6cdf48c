import Foundation
import Testing

@testable import ArticleImport

@Suite struct WhitespaceTests {
    /// Every scalar that is white space to either definition, at either end, in between, alone and
    /// doubled: the fast trim must give what Foundation's `.whitespacesAndNewlines` trim gives.
    @Test func trimsWhatFoundationTrims() {
        let candidates = (0...0x3000).compactMap(Unicode.Scalar.init).filter {
            $0.properties.isWhitespace || CharacterSet.whitespacesAndNewlines.contains($0)
        }
        #expect(candidates.count >= 25)
        var texts = ["", "a", "a b", " ", "\u{301}x\u{301}", "e\u{301} ", " \u{301}"]
        for scalar in candidates {
            let space = String(Character(scalar))
            texts += [
                space, space + space, space + "word", "word" + space, space + "two words" + space, "a" + space + "b",
            ]
        }
        for text in texts {
            #expect(
                text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(Array(text.unicodeScalars))")
        }
    }
}
