//! A sentence with some runs emphasised: `<mark>` for words shared with the claim, a second
//! kind of mark for the detail that differs. Text is always rendered as text.

use yew::prelude::*;

use crate::index::{Emphasis, Run};

/// The sentence cut into `runs`, each as text, emphasised as it says.
pub fn emphasised(runs: &[Run]) -> Html {
    runs.iter()
        .map(|r| match r.emphasis {
            None => html! { { r.text.clone() } },
            Some(Emphasis::Shared) => html! { <mark>{ r.text.clone() }</mark> },
            Some(Emphasis::Differs) => html! {
                <mark class="dif"><span class="sr-only">{ "differing: " }</span>{ r.text.clone() }</mark>
            },
        })
        .collect()
}
