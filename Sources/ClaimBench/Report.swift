import Foundation

/// One measured figure, with the target beside it where it has one.
struct Figure: Encodable, Sendable {
    var key: String
    var label: String
    /// nil prints as "n/a": the figure could not be measured.
    var value: Double?
    var unit: String
    var runs: Int
    var target: String?
    var met: Bool?
    var note: String?

    init(
        _ key: String, _ label: String, _ value: Double?, _ unit: String, runs: Int, target: String? = nil,
        met: Bool? = nil, note: String? = nil
    ) {
        self.key = key
        self.label = label
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.unit = unit
        self.runs = runs
        self.target = target
        self.met = target == nil || self.value == nil ? nil : met
        self.note = note
    }
}

/// The figures so far, printed as one aligned plain-text table and written as JSON.
struct Results: Encodable {
    var generated: String
    var machine: [String: String]
    var settings: [String: String]
    var figures: [Figure] = []

    mutating func add(_ figure: Figure) {
        figures.append(figure)
        progress("  \(figure.label): \(Self.format(figure.value)) \(figure.unit)")
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let magnitude = abs(value)
        if magnitude >= 1000 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(format: "%.1f", value) }
        if magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    func table() -> String {
        let header = ["FIGURE", "VALUE", "UNIT", "RUNS", "TARGET", "MET"]
        let rows =
            [header]
            + figures.map { figure in
                [
                    figure.label, Self.format(figure.value), figure.unit, String(figure.runs), figure.target ?? "",
                    figure.met.map { $0 ? "met" : "not met" } ?? "",
                ]
            }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [1, 3]
        var lines = rows.map { row in
            row.indices.map { column in
                let cell = row[column]
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let notes = figures.compactMap { figure in figure.note.map { "  \(figure.label): \($0)" } }
        if !notes.isEmpty { lines += ["", "Notes:"] + notes }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// What this machine is, for the table's header.
func machineDescription() -> [String: String] {
    var info: [String: String] = [:]
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
    {
        info["cpu"] = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    info["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
    info["memory"] = String(format: "%.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
    if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
        let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
    {
        info["os"] = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    return info
}
