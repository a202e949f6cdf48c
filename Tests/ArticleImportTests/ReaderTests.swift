import ArticleImport
import ClaimCore
import Foundation
import Testing

@Suite struct ReaderTests {
    @Test func plainTextTitleIsTheFirstNonEmptyLine() throws {
        let article = try PlainTextReader().read("\n\n  Headline here  \n\nBody text.\r\n", source: "a.txt")
        #expect(article.title == "Headline here")
        #expect(article.body == "\n\n  Headline here  \n\nBody text.\n")
    }

    @Test func markdownKeepsWhatAReaderSeesAndReadsFrontMatter() throws {
        let text = """
            ---
            title: "Drain of talent"
            date: 2024-05-01
            author: Ana Ruiz
            url: https://example.org/drain
            publisher: Example Times
            ---
            # The exodus

            About **100,000** [IT workers](https://example.org/x) left in `2022`.

            - Finance: hit
            * Health: hit
            > Quoted line
            """
        let article = try MarkdownReader().read(text, source: "a.md")
        #expect(article.title == "Drain of talent")
        #expect(article.author == "Ana Ruiz")
        #expect(article.url == "https://example.org/drain")
        #expect(article.publisher == "Example Times")
        #expect(article.published == "2024-05-01")
        #expect(
            article.body
                == "The exodus\n\nAbout 100,000 IT workers left in 2022.\n\n• Finance: hit\n• Health: hit\nQuoted line")
    }

    @Test func markdownTitleFallsBackToTheFirstHeading() throws {
        #expect(try MarkdownReader().read("Intro line\n\n## Real heading\n", source: "b.md").title == "Real heading")
        #expect(try MarkdownReader().read("Just text, no heading.\n", source: "c.md").title == "Just text, no heading.")
    }

    @Test func readerIsChosenByExtension() {
        #expect(ArticleFormat(extension: "MD") == .markdown)
        #expect(ArticleFormat(extension: "txt") == .text)
        #expect(ArticleFormat(extension: "jsonl") == .jsonl)
        #expect(ArticleFormat(extension: "") == nil)
        #expect(ArticleFormat.sniff("<!DOCTYPE html><p>x") == .html)
        #expect(ArticleFormat.sniff("{\"title\": 1}") == .jsonl)
        #expect(ArticleFormat.sniff("Plain words") == .text)
        #expect(throws: ArticleImportError.unknownFormat("docx", expected: "text, markdown, html")) {
            _ = try ArticleReaders.named("docx")
        }
    }

    @Test(arguments: [
        ([UInt8](), "is empty"),
        (Array("  \n\t \n".utf8), "is empty"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "binary"),
        ([0x00, 0x01, 0x02, 0xC3, 0x28, 0x03, 0x04, 0x05, 0x06], "not valid UTF-8"),
    ])
    func badBytesAreRefusedWithAClearReason(bytes: [UInt8], reason: String) {
        #expect {
            _ = try ArticleSource.decode(Data(bytes), source: "in.txt")
        } throws: { error in
            (error as? LocalizedError)?.errorDescription?.contains(reason) == true
        }
    }

    @Test func utf16WithByteOrderMarkIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        data.append("Zürich".data(using: .utf16LittleEndian)!)
        #expect(try ArticleSource.decode(data, source: "in.txt") == "Zürich")
    }

    @Test func missingFileAndDirectoryAreNamed() {
        #expect(throws: ArticleImportError.missing("/nonexistent/file.txt")) {
            _ = try ArticleSource.text(at: "/nonexistent/file.txt")
        }
        #expect(throws: ArticleImportError.isDirectory("/tmp")) { _ = try ArticleSource.text(at: "/tmp") }
    }
}
