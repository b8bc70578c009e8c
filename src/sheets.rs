//! Stylesheets without a CSP exception: constructable stylesheets, built once per page and
//! adopted by every shadow root (and, for annotate mode's few rules, by the document), with a
//! `<style>` element only where a browser lacks them.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

thread_local! {
    /// One sheet object per stylesheet text, shared by every root that adopts it.
    static SHEETS: RefCell<Vec<(&'static str, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

fn sheet(css: &'static str) -> Option<CssStyleSheet> {
    SHEETS.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        if let Some((_, sheet)) = s.iter().find(|(c, _)| std::ptr::eq(*c, css)) {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(css).ok()?;
        s.push((css, sheet.clone()));
        Some(sheet)
    })
}

/// Gives a shadow root these stylesheets, in order, replacing what it had adopted.
pub fn adopt(root: &ShadowRoot, css: &[&'static str]) -> Result<(), JsValue> {
    let sheets: Option<Vec<CssStyleSheet>> = css.iter().map(|c| sheet(c)).collect();
    match sheets {
        Some(sheets) => {
            let array = js_sys::Array::new();
            for s in sheets {
                array.push(&s);
            }
            root.set_adopted_style_sheets(&array);
            Ok(())
        }
        None => {
            let doc = root
                .owner_document()
                .ok_or_else(|| JsValue::from_str("no document"))?;
            for c in css {
                let el = doc.create_element("style")?;
                el.set_text_content(Some(c));
                root.append_child(&el)?;
            }
            Ok(())
        }
    }
}

/// Adds a stylesheet to the document's adopted ones, once; the page's own are kept.
pub fn adopt_document(document: &Document, css: &'static str) {
    let Some(sheet) = sheet(css) else {
        return;
    };
    let current = document.adopted_style_sheets();
    if current.includes(&sheet, 0) {
        return;
    }
    // A copy: some browsers (Chromium before 99) give a frozen array, where `push` throws.
    let sheets = js_sys::Array::from(&current);
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
}
