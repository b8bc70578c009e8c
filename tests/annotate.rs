//! Browser tests of annotate mode on host markup written to look like real publishers'
//! templates: each seed article is laid out five ways (a plain story, nested wrappers with
//! links and emphasis inside sentences, a drop cap with ad slots and related-story asides
//! between paragraphs, sentences split over two elements in print typography, and a feature
//! page with a share bar, figures, a pull quote and `<br>`-separated paragraphs). Anchoring
//! must find at least 95% of the claim sentences of each layout, leave the layout exactly as
//! it was, and open the reader box's panel by mouse and keyboard.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test annotate`
//! (or `GECKODRIVER=$(which geckodriver)` for Firefox).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use crosscheck_model::{Database, SegmentKind};
use crosscheck_widget::api::{annotate_js, Annotated, SELECT_EVENT};
use crosscheck_widget::EMBEDDED_DB;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- host layouts

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn seeds() -> Database {
    Database::from_bin(EMBEDDED_DB).expect("the embedded database decodes")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An article as its publisher has it: the headline, then paragraphs of text.
struct Story {
    id: String,
    headline: Option<String>,
    paragraphs: Vec<String>,
}

/// The article's paragraphs, cut from its text by the database's paragraph numbers.
fn story(db: &Database, source: usize) -> Story {
    let src = &db.sources[source];
    let mut spans: Vec<(u32, usize, usize, bool)> = Vec::new();
    for s in db.segments.iter().filter(|s| s.source == src.id) {
        match spans.iter_mut().find(|p| p.0 == s.paragraph) {
            Some(p) => {
                p.1 = p.1.min(s.start);
                p.2 = p.2.max(s.end);
                p.3 &= s.kind == SegmentKind::Headline;
            }
            None => spans.push((s.paragraph, s.start, s.end, s.kind == SegmentKind::Headline)),
        }
    }
    spans.sort();
    let mut headline = None;
    let mut paragraphs = Vec::new();
    for (i, (_, a, b, is_head)) in spans.into_iter().enumerate() {
        let text = src.text[a..b].trim().to_string();
        if i == 0 && is_head {
            headline = Some(text);
        } else {
            paragraphs.push(text);
        }
    }
    Story {
        id: src.id.clone(),
        headline,
        paragraphs,
    }
}

/// Wraps the middle words of a paragraph in a link and one word in emphasis.
fn with_inline_markup(p: &str) -> String {
    let words: Vec<&str> = p.split(' ').collect();
    if words.len() < 8 {
        return esc(p);
    }
    let (a, b) = (words.len() / 3, words.len() / 3 + 3);
    format!(
        "{} <a href=\"#related\">{}</a> <em>{}</em> {}",
        esc(&words[..a].join(" ")),
        esc(&words[a..b].join(" ")),
        esc(words[b]),
        esc(&words[b + 1..].join(" "))
    )
}

/// Print typography: curly quotes and apostrophes, em dashes, non-breaking spaces after
/// short words, soft hyphens in long words.
fn typeset(p: &str) -> String {
    let mut out = String::new();
    let mut open = true;
    for c in p.chars() {
        match c {
            '"' => {
                out.push(if open { '\u{201c}' } else { '\u{201d}' });
                open = !open;
            }
            '\'' => out.push('\u{2019}'),
            _ => out.push(c),
        }
    }
    let out = out.replace(" - ", " \u{2014} ");
    out.split(' ')
        .map(|w| {
            if w.chars().count() > 9 && w.is_char_boundary(4) {
                format!("{}\u{ad}{}", &w[..4], &w[4..])
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" a ", " a\u{a0}")
}

/// Splits a paragraph into two elements in the middle of a sentence.
fn split_in_two(p: &str) -> String {
    let t = typeset(p);
    let words: Vec<&str> = t.split(' ').collect();
    let mid = words.len() / 2;
    format!(
        "<span class=\"part\">{}</span> <span class=\"part\">{}</span>",
        esc(&words[..mid].join(" ")),
        esc(&words[mid..].join(" "))
    )
}

fn layout(name: &str, s: &Story) -> String {
    let head = s.headline.as_deref().map(esc).unwrap_or_default();
    let body: Vec<String> = match name {
        "plain" => s
            .paragraphs
            .iter()
            .map(|p| format!("<p>{}</p>", esc(p)))
            .collect(),
        "nested-links" => s
            .paragraphs
            .iter()
            .map(|p| {
                format!(
                    "<div class=\"block\"><div class=\"rich-text\"><p class=\"para\">{}</p></div></div>",
                    with_inline_markup(p)
                )
            })
            .collect(),
        "dropcap-ads-asides" => s
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = if i == 0 {
                    let first = p.chars().next().map(|c| c.len_utf8()).unwrap_or(0);
                    format!(
                        "<span class=\"dropcap\">{}</span>{}",
                        esc(&p[..first]),
                        esc(&p[first..])
                    )
                } else {
                    esc(p)
                };
                let extra = match i % 3 {
                    1 => "<div class=\"ad-slot\"><span>Advertisement</span><div>Sponsored: \
                          Find the best mortgage rates today</div></div>",
                    2 => "<aside class=\"related\"><h3>Related stories</h3><ul><li><a href=\"#\">\
                          Markets close higher as investors weigh the outlook</a></li></ul></aside>",
                    _ => "",
                };
                format!("<p>{text}</p>{extra}")
            })
            .collect(),
        "split-typeset" => s
            .paragraphs
            .iter()
            .map(|p| format!("<p class=\"body\">{}</p>", split_in_two(p)))
            .collect(),
        "feature-br" => {
            let mut out = vec![
                "<ul class=\"share\"><li>Share</li><li>Save</li><li>Comments (12)</li></ul>"
                    .to_string(),
            ];
            let mut br = Vec::new();
            for (i, p) in s.paragraphs.iter().enumerate() {
                br.push(esc(p));
                if i == 1 {
                    out.push(format!("<div class=\"text\">{}</div>", br.join("<br><br>")));
                    br.clear();
                    out.push(
                        "<figure><div class=\"img\"></div><figcaption>A view of the scene on \
                         the day. Photograph: Staff</figcaption></figure>"
                            .into(),
                    );
                    if let Some(q) = s.paragraphs.first() {
                        out.push(format!("<blockquote class=\"pull\">{}</blockquote>", esc(q)));
                    }
                }
            }
            out.push(format!("<div class=\"text\">{}</div>", br.join("<br><br>")));
            out
        }
        other => panic!("no layout {other}"),
    };
    format!(
        "<header class=\"story-head\"><h1>{head}</h1><p class=\"byline\">By Staff Reporter</p>\
         </header><div class=\"story-body\">{}</div>",
        body.join("\n")
    )
}

const LAYOUTS: [&str; 5] = [
    "plain",
    "nested-links",
    "dropcap-ads-asides",
    "split-typeset",
    "feature-br",
];

/// A host article element in the page, removed when dropped.
struct Host(Element);

impl Host {
    fn new(html: &str) -> Host {
        let el = document().create_element("article").unwrap();
        el.set_inner_html(html);
        document().body().unwrap().append_child(&el).unwrap();
        Host(el)
    }

    fn marker(&self, segment: u32) -> Element {
        self.0
            .query_selector(&format!("crosscheck-mark[data-segment=\"{segment}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no marker for {segment}"))
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.0.remove();
    }
}

async fn annotate(host: &Host, source: &str) -> Annotated {
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"source".into(), &source.into()).unwrap();
    js_sys::Reflect::set(&opts, &"database".into(), &"embedded".into()).unwrap();
    let a = annotate_js(host.0.clone(), opts.into());
    JsFuture::from(a.ready()).await.unwrap();
    yew::scheduler::flush().await;
    a
}

fn claims_of(db: &Database, source: &str) -> Vec<u32> {
    db.segments
        .iter()
        .filter(|s| s.source == source && s.kind == SegmentKind::Claim)
        .map(|s| s.id)
        .collect()
}

fn popover() -> Option<Element> {
    document()
        .query_selector("[data-crosscheck-popover]:not([hidden])")
        .unwrap()
}

fn in_popover(selector: &str) -> Option<Element> {
    popover()?.shadow_root()?.query_selector(selector).unwrap()
}

fn key(el: &Element, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn heights(el: &Element) -> Vec<i64> {
    let list = el.query_selector_all("p, div, h1, li, blockquote").unwrap();
    let mut out = vec![el.get_bounding_client_rect().height().round() as i64];
    for i in 0..list.length() {
        let e: Element = list.item(i).unwrap().dyn_into().unwrap();
        out.push(e.get_bounding_client_rect().height().round() as i64);
    }
    out
}

// ---------------------------------------------------------------- tests

#[wasm_bindgen_test]
async fn every_layout_anchors_at_least_95_percent_of_claims_and_moves_nothing() {
    let db = seeds();
    for name in LAYOUTS {
        let (mut found, mut total) = (0, 0);
        for i in 0..db.sources.len() {
            let s = story(&db, i);
            let host = Host::new(&layout(name, &s));
            let before = heights(&host.0);
            let a = annotate(&host, &s.id).await;
            let marked = a.anchored();
            let claims = claims_of(&db, &s.id);
            found += claims.iter().filter(|c| marked.contains(c)).count();
            total += claims.len();
            assert_eq!(
                heights(&host.0),
                before,
                "{name}/{}: marking moved the layout",
                s.id
            );
            a.destroy();
        }
        let rate = found as f64 / total as f64;
        console_log!("annotate layout {name}: {found}/{total} claim sentences anchored");
        assert!(rate >= 0.95, "{name}: {found}/{total} claims anchored");
    }
}

#[wasm_bindgen_test]
async fn destroy_gives_the_article_back_exactly() {
    let db = seeds();
    let s = story(&db, 1);
    let host = Host::new(&layout("nested-links", &s));
    let original = host.0.inner_html();
    let a = annotate(&host, &s.id).await;
    assert_ne!(host.0.inner_html(), original, "something was marked");
    a.destroy();
    assert_eq!(host.0.inner_html(), original);
}

#[wasm_bindgen_test]
async fn a_page_where_nothing_anchors_stays_as_it_was() {
    let host = Host::new("<p>Completely unrelated text about gardening in spring.</p>");
    let original = host.0.outer_html();
    let a = annotate(&host, &seeds().sources[0].id).await;
    let tally = a.tally();
    assert_eq!(
        js_sys::Reflect::get(&tally, &"anchored".into())
            .unwrap()
            .as_f64(),
        Some(0.0)
    );
    assert_eq!(
        host.0.outer_html(),
        original,
        "not even an attribute was added"
    );
    a.destroy();
}

#[wasm_bindgen_test]
async fn click_opens_the_panel_escape_closes_it_and_focus_returns() {
    let db = seeds();
    let s = story(&db, 0);
    let host = Host::new(&layout("plain", &s));
    let seen = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            sink.borrow_mut().push(e.detail());
        });
    host.0
        .add_event_listener_with_callback(SELECT_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    let a = annotate(&host, &s.id).await;
    let claim = claims_of(&db, &s.id)
        .into_iter()
        .find(|c| a.anchored().contains(c))
        .expect("a marked claim");

    // A click on the sentence's text.
    let part: HtmlElement = host
        .0
        .query_selector(&format!("[data-crosscheck-part=\"{claim}\"]"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    part.click();
    yew::scheduler::flush().await;
    let panel = in_popover("[data-panel]").expect("the panel opened");
    assert_eq!(
        panel.get_attribute("data-panel").unwrap(),
        claim.to_string()
    );
    let items = popover()
        .unwrap()
        .shadow_root()
        .unwrap()
        .query_selector_all("[data-panel] [data-verdict]")
        .unwrap();
    assert_eq!(
        items.length() as usize,
        db.sources.len() - 1,
        "every other source is listed"
    );
    assert_eq!(
        host.marker(claim).get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        seen.borrow().len(),
        1,
        "crosscheck:select fired on the article"
    );
    let focused = popover().unwrap().shadow_root().unwrap().active_element();
    assert!(
        focused.is_some_and(|f| f.class_name().contains("close")),
        "focus moved into the panel"
    );

    // Escape closes it and focus returns to the sentence's marker.
    key(&panel, "Escape", false);
    yew::scheduler::flush().await;
    assert!(popover().is_none(), "the panel closed");
    assert_eq!(document().active_element(), Some(host.marker(claim)));
    assert_eq!(
        host.marker(claim).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    a.destroy();
}

#[wasm_bindgen_test]
async fn keyboard_walk_enter_opens_tab_moves_on_to_the_next_sentence() {
    let db = seeds();
    let s = story(&db, 2);
    let host = Host::new(&layout("dropcap-ads-asides", &s));
    let a = annotate(&host, &s.id).await;
    let marked = a.anchored();
    assert!(marked.len() >= 2);
    let first = host.marker(marked[0]);
    assert_eq!(
        first.get_attribute("tabindex").as_deref(),
        Some("0"),
        "reachable by Tab"
    );
    let spoken = first
        .shadow_root()
        .and_then(|r| r.query_selector(".sr-only").unwrap())
        .and_then(|s| s.text_content())
        .unwrap_or_default();
    assert!(
        spoken.contains("corroborated by"),
        "its coverage is spoken: {spoken}"
    );
    first.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&first, "Enter", false);
    yew::scheduler::flush().await;
    assert!(
        in_popover("[data-panel]").is_some(),
        "Enter opened the panel"
    );

    // Tab from the panel's last control goes on to the next marked sentence.
    let root = popover().unwrap().shadow_root().unwrap();
    let controls = root.query_selector_all("button").unwrap();
    let last: HtmlElement = controls
        .item(controls.length() - 1)
        .unwrap()
        .dyn_into()
        .unwrap();
    last.focus().unwrap();
    key(&last, "Tab", false);
    yew::scheduler::flush().await;
    assert!(popover().is_none(), "leaving the panel closes it");
    assert_eq!(document().active_element(), Some(host.marker(marked[1])));

    // Space on a marker opens too; clicking the same sentence again closes.
    let second = host.marker(marked[1]);
    key(&second, " ", false);
    yew::scheduler::flush().await;
    assert!(
        in_popover("[data-panel]").is_some(),
        "Space opened the panel"
    );
    second.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(popover().is_none(), "a second click closes it");
    a.destroy();
}

#[wasm_bindgen_test]
async fn annotating_again_replaces_the_marks() {
    let db = seeds();
    let s = story(&db, 3);
    let host = Host::new(&layout("plain", &s));
    let first = annotate(&host, &s.id).await;
    let n = first.anchored().len();
    let second = annotate(&host, &s.id).await;
    assert_eq!(second.anchored().len(), n);
    let marks = host
        .0
        .query_selector_all("crosscheck-mark")
        .unwrap()
        .length() as usize;
    assert_eq!(marks, n, "each sentence is marked once");
    second.destroy();
    assert_eq!(
        host.0
            .query_selector_all("crosscheck-mark")
            .unwrap()
            .length(),
        0
    );
}

/// The text each marked sentence's wrappers hold, joined, in page order of the wrappers.
fn wrapped_text(host: &Host, segment: u32) -> String {
    let list = host
        .0
        .query_selector_all(&format!("[data-crosscheck-part=\"{segment}\"]"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

/// Letters and digits only, lower-cased: what anchoring compares.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[wasm_bindgen_test]
async fn wrappers_hold_exactly_their_sentence_even_after_emoji_and_in_page_order() {
    let db = seeds();
    let mut s = story(&db, 4);
    // Astral characters (two UTF-16 units each) before the sentences of each text node: a
    // byte or char offset used as a DOM offset would cut the wrong text.
    for p in &mut s.paragraphs {
        *p = format!("🌊🌊 {p}");
    }
    let host = Host::new(&layout("plain", &s));
    let a = annotate(&host, &s.id).await;
    let marked = a.anchored();
    assert!(marked.len() >= 10);
    for seg in &marked {
        let want = &db.segments.iter().find(|x| x.id == *seg).unwrap().text;
        assert_eq!(
            letters(&wrapped_text(&host, *seg)),
            letters(want),
            "sentence {seg}"
        );
    }
    // Markers come in page order, and `anchored()` lists them so.
    let list = host.0.query_selector_all("crosscheck-mark").unwrap();
    let order: Vec<u32> = (0..list.length())
        .map(|i| {
            let m: Element = list.item(i).unwrap().dyn_into().unwrap();
            m.get_attribute("data-segment").unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(order, marked);
    a.destroy();
}

#[wasm_bindgen_test]
async fn a_marker_is_never_inside_a_link_and_still_opens_its_panel() {
    let db = seeds();
    let s = (0..db.sources.len())
        .map(|i| story(&db, i))
        .find(|s| s.headline.is_some())
        .expect("a seed with a headline");
    let headline = s.headline.clone().unwrap_or_default();
    let html = format!(
        "<h1><a href=\"#story\"><span>{}</span></a></h1>{}",
        esc(&headline),
        s.paragraphs
            .iter()
            .map(|p| format!("<p>{}</p>", esc(p)))
            .collect::<String>()
    );
    let host = Host::new(&html);
    let a = annotate(&host, &s.id).await;
    let head_seg = db
        .segments
        .iter()
        .find(|x| x.source == s.id && x.kind == SegmentKind::Headline)
        .unwrap()
        .id;
    let marker = host.marker(head_seg);
    assert!(
        marker.closest("a").unwrap().is_none(),
        "the marker sits outside the link"
    );
    assert!(host
        .0
        .query_selector("a crosscheck-mark")
        .unwrap()
        .is_none());
    marker.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    let panel = in_popover("[data-panel]").expect("the panel opened");
    assert_eq!(
        panel.get_attribute("data-panel").unwrap(),
        head_seg.to_string()
    );
    a.destroy();
}

#[wasm_bindgen_test]
async fn destroy_puts_back_the_same_text_nodes_and_no_others_are_merged() {
    let db = seeds();
    let s = story(&db, 1);
    let doc = document();
    let article = doc.create_element("article").unwrap();
    // The host's own DOM as a framework leaves it: a paragraph split into adjacent text
    // nodes, and an empty text node used as an anchor.
    let p = doc.create_element("p").unwrap();
    let text = &s.paragraphs[0];
    let cut = text.find(' ').unwrap_or(0);
    let parts = [&text[..cut], "", &text[cut..]];
    let nodes: Vec<web_sys::Text> = parts.iter().map(|t| doc.create_text_node(t)).collect();
    for n in &nodes {
        p.append_child(n).unwrap();
    }
    article.append_child(&p).unwrap();
    for para in &s.paragraphs[1..] {
        let q = doc.create_element("p").unwrap();
        q.set_text_content(Some(para));
        article.append_child(&q).unwrap();
    }
    doc.body().unwrap().append_child(&article).unwrap();
    let host = Host(article);
    let a = annotate(&host, &s.id).await;
    assert!(a.anchored().len() > 3, "something was marked");
    a.destroy();
    let now = p.child_nodes();
    assert_eq!(
        now.length(),
        3,
        "the same three text nodes, the empty one included"
    );
    for (i, n) in nodes.iter().enumerate() {
        let same: web_sys::Node = now.item(i as u32).unwrap();
        assert!(
            same.is_same_node(Some(n)),
            "text node {i} is the host's own"
        );
        assert_eq!(n.data(), parts[i], "text node {i} holds its text");
    }
}

#[wasm_bindgen_test]
async fn the_page_can_open_a_sentence_without_taking_focus_and_destroy_closes_the_panel() {
    let db = seeds();
    let s = story(&db, 3);
    let host = Host::new(&layout("plain", &s));
    let a = annotate(&host, &s.id).await;
    let marked = a.anchored();
    let before = document().active_element();
    assert!(a.select(marked[1]));
    yew::scheduler::flush().await;
    assert!(in_popover(&format!("[data-panel=\"{}\"]", marked[1])).is_some());
    assert_eq!(
        document().active_element(),
        before,
        "focus stays where it was"
    );
    assert!(!a.select(u32::MAX), "an unknown sentence is refused");
    a.destroy();
    yew::scheduler::flush().await;
    assert!(
        document()
            .query_selector("[data-crosscheck-popover]")
            .unwrap()
            .is_none(),
        "destroy takes the open panel away"
    );
}
