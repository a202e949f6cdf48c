/// The kinds of checkable assertion the extractor reports (see `ANNOTATION.md`).
public enum ClaimKind: String, Codable, Sendable, CaseIterable, Hashable {
    case ranking
    case quantity
    case ban
    case quote
    case prediction
    case comparison
    case statement

    /// The accepted names, for error messages: "ranking, quantity, …".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
