//! Browser tests of what a publisher's own script and page use: the JS API (`mount`,
//! `select`, `verdicts`, `destroy`, the `crosscheck:select` event) and the ways a page gives a
//! widget its story's database (a JSON export object, an inline script, a file), including
//! the bad ones.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test api`
//! (or `GECKODRIVER=$(which geckodriver)` for Firefox).
#![cfg(target_arch = "wasm32")]

#[path = "support/settle.rs"]
mod settle;

use std::cell::RefCell;
use std::rc::Rc;

use crosscheck_model::{Database, SegmentKind, Verdict, DB_VERSION};
use crosscheck_widget::api::{mount_js, Handle, SELECT_EVENT};
use crosscheck_widget::{mount_place, Options, EMBEDDED_DB};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- helpers

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element in the page, removed when dropped.
struct Host(Element);

impl Host {
    fn new() -> Host {
        let el = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        Host(el)
    }

    fn q(&self, selector: &str) -> Option<Element> {
        self.0.shadow_root()?.query_selector(selector).unwrap()
    }

    fn text(&self) -> String {
        self.0
            .shadow_root()
            .and_then(|r| r.text_content())
            .unwrap_or_default()
    }

    fn shown_article(&self) -> String {
        self.q("[data-article]")
            .and_then(|e| e.get_attribute("data-article"))
            .unwrap_or_default()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn seeds() -> Database {
    Database::from_bin(EMBEDDED_DB).expect("the embedded database decodes")
}

/// The seeds as a page's script would hold them: `JSON.parse` of the JSON export.
fn seeds_js() -> JsValue {
    js_sys::JSON::parse(&seeds().to_json()).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

async fn ready(handle: &Handle, host: &Host) -> bool {
    let ok = JsFuture::from(handle.ready()).await.unwrap();
    settle::matrix_drawn(&host.0).await;
    ok.as_bool().expect("ready resolves to a boolean")
}

/// A claim of the second seed article, and the ids of the other articles.
fn a_claim_of(db: &Database, source: usize) -> u32 {
    let id = &db.sources[source].id;
    db.segments
        .iter()
        .find(|s| &s.source == id && s.kind == SegmentKind::Claim)
        .expect("the article has a claim")
        .id
}

/// Verdicts as the JS API gives them, each with whether its score was `null`: an omission the
/// database leaves implicit, filled in by the widget (read here with score 0).
fn verdicts_from_js(value: &JsValue) -> Vec<(Verdict, bool)> {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a list");
    list.into_iter()
        .map(|mut v| {
            let filled = v["score"].is_null();
            if filled {
                v["score"] = serde_json::json!(0.0);
            }
            let v: Verdict =
                serde_json::from_value(v).expect("verdicts are shaped like the JSON export's");
            (v, filled)
        })
        .collect()
}

/// Records the `detail` of every `crosscheck:select` event the element receives.
fn record_selects(el: &Element) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        if let Some(ce) = e.dyn_ref::<CustomEvent>() {
            sink.borrow_mut().push(ce.detail());
        }
    });
    el.add_event_listener_with_callback(SELECT_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        js_sys::Reflect::get(&v, &JsValue::from_str(k)).unwrap()
    })
}

// ---------------------------------------------------------------- the JS API

#[wasm_bindgen_test]
async fn mount_with_a_json_export_object_shows_it_and_reports_its_verdicts() {
    let db = seeds();
    let host = Host::new();
    let second = db.sources[1].id.clone();
    let handle = mount_js(
        host.0.clone(),
        options(&[
            ("database", seeds_js()),
            ("source", JsValue::from_str(&second)),
        ]),
    )
    .expect("mounts");
    assert!(ready(&handle, &host).await, "the database is shown");
    assert_eq!(
        host.shown_article(),
        second,
        "the `source` option picks the article"
    );

    // A claim some other report omits, so a filled-in omission is checked too.
    let claim = db
        .segments
        .iter()
        .filter(|s| s.source == second && s.kind == SegmentKind::Claim)
        .map(|s| s.id)
        .find(|&id| db.verdicts.iter().filter(|v| v.segment == id).count() < db.sources.len() - 1)
        .expect("some claim of the article is omitted by another report");
    // One per other source, in the database's order: the stored verdict, else the omission
    // the database leaves implicit.
    let expected: Vec<(Verdict, bool)> = db
        .sources
        .iter()
        .filter(|s| s.id != second)
        .map(|s| {
            match db
                .verdicts
                .iter()
                .find(|v| v.segment == claim && v.other == s.id)
            {
                Some(v) => (v.clone(), false),
                None => (crosscheck_widget::index::implicit_omits(claim, &s.id), true),
            }
        })
        .collect();
    assert_eq!(verdicts_from_js(&handle.verdicts(claim)), expected);
    assert!(
        handle.verdicts(u32::MAX).is_null(),
        "an unknown sentence has no verdicts"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn select_opens_the_panel_without_taking_focus_and_fires_the_event() {
    let db = seeds();
    let host = Host::new();
    let seen = record_selects(&host.0);
    let handle = mount_js(host.0.clone(), options(&[])).expect("mounts the embedded seeds");
    assert!(ready(&handle, &host).await);

    let claim = a_claim_of(&db, 1);
    let focused_before = document().active_element();
    assert!(handle.select(claim), "the sentence exists");
    yew::scheduler::flush().await;
    let panel = host.q("[data-panel]").expect("the panel is open");
    assert_eq!(
        panel.get_attribute("data-panel").unwrap(),
        claim.to_string()
    );
    assert_eq!(
        host.shown_article(),
        db.sources[1].id,
        "its article is shown"
    );
    assert_eq!(
        document().active_element(),
        focused_before,
        "focus stays where it was"
    );

    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "one event per opened sentence");
    let detail = &seen[0];
    assert_eq!(
        get(detail, &["segment", "id"]).as_f64(),
        Some(f64::from(claim))
    );
    assert_eq!(
        get(detail, &["source"]).as_string(),
        Some(db.sources[1].id.clone())
    );
    assert_eq!(
        verdicts_from_js(&get(detail, &["verdicts"])).len(),
        db.sources.len() - 1
    );
    assert!(!handle.select(u32::MAX), "an unknown sentence is refused");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_readers_click_fires_the_event_too() {
    let host = Host::new();
    let seen = record_selects(&host.0);
    let handle = mount_js(host.0.clone(), options(&[])).expect("mounts");
    assert!(ready(&handle, &host).await);
    let sentence = host.q("[data-segment]").expect("a clickable sentence");
    let id: f64 = sentence
        .get_attribute("data-segment")
        .unwrap()
        .parse()
        .unwrap();
    sentence.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1);
    assert_eq!(get(&seen[0], &["segment", "id"]).as_f64(), Some(id));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn destroy_removes_the_widget_and_mounting_again_replaces_it() {
    let host = Host::new();
    let first = mount_js(host.0.clone(), options(&[])).expect("mounts");
    assert!(ready(&first, &host).await);
    let second = mount_js(
        host.0.clone(),
        options(&[("theme", JsValue::from_str("dark"))]),
    )
    .expect("mounts again");
    assert!(ready(&second, &host).await);
    let roots = host.0.shadow_root().unwrap().child_element_count();
    assert_eq!(roots, 1, "the first widget is gone, not hidden");
    assert!(host.q(".theme-dark").is_some());
    assert!(
        first.verdicts(0).is_null(),
        "a replaced widget's handle is inert"
    );
    second.destroy();
    assert_eq!(host.text(), "", "destroy leaves nothing behind");
    assert!(!second.select(0));
}

// ---------------------------------------------------------------- databases a page gives

/// Puts `json` in the page as an inline database, removed when dropped.
struct Inline(Element);

impl Inline {
    fn new(id: Option<&str>, json: &str) -> Inline {
        let s = document().create_element("script").unwrap();
        s.set_attribute("type", "application/json").unwrap();
        s.set_attribute("data-crosscheck-db", "").unwrap();
        if let Some(id) = id {
            s.set_id(id);
        }
        s.set_text_content(Some(json));
        document().body().unwrap().append_child(&s).unwrap();
        Inline(s)
    }
}

impl Drop for Inline {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// The seeds without their first article, so a test can tell it from the embedded copy.
fn seeds_without_first() -> Database {
    let mut db = seeds();
    let gone = db.sources.remove(0).id;
    db.segments.retain(|s| s.source != gone);
    db.verdicts
        .retain(|v| v.other != gone && db.segments.iter().any(|s| s.id == v.segment));
    db.validate().expect("still consistent");
    db
}

async fn mount_attrs(host: &Host, attrs: &[(&str, &str)]) -> bool {
    for (k, v) in attrs {
        host.0.set_attribute(k, v).unwrap();
    }
    let (_mounted, ready) = mount_place(&host.0, Options::from_element(&host.0)).expect("mounts");
    let ok = JsFuture::from(ready).await.unwrap().as_bool().unwrap();
    settle::matrix_drawn(&host.0).await;
    ok
}

#[wasm_bindgen_test]
async fn an_inline_database_is_the_pages_default_and_can_be_named() {
    let db = seeds_without_first();
    let _inline = Inline::new(Some("story-db"), &db.to_json());
    let host = Host::new();
    assert!(
        mount_attrs(&host, &[]).await,
        "the inline database is shown"
    );
    assert_eq!(host.shown_article(), db.sources[0].id);

    let named = Host::new();
    assert!(mount_attrs(&named, &[("data-database", "#story-db")]).await);
    assert_eq!(named.shown_article(), db.sources[0].id);

    let embedded = Host::new();
    assert!(mount_attrs(&embedded, &[("data-database", "embedded")]).await);
    assert_eq!(embedded.shown_article(), seeds().sources[0].id);

    let missing = Host::new();
    assert!(!mount_attrs(&missing, &[("data-database", "#no-such-db")]).await);
    assert!(
        missing
            .text()
            .contains("no inline claim database with id \"no-such-db\""),
        "{}",
        missing.text()
    );
}

/// One row per bad database a page can give, and the words the reader must see.
#[wasm_bindgen_test]
async fn bad_inline_databases_show_a_clear_message() {
    let mut newer = seeds_without_first();
    newer.version = 99;
    let mut broken = seeds_without_first();
    broken.verdicts[0].segment = 999_999;
    let cases: [(&str, String, &str); 5] = [
        (
            "not JSON",
            "<html>".into(),
            "not a Crosscheck claim database",
        ),
        (
            "no version",
            "{\"sources\": []}".into(),
            "not a Crosscheck claim database",
        ),
        ("another version", newer.to_json(), "version 99"),
        (
            "wrong field type",
            format!("{{\"version\": {DB_VERSION}, \"sources\": 3}}"),
            "damaged",
        ),
        ("dangling reference", broken.to_json(), "inconsistent"),
    ];
    for (what, json, words) in cases {
        let _inline = Inline::new(Some("bad-db"), &json);
        let host = Host::new();
        assert!(
            !mount_attrs(&host, &[("data-database", "#bad-db")]).await,
            "{what}"
        );
        assert!(
            host.q("[data-error]").is_some(),
            "{what}: the error box shows"
        );
        assert!(host.text().contains(words), "{what}: {:?}", host.text());
    }
}

#[wasm_bindgen_test]
async fn a_database_on_another_site_is_refused() {
    let host = Host::new();
    assert!(
        !mount_attrs(
            &host,
            &[("data-database", "https://example.org/claims.json")]
        )
        .await
    );
    assert!(host.text().contains("on another site"), "{}", host.text());
}

#[wasm_bindgen_test]
async fn a_missing_database_file_says_so() {
    let host = Host::new();
    assert!(!mount_attrs(&host, &[("data-database", "no-such-claims.json")]).await);
    assert!(
        host.text().contains("could not be fetched"),
        "{}",
        host.text()
    );
}

#[wasm_bindgen_test]
async fn database_bytes_are_read_in_either_form() {
    let db = seeds_without_first();
    for (form, bytes) in [("bin", db.to_bin()), ("json", db.to_json().into_bytes())] {
        let host = Host::new();
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        let handle =
            mount_js(host.0.clone(), options(&[("database", array.into())])).expect("mounts");
        assert!(ready(&handle, &host).await, "{form}");
        assert_eq!(host.shown_article(), db.sources[0].id, "{form}");
        handle.destroy();
    }
}
