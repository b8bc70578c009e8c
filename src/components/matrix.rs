//! The coverage overview: an SVG matrix with one row per claim (grouped under its article)
//! and one column per article, each cell coloured and shaped by its verdict. Cells are a
//! single tab stop moved with the arrow keys; clicking or Enter opens that sentence.
//!
//! A story of many reports has more cells than a page can hold (200 reports of 30 sentences
//! are 1.2 million), so past `CELL_BUDGET` the overview draws the rows of the report being read
//! only, against every report, and says so.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::matrix_row::{excerpt, MatrixRow, CELL_W, PAD_LEFT, ROW_H};
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub index: Shared,
    /// The report being read (position in `index.sources()`).
    pub source: usize,
    pub open: Option<u32>,
    pub on_action: Callback<Action>,
}

/// Most cells the overview draws. A cell is a few SVG elements; twenty thousand of them draw
/// in well under a second on a phone, while a whole 200-report story (1.2 million) took the
/// tab down. Past it, the overview shows one report's rows (`Shown::One`).
pub const CELL_BUDGET: usize = 20_000;

/// Which reports' rows the overview draws.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Shown {
    All,
    /// The report being read only: the whole matrix would have this many cells.
    One {
        cells: usize,
    },
}

/// What the overview draws for a story of `rows` clickable sentences and `reports` reports.
pub fn shown(rows: usize, reports: usize) -> Shown {
    let cells = rows.saturating_mul(reports);
    if cells <= CELL_BUDGET {
        Shown::All
    } else {
        Shown::One { cells }
    }
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

/// `n` with its thousands grouped by commas ("713,200"), as the note reads it.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let index = &props.index;
    let n_cols = index.sources().len();
    // Every clickable sentence of every article, grouped by article: read once, not on every
    // click (a click re-renders the matrix to mark its row).
    let groups = use_memo(index.clone(), |index| {
        (0..index.sources().len())
            .map(|i| index.clickable_of(i))
            .collect::<Vec<Vec<u32>>>()
    });
    let shown = shown(groups.iter().map(Vec::len).sum(), n_cols);
    // The groups drawn, by article position.
    let drawn_groups: Vec<(usize, &Vec<u32>)> = groups
        .iter()
        .enumerate()
        .filter(|(gi, g)| !g.is_empty() && (shown == Shown::All || *gi == props.source))
        .collect();
    let rows: Vec<u32> = drawn_groups
        .iter()
        .flat_map(|(_, g)| g.iter())
        .copied()
        .collect();
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

    if groups.iter().all(Vec::is_empty) || n_cols == 0 {
        return html! {};
    }
    if !*drawn {
        return html! {
            <section class="overview" aria-labelledby="cc-overview-title" aria-busy="true">
                <h3 id="cc-overview-title">{ "Coverage overview" }</h3>
            </section>
        };
    }
    let (cur_row, cur_col) = (
        cursor.0.min(rows.len().saturating_sub(1)),
        cursor.1.min(n_cols - 1),
    );
    let onkeydown = {
        let cursor = cursor.clone();
        let container = container.clone();
        let rows = rows.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (r, c) = (cur_row, cur_col);
            if rows.is_empty() {
                return;
            }
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
    let body = drawn_groups.iter().map(|&(gi, group)| {
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
            let text = index
                .segment(seg_id)
                .map(|s| s.text.clone())
                .unwrap_or_default();
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
            if let Shown::One { cells } = shown {
                <p class="help" data-overview-limited="">
                    { format!(
                        "This story has {n_cols} reports and {} sentences, {} cells in all: too \
                         many to draw at once, so the overview shows the sentences of the report \
                         being read. Choose another report above to see its rows.",
                        grouped(groups.iter().map(Vec::len).sum::<usize>()),
                        grouped(cells),
                    ) }
                </p>
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_draws_every_row_within_the_budget_and_one_report_past_it() {
        // (clickable sentences, reports, what is drawn)
        let rows = [
            (89, 5, Shown::All),
            (0, 0, Shown::All),
            (2_000, 10, Shown::All),
            (2_001, 10, Shown::One { cells: 20_010 }),
            (6_000, 200, Shown::One { cells: 1_200_000 }),
            (usize::MAX, 2, Shown::One { cells: usize::MAX }),
        ];
        for (sentences, reports, want) in rows {
            assert_eq!(shown(sentences, reports), want, "{sentences} x {reports}");
        }
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        let rows = [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (713_200, "713,200"),
            (1_200_000, "1,200,000"),
        ];
        for (n, want) in rows {
            assert_eq!(grouped(n), want);
        }
    }
}
