//! The engine in the browser: `Crosscheck.analyse(articles)` ends here, inside a Web Worker
//! (www/analyse-worker.js), so a page stays responsive while a cluster is analysed.
//!
//! This module is separate from the reader widget's and is fetched only when a page first asks
//! for an analysis, so what a news page loads does not grow. It builds without the sentence
//! encoder: its result is the database `crosscheck build --no-encoder` writes for the same
//! articles, byte for byte in JSON (the end-to-end tests compare the two).
//!
//! Nothing here panics on what a page passes: every article is checked field by field, one bad
//! article is set aside with a one-line reason, and the rest are analysed.

use std::cell::Cell;

use crosscheck::io::{read_given, Body, Given};
use crosscheck::progress::Stage;
use crosscheck::{BuildOptions, SourceMeta};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The engine version this module was built from, for a page that wants to show it.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    format!("crosscheck {}", env!("CARGO_PKG_VERSION"))
}

/// Analyses a cluster.
///
/// `articles`: an array of `{id, text, title?, outlet?, published?, url?, language?}`, where
/// `text` is an article's text, a page's HTML (it opens with `<`), or a file's bytes
/// (`Uint8Array` or `ArrayBuffer`: a page in the encoding it declares, or UTF-8 text).
/// `progress`, when a function, is called as `progress(stage, unit, done, total)` at the start
/// and end of each stage and at most once per percent between.
///
/// Returns `{json, skipped}`: the JSON export as text (the worker parses it, so every number is
/// the one the native export writes) and `[{id, message}]` for each article set aside. Throws an
/// `Error` with one line when nothing can be analysed.
#[wasm_bindgen]
pub fn analyse(articles: &JsValue, progress: &JsValue) -> Result<JsValue, JsError> {
    let list: &Array = articles
        .dyn_ref()
        .ok_or_else(|| JsError::new("analyse takes an array of articles"))?;
    let mut given = Vec::new();
    let skipped = Array::new();
    for (n, item) in list.iter().enumerate() {
        match read_article(&item) {
            Ok(g) => given.push(g),
            Err((id, message)) => {
                let id = id.unwrap_or_else(|| format!("article {}", n + 1));
                skipped.push(&skip(&id, &message));
            }
        }
    }
    let read = read_given(given).map_err(|e| JsError::new(&e.to_string()))?;
    for e in &read.skipped {
        skipped.push(&skip(&e.file.to_string_lossy(), &e.message));
    }
    if read.articles.is_empty() {
        return Err(JsError::new(
            "no article could be read (each one's reason is in skipped)",
        ));
    }
    let report = progress.dyn_ref::<js_sys::Function>().cloned();
    let last = Cell::new((None::<Stage>, usize::MAX));
    let tell = |stage: Stage, done: usize, total: usize| {
        let Some(f) = &report else { return };
        // A percent, so a 500-article build posts a few hundred messages, not a million.
        let step = done.saturating_mul(100) / total.max(1);
        let (last_stage, last_step) = last.get();
        if last_stage == Some(stage) && last_step == step && done != total {
            return;
        }
        last.set((Some(stage), step));
        let args = Array::of4(
            &JsValue::from_str(stage.label()),
            &JsValue::from_str(stage.unit()),
            &JsValue::from_f64(done as f64),
            &JsValue::from_f64(total as f64),
        );
        // A page's callback that throws must not stop the analysis.
        let _ = f.apply(&JsValue::NULL, &args);
    };
    let opts = BuildOptions {
        encoder: None,
        trace: false,
        progress: Some(&tell),
    };
    let (db, _) =
        crosscheck::build_with(&read.articles, &opts).map_err(|e| JsError::new(&e.to_string()))?;
    let out = Object::new();
    set(&out, "json", &JsValue::from_str(&db.to_json()));
    set(&out, "skipped", &skipped);
    Ok(out.into())
}

fn skip(id: &str, message: &str) -> JsValue {
    let o = Object::new();
    set(&o, "id", &JsValue::from_str(id));
    set(&o, "message", &JsValue::from_str(message));
    o.into()
}

fn set(o: &Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// One article's fields, or its id (when it has one) and what is wrong with it.
fn read_article(item: &JsValue) -> Result<Given, (Option<String>, String)> {
    if !item.is_object() {
        return Err((None, "is not an object {id, text}".into()));
    }
    let get = |key: &str| Reflect::get(item, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let id = get("id").as_string();
    let Some(id) = id.filter(|s| !s.trim().is_empty()) else {
        return Err((None, "has no id (a non-empty string)".into()));
    };
    let fail = |message: String| (Some(id.clone()), message);
    let text = get("text");
    let body = if let Some(s) = text.as_string() {
        Body::Text(s)
    } else if let Some(bytes) = text.dyn_ref::<Uint8Array>() {
        Body::Bytes(bytes.to_vec())
    } else if let Some(buf) = text.dyn_ref::<js_sys::ArrayBuffer>() {
        Body::Bytes(Uint8Array::new(buf).to_vec())
    } else {
        return Err(fail(
            "text must be a string (text or a page's HTML), a Uint8Array or an ArrayBuffer".into(),
        ));
    };
    let mut meta = SourceMeta::default();
    for (key, slot) in [
        ("title", &mut meta.title),
        ("outlet", &mut meta.outlet),
        ("url", &mut meta.url),
        ("published", &mut meta.published),
        ("language", &mut meta.language),
    ] {
        let v = get(key);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        match v.as_string() {
            Some(s) => *slot = Some(s),
            None => return Err(fail(format!("{key} must be a string when given"))),
        }
    }
    Ok(Given { id, body, meta })
}
