/// Where a claim stands in review. `unreviewed` until the first review.
public enum ClaimStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case unreviewed
    case verified
    case disputed
    case unsourced
}

/// The verdicts a reviewer can give, as a type of their own.
public enum Verdict: String, Codable, Sendable, CaseIterable, Hashable {
    case verified
    case disputed
    case unsourced

    /// The claim status this verdict sets.
    public var status: ClaimStatus { ClaimStatus(rawValue: rawValue)! }

    /// The review row status of this verdict.
    public var reviewStatus: ReviewStatus { ReviewStatus(rawValue: rawValue)! }

    /// "verified, disputed or unsourced", for error messages.
    public static var names: String { "verified, disputed or unsourced" }
}
