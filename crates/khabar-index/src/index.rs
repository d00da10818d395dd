//! The index on disk: generations, the writer, commits with the outbox id,
//! atomic rebuilds, and search.
//!
//! A data folder's index lives in `ROOT/index-<n>/` (a tantivy index) and
//! `ROOT/CURRENT` names the generation in use. A rebuild writes
//! `index-<n+1>/` beside the live one while searches go on, then replaces
//! `CURRENT` by a rename (atomic on POSIX file systems), switches this
//! process over and removes the old folder; other processes notice the new
//! `CURRENT` within a second and switch too.
//!
//! Each commit carries, in tantivy's commit payload, the id of the last
//! outbox row it contains. The payload is written in the same atomic
//! `meta.json` replacement as the segments, so after a crash the index and
//! the id agree: the rows after it are applied again, and an upsert (delete
//! the id, add the document) applied twice leaves one document.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DateTime as TDateTime, DocAddress, IndexReader, IndexWriter, Order, ReloadPolicy, Score,
    TantivyDocument, TantivyError, Term,
};

use crate::analyzer::{ANALYZER, KhabarTokenizer};
use crate::error::{Error, Result};
use crate::query;
use crate::schema::{self, F_PUBLISHED, Fields, IndexDoc, Op};
use crate::search::{self, FacetCollector, Hit, SearchRequest, SearchResults, Sort};

const CURRENT: &str = "CURRENT";
const PREFIX: &str = "index-";
/// Memory of the writer that applies outbox batches.
const WRITER_MEMORY: usize = 64 << 20;
/// How often another process's rebuild is looked for.
const CURRENT_CHECK: Duration = Duration::from_secs(1);
/// Most hits one request may ask for, and deepest offset.
pub const MAX_LIMIT: usize = 1_000;
pub const MAX_OFFSET: usize = 10_000;
/// Characters of a snippet.
const SNIPPET_CHARS: usize = 220;

/// The search index of a data folder (or in memory, for tests).
///
/// Cheap to share: every method takes `&self`; searches run in parallel
/// with writes and with a rebuild.
pub struct Index {
    root: Option<PathBuf>,
    generation: RwLock<Arc<Generation>>,
    checked: Mutex<Instant>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("root", &self.root)
            .field("generation", &self.current_name())
            .finish()
    }
}

struct Generation {
    /// `index-<n>` (or `ram-<n>` in memory).
    name: String,
    dir: Option<PathBuf>,
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    /// Created on the first write: one per process (tantivy's lock), and a
    /// process that only searches never takes it.
    writer: Mutex<Option<IndexWriter>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
    move |source| Error::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

fn new_tantivy(dir: Option<&Path>) -> Result<(tantivy::Index, Fields)> {
    let (schema, fields) = schema::build();
    let mut index = match dir {
        None => tantivy::Index::create_in_ram(schema),
        Some(d) => {
            std::fs::create_dir_all(d).map_err(io("create", d))?;
            let mmap = MmapDirectory::open(d).map_err(|e| Error::Io {
                op: "open",
                path: d.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            })?;
            tantivy::Index::open_or_create(mmap, schema).map_err(|e| match e {
                TantivyError::SchemaError(detail) => Error::Corrupt {
                    dir: d.to_path_buf(),
                    detail: format!("made by another version of khabar: {detail}"),
                },
                TantivyError::DataCorruption(c) => Error::Corrupt {
                    dir: d.to_path_buf(),
                    detail: format!("{c:?}"),
                },
                other => other.into(),
            })?
        }
    };
    index
        .tokenizers()
        .register(ANALYZER, TextAnalyzer::from(KhabarTokenizer::default()));
    // A search runs its segments on every core: latency, not throughput,
    // is what a reader waits on.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads > 1 {
        index.set_multithread_executor(threads)?;
    }
    Ok((index, fields))
}

impl Generation {
    fn open(name: String, dir: Option<PathBuf>) -> Result<Generation> {
        let (index, fields) = new_tantivy(dir.as_deref())?;
        Generation::with(name, dir, index, fields)
    }

    fn with(
        name: String,
        dir: Option<PathBuf>,
        index: tantivy::Index,
        fields: Fields,
    ) -> Result<Generation> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Generation {
            name,
            dir,
            index,
            reader,
            fields,
            writer: Mutex::new(None),
        })
    }

    fn writer(&self) -> Result<MutexGuard<'_, Option<IndexWriter>>> {
        let mut guard = lock(&self.writer);
        if guard.is_none() {
            let w = self
                .index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|e| match e {
                    TantivyError::LockFailure(..) => Error::Busy {
                        dir: self.dir.clone().unwrap_or_default(),
                    },
                    other => other.into(),
                })?;
            *guard = Some(w);
        }
        Ok(guard)
    }

    fn last_outbox_id(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        parse_payload(metas.payload.as_deref(), self.dir.as_deref())
    }
}

fn payload(last_outbox_id: i64) -> String {
    serde_json::json!({ "last_outbox_id": last_outbox_id }).to_string()
}

fn parse_payload(p: Option<&str>, dir: Option<&Path>) -> Result<i64> {
    let Some(p) = p else { return Ok(0) };
    let v: serde_json::Value = serde_json::from_str(p).map_err(|e| Error::Corrupt {
        dir: dir.map(Path::to_path_buf).unwrap_or_default(),
        detail: format!("commit payload: {e}"),
    })?;
    v.get("last_outbox_id")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| Error::Corrupt {
            dir: dir.map(Path::to_path_buf).unwrap_or_default(),
            detail: "commit payload without last_outbox_id".into(),
        })
}

/// The generation number of a folder name `index-<n>`.
fn generation_number(name: &str) -> Option<u64> {
    name.strip_prefix(PREFIX)?.parse().ok()
}

fn read_current(root: &Path) -> Result<Option<String>> {
    let path = root.join(CURRENT);
    match std::fs::read_to_string(&path) {
        Ok(s) => {
            let name = s.trim().to_owned();
            if generation_number(&name).is_none() {
                return Err(Error::Corrupt {
                    dir: root.to_path_buf(),
                    detail: format!("{CURRENT} names {name:?}"),
                });
            }
            Ok(Some(name))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io("read", &path)(e)),
    }
}

/// Points `CURRENT` at `name`: write a temporary file, sync it, rename it
/// over `CURRENT`, sync the folder.
fn write_current(root: &Path, name: &str) -> Result<()> {
    use std::io::Write;
    let tmp = root.join("CURRENT.tmp");
    let mut f = std::fs::File::create(&tmp).map_err(io("create", &tmp))?;
    f.write_all(format!("{name}\n").as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(io("write", &tmp))?;
    drop(f);
    let cur = root.join(CURRENT);
    std::fs::rename(&tmp, &cur).map_err(io("replace", &cur))?;
    if let Ok(d) = std::fs::File::open(root) {
        // Makes the rename durable; not every platform can sync a folder.
        let _ = d.sync_all();
    }
    Ok(())
}

impl Index {
    /// Opens (or creates) the index kept in the folder `root`.
    pub fn open(root: impl AsRef<Path>) -> Result<Index> {
        let root = root.as_ref().to_path_buf();
        std::fs::create_dir_all(&root).map_err(io("create", &root))?;
        let name = match read_current(&root)? {
            Some(n) => n,
            None => {
                let name = format!("{PREFIX}1");
                Generation::open(name.clone(), Some(root.join(&name)))?;
                write_current(&root, &name)?;
                name
            }
        };
        let generation = Generation::open(name.clone(), Some(root.join(&name)))?;
        Ok(Index {
            root: Some(root),
            generation: RwLock::new(Arc::new(generation)),
            checked: Mutex::new(Instant::now()),
        })
    }

    /// Opens the index in `root` like [`Index::open`]; when the live
    /// generation cannot be read (made by another version of khabar, or
    /// damaged), starts an empty generation beside it and points `CURRENT`
    /// at it instead. The second value is then true: the caller must fill
    /// it again from the store (the store is the source of truth). The old
    /// folder stays until the next rebuild removes it.
    pub fn open_or_replace(root: impl AsRef<Path>) -> Result<(Index, bool)> {
        let root = root.as_ref();
        match Index::open(root) {
            Ok(index) => Ok((index, false)),
            Err(Error::Corrupt { .. }) => {
                let mut next = 1;
                for e in std::fs::read_dir(root).map_err(io("read", root))? {
                    let e = e.map_err(io("read", root))?;
                    if let Some(k) = generation_number(&e.file_name().to_string_lossy()) {
                        next = next.max(k + 1);
                    }
                }
                let name = format!("{PREFIX}{next}");
                Generation::open(name.clone(), Some(root.join(&name)))?;
                write_current(root, &name)?;
                Ok((Index::open(root)?, true))
            }
            Err(other) => Err(other),
        }
    }

    /// An empty index in memory.
    pub fn in_ram() -> Result<Index> {
        let generation = Generation::open("ram-1".into(), None)?;
        Ok(Index {
            root: None,
            generation: RwLock::new(Arc::new(generation)),
            checked: Mutex::new(Instant::now()),
        })
    }

    fn current_name(&self) -> String {
        self.generation
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .name
            .clone()
    }

    /// The generation in use, switching to another process's rebuild when
    /// `CURRENT` changed (looked at most once a second).
    fn current(&self) -> Result<Arc<Generation>> {
        let g = self
            .generation
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let Some(root) = &self.root else {
            return Ok(g);
        };
        {
            let mut checked = lock(&self.checked);
            if checked.elapsed() < CURRENT_CHECK {
                return Ok(g);
            }
            *checked = Instant::now();
        }
        match read_current(root)? {
            Some(name) if name != g.name => {
                let fresh = Arc::new(Generation::open(name.clone(), Some(root.join(&name)))?);
                let mut slot = self
                    .generation
                    .write()
                    .unwrap_or_else(PoisonError::into_inner);
                if slot.name == g.name {
                    *slot = fresh.clone();
                }
                Ok(slot.clone())
            }
            _ => Ok(g),
        }
    }

    /// Applies `ops` in order and commits them with `last_outbox_id` in the
    /// commit payload. An upsert replaces the document with the same id.
    pub fn apply(&self, ops: &[Op], last_outbox_id: i64) -> Result<()> {
        self.stage(ops)?;
        self.commit(last_outbox_id)
    }

    /// Adds `ops` to the writer without committing: they are invisible, and
    /// lost if the process ends before [`Index::commit`].
    pub fn stage(&self, ops: &[Op]) -> Result<()> {
        let g = self.current()?;
        let mut guard = g.writer()?;
        let Some(w) = guard.as_mut() else {
            return Ok(());
        };
        for op in ops {
            match op {
                Op::Upsert(doc) => {
                    w.delete_term(Term::from_field_u64(g.fields.id, doc.id));
                    w.add_document(schema::to_tantivy(doc, &g.fields))?;
                }
                Op::Delete(id) => {
                    w.delete_term(Term::from_field_u64(g.fields.id, *id));
                }
            }
        }
        Ok(())
    }

    /// Commits what was staged, with `last_outbox_id` in the payload, and
    /// makes it visible to searches.
    pub fn commit(&self, last_outbox_id: i64) -> Result<()> {
        let g = self.current()?;
        {
            let mut guard = g.writer()?;
            if let Some(w) = guard.as_mut() {
                let mut prepared = w.prepare_commit()?;
                prepared.set_payload(&payload(last_outbox_id));
                prepared.commit()?;
            }
        }
        g.reader.reload()?;
        Ok(())
    }

    /// The id of the last outbox row in the committed index (0 when none).
    pub fn last_outbox_id(&self) -> Result<i64> {
        self.current()?.last_outbox_id()
    }

    /// Documents searchable now.
    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.current()?.reader.searcher().num_docs())
    }

    /// Segments of the live index (a search runs them in parallel).
    pub fn num_segments(&self) -> Result<usize> {
        Ok(self.current()?.reader.searcher().segment_readers().len())
    }

    /// Bytes of the live generation on disk (0 in memory).
    pub fn size_on_disk(&self) -> Result<u64> {
        let g = self.current()?;
        let Some(dir) = &g.dir else { return Ok(0) };
        let mut total = 0;
        for e in std::fs::read_dir(dir).map_err(io("read", dir))? {
            let e = e.map_err(io("read", dir))?;
            total += e.metadata().map_err(io("read", dir))?.len();
        }
        Ok(total)
    }

    /// The folder of the live generation (None in memory).
    pub fn live_dir(&self) -> Result<Option<PathBuf>> {
        Ok(self.current()?.dir.clone())
    }

    /// Starts building a new generation beside the live one; searches and
    /// writes go on against the live one until [`Rebuild::finish`].
    /// Uses up to two indexing threads and 256 MiB.
    pub fn rebuild(&self) -> Result<Rebuild<'_>> {
        self.rebuild_with(2, 256 << 20)
    }

    /// [`Index::rebuild`] with a number of indexing threads and a memory budget.
    pub fn rebuild_with(&self, threads: usize, memory: usize) -> Result<Rebuild<'_>> {
        let live = self.current()?;
        let n = match &self.root {
            None => live
                .name
                .strip_prefix("ram-")
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(1),
            Some(root) => {
                // Folders of rebuilds that never finished are removed;
                // the next number is past every folder seen.
                let mut max = generation_number(&live.name).unwrap_or(1);
                for e in std::fs::read_dir(root).map_err(io("read", root))? {
                    let e = e.map_err(io("read", root))?;
                    let name = e.file_name().to_string_lossy().into_owned();
                    if let Some(k) = generation_number(&name) {
                        max = max.max(k);
                        if name != live.name {
                            let _ = std::fs::remove_dir_all(e.path());
                        }
                    }
                }
                max
            }
        } + 1;
        let (name, dir) = match &self.root {
            None => (format!("ram-{n}"), None),
            Some(root) => (
                format!("{PREFIX}{n}"),
                Some(root.join(format!("{PREFIX}{n}"))),
            ),
        };
        let (index, fields) = new_tantivy(dir.as_deref())?;
        let threads = threads.clamp(1, 8);
        let writer = index.writer_with_num_threads(threads, memory.max(threads * (16 << 20)))?;
        Ok(Rebuild {
            target: self,
            name,
            dir,
            index,
            fields,
            writer,
            docs: 0,
        })
    }

    /// Builds a new generation from `docs` and swaps it in (see [`Index::rebuild`]).
    pub fn rebuild_from<I: IntoIterator<Item = IndexDoc>>(
        &self,
        docs: I,
        last_outbox_id: i64,
    ) -> Result<u64> {
        let mut r = self.rebuild()?;
        for d in docs {
            r.add(&d)?;
        }
        r.finish(last_outbox_id)
    }

    /// Runs one search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let expr = query::parse(&req.query)?;
        let g = self.current()?;
        let q = search::with_filters(search::compile(&expr, &g.fields), &req.filters, &g.fields);
        let searcher = g.reader.searcher();
        let limit = req.limit.min(MAX_LIMIT);
        let offset = req.offset.min(MAX_OFFSET);
        let facets = (req.facets || req.histogram).then_some(FacetCollector {
            facets: req.facets,
            histogram: req.histogram,
        });
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (docs, total, counted): (Vec<(Score, DocAddress)>, usize, _) = match req.sort {
            Sort::Relevance => searcher.search(&q, &(top.order_by_score(), Count, facets))?,
            Sort::Date => {
                let (d, c, f) = searcher.search(
                    &q,
                    &(
                        top.order_by_fast_field::<TDateTime>(F_PUBLISHED, Order::Desc),
                        Count,
                        facets,
                    ),
                )?;
                (d.into_iter().map(|(_, a)| (0.0, a)).collect(), c, f)
            }
        };
        let hl = Highlighter::new(&g, &searcher, q.as_ref())?;
        let mut hits = Vec::with_capacity(limit);
        for (score, addr) in docs.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(hit(&doc, &g.fields, score, &hl));
        }
        let (facets, histogram) = counted.unwrap_or_default();
        Ok(SearchResults {
            total: total as u64,
            hits,
            facets,
            histogram,
        })
    }

    /// A highlighter for `query`: snippets of whole texts the caller holds
    /// (the index stores only a lead).
    pub fn highlighter(&self, query: &str) -> Result<Highlighter> {
        let expr = query::parse(query)?;
        let g = self.current()?;
        let q = search::compile(&expr, &g.fields);
        let searcher = g.reader.searcher();
        Highlighter::new(&g, &searcher, q.as_ref())
    }
}

fn first_str(doc: &TantivyDocument, f: Field) -> Option<String> {
    doc.get_first(f).and_then(|v| v.as_str()).map(str::to_owned)
}

fn hit(doc: &TantivyDocument, f: &Fields, score: Score, hl: &Highlighter) -> Hit {
    let published = doc
        .get_first(f.published)
        .and_then(|v| v.as_datetime())
        .and_then(|t| DateTime::<Utc>::from_timestamp(t.into_timestamp_secs(), 0))
        .unwrap_or_default();
    let title = first_str(doc, f.title).unwrap_or_default();
    Hit {
        id: doc.get_first(f.id).and_then(|v| v.as_u64()).unwrap_or(0),
        score,
        published,
        snippet_html: hl.snippet(&title),
        title,
        outlet: first_str(doc, f.outlet),
        lang: first_str(doc, f.lang),
    }
}

/// Builds highlighted snippets for one query.
pub struct Highlighter {
    generator: SnippetGenerator,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Highlighter")
    }
}

impl Highlighter {
    fn new(g: &Generation, searcher: &tantivy::Searcher, q: &dyn Query) -> Result<Highlighter> {
        let f = &g.fields;
        let text_fields = [f.title, f.teaser, f.text, f.entity_text, f.speaker_text];
        let mut words = BTreeSet::new();
        q.query_terms(&mut |term, _| {
            if text_fields.contains(&term.field())
                && let Some(s) = term.value().as_str()
            {
                words.insert(s.to_owned());
            }
        });
        let mut terms: BTreeMap<String, Score> = BTreeMap::new();
        for w in words {
            // Rare words weigh more in choosing the fragment.
            let df = searcher.doc_freq(&Term::from_field_text(f.text, &w))?;
            terms.insert(w, 1.0 / (1.0 + df as Score));
        }
        let generator = SnippetGenerator::new(
            terms,
            TextAnalyzer::from(KhabarTokenizer::default()),
            f.text,
            SNIPPET_CHARS,
        );
        Ok(Highlighter { generator })
    }

    /// HTML of the best fragment of `text`: every character escaped, the
    /// query's words in `<b>`; the start of the text when no word occurs.
    pub fn snippet(&self, text: &str) -> String {
        let s = self.generator.snippet(text);
        if s.is_empty() {
            let lead = schema::cut(text.trim(), SNIPPET_CHARS * 2);
            let lead: String = lead.chars().take(SNIPPET_CHARS).collect();
            return escape_html(&lead);
        }
        // tantivy's fragment stops at the last word's end; widen it to the
        // surrounding white space so trailing punctuation is not cut, and
        // to the whole text when that is short.
        let range = s.fragment_range();
        let (start, end) = if text.chars().count() <= SNIPPET_CHARS {
            (0, text.len())
        } else {
            let start = text[..range.start]
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            let end = text[range.end..]
                .find(char::is_whitespace)
                .map_or(text.len(), |i| range.end + i);
            (start, end)
        };
        let mut html = String::with_capacity(end - start + 32);
        let mut from = start;
        for r in tantivy::snippet::collapse_overlapped_ranges(s.highlighted()) {
            let (a, b) = (range.start + r.start, range.start + r.end);
            if a < from || b > end || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                continue;
            }
            html.push_str(&escape_html(&text[from..a]));
            html.push_str("<b>");
            html.push_str(&escape_html(&text[a..b]));
            html.push_str("</b>");
            from = b;
        }
        html.push_str(&escape_html(&text[from..end]));
        html
    }
}

/// Escapes the five characters that matter in HTML text and attributes.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A new generation being built; see [`Index::rebuild`]. Dropped without
/// [`Rebuild::finish`], it leaves the live index as it was (its folder is
/// removed by the next rebuild).
pub struct Rebuild<'a> {
    target: &'a Index,
    name: String,
    dir: Option<PathBuf>,
    index: tantivy::Index,
    fields: Fields,
    writer: IndexWriter,
    docs: u64,
}

impl std::fmt::Debug for Rebuild<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rebuild")
            .field("name", &self.name)
            .field("docs", &self.docs)
            .finish()
    }
}

impl Rebuild<'_> {
    /// Adds one document (ids must be unique within a rebuild).
    pub fn add(&mut self, doc: &IndexDoc) -> Result<()> {
        self.writer
            .add_document(schema::to_tantivy(doc, &self.fields))?;
        self.docs += 1;
        Ok(())
    }

    /// Documents added so far.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Commits the new generation with `last_outbox_id` (the outbox id read
    /// *before* the documents were read, so that later changes are applied
    /// again by the next drain), makes it the live one, and removes the old.
    /// Returns the number of documents.
    pub fn finish(mut self, last_outbox_id: i64) -> Result<u64> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload(last_outbox_id));
        prepared.commit()?;
        self.writer.wait_merging_threads()?;
        let fresh = Arc::new(Generation::with(
            self.name.clone(),
            self.dir.clone(),
            self.index,
            self.fields,
        )?);
        if let Some(root) = &self.target.root {
            write_current(root, &self.name)?;
        }
        let old = {
            let mut slot = self
                .target
                .generation
                .write()
                .unwrap_or_else(PoisonError::into_inner);
            std::mem::replace(&mut *slot, fresh)
        };
        // Release the old writer (and its lock) before removing its folder;
        // searches still holding the old generation keep their open files.
        lock(&old.writer).take();
        if let Some(dir) = &old.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        Ok(self.docs)
    }
}
