//! The DOM side of annotate mode: reading the publisher's article as text nodes, and marking
//! the anchored sentences in it without changing how it looks.
//!
//! A sentence's text is wrapped, text node piece by piece, in `<crosscheck-sentence>`
//! elements: inline, unknown to the page's CSS, styled only by a document stylesheet whose
//! rules change colour and decoration, never metrics. After its last piece comes a
//! `<crosscheck-mark>`: a zero-width, keyboard-reachable button with the coverage glyph in
//! its own shadow root, so the host's line breaks stay where they were. Everything added can
//! be taken out again (`unmark`), which restores the host's text nodes.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Text};

use super::anchor::{Anchor, Piece};
use crate::order;

/// The wrapper of one piece of an anchored sentence.
pub const SENTENCE_TAG: &str = "crosscheck-sentence";
/// The marker after an anchored sentence.
pub const MARK_TAG: &str = "crosscheck-mark";
/// On each wrapper: the id of the sentence it is part of.
pub const PART_ATTR: &str = "data-crosscheck-part";

/// Elements whose text is not the article's: never read, never marked.
const SKIPPED: &[&str] = &[
    "SCRIPT",
    "STYLE",
    "NOSCRIPT",
    "TEMPLATE",
    "TEXTAREA",
    "SELECT",
    "OPTION",
    "IFRAME",
    "SVG",
    "MATH",
    "CROSSCHECK-MARK",
];

/// Elements that start a new block of text: their text never runs into the text before them.
const BLOCKS: &[&str] = &[
    "ADDRESS",
    "ARTICLE",
    "ASIDE",
    "BLOCKQUOTE",
    "BR",
    "DD",
    "DIV",
    "DL",
    "DT",
    "FIGCAPTION",
    "FIGURE",
    "FOOTER",
    "FORM",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "HEADER",
    "HR",
    "IMG",
    "LI",
    "MAIN",
    "NAV",
    "OL",
    "P",
    "PRE",
    "SECTION",
    "TABLE",
    "TD",
    "TH",
    "TR",
    "UL",
];

fn tag(el: &Element) -> String {
    el.tag_name().to_ascii_uppercase()
}

/// Elements whose text sets off or repeats the article (a pull quote, a related-stories box, a
/// figure): read, but a sentence is anchored there only when the article proper lacks it.
const SECONDARY: &[&str] = &["ASIDE", "BLOCKQUOTE", "FIGURE", "FIGCAPTION"];

/// Interactive elements a marker (itself a button) must not sit inside.
const INTERACTIVE: &str = "a, button, label, summary, select, textarea";

/// The text nodes of `root` in document order, with their text and block starts.
pub fn read(root: &Element) -> (Vec<Text>, Vec<Piece>) {
    let mut nodes = Vec::new();
    let mut pieces = Vec::new();
    let mut pending_block = true;
    walk(root, &mut nodes, &mut pieces, &mut pending_block, false);
    (nodes, pieces)
}

fn walk(
    node: &Node,
    nodes: &mut Vec<Text>,
    pieces: &mut Vec<Piece>,
    block: &mut bool,
    secondary: bool,
) {
    let mut child = node.first_child();
    while let Some(n) = child {
        child = n.next_sibling();
        if let Some(text) = n.dyn_ref::<Text>() {
            let content = text.data();
            if content.is_empty() {
                continue;
            }
            pieces.push(Piece {
                text: content,
                block_start: std::mem::take(block),
                secondary,
            });
            nodes.push(text.clone());
        } else if let Some(el) = n.dyn_ref::<Element>() {
            let name = tag(el);
            if SKIPPED.contains(&name.as_str()) || el.has_attribute("hidden") {
                continue;
            }
            let is_block = BLOCKS.contains(&name.as_str());
            let inner = secondary || SECONDARY.contains(&name.as_str());
            *block |= is_block;
            walk(el, nodes, pieces, block, inner);
            *block |= is_block;
        }
    }
}

/// UTF-16 offset of a byte offset: DOM text offsets count UTF-16 units.
fn utf16(text: &str, byte: usize) -> u32 {
    text.get(..byte)
        .map_or(0, |s| s.encode_utf16().count() as u32)
}

/// One piece of an anchored sentence inside one text node.
struct Part {
    segment: u32,
    node: usize,
    start: usize,
    end: usize,
    last: bool,
}

/// What marking added to the page, so that `unmark` can take exactly that out again.
#[derive(Default)]
pub struct Marked {
    /// The wrappers, one per piece of a sentence.
    pub wrappers: Vec<Element>,
    /// Text nodes split off the host's own, in the order they were made: unmarking merges each
    /// back into the node before it, and touches no other text node of the host.
    split_off: Vec<Text>,
}

/// Wraps every anchored sentence and puts its marker after it (after the link or button its
/// last piece sits in, if any, inside `root`). `anchored` pairs a segment id with its anchor
/// and the marker element to place.
pub fn mark(
    document: &Document,
    root: &Element,
    nodes: &[Text],
    pieces: &[Piece],
    anchored: &[(u32, Anchor, Element)],
) -> Marked {
    let mut parts = Vec::new();
    for (segment, a, _) in anchored {
        let last_node = (a.start.node..=a.end.node).rev().find(|&n| {
            piece_range(pieces, a, n).is_some_and(|(s, e)| has_text(&pieces[n].text[s..e]))
        });
        for n in a.start.node..=a.end.node {
            let Some((s, e)) = piece_range(pieces, a, n) else {
                continue;
            };
            if !has_text(&pieces[n].text[s..e]) {
                continue;
            }
            parts.push(Part {
                segment: *segment,
                node: n,
                start: s,
                end: e,
                last: Some(n) == last_node,
            });
        }
    }
    // From the end of the page backwards, so a split never moves a range still to be wrapped:
    // splitting leaves the start of a text node where it was.
    // Bitwise not reverses the order of a key.
    let parts = order::by_key(parts, |p| (!p.node, !p.start));
    let mut marked = Marked::default();
    for part in parts {
        let (Some(text), Some(node)) = (pieces.get(part.node), nodes.get(part.node)) else {
            continue;
        };
        let Some(piece) = wrap(
            document,
            node,
            &text.text,
            part.start,
            part.end,
            &mut marked,
        ) else {
            continue;
        };
        let _ = piece.set_attribute(PART_ATTR, &part.segment.to_string());
        if part.last {
            if let Some((_, _, marker)) = anchored.iter().find(|(s, _, _)| *s == part.segment) {
                let _ = outside_controls(root, &piece).after_with_node_1(marker);
            }
        }
        marked.wrappers.push(piece);
    }
    marked
}

/// The element a marker goes after: the outermost link, button or label (inside `root`) that
/// holds `piece`, so that the marker, a button, is never nested in another control and never
/// becomes part of a link's name; else the piece itself.
fn outside_controls(root: &Element, piece: &Element) -> Element {
    let mut at = piece.clone();
    while let Ok(Some(control)) = at
        .parent_element()
        .map_or(Ok(None), |p| p.closest(INTERACTIVE))
    {
        if !root.contains(Some(&control)) || control == *root {
            break;
        }
        at = control;
    }
    at
}

fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace())
}

/// The byte range of text node `n` that anchor `a` covers.
fn piece_range(pieces: &[Piece], a: &Anchor, n: usize) -> Option<(usize, usize)> {
    let len = pieces.get(n)?.text.len();
    let s = if n == a.start.node { a.start.offset } else { 0 };
    let e = if n == a.end.node { a.end.offset } else { len };
    (s < e && e <= len).then_some((s, e))
}

/// Wraps `text[start..end]` of `node` in a `<crosscheck-sentence>`, recording the text nodes
/// it splits off.
fn wrap(
    document: &Document,
    node: &Text,
    text: &str,
    start: usize,
    end: usize,
    marked: &mut Marked,
) -> Option<Element> {
    let (s16, e16) = (utf16(text, start), utf16(text, end));
    if e16 < node.length() {
        marked.split_off.push(node.split_text(e16).ok()?);
    }
    let middle = if s16 > 0 {
        let m = node.split_text(s16).ok()?;
        marked.split_off.push(m.clone());
        m
    } else {
        node.clone()
    };
    let wrapper = document.create_element(SENTENCE_TAG).ok()?;
    let parent = middle.parent_node()?;
    parent.insert_before(&wrapper, Some(&middle)).ok()?;
    wrapper.append_child(&middle).ok()?;
    Some(wrapper)
}

/// Takes out what `mark` added, putting the host's text nodes back exactly as they were: the
/// same nodes, with the same text, and no other node merged or removed.
pub fn unmark(marked: Marked, markers: &[Element]) {
    for m in markers {
        m.remove();
    }
    for w in &marked.wrappers {
        let Some(parent) = w.parent_node() else {
            continue;
        };
        while let Some(child) = w.first_child() {
            let _ = parent.insert_before(&child, Some(w));
        }
        w.remove();
    }
    // Newest first: a node split off a node that was itself split off merges back before its
    // origin does.
    for piece in marked.split_off.iter().rev() {
        let before = piece
            .previous_sibling()
            .and_then(|n| n.dyn_into::<Text>().ok());
        if let Some(before) = before {
            let _ = before.append_data(&piece.data());
            piece.remove();
        }
    }
}
