-- ClaimLedger schema, version 1.
-- Offsets in spans are Unicode code points into articles.body, half-open [start, end):
--   substr(body, start + 1, end - start) = exact   (enforced by a trigger below)

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,                 -- file path, URL or "-" (standard input)
    url           TEXT,
    title         TEXT NOT NULL,
    author        TEXT,
    publisher     TEXT,
    published     TEXT,                          -- as stated by the source, ISO 8601 when known
    imported_at   TEXT NOT NULL,                 -- ISO 8601, UTC
    content_hash  TEXT NOT NULL UNIQUE,          -- SHA-256 of the normalised body, hex
    body          TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE claim_kinds (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO claim_kinds(name) VALUES
    ('ranking'), ('quantity'), ('ban'), ('quote'), ('prediction'), ('comparison'), ('statement');

CREATE TABLE claims (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL REFERENCES claim_kinds(name),
    text               TEXT NOT NULL,
    fields             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    score              REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    status             TEXT NOT NULL DEFAULT 'unreviewed'
                       CHECK (status IN ('unreviewed', 'verified', 'disputed', 'unsourced')),
    created_at         TEXT NOT NULL,
    extractor_version  TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_kind ON claims(kind);

CREATE TABLE spans (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'claim' CHECK (role IN ('claim', 'subject', 'source', 'speaker', 'quote')),
    start       INTEGER NOT NULL CHECK (start >= 0),
    end         INTEGER NOT NULL CHECK (end >= start),
    exact       TEXT NOT NULL,
    prefix      TEXT NOT NULL DEFAULT '',        -- W3C TextQuoteSelector: up to 32 code points before
    suffix      TEXT NOT NULL DEFAULT ''         -- and after the span
);
CREATE INDEX spans_claim ON spans(claim_id);
CREATE INDEX spans_article ON spans(article_id, start);

CREATE TRIGGER spans_exact_insert BEFORE INSERT ON spans
WHEN NEW.exact IS NOT substr((SELECT body FROM articles WHERE id = NEW.article_id), NEW.start + 1, NEW.end - NEW.start)
BEGIN
    SELECT RAISE(ABORT, 'span text does not match the article body at its offsets');
END;
CREATE TRIGGER spans_exact_update BEFORE UPDATE OF article_id, start, end, exact ON spans
WHEN NEW.exact IS NOT substr((SELECT body FROM articles WHERE id = NEW.article_id), NEW.start + 1, NEW.end - NEW.start)
BEGIN
    SELECT RAISE(ABORT, 'span text does not match the article body at its offsets');
END;

CREATE TABLE topics (
    slug      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent    TEXT REFERENCES topics(slug) ON DELETE RESTRICT,
    keywords  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords))
);

CREATE TABLE claim_topics (
    claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    topic     TEXT NOT NULL REFERENCES topics(slug) ON DELETE CASCADE,
    origin    TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
    PRIMARY KEY (claim_id, topic)
) WITHOUT ROWID;
CREATE INDEX claim_topics_topic ON claim_topics(topic, claim_id);

-- Reviews are append-only: a claim's history is every row here, in order.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT,
    status      TEXT NOT NULL CHECK (status IN ('verified', 'disputed', 'unsourced')),
    reviewer    TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX reviews_claim ON reviews(claim_id, id);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
-- A claim's status is its latest review's.
CREATE TRIGGER reviews_set_status AFTER INSERT ON reviews
BEGIN
    UPDATE claims SET status = NEW.status WHERE id = NEW.claim_id;
END;

CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY,
    review_id  INTEGER NOT NULL REFERENCES reviews(id) ON DELETE RESTRICT,
    url        TEXT NOT NULL,
    title      TEXT,
    quote      TEXT
);
CREATE INDEX evidence_review ON evidence(review_id);

-- Full-text search over claim text, kept in sync with claims by triggers.
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text,
    content = 'claims',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO claims_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;
