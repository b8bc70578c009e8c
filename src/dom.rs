//! The few direct DOM operations Yew does not do for us: moving focus after a render,
//! scrolling the focused element into view, and deferring work until the browser is idle.
//! Every step tolerates a missing element. Also two hooks the components share
//! (`use_after_first_render`, `use_flag`), each compiled once for all of them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition, SvgElement};
use yew::{hook, use_effect_with, use_state, NodeRef, UseStateHandle};

/// A yes-or-no state starting as `init`. Yew compiles its state hook once per initialiser
/// closure; the components' flags share this one.
#[hook]
pub fn use_flag(init: bool) -> UseStateHandle<bool> {
    use_state(move || init)
}

/// Runs `f` once, after the component's first render (an effect without dependencies). The
/// work comes boxed so that every caller shares one compiled effect: Yew compiles its effect
/// machinery once per closure type.
#[hook]
pub fn use_after_first_render(f: Box<dyn FnOnce()>) {
    use_effect_with((), move |_| f());
}

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

/// Longest wait for an idle moment before `when_idle` runs its work anyway (ms).
const IDLE_DEADLINE_MS: u32 = 200;

/// Runs `f` once the browser is idle (after the first paint, between a reader's inputs), or
/// after `IDLE_DEADLINE_MS` at the latest; where `requestIdleCallback` is missing (Safari), on
/// the next task.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(IDLE_DEADLINE_MS);
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &opts)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}
