//! The chosen article as published: its headline and paragraphs in its own wording, each
//! claim a focusable sentence, boilerplate set apart and inert.

use yew::prelude::*;

use crate::components::sentence::Sentence;
use crate::index::{BlockKind, Piece};
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub index: Shared,
    pub source: usize,
    pub open: Option<u32>,
    /// The sentence holding the roving tab stop.
    pub active: Option<u32>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let index = &props.index;
    let Some(src) = index.sources().get(props.source) else {
        return html! {};
    };
    let piece = |p: &Piece| -> Html {
        match p {
            Piece::Gap(text) => html! { { text.clone() } },
            Piece::Segment(id) => {
                let Some(seg) = index.segment(*id) else {
                    return html! {};
                };
                if seg.kind.gets_verdicts() {
                    html! {
                        <Sentence id={seg.id} text={seg.text.clone()}
                            coverage={index.coverage(seg.id)} open={props.open == Some(seg.id)}
                            active={props.active == Some(seg.id)} on_action={props.on_action.clone()} />
                    }
                } else {
                    html! {
                        <span class="boiler" data-boilerplate={seg.id.to_string()}>
                            <span class="sr-only">{ "Not part of the report: " }</span>
                            { seg.text.clone() }
                        </span>
                    }
                }
            }
        }
    };
    let mut first_heading = true;
    let blocks = index.paragraphs(props.source).into_iter().map(|para| {
        let inner: Html = para.pieces.iter().map(piece).collect();
        match para.kind {
            BlockKind::Heading if first_heading => {
                first_heading = false;
                html! { <h3 key={para.number}>{ inner }</h3> }
            }
            BlockKind::Heading => html! { <h4 key={para.number}>{ inner }</h4> },
            BlockKind::Boilerplate => html! { <p key={para.number} class="boilerp">{ inner }</p> },
            BlockKind::Body => html! { <p key={para.number}>{ inner }</p> },
        }
    });
    let blocks: Vec<Html> = blocks.collect();
    let byline: Vec<String> = [
        src.outlet.clone(),
        src.published.as_ref().map(|d| format!("Published {d}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <article class="article" aria-label={index.source_title(props.source)}
            data-article={src.id.clone()} lang={src.language.clone()}>
            if !byline.is_empty() {
                <p class="byline">{ byline.join(" · ") }</p>
            }
            { for blocks }
        </article>
    }
}
