//! Reading a cluster from disk: one `.txt`, `.html` or `.htm` per article plus an optional
//! `sources.toml`. Pages go through `html.rs` (decoding in `decode.rs`, the page's own
//! metadata in `meta.rs`), which needs no filesystem and so also runs in wasm32; `memory.rs`
//! reads articles handed over in memory (the browser's `Crosscheck.analyse`) the same way.
//!
//! Errors name the file (and line where there is one) so a newsroom developer can fix the input;
//! nothing here panics on a bad file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::limits;

mod decode;
mod furniture;
pub mod html;
pub mod memory;
mod meta;

pub use html::{read_page, Page};
pub use memory::{read_given, Body, Given};

/// Metadata of one article; only what `sources.toml` or the page declares, never invented.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub language: Option<String>,
}

/// One article of a cluster, as the engine takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file stem.
    pub id: String,
    pub text: String,
    pub meta: SourceMeta,
}

/// An input problem, reported as one line: `FILE[:LINE]: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads every `*.txt`, `*.html` and `*.htm` of `dir` (sorted by name) and `dir/sources.toml`
/// if present. A page's metadata fills what `sources.toml` leaves empty for its id.
pub fn load_dir(dir: &Path) -> Result<Vec<Article>, InputError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| InputError::new(dir, None, format!("cannot read the folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && kind(p).is_some())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(InputError::new(
            dir,
            None,
            "no .txt, .html or .htm articles in this folder",
        ));
    }
    if paths.len() > limits::MAX_ARTICLES {
        return Err(InputError::new(
            dir,
            None,
            limits::LimitError::TooManyArticles {
                count: paths.len(),
                max: limits::MAX_ARTICLES,
            }
            .to_string(),
        ));
    }
    // The id is the stem, so "a.txt" and "a.html" would be one article twice.
    let mut by_id: BTreeMap<String, &PathBuf> = BTreeMap::new();
    for path in &paths {
        if let Some(other) = by_id.insert(stem(path), path) {
            return Err(InputError::new(
                path,
                None,
                format!(
                    "has the same id as {}; rename or remove one of them",
                    other.display()
                ),
            ));
        }
    }
    let table = load_sources_toml(&dir.join("sources.toml"))?;
    let mut articles = Vec::with_capacity(paths.len());
    let mut total = 0usize;
    for path in paths {
        let id = stem(&path);
        let (text, page_meta) = match kind(&path) {
            Some(Kind::Html) => {
                let bytes = read_capped(&path, limits::MAX_HTML_PAGE_BYTES)?;
                let page = html::read_page(&bytes)
                    .map_err(|message| InputError::new(&path, None, message))?;
                (page.text, page.meta)
            }
            _ => {
                let bytes = read_capped(&path, limits::MAX_ARTICLE_BYTES)?;
                (utf8(&path, bytes)?, SourceMeta::default())
            }
        };
        // What the engine reads counts against the cluster's limit: a page's extracted text.
        total = total.saturating_add(text.len());
        if total > limits::MAX_CLUSTER_BYTES {
            return Err(InputError::new(
                dir,
                None,
                format!(
                    "the articles up to {} add up to more than {} bytes, the cluster limit",
                    path.display(),
                    limits::MAX_CLUSTER_BYTES
                ),
            ));
        }
        let meta = merge(table.get(&id).cloned().unwrap_or_default(), page_meta);
        articles.push(Article { id, text, meta });
    }
    Ok(articles)
}

enum Kind {
    Text,
    Html,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(Kind::Text),
        "html" | "htm" => Some(Kind::Html),
        _ => None,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::new(path, Some(line), "not valid UTF-8")
    })
}

/// `sources.toml` first, field by field; the page fills only what it leaves empty.
fn merge(toml: SourceMeta, page: SourceMeta) -> SourceMeta {
    SourceMeta {
        outlet: toml.outlet.or(page.outlet),
        title: toml.title.or(page.title),
        url: toml.url.or(page.url),
        published: toml.published.or(page.published),
        language: toml.language.or(page.language),
    }
}

/// Reads a file of at most `max` bytes. The size is checked before reading and again while
/// reading (a file can grow, and some report no size), so a huge or endless file is refused
/// with an error naming it instead of filling memory.
fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let too_large = |bytes: u64| {
        InputError::new(
            path,
            None,
            format!(
                "the file is {bytes} bytes; the limit is {max} bytes per file \
                 (see engine/src/limits.rs)"
            ),
        )
    };
    let file = std::fs::File::open(path)
        .map_err(|e| InputError::new(path, None, format!("cannot read: {e}")))?;
    let max64 = u64::try_from(max).unwrap_or(u64::MAX);
    if let Ok(m) = file.metadata() {
        if m.len() > max64 {
            return Err(too_large(m.len()));
        }
    }
    let mut bytes = Vec::new();
    file.take(max64.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(path, None, format!("cannot read: {e}")))?;
    if bytes.len() > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn load_sources_toml(path: &Path) -> Result<BTreeMap<String, SourceMeta>, InputError> {
    if let Err(e) = std::fs::metadata(path) {
        if e.kind() == std::io::ErrorKind::NotFound {
            return Ok(BTreeMap::new());
        }
    }
    let bytes = read_capped(path, limits::MAX_SOURCES_TOML_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::new(path, Some(line), "not valid UTF-8")
    })?;
    let table: BTreeMap<String, SourceMeta> = toml::from_str(&text).map_err(|e| {
        // Counted on bytes, so a span off a char boundary cannot panic.
        let line = e.span().map(|s| {
            let upto = &text.as_bytes()[..s.start.min(text.len())];
            upto.iter().filter(|&&b| b == b'\n').count() + 1
        });
        InputError::new(path, line, e.message().to_string())
    })?;
    for (id, meta) in &table {
        if let Some(date) = &meta.published {
            if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
                return Err(InputError::new(
                    path,
                    None,
                    format!("[{id}] published must be YYYY-MM-DD, not {date:?}"),
                ));
            }
        }
    }
    Ok(table)
}
