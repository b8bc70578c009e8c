//! The root component: the reader when the database loaded, the error box when it did not.

use yew::prelude::*;

use crate::components::error_box::ErrorBox;
use crate::components::reader::Reader;
use crate::state::{Loaded, Theme};

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub loaded: Loaded,
    /// The source id shown first; unknown or absent means the first article.
    #[prop_or_default]
    pub source: Option<String>,
    #[prop_or_default]
    pub theme: Theme,
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    match &props.loaded {
        Loaded::Ready(index) if index.sources().is_empty() => html! {
            <ErrorBox message="The claim database holds no articles." theme={props.theme} />
        },
        Loaded::Ready(index) => html! {
            <Reader index={index.clone()} source={props.source.clone()} theme={props.theme} />
        },
        Loaded::Failed(why) => html! { <ErrorBox message={why.clone()} theme={props.theme} /> },
    }
}
