import ClaimCore
import Foundation
import GRDB
import GRDBSQLite

/// The result of importing one article.
public enum ImportOutcome: Sendable, Equatable {
    /// Stored as a new article with this many claims.
    case imported(articleId: Int64, claims: Int)
    /// The same content is already stored: nothing was added.
    case unchanged(articleId: Int64)
    /// A new version of a known article (same URL or source path, new content): `claims` new
    /// claims, `reanchored` earlier claims found again in it, `orphaned` earlier claims not found.
    case updated(articleId: Int64, version: Int, claims: Int, reanchored: Int, orphaned: Int)
}

extension ClaimDatabase {
    /// Inserts any topic of `taxonomy` the database does not have yet; existing topics are kept.
    public func seedTopics(_ taxonomy: Taxonomy) throws {
        try write { db in try Self.insertMissingTopics(taxonomy, db) }
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
    /// same body is already stored. An article whose URL (else source path) is known but whose body
    /// changed becomes that article's next version: earlier claims are re-anchored on the new body
    /// through their quote selectors, keeping their reviews; those not found stay, orphaned.
    public func importArticle(
        _ article: ArticleDraft, claims: [CandidateClaim], topics: [String] = [], extractorVersion: String,
        taxonomy: Taxonomy = .standard
    ) throws -> ImportOutcome {
        try importArticles(
            [try PreparedArticle(article, claims: claims, topics: topics)], extractorVersion: extractorVersion,
            taxonomy: taxonomy)[0]
    }

    /// Stores several prepared articles as `importArticle` does, in one transaction: faster for a
    /// feed, and still whole articles only if the import is interrupted. One failing article fails
    /// the batch.
    public func importArticles(
        _ batch: [PreparedArticle], extractorVersion: String, taxonomy: Taxonomy = .standard
    ) throws -> [ImportOutcome] {
        guard !batch.isEmpty else { return [] }
        return try write { db in
            try Self.insertMissingTopics(taxonomy, db)
            var writer = try BatchWriter(
                db: db, extractorVersion: extractorVersion, now: Timestamp.now(),
                knownTopics: Set(try String.fetchAll(db, sql: "SELECT slug FROM topics")))
            let outcomes = try batch.map { try writer.store($0) }
            try writer.flush()
            return outcomes
        }
    }

    /// The write path of imports, inside a caller's transaction. Articles are inserted one by one;
    /// their claims, spans and topics are gathered and inserted many rows per statement.
    ///
    /// Many rows per statement matters for `claims`: FTS5 (SQLite 3.40) writes its pending index
    /// to disk at the end of every statement that touches it, so one claim per statement made
    /// one index segment per claim, most of an import's time.
    struct BatchWriter {
        let db: Database
        let extractorVersion: String
        let now: String
        let knownTopics: Set<String>
        /// The id the next claim gets: ids are given here so that spans and topics can name
        /// claims not inserted yet.
        var nextClaimId: Int64
        var claimRows = RowBuffer(columns: 10)
        var spanRows = RowBuffer(columns: 5)
        var topicRows = RowBuffer(columns: 2)

        /// Rows per INSERT statement.
        static let rowsPerStatement = 64

        init(db: Database, extractorVersion: String, now: String, knownTopics: Set<String>) throws {
            self.db = db
            self.extractorVersion = extractorVersion
            self.now = now
            self.knownTopics = knownTopics
            nextClaimId = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM claims") ?? 1
        }

        mutating func store(_ prepared: PreparedArticle) throws -> ImportOutcome {
            let article = prepared.article
            let hash = prepared.contentHash
            let key = article.url ?? (article.source == "-" ? nil : article.source)
            if let existing = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [hash])
            {
                return .unchanged(articleId: existing)
            }
            let previous = try key.flatMap { key in
                try ArticleRecord.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT * FROM articles WHERE key = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1
                            """), arguments: [key])
            }
            // One cached statement bound by position: GRDB's record insert encodes every article
            // through a keyed container, a tenth of the writer's time for short articles.
            let insertArticle = try db.cachedStatement(
                sql: """
                    INSERT INTO articles (source, url, title, author, publisher, published, imported_at,
                        content_hash, body, key, document_id, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            try Self.bind(
                [
                    article.source.databaseValue, article.url.databaseValue, article.title.databaseValue,
                    article.author.databaseValue, article.publisher.databaseValue, article.published.databaseValue,
                    now.databaseValue, hash.databaseValue, article.body.databaseValue, key.databaseValue,
                    previous?.documentId.databaseValue ?? .null, ((previous?.version ?? 0) + 1).databaseValue,
                ], to: insertArticle)
            try insertArticle.execute()
            let articleId = db.lastInsertedRowID
            var taken = Set<TextSpan>()
            var reanchored = 0
            var orphaned = 0
            if let previous {
                try flush()  // the earlier version's claims may still be waiting in this batch
                try db.cachedStatement(sql: "UPDATE articles SET superseded_by = ? WHERE id = ?")
                    .execute(arguments: [articleId, previous.id])
                if let previousId = previous.id {
                    (reanchored, orphaned, taken) = try ClaimDatabase.reanchorClaims(
                        of: previousId, ScalarText(previous.body), onto: articleId, ScalarText(article.body),
                        extracted: prepared.claims, db)
                }
            }
            // The story's topics, kept per document: the model's replace the earlier version's; a
            // reviewer's corrections stay and apply to the new claims too.
            let documentId = previous?.documentId ?? articleId
            var rejected: Set<String> = []
            var added: [String] = []
            if previous != nil {
                try db.cachedStatement(sql: "DELETE FROM article_topics WHERE document_id = ? AND origin = 'auto'")
                    .execute(arguments: [documentId])
                for row in try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT topic, origin FROM article_topics WHERE document_id = ?"),
                    arguments: [documentId])
                {
                    if row[1] == "rejected" { rejected.insert(row[0]) } else { added.append(row[0]) }
                }
            }
            let insertTopic = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO article_topics(document_id, topic, origin) VALUES (?, ?, 'auto')")
            for topic in prepared.topics where knownTopics.contains(topic) {
                try insertTopic.execute(arguments: [documentId, topic])
            }
            // What every claim of this version carries besides its own topics.
            var storyTopics = added
            for topic in prepared.topics
            where knownTopics.contains(topic) && !rejected.contains(topic) && !storyTopics.contains(topic) {
                storyTopics.append(topic)
            }
            var inserted = 0
            // Every span was checked against the body when the article was prepared.
            for claim in prepared.claims where !taken.contains(claim.span) {
                let claimId = nextClaimId
                nextClaimId += 1
                claimRows.values += [
                    claimId.databaseValue, articleId.databaseValue, claim.kind.rawValue.databaseValue,
                    claim.text.databaseValue, claim.fields.databaseValue, claim.score.databaseValue, now.databaseValue,
                    extractorVersion.databaseValue, claim.sentence?.start.databaseValue ?? .null,
                    claim.sentence?.end.databaseValue ?? .null,
                ]
                spanRows.values += [
                    claimId.databaseValue, articleId.databaseValue, claim.span.start.databaseValue,
                    claim.span.end.databaseValue, claim.text.databaseValue,
                ]
                for topic in claim.topics where knownTopics.contains(topic) && !rejected.contains(topic) {
                    topicRows.values += [claimId.databaseValue, topic.databaseValue]
                }
                for topic in storyTopics where !claim.topics.contains(topic) {
                    topicRows.values += [claimId.databaseValue, topic.databaseValue]
                }
                inserted += 1
            }
            guard let previous else { return .imported(articleId: articleId, claims: inserted) }
            return .updated(
                articleId: articleId, version: previous.version + 1, claims: inserted, reanchored: reanchored,
                orphaned: orphaned)
        }

        /// Inserts the gathered claims, then their spans and topics.
        mutating func flush() throws {
            try insert(
                claimRows,
                into:
                    """
                    claims(id, article_id, kind, text, fields, score, status, created_at, extractor_version, orphaned,
                        sentence_start, sentence_end)
                    """,
                values: "(?, ?, ?, ?, ?, ?, 'unreviewed', ?, ?, 0, ?, ?)")
            try insert(
                spanRows, into: "spans(claim_id, article_id, role, start, end, exact)",
                values: "(?, ?, 'claim', ?, ?, ?)")
            try insert(topicRows, into: "claim_topics(claim_id, topic, origin)", values: "(?, ?, 'auto')")
            claimRows.values.removeAll(keepingCapacity: true)
            spanRows.values.removeAll(keepingCapacity: true)
            topicRows.values.removeAll(keepingCapacity: true)
        }

        /// Rows of one table, their values one after another.
        struct RowBuffer {
            let columns: Int
            var values: [DatabaseValue] = []
            var count: Int { values.count / columns }
        }

        /// Inserts `rows` into `target`, `rowsPerStatement` rows per statement, each row's
        /// arguments filling one `values` tuple.
        private func insert(_ rows: RowBuffer, into target: String, values: String) throws {
            var start = 0
            while start < rows.count {
                let count = min(rows.count - start, Self.rowsPerStatement)
                let tuples = repeatElement(values, count: count).joined(separator: ", ")
                let statement = try db.cachedStatement(sql: "INSERT INTO \(target) VALUES \(tuples)")
                try Self.bind(rows.values[(start * rows.columns)..<((start + count) * rows.columns)], to: statement)
                try statement.execute()
                start += count
            }
        }

        /// Binds `values` to the statement's parameters in order through SQLite's own calls.
        /// `StatementArguments(_:)` maps every value through a key path, which cost the writer
        /// thread more than the whole of SQLite's parsing of the statements.
        static func bind(_ values: ArraySlice<DatabaseValue>, to statement: Statement) throws {
            let handle = statement.sqliteStatement
            guard Int(sqlite3_bind_parameter_count(handle)) == values.count else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISUSE,
                    message: "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters",
                    sql: statement.sql)
            }
            // Reset here first: after a failed step SQLite reports the error again on the next reset;
            // then GRDB takes the parameters as bound, and `execute()` leaves them alone.
            sqlite3_reset(handle)
            statement.setUncheckedArguments(StatementArguments())
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value.storage {
                case .null: code = sqlite3_bind_null(handle, index)
                case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
                case .double(let number): code = sqlite3_bind_double(handle, index, number)
                case .string(let text):
                    code = sqlite3_bind_text(handle, index, text, Int32(text.utf8.count), sqliteTransient)
                case .blob(let data):
                    code = data.withUnsafeBytes {
                        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient)
                    }
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: "cannot bind parameter \(index)",
                        sql: statement.sql)
                }
            }
        }
    }

    /// Moves the live claims of article version `old` (whose body is `oldBody`) onto version `new`
    /// wherever their quote selectors, cut from `oldBody`, find their text in `body`; marks the rest
    /// orphaned on `old`. Returns the counts and the spans now taken, so the same claim is not
    /// extracted twice.
    ///
    /// All the claims are placed at once (``QuoteAnchor/assign(_:in:)``): best fits first, each
    /// place to one claim, none on a place that fits it no better than another. A reviewed claim
    /// (any review row, retractions included) moves only onto its exact text where the context
    /// agrees: its verdict stays on the text it was given on, which is its stored `text`, never
    /// changed once reviewed. Otherwise it is orphaned and keeps its history on the old version,
    /// and the new text, when extracted, is a new unreviewed claim.
    ///
    /// `extracted` are the claims the extractor found in the new body. A claim placed where one of
    /// them stands takes that claim's sentence; an unreviewed claim whose words changed takes its
    /// fields and score too, and is orphaned where the extractor found no claim of its kind at the
    /// new place, as its fields would describe words that are gone ("value 1400" on "£1,500").
    static func reanchorClaims(
        of old: Int64, _ oldBody: ScalarText, onto new: Int64, _ body: ScalarText,
        extracted: [PreparedArticle.PreparedClaim] = [], _ db: Database
    ) throws -> (reanchored: Int, orphaned: Int, taken: Set<TextSpan>) {
        var extractedAt: [TextSpan: PreparedArticle.PreparedClaim] = [:]
        for claim in extracted where extractedAt[claim.span] == nil { extractedAt[claim.span] = claim }
        let sentences = extracted.compactMap(\.sentence).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        let claims = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT c.id, c.text, c.kind, EXISTS (SELECT 1 FROM reviews r WHERE r.claim_id = c.id) AS reviewed
                    FROM claims c WHERE c.article_id = ? AND c.orphaned = 0 ORDER BY c.id
                    """), arguments: [old])
        // Every claim with a main span that is the old body's text (and, when reviewed, the
        // claim's own text) asks for a place; the others are orphaned as they are.
        var spans: [Int64: [SpanRecord]] = [:]
        for span in try SpanRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM spans WHERE article_id = ?"), arguments: [old])
        {
            spans[span.claimId, default: []].append(span)
        }
        var placing: [(claim: Int64, main: SpanRecord, text: String, kind: String, reviewed: Bool)] = []
        var requests: [QuoteAnchor.Request] = []
        var orphans: [Int64] = []
        for claim in claims {
            let id: Int64 = claim["id"]
            guard let main = spans[id]?.first(where: { $0.role == "claim" }),
                let oldSpan = oldBody.span(main.start, main.end)
            else {
                orphans.append(id)
                continue
            }
            let selector = oldBody.quoteSelector(oldSpan)
            let (text, isReviewed): (String, Bool) = (claim["text"], claim["reviewed"])
            guard selector.exact == main.exact, !isReviewed || selector.exact == text else {
                orphans.append(id)
                continue
            }
            placing.append((id, main, text, claim["kind"], isReviewed))
            requests.append(QuoteAnchor.Request(selector: selector, hint: main.start, exactOnly: isReviewed))
        }
        // Cached statements: compiling (and authorizing) each one anew was most of this loop's time.
        let move = try db.cachedStatement(sql: "UPDATE claims SET article_id = ?, text = ? WHERE id = ?")
        let dropOthers = try db.cachedStatement(sql: "DELETE FROM spans WHERE claim_id = ? AND id <> ?")
        let moveSpan = try db.cachedStatement(
            sql: "UPDATE spans SET article_id = ?, start = ?, end = ?, exact = ? WHERE id = ?")
        let orphan = try db.cachedStatement(sql: "UPDATE claims SET orphaned = 1 WHERE id = ?")
        let placeInSentence = try db.cachedStatement(
            sql: "UPDATE claims SET sentence_start = ?, sentence_end = ? WHERE id = ?")
        let refresh = try db.cachedStatement(sql: "UPDATE claims SET fields = ?, score = ? WHERE id = ?")
        var taken = Set<TextSpan>()
        for (placed, found) in zip(placing, QuoteAnchor.assign(requests, in: body)) {
            let (id, main) = (placed.claim, placed.main)
            guard let found else {
                orphans.append(id)
                continue
            }
            let exact = body.text(found.span)
            let there = extractedAt[found.span].flatMap { $0.kind.rawValue == placed.kind ? $0 : nil }
            let wordsChanged = exact != placed.text
            if wordsChanged && !placed.reviewed && there == nil {
                orphans.append(id)
                continue
            }
            try move.execute(arguments: [new, exact, id])
            if let sentence = there?.sentence ?? Self.sentence(holding: found.span, in: sentences) {
                try placeInSentence.execute(arguments: [sentence.start, sentence.end, id])
            }
            if wordsChanged, let there { try refresh.execute(arguments: [there.fields, there.score, id]) }
            // Other roles' spans are dropped: only the claim's own text is found again.
            try dropOthers.execute(arguments: [id, main.id])
            try moveSpan.execute(arguments: [new, found.span.start, found.span.end, exact, main.id])
            taken.insert(found.span)
        }
        for id in orphans { try orphan.execute(arguments: [id]) }
        return (taken.count, orphans.count, taken)
    }

    /// The first of `sentences` (sorted by start) that holds `span`.
    static func sentence(holding span: TextSpan, in sentences: [TextSpan]) -> TextSpan? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].start <= span.start { low = middle + 1 } else { high = middle }
        }
        // Sentences do not overlap, so the holder is the last one starting at or before the span.
        guard low > 0, sentences[low - 1].end >= span.end else { return nil }
        return sentences[low - 1]
    }

    /// Appends a review of claim `claimId` with its sources; the claim's status becomes `verdict`.
    @discardableResult
    public func review(
        claimId: Int64, verdict: Verdict, reviewer: String, note: String?, sources: [EvidenceSource] = []
    ) throws -> ReviewEntry {
        for source in sources { try ClaimStoreError.checkLink(source.url, field: "source") }
        return try write { db in
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
        try write { db in
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
        try write { db in
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
        try write { db in
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
        try write { db in
            guard try ClaimRecord.exists(db, key: claimId) else { throw ClaimStoreError.noSuchClaim(claimId) }
            try db.execute(
                sql: "DELETE FROM claim_topics WHERE claim_id = ? AND topic = ?", arguments: [claimId, topic])
            if db.changesCount == 0 { throw ClaimStoreError.notTagged(claim: claimId, topic: topic) }
        }
    }
}

extension ClaimDatabase {
    /// Says by hand that article `articleId`'s story is about `topic`: every claim of its document
    /// (every version) is tagged with it, and claims of later versions will be.
    public func tag(articleId: Int64, topic: String) throws {
        try write { db in
            let documentId = try Self.documentId(of: articleId, db)
            guard try TopicRecord.exists(db, key: topic) else { throw ClaimStoreError.unknownTopic(topic) }
            try db.execute(
                sql: """
                    INSERT INTO article_topics(document_id, topic, origin) VALUES (?, ?, 'manual')
                    ON CONFLICT(document_id, topic) DO UPDATE SET origin = 'manual'
                    """, arguments: [documentId, topic])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO claim_topics(claim_id, topic, origin)
                    SELECT id, ?, 'auto' FROM claims WHERE article_id IN (SELECT id FROM articles WHERE document_id = ?)
                    """, arguments: [topic, documentId])
        }
    }

    /// Says by hand that article `articleId`'s story is not about `topic`: the tag goes from every
    /// claim of its document that was tagged automatically (a claim tagged by hand keeps it), and
    /// later versions do not get it back.
    public func untag(articleId: Int64, topic: String) throws {
        try write { db in
            let documentId = try Self.documentId(of: articleId, db)
            let origin = try String.fetchOne(
                db, sql: "SELECT origin FROM article_topics WHERE document_id = ? AND topic = ?",
                arguments: [documentId, topic])
            guard let origin, origin != "rejected" else {
                throw ClaimStoreError.articleNotTagged(article: articleId, topic: topic)
            }
            try db.execute(
                sql: "UPDATE article_topics SET origin = 'rejected' WHERE document_id = ? AND topic = ?",
                arguments: [documentId, topic])
            try db.execute(
                sql: """
                    DELETE FROM claim_topics WHERE topic = ? AND origin = 'auto'
                        AND claim_id IN (SELECT id FROM claims
                                         WHERE article_id IN (SELECT id FROM articles WHERE document_id = ?))
                    """, arguments: [topic, documentId])
        }
    }

    static func documentId(of articleId: Int64, _ db: Database) throws -> Int64 {
        guard
            let documentId = try Int64.fetchOne(
                db, sql: "SELECT coalesce(document_id, id) FROM articles WHERE id = ?", arguments: [articleId])
        else { throw ClaimStoreError.noSuchArticle(articleId) }
        return documentId
    }
}

/// One of a story's topics and where it came from: `auto` (the model), `manual` (added by a
/// reviewer) or `rejected` (the model's, taken off by a reviewer).
public struct ArticleTopic: Sendable, Codable, Hashable {
    public var topic: String
    public var origin: String

    public init(topic: String, origin: String) {
        self.topic = topic
        self.origin = origin
    }
}

/// SQLite's `SQLITE_TRANSIENT`: the library copies the bound text before the call returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
