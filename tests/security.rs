//! Browser tests of what the widget promises a news site that embeds it: hostile article text
//! is shown as text and never runs; a database that is damaged in any way shows the clear
//! message inside the widget while the host page keeps working; and the widget and its host
//! page are isolated both ways (CSS in neither direction, events the host needs keep
//! reaching it, two widgets on a page keep their own state).
//!
//! The hostile database is built here, in the browser, by the engine itself
//! (`crosscheck::build`), so these tests cover what a scraped article would really produce.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p crosscheck-widget
//! --target wasm32-unknown-unknown --test security` (or `GECKODRIVER=$(which geckodriver)`).
#![cfg(target_arch = "wasm32")]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/settle.rs"]
mod settle;

use std::time::Duration;

use crosscheck::{Article, SourceMeta};
use crosscheck_model::{
    Database, DiffKind, Difference, Label, Segment, SegmentKind, SharedSpan, Source, Verdict,
    BIN_VERSION, DB_VERSION,
};
use crosscheck_widget::{Options, Theme, EMBEDDED_DB, LOAD_FAILED};
use fixture::{attr, click, focus, key, Fixture};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, MouseEvent};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- helpers

/// The width these tests mount a widget at: a desktop column, where the panel sits beside
/// the article.
const WIDTH: u32 = 900;

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Dispatches the events a pointer moving over `el` fires (inline `on…` handlers would run).
fn hover(el: &Element) {
    for kind in [
        "mouseover",
        "mouseenter",
        "mousemove",
        "mouseout",
        "mouseleave",
    ] {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(kind != "mouseenter" && kind != "mouseleave");
        init.set_composed(true);
        let ev = MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }
}

/// A small JavaScript function, for the DOM calls web-sys is not built with here
/// (computed styles, layout boxes, globals). The test page has no CSP.
fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

fn global(name: &str) -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &JsValue::from_str(name)).unwrap()
}

fn set_global(name: &str, value: &JsValue) {
    Reflect::set(&web_sys::window().unwrap(), &JsValue::from_str(name), value).unwrap();
}

/// The computed style properties and layout size of `el` that hostile host CSS would change.
fn look(el: &Element) -> Vec<(String, String)> {
    let f = js(
        "el",
        r#"const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const props = ['display', 'visibility', 'color', 'background-color', 'font-size',
          'font-family', 'font-weight', 'line-height', 'letter-spacing', 'text-transform',
          'border-top-width', 'border-top-style', 'border-top-color', 'padding-top',
          'padding-left', 'margin-top', 'outline-style', 'box-sizing', 'fill', 'opacity'];
        const out = props.map(p => [p, s.getPropertyValue(p)]);
        out.push(['width', r.width.toFixed(2)], ['height', r.height.toFixed(2)]);
        return JSON.stringify(out);"#,
    );
    let json = f.call1(&JsValue::NULL, el).unwrap().as_string().unwrap();
    serde_json::from_str(&json).unwrap()
}

fn number(el: &Element, expr: &str) -> f64 {
    js("el", &format!("return {expr};"))
        .call1(&JsValue::NULL, el)
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Adds a `<style>` to the test page's head; removed on drop.
struct HostSheet(Element);

impl HostSheet {
    fn new(css: &str) -> HostSheet {
        let doc = document();
        let style = doc.create_element("style").unwrap();
        style.set_text_content(Some(css));
        doc.head().unwrap().append_child(&style).unwrap();
        HostSheet(style)
    }
}

impl Drop for HostSheet {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Host page furniture outside every widget: a heading, a paragraph, a button whose click
/// handler counts, an input, and `document`-level click and keydown listeners that log what
/// reaches them. Removed on drop.
struct Host {
    area: Element,
}

impl Host {
    fn new() -> Host {
        let doc = document();
        let area = doc.create_element("section").unwrap();
        area.set_attribute("id", "host-area").unwrap();
        area.set_inner_html(
            "<h2 class=\"cc panel\">Host heading</h2>\
             <p id=\"host-text\">Host page text that must not change.</p>\
             <button id=\"host-button\" type=\"button\">Host button</button>\
             <input id=\"host-input\" value=\"host\">",
        );
        doc.body().unwrap().append_child(&area).unwrap();
        js(
            "",
            r#"window.__hostClicks = 0;
            window.__hostLog = [];
            document.getElementById('host-button')
              .addEventListener('click', () => { window.__hostClicks += 1; });
            const log = (e) => window.__hostLog.push({
              type: e.type, key: e.key || '', prevented: e.defaultPrevented,
              inWidget: e.composedPath().some(n => n.hasAttribute && n.hasAttribute('data-crosscheck')),
            });
            window.__hostListener = log;
            document.addEventListener('click', log);
            document.addEventListener('keydown', log);"#,
        )
        .call0(&JsValue::NULL)
        .unwrap();
        Host { area }
    }

    fn html(&self) -> String {
        self.area.outer_html()
    }

    fn button(&self) -> Element {
        document().get_element_by_id("host-button").unwrap()
    }

    fn input(&self) -> Element {
        document().get_element_by_id("host-input").unwrap()
    }

    fn clicks(&self) -> f64 {
        global("__hostClicks").as_f64().unwrap_or(-1.0)
    }

    /// What reached the `document` listeners: (type, key, defaultPrevented, from inside a widget).
    fn log(&self) -> Vec<(String, String, bool, bool)> {
        let json = js("", "return JSON.stringify(window.__hostLog);")
            .call0(&JsValue::NULL)
            .unwrap()
            .as_string()
            .unwrap();
        let v: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        v.iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap_or_default().to_string(),
                    e["key"].as_str().unwrap_or_default().to_string(),
                    e["prevented"].as_bool().unwrap_or_default(),
                    e["inWidget"].as_bool().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn clear_log(&self) {
        js("", "window.__hostLog = [];")
            .call0(&JsValue::NULL)
            .unwrap();
    }

    /// The host page still works: its button's handler fires, its listeners hear it.
    fn assert_alive(&self, context: &str) {
        let before = self.clicks();
        self.clear_log();
        assert!(click(&self.button()), "{context}: host click was cancelled");
        assert_eq!(self.clicks(), before + 1.0, "{context}: host click handler");
        assert!(key(&self.input(), "a"), "{context}: host key was cancelled");
        let log = self.log();
        assert!(
            log.iter().any(|(t, _, p, w)| t == "click" && !*p && !*w),
            "{context}: document click listener: {log:?}"
        );
        assert!(
            log.iter()
                .any(|(t, k, p, w)| t == "keydown" && k == "a" && !*p && !*w),
            "{context}: document keydown listener: {log:?}"
        );
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = js(
            "",
            r#"document.removeEventListener('click', window.__hostListener);
            document.removeEventListener('keydown', window.__hostListener);"#,
        )
        .call0(&JsValue::NULL);
        self.area.remove();
    }
}

// ---------------------------------------------------------------- 1. hostile article text

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

// ---------------------------------------------------------------- 2. damaged databases

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

// ---------------------------------------------------------------- 3. isolation

const HOSTILE_CSS: &str = "* { color: red !important; font-size: 40px !important; display: block } \
     button { display: none !important } mark { background: black } svg { display: none } \
     span, li, p { color: magenta !important; letter-spacing: 5px !important } \
     [role=\"button\"], [data-segment], [data-panel], .cc, .panel, .sent { display: none !important } \
     :focus { outline: none !important } * { box-sizing: content-box !important }";

fn small_db() -> Vec<u8> {
    let src = |id: &str, text: &str| Source {
        id: id.into(),
        title: None,
        outlet: Some(format!("Outlet {}", id.to_uppercase())),
        url: None,
        published: Some("2024-01-02".into()),
        language: Some("en".into()),
        text: text.into(),
    };
    let seg = |id: u32, s: &Source, part: &str| {
        let start = s.text.find(part).unwrap();
        Segment {
            id,
            source: s.id.clone(),
            text: part.into(),
            start,
            end: start + part.len(),
            kind: SegmentKind::Claim,
            paragraph: 0,
        }
    };
    let a0 = "Officials said 40 people were hurt on Monday.";
    let a1 = "Rain went on all week.";
    let b0 = "Police said 45 people were hurt on Monday in the flood.";
    let a = src("a", &format!("{a0} {a1}"));
    let b = src("b", b0);
    let span = |t: &str, p: &str| {
        let s = t.find(p).unwrap();
        (s, s + p.len())
    };
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
        segments: vec![seg(1, &a, a0), seg(2, &a, a1), seg(10, &b, b0)],
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
        let changed: Vec<_> = a
            .iter()
            .zip(b)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("{}: {} -> {}", x.0, x.1, y.1))
            .collect();
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
        let changed: Vec<_> = a
            .iter()
            .zip(b)
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("{}: {} -> {}", x.0, x.1, y.1))
            .collect();
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
