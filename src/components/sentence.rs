//! One claim or headline sentence: a focusable, keyboard-operable element with its coverage
//! marker. Arrow keys move between sentences (one tab stop per article), Enter or Space
//! opens the panel, Escape closes it.

use yew::prelude::*;

use crate::components::marker::marker;
use crate::index::Coverage;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct SentenceProps {
    pub id: u32,
    pub text: AttrValue,
    pub coverage: Coverage,
    pub open: bool,
    pub active: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Sentence(props: &SentenceProps) -> Html {
    let id = props.id;
    let open = props.open;
    let onclick = props.on_action.reform(move |_: MouseEvent| {
        if open {
            Action::Close
        } else {
            Action::Open(id)
        }
    });
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" | "Down" | "Right" => Action::Move(1),
                "ArrowUp" | "ArrowLeft" | "Up" | "Left" => Action::Move(-1),
                "Home" => Action::MoveToEnd(false),
                "End" => Action::MoveToEnd(true),
                "Enter" | " " | "Spacebar" => Action::Open(id),
                "Escape" | "Esc" if open => Action::Close,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            on_action.emit(action);
        })
    };
    let onfocusin = props
        .on_action
        .reform(move |_: FocusEvent| Action::Focused(id));
    // The name comes from the content: the sentence, then its coverage in words for screen
    // readers (the marker's glyphs are hidden from them). An `aria-label` would hide the
    // visible text from speech-input users, who say what they see to click it.
    let spoken = format!(" — {}", props.coverage.spoken());
    html! {
        <span class="sent" data-segment={id.to_string()} role="button"
            tabindex={if props.active { "0" } else { "-1" }}
            aria-expanded={if open { "true" } else { "false" }}
            aria-controls={open.then_some("cc-panel")}
            {onclick} {onkeydown} {onfocusin}>
            { props.text.clone() }
            <span class="sr-only">{ spoken }</span>
            { marker(props.coverage) }
        </span>
    }
}
