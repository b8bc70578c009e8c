//! Browser tests of keyboard use: the sentences of an article as one tab stop moved by the
//! arrow keys, Enter and Space opening a sentence and Escape closing it, and the article
//! switcher's buttons as one tab stop.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test keyboard` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/settle.rs"]
mod settle;

use crosscheck_widget::{Options, EMBEDDED_DB};
use fixture::{attr, click, db, focus, key, seg_id, Fixture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn keyboard_moves_opens_and_closes() {
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let sentences = f.qa("[data-segment]");
    assert!(sentences.len() >= 3);
    let tab_stops: Vec<_> = sentences
        .iter()
        .filter(|s| attr(s, "tabindex") == "0")
        .collect();
    assert_eq!(tab_stops.len(), 1, "one tab stop per article");
    let first = tab_stops[0].clone();
    focus(&first);
    key(&first, "ArrowDown");
    yew::scheduler::flush().await;
    let second = f.active().expect("focus moved");
    assert_eq!(seg_id(&second), seg_id(&sentences[1]));
    assert_eq!(attr(&second, "tabindex"), "0", "the tab stop follows focus");
    key(&second, "ArrowRight");
    yew::scheduler::flush().await;
    let third = f.active().unwrap();
    assert_eq!(seg_id(&third), seg_id(&sentences[2]));
    key(&third, "ArrowUp");
    yew::scheduler::flush().await;
    let back = f.active().unwrap();
    assert_eq!(seg_id(&back), seg_id(&sentences[1]));

    key(&back, "Enter");
    yew::scheduler::flush().await;
    let panel = f.must("[data-panel]");
    assert_eq!(attr(&panel, "data-panel"), seg_id(&back).to_string());
    let live = f.must("[aria-live=\"polite\"]");
    assert!(live.text_content().unwrap().contains("corroborated by"));
    assert_eq!(attr(&back, "aria-expanded"), "true");

    key(&back, "Escape");
    yew::scheduler::flush().await;
    assert!(f.q("[data-panel]").is_none(), "Escape closes the panel");
    assert_eq!(seg_id(&f.active().unwrap()), seg_id(&sentences[1]));

    // Space opens too; Escape from inside the panel closes it and returns focus.
    let here = f.active().unwrap();
    key(&here, " ");
    yew::scheduler::flush().await;
    let close = f.must("[data-panel] button");
    focus(&close);
    key(&close, "Escape");
    yew::scheduler::flush().await;
    assert!(f.q("[data-panel]").is_none());
    assert_eq!(seg_id(&f.active().unwrap()), seg_id(&here));
}

#[wasm_bindgen_test]
async fn switcher_is_one_tab_stop_moved_by_the_arrow_keys() {
    let db = db();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let tab = |i: usize| f.must(&format!("[data-source-tab=\"{}\"]", db.sources[i].id));
    let stops = || {
        f.qa("[data-source-tab]")
            .into_iter()
            .filter(|t| attr(t, "tabindex") == "0")
            .map(|t| attr(&t, "data-source-tab"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        stops(),
        [db.sources[0].id.clone()],
        "the shown article's button"
    );
    let last = db.sources.len() - 1;
    // (key, the button focused after it)
    let walk = [
        ("ArrowRight", 1),
        ("ArrowRight", 2),
        ("ArrowLeft", 1),
        ("End", last),
        ("ArrowRight", last),
        ("Home", 0),
    ];
    for (k, want) in walk {
        let from = f.active().unwrap_or_else(|| tab(0));
        focus(&from);
        key(&from, k);
        yew::scheduler::flush().await;
        let active = f.active().expect("a button keeps focus");
        assert_eq!(attr(&active, "data-source-tab"), db.sources[want].id, "{k}");
        assert_eq!(stops(), [db.sources[want].id.clone()], "{k}: one stop");
    }
    assert_eq!(
        f.shown_article(),
        db.sources[0].id,
        "moving does not switch"
    );
    // Pressing a button (a click) shows its article, and the stop stays on it.
    click(&tab(2));
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), db.sources[2].id);
    assert_eq!(stops(), [db.sources[2].id.clone()]);

    // The stop follows focus however it came: moved away, then the shown article's button
    // focused again (a click on it changes nothing else), the next arrow goes on from there.
    let from = tab(2);
    focus(&from);
    key(&from, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(stops(), [db.sources[3].id.clone()]);
    focus(&tab(2));
    click(&tab(2));
    yew::scheduler::flush().await;
    let again = f.active().expect("focused");
    key(&again, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&f.active().expect("focused"), "data-source-tab"),
        db.sources[3].id
    );

    // Another article shown some other way (a matrix cell) takes the stop to its button.
    let cell = f
        .qa(&format!("[data-cell-source=\"{}\"]", db.sources[0].id))
        .into_iter()
        .find(|c| {
            let id: u32 = attr(c, "data-cell-segment").parse().unwrap_or(u32::MAX);
            db.segments
                .iter()
                .any(|s| s.id == id && s.source == db.sources[last].id)
        })
        .expect("a cell of the last article's sentences");
    click(&cell);
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), db.sources[last].id);
    assert_eq!(stops(), [db.sources[last].id.clone()]);
}
