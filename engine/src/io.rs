//! Reading a cluster from disk: one `.txt` per article plus an optional `sources.toml`.
//!
//! Errors name the file (and line where there is one) so a newsroom developer can fix the input;
//! nothing here panics on a bad file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

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
    let meta = load_sources_toml(&dir.join("sources.toml"))?;
    let mut articles = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path)
            .map_err(|e| InputError::new(&path, None, format!("cannot read: {e}")))?;
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

fn load_sources_toml(path: &Path) -> Result<BTreeMap<String, SourceMeta>, InputError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(InputError::new(path, None, format!("cannot read: {e}"))),
    };
    let table: BTreeMap<String, SourceMeta> = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
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
