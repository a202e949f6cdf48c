import ArticleImport
import ClaimCore
import Foundation
import Testing

@Suite struct JSONLinesReaderTests {
    @Test func brokenLinesAreNamedAndTheOthersImport() throws {
        let text = """
            {"title": "First", "body": "About 100,000 left.\\r\\nIn 2022.", "author": "Ann", "published": "2024-01-02", "publisher": "Times"}

            {"title": "Broken", "body": "unterminated
            {"html": "<html><head><meta property='og:title' content='From HTML'></head><body><nav>Menu</nav><p>Para &amp; more.</p></body></html>", "url": "https://ex.org/a"}
            ["not", "an", "object"]
            {"title": "No body"}
            {"title": "Blank", "body": "  \\n "}
            {"body": "Untitled body line\\nsecond"}
            """
        let results = JSONLinesReader().read(text, source: "feed.jsonl")
        #expect(results.map(\.line) == [1, 3, 4, 5, 6, 7, 8])

        let first = try results[0].result.get()
        #expect(
            first
                == ArticleDraft(
                    source: "feed.jsonl#L1", title: "First", body: "About 100,000 left.\nIn 2022.", author: "Ann",
                    publisher: "Times", published: "2024-01-02"))

        #expect(throws: JSONLinesError.invalidJSON(source: "feed.jsonl", line: 3)) { try results[1].result.get() }

        let html = try results[2].result.get()
        #expect(html.source == "https://ex.org/a")
        #expect(html.url == "https://ex.org/a")
        #expect(html.title == "From HTML")
        #expect(html.body == "Para & more.")

        #expect(throws: JSONLinesError.notAnObject(source: "feed.jsonl", line: 5)) { try results[3].result.get() }
        #expect(throws: JSONLinesError.missingBody(source: "feed.jsonl", line: 6)) { try results[4].result.get() }
        #expect(throws: JSONLinesError.emptyBody(source: "feed.jsonl", line: 7)) { try results[5].result.get() }
        #expect(try results[6].result.get().title == "Untitled body line")
        #expect(try results[6].result.get().source == "feed.jsonl#L8")
    }

    @Test func errorMessagesNameTheLine() {
        #expect(
            JSONLinesError.invalidJSON(source: "f.jsonl", line: 12).errorDescription
                == "f.jsonl line 12: is not valid JSON")
        #expect(JSONLinesError.missingBody(source: "f.jsonl", line: 3).line == 3)
    }
}
