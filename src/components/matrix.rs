//! The coverage overview: an SVG matrix with one row per claim (grouped under its article)
//! and one column per article, each cell coloured and shaped by its verdict. Cells are a
//! single tab stop moved with the arrow keys; clicking or Enter opens that sentence.

use crosscheck_model::Label;
use yew::prelude::*;

use crate::state::{Action, Shared};

// Whole pixels, so coordinates are written as integers: formatting a float would link the
// float-printing machinery into the wasm for nothing.
const CELL_W: i32 = 26;
const ROW_H: i32 = 16;
const PAD_LEFT: i32 = 4;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub index: Shared,
    pub open: Option<u32>,
    pub on_action: Callback<Action>,
}

/// Which mark a cell gets.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Own,
    Verdict(Label),
    Missing,
}

impl Mark {
    fn words(self) -> &'static str {
        match self {
            Mark::Own => "its own article",
            Mark::Verdict(Label::Corroborates) => "corroborates",
            Mark::Verdict(Label::Differs) => "differs",
            Mark::Verdict(Label::Omits) => "does not mention it",
            Mark::Missing => "no verdict",
        }
    }

    fn shape(self, cx: i32, cy: i32) -> Html {
        match self {
            Mark::Verdict(Label::Corroborates) => html! {
                <circle class="s-cor" cx={cx.to_string()} cy={cy.to_string()} r="5" />
            },
            Mark::Verdict(Label::Differs) => {
                let pts = format!(
                    "{},{} {},{} {},{} {},{}",
                    cx,
                    cy - 6,
                    cx + 6,
                    cy,
                    cx,
                    cy + 6,
                    cx - 6,
                    cy
                );
                html! { <polygon class="s-dif" points={pts} /> }
            }
            Mark::Verdict(Label::Omits) => html! {
                <circle class="s-omi" cx={cx.to_string()} cy={cy.to_string()} r="3.5" />
            },
            Mark::Own => html! {
                <rect class="s-own" x={format!("{}.5", cx - 3)} y={format!("{}.5", cy - 3)} width="5" height="5" />
            },
            Mark::Missing => html! {
                <circle class="s-none" cx={cx.to_string()} cy={cy.to_string()} r="3.5" />
            },
        }
    }
}

/// A short excerpt for labels, cut on a character boundary.
fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
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

    if rows.is_empty() || n_cols == 0 {
        return html! {};
    }
    let (cur_row, cur_col) = (cursor.0.min(rows.len() - 1), cursor.1.min(n_cols - 1));
    let onkeydown = {
        let cursor = cursor.clone();
        let container = container.clone();
        let rows = rows.clone();
        let ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (r, c) = (cur_row, cur_col);
            let last_r = rows.len() - 1;
            let last_c = ids.len() - 1;
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
                &format!(
                    "[data-cell-segment=\"{}\"][data-cell-source=\"{}\"]",
                    rows[nr],
                    css_escape(&ids[nc])
                ),
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
    let mut row_no = 0usize;
    let body = groups.iter().enumerate().filter(|(_, g)| !g.is_empty()).map(|(gi, group)| {
        let height = ROW_H * group.len() as i32;
        let title = index.source_title(gi);
        let cells = group.iter().enumerate().map(|(ri, &seg_id)| {
            let global = row_no + ri;
            let text = index.segment(seg_id).map(|s| excerpt(&s.text, 90)).unwrap_or_default();
            let y = ROW_H * ri as i32;
            let open = props.open == Some(seg_id);
            let row_cells = sources.iter().enumerate().map(|(ci, other)| {
                let mark = if ci == gi {
                    Mark::Own
                } else {
                    index
                        .verdict(seg_id, &other.id)
                        .map(|v| Mark::Verdict(v.label))
                        .unwrap_or(Mark::Missing)
                };
                let x = PAD_LEFT + CELL_W * ci as i32;
                let focusable = global == cur_row && ci == cur_col;
                let onclick = props.on_action.reform(move |_: MouseEvent| Action::Jump(seg_id));
                let cursor = cursor.clone();
                let onfocus = Callback::from(move |_: FocusEvent| cursor.set((global, ci)));
                let label = format!(
                    "Article {} sentence {}: “{}” — article {}: {}",
                    gi + 1,
                    ri + 1,
                    text,
                    ci + 1,
                    mark.words()
                );
                html! {
                    <g class="cell" role="button" tabindex={if focusable { "0" } else { "-1" }}
                       aria-label={label} data-cell-segment={seg_id.to_string()}
                       data-cell-source={other.id.clone()} {onclick} onfocusin={onfocus}>
                        <rect class="bgc" x={(x + 1).to_string()} y={(y + 1).to_string()}
                              width={(CELL_W - 2).to_string()} height={(ROW_H - 2).to_string()} rx="3" />
                        { mark.shape(x + CELL_W / 2, y + ROW_H / 2) }
                    </g>
                }
            });
            html! {
                <g class={classes!("mrow", open.then_some("row-open"))} key={seg_id}>
                    <title>{ text.clone() }</title>
                    { for row_cells }
                </g>
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
        <section class="overview" aria-labelledby="cc-overview-title">
            <h3 id="cc-overview-title">{ "Coverage overview" }</h3>
            <p class="help">
                { "Rows are the sentences of each report, columns the reports (numbered as above): " }
                <span class="k-cor">{ "● corroborates" }</span>{ ", " }
                <span class="k-dif">{ "◆ differs" }</span>{ ", " }
                <span class="k-omi">{ "○ not mentioned" }</span>{ ", ▪ own report. " }
                { "Arrow keys move between cells; Enter opens the sentence." }
            </p>
            <div class="matrix" ref={container} role="group"
                 aria-label="Coverage matrix: sentences by report" {onkeydown}>
                <div class="mhead">{ header }</div>
                { for body }
            </div>
        </section>
    }
}

/// Escapes a source id for use inside a double-quoted CSS attribute selector.
fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
