//! The small coverage badge after each sentence: "✓3 ≠1 ∅0" told apart by symbol, border
//! and colour, so it reads without colour vision. Hidden from screen readers, which hear the
//! same counts in the sentence's label.

use yew::prelude::*;

use crate::index::Coverage;

/// The badge for a sentence covered as `c` says.
pub fn marker(c: Coverage) -> Html {
    let part = |class: &'static str, sym: &str, n: usize| {
        html! { <span class={classes!(class, (n == 0).then_some("zero"))}>{ format!("{sym}{n}") }</span> }
    };
    if c.unreadable {
        return html! {
            <span class="marker" aria-hidden="true" title={c.spoken()} data-unreadable="">
                <span class="k-omi">{ "? unreadable" }</span>
            </span>
        };
    }
    html! {
        <span class="marker" aria-hidden="true" title={c.spoken()}>
            { part("k-cor", "✓", c.corroborates) }
            { part("k-dif", "≠", c.differs) }
            { part("k-omi", "∅", c.omits) }
        </span>
    }
}
