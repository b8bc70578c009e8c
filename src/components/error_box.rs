//! What a reader sees instead of the widget when the comparison cannot be shown: a clear
//! sentence, never a blank box.

use yew::prelude::*;

use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    /// Why, in words a newsroom developer can act on.
    pub message: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
}

#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! {
        <div class={classes!("cc", format!("theme-{}", props.theme.as_str()))}>
            <div class="error" role="alert" data-error="">
                <strong>{ crate::LOAD_FAILED }</strong>
                { props.message.clone() }
            </div>
        </div>
    }
}
