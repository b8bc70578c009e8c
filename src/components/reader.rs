//! The reader: owns the state reducer and lays out the bar, the article switcher, the
//! article, the sentence panel, the coverage matrix and the live region. It is also where
//! focus requests from the reducer become real `focus()` calls, after the render that made
//! the target exist.

use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::header::header;
use crate::components::matrix::Matrix;
use crate::components::panel::Panel;
use crate::components::switcher::Switcher;
use crate::state::{Action, SelectRequest, Shared, State, Theme};

#[derive(Properties, PartialEq, Clone)]
pub struct ReaderProps {
    pub index: Shared,
    #[prop_or_default]
    pub source: Option<String>,
    #[prop_or_default]
    pub theme: Theme,
    /// The sentence the page last asked to open.
    #[prop_or_default]
    pub select: Option<SelectRequest>,
    /// Told each time a sentence's panel opens (the host element's `crosscheck:select`).
    #[prop_or_default]
    pub on_select: Option<Callback<(Shared, u32)>>,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || State::new(p.index, p.source.as_deref(), p.theme))
    };
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(state.focus, move |request| {
            if let Some(r) = request {
                crate::dom::focus_selector(
                    &root,
                    &format!("[data-segment=\"{}\"]", r.segment),
                    r.center,
                );
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(props.select, move |request| {
            if let Some(r) = request {
                state.dispatch(Action::Select(r.segment));
            }
        });
    }
    {
        let on_select = props.on_select.clone();
        let index = state.index.clone();
        use_effect_with(state.open, move |open| {
            if let (Some(seg), Some(cb)) = (open, on_select) {
                cb.emit((index, *seg));
            }
        });
    }
    // Marks the moment the widget's first render has finished, effects included, for the
    // Performance API. The sentences are clickable earlier, from their insertion: Yew yields to
    // the browser before running effects once a render has taken 16 ms, so scripts/bench.sh
    // times the insertion itself and reports this mark beside it.
    crate::dom::use_after_first_render(Box::new(|| {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("crosscheck:ready");
        }
    }));
    // One callback for the widget's whole life: a new one each render would differ from the
    // last (callbacks compare by identity), so every child (the article's sentences, the
    // matrix) would render again on every click and focus, whatever changed.
    let on_action = use_callback(state.dispatcher(), |a: Action, d| d.dispatch(a));
    let side = match state.open {
        Some(seg) => html! {
            <Panel index={state.index.clone()} segment={seg} back={state.trail.last().copied()}
                on_action={on_action.clone()} />
        },
        None => html! {
            <p class="hint">
                { "Select any sentence (click it, or Tab to the article and press Enter) to see which \
                   other reports corroborate it, which differ and in what detail, and which do not \
                   mention it." }
            </p>
        },
    };
    html! {
        <div ref={root} class={classes!("cc", format!("theme-{}", state.theme.as_str()))}
             data-crosscheck-root="">
            { header(state.theme, &on_action) }
            <Switcher index={state.index.clone()} current={state.source} on_action={on_action.clone()} />
            <div class="layout">
                <ArticleView index={state.index.clone()} source={state.source} open={state.open}
                    active={state.active} on_action={on_action.clone()} />
                <div class={classes!("side", state.open.is_some().then_some("is-open"))}>{ side }</div>
            </div>
            <Matrix index={state.index.clone()} source={state.source} open={state.open}
                on_action={on_action} />
            <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.clone() }
            </div>
        </div>
    }
}
