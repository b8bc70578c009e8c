//! The few direct DOM operations Yew does not do for us: moving focus after a render and
//! scrolling the focused element into view. Every step tolerates a missing element.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition, SvgElement};
use yew::NodeRef;

/// Focuses the first element under `root` matching `selector` and scrolls it into view
/// (centred for jumps, minimally otherwise).
pub fn focus_selector(root: &NodeRef, selector: &str, center: bool) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let Ok(Some(el)) = root.query_selector(selector) else {
        return;
    };
    focus(&el);
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(if center {
        ScrollLogicalPosition::Center
    } else {
        ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Focuses an HTML or SVG element.
pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<SvgElement>() {
        let _ = s.focus();
    }
}
