//! A real panic inside the page's wasm, with widgets mounted: the panic hook must replace each
//! widget's content with the failure message and leave the host page alone.
//!
//! The widget's own components cannot be made to panic from outside (every database is
//! validated before it is shown), so a deliberately panicking component of this test, rendered
//! by the same Yew runtime beside a real widget, stands in for an internal error.
//!
//! Kept alone in its own test binary: after a panic the wasm instance has aborted mid-call, and
//! nothing else should run in it.
#![cfg(target_arch = "wasm32")]

use crosscheck_widget::{mount, Options, EMBEDDED_DB, LOAD_FAILED};
use js_sys::Function;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{MouseEvent, MouseEventInit};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn Boom() -> Html {
    let onclick = Callback::from(|_: MouseEvent| panic!("deliberate test panic"));
    html! { <button id="boom" {onclick}>{ "boom" }</button> }
}

#[wasm_bindgen_test]
async fn a_real_panic_replaces_the_widget_with_the_message_and_spares_the_page() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let body = doc.body().unwrap();
    let host = doc.create_element("section").unwrap();
    host.set_inner_html(
        "<p id=\"host-text\">Host page text.</p><button id=\"host-button\">Host</button>",
    );
    body.append_child(&host).unwrap();
    Function::new_no_args(
        "window.__hostClicks = 0; window.__errors = [];\
         window.addEventListener('error', (e) => { window.__errors.push(String(e.message)); e.preventDefault(); });\
         document.getElementById('host-button').addEventListener('click', () => { window.__hostClicks += 1; });",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let before = host.outer_html();

    let container = doc.create_element("div").unwrap();
    body.append_child(&container).unwrap();
    let _widget = mount(&container, EMBEDDED_DB, Options::default()).expect("mounts");
    let boom_root = doc.create_element("div").unwrap();
    body.append_child(&boom_root).unwrap();
    let _boom = yew::Renderer::<Boom>::with_root(boom_root.clone()).render();
    yew::scheduler::flush().await;
    let root = container.shadow_root().unwrap();
    assert!(root.query_selector("[data-segment]").unwrap().is_some());

    // The panic happens inside a click listener: the browser reports the trap as an error
    // event and returns here.
    let button = doc.get_element_by_id("boom").expect("the panicking button");
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    let _ = button.dispatch_event(&ev);

    let errors = Function::new_no_args("return JSON.stringify(window.__errors);")
        .call0(&JsValue::NULL)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        errors.contains("unreachable") || errors.contains("RuntimeError"),
        "the panic trapped: {errors}"
    );
    let err = root
        .query_selector("[data-error]")
        .unwrap()
        .expect("the widget shows the failure message");
    let text = err.text_content().unwrap();
    assert!(text.contains(LOAD_FAILED), "{text}");
    assert!(text.contains("internal error"), "{text}");
    assert!(root.query_selector("[data-segment]").unwrap().is_none());
    assert_eq!(host.outer_html(), before, "the host page is untouched");
    assert!(container.inner_html().is_empty());
    let clicks = Function::new_no_args(
        "document.getElementById('host-button').click(); return window.__hostClicks;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert_eq!(
        clicks.as_f64(),
        Some(1.0),
        "the host's own script still runs"
    );
}
