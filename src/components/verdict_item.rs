//! One other source in the panel: its name, and its evidence sentences with the shared words
//! marked (each a button that jumps to that sentence in its article, where there is one to
//! show); for a difference, the
//! two differing details side by side, labelled by kind.

use crosscheck_model::{Label, Verdict};
use yew::prelude::*;

use crate::components::emphasis::emphasised;
use crate::state::{Action, Shared};

/// The entry for `v`, keyed by its source. Evidence jumps to its article when `jumps` (see
/// `PanelProps::jumps`), reported to `on_action`.
pub fn verdict_item(
    index: &Shared,
    v: &Verdict,
    jumps: bool,
    on_action: &Callback<Action>,
) -> Html {
    let name = index.source_name(&v.other);
    let number = index.source_index(&v.other).map(|i| i + 1);
    let date = index.source(&v.other).and_then(|s| s.published.clone());
    // A label short enough to sit above a detail: the outlet, else the report's number.
    let short = index
        .source(&v.other)
        .and_then(|s| s.outlet.clone())
        .filter(|o| !o.trim().is_empty())
        .or_else(|| number.map(|n| format!("Report {n}")))
        .unwrap_or_else(|| v.other.clone());
    let evidence = v.evidence.iter().filter_map(|&id| {
        index.segment(id)?;
        if !jumps {
            return Some(html! {
                <blockquote class="evidence" data-evidence={id.to_string()}>
                    { emphasised(&index.evidence_runs(v, id)) }
                </blockquote>
            });
        }
        let onclick = on_action.reform(move |_: MouseEvent| Action::Jump(id));
        Some(html! {
            <button class="evidence" data-evidence={id.to_string()} {onclick}>
                { emphasised(&index.evidence_runs(v, id)) }
                <span class="go" aria-hidden="true">{ "Show in its article →" }</span>
                <span class="sr-only">{ format!(" (show this sentence in {name})") }</span>
            </button>
        })
    });
    let diffs = v.differences.iter().map(|d| {
        html! {
            <li class="diff" data-diff-kind={d.kind.human()}>
                <span class="kind">{ format!("{} differs", d.kind.human()) }</span>
                <span class="side-a"><span class="lab">{ "This article" }</span>{ d.here.clone() }</span>
                <span class="side-b"><span class="lab">{ short.clone() }</span>{ d.there.clone() }</span>
            </li>
        }
    });
    html! {
        // Focusable from script only: unfolding a group moves focus to its first new entry.
        <li key={v.other.clone()} class="item" tabindex="-1" data-source={v.other.clone()}
            data-verdict={v.label.as_str()}>
            <div class="who">
                if let Some(n) = number { <span class="num" aria-hidden="true">{ n }</span> }
                <span class="name">{ name.clone() }</span>
                if let Some(d) = date { <span class="meta">{ d }</span> }
                // An omission states no confidence: the database leaves omissions implicit.
                if v.label != Label::Omits {
                    <span class="meta">{ format!("confidence {}%", percent(v.score)) }</span>
                }
            </div>
            if v.label == Label::Omits {
                <p class="none">{ "No sentence of this report states it." }</p>
            }
            if !v.differences.is_empty() {
                <ul class="diffs" aria-label="Details that differ">{ for diffs }</ul>
            }
            { for evidence }
        </li>
    }
}

/// A score as a whole percentage, computed in integers: formatting a float would link the
/// float-printing machinery (several KiB of wasm) for this one number.
fn percent(score: f32) -> u32 {
    (score.clamp(0.0, 1.0) * 100.0).round() as u32
}
