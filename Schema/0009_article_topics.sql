-- A story's topics, decided from the whole article at import ('auto') or corrected by a reviewer:
-- 'manual' adds a topic, 'rejected' says the story is not about one the model gave. Kept per document
-- (`articles.document_id`), so a correction holds for every version; every claim of the document
-- carries the story's topics that are not rejected (claim_topics rows with origin 'auto').
CREATE TABLE article_topics (
    document_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    topic        TEXT NOT NULL REFERENCES topics(slug) ON DELETE CASCADE,
    origin       TEXT NOT NULL CHECK (origin IN ('auto', 'manual', 'rejected')),
    PRIMARY KEY (document_id, topic)
) WITHOUT ROWID;
CREATE INDEX article_topics_topic ON article_topics(topic, document_id);
