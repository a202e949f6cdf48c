import ClaimCore
import GRDB

/// A row of `articles`.
public struct ArticleRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "articles"
    public var id: Int64?
    public var source: String
    public var url: String?
    public var title: String
    public var author: String?
    public var publisher: String?
    public var published: String?
    public var importedAt: String
    public var contentHash: String
    public var body: String
    /// What identifies the document across versions: its URL, else its source path.
    public var key: String?
    /// The id of the document's first version.
    public var documentId: Int64?
    public var version: Int
    /// The next version's id, when there is one.
    public var supersededBy: Int64?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let source = Column(CodingKeys.source)
        public static let contentHash = Column(CodingKeys.contentHash)
        public static let key = Column(CodingKeys.key)
        public static let documentId = Column(CodingKeys.documentId)
        public static let version = Column(CodingKeys.version)
        public static let supersededBy = Column(CodingKeys.supersededBy)
    }

    enum CodingKeys: String, CodingKey {
        case id, source, url, title, author, publisher, published
        case importedAt = "imported_at"
        case contentHash = "content_hash"
        case body, key
        case documentId = "document_id"
        case version
        case supersededBy = "superseded_by"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `claims`.
public struct ClaimRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claims"
    public var id: Int64?
    public var articleId: Int64
    public var kind: ClaimKind
    public var text: String
    public var fields: [String: JSONValue]
    public var score: Double
    public var status: ClaimStatus
    public var createdAt: String
    public var extractorVersion: String
    /// Its text was not found in a newer version of its article; it stays on the old one.
    public var orphaned: Bool

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let articleId = Column(CodingKeys.articleId)
        public static let orphaned = Column(CodingKeys.orphaned)
        public static let kind = Column(CodingKeys.kind)
        public static let score = Column(CodingKeys.score)
        public static let status = Column(CodingKeys.status)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case articleId = "article_id"
        case kind, text, fields, score, status
        case createdAt = "created_at"
        case extractorVersion = "extractor_version"
        case orphaned
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ClaimRecord {
    /// Read column by column: several times faster than the `Decodable` default, which shows
    /// when a report or search fetches thousands of claims.
    public init(row: Row) throws {
        try self.init(row: row, at: try Layout(row.columnNames))
    }

    /// Where each column stands in a statement's rows, looked up once for all of them: finding
    /// a column by name on every row costs more than reading it.
    struct Layout {
        let id, articleId, kind, text, fields, score, status, createdAt, extractorVersion, orphaned: Int

        init<Names: Collection<String>>(_ names: Names) throws {
            let lowercased = names.map { $0.lowercased() }
            func index(_ key: CodingKeys) throws -> Int {
                guard let index = lowercased.firstIndex(of: key.rawValue) else {
                    throw DatabaseError(message: "claim rows lack the column \(key.rawValue)")
                }
                return index
            }
            (id, articleId, kind, text, fields) = (
                try index(.id), try index(.articleId), try index(.kind), try index(.text), try index(.fields)
            )
            (score, status, createdAt, extractorVersion, orphaned) = (
                try index(.score), try index(.status), try index(.createdAt), try index(.extractorVersion),
                try index(.orphaned)
            )
        }
    }

    init(row: Row, at columns: Layout) throws {
        let id: Int64? = row[columns.id]
        let kindName: String = row[columns.kind]
        let statusName: String = row[columns.status]
        let fieldsText: String = row[columns.fields]
        guard let kind = ClaimKind(rawValue: kindName), let status = ClaimStatus(rawValue: statusName),
            case .object(let fields)? = JSONValue(jsonText: fieldsText)
        else {
            throw DatabaseError(message: "claim \(id ?? 0) has an unknown kind, status or malformed fields")
        }
        self.id = id
        articleId = row[columns.articleId]
        self.kind = kind
        self.status = status
        self.fields = fields
        text = row[columns.text]
        score = row[columns.score]
        createdAt = row[columns.createdAt]
        extractorVersion = row[columns.extractorVersion]
        orphaned = row[columns.orphaned]
    }

    /// Every claim `request` selects, its columns found once for all rows.
    static func fetchAll(_ request: QueryInterfaceRequest<ClaimRecord>, _ db: Database) throws -> [ClaimRecord] {
        let statement = try request.makePreparedRequest(db, forSingleResult: false).statement
        let columns = try Layout(statement.columnNames)
        return try Array(Row.fetchCursor(statement).map { try ClaimRecord(row: $0, at: columns) })
    }
}

extension ClaimRecord {
    /// The span with role `claim`: where the claim stands in its article.
    static let claimSpan = hasOne(
        SpanRecord.self, key: "claimSpan", using: ForeignKey([SpanRecord.Columns.claimId])
    ).filter(SpanRecord.Columns.role == "claim")
}

/// A row of `spans`: where a claim stands in its article and the text there. Its quote
/// context is cut from the body (`ScalarText.quoteSelector`, or the view `span_selectors`).
public struct SpanRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "spans"
    public var id: Int64?
    public var claimId: Int64
    public var articleId: Int64
    public var role: String
    public var start: Int
    public var end: Int
    public var exact: String

    public enum Columns {
        public static let claimId = Column(CodingKeys.claimId)
        public static let articleId = Column(CodingKeys.articleId)
        public static let role = Column(CodingKeys.role)
        public static let start = Column(CodingKeys.start)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case claimId = "claim_id"
        case articleId = "article_id"
        case role, start, end, exact
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SpanRecord {
    /// Read column by column, as ``ClaimRecord`` is: every listed claim brings its span.
    public init(row: Row) {
        self.init(
            id: row[CodingKeys.id.rawValue], claimId: row[CodingKeys.claimId.rawValue],
            articleId: row[CodingKeys.articleId.rawValue], role: row[CodingKeys.role.rawValue],
            start: row[CodingKeys.start.rawValue], end: row[CodingKeys.end.rawValue],
            exact: row[CodingKeys.exact.rawValue])
    }
}

/// A row of `topics`.
public struct TopicRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "topics"
    public var slug: String
    public var name: String
    public var parent: String?
    public var keywords: [String]

    public enum Columns {
        public static let slug = Column(CodingKeys.slug)
        public static let parent = Column(CodingKeys.parent)
    }
}

/// How a claim came to carry a topic.
public enum TopicOrigin: String, Codable, Sendable, DatabaseValueConvertible {
    case auto
    case manual
}

/// A row of `claim_topics`.
public struct ClaimTopicRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "claim_topics"
    public var claimId: Int64
    public var topic: String
    public var origin: TopicOrigin

    enum CodingKeys: String, CodingKey {
        case claimId = "claim_id"
        case topic, origin
    }
}

/// A row of `reviews` (append-only): a verdict, or a retraction of one.
public struct ReviewRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reviews"
    public var id: Int64?
    public var claimId: Int64
    public var status: ReviewStatus
    /// For a retraction, the verdict it withdraws.
    public var retracts: Int64?
    public var reviewer: String
    public var note: String?
    public var createdAt: String

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let claimId = Column(CodingKeys.claimId)
        public static let retracts = Column(CodingKeys.retracts)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case claimId = "claim_id"
        case status, retracts, reviewer, note
        case createdAt = "created_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `evidence`: one source cited by a review.
public struct EvidenceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "evidence"
    public var id: Int64?
    public var reviewId: Int64
    public var url: String
    public var title: String?
    public var quote: String?

    public enum Columns {
        public static let reviewId = Column(CodingKeys.reviewId)
    }

    enum CodingKeys: String, CodingKey {
        case id
        case reviewId = "review_id"
        case url, title, quote
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ClaimKind: DatabaseValueConvertible {}
extension ClaimStatus: DatabaseValueConvertible {}
extension Verdict: DatabaseValueConvertible {}
extension ReviewStatus: DatabaseValueConvertible {}
