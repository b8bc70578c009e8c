//! What annotate mode listens to, and the listeners' clean-up: a click on a marked sentence,
//! Enter or Space on a marker, Escape, a click anywhere else, and a resize.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget, KeyboardEvent, MouseEvent};

use super::{dialog, marks, WeakSlot};

/// An event listener removed when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// `f` comes boxed, so this is compiled once rather than once per listener.
    pub fn new(target: &EventTarget, kind: &'static str, f: Box<dyn FnMut(Event)>) -> Listener {
        let closure = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// The sentence a click or key in the article is about, and whether it hit the marker.
pub fn segment_of(target: Option<EventTarget>) -> Option<(u32, bool)> {
    let el = target?.dyn_into::<Element>().ok()?;
    let hit = el
        .closest(&format!("{}, {}", marks::MARK_TAG, marks::SENTENCE_TAG))
        .ok()??;
    let is_marker = hit.tag_name().eq_ignore_ascii_case(marks::MARK_TAG);
    let attr = if is_marker {
        "data-segment"
    } else {
        marks::PART_ATTR
    };
    Some((hit.get_attribute(attr)?.parse().ok()?, is_marker))
}

/// Whether a click on sentence text is a reader selecting words rather than asking for the
/// panel: a drag that left a selection, or a double or triple click.
fn selecting(e: &Event) -> bool {
    let multi = e.dyn_ref::<MouseEvent>().is_some_and(|m| m.detail() > 1);
    let selection = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    multi || selection
}

pub fn listen(root: &Element, document: &Document, slot: WeakSlot) -> Vec<Listener> {
    let mut out = Vec::new();
    {
        let slot = slot.clone();
        out.push(Listener::new(
            root,
            "click",
            Box::new(move |e: Event| {
                let Some((seg, on_marker)) = segment_of(e.target()) else {
                    return;
                };
                if on_marker {
                    // The marker never sits inside a link, but a page script may move it there.
                    e.prevent_default();
                    dialog::toggle(&slot, seg, true);
                    return;
                }
                // A link inside a sentence keeps working: only its plain text opens the panel.
                let on_control = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| {
                        t.closest("a[href], button, input, select, textarea, label, summary")
                            .ok()
                            .flatten()
                    })
                    .is_some();
                if !on_control && !selecting(&e) {
                    dialog::toggle(&slot, seg, true);
                }
            }),
        ));
    }
    {
        let slot = slot.clone();
        out.push(Listener::new(
            root,
            "keydown",
            Box::new(move |e: Event| {
                let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                match (k.key().as_str(), segment_of(e.target())) {
                    ("Enter" | " " | "Spacebar", Some((seg, true))) => {
                        e.prevent_default();
                        dialog::toggle(&slot, seg, true);
                    }
                    ("Escape" | "Esc", _) if dialog::close(&slot, true) => e.prevent_default(),
                    _ => {}
                }
            }),
        ));
    }
    {
        // A click anywhere else on the page closes the panel, leaving focus where it went.
        let slot = slot.clone();
        out.push(Listener::new(
            document,
            "click",
            Box::new(move |e: Event| {
                if segment_of(e.target()).is_some() || dialog::contains(&slot, &e) {
                    return;
                }
                dialog::close(&slot, false);
            }),
        ));
    }
    if let Some(window) = web_sys::window() {
        out.push(Listener::new(
            &window,
            "resize",
            Box::new(move |_| dialog::replace(&slot)),
        ));
    }
    out
}
