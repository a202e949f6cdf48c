-- SQLite's substr() walks UTF-8 from the start of the body, so a trigger checking every new span
-- costs O(body) per span: quadratic on a long article (minutes for one megabyte). New spans are
-- checked instead by the store's single write path, in O(span) on the decoded body, and every span
-- by `claims db check`. Edits of existing spans stay guarded here by spans_exact_update.
DROP TRIGGER spans_exact_insert;
