-- Faster queries at a million claims: kept counts for `claims stats` and an index on score.
--
-- Claims counted by status, kind and topic, kept by triggers, so `claims stats` reads a few rows
-- instead of walking million-entry indexes (a quarter of a second each at a million claims).
-- `claims db check` compares every count with the claims themselves.
CREATE TABLE claim_counts (
    dimension  TEXT NOT NULL CHECK (dimension IN ('status', 'kind', 'topic')),
    value      TEXT NOT NULL,
    claims     INTEGER NOT NULL DEFAULT 0 CHECK (claims >= 0),
    PRIMARY KEY (dimension, value)
) WITHOUT ROWID;

-- One row for every status, kind and topic, so the triggers only ever add and subtract.
INSERT INTO claim_counts (dimension, value, claims)
    SELECT 'status', value, (SELECT count(*) FROM claims WHERE status = value)
    FROM (SELECT 'unreviewed' AS value UNION ALL SELECT 'verified' UNION ALL SELECT 'disputed'
          UNION ALL SELECT 'unsourced');
INSERT INTO claim_counts (dimension, value, claims)
    SELECT 'kind', name, (SELECT count(*) FROM claims WHERE kind = name) FROM claim_kinds;
INSERT INTO claim_counts (dimension, value, claims)
    SELECT 'topic', slug, (SELECT count(*) FROM claim_topics WHERE topic = slug) FROM topics;

CREATE TRIGGER claim_counts_kind_added AFTER INSERT ON claim_kinds
BEGIN
    INSERT OR IGNORE INTO claim_counts (dimension, value) VALUES ('kind', NEW.name);
END;
CREATE TRIGGER claim_counts_topic_added AFTER INSERT ON topics
BEGIN
    INSERT OR IGNORE INTO claim_counts (dimension, value) VALUES ('topic', NEW.slug);
END;
CREATE TRIGGER claim_counts_topic_removed AFTER DELETE ON topics
BEGIN
    DELETE FROM claim_counts WHERE dimension = 'topic' AND value = OLD.slug;
END;

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

CREATE TRIGGER claim_counts_tagged AFTER INSERT ON claim_topics
BEGIN
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'topic' AND value = NEW.topic;
END;
CREATE TRIGGER claim_counts_untagged AFTER DELETE ON claim_topics
BEGIN
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'topic' AND value = OLD.topic;
END;
CREATE TRIGGER claim_counts_retagged AFTER UPDATE OF topic ON claim_topics WHEN OLD.topic IS NOT NEW.topic
BEGIN
    UPDATE claim_counts SET claims = claims - 1 WHERE dimension = 'topic' AND value = OLD.topic;
    UPDATE claim_counts SET claims = claims + 1 WHERE dimension = 'topic' AND value = NEW.topic;
END;

-- The most check-worthy claims first (`--min-score`, `--sort score`, reports): by index.
CREATE INDEX claims_score ON claims(score);
