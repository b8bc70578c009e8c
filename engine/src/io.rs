//! Reading a cluster from disk: one `.txt` per article plus an optional `sources.toml`.
//!
//! Errors name the file (and line where there is one) so a newsroom developer can fix the input;
//! nothing here panics on a bad file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::limits;

/// Metadata of one article; only what `sources.toml` or the text says, never invented.
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

/// Reads every `*.txt` of `dir` (sorted by name) and `dir/sources.toml` if present.
pub fn load_dir(dir: &Path) -> Result<Vec<Article>, InputError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| InputError::new(dir, None, format!("cannot read the folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(InputError::new(
            dir,
            None,
            "no .txt articles in this folder",
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
    let meta = load_sources_toml(&dir.join("sources.toml"))?;
    let mut articles = Vec::with_capacity(paths.len());
    let mut total = 0usize;
    for path in paths {
        let bytes = read_capped(&path, limits::MAX_ARTICLE_BYTES)?;
        total = total.saturating_add(bytes.len());
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
        let text = String::from_utf8(bytes).map_err(|e| {
            let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
            InputError::new(&path, Some(line), "not valid UTF-8")
        })?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = meta.get(&id).cloned().unwrap_or_default();
        articles.push(Article { id, text, meta });
    }
    Ok(articles)
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
