//! The widget as a reader meets it, for the browser tests: a widget mounted into a fresh
//! container on the test page (removed again when the fixture drops), its shadow root queried,
//! and clicks and keys dispatched the way a browser dispatches them (bubbling, composed, so
//! they cross the shadow boundary).
//!
//! Shared by several test binaries through `#[path]`, each of which uses some of it; the binary
//! declares `mod settle` (`support/settle.rs`) beside this module.
#![allow(dead_code)]

use crosscheck_model::Database;
use crosscheck_widget::{mount, Mounted, Options, EMBEDDED_DB};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, MouseEvent, ShadowRoot};

pub struct Fixture {
    pub container: Element,
    mounted: Option<Mounted>,
}

impl Fixture {
    pub async fn new(bytes: &[u8], options: Options) -> Fixture {
        let doc = web_sys::window().unwrap().document().unwrap();
        let container = doc.create_element("div").unwrap();
        container.set_attribute("data-crosscheck", "").unwrap();
        doc.body().unwrap().append_child(&container).unwrap();
        let mounted = mount(&container, bytes, options).expect("mounts");
        yew::scheduler::flush().await;
        crate::settle::matrix_drawn(&container).await;
        Fixture {
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
        self.must("[data-article]")
            .get_attribute("data-article")
            .unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.unmount();
        }
        self.container.remove();
    }
}

pub fn click(el: &Element) {
    let ev = MouseEvent::new("click").unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev2 = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap_or(ev);
    el.dispatch_event(&ev2).unwrap();
}

pub fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
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
