//! Articles handed over in memory rather than as files: what the browser's
//! `Crosscheck.analyse` gives the engine. Each one is read the way `load_dir` reads a file (a
//! page through `html.rs`, text as it is, the caller's metadata over the page's own), so the
//! same input gives the same database in the browser as on the command line.
//!
//! Unlike `load_dir`, one bad article does not stop the others: it is set aside with a one-line
//! reason naming it, and the rest are analysed. A fact-checker who drops twenty pages wants
//! nineteen compared, not an error.

use std::collections::BTreeSet;

use super::{html, merge, InputError, SourceMeta};
use crate::limits;

/// One article as a caller hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// Plays the part of the file stem: names the article in the database and in errors.
    pub id: String,
    pub body: Body,
    /// What the caller states; it wins over the page's own metadata field by field, as
    /// `sources.toml` does.
    pub meta: SourceMeta,
}

/// An article's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Decoded text: an article's plain text, or a page's HTML (recognised by its first
    /// character, `<`, which no article's text starts with).
    Text(String),
    /// A file's bytes: a page in the encoding it declares, or UTF-8 text.
    Bytes(Vec<u8>),
}

/// The articles that could be read, in the order given, and the ones set aside.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Read {
    pub articles: Vec<super::Article>,
    /// One per article set aside; `file` holds its id (or `article N` when it has none).
    pub skipped: Vec<InputError>,
}

/// Longest id: an id is a label, not content.
pub const MAX_ID_CHARS: usize = 200;

/// Reads every given article; fails as a whole only when there are more than the cluster allows.
pub fn read_given(given: Vec<Given>) -> Result<Read, InputError> {
    if given.len() > limits::MAX_ARTICLES {
        return Err(InputError::new(
            "articles",
            None,
            limits::LimitError::TooManyArticles {
                count: given.len(),
                max: limits::MAX_ARTICLES,
            }
            .to_string(),
        ));
    }
    let mut read = Read::default();
    let mut ids = BTreeSet::new();
    let mut total = 0usize;
    for (n, g) in given.into_iter().enumerate() {
        let label = if g.id.trim().is_empty() {
            format!("article {}", n + 1)
        } else {
            g.id.clone()
        };
        let article = read_one(g, &ids).and_then(|a| {
            // What the engine reads counts against the cluster's limit: a page's extracted text.
            if total.saturating_add(a.text.len()) > limits::MAX_CLUSTER_BYTES {
                return Err(format!(
                    "the articles up to this one add up to more than {} bytes, the cluster limit",
                    limits::MAX_CLUSTER_BYTES
                ));
            }
            Ok(a)
        });
        match article {
            Ok(a) => {
                total += a.text.len();
                ids.insert(a.id.clone());
                read.articles.push(a);
            }
            Err(message) => read.skipped.push(InputError::new(label, None, message)),
        }
    }
    Ok(read)
}

fn read_one(g: Given, ids: &BTreeSet<String>) -> Result<super::Article, String> {
    let id = g.id.trim().to_string();
    if id.is_empty() {
        return Err("has no id".into());
    }
    if id.chars().count() > MAX_ID_CHARS || id.chars().any(char::is_control) {
        return Err(format!(
            "the id must be at most {MAX_ID_CHARS} characters, without control characters"
        ));
    }
    if ids.contains(&id) {
        return Err("has the same id as an earlier article; give each article its own".into());
    }
    if let Some(date) = &g.meta.published {
        if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
            return Err(format!("published must be YYYY-MM-DD, not {date:?}"));
        }
    }
    let (text, page_meta) = match g.body {
        Body::Text(text) if looks_like_page(text.as_bytes()) => {
            capped(text.len(), limits::MAX_HTML_PAGE_BYTES)?;
            let page = html::extract(&text)?;
            (page.text, page.meta)
        }
        Body::Bytes(bytes) if looks_like_page(&bytes) => {
            capped(bytes.len(), limits::MAX_HTML_PAGE_BYTES)?;
            let page = html::read_page(&bytes)?;
            (page.text, page.meta)
        }
        Body::Text(text) => (text, SourceMeta::default()),
        Body::Bytes(bytes) => String::from_utf8(bytes)
            .map(|t| (t, SourceMeta::default()))
            .map_err(|e| {
                let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
                format!("line {line}: not valid UTF-8 (only pages may declare another encoding)")
            })?,
    };
    capped(text.len(), limits::MAX_ARTICLE_BYTES)?;
    if text.trim().is_empty() {
        return Err("has no text".into());
    }
    Ok(super::Article {
        id,
        text,
        meta: merge(g.meta, page_meta),
    })
}

fn capped(len: usize, max: usize) -> Result<(), String> {
    if len > max {
        Err(format!(
            "is {len} bytes; the limit is {max} bytes per article (see engine/src/limits.rs)"
        ))
    } else {
        Ok(())
    }
}

/// A page rather than plain text: the first character after a byte-order mark and white space
/// is `<`. No news article's text opens with a tag, and every saved page does (a doctype, a
/// comment or `<html>`).
pub fn looks_like_page(bytes: &[u8]) -> bool {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .or_else(|| bytes.strip_prefix(b"\xFF\xFE"))
        .or_else(|| bytes.strip_prefix(b"\xFE\xFF"))
        .unwrap_or(bytes);
    let first = bytes.iter().copied().find(|b| !b.is_ascii_whitespace());
    // A UTF-16 page has a zero byte beside each ASCII one.
    let first = match first {
        Some(0) => bytes
            .iter()
            .copied()
            .find(|b| *b != 0 && !b.is_ascii_whitespace()),
        f => f,
    };
    first == Some(b'<')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(id: &str, body: Body) -> Given {
        Given {
            id: id.into(),
            body,
            meta: SourceMeta::default(),
        }
    }

    #[test]
    fn pages_are_told_from_text_by_their_first_character() {
        for (input, page) in [
            ("<!DOCTYPE html><html></html>", true),
            ("\u{feff}  \n<html lang=en>", true),
            ("<!-- saved from url -->", true),
            ("Floods hit the valley.\n\nMore text <b>.", false),
            ("", false),
        ] {
            assert_eq!(looks_like_page(input.as_bytes()), page, "{input:?}");
        }
    }

    #[test]
    fn a_bad_article_is_set_aside_and_the_rest_are_read() {
        let read = read_given(vec![
            given(
                "a",
                Body::Text("Rain fell on Monday in the north.\n".into()),
            ),
            given("a", Body::Text("The same id again.\n".into())),
            given("", Body::Text("No id at all.\n".into())),
            given("b", Body::Bytes(vec![b'o', 0xff, b'k'])),
            given(
                "c",
                Body::Text("<html><body><nav>Home</nav></body></html>".into()),
            ),
            given("d", Body::Text("   \n".into())),
            given("e", Body::Bytes(b"Rain fell on Tuesday.\n".to_vec())),
        ])
        .unwrap();
        let ids: Vec<_> = read.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "e"]);
        let skipped: Vec<_> = read.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(skipped.len(), 5, "{skipped:?}");
        assert!(skipped[0].starts_with("a: has the same id"), "{skipped:?}");
        assert!(
            skipped[1].starts_with("article 3: has no id"),
            "{skipped:?}"
        );
        assert!(
            skipped[2].starts_with("b: line 1: not valid UTF-8"),
            "{skipped:?}"
        );
        assert!(skipped[3].starts_with("c: no article found"), "{skipped:?}");
        assert!(skipped[4].starts_with("d: has no text"), "{skipped:?}");
    }

    #[test]
    fn the_callers_metadata_wins_over_the_pages() {
        let page = "<html><head><title>Page title</title>\
            <meta property=\"og:site_name\" content=\"Page Outlet\"></head><body><article>\
            <h1>Storm closes the port</h1><p>The storm closed the port on Monday, officials \
            said, and ferries stayed in harbour.</p><p>Crews expect to reopen it by Wednesday \
            if the wind drops as forecast.</p></article></body></html>";
        let mut g = given("p", Body::Text(page.into()));
        g.meta.outlet = Some("Given Outlet".into());
        let read = read_given(vec![g]).unwrap();
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
        let a = &read.articles[0];
        assert_eq!(a.meta.outlet.as_deref(), Some("Given Outlet"));
        assert_eq!(a.meta.title.as_deref(), Some("Page title"));
        assert!(a.text.contains("The storm closed the port"), "{}", a.text);
    }

    #[test]
    fn a_bad_date_sets_the_article_aside() {
        let mut g = given("a", Body::Text("Rain fell.\n".into()));
        g.meta.published = Some("4 March".into());
        let read = read_given(vec![g]).unwrap();
        assert!(read.articles.is_empty());
        assert!(read.skipped[0].to_string().contains("YYYY-MM-DD"));
    }
}
