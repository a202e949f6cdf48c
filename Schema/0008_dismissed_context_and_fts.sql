-- A `dismissed` verdict, the claim's sentence, a view for data journalists, and a full-text table
-- Datasette finds.
--
-- `dismissed` ("not a checkable claim", an extraction error) is a verdict like the others: a review
-- row sets it, a retraction withdraws it. SQLite cannot change a CHECK in place, so `claims` and
-- `reviews` are rebuilt the documented way (https://www.sqlite.org/lang_altertable.html#otheralter):
-- GRDB runs each migration with foreign keys off and checks them before it commits. Every id is
-- kept, so spans, topics, reviews and evidence still point at the same rows. Triggers and views
-- that name either table are dropped first and made again after, unchanged but for the new status.

DROP TRIGGER reviews_no_update;
DROP TRIGGER reviews_no_delete;
DROP TRIGGER reviews_retraction_target;
DROP TRIGGER reviews_set_status;
DROP TRIGGER claims_status_follows_reviews;
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TRIGGER claim_counts_insert;
DROP TRIGGER claim_counts_delete;
DROP TRIGGER claim_counts_status;
DROP TRIGGER claim_counts_kind;
DROP VIEW effective_reviews;
DROP TABLE claims_fts;

-- sentence_start and sentence_end: the code-point bounds of the sentence the claim was found in,
-- in the body of the claim's article version. Filled at import; NULL for claims stored before this
-- migration and for claims moved onto a new version (the view then shows the claim's own text).
CREATE TABLE claims_new (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL REFERENCES claim_kinds(name),
    text               TEXT NOT NULL,
    fields             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    score              REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    status             TEXT NOT NULL DEFAULT 'unreviewed'
                       CHECK (status IN ('unreviewed', 'verified', 'disputed', 'unsourced', 'dismissed')),
    created_at         TEXT NOT NULL,
    extractor_version  TEXT NOT NULL,
    orphaned           INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    sentence_start     INTEGER CHECK (sentence_start >= 0),
    sentence_end       INTEGER,
    CHECK ((sentence_start IS NULL) = (sentence_end IS NULL) AND sentence_end >= sentence_start)
);
INSERT INTO claims_new (id, article_id, kind, text, fields, score, status, created_at, extractor_version, orphaned)
    SELECT id, article_id, kind, text, fields, score, status, created_at, extractor_version, orphaned FROM claims;
DROP TABLE claims;
ALTER TABLE claims_new RENAME TO claims;
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_status ON claims(status);
CREATE INDEX claims_kind ON claims(kind);
CREATE INDEX claims_score ON claims(score);

CREATE TABLE reviews_new (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT,
    status      TEXT NOT NULL CHECK (status IN ('verified', 'disputed', 'unsourced', 'dismissed', 'retracted')),
    retracts    INTEGER REFERENCES reviews_new(id) ON DELETE RESTRICT,
    reviewer    TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((status = 'retracted') = (retracts IS NOT NULL))
);
INSERT INTO reviews_new (id, claim_id, status, retracts, reviewer, note, created_at)
    SELECT id, claim_id, status, retracts, reviewer, note, created_at FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;
CREATE INDEX reviews_claim ON reviews(claim_id, id);
CREATE INDEX reviews_reviewer ON reviews(reviewer, claim_id);
CREATE INDEX reviews_created ON reviews(created_at);
CREATE UNIQUE INDEX reviews_retracts ON reviews(retracts) WHERE retracts IS NOT NULL;

-- As in 0002.
CREATE VIEW effective_reviews AS
    SELECT * FROM reviews AS r
    WHERE r.status <> 'retracted'
      AND NOT EXISTS (SELECT 1 FROM reviews AS x WHERE x.retracts = r.id);

CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_retraction_target BEFORE INSERT ON reviews
WHEN NEW.retracts IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM reviews WHERE id = NEW.retracts AND claim_id = NEW.claim_id AND status <> 'retracted')
BEGIN
    SELECT RAISE(ABORT, 'a retraction must name a verdict on the same claim');
END;
CREATE TRIGGER reviews_set_status AFTER INSERT ON reviews
BEGIN
    UPDATE claims SET status = COALESCE(
        (SELECT status FROM effective_reviews WHERE claim_id = NEW.claim_id ORDER BY id DESC LIMIT 1),
        'unreviewed')
    WHERE id = NEW.claim_id;
END;
CREATE TRIGGER claims_status_follows_reviews BEFORE UPDATE OF status ON claims
WHEN NEW.status IS NOT COALESCE(
    (SELECT status FROM effective_reviews WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1), 'unreviewed')
BEGIN
    SELECT RAISE(ABORT, 'a claim''s status is its latest review''s; add a review instead');
END;

-- A sentence's bounds hold in the body they were found in: a claim moved onto another version
-- keeps its own text, and its sentence is no longer known.
CREATE TRIGGER claims_sentence_stays_with_its_body AFTER UPDATE OF article_id ON claims
WHEN OLD.article_id IS NOT NEW.article_id AND NEW.sentence_start IS NOT NULL
BEGIN
    UPDATE claims SET sentence_start = NULL, sentence_end = NULL WHERE id = NEW.id;
END;

-- As in 0006, with a row for the new status.
INSERT OR IGNORE INTO claim_counts (dimension, value, claims) VALUES ('status', 'dismissed', 0);
CREATE TRIGGER claim_counts_insert AFTER INSERT ON claims
BEGIN
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'status' AND value = NEW.status;
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'kind' AND value = NEW.kind;
END;
CREATE TRIGGER claim_counts_delete AFTER DELETE ON claims
BEGIN
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'status' AND value = OLD.status;
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'kind' AND value = OLD.kind;
END;
CREATE TRIGGER claim_counts_status AFTER UPDATE OF status ON claims WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'status' AND value = OLD.status;
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'status' AND value = NEW.status;
END;
CREATE TRIGGER claim_counts_kind AFTER UPDATE OF kind ON claims WHEN OLD.kind IS NOT NEW.kind
BEGIN
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'kind' AND value = OLD.kind;
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'kind' AND value = NEW.kind;
END;

-- Full-text search over claim text, as in 0001, declared the way Datasette recognises an FTS
-- table for `claims` (it looks for content="claims" in the table's SQL) so its search box shows.
-- The index is rebuilt from the claims.
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text,
    content="claims",
    content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
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

-- The data journalist's view: each claim with its text, sentence, article and verdict, so a
-- question such as "every quantity about emigration, with its sentence and article" is one SELECT:
--
--   SELECT text, sentence, article_title, url FROM claim_context
--   WHERE kind = 'quantity' AND claim_id IN (SELECT claim_id FROM claim_topics WHERE topic = 'emigration');
--
-- text is the claim span's exact text, substr(body, start + 1, end - start); sentence the sentence
-- it was found in, or the text itself where the sentence is not known. contested is 1 when the
-- latest verdicts in force of two reviewers differ (dismissed included), as `--contested` and the
-- reports say. topics is the claim's topic slugs, space-separated, in order.
CREATE VIEW claim_context AS
    SELECT
        c.id AS claim_id,
        c.kind,
        COALESCE(s.exact, c.text) AS text,
        CASE WHEN c.sentence_start <= s.start AND s."end" <= c.sentence_end
             THEN substr(a.body, c.sentence_start + 1, c.sentence_end - c.sentence_start)
             ELSE COALESCE(s.exact, c.text) END AS sentence,
        s.start,
        s."end",
        c.article_id,
        a.version AS article_version,
        a.title AS article_title,
        a.url,
        a.published,
        c.status,
        (SELECT count(DISTINCT e.status) > 1 FROM effective_reviews AS e
         WHERE e.claim_id = c.id
           AND e.id = (SELECT max(l.id) FROM effective_reviews AS l
                       WHERE l.claim_id = c.id AND l.reviewer = e.reviewer)) AS contested,
        c.orphaned,
        c.score,
        (SELECT group_concat(topic, ' ') FROM (SELECT topic FROM claim_topics WHERE claim_id = c.id ORDER BY topic))
            AS topics
    FROM claims AS c
    JOIN articles AS a ON a.id = c.article_id
    LEFT JOIN spans AS s ON s.id = (SELECT min(id) FROM spans WHERE claim_id = c.id AND role = 'claim');
