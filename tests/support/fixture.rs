//! The widget as a reader meets it, for the browser tests: a widget mounted into a fresh
//! container on the test page (inside a wrapper, removed again when the fixture drops), its
//! shadow root queried, and clicks and keys dispatched the way a browser dispatches them
//! (bubbling, composed, so they cross the shadow boundary).
//!
//! Shared by several test binaries through `#[path]`, each of which uses some of it; the binary
//! declares `mod settle` (`support/settle.rs`) beside this module.
#![allow(dead_code)]

use crosscheck_model::{Database, Segment, SegmentKind, Source};
use crosscheck_widget::{mount, Mounted, Options, EMBEDDED_DB};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, MouseEvent, ShadowRoot};

pub struct Fixture {
    /// The container's parent: it sets the width when one is asked for (the container itself
    /// cannot be sized by the host: the widget's `:host` rule resets it).
    pub wrapper: Element,
    pub container: Element,
    mounted: Option<Mounted>,
}

impl Fixture {
    /// A widget as wide as the test page.
    pub async fn new(bytes: &[u8], options: Options) -> Fixture {
        Fixture::mounted(bytes, options, None, true).await
    }

    /// A widget as its first render leaves it, before what waits for an idle moment.
    pub async fn first_render(bytes: &[u8], options: Options) -> Fixture {
        Fixture::mounted(bytes, options, None, false).await
    }

    /// A widget in a wrapper `width_px` wide.
    pub async fn with_width(bytes: &[u8], options: Options, width_px: u32) -> Fixture {
        Fixture::mounted(bytes, options, Some(width_px), true).await
    }

    async fn mounted(
        bytes: &[u8],
        options: Options,
        width_px: Option<u32>,
        settle: bool,
    ) -> Fixture {
        let doc = web_sys::window().unwrap().document().unwrap();
        let wrapper = doc.create_element("div").unwrap();
        if let Some(w) = width_px {
            wrapper
                .set_attribute("style", &format!("width: {w}px"))
                .unwrap();
        }
        wrapper.set_attribute("data-test-wrapper", "").unwrap();
        let container = doc.create_element("div").unwrap();
        container.set_attribute("data-crosscheck", "").unwrap();
        wrapper.append_child(&container).unwrap();
        doc.body().unwrap().append_child(&wrapper).unwrap();
        let mounted = mount(&container, bytes, options).expect("mounts");
        yew::scheduler::flush().await;
        if settle {
            crate::settle::matrix_drawn(&container).await;
        }
        Fixture {
            wrapper,
            container,
            mounted: Some(mounted),
        }
    }

    pub fn root(&self) -> ShadowRoot {
        self.container.shadow_root().expect("an open shadow root")
    }

    pub fn q(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }

    pub fn qa(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn must(&self, selector: &str) -> Element {
        self.q(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub fn active(&self) -> Option<Element> {
        self.root().active_element()
    }

    pub fn shown_article(&self) -> String {
        attr(&self.must("[data-article]"), "data-article")
    }

    /// The sentence whose panel is open.
    pub fn open_panel(&self) -> Option<String> {
        self.q("[data-panel]").map(|p| attr(&p, "data-panel"))
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.unmount();
        }
        self.wrapper.remove();
    }
}

/// Dispatches a bubbling, composed click; returns false if a handler cancelled it.
pub fn click(el: &Element) -> bool {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap()
}

/// Dispatches a bubbling, composed keydown; returns false if a handler cancelled it (so the
/// browser's default action, such as scrolling the page, would not happen).
pub fn key(el: &Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap()
}

pub fn focus(el: &Element) {
    el.dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .focus()
        .unwrap();
}

pub fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

pub fn seg_id(el: &Element) -> u32 {
    attr(el, "data-segment")
        .parse()
        .expect("numeric data-segment")
}

/// The database the widget embeds (the seeds), decoded.
pub fn db() -> Database {
    Database::from_bin(EMBEDDED_DB).expect("the embedded database decodes")
}

/// A report with only its text, outlet, date and language: what hand-made test databases need.
pub fn source(id: &str, text: &str) -> Source {
    Source {
        id: id.into(),
        title: None,
        outlet: Some(format!("Outlet {}", id.to_uppercase())),
        url: None,
        published: Some("2024-01-02".into()),
        language: Some("en".into()),
        text: text.into(),
    }
}

/// The segment of `src` that is `part` (its first occurrence).
pub fn segment(id: u32, src: &Source, part: &str, kind: SegmentKind, paragraph: u32) -> Segment {
    let start = src.text.find(part).expect("part of the source");
    Segment {
        id,
        source: src.id.clone(),
        text: part.into(),
        start,
        end: start + part.len(),
        kind,
        paragraph,
    }
}

/// Where `part` first occurs in `text`.
pub fn span(text: &str, part: &str) -> (usize, usize) {
    let s = text.find(part).expect("part of the text");
    (s, s + part.len())
}
