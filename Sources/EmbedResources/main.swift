// Writes a Swift file holding the given files as string literals.
//
// Usage: embed-resources OUTPUT.swift TYPE_NAME FILE...
// The generated type has `static let files: [(name: String, contents: String)]`, sorted by name.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: embed-resources OUTPUT.swift TYPE_NAME FILE...\n".utf8))
    exit(2)
}

/// A Swift string literal for `text`, escaping everything outside printable ASCII.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}

let output = arguments[1]
let typeName = arguments[2]
let files = arguments.dropFirst(3).sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
var source = "// Generated at build time by embed-resources. Do not edit.\n\n"
source += "enum \(typeName) {\n    static let files: [(name: String, contents: String)] = [\n"
for path in files {
    guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
    else {
        FileHandle.standardError.write(Data("embed-resources: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    source += "        (\(literal((path as NSString).lastPathComponent)), \(literal(text))),\n"
}
source += "    ]\n}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-resources: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
