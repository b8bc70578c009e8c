//! An HTML page's own metadata: what its publisher declared about the article, read into the
//! same [`SourceMeta`] fields `sources.toml` fills (and `sources.toml` still overrides).
//!
//! | field       | read from, first found wins                                              |
//! |-------------|---------------------------------------------------------------------------|
//! | `title`     | `og:title`, JSON-LD `headline`, `<title>` (less a trailing "| Outlet")  |
//! | `outlet`    | `og:site_name`, JSON-LD `publisher.name`                                 |
//! | `published` | `article:published_time`, JSON-LD `datePublished`, as `YYYY-MM-DD`       |
//! | `url`       | `<link rel=canonical>`, `og:url`                                         |
//! | `language`  | `<html lang>`                                                            |
//!
//! Nothing missing is invented: a field the page does not declare stays empty, and a date that
//! is not an ISO 8601 date is dropped rather than guessed at.

use dom_query::Document;
use serde_json::Value;

use super::SourceMeta;

/// The metadata `doc` declares.
pub(crate) fn read(doc: &Document) -> SourceMeta {
    let ld = json_ld_article(doc);
    let ld_str = |path: &[&str]| -> Option<String> {
        let mut v = ld.as_ref()?;
        for key in path {
            v = v.get(key)?;
            // `publisher` may be a list of organisations: the first one speaks for the page.
            if let Value::Array(items) = v {
                v = items.first()?;
            }
        }
        v.as_str().and_then(clean)
    };
    let outlet = meta_property(doc, "og:site_name").or_else(|| ld_str(&["publisher", "name"]));
    let title = meta_property(doc, "og:title")
        .or_else(|| ld_str(&["headline"]))
        .or_else(|| {
            let t = clean(&doc.select("head title").text())?;
            Some(strip_outlet(&t, outlet.as_deref()))
        });
    let published = meta_property(doc, "article:published_time")
        .and_then(|d| iso_date(&d))
        .or_else(|| ld_str(&["datePublished"]).and_then(|d| iso_date(&d)));
    let url = doc
        .select("link[rel~=canonical]")
        .attr("href")
        .and_then(|h| clean(&h))
        .or_else(|| meta_property(doc, "og:url"));
    let language = doc.select("html").attr("lang").and_then(|l| clean(&l));
    SourceMeta {
        outlet,
        title,
        url,
        published,
        language,
    }
}

/// `<meta property=NAME content=...>`; some publishers write `name=` for Open Graph tags.
fn meta_property(doc: &Document, name: &str) -> Option<String> {
    for attr in ["property", "name"] {
        let sel = doc.select(&format!("meta[{attr}=\"{name}\"]"));
        if let Some(v) = sel.attr("content").and_then(|c| clean(&c)) {
            return Some(v);
        }
    }
    None
}

/// Trimmed, whitespace collapsed, `None` when empty.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// "Headline | Outlet" -> "Headline" when the tail is the outlet's name: the `<title>` of most
/// templates carries the site's name, which is not part of the article's title.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if tail.trim().eq_ignore_ascii_case(outlet.trim()) && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

/// `YYYY-MM-DD` of an ISO 8601 date or date-time ("2022-09-10T08:15:00+02:00"): the date the
/// publisher wrote, not converted to another time zone, so the day matches the page's dateline.
fn iso_date(s: &str) -> Option<String> {
    let day = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(day.to_string())
}

/// The first JSON-LD object describing a news article or blog post, with a `publisher` given
/// only by `@id` resolved against the other objects of its `@graph`. Scripts that are not valid
/// JSON are skipped (serde_json bounds nesting, so hostile scripts cannot exhaust the stack).
fn json_ld_article(doc: &Document) -> Option<Value> {
    for script in doc.select("script[type=\"application/ld+json\"]").nodes() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        let mut nodes = Vec::new();
        flatten(&value, &mut nodes, 0);
        let Some(article) = nodes.iter().find(|n| is_article(n)) else {
            continue;
        };
        let mut article = (*article).clone();
        let publisher_id = article
            .get("publisher")
            .filter(|p| p.get("name").is_none())
            .and_then(|p| p.get("@id"))
            .and_then(Value::as_str)
            .map(str::to_string);
        if let Some(id) = publisher_id {
            if let Some(org) = nodes
                .iter()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id.as_str()))
            {
                article["publisher"] = (*org).clone();
            }
        }
        return Some(article);
    }
    None
}

/// Every object of a JSON-LD value: top-level lists and `@graph` lists are opened.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// `NewsArticle`, `ReportageNewsArticle`, `Article`, `BlogPosting`, `LiveBlogPosting`, ...
fn is_article(v: &Value) -> bool {
    let is = |t: &str| t.ends_with("Article") || t.ends_with("BlogPosting");
    match v.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}
