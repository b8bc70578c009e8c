//! Verdicts: given a claim and its best-aligned evidence, decide corroborates / differs / omits
//! and name every checkable detail that differs.
//!
//! The same features and difference detectors serve the cluster build and the one-pair judge.
//! The cluster decision itself is fitted (`cluster::model`); the pair decision is a model fitted
//! offline on MRPC train and RTE-3 dev (`pair_weights.rs`).

mod dates;
mod decide;
mod features;
mod figures;
mod names;
mod negation;
mod numbers;
mod quotes;
mod stance;

pub use decide::decide_pair;
pub use features::{
    cluster_features, features, main_clause_coverage, main_clause_end, main_clause_part,
    quote_coverage, quote_part, shared_terms, ClaimPart, Features, Parts,
};
pub use figures::{figure_contexts, figure_pairs, FigureContext, FigurePair, PAIR_N, PAIR_NAMES};
pub use names::name_diffs;
pub use numbers::drop_figures_stated_elsewhere;

use crate::analyze::Analysis;
use crate::model::DiffKind;

/// A segment as the verdict stage sees it: its text, analysis, and id in the aligner.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub unit: u32,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// One incompatible detail: a span of the claim and a span of one evidence unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: DiffKind,
    pub here: (usize, usize),
    pub there_unit: u32,
    pub there: (usize, usize),
}

/// A runner-up sentence of the other article joins the evidence of a carried claim from this
/// single-sentence coverage on (and from `align`'s share of the best one): a claim told across
/// a story is often carried by several sentences, and the reader should see them all.
pub const ALSO_EVIDENCE_MIN: f32 = 0.15;

/// The runner-up sentences of a match (its `also`) that count as further evidence
/// (`ALSO_EVIDENCE_MIN`).
pub fn further_evidence(also: &[(u32, f32)]) -> impl Iterator<Item = u32> + '_ {
    also.iter()
        .filter(|&&(_, c)| c >= ALSO_EVIDENCE_MIN)
        .map(|&(u, _)| u)
}

/// Coverage below which a cluster build does not look for differences at all (figure slots
/// can lift coverage by less than this gap to the carrying thresholds).
pub const DIFF_MIN_COVERAGE: f32 = 0.08;

/// Coverage below which only figures are compared: a weakly aligned sentence may well tell
/// another event, with its own day, stance and wording.
pub const STRONG_ALIGNMENT: f32 = 0.4;

/// Every incompatible detail between a claim and its evidence, most checkable first.
/// `coverage` is how well the evidence is aligned with the claim.
pub fn differences(claim: &Side, evidence: &[Side], coverage: f32) -> Vec<Found> {
    let mut out = Vec::new();
    numbers::number_diffs(claim, evidence, &mut out);
    if coverage >= STRONG_ALIGNMENT {
        dates::date_diffs(claim, evidence, &mut out);
        if !out.iter().any(|d| d.kind == DiffKind::Date) {
            dates::statement_day_diffs(claim, evidence, &mut out);
        }
        negation::negation_diffs(claim, evidence, &mut out);
        stance::attribution_diffs(claim, evidence, false, &mut out);
        quotes::quote_diffs(claim, evidence, &mut out);
    } else {
        stance::attribution_diffs(claim, evidence, true, &mut out);
    }
    out
}
