//! The article switcher: one button per article of the cluster with its number (the same
//! number heads its column in the matrix), title, outlet and date.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct SwitcherProps {
    pub index: Shared,
    /// Position of the shown article.
    pub current: usize,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Switcher(props: &SwitcherProps) -> Html {
    let list = use_node_ref();
    let mounted = use_mut_ref(|| false);
    {
        // Keep the shown article's button in sight when a jump changes it; only the list
        // scrolls sideways, the page does not move.
        let list = list.clone();
        use_effect_with(props.current, move |&current| {
            // A new list starts scrolled to its start, where the first article's button is.
            // Reading offsets then would only force the browser to lay out the host page
            // synchronously, before the widget's first sentences are shown.
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if first && current == 0 {
                return;
            }
            if let Some(ul) = list.cast::<web_sys::HtmlElement>() {
                if let Ok(Some(tab)) = ul.query_selector("[aria-current=\"true\"]") {
                    if let Ok(tab) = tab.dyn_into::<web_sys::HtmlElement>() {
                        let left = tab.offset_left() - 8;
                        let right = tab.offset_left() + tab.offset_width() + 8;
                        if left < ul.scroll_left() || right > ul.scroll_left() + ul.client_width() {
                            ul.set_scroll_left(left.max(0));
                        }
                    }
                }
            }
        });
    }
    let tabs = props.index.sources().iter().enumerate().map(|(i, src)| {
        let current = i == props.current;
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::ShowSource(i));
        let meta: Vec<&str> = [src.outlet.as_deref(), src.published.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let title = props.index.source_title(i);
        html! {
            <li key={src.id.clone()}>
                <button class="tab" data-source-tab={src.id.clone()}
                    aria-current={if current { "true" } else { "false" }} {onclick}>
                    <span class="num" aria-hidden="true">{ i + 1 }</span>
                    <span class="tab-title">
                        <span class="sr-only">{ format!("Article {}: ", i + 1) }</span>
                        { title }
                    </span>
                    <span class="tab-meta">{ meta.join(" · ") }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav aria-label="Reports of this event">
            <ul class="tabs" ref={list}>{ for tabs }</ul>
        </nav>
    }
}
