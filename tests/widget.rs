//! Browser tests of the widget as a reader meets it: mounted into a fresh container, driven
//! through the DOM of its shadow root (clicks, keys), checked against the embedded database
//! and, for a few unambiguous cases, against the seed gold.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`
//! (or `GECKODRIVER=$(which geckodriver)` for Firefox).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/settle.rs"]
mod settle;

use crosscheck_model::{
    Database, DiffKind, Difference, Label, SegmentKind, SharedSpan, Verdict, DB_VERSION,
};
use crosscheck_widget::{Options, Theme, EMBEDDED_DB, LOAD_FAILED};
use fixture::{attr, click, db, key, seg_id, segment, source, span, Fixture};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

static GOLD: &str = include_str!("data/seeds.gold.jsonl");

// ---------------------------------------------------------------- helpers

/// The LABELS.md matching normalisation, enough for the seed keys: case, curly quotes,
/// dashes and runs of white space.
fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks every other source in the open panel against the database's verdicts.
fn assert_panel_matches(f: &Fixture, db: &Database, seg: u32) {
    let panel = f.must("[data-panel]");
    assert_eq!(attr(&panel, "data-panel"), seg.to_string());
    let verdicts: Vec<&Verdict> = db.verdicts.iter().filter(|v| v.segment == seg).collect();
    for v in &verdicts {
        let item = f.must(&format!("[data-panel] [data-source=\"{}\"]", v.other));
        assert_eq!(
            attr(&item, "data-verdict"),
            v.label.as_str(),
            "segment {seg}, source {}",
            v.other
        );
        let group = f.must(&format!(
            "[data-panel] [data-group=\"{}\"] [data-source=\"{}\"]",
            v.label.as_str(),
            v.other
        ));
        assert_eq!(attr(&group, "data-verdict"), v.label.as_str());
    }
    assert_eq!(
        f.qa("[data-panel] [data-source]").len(),
        verdicts.len(),
        "one entry per other source"
    );
}

// ---------------------------------------------------------------- reading

#[wasm_bindgen_test]
async fn panel_lists_each_source_in_the_databases_group() {
    let db = db();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let mut checked = 0;
    for src in &db.sources {
        click(&f.must(&format!("[data-source-tab=\"{}\"]", src.id)));
        yew::scheduler::flush().await;
        assert_eq!(f.shown_article(), src.id);
        let sentences = f.qa("[data-segment]");
        assert!(
            !sentences.is_empty(),
            "{} shows clickable sentences",
            src.id
        );
        for s in sentences.iter().take(3) {
            let id = seg_id(s);
            click(s);
            yew::scheduler::flush().await;
            assert_panel_matches(&f, &db, id);
            checked += 1;
        }
    }
    assert!(checked >= db.sources.len());
}

#[wasm_bindgen_test]
async fn gold_clear_cases_show_in_the_gold_group() {
    // Gold-clear: a plain "corroborates" whose evidence repeats the claim's key verbatim
    // (after normalisation). Any engine must put that source under "Corroborated by".
    let mut cases = Vec::new();
    for line in GOLD.lines().filter(|l| !l.trim().is_empty()) {
        let item: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let (Some(source), Some(key)) = (item["source"].as_str(), item["key"].as_str()) else {
            continue;
        };
        let Some(verdicts) = item["verdicts"].as_object() else {
            continue;
        };
        for (other, v) in verdicts {
            let verbatim = v["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e.as_str())
                .any(|e| norm(e).contains(&norm(key)));
            if v["label"].as_str() == Some("corroborates") && verbatim && norm(key).len() > 30 {
                cases.push((source.to_string(), key.to_string(), other.clone()));
            }
        }
    }
    assert!(
        !cases.is_empty(),
        "the seed gold has verbatim corroborations"
    );
    for (source, key, other) in cases.iter().take(2) {
        let f = Fixture::new(
            EMBEDDED_DB,
            Options {
                source: Some(source.clone()),
                theme: Theme::Auto,
                ..Default::default()
            },
        )
        .await;
        assert_eq!(&f.shown_article(), source);
        let sentence = f
            .qa("[data-segment]")
            .into_iter()
            .find(|el| norm(&el.text_content().unwrap_or_default()).contains(&norm(key)))
            .unwrap_or_else(|| panic!("a sentence of {source} contains the gold key {key:?}"));
        click(&sentence);
        yew::scheduler::flush().await;
        let item = f.must(&format!("[data-panel] [data-source=\"{other}\"]"));
        assert_eq!(
            attr(&item, "data-verdict"),
            "corroborates",
            "{source} {key:?} vs {other}"
        );
    }
}

#[wasm_bindgen_test]
async fn switcher_shows_each_article_and_marks_the_current_one() {
    let db = db();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    assert_eq!(f.qa("[data-source-tab]").len(), db.sources.len());
    assert_eq!(f.shown_article(), db.sources[0].id);
    let last = &db.sources[db.sources.len() - 1];
    let tab = f.must(&format!("[data-source-tab=\"{}\"]", last.id));
    click(&tab);
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), last.id);
    assert_eq!(attr(&tab, "aria-current"), "true");
    for s in f.qa("[data-segment]") {
        let id = seg_id(&s);
        let seg = db.segments.iter().find(|x| x.id == id).unwrap();
        assert_eq!(seg.source, last.id, "only the chosen article's sentences");
        assert!(seg.kind.gets_verdicts(), "boilerplate is never clickable");
    }
    // The article is shown in its own wording: every claim's text appears.
    let article = f.must("[data-article]").text_content().unwrap();
    for seg in db.segments.iter().filter(|s| s.source == last.id) {
        assert!(
            article.contains(seg.text.trim()),
            "segment {} shown",
            seg.id
        );
    }
}

#[wasm_bindgen_test]
async fn matrix_cell_opens_its_sentence() {
    let db = db();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let cells = f.qa("[data-cell-segment]");
    let n_claims = db
        .segments
        .iter()
        .filter(|s| s.kind.gets_verdicts())
        .count();
    assert_eq!(
        cells.len(),
        n_claims * db.sources.len(),
        "a cell per claim and source"
    );
    // A cell of the last article's last claim, in another article's column.
    let cell = cells.last().unwrap().clone();
    let seg: u32 = attr(&cell, "data-cell-segment").parse().unwrap();
    let seg_source = db
        .segments
        .iter()
        .find(|s| s.id == seg)
        .unwrap()
        .source
        .clone();
    click(&cell);
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), seg_source);
    assert_eq!(attr(&f.must("[data-panel]"), "data-panel"), seg.to_string());
    assert_eq!(seg_id(&f.active().expect("sentence focused")), seg);

    // Keyboard: Enter on the matrix's tab stop opens its sentence.
    let stop = f
        .qa("[data-cell-segment]")
        .into_iter()
        .find(|c| attr(c, "tabindex") == "0")
        .expect("the matrix has one tab stop");
    let first_seg: u32 = attr(&stop, "data-cell-segment").parse().unwrap();
    key(&stop, "Enter");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&f.must("[data-panel]"), "data-panel"),
        first_seg.to_string()
    );
    // The open sentence's row is marked, and only it: the row that was open before is not.
    let open_rows = f.qa(".mrow.row-open");
    assert_eq!(open_rows.len(), 1, "one open row");
    let in_open = open_rows[0]
        .query_selector_all("[data-cell-segment]")
        .unwrap();
    assert_eq!(
        in_open.length() as usize,
        db.sources.len(),
        "a cell per source"
    );
    for i in 0..in_open.length() {
        let cell: Element = in_open.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(attr(&cell, "data-cell-segment"), first_seg.to_string());
    }
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let db = db();
    let a = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let b = Fixture::new(
        EMBEDDED_DB,
        Options {
            source: Some(db.sources[1].id.clone()),
            theme: Theme::Dark,
            ..Default::default()
        },
    )
    .await;
    assert_eq!(a.shown_article(), db.sources[0].id);
    assert_eq!(b.shown_article(), db.sources[1].id);
    assert!(b.must(".cc").class_list().contains("theme-dark"));
    click(&a.qa("[data-segment]")[0]);
    yew::scheduler::flush().await;
    assert!(a.q("[data-panel]").is_some());
    assert!(
        b.q("[data-panel]").is_none(),
        "opening in A leaves B closed"
    );
    click(&b.must(&format!("[data-source-tab=\"{}\"]", db.sources[2].id)));
    yew::scheduler::flush().await;
    assert_eq!(b.shown_article(), db.sources[2].id);
    assert_eq!(a.shown_article(), db.sources[0].id, "switching B leaves A");
    assert!(a.q("[data-panel]").is_some());
}

#[wasm_bindgen_test]
async fn theme_option_and_switch() {
    let f = Fixture::new(
        EMBEDDED_DB,
        Options {
            source: None,
            theme: Theme::Light,
            ..Default::default()
        },
    )
    .await;
    let root = f.must(".cc");
    assert!(root.class_list().contains("theme-light"));
    click(&f.must("[data-theme-toggle]"));
    yew::scheduler::flush().await;
    assert!(f.must(".cc").class_list().contains("theme-dark"));
}

// ---------------------------------------------------------------- robustness

#[wasm_bindgen_test]
async fn corrupt_database_shows_the_error() {
    let mut wrong_version = EMBEDDED_DB.to_vec();
    wrong_version[4] = wrong_version[4].wrapping_add(1);
    let mut truncated = EMBEDDED_DB.to_vec();
    truncated.truncate(truncated.len() / 2);
    for (bytes, expect) in [
        (b"definitely not a database".to_vec(), "not a Crosscheck"),
        (wrong_version, "version"),
        (truncated, "damaged"),
        (Vec::new(), "not a Crosscheck"),
        (
            Database {
                version: DB_VERSION,
                sources: vec![],
                segments: vec![],
                verdicts: vec![],
            }
            .to_bin(),
            "no articles",
        ),
    ] {
        let f = Fixture::new(&bytes, Options::default()).await;
        let err = f.must("[data-error]");
        let text = err.text_content().unwrap();
        assert!(text.contains(LOAD_FAILED), "{text}");
        assert!(text.contains(expect), "{text:?} should mention {expect:?}");
        assert!(f.q("[data-segment]").is_none());
    }
}

#[wasm_bindgen_test]
async fn failure_replaces_the_widget_not_the_page() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let marker = doc.create_element("p").unwrap();
    marker.set_text_content(Some("host page text"));
    doc.body().unwrap().append_child(&marker).unwrap();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    crosscheck_widget::show_failure("test failure");
    let err = f.must("[data-error]");
    assert!(err.text_content().unwrap().contains("test failure"));
    assert!(f.q("[data-segment]").is_none());
    assert_eq!(marker.text_content().unwrap(), "host page text");
    marker.remove();
}

// ---------------------------------------------------------------- full model

/// Two small reports that differ on a number, with shared words and boilerplate, and a
/// sentence whose text would be markup if it were ever rendered as HTML.
fn hand_made() -> Vec<u8> {
    let a = source(
        "a",
        "Flood hits river town\n\nOfficials said 40 people were hurt on Monday. <b>Rain</b> & wind went on.\nRead more: example",
    );
    let b = source(
        "b",
        "Police said 45 people were hurt on Monday in the flood.",
    );
    let a_head = "Flood hits river town";
    let a0 = "Officials said 40 people were hurt on Monday.";
    let a1 = "<b>Rain</b> & wind went on.";
    let b0 = "Police said 45 people were hurt on Monday in the flood.";
    let segments = vec![
        segment(1, &a, a_head, SegmentKind::Headline, 0),
        segment(2, &a, a0, SegmentKind::Claim, 1),
        segment(3, &a, a1, SegmentKind::Claim, 1),
        segment(4, &a, "Read more: example", SegmentKind::Boilerplate, 2),
        segment(10, &b, b0, SegmentKind::Claim, 0),
    ];
    let shared = |part: &str| {
        let (start, end) = span(b0, part);
        SharedSpan {
            segment: 10,
            start,
            end,
        }
    };
    let verdicts = vec![
        Verdict {
            segment: 1,
            other: "b".into(),
            label: Label::Corroborates,
            score: 0.6,
            evidence: vec![10],
            differences: vec![],
            shared: vec![shared("flood")],
        },
        Verdict {
            segment: 2,
            other: "b".into(),
            label: Label::Differs,
            score: 0.8,
            evidence: vec![10],
            differences: vec![Difference {
                kind: DiffKind::Number,
                here: "40".into(),
                there: "45".into(),
                here_span: span(a0, "40"),
                there_segment: 10,
                there_span: span(b0, "45"),
            }],
            shared: vec![shared("people were hurt on Monday")],
        },
        // Segment 3 against "b" has no verdict: an omission left implicit, as the engine
        // writes them (data model 2).
        Verdict {
            segment: 10,
            other: "a".into(),
            label: Label::Differs,
            score: 0.8,
            evidence: vec![2],
            differences: vec![Difference {
                kind: DiffKind::Number,
                here: "45".into(),
                there: "40".into(),
                here_span: span(b0, "45"),
                there_segment: 2,
                there_span: span(a0, "40"),
            }],
            shared: vec![],
        },
    ];
    let db = Database {
        version: DB_VERSION,
        sources: vec![a, b],
        segments,
        verdicts,
    };
    db.validate().expect("the hand-made database is consistent");
    db.to_bin()
}

#[wasm_bindgen_test]
async fn differences_and_shared_words_are_shown() {
    let bytes = hand_made();
    let f = Fixture::new(&bytes, Options::default()).await;
    // Headline as a heading, boilerplate inert and labelled.
    assert!(
        f.q("h3 [data-segment=\"1\"]").is_some(),
        "headline is a heading"
    );
    let boiler = f.must("[data-boilerplate=\"4\"]");
    assert!(boiler.get_attribute("data-segment").is_none());
    assert!(boiler
        .text_content()
        .unwrap()
        .contains("Not part of the report"));
    // Article text is text, never markup.
    let s3 = f.must("[data-segment=\"3\"]");
    assert!(s3.text_content().unwrap().contains("<b>Rain</b> & wind"));
    assert!(s3.query_selector("b").unwrap().is_none());
    // Marker and label give the coverage.
    let s2 = f.must("[data-segment=\"2\"]");
    assert!(s2.text_content().unwrap().contains("≠1"));
    let spoken = s2
        .query_selector(".sr-only")
        .unwrap()
        .expect("the spoken coverage");
    assert!(spoken
        .text_content()
        .unwrap()
        .contains("differs in 1 source"));

    click(&s2);
    yew::scheduler::flush().await;
    let item = f.must("[data-panel] [data-group=\"differs\"] [data-source=\"b\"]");
    assert_eq!(attr(&item, "data-verdict"), "differs");
    let diff = item
        .query_selector("[data-diff-kind]")
        .unwrap()
        .expect("a difference");
    assert_eq!(attr(&diff, "data-diff-kind"), "number");
    let text = diff.text_content().unwrap();
    assert!(text.contains("number differs") && text.contains("40") && text.contains("45"));
    let marks: Vec<String> = {
        let list = item.query_selector_all("mark").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect()
    };
    assert!(
        marks.iter().any(|m| m == "people were hurt on Monday"),
        "{marks:?}"
    );
    assert!(marks.iter().any(|m| m.contains("45")), "{marks:?}");
    assert!(f
        .must("[data-group=\"corroborates\"]")
        .text_content()
        .unwrap()
        .contains("0"));

    // The evidence sentence jumps to its article with that sentence open and focused.
    let evidence = item.query_selector("[data-evidence]").unwrap().unwrap();
    click(&evidence);
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), "b");
    assert_eq!(attr(&f.must("[data-panel]"), "data-panel"), "10");
    assert_eq!(seg_id(&f.active().expect("focused")), 10);
    let back = f.must("[data-panel] [data-source=\"a\"]");
    assert_eq!(attr(&back, "data-verdict"), "differs");
    // "Back" returns to the sentence the reader came from.
    click(&f.must("[data-panel] [data-back]"));
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), "a");
    assert_eq!(attr(&f.must("[data-panel]"), "data-panel"), "2");
    assert_eq!(seg_id(&f.active().expect("focused")), 2);
    assert!(f.q("[data-panel] [data-back]").is_none());

    // The omits group of another sentence.
    click(&f.must("[data-source-tab=\"a\"]"));
    yew::scheduler::flush().await;
    click(&f.must("[data-segment=\"3\"]"));
    yew::scheduler::flush().await;
    // Its omission is not stored: the widget fills it in, and states no confidence for it.
    let omit = f.must("[data-panel] [data-group=\"omits\"] [data-source=\"b\"]");
    assert_eq!(attr(&omit, "data-verdict"), "omits");
    let said = omit.text_content().unwrap_or_default();
    assert!(
        said.contains("No sentence of this report states it"),
        "{said}"
    );
    assert!(!said.contains("confidence"), "{said}");
    let omits = f.must("[data-panel] [data-group=\"omits\"] .count");
    assert_eq!(omits.text_content().unwrap_or_default(), "1");
    // The matrix marks the row and shows the own-article cell.
    assert!(f
        .q("[data-cell-segment=\"3\"][data-cell-source=\"a\"] .s-own")
        .is_some());
    assert!(f
        .q("[data-cell-segment=\"2\"][data-cell-source=\"b\"] .s-dif")
        .is_some());
}

// ---------------------------------------------------------------- host page and layout

fn computed(el: &Element, prop: &str) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
        .get_property_value(prop)
        .unwrap()
}

#[wasm_bindgen_test]
async fn hostile_page_css_does_not_reach_the_widget() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(
        "body * { all: unset; } \
         div { color: rgb(255, 0, 0) !important; font-size: 40px !important; \
               text-transform: uppercase !important; letter-spacing: 9px !important; } \
         button, svg, [data-segment], [data-panel] { display: none !important; } \
         mark { background: black !important; }",
    ));
    doc.head().unwrap().append_child(&style).unwrap();
    let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
    let s = f.must("[data-segment]");
    assert_ne!(computed(&s, "color"), "rgb(255, 0, 0)");
    assert_ne!(computed(&s, "font-size"), "40px");
    assert_eq!(computed(&s, "text-transform"), "none");
    assert_eq!(computed(&s, "letter-spacing"), "normal");
    assert_ne!(computed(&f.must("[data-source-tab]"), "display"), "none");
    assert_ne!(computed(&f.must("svg"), "display"), "none");
    assert_eq!(computed(&f.container, "display"), "block");
    click(&s);
    yew::scheduler::flush().await;
    assert_ne!(computed(&f.must("[data-panel]"), "display"), "none");
    style.remove();
}

#[wasm_bindgen_test]
async fn narrow_container_stacks_the_panel_under_the_article() {
    let style_for = |width: u32| {
        let doc = web_sys::window().unwrap().document().unwrap();
        let style = doc.create_element("style").unwrap();
        style.set_text_content(Some(&format!("[data-crosscheck] {{ width: {width}px; }}")));
        doc.head().unwrap().append_child(&style).unwrap();
        style
    };
    for (width, columns) in [(360u32, 1usize), (1100, 2)] {
        let style = style_for(width);
        let f = Fixture::new(EMBEDDED_DB, Options::default()).await;
        let layout = f.must(".layout");
        let tracks = computed(&layout, "grid-template-columns");
        assert_eq!(
            tracks.split_whitespace().count(),
            columns,
            "{width}px: {tracks}"
        );
        let rect = f.container.get_bounding_client_rect();
        assert!(rect.width() <= width as f64 + 0.5);
        // Nothing inside overflows the container sideways.
        let article = f.must("[data-article]").get_bounding_client_rect();
        assert!(
            article.right() <= rect.right() + 0.5,
            "{width}px article fits"
        );
        style.remove();
    }
}
