-- Article versions. Each version of an article is a row of `articles` with its own body, so every
-- span still points into the exact text it was computed on. `key` (the URL, else the source path)
-- identifies the document across versions; `document_id` is the id of its first version;
-- `superseded_by` links a version to the next. Claims live on the newest version their text was
-- found in: a claim whose text cannot be found in a new version stays on the old one, orphaned.

ALTER TABLE articles ADD COLUMN key TEXT;
ALTER TABLE articles ADD COLUMN document_id INTEGER REFERENCES articles(id) ON DELETE RESTRICT;
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE articles ADD COLUMN superseded_by INTEGER REFERENCES articles(id) ON DELETE RESTRICT;
UPDATE articles SET key = COALESCE(url, NULLIF(source, '-')), document_id = id;

CREATE INDEX articles_current_key ON articles(key) WHERE superseded_by IS NULL;
CREATE UNIQUE INDEX articles_document_version ON articles(document_id, version);

-- A first version is its own document.
CREATE TRIGGER articles_document_default AFTER INSERT ON articles
WHEN NEW.document_id IS NULL
BEGIN
    UPDATE articles SET document_id = NEW.id WHERE id = NEW.id;
END;

ALTER TABLE claims ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1));
