import ClaimCore
import Testing

@Suite struct WebLinkTests {
    @Test(arguments: [
        "https://example.org", "http://example.org/a?b=c#d", "HTTPS://Example.org/path", "https://user@host:8080/x",
        "https://[::1]:8080/", "https://例え.jp/パス",
    ])
    func httpAndHttpsWithAHostAreLinks(text: String) throws {
        #expect(try WebLink(parsing: text).text == text)
        #expect(WebLink.isPublishable(text))
    }

    @Test(arguments: [
        ("javascript:alert(1)", WebLink.Problem.scheme("javascript")),
        ("JaVaScRiPt:alert(1)", .scheme("JaVaScRiPt")),
        ("data:text/html,<script>alert(1)</script>", .forbiddenCharacter),
        ("data:text/html;base64,PHNjcmlwdD4=", .scheme("data")),
        ("vbscript:msgbox", .scheme("vbscript")),
        ("file:///etc/passwd", .scheme("file")),
        ("/tmp/report.txt", .notAbsolute),
        ("example.org/page", .notAbsolute),
        ("https:example.org", .noHost),
        ("https://", .noHost),
        ("https://:80/", .noHost),
        ("https://exa mple.org", .forbiddenCharacter),
        ("https://example.org/\"onmouseover=\"x", .forbiddenCharacter),
        ("https://example.org/\u{1B}[31m", .forbiddenCharacter),
        ("java\u{0}script:alert(1)", .forbiddenCharacter),
        ("https://example.org:80x/", .malformed),
        ("", .empty),
    ])
    func everythingElseIsRefusedWithItsReason(text: String, problem: WebLink.Problem) {
        #expect(throws: problem) { try WebLink(parsing: text) }
        #expect(!WebLink.isPublishable(text))
    }

    @Test func surroundingWhitespaceIsTrimmedButNotPublishedAsIs() throws {
        #expect(try WebLink(parsing: "  https://example.org/ \n").text == "https://example.org/")
        #expect(!WebLink.isPublishable(" https://example.org/"))
    }
}
