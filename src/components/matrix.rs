//! The coverage overview: an SVG matrix with one row per claim (grouped under its article)
//! and one column per article, each cell coloured and shaped by its verdict. Cells are a
//! single tab stop moved with the arrow keys; clicking or Enter opens that sentence.
//!
//! A story of many reports has more cells than a page can hold (the benchmark's 200 reports of
//! 3,566 sentences in all are 713,200), so past `CELL_BUDGET` the overview draws the rows of the
//! report being read only, against every report, and says so.

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

/// Most cells the overview draws (clickable sentences × reports). A cell is a few SVG
/// elements; the seeds' matrix is 445 cells and a 20-report story of 30 sentences each 12,000,
/// while the benchmark's 200-report story (713,200) took the Chromium tab down. Past it, the
/// overview shows one report's rows (`Shown::One`).
pub const CELL_BUDGET: usize = 20_000;

/// Which reports' rows the overview draws.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Shown {
    All,
    /// The report being read only, at most `rows` of its sentences (each a row of one cell
    /// per report, so they too stay within the budget): the whole matrix would have `cells`.
    One {
        cells: usize,
        rows: usize,
    },
}

/// What the overview draws for a story of `rows` clickable sentences and `reports` reports.
pub fn shown(rows: usize, reports: usize) -> Shown {
    let cells = rows.saturating_mul(reports);
    if cells <= CELL_BUDGET {
        Shown::All
    } else {
        Shown::One {
            cells,
            rows: (CELL_BUDGET / reports.max(1)).max(1),
        }
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
    let total: usize = groups.iter().map(Vec::len).sum();
    let shown = shown(total, n_cols);
    let source = props.source;
    // The groups drawn, by article position, each cut to the rows shown.
    let drawn_groups: Vec<(usize, &[u32])> = match shown {
        Shown::All => groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.is_empty())
            .map(|(gi, g)| (gi, &g[..]))
            .collect(),
        Shown::One { rows, .. } => groups
            .get(source)
            .filter(|g| !g.is_empty())
            .map(|g| (source, &g[..g.len().min(rows)]))
            .into_iter()
            .collect(),
    };
    let rows: Vec<u32> = drawn_groups
        .iter()
        .flat_map(|(_, g)| g.iter())
        .copied()
        .collect();
    // The matrix's one tab stop (row among those drawn, column), with the report being read
    // when it was set: showing one report's rows, another report's start at their first row.
    let cursor = use_state(|| (source, 0usize, 0usize));
    let container = use_node_ref();
    // Hundreds of cells are most of the first render's work, and nothing a reader does first
    // needs them: the article is drawn and clickable first, the matrix once the browser is
    // idle.
    let drawn = crate::dom::use_flag(false);
    {
        let drawn = drawn.clone();
        crate::dom::use_after_first_render(Box::new(move || {
            crate::dom::when_idle(move || drawn.set(true))
        }));
    }

    if total == 0 || n_cols == 0 {
        return html! {};
    }
    if !*drawn {
        return html! {
            <section class="overview" aria-labelledby="cc-overview-title" aria-busy="true">
                <h3 id="cc-overview-title">{ "Coverage overview" }</h3>
            </section>
        };
    }
    let (cur_row, cur_col) = match (shown, *cursor) {
        (Shown::One { .. }, (set_for, _, _)) if set_for != source => (0, source),
        (_, (_, r, c)) => (r, c),
    };
    let (cur_row, cur_col) = (
        cur_row.min(rows.len().saturating_sub(1)),
        cur_col.min(n_cols - 1),
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
            cursor.set((source, nr, nc));
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
                cursor.set((source, r, c));
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
            if let Shown::One { cells, rows: most } = shown {
                <p class="help" data-overview-limited="">
                    { format!(
                        "This story has {n_cols} reports and {} sentences, {} cells in all: too \
                         many to draw at once, so the overview shows the sentences of the report \
                         being read{}. Choose another report above to see its rows.",
                        grouped(total),
                        grouped(cells),
                        if groups.get(source).is_some_and(|g| g.len() > most) {
                            format!(" (its first {most})")
                        } else {
                            String::new()
                        },
                    ) }
                </p>
            }
            if rows.is_empty() {
                <p class="help" data-overview-empty="">{ "This report has no sentences to compare." }</p>
            } else {
            <p class="help">
                { if shown == Shown::All {
                    "Rows are the sentences of each report, columns the reports (numbered as above): "
                } else {
                    "Rows are the sentences of the report being read, columns the reports (numbered as above): "
                } }
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
            }
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
            (
                2_001,
                10,
                Shown::One {
                    cells: 20_010,
                    rows: 2_000,
                },
            ),
            (
                3_566,
                200,
                Shown::One {
                    cells: 713_200,
                    rows: 100,
                },
            ),
            (
                40_000,
                1_000,
                Shown::One {
                    cells: 40_000_000,
                    rows: 20,
                },
            ),
            (
                30_000,
                1,
                Shown::One {
                    cells: 30_000,
                    rows: 20_000,
                },
            ),
            (
                usize::MAX,
                2,
                Shown::One {
                    cells: usize::MAX,
                    rows: 10_000,
                },
            ),
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
