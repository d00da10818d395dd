-- khabar schema, version 1. Times are stored twice where they are queried:
-- as RFC 3339 text with the offset the outlet stated (the evidence) and as
-- Unix seconds in UTC (for ordering and ranges).

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    url           TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page')),
    lang          TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('config', 'cli', 'api')),
    created_at    TEXT NOT NULL,
    last_fetch_at TEXT,
    last_error    TEXT,
    etag          TEXT,
    last_modified TEXT,
    next_fetch_at INTEGER
);
CREATE UNIQUE INDEX sources_url ON sources (url);
CREATE UNIQUE INDEX sources_name ON sources (name COLLATE NOCASE);

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    url            TEXT,
    canonical_url  TEXT,
    external_id    TEXT,
    source         TEXT,
    title          TEXT NOT NULL CHECK (trim(title) <> ''),
    byline         TEXT,
    teaser         TEXT,
    published_at   TEXT,
    published_utc  INTEGER,
    lang           TEXT,
    paragraphs     TEXT NOT NULL,          -- JSON array of strings
    content_hash   TEXT NOT NULL,
    fetched_at     TEXT NOT NULL,
    fetched_utc    INTEGER NOT NULL,
    archive_file   TEXT,
    archive_offset INTEGER,
    archive_sha256 TEXT,
    topics         TEXT NOT NULL DEFAULT '[]',  -- JSON array of labels
    story_id       INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    updated_at     TEXT
);
-- Idempotence: one row per canonical URL; articles without a URL are keyed by content.
CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
CREATE UNIQUE INDEX articles_hash_without_url ON articles (content_hash) WHERE canonical_url IS NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_time ON articles (coalesce(published_utc, fetched_utc));
CREATE INDEX articles_source ON articles (source COLLATE NOCASE);
CREATE INDEX articles_story ON articles (story_id);

-- Earlier versions of an article whose outlet changed it after we stored it.
CREATE TABLE article_versions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    byline       TEXT,
    teaser       TEXT,
    paragraphs   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    fetched_at   TEXT NOT NULL,
    replaced_at  TEXT NOT NULL
);
CREATE INDEX article_versions_article ON article_versions (article_id);

CREATE TABLE story_members (
    story_id     INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    why          TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place'))
);
CREATE UNIQUE INDEX entities_name_kind ON entities (name, kind);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    surface    TEXT NOT NULL,
    paragraph  INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker        TEXT NOT NULL,
    speaker_entity INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    quote          TEXT NOT NULL,
    sentence       TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE figures (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    value        REAL NOT NULL,
    unit         TEXT,
    approx       TEXT CHECK (approx IN ('over', 'under', 'about', 'at_least', 'at_most')),
    about        TEXT NOT NULL,
    cited_source TEXT,
    sentence     TEXT NOT NULL
);
CREATE INDEX figures_article ON figures (article_id);

-- Work for the search indexer: one row per article insert or change, drained in id order.
CREATE TABLE index_outbox (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete'))
);
