//! Browser tests of hostile article text: markup, scripts, bidi overrides and control
//! characters in an article, its metadata or a source id are shown as text and never run, and
//! never widen the widget.
//!
//! The hostile database is built here, in the browser, by the engine itself
//! (`crosscheck::build`), so these tests cover what a scraped article would really produce.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test hostile_text` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/page.rs"]
mod page;
#[path = "support/settle.rs"]
mod settle;

use std::time::Duration;

use crosscheck::{Article, SourceMeta};
use crosscheck_model::{
    Database, DiffKind, Difference, Label, Segment, SegmentKind, SharedSpan, Source, Verdict,
    DB_VERSION,
};
use crosscheck_widget::Options;
use fixture::{attr, click, key, Fixture};
use page::{document, global, hover, js, number, set_global, WIDTH};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<a href=\"javascript:window.__pwned=1\">x</a>",
    "\" onmouseover=\"window.__pwned=1",
    "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
    "<style>*{display:none}</style>",
    "<svg onload=\"window.__pwned=1\"><foreignObject>y</foreignObject></svg>",
    "{{7*7}} ${window.__pwned=1} &lt;b&gt; &amp;",
    "\u{202E}gnp.exe\u{202C}",
    "zero\u{200D}width\u{200B}joiner\u{FEFF}",
    "bell\u{0007}escape\u{001B}[31mdel\u{007F}",
];

/// The tags the widget's own markup uses or may use (inert structure and text only); the
/// payloads' tags are none of these, and anything else inside the shadow root came from
/// data and would mean text was parsed as markup.
#[rustfmt::skip]
const WIDGET_TAGS: &[&str] = &[
    // HTML structure and text.
    "div", "span", "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "nav", "article", "aside", "section", "header", "footer", "figure", "figcaption",
    "blockquote", "q", "cite", "mark", "strong", "em", "small", "abbr", "time", "bdi", "code",
    "kbd", "br", "hr", "del", "ins", "s", "details", "summary", "table", "thead", "tbody",
    "tr", "th", "td", "caption", "button", "label",
    // SVG shapes and text.
    "svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
    "tspan", "title", "desc", "defs",
];

fn long_word() -> String {
    "Supercalifragilistic".repeat(250)
}

/// Three reports of one made-up event with hostile text in their sentences, their
/// metadata and one source id, built into a claim database by the engine.
fn hostile_articles() -> Vec<Article> {
    let p = PAYLOADS;
    let a = format!(
        "Storm floods the harbour district {}\n\n\
         Officials said 40 people were hurt on Monday {}.\n\
         The mayor posted {} on Tuesday morning.\n\
         A reader sent {} to the newsroom.\n\
         A witness typed {} into the form.\n\n\
         The council page showed {} for an hour.\n\
         The stylesheet {} was found on the site.\n\
         Rescue boats reached the harbour by noon.",
        p[0], p[8], p[1], p[2], p[3], p[4], p[5],
    );
    let b = format!(
        "Harbour district flooded after storm\n\n\
         Officials said 45 people were hurt on Monday {}.\n\
         The mayor posted {} on Tuesday morning.\n\
         Rescue boats reached the harbour by noon {}.\n\
         One file was named {} by the sender.\n\
         A very long word appeared: {}.",
        p[9],
        p[6],
        p[10],
        p[8],
        long_word(),
    );
    let c = format!(
        "Storm hits the harbour\n\n\
         Rescue boats reached the harbour by noon.\n\
         A template {} was left in the page.\n\
         Control characters \u{0001}\u{0002}\u{0008} and a lone carriage return\r appeared.\n\
         Officials said 40 people were hurt on Monday.",
        p[7],
    );
    vec![
        Article {
            id: "a".into(),
            text: a,
            meta: SourceMeta {
                outlet: Some("<img src=x onerror=\"window.__pwned=1\">".into()),
                title: Some(format!("Title {} {}", p[0], long_word())),
                url: Some("javascript:window.__pwned=1".into()),
                published: Some("2024-03-04".into()),
                language: Some("en\"><script>window.__pwned=1</script>".into()),
            },
        },
        Article {
            id: "b".into(),
            text: b,
            meta: SourceMeta {
                outlet: Some("Outlet \u{202E}B\u{202C}".into()),
                title: None,
                url: None,
                published: Some("2024-03-05".into()),
                language: None,
            },
        },
        Article {
            // An id that would break out of an attribute or a CSS selector if pasted into one.
            id: "c\"]<img src=x onerror=window.__pwned=1>\\".into(),
            text: c,
            meta: SourceMeta::default(),
        },
    ]
}

fn hostile_db() -> Database {
    let db = crosscheck::build(&hostile_articles()).expect("the engine builds hostile articles");
    db.validate().expect("the engine's database validates");
    db
}

/// Elements inside the shadow root whose tag is not the widget's own, and any attribute
/// that could run or load something.
fn foreign_markup(f: &Fixture) -> Vec<String> {
    let mut out = Vec::new();
    for el in f.qa("*") {
        let tag = el.tag_name().to_lowercase();
        if !WIDGET_TAGS.contains(&tag.as_str()) {
            out.push(format!("<{tag}>"));
        }
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap_or_default().to_lowercase();
            if name.starts_with("on")
                || [
                    "href",
                    "src",
                    "srcdoc",
                    "style",
                    "xlink:href",
                    "action",
                    "formaction",
                ]
                .contains(&name.as_str())
            {
                out.push(format!("<{tag} {name}=\"{}\">", attr(&el, &name)));
            }
        }
    }
    out
}

fn assert_not_pwned(context: &str) {
    assert!(
        global("__pwned").is_undefined(),
        "{context}: window.__pwned was set: hostile text ran"
    );
}

#[wasm_bindgen_test]
async fn hostile_article_text_is_shown_as_text_and_never_runs() {
    set_global("__pwned", &JsValue::UNDEFINED);
    // An `alert` that would record being called, so `<script>alert(1)</script>` counts too.
    js(
        "",
        "window.__realAlert = window.alert; window.alert = () => { window.__pwned = 'alert'; };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let db = hostile_db();
    let bytes = db.to_bin();
    assert!(!bytes.is_empty(), "to_bin encodes");

    // Every payload survives the engine into some segment (else the widget test proves nothing).
    let all_segments: String = db
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for p in PAYLOADS {
        assert!(
            all_segments.contains(p),
            "the engine dropped payload {p:?} from every segment"
        );
    }

    let f = Fixture::with_width(&bytes, Options::default(), 480).await;
    assert!(f.q("[data-error]").is_none(), "the hostile database loads");
    let mut shown = String::new();
    let mut sentences_clicked = 0;
    for src in &db.sources {
        let tab = f
            .qa("[data-source-tab]")
            .into_iter()
            .find(|t| attr(t, "data-source-tab") == src.id)
            .unwrap_or_else(|| panic!("a tab for source {:?}", src.id));
        click(&tab);
        yew::scheduler::flush().await;
        assert_eq!(f.shown_article(), src.id, "the tab shows its article");
        let article = f.must("[data-article]").text_content().unwrap();
        // Each segment of this source is shown verbatim, as text.
        for seg in db.segments.iter().filter(|s| s.source == src.id) {
            assert!(
                article.contains(seg.text.trim()),
                "segment {} of {:?} shown verbatim: {:?}",
                seg.id,
                src.id,
                seg.text
            );
        }
        shown.push_str(&article);
        for s in f.qa("[data-segment]") {
            let id = attr(&s, "data-segment");
            click(&s);
            yew::scheduler::flush().await;
            sentences_clicked += 1;
            assert_eq!(f.open_panel().as_deref(), Some(id.as_str()));
            // The quote as seen: without the screen-reader-only words ("differing: ").
            let quote = js(
                "el",
                "const c = el.cloneNode(true); \
                 c.querySelectorAll('.sr-only').forEach(n => n.remove()); \
                 return c.textContent;",
            )
            .call1(&JsValue::NULL, &f.must("[data-panel] blockquote"))
            .unwrap()
            .as_string()
            .unwrap();
            let seg = db.segments.iter().find(|x| x.id.to_string() == id).unwrap();
            assert_eq!(quote, seg.text, "the panel quotes the sentence as text");
            for el in f.qa("*") {
                hover(&el);
            }
            let foreign = foreign_markup(&f);
            assert!(
                foreign.is_empty(),
                "source {:?} sentence {id}: markup from data: {foreign:?}",
                src.id
            );
            // The long word never widens the widget beyond its 480px column.
            let root = f.must(".cc");
            let (sw, cw) = (
                number(&root, "el.scrollWidth"),
                number(&root, "el.clientWidth"),
            );
            assert!(
                sw <= cw + 1.0,
                "sentence {id}: widget content is {sw}px wide in a {cw}px box"
            );
            if let Some(panel) = f.q("[data-panel]") {
                let (sw, cw) = (
                    number(&panel, "el.scrollWidth"),
                    number(&panel, "el.clientWidth"),
                );
                assert!(sw <= cw + 1.0, "sentence {id}: panel {sw}px in {cw}px");
            }
        }
    }
    assert!(
        sentences_clicked >= 6,
        "clicked {sentences_clicked} sentences"
    );
    // Hovering and clicking the matrix cells and evidence buttons too.
    for el in f.qa("[data-cell-segment]").into_iter().take(20) {
        hover(&el);
        click(&el);
        yew::scheduler::flush().await;
    }
    for el in f.qa("[data-evidence]") {
        hover(&el);
        click(&el);
        yew::scheduler::flush().await;
    }
    // The matrix's arrow keys find the cell of the source whose id is a selector break-out
    // (its focus code builds a CSS selector from source ids).
    let hostile_id = &db.sources[2].id;
    let stop = f
        .qa("[data-cell-segment]")
        .into_iter()
        .find(|c| attr(c, "tabindex") == "0")
        .expect("the matrix has a tab stop");
    js("el", "el.focus();")
        .call1(&JsValue::NULL, &stop)
        .unwrap();
    for _ in 0..db.sources.len() {
        let here = f
            .container
            .shadow_root()
            .unwrap()
            .active_element()
            .expect("focus is in the matrix");
        key(&here, "ArrowRight");
        yew::scheduler::flush().await;
    }
    let here = f.container.shadow_root().unwrap().active_element().unwrap();
    assert_eq!(
        &attr(&here, "data-cell-source"),
        hostile_id,
        "arrow keys reach the last column, whose source id is hostile"
    );
    for p in PAYLOADS {
        assert!(shown.contains(p), "payload {p:?} is shown verbatim as text");
    }
    // The hostile title and outlet are shown as text too.
    let tabs: String = f
        .qa("[data-source-tab]")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    assert!(tabs.contains(PAYLOADS[0]), "title as text: {tabs}");
    assert!(
        tabs.contains("<img src=x onerror="),
        "outlet as text: {tabs}"
    );
    let foreign = foreign_markup(&f);
    assert!(foreign.is_empty(), "markup from data: {foreign:?}");
    let wrapper_width = number(&f.wrapper, "el.getBoundingClientRect().width");
    let host_width = number(&f.container, "el.getBoundingClientRect().width");
    assert!(
        (host_width - wrapper_width).abs() < 1.0,
        "the container stays {wrapper_width}px wide, is {host_width}px"
    );
    let article = f.must("[data-article]");
    assert!(
        number(&article, "el.scrollWidth") <= number(&article, "el.clientWidth") + 1.0,
        "the article column does not overflow"
    );
    // An image error or a timer would fire asynchronously: give them time.
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    assert_not_pwned("after clicking and hovering everything");
    // Control: the same payload parsed as HTML on the host page does run, so the probe
    // above would have seen it.
    let control = document().create_element("div").unwrap();
    control.set_inner_html(PAYLOADS[1]);
    document().body().unwrap().append_child(&control).unwrap();
    yew::platform::time::sleep(Duration::from_millis(500)).await;
    control.remove();
    assert!(
        !global("__pwned").is_undefined(),
        "control: an <img onerror> parsed as HTML runs"
    );
    set_global("__pwned", &JsValue::UNDEFINED);
    js("", "window.alert = window.__realAlert;")
        .call0(&JsValue::NULL)
        .unwrap();
}

/// A right-to-left override inside one sentence must not reorder the widget's own text
/// after it (the next sentence of the paragraph, the coverage marker).
#[wasm_bindgen_test]
async fn rtl_override_stays_inside_its_sentence() {
    let text = "Officials said that the file \u{202E}gnp.exe was opened. \
                Police said 45 people were hurt on Monday.";
    let a = Source {
        id: "a".into(),
        title: None,
        outlet: None,
        url: None,
        published: None,
        language: None,
        text: text.into(),
    };
    let s0 = "Officials said that the file \u{202E}gnp.exe was opened.";
    let s1 = "Police said 45 people were hurt on Monday.";
    let seg = |id: u32, part: &str| {
        let start = text.find(part).unwrap();
        Segment {
            id,
            source: "a".into(),
            text: part.into(),
            start,
            end: start + part.len(),
            kind: SegmentKind::Claim,
            paragraph: 0,
        }
    };
    let db = Database {
        version: DB_VERSION,
        sources: vec![a],
        segments: vec![seg(1, s0), seg(2, s1)],
        verdicts: vec![],
    };
    db.validate().unwrap();
    let f = Fixture::with_width(&db.to_bin(), Options::default(), WIDTH).await;
    let second = f.must("[data-segment=\"2\"]");
    // Left edges of the first and last letters of "Police" (one word: never split by a
    // line break) as laid out.
    let order = js(
        "el",
        r#"const t = el.firstChild;
        const r = document.createRange();
        r.setStart(t, 0); r.setEnd(t, 1);
        const first = r.getBoundingClientRect().left;
        r.setStart(t, 5); r.setEnd(t, 6);
        const last = r.getBoundingClientRect().left;
        return first < last;"#,
    )
    .call1(&JsValue::NULL, &second)
    .unwrap();
    assert_eq!(
        order.as_bool(),
        Some(true),
        "the next sentence is laid out left to right (the override leaked out of its sentence)"
    );
}

/// Every string a database carries, set to markup: a database need not come from this
/// engine (a newsroom may build its own), so every field is rendered as text.
#[wasm_bindgen_test]
async fn every_string_field_of_a_database_is_shown_as_text() {
    set_global("__pwned", &JsValue::UNDEFINED);
    let x = |tag: &str| format!("<img src=x onerror=\"window.__pwned='{tag}'\">");
    let a_text = format!("{} said {} 40 people were hurt.", x("a0"), x("a1"));
    let b_text = format!("{} said 45 people were hurt.", x("b0"));
    let source = |id: &str, text: &str| Source {
        id: id.into(),
        title: Some(format!("<script>window.__pwned='title-{id}'</script>")),
        outlet: Some(format!("{} {}", x(&format!("outlet-{id}")), long_word())),
        url: Some(format!("javascript:window.__pwned='url-{id}'")),
        published: Some(x(&format!("date-{id}"))),
        language: Some(x(&format!("lang-{id}"))),
        text: text.into(),
    };
    let a_id = "a\"><svg onload=\"window.__pwned='id'\">";
    let a = source(a_id, &a_text);
    let b = source("b", &b_text);
    let whole = |id: u32, s: &Source| Segment {
        id,
        source: s.id.clone(),
        text: s.text.clone(),
        start: 0,
        end: s.text.len(),
        kind: SegmentKind::Claim,
        paragraph: 0,
    };
    // Each difference spans the markup that opens both sentences (a difference's texts are
    // its spans of the two segments, which `validate` checks).
    let opening = |text: &str| text[..text.find('>').map_or(0, |i| i + 1)].to_string();
    let (a_open, b_open) = (opening(&a_text), opening(&b_text));
    let verdict = |segment: u32, other: &str, evidence: u32, len: usize| {
        let (here, there) = if segment == 1 {
            (a_open.clone(), b_open.clone())
        } else {
            (b_open.clone(), a_open.clone())
        };
        Verdict {
            segment,
            other: other.into(),
            label: Label::Differs,
            score: 0.9,
            evidence: vec![evidence],
            differences: vec![Difference {
                kind: DiffKind::Number,
                here_span: (0, here.len()),
                there_span: (0, there.len()),
                here,
                there,
                there_segment: evidence,
            }],
            shared: vec![SharedSpan {
                segment: evidence,
                start: 0,
                end: len,
            }],
        }
    };
    let db = Database {
        version: DB_VERSION,
        segments: vec![whole(1, &a), whole(2, &b)],
        verdicts: vec![
            verdict(1, "b", 2, b.text.len()),
            verdict(2, a_id, 1, a.text.len()),
        ],
        sources: vec![a, b],
    };
    db.validate().expect("a consistent database");
    // A narrow column, and a 5,000-character word in every outlet name.
    let f = Fixture::with_width(&db.to_bin(), Options::default(), 360).await;
    for tab in f.qa("[data-source-tab]") {
        click(&tab);
        yew::scheduler::flush().await;
        let s = f.must("[data-segment]");
        click(&s);
        yew::scheduler::flush().await;
        assert!(
            f.q("[data-panel] [data-diff-kind]").is_some(),
            "a difference is shown"
        );
        for el in f.qa("*") {
            hover(&el);
        }
        let foreign = foreign_markup(&f);
        assert!(foreign.is_empty(), "markup from data: {foreign:?}");
        let text = f.must(".cc").text_content().unwrap();
        // The differences' texts are the markup opening each sentence ('a0', 'b0').
        for field in ["'a0'", "'b0'", "outlet-", "title-"] {
            assert!(text.contains(field), "{field} shown as text in {text:?}");
        }
        for sel in [".cc", "[data-panel]", "[data-article]"] {
            let el = f.must(sel);
            let (sw, cw) = (number(&el, "el.scrollWidth"), number(&el, "el.clientWidth"));
            assert!(sw <= cw + 1.0, "{sel}: {sw}px of content in a {cw}px box");
        }
    }
    let evidence = f.must("[data-evidence]");
    click(&evidence);
    yew::scheduler::flush().await;
    let foreign = foreign_markup(&f);
    assert!(foreign.is_empty(), "markup from data: {foreign:?}");
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    assert_not_pwned("every string field");
}
