//! Feeding the search index from the store's outbox.
//!
//! Every article insert, change or removal writes an outbox row in the same
//! transaction. [`drain_outbox`] applies the rows after the index's last
//! committed outbox id, in batches, each committed with the id of its last
//! row; a crash between two commits replays the uncommitted rows (an upsert
//! twice is one document), so nothing is lost or doubled. [`reindex`]
//! rebuilds the whole index from the articles and swaps it in while
//! searches go on.

use std::collections::HashMap;

use khabar_index::{Index, IndexDoc, Op};
use khabar_model::ArticleId;
use khabar_store::Store;

/// Outbox rows read per batch (and per index commit).
const BATCH: u32 = 2_000;

/// Applies the outbox rows after the index's last committed id; returns the
/// number of rows applied. An index that was never fed (empty, no committed
/// id) is built whole with [`reindex`] instead: committed rows may have been
/// pruned from the outbox, and a rebuild is the faster way anyway.
pub async fn drain_outbox(store: &dyn Store, index: &Index) -> anyhow::Result<usize> {
    let mut after = index.last_outbox_id()?;
    if after == 0
        && index.num_docs()? == 0
        && !store.article_ids_after(ArticleId(0), 1).await?.is_empty()
    {
        let n = reindex(store, index).await?;
        return Ok(n as usize);
    }
    let mut applied = 0;
    loop {
        let rows = store.outbox_after(after, BATCH).await?;
        let Some(last) = rows.last().map(|r| r.id) else {
            break;
        };
        let upserts: Vec<ArticleId> = rows
            .iter()
            .filter(|r| !r.delete)
            .map(|r| r.article)
            .collect();
        let docs: HashMap<ArticleId, IndexDoc> = store
            .index_sources(&upserts)
            .await?
            .into_iter()
            .map(|s| {
                let id = s.article.id;
                (
                    id,
                    IndexDoc::from_article(&s.article, s.entities, s.speakers),
                )
            })
            .collect();
        let mut ops = Vec::with_capacity(rows.len());
        for r in &rows {
            let id = r.article.0.max(0) as u64;
            // An article gone since its row was written is removed.
            match (r.delete, docs.get(&r.article)) {
                (false, Some(doc)) => ops.push(Op::Upsert(doc.clone())),
                _ => ops.push(Op::Delete(id)),
            }
        }
        // A batch is short; its commit fsyncs.
        index.apply(&ops, last)?;
        prune(store, last).await?;
        applied += rows.len();
        after = last;
        if rows.len() < BATCH as usize {
            break;
        }
    }
    Ok(applied)
}

/// Rebuilds the index from every stored article and swaps it in; returns
/// the number of documents. The outbox id is read first, so changes made
/// while it runs are applied again by the next [`drain_outbox`].
pub async fn reindex(store: &dyn Store, index: &Index) -> anyhow::Result<u64> {
    let last = store.last_outbox_id().await?;
    let mut rebuild = index.rebuild()?;
    let mut after = ArticleId(0);
    loop {
        let ids = store.article_ids_after(after, 500).await?;
        let Some(&next) = ids.last() else { break };
        for s in store.index_sources(&ids).await? {
            rebuild.add(&IndexDoc::from_article(&s.article, s.entities, s.speakers))?;
        }
        after = next;
    }
    let n = rebuild.finish(last)?;
    prune(store, last).await?;
    Ok(n)
}

/// Removes the outbox rows the index has committed, except the last one:
/// outbox ids are SQLite rowids, which start again after the largest id
/// left in the table, so an emptied table would hand out ids the index
/// believes it has already applied.
async fn prune(store: &dyn Store, committed: i64) -> anyhow::Result<()> {
    if committed > 1 {
        store.prune_outbox(committed - 1).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use khabar_index::SearchRequest;
    use khabar_store::SqliteStore;
    use khabar_testkit::{TempData, article};

    use super::*;

    fn total(index: &Index, q: &str) -> u64 {
        index.search(&SearchRequest::new(q)).unwrap().total
    }

    #[tokio::test]
    async fn the_outbox_feeds_the_index_once() {
        let tmp = TempData::new();
        let store = SqliteStore::open(&tmp.path().join("k.db")).await.unwrap();
        let index = Index::open(tmp.path().join("index")).unwrap();
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 0);

        store
            .import_articles(&[article(1), article(2), article(3)])
            .await
            .unwrap();
        // A never-fed index is built whole.
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 3);
        assert_eq!(total(&index, "council"), 3);
        let committed = index.last_outbox_id().unwrap();
        assert!(committed > 0);
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 0);

        // A changed article replaces its document; a new one is added.
        let mut changed = article(2);
        changed
            .paragraphs
            .push("A ferry will follow next spring.".into());
        store.import_articles(&[changed, article(4)]).await.unwrap();
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 2);
        assert_eq!(index.num_docs().unwrap(), 4);
        assert_eq!(total(&index, "ferry"), 1);
        assert!(index.last_outbox_id().unwrap() > committed);

        // Ids keep growing after pruning, so the next change is not skipped.
        store.import_articles(&[article(5)]).await.unwrap();
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 1);
        assert_eq!(total(&index, "council"), 5);
    }

    #[tokio::test]
    async fn a_crash_before_the_commit_replays_the_rows() {
        let tmp = TempData::new();
        let store = SqliteStore::open(&tmp.path().join("k.db")).await.unwrap();
        store.import_articles(&[article(1)]).await.unwrap();
        {
            let index = Index::open(tmp.path().join("index")).unwrap();
            drain_outbox(&store, &index).await.unwrap();
        }
        store
            .import_articles(&[article(2), article(3)])
            .await
            .unwrap();
        let before = {
            let index = Index::open(tmp.path().join("index")).unwrap();
            let before = index.last_outbox_id().unwrap();
            // The feeder staged the rows and died before committing.
            let rows = store.outbox_after(before, 100).await.unwrap();
            let ids: Vec<ArticleId> = rows.iter().map(|r| r.article).collect();
            let ops: Vec<Op> = store
                .index_sources(&ids)
                .await
                .unwrap()
                .into_iter()
                .map(|s| Op::Upsert(IndexDoc::from_article(&s.article, s.entities, s.speakers)))
                .collect();
            index.stage(&ops).unwrap();
            before
        };
        let index = Index::open(tmp.path().join("index")).unwrap();
        assert_eq!(index.last_outbox_id().unwrap(), before);
        assert_eq!(index.num_docs().unwrap(), 1);
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 2);
        assert_eq!(index.num_docs().unwrap(), 3);
    }

    #[tokio::test]
    async fn reindex_rebuilds_from_the_articles() {
        let tmp = TempData::new();
        let store = SqliteStore::open(&tmp.path().join("k.db")).await.unwrap();
        store
            .import_articles(&[article(1), article(2)])
            .await
            .unwrap();
        let index = Index::in_ram().unwrap();
        assert_eq!(reindex(&store, &index).await.unwrap(), 2);
        assert_eq!(total(&index, "road"), 2);
        assert_eq!(
            index.last_outbox_id().unwrap(),
            store.last_outbox_id().await.unwrap()
        );
        assert_eq!(drain_outbox(&store, &index).await.unwrap(), 0);
    }
}
