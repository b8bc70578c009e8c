//! The article switcher: one button per article of the cluster with its number (the same
//! number heads its column in the matrix), title, outlet and date.
//!
//! The buttons are one tab stop, moved with Left, Right, Home and End (the toolbar pattern):
//! a story of 200 reports would otherwise put 200 stops between a keyboard reader and the
//! article.
//!
//! A story of more than [`EAGER`] reports draws the first of them (and the one shown) first,
//! and the rest once the browser is idle, as the coverage overview is: 200 buttons were most
//! of the first render of a big story, before its first sentence could be read.

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

/// Buttons drawn with the first render; the rest wait for an idle moment.
pub const EAGER: usize = 12;

/// Where a key moves the switcher's tab stop from `at` among `n` buttons, if it moves it. The
/// buttons are a row: Up and Down are left to scroll the page.
pub fn moved(key: &str, at: usize, n: usize) -> Option<usize> {
    let last = n.checked_sub(1)?;
    match key {
        "ArrowRight" | "Right" => Some((at + 1).min(last)),
        "ArrowLeft" | "Left" => Some(at.saturating_sub(1).min(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// The button position an event happened on (`data-tab-index`), if any.
fn tab_of(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let tab = target.closest("[data-tab-index]").ok()??;
    tab.get_attribute("data-tab-index")?.parse().ok()
}

#[component]
pub fn Switcher(props: &SwitcherProps) -> Html {
    let list = use_node_ref();
    let mounted = use_mut_ref(|| false);
    let total = props.index.sources().len();
    let current = props.current;
    let all = crate::dom::use_flag(total <= EAGER);
    {
        let all = all.clone();
        crate::dom::use_after_first_render(Box::new(move || {
            if !*all {
                crate::dom::when_idle(move || all.set(true));
            }
        }));
    }
    // The articles whose buttons are drawn, in order: the keys move among these (the first
    // dozen and the one shown, until the rest are drawn).
    let drawn: Vec<usize> = (0..total)
        .filter(|&i| *all || i < EAGER || i == current)
        .collect();
    // Where the reader moved the tab stop, and which article was shown then. Once another
    // article is shown (a click, a jump, the page's `select`), the stop is its button again;
    // worked out here rather than in an effect, so no render has it on the old button.
    let moved_to = use_state_eq(|| None::<(usize, usize)>);
    let stop = match *moved_to {
        Some((shown, at)) if shown == current && drawn.contains(&at) => at,
        _ => current,
    }
    .min(total.saturating_sub(1));
    let onkeydown = {
        let list = list.clone();
        let drawn = drawn.clone();
        Callback::from(move |e: KeyboardEvent| {
            // From the button that has focus: the stop follows focus (`onfocusin`), but a key
            // can come before its render.
            let from = tab_of(&e).unwrap_or(stop);
            let at = drawn.iter().position(|&i| i == from).unwrap_or(0);
            let Some(to) = moved(&e.key(), at, drawn.len()).and_then(|k| drawn.get(k).copied())
            else {
                return;
            };
            e.prevent_default();
            crate::dom::focus_selector(&list, &format!("[data-tab-index=\"{to}\"]"), false);
        })
    };
    // A button focused any way (an arrow key above, a click, Tab back into the row) takes the
    // stop: the one place it is set.
    let onfocusin = {
        let moved_to = moved_to.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(at) = tab_of(&e) {
                moved_to.set(Some((current, at)));
            }
        })
    };
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
    let tabs = drawn.iter().filter_map(|&i| Some((i, props.index.sources().get(i)?))).map(|(i, src)| {
        let current = i == props.current;
        let tabindex = if i == stop { "0" } else { "-1" };
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
            <li key={src.id.clone()} role="none">
                <button class="tab" data-source-tab={src.id.clone()} data-tab-index={i.to_string()}
                    {tabindex} aria-current={if current { "true" } else { "false" }} {onclick}>
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
            // A toolbar to assistive technology: one stop, arrow keys between its buttons.
            <ul class="tabs" ref={list} role="toolbar" aria-label="Reports"
                aria-orientation="horizontal" aria-busy={(!*all).then_some("true")}
                {onkeydown} {onfocusin}>{ for tabs }</ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn keys_move_the_tab_stop_within_the_buttons() {
        // (key, from, buttons, to)
        let rows: [(&str, usize, usize, Option<usize>); 10] = [
            ("ArrowRight", 0, 5, Some(1)),
            ("ArrowRight", 4, 5, Some(4)),
            ("ArrowDown", 2, 5, None),
            ("ArrowLeft", 0, 5, Some(0)),
            ("ArrowUp", 3, 5, None),
            ("Home", 3, 5, Some(0)),
            ("End", 1, 200, Some(199)),
            ("Enter", 1, 5, None),
            ("Tab", 1, 5, None),
            ("End", 0, 0, None),
        ];
        for (key, from, n, want) in rows {
            assert_eq!(moved(key, from, n), want, "{key} from {from} of {n}");
        }
    }
}
