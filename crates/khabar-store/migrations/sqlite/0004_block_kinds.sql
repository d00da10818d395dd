-- The kind of each paragraph (heading, quote, list item, preformatted), as a
-- JSON list beside `paragraphs`; '[]' when every paragraph is a plain one,
-- which is what the articles stored before this step hold.

ALTER TABLE articles ADD COLUMN kinds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_versions ADD COLUMN kinds TEXT NOT NULL DEFAULT '[]';
