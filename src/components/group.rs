//! One verdict group of the panel, with its count and one entry per other source. A story of
//! many reports would make a group hundreds of entries long (slow to open, long to scroll past
//! on a phone), so a group shows its first `FIRST` entries and a button that shows the rest.

use crosscheck_model::{Label, Verdict};
use yew::prelude::*;

use crate::components::verdict_item::VerdictItem;
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
    let all = use_state(|| false);
    let class = match props.label {
        Label::Corroborates => "k-cor",
        Label::Differs => "k-dif",
        Label::Omits => "k-omi",
    };
    let n = props.items.len();
    html! {
        <section class="group" data-group={props.label.as_str()}
            aria-label={format!("{}: {n}", props.title)}>
            <h4>
                <span class={classes!("sym", class)} aria-hidden="true">{ props.sym }</span>
                { props.title }
                <span class={classes!("count", class)}>{ n }</span>
            </h4>
            if n == 0 {
                <p class="empty">{ "No other report." }</p>
            } else {
                <ul>
                    { for props.items.iter().take(if *all { n } else { FIRST }).map(|v| html! {
                        <VerdictItem key={v.other.clone()} index={props.index.clone()} verdict={v.clone()}
                            jumps={props.jumps} on_action={props.on_action.clone()} />
                    }) }
                </ul>
            }
            if n > FIRST {
                <button class="more" data-more="" aria-expanded={if *all { "true" } else { "false" }}
                    onclick={{ let all = all.clone(); move |_: MouseEvent| all.set(!*all) }}>
                    { if *all {
                        format!("Show the first {FIRST} only")
                    } else {
                        format!("Show all {n} ({} more)", n - FIRST)
                    } }
                </button>
            }
        </section>
    }
}
