//! The slot model: for a pair of conflicting figures (one of the claim, one of a sentence of
//! the other article), how likely the two state one fact differently rather than count
//! different things (an age against a career length, one side of a vote against the other).
//!
//! Why learned: the labelled clusters say which figure pairs are real conflicts (a `differs`
//! gold detail spans both figures) and which are not (every conflicting pair of an article
//! that corroborates or omits the claim). Those pairs are many more than the items, so a
//! pair-level model learns what fills one slot from far more examples than the item decision
//! sees, and it picks the pair the item reports. Its fitted numbers are generated into the
//! decision's weight files (`weights.rs`, `weights_enc.rs`, the `slot` field, written by
//! `crosscheck fit`); leave-one-cluster-out evaluation fits it per fold with the same code.

use crate::learn::logistic::Logistic;
use crate::verdict::{FigurePair, PAIR_N, PAIR_NAMES};

/// What the slot model reads of a pair beyond `FigurePair::x`, in order. The first
/// `SLOT_SURFACE` features need no encoder.
pub const EXTRA_NAMES: [&str; 6] = [
    "coverage",
    "in_evidence",
    "rank",
    "explained",
    "cos",
    "tokcos",
];

pub const SLOT_N: usize = PAIR_N + EXTRA_NAMES.len();
pub const SLOT_SURFACE: usize = PAIR_N + 4;

/// The names of a slot row, in order.
pub fn names() -> Vec<&'static str> {
    PAIR_NAMES
        .iter()
        .chain(EXTRA_NAMES.iter())
        .copied()
        .collect()
}

/// One conflicting figure pair of an item, as the slot model reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotCand {
    pub pair: FigurePair,
    /// The slot model's features (`names()` order; the encoder's are 0 and -1 without it).
    pub x: [f32; SLOT_N],
}

impl SlotCand {
    /// The hand rank of the pair (`rank`).
    pub fn rank(&self) -> f32 {
        self.x[PAIR_N + 2]
    }

    /// Whether the same claim figure agrees with a figure at least as likely to fill its slot
    /// (by the hand rank): the article states the claim's value too (`explained`).
    pub fn explained(&self) -> bool {
        self.x[PAIR_N + 3] > 0.5
    }
}

/// A fitted slot model and how many leading features it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotModel {
    pub n: usize,
    pub model: Logistic,
}

impl SlotModel {
    pub fn predict(&self, c: &SlotCand) -> f32 {
        self.model.predict(&c.x[..self.n.min(SLOT_N)])
    }

    /// Fits to `rows`: (features, is a real conflict, weight).
    pub fn fit(rows: &[(&SlotCand, bool, f64)], n: usize) -> SlotModel {
        let x: Vec<Vec<f32>> = rows.iter().map(|(c, _, _)| c.x[..n].to_vec()).collect();
        let y: Vec<bool> = rows.iter().map(|r| r.1).collect();
        let w: Vec<f64> = rows.iter().map(|r| r.2).collect();
        SlotModel {
            n,
            model: Logistic::fit(&x, &y, &w, SLOT_C),
        }
    }
}

/// Inverse L2 strength of the slot model.
const SLOT_C: f64 = 1.0;

/// How much likelier than the `prefer`red pair another must be to replace it: a model that
/// cannot tell the pairs apart (all equal, as one fitted without a real conflict to learn
/// from would be) leaves the hand rank's choice alone rather than taking the first pair.
const SLOT_MARGIN: f32 = 1e-4;

/// The index of the candidate the slot model finds likeliest, and its probability. Among
/// candidates within `SLOT_MARGIN` of the likeliest, `prefer` (the hand rank's pair) wins,
/// else the first.
pub fn best(cands: &[SlotCand], model: &SlotModel, prefer: Option<usize>) -> Option<(usize, f32)> {
    let mut out: Option<(usize, f32)> = None;
    for (i, c) in cands.iter().enumerate() {
        let p = model.predict(c);
        if out.is_none_or(|(_, b)| p > b) {
            out = Some((i, p));
        }
    }
    let (i, p) = out?;
    let kept = prefer
        .filter(|&h| h != i)
        .and_then(|h| Some((h, model.predict(cands.get(h)?))))
        .filter(|&(_, q)| q + SLOT_MARGIN >= p);
    Some(kept.unwrap_or((i, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(context: f32) -> SlotCand {
        let mut x = [0.0; SLOT_N];
        x[1] = context;
        SlotCand {
            pair: FigurePair {
                here: (0, 1),
                there_unit: 0,
                there: (0, 1),
                conflict: true,
                same_unit: false,
                context,
                log_ratio: 0.0,
                x: [0.0; PAIR_N],
            },
            x,
        }
    }

    /// A model that reads only `context` (feature 1), the more the likelier.
    fn by_context() -> SlotModel {
        let mut weights = vec![0.0; SLOT_N];
        weights[1] = 1.0;
        SlotModel {
            n: SLOT_N,
            model: Logistic {
                mean: vec![0.0; SLOT_N],
                scale: vec![1.0; SLOT_N],
                weights,
                bias: 0.0,
                ..Logistic::default()
            },
        }
    }

    #[test]
    fn names_match_the_row() {
        assert_eq!(names().len(), SLOT_N);
        assert_eq!(names()[SLOT_SURFACE], "cos");
        assert_eq!(names()[PAIR_N + 2], "rank");
        assert_eq!(names()[PAIR_N + 3], "explained");
    }

    #[test]
    fn the_likeliest_pair_is_chosen_and_among_equals_the_hand_ranks() {
        let m = by_context();
        // (contexts, the hand rank's pair, the pair chosen)
        let rows: [(&[f32], Option<usize>, Option<usize>); 7] = [
            (&[], None, None),
            (&[], Some(0), None),
            (&[0.2, 0.9, 0.5], None, Some(1)),
            (&[0.2, 0.9, 0.5], Some(2), Some(1)),
            (&[0.7, 0.7], None, Some(0)),
            (&[0.7, 0.7, 0.7], Some(2), Some(2)),
            (&[0.1], Some(0), Some(0)),
        ];
        for (contexts, hand, want) in rows {
            let cands: Vec<SlotCand> = contexts.iter().map(|&c| cand(c)).collect();
            let got = best(&cands, &m, hand).map(|(i, _)| i);
            assert_eq!(got, want, "{contexts:?} {hand:?}");
        }
    }

    #[test]
    fn a_fitted_model_learns_which_pairs_are_real() {
        let (real, other) = (cand(0.8), cand(0.1));
        let rows: Vec<(&SlotCand, bool, f64)> = (0..20)
            .flat_map(|_| [(&real, true, 1.0), (&other, false, 1.0)])
            .collect();
        let m = SlotModel::fit(&rows, SLOT_SURFACE);
        assert!(m.predict(&real) > 0.5 && m.predict(&other) < 0.5);
    }
}
