//! Browser tests of the widget on a story of many reports, as a newsroom covering a big event
//! would embed it: the coverage overview stays within what a page can draw, and the panel of
//! a sentence that dozens of reports cover opens short and unfolds on request.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test big_story` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/settle.rs"]
mod settle;

use crosscheck_model::{Database, Label, Segment, SegmentKind, Source, Verdict, DB_VERSION};
use crosscheck_widget::components::group::FIRST;
use crosscheck_widget::components::matrix::CELL_BUDGET;
use crosscheck_widget::Options;
use fixture::{attr, click, seg_id, Fixture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `reports` reports of `sentences` claims each. Every other report corroborates the first
/// report's first sentence with its own first sentence; every other verdict is an implicit
/// omission. Segment ids run report by report: report `r`'s sentence `i` is `r * sentences + i`.
fn big_story(reports: usize, sentences: usize) -> Database {
    let mut sources = Vec::new();
    let mut segments = Vec::new();
    for r in 0..reports {
        let lines: Vec<String> = (0..sentences)
            .map(|i| format!("Report {r} says the river rose {i} metres overnight."))
            .collect();
        let source = Source {
            id: format!("r{r}"),
            title: Some(format!("The flood, report {r}")),
            outlet: Some(format!("Outlet {r}")),
            url: None,
            published: Some("2024-05-01".into()),
            language: Some("en".into()),
            text: lines.join(" "),
        };
        for (i, line) in lines.iter().enumerate() {
            let start = source.text.find(line.as_str()).expect("a line of the text");
            segments.push(Segment {
                id: (r * sentences + i) as u32,
                source: source.id.clone(),
                text: line.clone(),
                start,
                end: start + line.len(),
                kind: SegmentKind::Claim,
                paragraph: (i / 5) as u32,
            });
        }
        sources.push(source);
    }
    let verdicts = (1..reports)
        .map(|r| Verdict {
            segment: 0,
            other: format!("r{r}"),
            label: Label::Corroborates,
            score: 0.8,
            evidence: vec![(r * sentences) as u32],
            differences: vec![],
            shared: vec![],
        })
        .collect();
    let db = Database {
        version: DB_VERSION,
        sources,
        segments,
        verdicts,
    };
    db.validate().expect("a valid database");
    db
}

/// The article each matrix cell's sentence belongs to.
fn cell_articles(f: &Fixture, db: &Database) -> Vec<String> {
    f.qa("[data-cell-segment]")
        .iter()
        .map(|c| {
            let id: u32 = attr(c, "data-cell-segment").parse().unwrap();
            db.segments
                .iter()
                .find(|s| s.id == id)
                .expect("a cell of a known sentence")
                .source
                .clone()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_big_story_draws_the_overview_of_the_report_being_read() {
    let (reports, sentences) = (30, 25);
    assert!(
        reports * sentences * reports > CELL_BUDGET,
        "the story must be over the budget"
    );
    let db = big_story(reports, sentences);
    let f = Fixture::new(&db.to_bin(), Options::default()).await;
    let note = f
        .must("[data-overview-limited]")
        .text_content()
        .unwrap_or_default();
    assert!(note.contains("30 reports"), "the note says why: {note}");

    // One report's rows, each against every report.
    assert_eq!(f.qa("[data-cell-segment]").len(), sentences * reports);
    assert!(cell_articles(&f, &db).iter().all(|a| *a == "r0"));

    // Choosing another report shows its rows instead.
    click(&f.must("[data-source-tab=\"r7\"]"));
    yew::scheduler::flush().await;
    assert_eq!(f.shown_article(), "r7");
    assert_eq!(f.qa("[data-cell-segment]").len(), sentences * reports);
    assert!(cell_articles(&f, &db).iter().all(|a| *a == "r7"));

    // A cell still opens its sentence.
    let cell = f
        .must("[data-cell-segment=\"178\"][data-cell-source=\"r3\"]")
        .clone();
    click(&cell);
    yew::scheduler::flush().await;
    assert_eq!(attr(&f.must("[data-panel]"), "data-panel"), "178");
}

#[wasm_bindgen_test]
async fn a_story_within_the_budget_draws_every_report_s_rows() {
    let (reports, sentences) = (10, 8);
    let db = big_story(reports, sentences);
    let f = Fixture::new(&db.to_bin(), Options::default()).await;
    assert!(f.q("[data-overview-limited]").is_none());
    assert_eq!(
        f.qa("[data-cell-segment]").len(),
        reports * sentences * reports
    );
}

/// The entries shown in the panel's group of `label`, and its "Show all" button.
fn group(f: &Fixture, label: &str) -> (usize, Option<web_sys::Element>) {
    let sel = format!("[data-group=\"{label}\"]");
    (
        f.qa(&format!("{sel} .item")).len(),
        f.q(&format!("{sel} [data-more]")),
    )
}

#[wasm_bindgen_test]
async fn a_long_verdict_group_shows_its_first_entries_then_all() {
    let reports = 30;
    let db = big_story(reports, 2);
    let f = Fixture::new(&db.to_bin(), Options::default()).await;
    let first = f.must("[data-segment=\"0\"]");
    assert_eq!(seg_id(&first), 0);
    click(&first);
    yew::scheduler::flush().await;

    let (shown, more) = group(&f, "corroborates");
    assert_eq!(shown, FIRST, "folded to its first entries");
    let more = more.expect("a button to show the rest");
    assert_eq!(attr(&more, "aria-expanded"), "false");
    let text = more.text_content().unwrap_or_default();
    assert!(text.contains("Show all 29"), "{text}");
    let count = f
        .must("[data-group=\"corroborates\"] .count")
        .text_content()
        .unwrap_or_default();
    assert_eq!(
        count, "29",
        "the count is of every entry, not the shown ones"
    );

    click(&more);
    yew::scheduler::flush().await;
    let (shown, more) = group(&f, "corroborates");
    assert_eq!(shown, reports - 1);
    assert_eq!(
        attr(&more.expect("the button stays"), "aria-expanded"),
        "true"
    );

    // Another sentence's groups start folded: the second sentence is omitted by the other 29.
    click(&f.must("[data-segment=\"1\"]"));
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "omits").0, FIRST);
    click(&f.must("[data-segment=\"0\"]"));
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "corroborates").0, FIRST);

    // A short group has no button.
    assert!(group(&f, "differs").1.is_none());
}
