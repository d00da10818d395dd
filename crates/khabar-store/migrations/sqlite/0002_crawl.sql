-- Crawl state: adaptive polling per source and a lease-based work queue of
-- article URLs, so a killed crawl resumes where it was and duplicates nothing.

ALTER TABLE sources ADD COLUMN poll_secs INTEGER;
ALTER TABLE sources ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN last_new_at TEXT;
ALTER TABLE sources ADD COLUMN last_status TEXT;
ALTER TABLE sources ADD COLUMN pattern TEXT;

CREATE TABLE fetch_queue (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER REFERENCES sources (id) ON DELETE CASCADE,
    url          TEXT NOT NULL,          -- canonical URL: one job per article
    raw_url      TEXT NOT NULL,          -- the link as the source gave it
    title        TEXT,
    published_at TEXT,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_until  INTEGER,                -- Unix seconds; a job leased past this is free again
    next_try_at  INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX fetch_queue_url ON fetch_queue (url);
CREATE INDEX fetch_queue_ready ON fetch_queue (state, next_try_at);

-- Every URL an article was reached by (a feed's tracking link, a redirect,
-- the page's rel=canonical), so a link seen again is not fetched again.
CREATE TABLE article_urls (
    url        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
