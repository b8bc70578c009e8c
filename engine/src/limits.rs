//! The documented size limits of a cluster, and the one check that enforces them.
//!
//! The engine must give every input a database or a clear error, never a crash or a hang.
//! Within these limits a build finishes in seconds; past them the input is almost certainly not
//! a news article (a log file, a book, a binary dump) and is refused up front with an error
//! that names the article, instead of making the reader's build run for minutes or exhaust
//! memory. `build()` calls [`check`] first and `io::load_dir` applies the per-file limit before
//! reading a file. The numbers are measured, not guessed: see "Robustness and limits" in
//! ARCHITECTURE.md.

use std::fmt;

use crate::io::Article;

/// Largest article, in bytes of UTF-8. Long-form journalism runs to ~100 KB of text; ten times
/// that still builds in seconds (1 MiB against a short article: 1.3 s, release build, loaded
/// two-core machine), and nothing longer is a news report.
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

/// Largest HTML page, in bytes as stored. A news page carries its article several times over
/// in markup, inline scripts, styles and JSON state: real pages run from 100 KB to 2-3 MB. A
/// page of 8 MiB (a 4 MB inline script, 40,000 paragraphs) is read and extracted in 3.2 s in a
/// debug build. Only the extracted text counts against [`MAX_ARTICLE_BYTES`] and
/// [`MAX_CLUSTER_BYTES`].
pub const MAX_HTML_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// Most elements in one HTML page: news pages have 1,000-10,000; the extractor's work grows with
/// this count, so a page far past it is refused before it is scored.
pub const MAX_HTML_ELEMENTS: usize = 200_000;

/// Deepest element nesting of an HTML page: news templates nest 20-40 deep. The extractor's
/// scoring walks the tree recursively, so a hostile page nested thousands deep must be refused
/// before it could exhaust the stack.
pub const MAX_HTML_DEPTH: usize = 256;

/// Most articles in one cluster. Clusters of 200–500 reports of one event must build; the
/// verdict count grows with the square of the cluster, so the cap sits not far above that.
pub const MAX_ARTICLES: usize = 1000;

/// Largest cluster, the sum of its articles' bytes: 500 reports of 16 KB. Alignment compares
/// every article with every other, so the total bounds the work as well as the memory of the
/// database.
pub const MAX_CLUSTER_BYTES: usize = 8 * 1024 * 1024;

/// Largest `sources.toml` that `io::load_dir` reads: metadata for `MAX_ARTICLES` articles fits
/// in a fraction of it.
pub const MAX_SOURCES_TOML_BYTES: usize = 4 * 1024 * 1024;

/// A cluster that the engine refuses, with what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitError {
    /// `build` was given no article at all.
    NoArticles,
    TooManyArticles {
        count: usize,
        max: usize,
    },
    ArticleTooLarge {
        id: String,
        bytes: usize,
        max: usize,
    },
    ClusterTooLarge {
        bytes: usize,
        max: usize,
    },
    /// Sources, segments and verdicts are keyed by article id, so two articles cannot share one.
    DuplicateId {
        id: String,
    },
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LimitError::NoArticles => write!(f, "the cluster has no articles"),
            LimitError::TooManyArticles { count, max } => write!(
                f,
                "the cluster has {count} articles; at most {max} can be cross-checked at once"
            ),
            LimitError::ArticleTooLarge { id, bytes, max } => write!(
                f,
                "article {id:?} is {bytes} bytes; the limit is {max} bytes ({}), \
                 which no news report comes near",
                human(*max)
            ),
            LimitError::ClusterTooLarge { bytes, max } => write!(
                f,
                "the cluster's articles add up to {bytes} bytes; the limit is {max} bytes ({})",
                human(*max)
            ),
            LimitError::DuplicateId { id } => {
                write!(f, "two articles have the id {id:?}; each needs its own")
            }
        }
    }
}

impl std::error::Error for LimitError {}

fn human(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Refuses a cluster outside the limits; the first problem found is reported. Cheap: one pass
/// over the ids and lengths, no text is read.
pub fn check(articles: &[Article]) -> Result<(), LimitError> {
    if articles.is_empty() {
        return Err(LimitError::NoArticles);
    }
    if articles.len() > MAX_ARTICLES {
        return Err(LimitError::TooManyArticles {
            count: articles.len(),
            max: MAX_ARTICLES,
        });
    }
    let mut total = 0usize;
    let mut seen = std::collections::HashSet::with_capacity(articles.len());
    for a in articles {
        if a.text.len() > MAX_ARTICLE_BYTES {
            return Err(LimitError::ArticleTooLarge {
                id: a.id.clone(),
                bytes: a.text.len(),
                max: MAX_ARTICLE_BYTES,
            });
        }
        if !seen.insert(a.id.as_str()) {
            return Err(LimitError::DuplicateId { id: a.id.clone() });
        }
        total = total.saturating_add(a.text.len());
    }
    if total > MAX_CLUSTER_BYTES {
        return Err(LimitError::ClusterTooLarge {
            bytes: total,
            max: MAX_CLUSTER_BYTES,
        });
    }
    Ok(())
}
