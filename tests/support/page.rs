//! The test page around a widget, for the browser tests of what an embedding site relies on:
//! the page's own furniture and listeners (`Host`), a stylesheet of its own (`HostSheet`),
//! pointer events, and small JavaScript calls for what web-sys is not built with here
//! (computed styles, layout boxes, globals).
//!
//! Shared by several test binaries through `#[path]`, each of which uses some of it; the binary
//! declares `mod fixture` (`support/fixture.rs`) beside this module.
#![allow(dead_code)]

use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, MouseEvent};

use crate::fixture::{click, key};

/// The width these tests mount a widget at: a desktop column, where the panel sits beside
/// the article.
pub const WIDTH: u32 = 900;

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Dispatches the events a pointer moving over `el` fires (inline `on…` handlers would run).
pub fn hover(el: &Element) {
    for kind in [
        "mouseover",
        "mouseenter",
        "mousemove",
        "mouseout",
        "mouseleave",
    ] {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(kind != "mouseenter" && kind != "mouseleave");
        init.set_composed(true);
        let ev = MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }
}

/// A small JavaScript function, for the DOM calls web-sys is not built with here
/// (computed styles, layout boxes, globals). The test page has no CSP.
pub fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

pub fn global(name: &str) -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &JsValue::from_str(name)).unwrap()
}

pub fn set_global(name: &str, value: &JsValue) {
    Reflect::set(&web_sys::window().unwrap(), &JsValue::from_str(name), value).unwrap();
}

/// The properties of two `look`s of one element that differ, as "name: before -> after".
pub fn restyled(before: &[(String, String)], after: &[(String, String)]) -> Vec<String> {
    before
        .iter()
        .zip(after)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| format!("{}: {} -> {}", x.0, x.1, y.1))
        .collect()
}

/// The computed style properties and layout size of `el` that hostile host CSS would change.
pub fn look(el: &Element) -> Vec<(String, String)> {
    let f = js(
        "el",
        r#"const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const props = ['display', 'visibility', 'color', 'background-color', 'font-size',
          'font-family', 'font-weight', 'line-height', 'letter-spacing', 'text-transform',
          'border-top-width', 'border-top-style', 'border-top-color', 'padding-top',
          'padding-left', 'margin-top', 'outline-style', 'box-sizing', 'fill', 'opacity'];
        const out = props.map(p => [p, s.getPropertyValue(p)]);
        out.push(['width', r.width.toFixed(2)], ['height', r.height.toFixed(2)]);
        return JSON.stringify(out);"#,
    );
    let json = f.call1(&JsValue::NULL, el).unwrap().as_string().unwrap();
    serde_json::from_str(&json).unwrap()
}

pub fn number(el: &Element, expr: &str) -> f64 {
    js("el", &format!("return {expr};"))
        .call1(&JsValue::NULL, el)
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Adds a `<style>` to the test page's head; removed on drop.
pub struct HostSheet(Element);

impl HostSheet {
    pub fn new(css: &str) -> HostSheet {
        let doc = document();
        let style = doc.create_element("style").unwrap();
        style.set_text_content(Some(css));
        doc.head().unwrap().append_child(&style).unwrap();
        HostSheet(style)
    }
}

impl Drop for HostSheet {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Host page furniture outside every widget: a heading, a paragraph, a button whose click
/// handler counts, an input, and `document`-level click and keydown listeners that log what
/// reaches them. Removed on drop.
pub struct Host {
    area: Element,
}

impl Host {
    pub fn new() -> Host {
        let doc = document();
        let area = doc.create_element("section").unwrap();
        area.set_attribute("id", "host-area").unwrap();
        area.set_inner_html(
            "<h2 class=\"cc panel\">Host heading</h2>\
             <p id=\"host-text\">Host page text that must not change.</p>\
             <button id=\"host-button\" type=\"button\">Host button</button>\
             <input id=\"host-input\" value=\"host\">",
        );
        doc.body().unwrap().append_child(&area).unwrap();
        js(
            "",
            r#"window.__hostClicks = 0;
            window.__hostLog = [];
            document.getElementById('host-button')
              .addEventListener('click', () => { window.__hostClicks += 1; });
            const log = (e) => window.__hostLog.push({
              type: e.type, key: e.key || '', prevented: e.defaultPrevented,
              inWidget: e.composedPath().some(n => n.hasAttribute && n.hasAttribute('data-crosscheck')),
            });
            window.__hostListener = log;
            document.addEventListener('click', log);
            document.addEventListener('keydown', log);"#,
        )
        .call0(&JsValue::NULL)
        .unwrap();
        Host { area }
    }

    pub fn html(&self) -> String {
        self.area.outer_html()
    }

    pub fn button(&self) -> Element {
        document().get_element_by_id("host-button").unwrap()
    }

    pub fn input(&self) -> Element {
        document().get_element_by_id("host-input").unwrap()
    }

    pub fn clicks(&self) -> f64 {
        global("__hostClicks").as_f64().unwrap_or(-1.0)
    }

    /// What reached the `document` listeners: (type, key, defaultPrevented, from inside a widget).
    pub fn log(&self) -> Vec<(String, String, bool, bool)> {
        let json = js("", "return JSON.stringify(window.__hostLog);")
            .call0(&JsValue::NULL)
            .unwrap()
            .as_string()
            .unwrap();
        let v: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        v.iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap_or_default().to_string(),
                    e["key"].as_str().unwrap_or_default().to_string(),
                    e["prevented"].as_bool().unwrap_or_default(),
                    e["inWidget"].as_bool().unwrap_or_default(),
                )
            })
            .collect()
    }

    pub fn clear_log(&self) {
        js("", "window.__hostLog = [];")
            .call0(&JsValue::NULL)
            .unwrap();
    }

    /// The host page still works: its button's handler fires, its listeners hear it.
    pub fn assert_alive(&self, context: &str) {
        let before = self.clicks();
        self.clear_log();
        assert!(click(&self.button()), "{context}: host click was cancelled");
        assert_eq!(self.clicks(), before + 1.0, "{context}: host click handler");
        assert!(key(&self.input(), "a"), "{context}: host key was cancelled");
        let log = self.log();
        assert!(
            log.iter().any(|(t, _, p, w)| t == "click" && !*p && !*w),
            "{context}: document click listener: {log:?}"
        );
        assert!(
            log.iter()
                .any(|(t, k, p, w)| t == "keydown" && k == "a" && !*p && !*w),
            "{context}: document keydown listener: {log:?}"
        );
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = js(
            "",
            r#"document.removeEventListener('click', window.__hostListener);
            document.removeEventListener('keydown', window.__hostListener);"#,
        )
        .call0(&JsValue::NULL);
        self.area.remove();
    }
}
