//! What a reader sees instead of the widget when the comparison cannot be shown: a clear
//! sentence, never a blank box.

use yew::prelude::*;

use crate::state::Theme;

/// `message` says why, in words a newsroom developer can act on.
pub fn error_box(message: AttrValue, theme: Theme) -> Html {
    html! {
        <div class={classes!("cc", format!("theme-{}", theme.as_str()))}>
            <div class="error" role="alert" data-error="">
                <strong>{ crate::LOAD_FAILED }</strong>
                { message }
            </div>
        </div>
    }
}
