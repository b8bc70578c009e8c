//! Browser tests of isolation between the widget and the page that embeds it, both ways: CSS
//! reaches in neither direction, the events the host needs keep reaching it, and two widgets
//! on a page keep their own state.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test isolation` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/page.rs"]
mod page;
#[path = "support/settle.rs"]
mod settle;

use crosscheck_model::{
    Database, DiffKind, Difference, Label, SegmentKind, SharedSpan, Verdict, DB_VERSION,
};
use crosscheck_widget::{Options, Theme, EMBEDDED_DB};
use fixture::{attr, click, focus, key, segment, source, span, Fixture};
use page::{document, look, restyled, Host, HostSheet, WIDTH};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE_CSS: &str = "* { color: red !important; font-size: 40px !important; display: block } \
     button { display: none !important } mark { background: black } svg { display: none } \
     span, li, p { color: magenta !important; letter-spacing: 5px !important } \
     [role=\"button\"], [data-segment], [data-panel], .cc, .panel, .sent { display: none !important } \
     :focus { outline: none !important } * { box-sizing: content-box !important }";

fn small_db() -> Vec<u8> {
    let a0 = "Officials said 40 people were hurt on Monday.";
    let a1 = "Rain went on all week.";
    let b0 = "Police said 45 people were hurt on Monday in the flood.";
    let a = source("a", &format!("{a0} {a1}"));
    let b = source("b", b0);
    let (ss, se) = span(b0, "people were hurt on Monday");
    let verdicts = vec![
        Verdict {
            segment: 1,
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
            shared: vec![SharedSpan {
                segment: 10,
                start: ss,
                end: se,
            }],
        },
        Verdict {
            segment: 2,
            other: "b".into(),
            label: Label::Omits,
            score: 0.7,
            evidence: vec![],
            differences: vec![],
            shared: vec![],
        },
        Verdict {
            segment: 10,
            other: "a".into(),
            label: Label::Corroborates,
            score: 0.6,
            evidence: vec![1],
            differences: vec![],
            shared: vec![],
        },
    ];
    let db = Database {
        version: DB_VERSION,
        segments: vec![
            segment(1, &a, a0, SegmentKind::Claim, 0),
            segment(2, &a, a1, SegmentKind::Claim, 0),
            segment(10, &b, b0, SegmentKind::Claim, 0),
        ],
        sources: vec![a, b],
        verdicts,
    };
    db.validate().unwrap();
    db.to_bin()
}

/// The widget elements whose look the test compares, by name.
fn probes(f: &Fixture) -> Vec<(&'static str, Element)> {
    vec![
        ("widget root", f.must(".cc")),
        ("sentence", f.must("[data-segment=\"1\"]")),
        ("panel", f.must("[data-panel]")),
        ("panel close button", f.must("[data-panel] button.close")),
        ("evidence button", f.must("[data-evidence]")),
        ("shared-words mark", f.must("[data-evidence] mark")),
        ("source tab", f.must("[data-source-tab]")),
        ("matrix svg", f.must(".matrix svg")),
        ("matrix cell mark", f.must("[data-cell-segment] .s-dif")),
        ("theme button", f.must("[data-theme-toggle]")),
    ]
}

#[wasm_bindgen_test]
async fn host_css_does_not_reach_the_widget() {
    let bytes = small_db();
    let f = Fixture::with_width(
        &bytes,
        Options {
            source: None,
            theme: Theme::Light,
            ..Default::default()
        },
        700,
    )
    .await;
    click(&f.must("[data-segment=\"1\"]"));
    yew::scheduler::flush().await;
    let clean: Vec<_> = probes(&f).iter().map(|(n, e)| (*n, look(e))).collect();
    let hostile: Vec<_> = {
        let _sheet = HostSheet::new(HOSTILE_CSS);
        probes(&f).iter().map(|(n, e)| (*n, look(e))).collect()
    };
    for ((name, a), (_, b)) in clean.iter().zip(&hostile) {
        let changed = restyled(a, b);
        assert!(
            changed.is_empty(),
            "the host's CSS changed the {name}: {changed:?}"
        );
    }
    // Sanity: the hostile sheet does reach the host's own elements.
    let host = Host::new();
    let _sheet = HostSheet::new(HOSTILE_CSS);
    let p = document().get_element_by_id("host-text").unwrap();
    let look_p = look(&p);
    assert!(
        look_p.contains(&("font-size".to_string(), "40px".to_string())),
        "the hostile sheet applies outside the widget: {look_p:?}"
    );
    drop(host);
}

#[wasm_bindgen_test]
async fn widget_css_does_not_leak_to_the_host() {
    // Host elements wearing the widget's class names and tags.
    let doc = document();
    let area = doc.create_element("section").unwrap();
    area.set_inner_html(
        "<div class=\"cc theme-dark\">cc</div><aside class=\"panel\">panel</aside>\
         <span class=\"sent\" role=\"button\">sent</span><button class=\"tab close evidence\">b</button>\
         <mark class=\"dif\">m</mark><mark>m</mark><div class=\"error\">e</div><p class=\"hint\">h</p>\
         <span class=\"sr-only\">sr</span><ul class=\"tabs legend\"><li>l</li></ul>\
         <div class=\"matrix\"><svg width=\"20\" height=\"20\"><rect class=\"s-dif bgc\" width=\"5\" height=\"5\"/></svg></div>\
         <button>plain</button><div>plain</div>",
    );
    doc.body().unwrap().append_child(&area).unwrap();
    let elements = |area: &Element| -> Vec<(String, Vec<(String, String)>)> {
        let list = area.query_selector_all("*").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .map(|e| {
                // Sizes follow the page's scrollbar, which more fixtures can bring in.
                let style = look(&e)
                    .into_iter()
                    .filter(|(p, _)| p != "width" && p != "height")
                    .collect();
                (e.outer_html().chars().take(60).collect(), style)
            })
            .collect()
    };
    let before = elements(&area);
    let f = Fixture::with_width(&small_db(), Options::default(), WIDTH).await;
    click(&f.must("[data-segment=\"1\"]"));
    yew::scheduler::flush().await;
    let _second = Fixture::with_width(EMBEDDED_DB, Options::default(), WIDTH).await;
    let after = elements(&area);
    area.remove();
    assert_eq!(before.len(), after.len());
    for ((what, a), (_, b)) in before.iter().zip(&after) {
        let changed = restyled(a, b);
        assert!(
            changed.is_empty(),
            "mounting the widget restyled the host's {what}: {changed:?}"
        );
    }
    // The look of a widget class name on the host is the browser default: a host `.panel`
    // is styled like a plain element of its tag, with no border or background.
    let panel = doc.create_element("aside").unwrap();
    panel.set_class_name("panel");
    doc.body().unwrap().append_child(&panel).unwrap();
    let plain = doc.create_element("aside").unwrap();
    doc.body().unwrap().append_child(&plain).unwrap();
    let (lp, lplain) = (look(&panel), look(&plain));
    panel.remove();
    plain.remove();
    assert_eq!(lp, lplain, "a host .panel looks like a plain <aside>");
}

#[wasm_bindgen_test]
async fn host_events_outside_the_widget_are_untouched() {
    let host = Host::new();
    let before = host.html();
    let f = Fixture::with_width(&small_db(), Options::default(), WIDTH).await;
    host.assert_alive("with a widget mounted");
    // Ordinary keys and clicks outside: delivered, never cancelled.
    host.clear_log();
    for k in [
        "ArrowDown",
        "ArrowUp",
        "Escape",
        "Enter",
        " ",
        "Tab",
        "End",
        "Home",
    ] {
        assert!(key(&host.input(), k), "host {k:?} was cancelled");
        assert!(key(&document().body().unwrap(), k), "body {k:?} cancelled");
    }
    let log = host.log();
    assert_eq!(
        log.iter()
            .filter(|(t, _, p, w)| t == "keydown" && !*p && !*w)
            .count(),
        16,
        "every host keydown reached document uncancelled: {log:?}"
    );

    // Inside the widget: clicks bubble out to the host as usual; the arrow keys the widget
    // uses for its own navigation are cancelled (so they do not also scroll the page) and
    // kept inside; every other key reaches the host untouched.
    host.clear_log();
    let s1 = f.must("[data-segment=\"1\"]");
    click(&s1);
    yew::scheduler::flush().await;
    assert!(
        host.log().iter().any(|(t, _, _, w)| t == "click" && *w),
        "a click in the widget still reaches the host's document listener"
    );
    host.clear_log();
    let s1 = f.must("[data-segment=\"1\"]");
    focus(&s1);
    assert!(!key(&s1, "ArrowDown"), "ArrowDown on a sentence is handled");
    yew::scheduler::flush().await;
    let now = f
        .container
        .shadow_root()
        .unwrap()
        .active_element()
        .expect("focus stays in the widget");
    assert!(!key(&now, "ArrowUp"));
    yew::scheduler::flush().await;
    for k in ["a", "Tab", "F5", "PageDown"] {
        assert!(key(&now, k), "{k:?} inside the widget was cancelled");
    }
    let log = host.log();
    for k in ["a", "Tab", "F5", "PageDown"] {
        assert!(
            log.iter()
                .any(|(t, kk, p, w)| t == "keydown" && kk == k && !*p && *w),
            "{k:?} from inside the widget reached the host: {log:?}"
        );
    }
    // Escape closes the widget's own panel, and nothing of the host.
    let open = f.must("[data-panel] button.close");
    focus(&open);
    key(&open, "Escape");
    yew::scheduler::flush().await;
    assert!(f.q("[data-panel]").is_none(), "Escape closed the panel");
    // With nothing of its own to close, the widget leaves Escape to the host (which may
    // close its own dialog with it); Space opens a sentence and does not scroll the page.
    host.clear_log();
    let s1 = f.must("[data-segment=\"1\"]");
    focus(&s1);
    assert!(
        key(&s1, "Escape"),
        "Escape with no panel open is not cancelled"
    );
    assert!(
        host.log()
            .iter()
            .any(|(t, k, p, w)| t == "keydown" && k == "Escape" && !*p && *w),
        "Escape with no panel open reaches the host"
    );
    assert!(!key(&s1, " "), "Space on a sentence is handled");
    yew::scheduler::flush().await;
    assert_eq!(f.open_panel().as_deref(), Some("1"));
    assert_eq!(host.html(), before, "the host DOM is unchanged");
    host.assert_alive("after using the widget");
}

#[wasm_bindgen_test]
async fn a_second_widget_keeps_its_own_selection_and_panel() {
    let db = Database::from_bin(EMBEDDED_DB).unwrap();
    assert!(db.sources.len() >= 3);
    let a = Fixture::with_width(EMBEDDED_DB, Options::default(), WIDTH).await;
    let b = Fixture::with_width(
        EMBEDDED_DB,
        Options {
            source: Some(db.sources[1].id.clone()),
            theme: Theme::Dark,
            ..Default::default()
        },
        WIDTH,
    )
    .await;
    // B: open its third sentence.
    let b_sentence = b.qa("[data-segment]")[2].clone();
    let b_open = attr(&b_sentence, "data-segment");
    click(&b_sentence);
    yew::scheduler::flush().await;
    assert_eq!(b.open_panel().as_deref(), Some(b_open.as_str()));
    let b_panel_text = b.must("[data-panel]").text_content().unwrap();

    // Use A every way a reader can.
    for s in a.qa("[data-segment]").into_iter().take(4) {
        click(&s);
        yew::scheduler::flush().await;
    }
    let a_s = a.qa("[data-segment]")[0].clone();
    focus(&a_s);
    key(&a_s, "ArrowDown");
    yew::scheduler::flush().await;
    key(&a_s, "Escape");
    yew::scheduler::flush().await;
    click(&a.must(&format!("[data-source-tab=\"{}\"]", db.sources[2].id)));
    yew::scheduler::flush().await;
    click(&a.qa("[data-segment]")[0]);
    yew::scheduler::flush().await;
    click(&a.qa("[data-cell-segment]")[5]);
    yew::scheduler::flush().await;
    click(&a.must("[data-theme-toggle]"));
    yew::scheduler::flush().await;

    assert_eq!(b.shown_article(), db.sources[1].id, "B's article");
    assert_eq!(
        b.open_panel().as_deref(),
        Some(b_open.as_str()),
        "B's panel"
    );
    assert_eq!(b.must("[data-panel]").text_content().unwrap(), b_panel_text);
    assert_eq!(
        attr(
            &b.must(&format!("[data-segment=\"{b_open}\"]")),
            "aria-expanded"
        ),
        "true"
    );
    assert_eq!(
        b.qa("[aria-expanded=\"true\"]").len(),
        1,
        "B has one open sentence"
    );
    assert!(
        b.must(".cc").class_list().contains("theme-dark"),
        "B's theme"
    );
    assert!(a.q("[data-panel]").is_some(), "A has its own panel open");
    assert_ne!(a.shown_article(), b.shown_article());
}
