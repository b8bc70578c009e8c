//! Browser tests of damaged databases: every way a database can be broken shows the clear
//! message inside the widget, while the host page keeps working.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test damaged_db` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/page.rs"]
mod page;
#[path = "support/settle.rs"]
mod settle;

use crosscheck_model::{LazyVerdicts, BIN_VERSION};
use crosscheck_widget::api::annotate_js;
use crosscheck_widget::{Options, EMBEDDED_DB, LOAD_FAILED};
use fixture::{attr, click, Fixture};
use page::{number, Host, WIDTH};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A small deterministic generator, so a failing case can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn damaged_databases() -> Vec<(String, Vec<u8>, bool)> {
    // (what, bytes, must fail): mutated bodies may still decode into a valid database.
    let good = EMBEDDED_DB.to_vec();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut cases: Vec<(String, Vec<u8>, bool)> = vec![
        ("empty".into(), Vec::new(), true),
        ("magic only".into(), b"XCDB".to_vec(), true),
        ("header only".into(), good[..8].to_vec(), true),
        ("text".into(), b"definitely not a database".to_vec(), true),
        (
            "JSON".into(),
            br#"{"version":1,"sources":[]}"#.to_vec(),
            true,
        ),
    ];
    for n in [1usize, 7, 8, 64, 4096] {
        cases.push((format!("{n} random bytes"), rng.bytes(n), true));
    }
    // Every layout version but the one this widget reads (`BIN_VERSION`).
    for version in [0u32, BIN_VERSION - 1, BIN_VERSION + 1, 255, u32::MAX] {
        let mut v = good.clone();
        v[4..8].copy_from_slice(&version.to_le_bytes());
        cases.push((format!("version {version}"), v, true));
    }
    for frac in [1usize, 2, 3, 5, 8, 13, 21, 34, 55, 89, 99] {
        let len = 8 + (good.len() - 8) * frac / 100;
        cases.push((
            format!("truncated to {len} of {} bytes", good.len()),
            good[..len].to_vec(),
            true,
        ));
    }
    cases.push((
        "last byte missing".into(),
        good[..good.len() - 1].to_vec(),
        true,
    ));
    for i in 0..6 {
        let mut v = good[..8].to_vec();
        let n = 16 + (rng.next() % 600) as usize;
        v.extend(rng.bytes(n));
        cases.push((format!("valid header, random body #{i}"), v, false));
    }
    for i in 0..16 {
        let mut v = good.clone();
        let at = 8 + (rng.next() as usize) % (good.len() - 8);
        v[at] ^= 1 << (rng.next() % 8);
        cases.push((format!("bit flip #{i} at byte {at}"), v, false));
    }
    cases
}

#[wasm_bindgen_test]
async fn damaged_databases_show_the_message_and_the_host_keeps_working() {
    let host = Host::new();
    let before = host.html();
    let mut failed = 0;
    let total = damaged_databases().len();
    for (what, bytes, must_fail) in damaged_databases() {
        let f = Fixture::with_width(&bytes, Options::default(), WIDTH).await;
        match f.q("[data-error]") {
            Some(err) => {
                failed += 1;
                let text = err.text_content().unwrap();
                assert!(text.contains(LOAD_FAILED), "{what}: {text}");
                assert!(
                    text.trim().len() > LOAD_FAILED.len() + 5,
                    "{what}: the message gives a reason: {text}"
                );
                assert_eq!(attr(&err, "role"), "alert", "{what}");
                assert!(f.q("[data-segment]").is_none(), "{what}");
                // The message sits inside the widget's own box, not over the page.
                assert!(f.container.shadow_root().unwrap().contains(Some(&err)));
            }
            None => {
                assert!(!must_fail, "{what}: no error box");
                assert!(
                    f.q("[data-crosscheck-root]").is_some(),
                    "{what}: neither the message nor the widget"
                );
            }
        }
        host.assert_alive(&what);
        assert_eq!(host.html(), before, "{what}: host DOM outside the widget");
        assert!(
            f.container.inner_html().is_empty(),
            "{what}: nothing is added to the container's own (light) DOM"
        );
    }
    assert!(failed >= 27, "{failed} of {total} damaged databases failed");
}

/// The embedded database with one verdict byte changed and the checksum made to match again,
/// so that it reads but one sentence's verdicts do not check; and that sentence.
fn one_sentence_unreadable() -> (Vec<u8>, u32) {
    let good = EMBEDDED_DB.to_vec();
    // From the end of the file back: the checksum, the index's length, the index, then the
    // verdicts.
    for at in (8..good.len() - 8).rev() {
        let mut b = good.clone();
        b[at] ^= 0x40;
        let sum_at = b.len() - 4;
        let sum = crosscheck_model::bin_checksum(&b[..sum_at]);
        b[sum_at..].copy_from_slice(&sum.to_le_bytes());
        let Ok((db, file)) = LazyVerdicts::read(b.clone()) else {
            continue;
        };
        let mut bad = file
            .sentences(&db)
            .into_iter()
            .filter(|(_, read)| read.is_err())
            .map(|(s, _)| s);
        if let (Some(s), None) = (bad.next(), bad.next()) {
            return (b, s);
        }
    }
    panic!("no single byte makes exactly one sentence unreadable");
}

#[wasm_bindgen_test]
async fn a_sentence_whose_verdicts_do_not_check_says_so_and_the_rest_works() {
    let (bytes, bad) = one_sentence_unreadable();
    let host = Host::new();
    let f = Fixture::with_width(&bytes, Options::default(), WIDTH).await;
    assert!(f.q("[data-error]").is_none(), "the file itself reads");
    // Show the article the sentence is in, then open it.
    let source = crosscheck_model::Database::from_bin(EMBEDDED_DB)
        .unwrap()
        .segments
        .into_iter()
        .find(|s| s.id == bad)
        .unwrap()
        .source;
    if f.shown_article() != source {
        assert!(click(&f.must(&format!("[data-source-tab=\"{source}\"]"))));
        yew::scheduler::flush().await;
    }
    assert!(click(&f.must(&format!("[data-segment=\"{bad}\"]"))));
    yew::scheduler::flush().await;
    let summary = f.must("[data-panel] [data-unreadable]");
    let text = summary.text_content().unwrap();
    assert!(
        text.contains("cannot be read") && text.contains("damaged"),
        "{text}"
    );
    assert!(
        f.q("[data-panel] .item").is_none() && f.q("[data-panel] [data-group]").is_none(),
        "no verdict is shown, not even an omission, and no empty group"
    );
    // Its badge and spoken name say so too, never "not mentioned by 0 sources".
    let sentence = f.must(&format!("[data-segment=\"{bad}\"]"));
    assert!(f
        .q(&format!(
            "[data-segment=\"{bad}\"] .marker[data-unreadable]"
        ))
        .is_some());
    let name = sentence.text_content().unwrap_or_default();
    assert!(name.contains("cannot be read"), "{name}");
    // Every other sentence of the article opens with its verdicts.
    let others: Vec<_> = f
        .qa("[data-segment]")
        .into_iter()
        .filter(|e| attr(e, "data-segment") != bad.to_string())
        .collect();
    assert!(!others.is_empty());
    for el in others {
        assert!(click(&el));
        yew::scheduler::flush().await;
        assert!(f.q("[data-panel] [data-unreadable]").is_none());
        assert!(
            f.q("[data-panel] .item").is_some(),
            "{}",
            attr(&el, "data-segment")
        );
    }
    host.assert_alive("an unreadable sentence");
}

#[wasm_bindgen_test]
async fn annotate_mode_marks_an_unreadable_sentence_so() {
    // On the publisher's own copy of the article: the sentence's badge says it cannot be
    // read, and its mark is not styled as omitted.
    let (bytes, bad) = one_sentence_unreadable();
    let db = crosscheck_model::Database::from_bin(EMBEDDED_DB).unwrap();
    let source = db
        .segments
        .iter()
        .find(|s| s.id == bad)
        .unwrap()
        .source
        .clone();
    let text = db
        .sources
        .iter()
        .find(|s| s.id == source)
        .unwrap()
        .text
        .clone();
    let document = web_sys::window().unwrap().document().unwrap();
    let article = document.create_element("article").unwrap();
    article.set_text_content(Some(&text));
    document.body().unwrap().append_child(&article).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"source".into(), &source.as_str().into()).unwrap();
    let data = js_sys::Uint8Array::from(&bytes[..]);
    js_sys::Reflect::set(&opts, &"database".into(), &data).unwrap();
    let a = annotate_js(article.clone(), opts.into());
    wasm_bindgen_futures::JsFuture::from(a.ready())
        .await
        .unwrap();
    yew::scheduler::flush().await;
    let mark = article
        .query_selector(&format!("crosscheck-mark[data-segment=\"{bad}\"]"))
        .unwrap()
        .expect("the sentence is anchored");
    let badge = mark
        .shadow_root()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(
        badge.contains("cannot be read") && badge.contains("? unreadable"),
        "{badge}"
    );
    let wrapped = article
        .query_selector("[data-crosscheck-coverage=\"unreadable\"]")
        .unwrap();
    assert!(
        wrapped.is_some(),
        "the sentence's mark is not shown as omitted"
    );
    a.destroy();
    article.remove();
}

#[wasm_bindgen_test]
async fn failure_message_replaces_the_widgets_not_the_page() {
    // The panic hook's own path, `show_failure`, with two widgets (one with its panel open).
    // A real panic is provoked in tests/panic.rs, alone in its binary since it aborts the
    // wasm instance.
    let host = Host::new();
    let before = host.html();
    let a = Fixture::with_width(EMBEDDED_DB, Options::default(), WIDTH).await;
    let b = Fixture::with_width(EMBEDDED_DB, Options::default(), WIDTH).await;
    click(&a.qa("[data-segment]")[0]);
    yew::scheduler::flush().await;
    crosscheck_widget::show_failure("An internal error stopped it.");
    for f in [&a, &b] {
        let err = f.must("[data-error]");
        let text = err.text_content().unwrap();
        assert!(text.contains(LOAD_FAILED) && text.contains("internal error"));
        assert!(f.q("[data-segment]").is_none());
        assert!(f.q("[data-panel]").is_none());
        assert!(f.container.inner_html().is_empty());
        assert!(number(&f.container, "el.getBoundingClientRect().height") > 10.0);
    }
    assert_eq!(host.html(), before);
    host.assert_alive("after show_failure");
}
