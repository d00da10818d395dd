-- What the text of an article was on its page, besides the words:
-- `kinds`, the kind of each paragraph (heading, quote, list item,
-- preformatted) as a JSON list beside `paragraphs`, '[]' when every
-- paragraph is a plain one (what the articles stored before this step hold);
-- `embeds`, the social media posts the page embedded, as a JSON list.

ALTER TABLE articles ADD COLUMN kinds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN embeds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_versions ADD COLUMN kinds TEXT NOT NULL DEFAULT '[]';
