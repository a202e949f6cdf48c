import ArticleImport
import Foundation
import Testing

@Suite struct TextEncodingTests {
    @Test(
        arguments: [
            ([0x93, 0x51, 0x94], "“Q”"),
            ([0x63, 0x61, 0x66, 0xE9], "café"),
            ([0x80, 0x35, 0x20, 0x96, 0x20, 0x85], "€5 – …"),
            ([0xA3, 0x31, 0x30, 0x6D, 0xFF], "£10mÿ"),
            ([0x81, 0x8D], "\u{81}\u{8D}"),
        ] as [([UInt8], String)])
    func windows1252IsTranscoded(bytes: [UInt8], text: String) {
        #expect(TextEncoding.windows1252(bytes) == text)
    }

    @Test func invalidUTF8TextFallsBackToWindows1252() throws {
        let bytes: [UInt8] =
            Array("He said ".utf8) + [0x93] + Array("caf".utf8) + [0xE9, 0x94] + Array(" and left.\n".utf8)
        #expect(try ArticleSource.decode(Data(bytes), source: "a.txt") == "He said “café” and left.\n")
    }

    @Test func validUTF8IsNeverReinterpreted() throws {
        let text = "<meta charset=\"iso-8859-1\"><p>Zürich – “ok”</p>"
        #expect(try ArticleSource.decode(Data(text.utf8), source: "a.html") == text)
    }

    @Test func declaredLatin1PageIsTranscodedAndRead() throws {
        let bytes =
            Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">".utf8)
            + Array("<title>x</title></head><body><p>Le caf".utf8) + [0xE9] + Array(" co".utf8) + [0xFB]
            + Array("te 3 ".utf8) + [0x80] + Array("</p></body></html>".utf8)
        let text = try ArticleSource.decode(Data(bytes), source: "a.html")
        #expect(try HTMLReader().read(text, source: "a.html").body == "Le café coûte 3 €")
    }

    @Test(
        arguments: [
            ("<meta charset=\"windows-1252\">", "windows-1252"),
            ("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=ISO-8859-1'>", "iso-8859-1"),
            ("<meta charset=utf-8>", "utf-8"),
            ("<p>no declaration</p>", nil),
        ] as [(String, String?)])
    func declaredCharsetIsFound(head: String, charset: String?) {
        #expect(TextEncoding.declaredCharset(Array(head.utf8)) == charset)
    }

    @Test func unsupportedDeclaredCharsetIsNamed() {
        let bytes = Array("<meta charset=\"shift_jis\"><p>".utf8) + [0x82, 0xA0]
        #expect {
            _ = try ArticleSource.decode(Data(bytes), source: "jp.html")
        } throws: { error in
            (error as? LocalizedError)?.errorDescription?.contains("shift_jis") == true
        }
    }

    @Test(
        arguments: [
            [0x66, 0x00, 0xE9, 0x6F],
            [0x01, 0x02, 0x03, 0xFF, 0xFE, 0x10, 0x11, 0x12, 0x80, 0x81],
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xE9],
        ] as [[UInt8]])
    func binaryIsStillRefused(bytes: [UInt8]) {
        #expect(throws: ArticleImportError.self) { _ = try ArticleSource.decode(Data(bytes), source: "x.bin") }
    }

    /// The one Latin-1 file of the BBC set, read from `../shared` beside the checkout when it is there.
    static let bbcLatin1 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "shared/data/bbc-news/sport/199.txt")
        .path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: bbcLatin1), "needs ../shared/data"))
    func bbcLatin1ArticleImports() throws {
        let path = Self.bbcLatin1
        let text = try ArticleSource.text(at: path)
        #expect(!text.contains("\u{FFFD}"))
        #expect(try PlainTextReader().read(text, source: path).title.isEmpty == false)
    }
}
