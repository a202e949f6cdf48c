import ArgumentParser
import ClaimCore
import ClaimExtraction
import ClaimStore
import Foundation

/// `claims show ID`: one claim in full, in its context, with its review history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a claim: its fields, its span in its sentence and paragraph, its topics and reviews.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table (for people) or json.")
    var format: RowFormat = .table

    @Argument(help: "The claim id.")
    var id: Int64

    func validate() throws {
        if id < 1 { throw ValidationError("expected a positive claim id, not \(id)") }
        if format == .csv || format == .ndjson { throw ValidationError("claims show prints table or json") }
    }

    /// The claim with the sentence and paragraph around its span.
    struct Detail: Encodable {
        var claim: ClaimView
        var sentence: String
        var paragraph: String
    }

    func run() throws {
        let store = try database.openForReading()
        let claim = try store.claim(id: id)
        let body = ScalarText(try store.article(id: claim.articleId).body)
        let console = Console.current
        // A damaged database (a span edited by hand past its body) shows the claim without context.
        guard let span = body.span(claim.start, claim.end) else {
            console.diagnostic(
                "warning: claim \(claim.id)'s span \(claim.start)–\(claim.end) is not within article "
                    + "\(claim.articleId)'s \(body.count) code points; shown without its sentence "
                    + "(`claims db check` names the damage)")
            try show(claim, context: nil, console: console)
            return
        }
        let sentence = SentenceSplitter.sentence(around: span, in: SentenceSplitter.sentences(in: body))
        let paragraph = Self.paragraph(around: span, in: body)
        try show(claim, context: (body, span, sentence, paragraph), console: console)
    }

    /// Prints `claim`, with the sentence and paragraph around its span when `context` is given.
    func show(
        _ claim: ClaimView, context: (body: ScalarText, span: TextSpan, sentence: TextSpan, paragraph: TextSpan)?,
        console: Console
    ) throws {
        if format == .json {
            let detail = Detail(
                claim: claim, sentence: context.map { $0.body.text($0.sentence) } ?? "",
                paragraph: context.map { $0.body.text($0.paragraph) } ?? "")
            console.line(try RowWriter<Detail>.json(detail, pretty: true))
            return
        }
        let (open, close) = console.isTerminal ? ("\u{1B}[7m", "\u{1B}[0m") : ("⟦", "⟧")
        /// The text of `outer` escaped, with the claim's span marked: a line for `write`.
        func highlighted(_ outer: TextSpan, _ span: TextSpan, in body: ScalarText) -> String {
            let inner = TextSpan(start: max(outer.start, span.start), end: min(outer.end, span.end))
            return TerminalText.escaped(body.text(TextSpan(start: outer.start, end: inner.start))) + open
                + TerminalText.escaped(body.text(inner)) + close
                + TerminalText.escaped(body.text(TextSpan(start: inner.end, end: outer.end))) + "\n"
        }
        console.line(
            "Claim \(claim.id) · \(claim.kind.rawValue) · \(claim.status.rawValue) · score \(twoDecimals(claim.score))"
        )
        console.line("Article \(claim.articleId): \(claim.articleTitle)")
        console.line("Source: \(claim.articleSource)")
        console.line(
            "Span: code points \(claim.start)–\(claim.end) of article \(claim.articleId), version \(claim.articleVersion)"
        )
        if claim.orphaned {
            console.line(
                "Orphaned: this text is not in the newest version of the article; the span points into version \(claim.articleVersion)"
            )
        }
        console.line()
        console.line("  \(claim.text)")
        console.line()
        if let (body, span, sentence, paragraph) = context {
            console.line("Sentence:")
            console.write("  " + highlighted(sentence, span, in: body))
            if paragraph != sentence {
                console.line("Paragraph:")
                console.write("  " + highlighted(paragraph, span, in: body))
            }
        }
        if !claim.fields.isEmpty {
            console.line("Fields:")
            let width = claim.fields.keys.map(\.count).max() ?? 0
            for (key, value) in claim.fields.sorted(by: { $0.key < $1.key }) {
                console.line("  \(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value.plainText)")
            }
        }
        console.line("Topics: \(claim.topics.isEmpty ? "none" : claim.topics.joined(separator: ", "))")
        if claim.reviews.isEmpty {
            console.line("History: not reviewed yet")
            return
        }
        if claim.contested {
            let verdicts = claim.latestVerdicts.map { "\($0.reviewer) says \($0.status.rawValue)" }
            console.line("Contested: \(verdicts.joined(separator: "; "))")
        }
        console.line("History (oldest first):")
        for (index, review) in claim.reviews.enumerated() {
            var line = "  \(index + 1). \(review.createdAt)  "
            if let target = review.retracts {
                line += "\(review.reviewer) retracted review \(target)"
            } else {
                line += "\(review.status.rawValue) by \(review.reviewer)" + (review.retracted ? " (retracted)" : "")
            }
            if let note = review.note, !note.isEmpty { line += ": \(note)" }
            console.line(line)
            for source in review.sources {
                var text = "       source: \(source.url)"
                if let title = source.title { text += " (\(title))" }
                if let quote = source.quote { text += " “\(quote)”" }
                console.line(text)
            }
        }
    }

    /// The lines around `span`: from the line break before it to the one after it.
    static func paragraph(around span: TextSpan, in body: ScalarText) -> TextSpan {
        var start = span.start
        while start > 0 && body.scalars[start - 1] != "\n" { start -= 1 }
        var end = span.end
        while end < body.count && body.scalars[end] != "\n" { end += 1 }
        return TextSpan(start: start, end: end)
    }
}
