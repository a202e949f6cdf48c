-- An article body is never rewritten once its spans are computed: a new text is a new version.
CREATE TRIGGER articles_body_immutable BEFORE UPDATE OF body ON articles
BEGIN
    SELECT RAISE(ABORT, 'an article body never changes; import the new text as a new version');
END;
