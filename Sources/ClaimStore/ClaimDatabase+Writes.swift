import ClaimCore
import GRDB

/// The result of importing one article.
public enum ImportOutcome: Sendable, Equatable {
    /// Stored as a new article with this many claims.
    case imported(articleId: Int64, claims: Int)
    /// The same content is already stored: nothing was added.
    case unchanged(articleId: Int64)
}

extension ClaimDatabase {
    /// Inserts any topic of `taxonomy` the database does not have yet; existing topics are kept.
    public func seedTopics(_ taxonomy: Taxonomy) throws {
        try writer.write { db in try Self.insertMissingTopics(taxonomy, db) }
    }

    static func insertMissingTopics(_ taxonomy: Taxonomy, _ db: Database) throws {
        // Parents before children, so the parent foreign key holds at each insert.
        var pending = taxonomy.topics
        var placed = Set(try String.fetchAll(db, sql: "SELECT slug FROM topics"))
        while !pending.isEmpty {
            let ready = pending.filter { $0.parent.map(placed.contains) ?? true }
            guard !ready.isEmpty else { break }  // a cycle or a missing parent: leave those out
            for topic in ready where !placed.contains(topic.slug) {
                try TopicRecord(slug: topic.slug, name: topic.name, parent: topic.parent, keywords: topic.keywords)
                    .insert(db, onConflict: .ignore)
                placed.insert(topic.slug)
            }
            pending.removeAll { topic in ready.contains { $0.slug == topic.slug } }
        }
    }

    /// Stores `article` with its extracted `claims` in one transaction, unless an article with the
    /// same body is already stored.
    public func importArticle(
        _ article: ArticleDraft, claims: [CandidateClaim], extractorVersion: String,
        taxonomy: Taxonomy = .standard
    ) throws -> ImportOutcome {
        let hash = SHA256.hex(article.body)
        return try writer.write { db in
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [hash])
            {
                return .unchanged(articleId: existing)
            }
            try Self.insertMissingTopics(taxonomy, db)
            let now = Timestamp.now()
            var record = ArticleRecord(
                id: nil, source: article.source, url: article.url, title: article.title,
                author: article.author, publisher: article.publisher, published: article.published,
                importedAt: now, contentHash: hash, body: article.body)
            try record.insert(db)
            let articleId = record.id!
            let body = ScalarText(article.body)
            let knownTopics = Set(try String.fetchAll(db, sql: "SELECT slug FROM topics"))
            for claim in claims {
                var claimRecord = ClaimRecord(
                    id: nil, articleId: articleId, kind: claim.kind, text: claim.text, fields: claim.fields,
                    score: min(1, max(0, claim.score)), status: .unreviewed, createdAt: now,
                    extractorVersion: extractorVersion)
                try claimRecord.insert(db)
                // The claim's own text goes in as `exact`: the schema's trigger refuses it unless
                // it is the body's text at the span, and the whole article is rolled back.
                let selector = body.quoteSelector(claim.span)
                var span = SpanRecord(
                    id: nil, claimId: claimRecord.id!, articleId: articleId, role: "claim",
                    start: claim.span.start, end: claim.span.end, exact: claim.text,
                    prefix: selector.prefix, suffix: selector.suffix)
                try span.insert(db)
                for topic in Set(claim.topics) where knownTopics.contains(topic) {
                    try ClaimTopicRecord(claimId: claimRecord.id!, topic: topic, origin: .auto).insert(db)
                }
            }
            return .imported(articleId: articleId, claims: claims.count)
        }
    }

    /// Appends a review of claim `claimId` with its sources; the claim's status becomes `verdict`.
    @discardableResult
    public func review(
        claimId: Int64, verdict: Verdict, reviewer: String, note: String?, sources: [EvidenceSource] = []
    ) throws -> ReviewEntry {
        try writer.write { db in
            guard try ClaimRecord.exists(db, key: claimId) else { throw ClaimStoreError.noSuchClaim(claimId) }
            var review = ReviewRecord(
                id: nil, claimId: claimId, status: verdict.reviewStatus, retracts: nil, reviewer: reviewer,
                note: note, createdAt: Timestamp.now())
            try review.insert(db)
            for source in sources {
                var evidence = EvidenceRecord(
                    id: nil, reviewId: review.id!, url: source.url, title: source.title, quote: source.quote)
                try evidence.insert(db)
            }
            return ReviewEntry(
                id: review.id!, status: review.status, reviewer: reviewer, note: note, createdAt: review.createdAt,
                sources: sources)
        }
    }

    /// Appends a retraction of claim `claimId`'s latest verdict in force; the status falls back to
    /// the verdict before it, or `unreviewed`.
    @discardableResult
    public func retract(claimId: Int64, reviewer: String, note: String?) throws -> ReviewEntry {
        try writer.write { db in
            guard try ClaimRecord.exists(db, key: claimId) else { throw ClaimStoreError.noSuchClaim(claimId) }
            guard
                let target = try Int64.fetchOne(
                    db, sql: "SELECT max(id) FROM effective_reviews WHERE claim_id = ?", arguments: [claimId])
            else { throw ClaimStoreError.nothingToRetract(claimId) }
            var retraction = ReviewRecord(
                id: nil, claimId: claimId, status: .retracted, retracts: target, reviewer: reviewer, note: note,
                createdAt: Timestamp.now())
            try retraction.insert(db)
            return ReviewEntry(
                id: retraction.id!, status: .retracted, retracts: target, reviewer: reviewer, note: note,
                createdAt: retraction.createdAt, sources: [])
        }
    }

    /// Adds a topic by hand.
    public func addTopic(_ topic: Topic) throws {
        try writer.write { db in
            if try TopicRecord.exists(db, key: topic.slug) { throw ClaimStoreError.topicExists(topic.slug) }
            if let parent = topic.parent, !(try TopicRecord.exists(db, key: parent)) {
                throw ClaimStoreError.unknownTopic(parent)
            }
            try TopicRecord(slug: topic.slug, name: topic.name, parent: topic.parent, keywords: topic.keywords)
                .insert(db)
        }
    }

    /// Tags claim `claimId` with `topic` by hand; a manual tag survives re-extraction.
    public func tag(claimId: Int64, topic: String) throws {
        try writer.write { db in
            guard try ClaimRecord.exists(db, key: claimId) else { throw ClaimStoreError.noSuchClaim(claimId) }
            guard try TopicRecord.exists(db, key: topic) else { throw ClaimStoreError.unknownTopic(topic) }
            try db.execute(
                sql: """
                    INSERT INTO claim_topics(claim_id, topic, origin) VALUES (?, ?, 'manual')
                    ON CONFLICT(claim_id, topic) DO UPDATE SET origin = 'manual'
                    """, arguments: [claimId, topic])
        }
    }

    /// Removes `topic` from claim `claimId`, however it was tagged.
    public func untag(claimId: Int64, topic: String) throws {
        try writer.write { db in
            guard try ClaimRecord.exists(db, key: claimId) else { throw ClaimStoreError.noSuchClaim(claimId) }
            try db.execute(
                sql: "DELETE FROM claim_topics WHERE claim_id = ? AND topic = ?", arguments: [claimId, topic])
            if db.changesCount == 0 { throw ClaimStoreError.notTagged(claim: claimId, topic: topic) }
        }
    }
}
