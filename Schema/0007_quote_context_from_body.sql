-- A span's quote context is read from its article body instead of being stored beside it.
--
-- The 32 code points before and after each span (the W3C TextQuoteSelector's prefix and suffix)
-- are a function of the body and the offsets, and a body never changes once its spans are
-- computed (0004): storing them repeated a third of the span rows' bytes, 0.45 times the input
-- text on a news corpus. The view `span_selectors` gives every span with its prefix and suffix,
-- as the columns held them; re-anchoring a claim on a new version cuts them from the old body.
ALTER TABLE spans DROP COLUMN prefix;
ALTER TABLE spans DROP COLUMN suffix;

CREATE VIEW span_selectors AS
    SELECT s.id, s.claim_id, s.article_id, s.role, s.start, s.end,
           substr(a.body, max(1, s.start - 31), min(32, s.start)) AS prefix,
           s.exact,
           substr(a.body, s.end + 1, 32) AS suffix
    FROM spans AS s JOIN articles AS a ON a.id = s.article_id;
