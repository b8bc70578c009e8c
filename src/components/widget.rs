//! The root component: the reader when the database loaded, the error box when it did not,
//! and a short status line while a database file is on its way.

use yew::prelude::*;

use crate::components::error_box::error_box;
use crate::components::reader::Reader;
use crate::state::{Loaded, SelectRequest, Shared, Theme};

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub loaded: Loaded,
    /// The source id shown first; unknown or absent means the first article.
    #[prop_or_default]
    pub source: Option<String>,
    #[prop_or_default]
    pub theme: Theme,
    /// The sentence the page last asked to open.
    #[prop_or_default]
    pub select: Option<SelectRequest>,
    /// Told each time a sentence's panel opens, with the database it belongs to.
    #[prop_or_default]
    pub on_select: Option<Callback<(Shared, u32)>>,
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    match &props.loaded {
        Loaded::Ready(index) if index.sources().is_empty() => {
            error_box("The claim database holds no articles.".into(), props.theme)
        }
        Loaded::Ready(index) => html! {
            <Reader index={index.clone()} source={props.source.clone()} theme={props.theme}
                select={props.select} on_select={props.on_select.clone()} />
        },
        Loaded::Loading => html! {
            <div class={classes!("cc", format!("theme-{}", props.theme.as_str()))}>
                <p class="loading" role="status" aria-busy="true">
                    { "Loading the comparison\u{2026}" }
                </p>
            </div>
        },
        Loaded::Failed(why) => error_box(why.clone().into(), props.theme),
    }
}
