-- Understanding and stories: stable entity keys (the same key for every
-- spelling of a person, organisation or place, in any script), the evidence
-- behind each topic label, and indexes for the ledgers and the story list.

ALTER TABLE entities ADD COLUMN key TEXT;
CREATE UNIQUE INDEX entities_key ON entities (key) WHERE key IS NOT NULL;

ALTER TABLE articles ADD COLUMN topic_evidence TEXT NOT NULL DEFAULT '{}';  -- JSON {label: [words]}

-- Set when the analysis is saved, cleared when the content changes: the
-- articles still to analyse (after a crash, an upgrade, an update) are the
-- NULL ones, and those analysed but in no story yet still need clustering.
ALTER TABLE articles ADD COLUMN analyzed_at TEXT;
CREATE INDEX articles_unanalyzed ON articles (coalesce(published_utc, fetched_utc), id)
    WHERE analyzed_at IS NULL;
CREATE INDEX articles_unclustered ON articles (coalesce(published_utc, fetched_utc), id)
    WHERE story_id IS NULL;

CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE INDEX figures_value ON figures (value);
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity);
