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
use crosscheck_widget::components::switcher::EAGER;
use crosscheck_widget::Options;
use fixture::{attr, click, focus, key, seg_id, Fixture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `reports` reports of `sentences` claims each: `story` with every report the same length.
/// Segment ids run report by report: report `r`'s sentence `i` is `r * sentences + i`.
fn big_story(reports: usize, sentences: usize) -> Database {
    story(&vec![sentences; reports])
}

/// One report per entry of `lengths`, of that many claims (a report of none has a text and no
/// sentence to compare). Every other report with a sentence corroborates the first report's
/// first sentence with its own first sentence; every other verdict is an implicit omission.
/// Segment ids run report by report, from 0.
fn story(lengths: &[usize]) -> Database {
    let mut sources = Vec::new();
    let mut segments = Vec::new();
    let mut firsts = Vec::new();
    for (r, &sentences) in lengths.iter().enumerate() {
        let mut lines: Vec<String> = (0..sentences)
            .map(|i| format!("Report {r} says the river rose {i} metres overnight."))
            .collect();
        if lines.is_empty() {
            lines.push(String::from("Photo: the flooded square at dawn."));
        }
        let source = Source {
            id: format!("r{r}"),
            title: Some(format!("The flood, report {r}")),
            outlet: Some(format!("Outlet {r}")),
            url: None,
            published: Some("2024-05-01".into()),
            language: Some("en".into()),
            text: lines.join(" "),
        };
        for (i, line) in lines.iter().enumerate().take(sentences) {
            let start = source.text.find(line.as_str()).expect("a line of the text");
            if i == 0 {
                firsts.push((source.id.clone(), segments.len() as u32));
            }
            segments.push(Segment {
                id: segments.len() as u32,
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
    let verdicts = firsts
        .iter()
        .skip(1)
        .map(|(other, first)| Verdict {
            segment: 0,
            other: other.clone(),
            label: Label::Corroborates,
            score: 0.8,
            evidence: vec![*first],
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
async fn a_big_story_shows_its_first_report_before_every_switcher_button() {
    let reports = 40;
    let db = big_story(reports, 3);
    let f = Fixture::first_render(&db.to_bin(), Options::default()).await;
    // The first article is readable at once, with the first dozen buttons.
    assert_eq!(f.qa("[data-article] [data-segment]").len(), 3);
    assert_eq!(f.qa("[data-source-tab]").len(), EAGER);
    assert_eq!(attr(&f.must(".tabs"), "aria-busy"), "true");
    // The rest follow once the browser is idle, in order, and the list is no longer busy.
    settle::matrix_drawn(&f.container).await;
    let tabs = f.qa("[data-source-tab]");
    assert_eq!(tabs.len(), reports);
    let order: Vec<String> = tabs.iter().map(|t| attr(t, "data-tab-index")).collect();
    let want: Vec<String> = (0..reports).map(|i| i.to_string()).collect();
    assert_eq!(order, want);
    assert!(f.must(".tabs").get_attribute("aria-busy").is_none());
    // A small story draws all its buttons at once.
    let small = Fixture::first_render(&big_story(EAGER, 3).to_bin(), Options::default()).await;
    assert_eq!(small.qa("[data-source-tab]").len(), EAGER);
    assert!(small.must(".tabs").get_attribute("aria-busy").is_none());
}

#[wasm_bindgen_test]
async fn before_every_button_is_drawn_the_keys_move_among_those_that_are() {
    // A page that opens a big story on its 31st report: its button is drawn after the first
    // dozen and holds the one tab stop, and the arrow keys walk the buttons drawn.
    let reports = 40;
    let options = Options {
        source: Some("r30".into()),
        ..Options::default()
    };
    let f = Fixture::first_render(&big_story(reports, 3).to_bin(), options).await;
    assert_eq!(f.shown_article(), "r30");
    let tabs = f.qa("[data-source-tab]");
    assert_eq!(tabs.len(), EAGER + 1);
    let stops: Vec<String> = tabs
        .iter()
        .filter(|t| attr(t, "tabindex") == "0")
        .map(|t| attr(t, "data-source-tab"))
        .collect();
    assert_eq!(stops, ["r30"], "the shown report's button is the tab stop");
    let shown = f.must("[data-source-tab=\"r30\"]");
    focus(&shown);
    key(&shown, "ArrowLeft");
    yew::scheduler::flush().await;
    let active = |f: &Fixture| f.active().map(|a| attr(&a, "data-source-tab"));
    assert_eq!(
        active(&f).as_deref(),
        Some("r11"),
        "Left goes to the button before it"
    );
    key(&f.active().unwrap(), "End");
    yew::scheduler::flush().await;
    assert_eq!(
        active(&f).as_deref(),
        Some("r30"),
        "End goes to the last drawn"
    );
    // Once idle, every button is there and End goes to the last report.
    settle::matrix_drawn(&f.container).await;
    assert_eq!(f.qa("[data-source-tab]").len(), reports);
    let at = f.must("[data-source-tab=\"r30\"]");
    focus(&at);
    key(&at, "End");
    yew::scheduler::flush().await;
    assert_eq!(active(&f).as_deref(), Some("r39"));
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

    // The matrix's one tab stop starts on the new report's first row.
    let stops: Vec<_> = f
        .qa("[data-cell-segment]")
        .into_iter()
        .filter(|c| attr(c, "tabindex") == "0")
        .collect();
    assert_eq!(stops.len(), 1, "one tab stop");
    assert_eq!(attr(&stops[0], "data-cell-row"), "0");
    assert_eq!(attr(&stops[0], "data-cell-segment"), "175");

    // A cell still opens its sentence.
    let cell = f
        .must("[data-cell-segment=\"178\"][data-cell-source=\"r3\"]")
        .clone();
    click(&cell);
    yew::scheduler::flush().await;
    assert_eq!(attr(&f.must("[data-panel]"), "data-panel"), "178");
}

#[wasm_bindgen_test]
async fn over_the_budget_the_cursor_and_an_empty_report_are_the_shown_report_s() {
    // 40 reports: the first two of 30 sentences, one of none, the rest of 15: 615 rows.
    let mut lengths = vec![15; 40];
    lengths[0] = 30;
    lengths[1] = 30;
    lengths[2] = 0;
    let db = story(&lengths);
    let f = Fixture::new(&db.to_bin(), Options::default()).await;
    assert!(f.q("[data-overview-limited]").is_some());
    // Down the first report's rows to its last, then to a shorter report.
    let mut at = f
        .qa("[data-cell-segment]")
        .into_iter()
        .find(|c| attr(c, "tabindex") == "0")
        .expect("a tab stop");
    for _ in 0..40 {
        fixture::key(&at, "ArrowDown");
        yew::scheduler::flush().await;
        at = f.active().expect("a cell keeps focus");
    }
    assert_eq!(attr(&at, "data-cell-row"), "29", "stops at the last row");
    click(&f.must("[data-source-tab=\"r3\"]"));
    yew::scheduler::flush().await;
    let stops: Vec<_> = f
        .qa("[data-cell-segment]")
        .into_iter()
        .filter(|c| attr(c, "tabindex") == "0")
        .collect();
    assert_eq!(stops.len(), 1);
    assert_eq!(
        attr(&stops[0], "data-cell-row"),
        "0",
        "the new report's first row"
    );
    assert_eq!(f.qa("[data-cell-segment]").len(), 15 * 40);

    // A report with no sentence says so instead of drawing an empty matrix.
    click(&f.must("[data-source-tab=\"r2\"]"));
    yew::scheduler::flush().await;
    assert!(f.q("[data-overview-empty]").is_some());
    assert!(f.qa("[data-cell-segment]").is_empty());
    assert!(f.q("[data-overview-limited]").is_some(), "still says why");
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
    let list = f.must(&format!("#{}", attr(&more, "aria-controls")));
    assert_eq!(
        list.tag_name().to_lowercase(),
        "ul",
        "the button controls the list"
    );
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

    // Unfolding shows every entry and moves focus to the first new one.
    click(&more);
    yew::scheduler::flush().await;
    let (shown, more) = group(&f, "corroborates");
    assert_eq!(shown, reports - 1);
    let more = more.expect("the button stays");
    assert_eq!(attr(&more, "aria-expanded"), "true");
    let items = f.qa("[data-group=\"corroborates\"] .item");
    let active = f.active().expect("focus moved");
    assert_eq!(
        attr(&active, "data-source"),
        attr(&items[FIRST], "data-source"),
        "the first entry shown by unfolding"
    );
    // Pressing it again folds the group back.
    click(&more);
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "corroborates").0, FIRST);
    click(&more);
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "corroborates").0, reports - 1);

    // Another sentence's groups start folded: the second sentence is omitted by the other
    // 29; unfolded there, the first sentence's unfolded group comes back folded, and so does
    // the second's.
    click(&f.must("[data-segment=\"1\"]"));
    yew::scheduler::flush().await;
    let (shown, more) = group(&f, "omits");
    assert_eq!(shown, FIRST);
    click(&more.expect("a button"));
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "omits").0, reports - 1);
    click(&f.must("[data-segment=\"0\"]"));
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "corroborates").0, FIRST);
    click(&f.must("[data-segment=\"1\"]"));
    yew::scheduler::flush().await;
    assert_eq!(group(&f, "omits").0, FIRST);

    // A short group has no button.
    assert!(group(&f, "differs").1.is_none());
}
