import ClaimCore
import Foundation

/// schema.org `ClaimReview` JSON-LD, one object per reviewed claim, for search engines and
/// fact-check aggregators.
///
/// Ratings run from 1 (disputed) through 2 (unsourced) to 3 (verified). Only a claim with one
/// verdict is published: an unreviewed or dismissed claim has none, and a contested claim (two
/// reviewers' verdicts in force differ) is left out and named in ``omissions(_:)``, never published
/// with one reviewer's verdict. `claimReviewed` is the claim's sentence, the claim a reader would
/// recognise; `appearance.url` is the article's http(s) URL, never a local path.
public struct ClaimReviewRenderer: ReportRenderer {
    public let name = "claimreview"

    public init() {}

    static func rating(_ status: ClaimStatus) -> (value: Int, name: String)? {
        switch status {
        case .verified: return (3, "Verified")
        case .unsourced: return (2, "Unsourced")
        case .disputed: return (1, "Disputed")
        case .unreviewed, .dismissed: return nil
        }
    }

    public func omissions(_ report: Report) -> [String] {
        report.notes
            + report.claims.filter { $0.contested && Self.rating($0.status) != nil }.map { claim in
                "claim \(claim.id) left out of ClaimReview: contested ("
                    + ControlCharacters.escaped(verdictsSaid(claim)) + ")"
            }
    }

    public func render(_ report: Report) throws -> String {
        var reviews: [[String: Any]] = []
        for claim in report.byArticle.flatMap(\.claims) where !claim.contested {
            guard let rating = Self.rating(claim.status), let review = claim.latestReview else { continue }
            let article = report.articles[claim.articleId]
            var appearance: [String: Any] = ["@type": "CreativeWork", "headline": claim.articleTitle]
            if let url = report.articleLink(claim.articleId) { appearance["url"] = url }
            if let published = article?.published { appearance["datePublished"] = published }
            var item: [String: Any] = ["@type": "Claim", "appearance": [appearance]]
            if let author = article?.author {
                item["author"] = ["@type": "Person", "name": author]
            } else if let publisher = article?.publisher {
                item["author"] = ["@type": "Organization", "name": publisher]
            }
            if let published = article?.published { item["datePublished"] = published }
            var object: [String: Any] = [
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": report.sentenceText(claim),
                "reviewRating": [
                    "@type": "Rating", "ratingValue": rating.value, "bestRating": 3, "worstRating": 1,
                    "alternateName": rating.name,
                ],
                "itemReviewed": item,
                "author": ["@type": "Person", "name": review.reviewer],
                "datePublished": String(review.createdAt.prefix(10)),
            ]
            if let base = report.publishURL { object["url"] = "\(base)#claim-\(claim.id)" }
            if let note = review.note, !note.isEmpty { object["reviewBody"] = note }
            reviews.append(object)
        }
        let data = try JSONSerialization.data(
            withJSONObject: reviews, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return ControlCharacters.jsonEscaped(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
