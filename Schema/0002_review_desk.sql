-- The review desk: retractions, reviewer and time indexes, and a claim status that cannot drift.
--
-- A retraction is a review row with status 'retracted' naming, in `retracts`, the verdict it
-- withdraws. A claim's status is its latest verdict that no retraction names, else 'unreviewed'.
-- SQLite cannot change a CHECK in place, so `reviews` is rebuilt (GRDB runs migrations with
-- foreign keys checked at the end, so `evidence` keeps pointing at the same ids).

DROP TRIGGER reviews_no_update;
DROP TRIGGER reviews_no_delete;
DROP TRIGGER reviews_set_status;

CREATE TABLE reviews_new (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT,
    status      TEXT NOT NULL CHECK (status IN ('verified', 'disputed', 'unsourced', 'retracted')),
    retracts    INTEGER REFERENCES reviews_new(id) ON DELETE RESTRICT,
    reviewer    TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((status = 'retracted') = (retracts IS NOT NULL))
);
INSERT INTO reviews_new (id, claim_id, status, reviewer, note, created_at)
    SELECT id, claim_id, status, reviewer, note, created_at FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;

CREATE INDEX reviews_claim ON reviews(claim_id, id);
CREATE INDEX reviews_reviewer ON reviews(reviewer, claim_id);
CREATE INDEX reviews_created ON reviews(created_at);
-- A verdict is retracted at most once.
CREATE UNIQUE INDEX reviews_retracts ON reviews(retracts) WHERE retracts IS NOT NULL;

-- Verdicts still in force: not retractions, and not retracted.
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
-- Nothing else may set a status: it always equals the latest effective review's.
CREATE TRIGGER claims_status_follows_reviews BEFORE UPDATE OF status ON claims
WHEN NEW.status IS NOT COALESCE(
    (SELECT status FROM effective_reviews WHERE claim_id = NEW.id ORDER BY id DESC LIMIT 1), 'unreviewed')
BEGIN
    SELECT RAISE(ABORT, 'a claim''s status is its latest review''s; add a review instead');
END;
