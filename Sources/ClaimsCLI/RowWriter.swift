import ClaimCore
import Foundation

/// Prints rows as an aligned table, a JSON array, JSON lines or CSV.
///
/// `columns` name the table and CSV columns; `cells` gives each row's plain-text cells in that
/// order. JSON and NDJSON print each row's `Encodable` value instead. Control characters are
/// escaped in every format (``TerminalText``): as `\xHH` in table and CSV cells (CSV is read in
/// terminals and spreadsheets too; JSON is the format that keeps the text exact), as JSON escapes
/// in JSON.
struct RowWriter<Row: Encodable> {
    var columns: [String]
    var cells: (Row) -> [String]
    /// The columns a table shows, when it shows fewer than CSV.
    var tableColumns: [String]? = nil
    /// The cells of `tableColumns` alone, when building every cell costs more than a table needs.
    var tableCells: ((Row) -> [String])? = nil
    /// The widest a table cell may be before it is cut with "…"; other formats are never cut.
    var maxCellWidth = 80
    /// What the table shows for the highlight stand-ins in cells (``TerminalText/markOpen``).
    var marks: (open: String, close: String)? = nil

    func write(_ rows: [Row], as format: RowFormat, to console: Console) throws {
        switch format {
        case .json:
            console.write(try Self.json(rows, pretty: true) + "\n")
        case .ndjson:
            for row in rows { console.line(try Self.json(row, pretty: false)) }
        case .csv:
            var text = csvLine(columns)
            for row in rows { text += csvLine(cells(row)) }
            console.write(text)
        case .table:
            console.write(table(rows))
        }
        try console.checkOutput()
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return TerminalText.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            let field = TerminalText.escaped(field)
            return
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    func table(_ rows: [Row]) -> String {
        let shown = (tableColumns ?? columns).compactMap { columns.firstIndex(of: $0) }
        let header = shown.map { columns[$0] }
        let body = rows.map { row in
            if let tableCells { return tableCells(row).map { cut(display(oneLine($0))) } }
            let all = cells(row)
            return shown.map { cut(display(oneLine(all[$0]))) }
        }
        // The last column is never padded, so its width (the long claim texts) is never counted.
        var widths = header.map(\.count)
        for row in body {
            for index in 0..<max(0, min(row.count, widths.count) - 1) {
                widths[index] = max(widths[index], row[index].count)
            }
        }
        var text = ""
        func render(_ row: [String]) {
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += index == row.count - 1 ? cell : pad(cell, to: widths[index])
            }
            text += "\n"
        }
        render(header.map { $0.uppercased() })
        body.forEach(render)
        return text
    }

    /// `cell` as a terminal may show it: escaped, with its highlight stand-ins made real.
    func display(_ cell: String) -> String {
        guard let marks else { return TerminalText.escaped(cell) }
        return TerminalText.marked(cell, open: marks.open, close: marks.close)
    }

    private func oneLine(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\n")) else { return text }
        return String(text.map { $0 == "\n" ? " " : $0 })
    }

    /// `text` cut to `maxCellWidth` characters with "…"; only those characters are walked, so a
    /// long text costs no more than a short one.
    private func cut(_ text: String) -> String {
        guard text.utf8.count > maxCellWidth,
            let end = text.index(text.startIndex, offsetBy: maxCellWidth - 1, limitedBy: text.endIndex),
            end != text.endIndex, text.index(after: end) != text.endIndex
        else { return text }
        // A cut through terminal highlighting must not leave the terminal highlighted.
        return String(text[..<end]) + "…" + (text.containsByte(0x1B) ? "\u{1B}[0m" : "")
    }
}

extension String {
    /// Whether the UTF-8 form holds `byte`, by `memchr` over the contiguous bytes.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
    }
}

/// `cell` followed by spaces up to `width` characters; a wider cell is left whole.
func pad(_ cell: String, to width: Int) -> String {
    let count = cell.count
    return count >= width ? cell : cell + String(repeating: " ", count: width - count)
}

/// Rows written as they come, for output too long to hold in memory: a table gets fixed column
/// widths (the last column is never padded), JSON an array written one element at a time.
struct RowStream<Row: Encodable> {
    let writer: RowWriter<Row>
    let format: RowFormat
    let console: Console
    /// The table's column widths; a wider cell pushes the rest of its line along.
    let widths: [Int]
    private var written = 0

    init(_ writer: RowWriter<Row>, format: RowFormat, console: Console, widths: [Int]) {
        self.writer = writer
        self.format = format
        self.console = console
        self.widths = widths
    }

    private func tableLine(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == cells.count - 1 || index >= widths.count
                ? cell : pad(cell, to: widths[index])
        }.joined(separator: "  ") + "\n"
    }

    private func start() {
        switch format {
        case .json: console.write("[\n")
        case .csv: console.write(writer.csvLine(writer.columns))
        case .table: console.write(tableLine(writer.columns.map { $0.uppercased() }))
        case .ndjson: break
        }
    }

    mutating func write(_ rows: [Row]) throws {
        guard !rows.isEmpty else { return }
        if written == 0 { start() }
        var text = ""
        for row in rows {
            switch format {
            case .json:
                let element = try RowWriter<Row>.json(row, pretty: true).replacingOccurrences(of: "\n", with: "\n  ")
                text += (written == 0 ? "  " : ",\n  ") + element
            case .ndjson: text += try RowWriter<Row>.json(row, pretty: false) + "\n"
            case .csv: text += writer.csvLine(writer.cells(row))
            case .table:
                text += tableLine(
                    writer.cells(row).map { writer.display($0.replacingOccurrences(of: "\n", with: " ")) })
            }
            written += 1
        }
        console.write(text)
        try console.checkOutput()
    }

    /// Ends the output; with no rows at all, a table or CSV still gets its header.
    mutating func finish() {
        if written == 0 && format != .json { start() }
        if format == .json { console.write(written == 0 ? "[\n\n]\n" : "\n]\n") }
    }
}
