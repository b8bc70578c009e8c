//! An HTML news page to the article text the engine reads: the headline on the first line, then
//! blank-line separated paragraphs, headings and captions, the shape of a `.txt` article.
//!
//! The main content is found by `dom_smoothie`, a port of Mozilla's Readability (the reader
//! view of Firefox): it scores the page's blocks by text and link density and drops navigation,
//! menus, related-story rails, footers, cookie banners, share bars and comment sections. Its
//! cleaned article HTML is then written out here block by block, so that the line structure the
//! segmenter relies on survives: a `<figcaption>` becomes its own line opened by "Image
//! caption," (a label the segmenter knows), a byline Readability lifted out of the text is put
//! back under the headline, and a `<br>` stays a line break.

use dom_query::{Document, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability};

use super::{decode, furniture, meta, SourceMeta};
use crate::limits;

/// What a page gives the engine: its article text and its own metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    pub meta: SourceMeta,
}

/// Reads a page from its bytes (any size: the caller applies [`limits::MAX_HTML_PAGE_BYTES`]).
/// The error is one line without the file name.
pub fn read_page(bytes: &[u8]) -> Result<Page, String> {
    extract(&decode::decode(bytes)?)
}

/// Extracts the article and metadata of a decoded page.
pub fn extract(html: &str) -> Result<Page, String> {
    let doc = Document::from(html);
    check_shape(&doc)?;
    let meta = meta::read(&doc);
    let headline = headline(&doc).or_else(|| meta.title.clone());
    furniture::remove(&doc);
    open_sentence_lists(&doc);
    let cfg = Config {
        max_elements_to_parse: limits::MAX_HTML_ELEMENTS,
        // The crate's own choice of the top block, not Readability.js's: on a live page
        // Readability.js keeps the posts but drops the summary above them (its siblings must
        // score 10 to stay), this one keeps the article element they share.
        candidate_select_mode: CandidateSelectMode::DomSmoothie,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map_err(|_| "no article found in the page".to_string())?;
    let body = Document::from(article.content.as_ref());
    let mut blocks = Vec::new();
    write_blocks(&body.root(), &mut blocks);
    let headline = headline.or_else(|| Some(article.title.trim().to_string()));
    let headline = headline.filter(|h| !h.is_empty());
    // Readability keeps the headline in the content on some templates; it is printed once.
    if let Some(h) = &headline {
        if let Some(i) = blocks.iter().take(3).position(|b| b == h) {
            blocks.remove(i);
        }
    }
    if !blocks.iter().any(|b| b.split_whitespace().count() >= 4) {
        return Err("no article found in the page".to_string());
    }
    let mut out: Vec<String> = headline.into_iter().collect();
    if let Some(by) = article.byline.as_deref().and_then(byline) {
        if !blocks.iter().take(3).any(|b| b.contains(&by)) {
            out.push(by);
        }
    }
    out.extend(blocks);
    let mut text = out.join("\n\n");
    text.push('\n');
    Ok(Page { text, meta })
}

/// Refuses a tree too deep or too large to walk: html5ever builds any nesting it is given, and
/// the extractor's scoring recurses, so depth is bounded here (counted without recursion).
fn check_shape(doc: &Document) -> Result<(), String> {
    let mut stack = vec![(doc.root(), 0usize)];
    let mut elements = 0usize;
    while let Some((node, depth)) = stack.pop() {
        if depth > limits::MAX_HTML_DEPTH {
            return Err(format!(
                "elements nested more than {} deep; no news page is (see engine/src/limits.rs)",
                limits::MAX_HTML_DEPTH
            ));
        }
        if node.is_element() {
            elements += 1;
            if elements > limits::MAX_HTML_ELEMENTS {
                return Err(format!(
                    "more than {} elements; no news page has as many (see engine/src/limits.rs)",
                    limits::MAX_HTML_ELEMENTS
                ));
            }
        }
        stack.extend(node.children_it(false).map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// A list whose items are sentences (a live page's key points, an explainer's facts) becomes
/// paragraphs: the extractor scores paragraphs and drops a block of list items with none, which
/// lost the "Summary" points of a live page. Menus and link lists stay lists: their items are
/// short or mostly link text.
fn open_sentence_lists(doc: &Document) {
    for list in doc.select("body ul, body ol").nodes() {
        let items = list.element_children();
        let sentences = !items.is_empty()
            && items.iter().all(|li| {
                let text = li.text();
                let links: usize = li
                    .descendants_it()
                    .filter(|d| d.node_name().is_some_and(|n| &*n == "a"))
                    .map(|a| a.text().len())
                    .sum();
                li.node_name().is_some_and(|n| &*n == "li")
                    && text.split_whitespace().count() >= 6
                    && links * 2 < text.len()
            });
        if sentences {
            items.iter().for_each(|li| li.rename("p"));
            list.rename("div");
        }
    }
}

/// The article's headline as the page prints it: the `<h1>` of its `<article>` or `<main>`,
/// else the page's only `<h1>` (a template with several uses one for its logo).
fn headline(doc: &Document) -> Option<String> {
    for sel in ["article h1", "main h1", "[role=main] h1"] {
        if let Some(h) = doc.select(sel).nodes().first() {
            return one_line(&h.text());
        }
    }
    let all = doc.select("body h1");
    match all.nodes() {
        [only] => one_line(&only.text()),
        _ => None,
    }
}

/// A Readability byline as a byline line: "By Jane Doe" (kept when it says "By" already).
fn byline(by: &str) -> Option<String> {
    let by = one_line(by)?;
    if by.len() > 120 {
        return None;
    }
    let lower = by.to_lowercase();
    Some(if lower.starts_with("by ") {
        by
    } else {
        format!("By {by}")
    })
}

fn one_line(s: &str) -> Option<String> {
    let s = collapse(s);
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Whitespace runs as one space: HTML's whitespace only (space, tab, line feed, form feed,
/// carriage return), so a no-break space the article typed stays what it was.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r') {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// Elements whose start and end break the text into a new block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "address"
            | "hr"
    )
}

/// Elements that never hold article text.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "svg" | "button" | "form" | "iframe"
    )
}

/// Collects the text blocks of `root` in document order, without recursion (the tree's depth
/// is bounded, but a loop needs no stack at all).
fn write_blocks(root: &NodeRef, out: &mut Vec<String>) {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave(String),
    }
    let mut current = String::new();
    let mut in_caption = 0usize;
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    current.push_str(&collapse(&node.text()));
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                if is_hidden(&name) {
                    continue;
                }
                if name == "br" {
                    current.push('\n');
                    continue;
                }
                if is_block(&name) {
                    if in_caption > 0 {
                        current.push(' ');
                    } else {
                        flush(&mut current, out, false);
                    }
                }
                if name == "figcaption" {
                    in_caption += 1;
                }
                stack.push(Step::Leave(name));
                let children: Vec<_> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
            Step::Leave(name) => {
                if name == "figcaption" {
                    in_caption = in_caption.saturating_sub(1);
                    if in_caption == 0 {
                        flush(&mut current, out, true);
                    }
                } else if is_block(&name) {
                    if in_caption > 0 {
                        current.push(' ');
                    } else {
                        flush(&mut current, out, false);
                    }
                }
            }
        }
    }
    flush(&mut current, out, false);
}

/// Ends the block being written: its lines trimmed, empty ones dropped. A caption is opened by
/// "Image caption," unless it has a caption label already, so the segmenter treats it as the
/// picture's caption and not as a sentence of the report.
fn flush(current: &mut String, out: &mut Vec<String>, caption: bool) {
    let lines: Vec<&str> = current
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        let mut block = lines.join("\n");
        if caption {
            let lower = block.to_lowercase();
            let labelled = ["image caption", "photo caption", "media caption", "caption"]
                .iter()
                .any(|l| lower.starts_with(l));
            if !labelled {
                block = format!("Image caption, {block}");
            }
        }
        out.push(block);
    }
    current.clear();
}
