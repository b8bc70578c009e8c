//! The widget's top bar: its name, the legend of the three verdict symbols, and the theme
//! switch.

use yew::prelude::*;

use crate::state::{Action, Theme};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub theme: Theme,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let next = props.theme.next();
    let onclick = props
        .on_action
        .reform(move |_: MouseEvent| Action::SetTheme(next));
    html! {
        <div class="bar">
            <h2 class="brand">{ "Crosscheck" }</h2>
            <ul class="legend" aria-label="Legend">
                <li><span class="sym k-cor" aria-hidden="true">{ "✓" }</span>{ " corroborated by" }</li>
                <li><span class="sym k-dif" aria-hidden="true">{ "≠" }</span>{ " differs in" }</li>
                <li><span class="sym k-omi" aria-hidden="true">{ "∅" }</span>{ " not mentioned by" }</li>
            </ul>
            <button class="theme" data-theme-toggle="" {onclick}
                aria-label={format!("Colour theme: {}. Switch to {}.", props.theme.as_str(), next.as_str())}>
                { format!("Theme: {}", props.theme.as_str()) }
            </button>
        </div>
    }
}
