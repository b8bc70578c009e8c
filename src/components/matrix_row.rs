//! One row of the coverage matrix: a sentence's cell in every article's column. It is a
//! component of its own so that opening a sentence or moving the cursor re-renders only the
//! rows whose props changed, not every cell of the matrix; its cells are one more, so that
//! opening or closing the row re-renders none of them. Cells carry no listeners: the
//! matrix handles clicks and focus for all of them (`data-cell-*` say which cell it was).

use crosscheck_model::Label;
use yew::prelude::*;

use crate::state::Shared;

// Whole pixels, so coordinates are written as integers: formatting a float would link the
// float-printing machinery into the wasm for nothing.
pub(crate) const CELL_W: i32 = 26;
pub(crate) const ROW_H: i32 = 16;
pub(crate) const PAD_LEFT: i32 = 4;

#[derive(Properties, PartialEq)]
pub struct MatrixRowProps {
    pub index: Shared,
    /// The sentence this row is.
    pub segment: u32,
    /// Its article's column, and its place among that article's rows.
    pub group: usize,
    pub row: usize,
    /// Its place among all rows of the matrix (the keyboard cursor's row).
    pub global: usize,
    pub open: bool,
    /// The column of the matrix's one tab stop, when it is in this row.
    pub focus_col: Option<usize>,
}

/// What a row's cells are drawn from: the row's props but whether it is open, which only its
/// class says. Opening a sentence closes another, so each click changed two rows; with the
/// cells a component of their own, neither redraws its cells (a row of a 200-report story is
/// 200 cells, each with its label).
#[derive(Properties, PartialEq)]
struct CellsProps {
    index: Shared,
    segment: u32,
    group: usize,
    row: usize,
    global: usize,
    focus_col: Option<usize>,
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
pub(crate) fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

#[component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    html! {
        <g class={classes!("mrow", props.open.then_some("row-open"))}>
            <Cells index={props.index.clone()} segment={props.segment} group={props.group}
                row={props.row} global={props.global} focus_col={props.focus_col} />
        </g>
    }
}

#[component]
fn Cells(props: &CellsProps) -> Html {
    let index = &props.index;
    let (gi, ri, seg_id) = (props.group, props.row, props.segment);
    let text = index
        .segment(seg_id)
        .map(|s| excerpt(&s.text, 90))
        .unwrap_or_default();
    let y = ROW_H * ri as i32;
    let cells = index.sources().iter().enumerate().map(|(ci, other)| {
        let mark = if ci == gi {
            Mark::Own
        } else {
            index
                .label(seg_id, &other.id)
                .map(Mark::Verdict)
                .unwrap_or(Mark::Missing)
        };
        let x = PAD_LEFT + CELL_W * ci as i32;
        let focusable = props.focus_col == Some(ci);
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
               data-cell-source={other.id.clone()} data-cell-row={props.global.to_string()}
               data-cell-col={ci.to_string()}>
                <rect class="bgc" x={(x + 1).to_string()} y={(y + 1).to_string()}
                      width={(CELL_W - 2).to_string()} height={(ROW_H - 2).to_string()} rx="3" />
                { mark.shape(x + CELL_W / 2, y + ROW_H / 2) }
            </g>
        }
    });
    html! {
        <>
            <title>{ text.clone() }</title>
            { for cells }
        </>
    }
}
