//! The coverage overview: an SVG matrix with one row per claim (grouped under its article)
//! and one column per article, each cell coloured and shaped by its verdict. Cells are a
//! single tab stop moved with the arrow keys; clicking or Enter opens that sentence.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::matrix_row::{excerpt, MatrixRow, CELL_W, PAD_LEFT, ROW_H};
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub index: Shared,
    pub open: Option<u32>,
    pub on_action: Callback<Action>,
}

/// The matrix cell an event happened in (or under): its segment, row and column.
fn cell_of(e: &Event) -> Option<(u32, usize, usize)> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let cell = target.closest("[data-cell-segment]").ok()??;
    let attr = |name: &str| cell.get_attribute(name);
    Some((
        attr("data-cell-segment")?.parse().ok()?,
        attr("data-cell-row")?.parse().ok()?,
        attr("data-cell-col")?.parse().ok()?,
    ))
}

#[component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let index = &props.index;
    let sources = index.sources();
    let n_cols = sources.len();
    // Every clickable sentence of every article, grouped by article, as (row, group, id).
    let groups: Vec<Vec<u32>> = (0..n_cols).map(|i| index.clickable_of(i)).collect();
    let rows: Vec<u32> = groups.iter().flatten().copied().collect();
    let cursor = use_state(|| (0usize, 0usize));
    let container = use_node_ref();
    // Hundreds of cells are most of the first render's work, and nothing a reader does first
    // needs them: the article is drawn and clickable first, the matrix once the browser is
    // idle.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| crate::dom::when_idle(move || drawn.set(true)));
    }

    if rows.is_empty() || n_cols == 0 {
        return html! {};
    }
    if !*drawn {
        return html! {
            <section class="overview" aria-labelledby="cc-overview-title" aria-busy="true">
                <h3 id="cc-overview-title">{ "Coverage overview" }</h3>
            </section>
        };
    }
    let (cur_row, cur_col) = (cursor.0.min(rows.len() - 1), cursor.1.min(n_cols - 1));
    let onkeydown = {
        let cursor = cursor.clone();
        let container = container.clone();
        let rows = rows.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (r, c) = (cur_row, cur_col);
            let last_r = rows.len() - 1;
            let last_c = n_cols - 1;
            let (nr, nc) = match e.key().as_str() {
                "ArrowDown" | "Down" => (r.saturating_add(1).min(last_r), c),
                "ArrowUp" | "Up" => (r.saturating_sub(1), c),
                "ArrowRight" | "Right" => (r, c.saturating_add(1).min(last_c)),
                "ArrowLeft" | "Left" => (r, c.saturating_sub(1)),
                "Home" => (0, c),
                "End" => (last_r, c),
                "Enter" | " " | "Spacebar" => {
                    e.prevent_default();
                    on_action.emit(Action::Jump(rows[r]));
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            cursor.set((nr, nc));
            crate::dom::focus_selector(
                &container,
                &format!("[data-cell-row=\"{nr}\"][data-cell-col=\"{nc}\"]"),
                false,
            );
        })
    };

    let width = PAD_LEFT * 2 + CELL_W * n_cols as i32;
    let header = html! {
        <svg class="mcols" width={width.to_string()} height="18"
             viewBox={format!("0 0 {width} 18")} aria-hidden="true" focusable="false">
            { for (0..n_cols).map(|c| html! {
                <text x={(PAD_LEFT + CELL_W * c as i32 + CELL_W / 2).to_string()} y="13"
                      text-anchor="middle">{ c + 1 }</text>
            }) }
        </svg>
    };
    // One listener each for every cell: cells are many, and a closure per cell per render
    // was most of the matrix's cost.
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((seg, _, _)) = cell_of(&e) {
                on_action.emit(Action::Jump(seg));
            }
        })
    };
    let onfocusin = {
        let cursor = cursor.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some((_, r, c)) = cell_of(&e) {
                cursor.set((r, c));
            }
        })
    };
    let mut row_no = 0usize;
    let body = groups.iter().enumerate().filter(|(_, g)| !g.is_empty()).map(|(gi, group)| {
        let height = ROW_H * group.len() as i32;
        let title = index.source_title(gi);
        let cells = group.iter().enumerate().map(|(ri, &seg_id)| {
            let global = row_no + ri;
            html! {
                <MatrixRow key={seg_id} index={index.clone()} segment={seg_id} group={gi} row={ri}
                    {global} open={props.open == Some(seg_id)}
                    focus_col={(global == cur_row).then_some(cur_col)} />
            }
        });
        let cells: Vec<Html> = cells.collect();
        let labels = group.iter().map(|&seg_id| {
            let text = index.segment(seg_id).map(|s| s.text.clone()).unwrap_or_default();
            let open = props.open == Some(seg_id);
            html! { <li key={seg_id} class={classes!(open.then_some("row-open"))}>{ text }</li> }
        });
        row_no += group.len();
        html! {
            <div class="mgroup" key={gi}>
                <h4 title={title.clone()}>{ format!("{} · {}", gi + 1, excerpt(&title, 60)) }</h4>
                <div class="mbody">
                    <svg width={width.to_string()} height={height.to_string()}
                         viewBox={format!("0 0 {width} {height}")}>
                        { for cells }
                    </svg>
                    // The rows' sentences, for sighted readers scanning the matrix; each
                    // cell already carries its sentence in its label.
                    <ol class="mlabels" aria-hidden="true">
                        { for labels }
                    </ol>
                </div>
            </div>
        }
    });
    let body: Vec<Html> = body.collect();
    html! {
        <section class="overview" aria-labelledby="cc-overview-title" data-overview-ready="">
            <h3 id="cc-overview-title">{ "Coverage overview" }</h3>
            <p class="help">
                { "Rows are the sentences of each report, columns the reports (numbered as above): " }
                <span class="k-cor">{ "● corroborates" }</span>{ ", " }
                <span class="k-dif">{ "◆ differs" }</span>{ ", " }
                <span class="k-omi">{ "○ not mentioned" }</span>{ ", ▪ own report. " }
                { "Arrow keys move between cells; Enter opens the sentence." }
            </p>
            <div class="matrix" ref={container} role="group"
                 aria-label="Coverage matrix: sentences by report" {onkeydown} {onclick} {onfocusin}>
                <div class="mhead">{ header }</div>
                { for body }
            </div>
        </section>
    }
}
