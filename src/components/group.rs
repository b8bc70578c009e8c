//! One verdict group of the panel, with its count and one entry per other source. A story of
//! many reports would make a group hundreds of entries long (slow to open, long to scroll past
//! on a phone), so a group shows its first `FIRST` entries and a button that shows the rest.

use crosscheck_model::{Label, Verdict};
use yew::prelude::*;

use crate::components::verdict_item::verdict_item;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    pub index: Shared,
    pub label: Label,
    pub title: &'static str,
    pub sym: &'static str,
    pub items: Vec<Verdict>,
    /// Evidence jumps to its article (see `PanelProps::jumps`).
    pub jumps: bool,
    pub on_action: Callback<Action>,
}

/// Entries a group shows before "Show all".
pub const FIRST: usize = 12;

#[component]
pub fn Group(props: &GroupProps) -> Html {
    let all = crate::dom::use_flag(false);
    let section = use_node_ref();
    {
        // Unfolding puts the new entries above the button: focus moves to the first of them,
        // so a keyboard reader goes on reading where the list grew instead of past it.
        let section = section.clone();
        use_effect_with(*all, move |&all| {
            if all {
                let first_new = format!(".item:nth-child({})", FIRST + 1);
                crate::dom::focus_selector(&section, &first_new, false);
            }
        });
    }
    let list_id = format!("cc-group-{}", props.label.as_str());
    let class = match props.label {
        Label::Corroborates => "k-cor",
        Label::Differs => "k-dif",
        Label::Omits => "k-omi",
    };
    let n = props.items.len();
    html! {
        <section class="group" ref={section} data-group={props.label.as_str()}
            aria-label={format!("{}: {n}", props.title)}>
            <h4>
                <span class={classes!("sym", class)} aria-hidden="true">{ props.sym }</span>
                { props.title }
                <span class={classes!("count", class)}>{ n }</span>
            </h4>
            if n == 0 {
                <p class="empty">{ "No other report." }</p>
            } else {
                <ul id={list_id.clone()}>
                    { for props.items.iter().take(if *all { n } else { FIRST }).map(|v| {
                        verdict_item(&props.index, v, props.jumps, &props.on_action)
                    }) }
                </ul>
            }
            // A disclosure button: its name stays the same and `aria-expanded` says whether the
            // list is unfolded (the arrow says it to sighted readers).
            if n > FIRST {
                <button class="more" data-more="" aria-controls={list_id}
                    aria-expanded={if *all { "true" } else { "false" }}
                    onclick={{ let all = all.clone(); move |_: MouseEvent| all.set(!*all) }}>
                    { format!("Show all {n} {}", match props.label {
                        Label::Corroborates => "corroborating reports",
                        Label::Differs => "reports that differ",
                        Label::Omits => "reports that do not mention it",
                    }) }
                    <span aria-hidden="true">{ if *all { " ▴" } else { " ▾" } }</span>
                </button>
            }
        </section>
    }
}
