//! A sentence with some runs emphasised: `<mark>` for words shared with the claim, a second
//! kind of mark for the detail that differs. Text is always rendered as text.

use yew::prelude::*;

use crate::index::{Emphasis, Run};

#[derive(Properties, PartialEq)]
pub struct EmphasisedProps {
    pub runs: Vec<Run>,
}

#[component]
pub fn Emphasised(props: &EmphasisedProps) -> Html {
    props
        .runs
        .iter()
        .map(|r| match r.emphasis {
            None => html! { { r.text.clone() } },
            Some(Emphasis::Shared) => html! { <mark>{ r.text.clone() }</mark> },
            Some(Emphasis::Differs) => html! {
                <mark class="dif"><span class="sr-only">{ "differing: " }</span>{ r.text.clone() }</mark>
            },
        })
        .collect()
}
