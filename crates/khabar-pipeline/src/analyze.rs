//! The stages after storage: understanding (language, teaser, entities,
//! quotes, figures, topics) and stories, run over every stored article.
//!
//! Work is found in the store, not passed along: articles whose analysis is
//! missing (new, changed since, or left behind by a crash) are analysed in
//! publication order, then the analysed articles in no story are clustered.
//! So an import, a crawl and a restart all catch up the same way, and a
//! crash between storing an article and analysing it loses nothing.

use std::sync::Arc;

use khabar_model::{Article, ArticleId, Figure, Quote};
use khabar_store::{Analysis, EntityDraft, Store};
use khabar_understand::{Input, Taxonomy, Understanding};

/// Articles analysed per store round trip.
const BATCH: u32 = 256;

/// Runs the understanding stage over stored articles.
#[derive(Clone)]
pub struct Analyzer {
    store: Arc<dyn Store>,
    taxonomy: Arc<Taxonomy>,
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
    pub quotes: usize,
    pub figures: usize,
    pub entities: usize,
}

impl Analyzer {
    pub fn new(store: Arc<dyn Store>, taxonomy: Taxonomy) -> Self {
        Analyzer {
            store,
            taxonomy: Arc::new(taxonomy),
        }
    }

    /// Analyses every article that needs it.
    pub async fn catch_up(&self) -> anyhow::Result<AnalysisSummary> {
        let mut summary = AnalysisSummary::default();
        loop {
            let ids = self.store.pending_analysis(BATCH).await?;
            if ids.is_empty() {
                return Ok(summary);
            }
            for id in ids {
                let Some(article) = self.store.get_article(id).await? else {
                    continue;
                };
                let taxonomy = self.taxonomy.clone();
                let (article, analysis) = tokio::task::spawn_blocking(move || {
                    let analysis = analyze_article(&article, &taxonomy);
                    (article, analysis)
                })
                .await?;
                let _span = tracing::debug_span!("analyse", article_id = article.id.0).entered();
                summary.analysed += 1;
                summary.quotes += analysis.quotes.len();
                summary.figures += analysis.figures.len();
                summary.entities += analysis.entities.len();
                self.store.save_analysis(article.id, &analysis).await?;
            }
        }
    }
}

/// The analysis of one stored article, as the store keeps it.
pub fn analyze_article(article: &Article, taxonomy: &Taxonomy) -> Analysis {
    let input = Input {
        title: &article.title,
        paragraphs: &article.paragraphs,
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
