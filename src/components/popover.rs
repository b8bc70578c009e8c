//! Annotate mode's panel: the reader box's own `Panel` for one sentence of the publisher's
//! article, in a dialog of its own shadow root. It sits beside the sentence on wide screens
//! and is a bottom sheet on narrow ones (`style::POPOVER`); focus moves into it when it opens.

use yew::prelude::*;

use crate::components::panel::Panel;
use crate::state::{Action, Shared, Theme};

#[derive(Properties, PartialEq, Clone)]
pub struct PopoverProps {
    pub index: Shared,
    /// The open sentence; `None` renders nothing.
    pub segment: Option<u32>,
    #[prop_or_default]
    pub theme: Theme,
    /// Whether opening moves focus into it: yes for a reader's click or key, no for the page's
    /// script (`Crosscheck.annotate(...).select`).
    #[prop_or_default]
    pub focus: bool,
    /// The reader closed it (the Close button or Escape).
    pub on_close: Callback<()>,
}

#[component]
pub fn Popover(props: &PopoverProps) -> Html {
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((props.segment, props.focus), move |(segment, focus)| {
            if segment.is_some() && *focus {
                crate::dom::focus_selector(&root, ".close", false);
            }
        });
    }
    let Some(segment) = props.segment else {
        return html! {};
    };
    let on_action = {
        let on_close = props.on_close.clone();
        Callback::from(move |a: Action| {
            if a == Action::Close {
                on_close.emit(());
            }
        })
    };
    html! {
        <div ref={root} class={classes!("cc", format!("theme-{}", props.theme.as_str()), "popover")}
            role="dialog" aria-label="How other reports cover this sentence"
            data-popover={segment.to_string()}>
            <Panel index={props.index.clone()} {segment} jumps={false} {on_action} />
        </div>
    }
}
