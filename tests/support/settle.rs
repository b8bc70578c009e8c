//! Waiting for what the widget draws after its first render: the coverage matrix, and a big
//! story's switcher buttons past the first dozen, are drawn once the browser is idle
//! (`dom::when_idle`), so a test that reads them waits for them first.

use std::time::Duration;

use web_sys::Element;

/// Waits until the widget in `container` has drawn its coverage matrix and all its switcher
/// buttons, or has none (an error box, an empty database). Fails after two seconds: a matrix
/// that never comes is a bug.
pub async fn matrix_drawn(container: &Element) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        let pending = container.shadow_root().and_then(|r| {
            r.query_selector(".overview[aria-busy], .tabs[aria-busy]")
                .ok()
                .flatten()
        });
        if pending.is_none() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the coverage matrix was not drawn within two seconds");
}
