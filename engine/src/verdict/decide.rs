//! The pair decision (the cluster decision is `cluster::model`).

use super::Features;
use crate::model::Label;

/// Pair decision: a small fitted model over these features, the pair-only surface features of
/// `pair_features::extract` and, when a sentence encoder is loaded, its features
/// (`encoder::similarity_features`). Weights fitted offline, one model per case: see
/// `pair_weights.rs`, `pair_weights_enc.rs` and `examples/fit_pairs.py`.
pub fn decide_pair(f: &Features, extra: &[f32], encoded: Option<&[f32]>) -> (Label, f32) {
    crate::pair_features::decide(&f.to_vec(), extra, encoded)
}
