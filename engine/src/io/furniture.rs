//! Page furniture removed before the extractor scores a page: cookie and consent banners,
//! advertisements, share bars, newsletter boxes, comment sections, related-story rails,
//! navigation and footers. Readability drops most of these by their link density, but a banner
//! or an ad written as a plain sentence beside the article's paragraphs reads like text to it;
//! their class and id names, which every template sets, say what they are.

use dom_query::{Document, NodeRef};

use crate::lexicon::page::{HTML_FURNITURE_NAMES, HTML_FURNITURE_NAME_PARTS, HTML_FURNITURE_TAGS};

/// Removes the furniture of `doc`. The page's outer containers and any element holding the
/// headline are kept whatever their names, so a template that calls its body "social-theme"
/// loses nothing.
pub(crate) fn remove(doc: &Document) {
    // Pictures carry no text, and a gallery's images make the extractor drop the gallery's
    // captions with them (a block with more images than paragraphs reads as a slideshow).
    doc.select("body img, body picture, body video, body source")
        .remove();
    let doomed: Vec<NodeRef> = doc
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| is_furniture(n))
        .cloned()
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

fn is_furniture(node: &NodeRef) -> bool {
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(name.as_str(), "main" | "article" | "h1") {
        return false;
    }
    let named = HTML_FURNITURE_TAGS.contains(&name.as_str()) || {
        let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
        let id = node.attr("id").unwrap_or_default().to_ascii_lowercase();
        class
            .split_ascii_whitespace()
            .chain(std::iter::once(id.as_str()))
            .filter(|t| !t.is_empty())
            .any(|t| {
                HTML_FURNITURE_NAMES.contains(&t)
                    || HTML_FURNITURE_NAME_PARTS.iter().any(|p| t.contains(p))
            })
    };
    named
        && !node
            .descendants_it()
            .any(|d| d.node_name().is_some_and(|n| &*n == "h1"))
}
