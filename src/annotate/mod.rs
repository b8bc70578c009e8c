//! Annotate mode: the publisher's own article made clickable. On
//! `<article data-crosscheck-annotate data-source="ID">` (any element works), every claim and
//! headline of source ID is found in the element's text (`anchor`), marked in place without
//! moving anything (`marks`, `marker`), and opens the reader box's panel in a floating dialog
//! (`dialog`) on click, Enter or Space (`events`). Escape, the Close button or a click
//! elsewhere closes it, and focus returns to the sentence's marker.
//!
//! Failure is quiet by design: the page is the publisher's. Sentences that cannot be found are
//! counted (`data-crosscheck-anchored="found/total"` on the element once something is marked)
//! and logged once; a page where nothing is found, or whose database cannot be read, is left
//! exactly as it was, with one console warning.

pub mod anchor;
mod dialog;
mod events;
mod marker;
pub mod marks;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crosscheck_model::SegmentKind;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Callback};

use crate::components::popover::{Popover, PopoverProps};
use crate::database::{self, Place};
use crate::state::{Loaded, Shared, Theme};
use crate::{order, sheets, style, Options};

/// The attribute that asks for annotate mode.
pub const ANNOTATE_ATTR: &str = "data-crosscheck-annotate";
/// Written on the element once anchoring ran: `found/total` claim and headline sentences.
pub const ANCHORED_ATTR: &str = "data-crosscheck-anchored";
/// On wrappers: `corroborates`, `differs` or `omits`, the sentence's strongest coverage.
const COVERAGE_ATTR: &str = "data-crosscheck-coverage";

/// An annotated element; `None` once removed.
pub type AnnotationSlot = Rc<RefCell<Option<Annotation>>>;
type WeakSlot = Weak<RefCell<Option<Annotation>>>;

/// How many of the source's claim and headline sentences were found in the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Claim and headline sentences found, of `total`.
    pub anchored: usize,
    pub total: usize,
    /// Claim sentences alone found, of `claims`.
    pub claims_anchored: usize,
    pub claims: usize,
}

thread_local! {
    /// Every live annotation by element: it keeps them alive (their listeners live in them),
    /// and annotating an element again replaces the first one instead of marking its
    /// sentences twice.
    static ANNOTATED: RefCell<Vec<(Element, AnnotationSlot)>> = const { RefCell::new(Vec::new()) };
}

/// A new, registered slot for `element`, after removing an earlier annotation of it and any
/// annotation whose element has left the document (a single-page app replaced the story).
fn fresh_slot(element: &Element) -> AnnotationSlot {
    let old: Vec<AnnotationSlot> = ANNOTATED.with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return Vec::new();
        };
        let (gone, kept): (Vec<_>, Vec<_>) = l
            .drain(..)
            .partition(|(e, _)| e == element || !e.is_connected());
        *l = kept;
        gone.into_iter().map(|(_, s)| s).collect()
    });
    for slot in old {
        take_out(&slot);
    }
    let slot: AnnotationSlot = Rc::new(RefCell::new(None));
    ANNOTATED.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l.push((element.clone(), slot.clone()));
        }
    });
    slot
}

/// Removes an annotation (or stops one still waiting for its database).
pub fn remove(slot: &AnnotationSlot) {
    ANNOTATED.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l.retain(|(_, s)| !Rc::ptr_eq(s, slot));
        }
    });
    take_out(slot);
}

/// Takes an annotation's marks out of the page. If it is busy (a page listener called
/// `destroy` while the annotation was opening a panel), it is tried again once that is done.
fn take_out(slot: &AnnotationSlot) {
    match slot.try_borrow_mut() {
        Ok(mut a) => {
            if let Some(a) = a.take() {
                a.remove();
            }
        }
        Err(_) => {
            let slot = slot.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(mut a) = slot.try_borrow_mut() {
                    if let Some(a) = a.take() {
                        a.remove();
                    }
                }
            });
        }
    }
}

fn is_current(slot: &AnnotationSlot) -> bool {
    ANNOTATED.with(|l| {
        l.try_borrow()
            .is_ok_and(|l| l.iter().any(|(_, s)| Rc::ptr_eq(s, slot)))
    })
}

struct PopoverHost {
    host: HtmlElement,
    app: AppHandle<Popover>,
    props: PopoverProps,
}

/// One annotated element and what was added to it.
pub struct Annotation {
    root: Element,
    index: Option<Shared>,
    source: String,
    theme: Theme,
    tally: Tally,
    /// Markers in page order.
    markers: Vec<(u32, Element)>,
    marked: Option<marks::Marked>,
    open: Option<u32>,
    popover: Option<PopoverHost>,
    listeners: Vec<events::Listener>,
    on_select: Callback<(Shared, u32)>,
}

impl Annotation {
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// The id of the article annotated.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The sentences marked in the page, in page order.
    pub fn anchored(&self) -> Vec<u32> {
        self.markers.iter().map(|(s, _)| *s).collect()
    }

    fn marker(&self, segment: u32) -> Option<&Element> {
        self.markers
            .iter()
            .find(|(s, _)| *s == segment)
            .map(|(_, m)| m)
    }

    /// Removes every mark, the panel and the listeners; the element's text nodes are as they
    /// were.
    pub fn remove(mut self) {
        self.listeners.clear();
        if let Some(p) = self.popover.take() {
            p.app.destroy();
            p.host.remove();
        }
        let markers: Vec<Element> = self.markers.drain(..).map(|(_, m)| m).collect();
        if let Some(marked) = self.marked.take() {
            marks::unmark(marked, &markers);
        }
        let _ = self.root.remove_attribute(ANCHORED_ATTR);
    }
}

/// Opens a marked sentence's panel for the page's script: focus stays where it is.
pub fn select(slot: &AnnotationSlot, segment: u32) -> bool {
    dialog::open(slot, segment, false)
}

/// Annotates every `[data-crosscheck-annotate]` element not annotated yet; returns how many
/// it started on.
#[wasm_bindgen(js_name = annotateAll)]
pub fn annotate_all() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(list) = document.query_selector_all(&format!("[{ANNOTATE_ATTR}]")) else {
        return 0;
    };
    let mut started = 0;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let known = ANNOTATED.with(|l| {
            l.try_borrow()
                .is_ok_and(|l| l.iter().any(|(e, _)| e == &el))
        });
        if known {
            continue;
        }
        let options = Options::from_element(&el);
        let _ = annotate(&el, options);
        started += 1;
    }
    started
}

/// Annotates `element` with source `options.source` of the database its options name. The
/// promise resolves to the number of sentences marked once anchoring has run.
pub fn annotate(element: &Element, options: Options) -> (AnnotationSlot, js_sys::Promise) {
    crate::install_panic_hook();
    let slot = fresh_slot(element);
    let ready = match options.database.clone() {
        Place::Url(url) => {
            let (slot, element) = (slot.clone(), element.clone());
            wasm_bindgen_futures::future_to_promise(async move {
                let loaded = database::fetch(&url).await;
                // Annotated again (or destroyed) while the file was on its way: do nothing.
                if !is_current(&slot) {
                    return Ok(JsValue::from(0));
                }
                Ok(JsValue::from(apply(&slot, &element, loaded, options)))
            })
        }
        place => {
            let loaded = database::load_now(&place, element.owner_document().as_ref());
            js_sys::Promise::resolve(&JsValue::from(apply(&slot, element, loaded, options)))
        }
    };
    (slot, ready)
}

/// `annotate` with a database the page's script gave.
pub fn annotate_loaded(
    element: &Element,
    loaded: Loaded,
    options: Options,
) -> (AnnotationSlot, js_sys::Promise) {
    crate::install_panic_hook();
    let slot = fresh_slot(element);
    let n = apply(&slot, element, loaded, options);
    (slot, js_sys::Promise::resolve(&JsValue::from(n)))
}

/// Anchors and marks; returns how many sentences were marked.
fn apply(slot: &AnnotationSlot, root: &Element, loaded: Loaded, options: Options) -> u32 {
    let index = match loaded {
        Loaded::Ready(index) => index,
        Loaded::Failed(why) => {
            warn(&format!(
                "{} {why} The article is left as it was.",
                crate::LOAD_FAILED
            ));
            return 0;
        }
        Loaded::Loading => return 0,
    };
    let source = match options.source.as_deref() {
        Some(id) => index.source_index(id),
        None => Some(0),
    };
    let Some(source) = source.filter(|&s| s < index.sources().len()) else {
        warn(&format!(
            "Crosscheck: the claim database has no article \"{}\" to annotate; the article is \
             left as it was.",
            options.source.unwrap_or_default()
        ));
        return 0;
    };
    let source_id = index.sources()[source].id.clone();
    let segments: Vec<(u32, String, bool)> = index
        .segments_of(source)
        .filter(|s| s.kind.gets_verdicts())
        .map(|s| (s.id, s.text.clone(), s.kind == SegmentKind::Claim))
        .collect();
    let (nodes, pieces) = marks::read(root);
    let page = anchor::Page::new(&pieces);
    let texts: Vec<&str> = segments.iter().map(|(_, t, _)| t.as_str()).collect();
    let anchors = anchor::anchor_all(&page, &texts);
    let claims = || {
        segments
            .iter()
            .zip(&anchors)
            .filter(|((_, _, claim), _)| *claim)
    };
    let tally = Tally {
        anchored: anchors.iter().flatten().count(),
        total: segments.len(),
        claims_anchored: claims().filter(|(_, a)| a.is_some()).count(),
        claims: claims().count(),
    };
    let mut annotation = Annotation {
        root: root.clone(),
        index: None,
        source: source_id.clone(),
        theme: options.theme,
        tally,
        markers: Vec::new(),
        marked: None,
        open: None,
        popover: None,
        listeners: Vec::new(),
        on_select: crate::api::select_event(root),
    };
    if tally.anchored == 0 {
        warn(&format!(
            "Crosscheck: none of the {} sentences of \"{source_id}\" was found in this element; \
             the article is left as it was.",
            tally.total
        ));
        if let Ok(mut s) = slot.try_borrow_mut() {
            *s = Some(annotation);
        }
        return 0;
    }
    if tally.anchored < tally.total {
        warn(&format!(
            "Crosscheck: {} of the {} sentences of \"{source_id}\" were not found in this element \
             and are not marked.",
            tally.total - tally.anchored,
            tally.total
        ));
    }
    let Some(document) = root.owner_document() else {
        return 0;
    };
    let _ = root.set_attribute(
        ANCHORED_ATTR,
        &format!("{}/{}", tally.anchored, tally.total),
    );
    sheets::adopt_document(&document, style::ANNOTATED);
    let mut placed = Vec::new();
    for ((segment, _, _), found) in segments.iter().zip(&anchors) {
        let Some(a) = found else { continue };
        if let Some(m) = marker::make(&document, &index, *segment, options.theme) {
            placed.push((*segment, *a, m));
        }
    }
    // Page order, which is not always the database's (a sentence found before the previous
    // one): Tab and `anchored()` follow what the reader sees.
    let placed = order::by_key(placed, |(_, a, _)| (a.start.node, a.start.offset));
    let marked = marks::mark(&document, root, &nodes, &pieces, &placed);
    for w in &marked.wrappers {
        let seg = w
            .get_attribute(marks::PART_ATTR)
            .and_then(|s| s.parse::<u32>().ok());
        if let Some(seg) = seg {
            let _ = w.set_attribute(COVERAGE_ATTR, marker::strongest(&index, seg));
        }
    }
    annotation.marked = Some(marked);
    annotation.markers = placed.into_iter().map(|(s, _, m)| (s, m)).collect();
    annotation.index = Some(index);
    annotation.listeners = events::listen(root, &document, Rc::downgrade(slot));
    let n = annotation.markers.len() as u32;
    if let Ok(mut s) = slot.try_borrow_mut() {
        *s = Some(annotation);
    }
    n
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}
