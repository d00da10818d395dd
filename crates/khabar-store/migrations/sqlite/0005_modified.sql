-- When the outlet says it last changed an article (RFC 3339 with the
-- outlet's offset, as `published_at`); NULL when the page does not say.

ALTER TABLE articles ADD COLUMN modified_at TEXT;
