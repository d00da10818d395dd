//! The stages after storage: understanding (language, teaser, entities,
//! quotes, figures, topics) and stories, run over every stored article.
//!
//! Work is found in the store, not passed along: articles whose analysis is
//! missing (new, changed since, or left behind by a crash) are analysed in
//! publication order, then the analysed articles in no story are clustered.
//! So an import, a crawl and a restart all catch up the same way, and a
//! crash between storing an article and analysing it loses nothing.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;
use khabar_model::{Article, ArticleId, BlockKind, Figure, Quote, StoryId};
use khabar_store::{
    Analysis, ArticleDetails, ArticleQuery, EntityDraft, Order, Store, StoryAssignment, StoryQuery,
};
use khabar_stories::{Clusterer, Doc, StoryKey};
use khabar_understand::{Input, Taxonomy, Understanding};

/// Articles analysed per store round trip.
const BATCH: u32 = 256;

/// The understanding step run on one article: [`analyze_article`] unless
/// replaced with [`Analyzer::with_analysis`].
pub type AnalysisFn = fn(&Article, &Taxonomy) -> Analysis;

/// Runs the understanding stage over stored articles.
#[derive(Clone)]
pub struct Analyzer {
    store: Arc<dyn Store>,
    taxonomy: Arc<Taxonomy>,
    analyze: AnalysisFn,
    stories: Arc<tokio::sync::Mutex<Option<StoryState>>>,
}

/// The online clusterer and how its story keys map to the store's stories.
/// Restored keys are the store's ids; keys of stories opened since map to
/// the ids the store gave them.
struct StoryState {
    clusterer: Clusterer,
    ids: HashMap<StoryKey, StoryId>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("topics", &self.taxonomy.topics.len())
            .finish_non_exhaustive()
    }
}

/// What one catch-up did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnalysisSummary {
    pub analysed: usize,
    /// Articles whose analysis panicked (a bug in a rule, met on some
    /// input): each is kept with an empty analysis and a warning in the
    /// log, so it leaves the queue and the articles after it are analysed.
    pub failed: usize,
    pub quotes: usize,
    pub figures: usize,
    pub entities: usize,
    /// Articles put into a story.
    pub clustered: usize,
    pub new_stories: usize,
    pub merged_stories: usize,
}

impl Analyzer {
    pub fn new(store: Arc<dyn Store>, taxonomy: Taxonomy) -> Self {
        Analyzer {
            store,
            taxonomy: Arc::new(taxonomy),
            analyze: analyze_article,
            stories: Arc::new(tokio::sync::Mutex::new(None)),
        }
    }

    /// Runs `analyze` in place of [`analyze_article`] on each article: a
    /// different understanding step, or a failing one in tests of how the
    /// pipeline survives it.
    pub fn with_analysis(mut self, analyze: AnalysisFn) -> Self {
        self.analyze = analyze;
        self
    }

    /// Analyses every article that needs it, then puts every analysed
    /// article that is in no story into one.
    pub async fn catch_up(&self) -> anyhow::Result<AnalysisSummary> {
        let mut summary = AnalysisSummary::default();
        self.analyse_pending(&mut summary).await?;
        self.cluster_pending(&mut summary).await?;
        Ok(summary)
    }

    async fn analyse_pending(&self, summary: &mut AnalysisSummary) -> anyhow::Result<()> {
        loop {
            let ids = self.store.pending_analysis(BATCH).await?;
            if ids.is_empty() {
                return Ok(());
            }
            for id in ids {
                let Some(article) = self.store.get_article(id).await? else {
                    continue;
                };
                let taxonomy = self.taxonomy.clone();
                let analyze = self.analyze;
                let joined =
                    tokio::task::spawn_blocking(move || analyze(&article, &taxonomy)).await;
                let analysis = match joined {
                    Ok(analysis) => analysis,
                    Err(e) if e.is_panic() => {
                        let payload = e.into_panic();
                        let why = payload
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| payload.downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        tracing::warn!(
                            article_id = id.0,
                            "analysis failed ({why}); the article is kept without entities, quotes or figures"
                        );
                        summary.failed += 1;
                        Analysis::default()
                    }
                    Err(e) => return Err(e.into()),
                };
                let _span = tracing::debug_span!("analyse", article_id = id.0).entered();
                summary.analysed += 1;
                summary.quotes += analysis.quotes.len();
                summary.figures += analysis.figures.len();
                summary.entities += analysis.entities.len();
                self.store.save_analysis(id, &analysis).await?;
            }
        }
    }

    /// Rebuilds the clusterer from the stories of the last window (once per
    /// process), so a restart continues the same stories.
    async fn restore(&self) -> anyhow::Result<StoryState> {
        let mut clusterer = Clusterer::new(khabar_stories::Config::default());
        // The window ends at the newest story's last article, not at now:
        // an archive imported today may be years old.
        let newest = self
            .store
            .list_stories(&StoryQuery {
                limit: Some(1),
                ..Default::default()
            })
            .await?;
        let Some(newest) = newest.first() else {
            return Ok(StoryState {
                clusterer,
                ids: HashMap::new(),
            });
        };
        let since = newest.last_seen - clusterer.config().window;
        let articles = self
            .store
            .list_articles(&ArticleQuery {
                since: Some(since),
                order: Order::OldestFirst,
                ..Default::default()
            })
            .await?;
        let mut ids = HashMap::new();
        for a in articles {
            let Some(story) = a.story else { continue };
            let details = self.store.article_details(a.id).await?;
            ids.entry(StoryKey(story.0 as u64)).or_insert(story);
            clusterer.restore(doc_of(&a, &details), StoryKey(story.0 as u64));
        }
        Ok(StoryState { clusterer, ids })
    }

    async fn cluster_pending(&self, summary: &mut AnalysisSummary) -> anyhow::Result<()> {
        let mut guard = self.stories.lock().await;
        if guard.is_none() {
            *guard = Some(self.restore().await?);
        }
        let Some(state) = guard.as_mut() else {
            return Ok(());
        };
        loop {
            let ids = self.store.pending_stories(BATCH).await?;
            if ids.is_empty() {
                return Ok(());
            }
            for id in ids {
                let Some(article) = self.store.get_article(id).await? else {
                    continue;
                };
                let details = self.store.article_details(id).await?;
                let doc = doc_of(&article, &details);
                let placed = state.clusterer.add(doc);
                let _span = tracing::debug_span!("story", article_id = id.0).entered();
                let story = state.ids.get(&placed.story).copied();
                // The story's most representative headline so far.
                let title = if placed.title.is_empty() {
                    article.title.clone()
                } else {
                    placed.title.clone()
                };
                let assignment = StoryAssignment {
                    story,
                    title,
                    why: placed.why.clone(),
                    duplicate_of: placed
                        .duplicate_of
                        .as_deref()
                        .and_then(|d| d.parse::<i64>().ok())
                        .map(ArticleId),
                };
                let sid = self.store.assign_story(id, &assignment).await?;
                state.ids.insert(placed.story, sid);
                summary.clustered += 1;
                if story.is_none() {
                    summary.new_stories += 1;
                }
                for from in &placed.merged {
                    if let Some(from_id) = state.ids.remove(from) {
                        self.store.merge_stories(sid, from_id).await?;
                        summary.merged_stories += 1;
                    }
                }
            }
        }
    }
}

/// What the clusterer reads of a stored article: its text, time, outlet,
/// and the understanding stage's entity keys and figures.
fn doc_of(a: &Article, d: &ArticleDetails) -> Doc {
    Doc {
        id: a.id.0.to_string(),
        title: a.title.clone(),
        text: a.paragraphs.join("\n"),
        published: Some(
            a.published_at
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or(a.fetched_at),
        ),
        lang: a.lang.as_ref().map(|l| l.as_str().to_string()),
        outlet: a.source.clone(),
        entities: d
            .entities
            .iter()
            .filter_map(|(e, _)| e.key.clone())
            .collect(),
        numbers: d.figures.iter().map(|f| f.value).collect(),
    }
}

/// The analysis of one stored article, as the store keeps it.
pub fn analyze_article(article: &Article, taxonomy: &Taxonomy) -> Analysis {
    // Preformatted text (code, a log, a table drawn in characters) is not
    // prose: it gives no entities, quotes, figures, topics or teaser. Its
    // place is kept, blank, so paragraph numbers still point at the text.
    let prose: Vec<String>;
    let paragraphs = if article.kinds.contains(&BlockKind::Preformatted) {
        prose = (0..article.paragraphs.len())
            .map(|i| match article.kind(i) {
                BlockKind::Preformatted => String::new(),
                _ => article.paragraphs[i].clone(),
            })
            .collect();
        &prose
    } else {
        &article.paragraphs
    };
    let input = Input {
        title: &article.title,
        paragraphs,
        lang: article.lang.as_ref().map(|l| l.as_str()),
        teaser: article.teaser.as_deref(),
        outlet: article.source.as_deref(),
    };
    let u = khabar_understand::analyze(&input, taxonomy);
    to_analysis(article.id, article.teaser.is_none(), u)
}

/// Maps the understanding stage's findings onto the store's analysis.
pub fn to_analysis(id: ArticleId, needs_teaser: bool, u: Understanding) -> Analysis {
    Analysis {
        teaser: if needs_teaser { u.teaser } else { None },
        topics: u.topics.iter().map(|t| t.topic.clone()).collect(),
        topic_evidence: u
            .topics
            .iter()
            .map(|t| (t.topic.clone(), t.evidence.clone()))
            .collect(),
        entities: u
            .entities
            .into_iter()
            .map(|e| EntityDraft {
                key: Some(e.key),
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: e
                    .mentions
                    .into_iter()
                    .map(|m| (m.surface, m.paragraph))
                    .collect(),
            })
            .collect(),
        quotes: u
            .quotes
            .into_iter()
            .map(|q| Quote {
                article: id,
                speaker: q.speaker,
                speaker_entity: None,
                quote: q.quote,
                sentence: q.sentence,
            })
            .collect(),
        figures: u
            .figures
            .into_iter()
            .map(|f| Figure {
                article: id,
                value: f.value,
                unit: f.unit,
                approx: f.approx,
                about: f.about,
                cited_source: f.cited_source,
                sentence: f.sentence,
            })
            .collect(),
    }
}
