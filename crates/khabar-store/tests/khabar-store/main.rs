//! The store test suite, written once against the `Store` trait and
//! instantiated for each back-end (Quickwit's metastore-suite pattern).

mod suite;

/// Instantiates every test of [`suite`] for one back-end. `$open` is an async
/// closure from a data folder to a store; opening the same folder twice must
/// give the same database (used by the durability test).
macro_rules! store_test_suite {
    ($backend:ident, $open:expr) => {
        mod $backend {
            use super::suite;
            store_test_suite!(@tests $open;
                import_is_idempotent_by_canonical_url,
                url_less_articles_are_keyed_by_content,
                changed_content_updates_and_keeps_the_old_version,
                paragraph_kinds_and_embeds_are_kept_and_follow_the_page,
                url_less_copy_gains_its_url,
                import_is_all_or_nothing,
                published_time_keeps_offset_and_filters_by_instant,
                modified_time_keeps_its_offset_and_follows_the_page,
                lists_filter_by_source_and_language,
                config_sources_are_synced,
                cli_sources_add_and_remove,
                analysis_round_trip_and_alias_merging,
                concurrent_writers_both_succeed,
                data_survives_reopening,
                queue_leases_resume_and_never_duplicate,
                fetch_records_track_health,
                stories_assign_move_and_merge,
                ledgers_entities_and_keys,
                index_outbox_feeds_and_prunes,
                archive_refs_are_set_all_or_none,
            );
        }
    };
    (@tests $open:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let dir = khabar_testkit::TempData::new();
                suite::$name(&dir, &$open).await;
            }
        )*
    };
}

store_test_suite!(sqlite, |dir: std::path::PathBuf| async move {
    let store = khabar_store::SqliteStore::open(&dir.join("khabar.db"))
        .await
        .expect("open sqlite");
    Box::new(store) as Box<dyn khabar_store::Store>
});
