//! The cluster and pair decisions.

use super::{
    Features, Found, Parts, CLUSTER_CARRIED_WEIGHT, CLUSTER_MAIN_CLAUSE_AT,
    CLUSTER_MAIN_CLAUSE_WEIGHT, CLUSTER_MUTUAL_BELOW, CLUSTER_OMIT_BELOW,
    CLUSTER_QUOTE_CARRIED_BELOW, CLUSTER_QUOTE_SHARE,
};
use crate::model::Label;

/// Cluster decision: coverage decides whether the claim is carried; a found difference turns a
/// carried claim into `differs`.
pub fn decide_cluster(f: &Features, diffs: &[Found], parts: &Parts) -> (Label, f32) {
    let carried = f.coverage >= CLUSTER_OMIT_BELOW
        || f.shared_weight >= CLUSTER_CARRIED_WEIGHT
        || (f.mutual > 0.0 && f.coverage >= CLUSTER_MUTUAL_BELOW)
        || parts.main_clause.is_some_and(|(share, weight)| {
            share >= CLUSTER_MAIN_CLAUSE_AT && weight >= CLUSTER_MAIN_CLAUSE_WEIGHT
        });
    let quote_missing = parts.quote.is_some_and(|(quoted, carried)| {
        quoted >= CLUSTER_QUOTE_SHARE && carried < CLUSTER_QUOTE_CARRIED_BELOW
    });
    let carried = carried && !quote_missing;
    if !carried {
        return (Label::Omits, (1.0 - f.coverage).clamp(0.0, 1.0));
    }
    let conf = (0.5 + (f.coverage - CLUSTER_OMIT_BELOW)).clamp(0.5, 1.0);
    if diffs.is_empty() {
        (Label::Corroborates, conf)
    } else {
        (Label::Differs, conf)
    }
}

/// Pair decision: a small fitted model over these features, the pair-only surface features of
/// `pair_features::extract` and, when a sentence encoder is loaded, its features
/// (`encoder::similarity_features`). Weights fitted offline, one model per case: see
/// `pair_weights.rs`, `pair_weights_enc.rs` and `examples/fit_pairs.py`.
pub fn decide_pair(f: &Features, extra: &[f32], encoded: Option<&[f32]>) -> (Label, f32) {
    crate::pair_features::decide(&f.to_vec(), extra, encoded)
}
