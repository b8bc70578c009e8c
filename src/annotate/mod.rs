//! Annotate mode: the publisher's own article made clickable. On
//! `<article data-crosscheck-annotate data-source="ID">` (any element works), every claim and
//! headline of source ID is found in the element's text (`anchor`), marked in place without
//! moving anything (`marks`), and opens the reader box's panel in a floating dialog
//! (`components::popover`) on click, Enter or Space. Escape, the Close button or a click
//! elsewhere closes it, and focus returns to the sentence's marker.
//!
//! Failure is quiet by design: the page is the publisher's. Sentences that cannot be found are
//! counted (`data-crosscheck-anchored="found/total"` on the element once something is marked)
//! and logged once; a page where nothing is found, or whose database cannot be read, is left
//! exactly as it was, with one console warning.

pub mod anchor;
pub mod marks;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, KeyboardEvent};
use yew::{AppHandle, Callback};

use crate::components::popover::{Popover, PopoverProps};
use crate::database::{self, Place};
use crosscheck_model::SegmentKind;

use crate::state::{Loaded, Shared, Theme};
use crate::{sheets, style, Options};

/// The attribute that asks for annotate mode.
pub const ANNOTATE_ATTR: &str = "data-crosscheck-annotate";
/// Written on the element once anchoring ran: `found/total` claim and headline sentences.
pub const ANCHORED_ATTR: &str = "data-crosscheck-anchored";
/// On a marked sentence's wrappers while its panel is open.
const OPEN_ATTR: &str = "data-crosscheck-open";
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

/// A new, registered slot for `element`, after removing an earlier annotation of it.
fn fresh_slot(element: &Element) -> AnnotationSlot {
    let old: Vec<AnnotationSlot> = ANNOTATED.with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return Vec::new();
        };
        let (gone, kept): (Vec<_>, Vec<_>) = l.drain(..).partition(|(e, _)| e == element);
        *l = kept;
        gone.into_iter().map(|(_, s)| s).collect()
    });
    for slot in old {
        let taken = slot.try_borrow_mut().ok().and_then(|mut a| a.take());
        if let Some(a) = taken {
            a.remove();
        }
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
    let taken = slot.try_borrow_mut().ok().and_then(|mut a| a.take());
    if let Some(a) = taken {
        a.remove();
    }
}

fn is_current(slot: &AnnotationSlot) -> bool {
    ANNOTATED.with(|l| {
        l.try_borrow()
            .is_ok_and(|l| l.iter().any(|(_, s)| Rc::ptr_eq(s, slot)))
    })
}

/// An event listener removed when dropped.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    fn new(target: &EventTarget, kind: &'static str, f: impl FnMut(Event) + 'static) -> Listener {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
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
    markers: Vec<(u32, Element)>,
    open: Option<u32>,
    popover: Option<PopoverHost>,
    listeners: Vec<Listener>,
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

    /// The sentences marked in the page, in reading order.
    pub fn anchored(&self) -> Vec<u32> {
        self.markers.iter().map(|(s, _)| *s).collect()
    }

    fn marker(&self, segment: u32) -> Option<&Element> {
        self.markers
            .iter()
            .find(|(s, _)| *s == segment)
            .map(|(_, m)| m)
    }

    /// Removes every mark, the panel and the listeners; the element's text is as it was.
    pub fn remove(mut self) {
        self.listeners.clear();
        if let Some(p) = self.popover.take() {
            p.app.destroy();
            p.host.remove();
        }
        marks::unmark(&self.root);
        let _ = self.root.remove_attribute(ANCHORED_ATTR);
    }
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
        if let Some(marker) = make_marker(&document, &index, *segment) {
            placed.push((*segment, *a, marker));
        }
    }
    let wrappers = marks::mark(&document, &nodes, &pieces, &placed);
    for w in &wrappers {
        let seg = w
            .get_attribute(marks::PART_ATTR)
            .and_then(|s| s.parse::<u32>().ok());
        if let Some(seg) = seg {
            let _ = w.set_attribute(COVERAGE_ATTR, strongest(&index, seg));
        }
    }
    annotation.markers = placed.into_iter().map(|(s, _, m)| (s, m)).collect();
    annotation.index = Some(index);
    annotation.listeners = listen(root, &document, Rc::downgrade(slot));
    let n = annotation.markers.len() as u32;
    if let Ok(mut s) = slot.try_borrow_mut() {
        *s = Some(annotation);
    }
    n
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The coverage a sentence is shown with: differs wins, then corroborates, else omits.
fn strongest(index: &crate::index::Index, segment: u32) -> &'static str {
    let c = index.coverage(segment);
    if c.differs > 0 {
        "differs"
    } else if c.corroborates > 0 {
        "corroborates"
    } else {
        "omits"
    }
}

/// The marker after a sentence: a zero-width button whose shadow root holds the badge.
fn make_marker(document: &Document, index: &Shared, segment: u32) -> Option<Element> {
    let c = index.coverage(segment);
    let m = document.create_element(marks::MARK_TAG).ok()?;
    m.set_attribute("data-segment", &segment.to_string()).ok()?;
    m.set_attribute("role", "button").ok()?;
    m.set_attribute("tabindex", "0").ok()?;
    m.set_attribute("aria-haspopup", "dialog").ok()?;
    m.set_attribute("aria-expanded", "false").ok()?;
    m.set_attribute("title", &c.spoken()).ok()?;
    let root = m
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    sheets::adopt(&root, &[style::MARK]).ok()?;
    let (class, sym, n) = match strongest(index, segment) {
        "differs" => ("k-dif", "≠", c.differs),
        "corroborates" => ("k-cor", "✓", c.corroborates),
        _ => ("k-omi", "∅", c.omits),
    };
    let badge = document.create_element("span").ok()?;
    badge.set_class_name(&format!("badge {class}"));
    badge.set_attribute("aria-hidden", "true").ok()?;
    let one = document.create_element("span").ok()?;
    one.set_class_name("one");
    one.set_text_content(Some(&format!("{sym}{n}")));
    let all = document.create_element("span").ok()?;
    all.set_class_name("all");
    all.set_text_content(Some(&format!(
        "✓{} ≠{} ∅{}",
        c.corroborates, c.differs, c.omits
    )));
    badge.append_child(&one).ok()?;
    badge.append_child(&all).ok()?;
    // The button's name comes from this text (an `aria-label` would not match the visible
    // glyphs, which speech-input users read out to click).
    let spoken = document.create_element("span").ok()?;
    spoken.set_class_name("sr-only");
    spoken.set_text_content(Some(&format!("Cross-check this sentence: {}", c.spoken())));
    root.append_child(&spoken).ok()?;
    root.append_child(&badge).ok()?;
    Some(m)
}

/// The segment a click or key in the article is about: its marker or a marked sentence.
fn segment_of(target: Option<EventTarget>) -> Option<(u32, bool)> {
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

fn listen(root: &Element, document: &Document, slot: WeakSlot) -> Vec<Listener> {
    let mut out = Vec::new();
    {
        let slot = slot.clone();
        out.push(Listener::new(root, "click", move |e: Event| {
            if let Some((seg, _)) = segment_of(e.target()) {
                // A link inside a sentence keeps working: only plain text opens the panel.
                let on_link = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| {
                        t.closest("a[href], button, input, select, textarea")
                            .ok()
                            .flatten()
                    })
                    .is_some();
                if !on_link {
                    toggle(&slot, seg);
                }
            }
        }));
    }
    {
        let slot = slot.clone();
        out.push(Listener::new(root, "keydown", move |e: Event| {
            let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            match (k.key().as_str(), segment_of(e.target())) {
                ("Enter" | " " | "Spacebar", Some((seg, true))) => {
                    e.prevent_default();
                    toggle(&slot, seg);
                }
                ("Escape" | "Esc", _) if close(&slot, true) => e.prevent_default(),
                _ => {}
            }
        }));
    }
    {
        // A click anywhere else on the page closes the panel, leaving focus where it went.
        let slot = slot.clone();
        out.push(Listener::new(document, "click", move |e: Event| {
            if segment_of(e.target()).is_some() || in_popover(&slot, &e) {
                return;
            }
            close(&slot, false);
        }));
    }
    if let Some(window) = web_sys::window() {
        out.push(Listener::new(&window, "resize", move |_| {
            if let Some(rc) = slot.upgrade() {
                if let Ok(a) = rc.try_borrow() {
                    if let Some(a) = a.as_ref() {
                        a.place();
                    }
                }
            }
        }));
    }
    out
}

fn in_popover(slot: &WeakSlot, e: &Event) -> bool {
    let Some(rc) = slot.upgrade() else {
        return false;
    };
    let Ok(a) = rc.try_borrow() else {
        return false;
    };
    let Some(p) = a.as_ref().and_then(|a| a.popover.as_ref()) else {
        return false;
    };
    e.composed_path().includes(&p.host, 0)
}

/// Opens a sentence's panel, or closes it if it is the open one.
pub fn toggle(slot: &WeakSlot, segment: u32) {
    let Some(rc) = slot.upgrade() else {
        return;
    };
    let is_open = rc
        .try_borrow()
        .is_ok_and(|a| a.as_ref().is_some_and(|a| a.open == Some(segment)));
    if is_open {
        close(slot, true);
    } else {
        open(&rc, segment);
    }
}

/// Opens the panel of a marked sentence; false when it is not marked here.
pub fn open(rc: &AnnotationSlot, segment: u32) -> bool {
    let event = {
        let Ok(mut guard) = rc.try_borrow_mut() else {
            return false;
        };
        let Some(a) = guard.as_mut() else {
            return false;
        };
        let Some(index) = a.index.clone() else {
            return false;
        };
        if a.marker(segment).is_none() {
            return false;
        }
        a.highlight(None);
        a.open = Some(segment);
        a.highlight(Some(segment));
        a.show_popover(&Rc::downgrade(rc), index.clone(), segment);
        (a.on_select.clone(), index)
    };
    // After the borrow ends: a page listener may call back into the annotation.
    event.0.emit((event.1, segment));
    true
}

/// Closes the open panel; with `refocus`, focus returns to the sentence's marker. False when
/// nothing was open.
pub fn close(slot: &WeakSlot, refocus: bool) -> bool {
    let Some(rc) = slot.upgrade() else {
        return false;
    };
    let Ok(mut guard) = rc.try_borrow_mut() else {
        return false;
    };
    let Some(a) = guard.as_mut() else {
        return false;
    };
    let Some(seg) = a.open else {
        return false;
    };
    a.highlight(None);
    a.open = None;
    if let Some(p) = a.popover.as_mut() {
        p.props.segment = None;
        p.app.update(p.props.clone());
        let _ = p.host.set_attribute("hidden", "");
    }
    if refocus {
        if let Some(m) = a.marker(seg) {
            crate::dom::focus(m);
        }
    }
    true
}

impl Annotation {
    /// Marks the open sentence's wrappers and its marker; `None` clears them all.
    fn highlight(&self, segment: Option<u32>) {
        let Some(seg) = segment.or(self.open) else {
            return;
        };
        let on = segment.is_some();
        if let Ok(list) = self
            .root
            .query_selector_all(&format!("[{}=\"{seg}\"]", marks::PART_ATTR))
        {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = if on {
                        el.set_attribute(OPEN_ATTR, "")
                    } else {
                        el.remove_attribute(OPEN_ATTR)
                    };
                }
            }
        }
        if let Some(m) = self.marker(seg) {
            let _ = m.set_attribute("aria-expanded", if on { "true" } else { "false" });
        }
    }

    fn show_popover(&mut self, slot: &WeakSlot, index: Shared, segment: u32) {
        let Some(document) = self.root.owner_document() else {
            return;
        };
        if self.popover.is_none() {
            self.popover = make_popover(&document, slot.clone(), index.clone(), self.theme);
            if let Some(p) = &self.popover {
                self.listeners.push(tab_out(&p.host, slot.clone()));
            }
        }
        let Some(p) = self.popover.as_mut() else {
            return;
        };
        let _ = p.host.remove_attribute("hidden");
        p.props.segment = Some(segment);
        p.app.update(p.props.clone());
        self.place();
    }

    /// Puts the panel beside the article if there is room, else under the sentence; narrow
    /// screens get a bottom sheet from the stylesheet instead.
    fn place(&self) {
        let (Some(p), Some(seg)) = (&self.popover, self.open) else {
            return;
        };
        let Some(marker) = self.marker(seg) else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let vw = window
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        let (sx, sy) = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        let width = 420f64.min(vw - 16.0);
        let line = marker.get_bounding_client_rect();
        let article = self.root.get_bounding_client_rect();
        let (left, top) = if vw - article.right() >= width + 24.0 {
            (article.right() + 16.0, line.top() - 24.0)
        } else {
            let left = (line.left() - width / 2.0).clamp(8.0, (vw - width - 8.0).max(8.0));
            (left, line.bottom() + 10.0)
        };
        let style = p.host.style();
        let _ = style.set_property("left", &format!("{}px", (left + sx).round() as i64));
        let _ = style.set_property("top", &format!("{}px", (top + sy).max(0.0).round() as i64));
    }
}

fn make_popover(
    document: &Document,
    slot: WeakSlot,
    index: Shared,
    theme: Theme,
) -> Option<PopoverHost> {
    let host: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    host.set_attribute("data-crosscheck-popover", "").ok()?;
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    sheets::adopt(&root, &[style::CSS, style::POPOVER]).ok()?;
    let mount = document.create_element("div").ok()?;
    root.append_child(&mount).ok()?;
    document.body()?.append_child(&host).ok()?;
    let close_slot = slot.clone();
    let props = PopoverProps {
        index,
        segment: None,
        theme,
        on_close: Callback::from(move |()| {
            close(&close_slot, true);
        }),
    };
    let app = yew::Renderer::<Popover>::with_root_and_props(mount, props.clone()).render();
    Some(PopoverHost { host, app, props })
}

/// Tab past the panel's last control goes on to the next marked sentence, and Shift+Tab
/// before its first goes back to this one: the dialog's element sits at the end of the page,
/// but in reading order it belongs right after its sentence.
fn tab_out(host: &HtmlElement, slot: WeakSlot) -> Listener {
    let shadow = host.shadow_root();
    Listener::new(host, "keydown", move |e: Event| {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if k.key() != "Tab" {
            return;
        }
        let Some(shadow) = &shadow else {
            return;
        };
        let Ok(list) =
            shadow.query_selector_all("button, a[href], [tabindex]:not([tabindex=\"-1\"])")
        else {
            return;
        };
        let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1)))
        else {
            return;
        };
        let active: Option<web_sys::Node> = shadow.active_element().map(Into::into);
        let at = |n: &web_sys::Node| active.as_ref() == Some(n);
        let forward = !k.shift_key();
        if (forward && at(&last)) || (!forward && at(&first)) {
            e.prevent_default();
            leave(&slot, forward);
        }
    })
}

/// Closes the panel and moves focus to the open sentence's marker, or the one after it.
fn leave(slot: &WeakSlot, forward: bool) {
    let Some(rc) = slot.upgrade() else {
        return;
    };
    let target = {
        let Ok(guard) = rc.try_borrow() else {
            return;
        };
        let Some(a) = guard.as_ref() else {
            return;
        };
        let Some(pos) = a
            .open
            .and_then(|o| a.markers.iter().position(|(s, _)| *s == o))
        else {
            return;
        };
        let next = if forward { pos + 1 } else { pos };
        a.markers
            .get(next)
            .or(a.markers.get(pos))
            .map(|(_, m)| m.clone())
    };
    close(slot, false);
    if let Some(m) = target {
        crate::dom::focus(&m);
    }
}
