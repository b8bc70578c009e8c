//! The panel for one opened sentence: the sentence, a one-line summary, and the other
//! sources in three counted groups (Corroborated by, Differs in, Not mentioned by).

use crosscheck_model::{Label, Verdict};
use yew::prelude::*;

use crate::components::emphasis::emphasised;
use crate::components::group::Group;
use crate::index::{plural, runs, Emphasis};
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub index: Shared,
    pub segment: u32,
    /// The sentence "Back" returns to, if the reader got here by a jump.
    #[prop_or_default]
    pub back: Option<u32>,
    /// Whether evidence sentences are buttons that jump to their article. Annotate mode's
    /// panel has no other article to show, so its evidence is quoted only.
    #[prop_or(true)]
    pub jumps: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let index = &props.index;
    let Some(seg) = index.segment(props.segment) else {
        return html! {};
    };
    let verdicts = index.verdicts_of(seg.id);
    let c = index.coverage(seg.id);
    let close = props.on_action.reform(|_: MouseEvent| Action::Close);
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Escape" | "Esc") {
                e.prevent_default();
                on_action.emit(Action::Close);
            }
        })
    };
    let group = |label: Label, title: &'static str, sym: &'static str| {
        let items: Vec<_> = verdicts
            .iter()
            .filter(|v| v.label == label)
            .map(|v| Verdict::clone(v))
            .collect();
        html! {
            // Keyed by the sentence: another sentence's group starts folded again.
            <Group key={format!("{}-{}", label.as_str(), seg.id)} index={index.clone()} {label}
                {title} {sym} {items} jumps={props.jumps}
                on_action={props.on_action.clone()} />
        }
    };
    // The sentence itself, with every detail another report differs on marked.
    let here: Vec<_> = verdicts
        .iter()
        .flat_map(|v| v.differences.iter())
        .map(|d| (d.here_span.0, d.here_span.1, Emphasis::Differs))
        .collect();
    let quote = runs(&seg.text, &here);
    let others = index.sources().len().saturating_sub(1);
    let unreadable = index.unreadable(seg.id);
    let summary = if let Some(e) = unreadable {
        format!("This sentence's verdicts cannot be read: {e}.")
    } else if verdicts.is_empty() {
        "The engine has no verdict on this sentence.".to_string()
    } else {
        format!(
            "Of {}, {} corroborate, {} differ and {} do not mention it.",
            plural(others, "other report"),
            c.corroborates,
            c.differs,
            c.omits
        )
    };
    html! {
        <aside class="panel" id="cc-panel" data-panel={seg.id.to_string()}
            aria-label="How the other reports cover this sentence" {onkeydown}>
            <div class="panel-head">
                <h3>{ "This sentence" }</h3>
                <button class="close" onclick={close} aria-label="Close the panel">{ "Close ✕" }</button>
            </div>
            if let Some(back) = props.back.and_then(|b| index.segment(b)) {
                <button class="back" data-back={back.id.to_string()}
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Back)}>
                    { format!("← Back to {}", index.source_name(&back.source)) }
                </button>
            }
            <blockquote class="quote">{ emphasised(&quote) }</blockquote>
            <p class="summary" data-unreadable={unreadable.is_some().then_some("")}>
                { summary }
            </p>
            // A sentence whose verdicts cannot be read has no groups: "No other report"
            // under each would say what the file does not.
            if unreadable.is_none() {
                { group(Label::Corroborates, "Corroborated by", "✓") }
                { group(Label::Differs, "Differs in", "≠") }
                { group(Label::Omits, "Not mentioned by", "∅") }
            }
        </aside>
    }
}
