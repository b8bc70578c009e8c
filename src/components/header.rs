//! The widget's top bar: its name, the legend of the three verdict symbols, and the theme
//! switch.

use yew::prelude::*;

use crate::state::{Action, Theme};

/// The bar for `theme`; the theme switch reports `Action::SetTheme` to `on_action`.
pub fn header(theme: Theme, on_action: &Callback<Action>) -> Html {
    let next = theme.next();
    let onclick = on_action.reform(move |_: MouseEvent| Action::SetTheme(next));
    html! {
        <div class="bar">
            <h2 class="brand">{ "Crosscheck" }</h2>
            <ul class="legend" aria-label="Legend">
                <li><span class="sym k-cor" aria-hidden="true">{ "✓" }</span>{ " corroborated by" }</li>
                <li><span class="sym k-dif" aria-hidden="true">{ "≠" }</span>{ " differs in" }</li>
                <li><span class="sym k-omi" aria-hidden="true">{ "∅" }</span>{ " not mentioned by" }</li>
            </ul>
            <button class="theme" data-theme-toggle="" {onclick}
                aria-label={format!("Colour theme: {}. Switch to {}.", theme.as_str(), next.as_str())}>
                { format!("Theme: {}", theme.as_str()) }
            </button>
        </div>
    }
}
