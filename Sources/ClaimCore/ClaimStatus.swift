/// Where a claim stands in review. `unreviewed` until the first review.
public enum ClaimStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case unreviewed
    case verified
    case disputed
    case unsourced
    /// Not a checkable claim (an extraction error): out of the review queue and every published
    /// output, its history kept.
    case dismissed
}

/// The verdicts a reviewer can give, as a type of their own.
public enum Verdict: String, Codable, Sendable, CaseIterable, Hashable {
    case verified
    case disputed
    case unsourced
    /// "This is not a checkable claim": an extraction error, never published.
    case dismissed

    /// The claim status this verdict sets.
    public var status: ClaimStatus {
        switch self {
        case .verified: .verified
        case .disputed: .disputed
        case .unsourced: .unsourced
        case .dismissed: .dismissed
        }
    }

    /// The review row status of this verdict.
    public var reviewStatus: ReviewStatus {
        switch self {
        case .verified: .verified
        case .disputed: .disputed
        case .unsourced: .unsourced
        case .dismissed: .dismissed
        }
    }

    /// "verified, disputed, unsourced or dismissed", for error messages.
    public static var names: String { "verified, disputed, unsourced or dismissed" }
}
