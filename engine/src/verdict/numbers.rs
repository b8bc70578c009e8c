//! Number differences: two figures of one slot with incompatible values ("more than 5,000"
//! against "2,300 people confirmed killed"), read on their natural ranges.

use super::{Found, Side};
use crate::analyze::{Analysis, Bound, Quantity};

use crate::model::DiffKind;

use crate::analyze::compare::{comparable, is_currency, values_conflict};

fn compatible(a: &Quantity, b: &Quantity) -> bool {
    !values_conflict(a, b)
}

/// The years a segment's dates fall in, stated ("in 1999") or resolved ("on Thursday").
fn years(a: &Analysis) -> Vec<i32> {
    use chrono::Datelike;
    a.dates
        .iter()
        .filter_map(|d| d.day.map(|x| x.year()).or(d.month.map(|m| m.0)).or(d.year))
        .collect()
}

/// Whether the claim is set in a year the evidence never reaches: "in 1999 an earthquake killed
/// 18,000" against "the toll passed 21,000 on Thursday" tells two events, whose figures are not
/// two versions of one.
pub(super) fn another_year(claim: &Side, evidence: &[Side]) -> bool {
    let stated: Vec<i32> = claim
        .analysis
        .dates
        .iter()
        .filter(|d| d.day.is_none() && d.month.is_none())
        .filter_map(|d| d.year)
        .collect();
    if stated.is_empty() {
        return false;
    }
    let theirs: Vec<i32> = evidence.iter().flat_map(|e| years(e.analysis)).collect();
    !theirs.is_empty() && !stated.iter().any(|y| theirs.contains(y))
}

/// Counts this far apart are two different quantities (a part and the whole: one country's
/// dead against the region's), not two versions of one figure ...
const FAR_APART: f64 = 3.0;

/// ... when both are tallies this large: "3 dead" against "12 dead" is a conflict.
const TALLY: f64 = 100.0;

fn far_apart(q: &Quantity, r: &Quantity) -> bool {
    let money = |x: &Quantity| x.unit.as_deref().is_some_and(is_currency);
    let ratio = (q.value / r.value).abs();
    !q.ordinal
        && !money(q)
        && !money(r)
        && q.value.abs().min(r.value.abs()) >= TALLY
        && ratio.is_finite()
        && !(1.0 / FAR_APART..=FAR_APART).contains(&ratio)
}

pub(super) fn number_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    if another_year(claim, evidence) {
        return;
    }
    // A figure of the evidence that one of the claim's own figures accounts for is no conflict
    // ("10 million, discounted to 9.7 million" against "9.7 million").
    let explained = |r: &Quantity| {
        claim
            .analysis
            .quantities
            .iter()
            .any(|q| comparable(q, r) && compatible(q, r))
    };
    for q in &claim.analysis.quantities {
        if q.bound == Bound::Vague {
            continue;
        }
        let mut best: Option<(f64, u32, (usize, usize))> = None;
        let mut any_ok = false;
        let q_part = is_part(claim.analysis, q);
        for e in evidence {
            for r in &e.analysis.quantities {
                if !comparable(q, r) || q_part != is_part(e.analysis, r) {
                    continue;
                }
                if compatible(q, r) {
                    any_ok = true;
                } else if !explained(r) && !far_apart(q, r) {
                    let dist = (q.value / r.value).ln().abs();
                    if best.is_none_or(|b| dist < b.0) {
                        best = Some((dist, e.unit, (r.start, r.end)));
                    }
                }
            }
        }
        if let (false, Some((_, unit, span))) = (any_ok, best) {
            out.push(Found {
                kind: DiffKind::Number,
                here: (q.start, q.end),
                there_unit: unit,
                there: span,
            });
        }
    }
}

/// Whether a figure is introduced as a subset of another ("… 9.7 million Australians,
/// including 5.1 million Medibank customers"): a part is not a second version of a total.
pub(super) fn is_part(a: &Analysis, q: &Quantity) -> bool {
    let before = a.tokens.iter().filter(|t| t.end <= q.start).rev().take(3);
    before
        .take_while(|t| !matches!(t.lower.as_str(), "and" | "or" | "but"))
        .any(|t| matches!(t.lower.as_str(), "including" | "includes" | "among"))
}

/// Drops the number differences whose claim figure another sentence of the same article that
/// carries the claim (`also`: the runners-up listed as further evidence) states compatibly
/// (`comparable` and `compatible`, as a figure that agrees): the article then gives the claim's
/// figure too ("$1 per customer" in the lead, "$10m" in the headline), and the best sentence's
/// other figure is a part or a rate, not a conflict.
pub fn drop_figures_stated_elsewhere(claim: &Side, also: &[Side], diffs: &mut Vec<Found>) {
    if also.is_empty() {
        return;
    }
    diffs.retain(|d| {
        d.kind != DiffKind::Number
            || !claim
                .analysis
                .quantities
                .iter()
                .filter(|q| q.start < d.here.1 && d.here.0 < q.end)
                .any(|q| {
                    also.iter()
                        .flat_map(|s| &s.analysis.quantities)
                        .any(|o| comparable(q, o) && compatible(q, o))
                })
    });
}
