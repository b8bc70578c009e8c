//! The fitted cluster decision: P(carried) from one forest of boosted trees (with the encoder,
//! for a claim with no difference found, averaged with a logistic regression's); for a carried
//! claim with a difference found, P(differs | carried) from a second forest. Two models are fitted,
//! one on the surface features only and one that also reads the sentence encoder's; which one
//! decides depends on whether the build has the encoder.
//!
//! The fitted numbers are generated (`weights.rs`, `weights_enc.rs`, written by
//! `crosscheck fit`); leave-one-cluster-out evaluation fits fresh models in memory with the same
//! code (`crate::learn`).

use std::sync::OnceLock;

use super::slot::SlotModel;
use crate::learn::gbdt::Forest;
use crate::learn::logistic::Logistic;
use crate::model::Label;

/// One fitted binary decision: boosted trees, or a logistic regression.
#[derive(Debug, Clone, PartialEq)]
pub enum Scorer {
    Trees(Forest),
    Linear(Logistic),
}

impl Scorer {
    pub fn predict(&self, x: &[f32]) -> f32 {
        match self {
            Scorer::Trees(f) => f.predict(x),
            Scorer::Linear(l) => l.predict(x),
        }
    }

    /// `predict` of each of `xs`, in order.
    pub fn predict_many(&self, xs: &[&[f32]]) -> Vec<f32> {
        match self {
            Scorer::Trees(f) => f.predict_many(xs),
            Scorer::Linear(l) => xs.iter().map(|x| l.predict(x)).collect(),
        }
    }

    /// Each feature's contribution to the log-odds for `x`.
    pub fn contributions(&self, x: &[f32]) -> Vec<f32> {
        match self {
            Scorer::Trees(f) => f.contributions(x, x.len()),
            Scorer::Linear(l) => l.contributions(x),
        }
    }
}

/// A fitted cluster decision.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterModel {
    /// How many leading features of `cluster::NAMES` it reads.
    pub n: usize,
    pub carried: Forest,
    pub differs: Scorer,
    /// P(carried) from which the claim is carried.
    pub carried_at: f32,
    /// The same for an item with a difference found: the sentence that gives another figure,
    /// date or name shares fewer of the claim's words than one that repeats it, so the same
    /// report reads as less surely carried (chosen by LOCO, `learn::recipe`).
    pub carried_at_difference: f32,
    /// P(differs | carried) from which a carried claim with a difference differs.
    pub differs_at: f32,
    /// A logistic regression on the same features and target as `carried`, and its weight in
    /// P(carried) for an item with no difference found (see `decide`).
    pub carried_linear: Option<(Logistic, f32)>,
}

/// What decided one verdict, for `cluster_trace` and the tuning page.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub label: Label,
    /// P(carried) and, when carried with a difference, P(differs | carried).
    pub p_carried: f32,
    pub p_differs: Option<f32>,
    /// The decision that decided ("carried" or "differs") and the features that moved it most,
    /// by their contribution to its log-odds (largest magnitude first; see `explain`).
    pub by: &'static str,
    pub reasons: Vec<(usize, f32)>,
}

impl ClusterModel {
    /// Decides from item features `x` (`cluster::NAMES` order); `has_difference` says whether a
    /// difference was found to report (a `differs` verdict must name one).
    pub fn decide(&self, x: &[f32], has_difference: bool) -> Decision {
        let x = &x[..self.n.min(x.len())];
        match self.carried_step(x, self.carried.predict(x), has_difference) {
            Ok(d) => d,
            Err(p_carried) => self.differs_step(p_carried, self.differs.predict(x)),
        }
    }

    /// `decide` of each of `items` (features, has_difference), in order, to the bit. Why: the
    /// forests walk several items at once faster than one after the other
    /// (`Forest::predict_many`), and a build decides every (claim, other article) item.
    pub fn decide_many(&self, items: &[(&[f32], bool)]) -> Vec<Decision> {
        let xs: Vec<&[f32]> = items
            .iter()
            .map(|(x, _)| &x[..self.n.min(x.len())])
            .collect();
        let trees = self.carried.predict_many(&xs);
        let steps: Vec<Result<Decision, f32>> = xs
            .iter()
            .zip(items)
            .zip(trees)
            .map(|((x, &(_, has_difference)), t)| self.carried_step(x, t, has_difference))
            .collect();
        let pending: Vec<&[f32]> = steps
            .iter()
            .zip(&xs)
            .filter(|(s, _)| s.is_err())
            .map(|(_, x)| *x)
            .collect();
        let mut differs = self.differs.predict_many(&pending).into_iter();
        steps
            .into_iter()
            .map(|s| match s {
                Ok(d) => d,
                Err(p_carried) => {
                    let p = differs.next().unwrap_or(f32::NAN);
                    self.differs_step(p_carried, p)
                }
            })
            .collect()
    }

    /// The decision from the carried forest's probability `trees` for `x`, or, for a carried
    /// claim with a difference, P(carried) to decide with P(differs | carried).
    fn carried_step(&self, x: &[f32], trees: f32, has_difference: bool) -> Result<Decision, f32> {
        let p_carried = match self.linear_share(has_difference) {
            Some((l, w)) => (1.0 - w) * trees + w * l.predict(x),
            None => trees,
        };
        // Reasons are filled by `explain`, only where someone reads them (traces).
        let at = if has_difference {
            self.carried_at_difference
        } else {
            self.carried_at
        };
        if p_carried < at {
            return Ok(Decision {
                label: Label::Omits,
                p_carried,
                p_differs: None,
                by: "carried",
                reasons: Vec::new(),
            });
        }
        if !has_difference {
            return Ok(Decision {
                label: Label::Corroborates,
                p_carried,
                p_differs: None,
                by: "carried",
                reasons: Vec::new(),
            });
        }
        Err(p_carried)
    }

    /// The decision of a carried claim with a difference, from P(differs | carried) `p`.
    fn differs_step(&self, p_carried: f32, p: f32) -> Decision {
        Decision {
            label: if p >= self.differs_at {
                Label::Differs
            } else {
                Label::Corroborates
            },
            p_carried,
            p_differs: Some(p),
            by: "differs",
            reasons: Vec::new(),
        }
    }

    /// The linear model that shares P(carried) for an item, with its weight. Whether a claim is
    /// carried at all is read by the trees and a linear model together: the linear model's
    /// smoother boundary carries over to other stories better than the trees alone (LOCO
    /// accuracy rose). A claim with a difference keeps the trees' probability, the one the
    /// differs threshold was chosen against: blending there lost differs F1.
    fn linear_share(&self, has_difference: bool) -> Option<(&Logistic, f32)> {
        match &self.carried_linear {
            Some((l, w)) if !has_difference => Some((l, *w)),
            _ => None,
        }
    }

    /// Fills `d.reasons`: the three features that moved the deciding model most for `x`. Where
    /// the linear model shared P(carried), each feature's log-odds contributions to the two are
    /// weighted as their probabilities were (an approximation: the blend is of probabilities).
    pub fn explain(&self, x: &[f32], d: &mut Decision, has_difference: bool) {
        let x = &x[..self.n.min(x.len())];
        let c = if d.by == "differs" {
            self.differs.contributions(x)
        } else {
            let trees = self.carried.contributions(x, x.len());
            match self.linear_share(has_difference) {
                Some((l, w)) => trees
                    .iter()
                    .zip(l.contributions(x))
                    .map(|(t, l)| (1.0 - w) * t + w * l)
                    .collect(),
                None => trees,
            }
        };
        let mut c: Vec<(usize, f32)> = c
            .into_iter()
            .enumerate()
            .filter(|(_, v)| *v != 0.0)
            .collect();
        c.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        c.truncate(3);
        d.reasons = c;
    }

    /// The verdict's confidence as the database stores it: the probability of the label given.
    pub fn score(d: &Decision) -> f32 {
        match (d.label, d.p_differs) {
            (Label::Omits, _) => 1.0 - d.p_carried,
            (Label::Differs, Some(p)) => d.p_carried * p,
            (_, Some(p)) => d.p_carried * (1.0 - p),
            (_, None) => d.p_carried,
        }
    }
}

/// The generated tables of one model, as `crosscheck fit` writes them.
pub struct Tables {
    pub n: usize,
    pub carried_at: f32,
    pub carried_at_difference: f32,
    pub differs_at: f32,
    pub carried: ForestTables,
    pub differs: DiffersTables,
    /// The slot model fitted with the decision (`cluster::slot`), with how many leading slot
    /// features it reads.
    pub slot: Option<(usize, LinearTables)>,
    /// The linear model sharing P(carried), with its weight (`ClusterModel::carried_linear`).
    pub carried_linear: Option<(f32, LinearTables)>,
}

/// The differs decision's tables: whichever form the recipe chose.
pub enum DiffersTables {
    Trees(ForestTables),
    Linear(LinearTables),
}

pub struct LinearTables {
    pub mean: &'static [f32],
    pub scale: &'static [f32],
    pub weights: &'static [f32],
    pub bias: f32,
    /// Each feature's bounds (`Logistic::bounded_by`); empty when unbounded.
    pub lo: &'static [f32],
    pub hi: &'static [f32],
}

impl LinearTables {
    fn logistic(&self) -> Logistic {
        Logistic {
            mean: self.mean.to_vec(),
            scale: self.scale.to_vec(),
            weights: self.weights.to_vec(),
            bias: self.bias,
            lo: self.lo.to_vec(),
            hi: self.hi.to_vec(),
        }
    }
}

pub struct ForestTables {
    pub init: f32,
    pub rate: f32,
    pub feature: &'static [i16],
    pub threshold: &'static [f32],
    pub left: &'static [u32],
    pub right: &'static [u32],
    pub value: &'static [f32],
    pub roots: &'static [u32],
}

impl ForestTables {
    fn forest(&self) -> Forest {
        let mut f = Forest::default();
        f.init = self.init;
        f.rate = self.rate;
        f.feature = self.feature.to_vec();
        f.threshold = self.threshold.to_vec();
        f.left = self.left.to_vec();
        f.right = self.right.to_vec();
        f.value = self.value.to_vec();
        f.roots = self.roots.to_vec();
        f.packed()
    }
}

impl Tables {
    fn model(&self) -> ClusterModel {
        ClusterModel {
            n: self.n,
            carried: self.carried.forest(),
            differs: match &self.differs {
                DiffersTables::Trees(t) => Scorer::Trees(t.forest()),
                DiffersTables::Linear(l) => Scorer::Linear(l.logistic()),
            },
            carried_at: self.carried_at,
            carried_at_difference: self.carried_at_difference,
            differs_at: self.differs_at,
            carried_linear: self
                .carried_linear
                .as_ref()
                .map(|(w, l)| (l.logistic(), *w)),
        }
    }
}

/// The shipped model for a build with (`true`) or without the sentence encoder.
pub fn shipped(encoder: bool) -> &'static ClusterModel {
    static SURFACE: OnceLock<ClusterModel> = OnceLock::new();
    static ENCODER: OnceLock<ClusterModel> = OnceLock::new();
    if encoder {
        ENCODER.get_or_init(|| super::weights_enc::TABLES.model())
    } else {
        SURFACE.get_or_init(|| super::weights::TABLES.model())
    }
}

/// The shipped slot model for a build with (`true`) or without the sentence encoder, when the
/// shipped decision was fitted with one.
pub fn shipped_slot(encoder: bool) -> Option<&'static SlotModel> {
    static SURFACE: OnceLock<Option<SlotModel>> = OnceLock::new();
    static ENCODER: OnceLock<Option<SlotModel>> = OnceLock::new();
    let (cell, tables) = if encoder {
        (&ENCODER, &super::weights_enc::TABLES)
    } else {
        (&SURFACE, &super::weights::TABLES)
    };
    cell.get_or_init(|| {
        tables.slot.as_ref().map(|(n, l)| SlotModel {
            n: *n,
            model: l.logistic(),
        })
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A forest with no trees (P = sigmoid(init)) and a linear model with no weights
    /// (P = sigmoid(bias)): the decision's arithmetic on known probabilities.
    fn model(forest_logit: f32, linear_logit: f32, weight: f32) -> ClusterModel {
        let mut carried = Forest::default();
        carried.init = forest_logit;
        let linear = Logistic {
            mean: vec![0.0],
            scale: vec![1.0],
            weights: vec![0.0],
            bias: linear_logit,
            ..Logistic::default()
        };
        ClusterModel {
            n: 1,
            carried,
            differs: Scorer::Linear(linear.clone()),
            carried_at: 0.5,
            carried_at_difference: 0.5,
            differs_at: 0.35,
            carried_linear: Some((linear, weight)),
        }
    }

    #[test]
    fn the_linear_model_shares_p_carried_only_without_a_difference() {
        // (forest logit, linear logit, weight, has difference, P(carried), label)
        let rows = [
            // P 0.4 and 0.9: the trees alone omit; with weight 0.5 the mean 0.65 carries.
            (-0.405_465, 2.197_225, 0.5, false, 0.65, Label::Corroborates),
            // The same claim with a difference keeps the trees' 0.4 and is omitted.
            (-0.405_465, 2.197_225, 0.5, true, 0.4, Label::Omits),
            // Weight 0: the trees alone.
            (-0.405_465, 2.197_225, 0.0, false, 0.4, Label::Omits),
            // P 0.9 and 0.1 at weight 0.3: 0.66.
            (2.197_225, -2.197_225, 0.3, false, 0.66, Label::Corroborates),
        ];
        for (f, l, w, diff, p, label) in rows {
            let d = model(f, l, w).decide(&[0.0], diff);
            assert!(
                (d.p_carried - p).abs() < 1e-4 && d.label == label,
                "{f} {l} {w} {diff}: {d:?}"
            );
        }
    }

    #[test]
    fn a_claim_with_a_difference_is_carried_from_its_own_threshold() {
        // (P(carried) from the trees, has difference, label) with carried_at 0.5 and 0.4 for a
        // claim with a difference; the differs step's P (sigmoid 2.2 = 0.9) then says differs.
        let rows = [
            (0.45f32, false, Label::Omits),
            (0.45, true, Label::Differs),
            (0.35, true, Label::Omits),
            (0.55, false, Label::Corroborates),
        ];
        for (p, diff, label) in rows {
            let mut m = model((p / (1.0 - p)).ln(), 0.0, 0.0);
            m.carried_at_difference = 0.4;
            if let Scorer::Linear(l) = &mut m.differs {
                l.bias = 2.2;
            }
            let d = m.decide(&[0.0], diff);
            assert_eq!(d.label, label, "P(carried) {p}, difference {diff}");
        }
    }

    #[test]
    fn no_more_differences_make_differs_less_likely_in_the_shipped_models() {
        // Both generated models: at every split on a `DIFFERS_INCREASING` feature, no leaf of
        // the left subtree (fewer or weaker differences) scores above a leaf of the right one,
        // so P(differs | carried) never falls as those features rise (`Params::increasing`).
        let leaves = |f: &Forest, root: u32| {
            let (mut lo, mut hi, mut stack) = (f32::INFINITY, f32::NEG_INFINITY, vec![root]);
            while let Some(n) = stack.pop() {
                let n = n as usize;
                if f.feature[n] < 0 {
                    lo = lo.min(f.value[n]);
                    hi = hi.max(f.value[n]);
                } else {
                    stack.extend([f.left[n], f.right[n]]);
                }
            }
            (lo, hi)
        };
        for encoder in [false, true] {
            let Scorer::Trees(f) = &shipped(encoder).differs else {
                panic!("the shipped differs step is a forest");
            };
            let constrained: Vec<i16> = crate::cluster::DIFFERS_INCREASING
                .iter()
                .map(|n| crate::cluster::NAMES.iter().position(|m| m == n).unwrap() as i16)
                .collect();
            let mut splits = 0;
            for n in 0..f.feature.len() {
                if constrained.contains(&f.feature[n]) {
                    splits += 1;
                    let (_, left_max) = leaves(f, f.left[n]);
                    let (right_min, _) = leaves(f, f.right[n]);
                    assert!(left_max <= right_min, "node {n} (encoder {encoder})");
                }
            }
            assert!(
                splits > 0,
                "the differs step never splits on a difference count"
            );
        }
    }

    #[test]
    fn deciding_many_items_decides_each_as_alone() {
        // The shipped surface model on spread features, with and without a difference: every
        // label and probability as `decide` gives it, to the bit (the items are not a multiple
        // of the forest's lanes).
        let m = shipped(false);
        let items: Vec<([f32; crate::cluster::N], bool)> = (0..37u32)
            .map(|i| {
                let mut x = [0.0f32; crate::cluster::N];
                for (j, v) in x.iter_mut().enumerate() {
                    *v = ((i as usize * 7 + j * 13) % 17) as f32 / 16.0;
                }
                (x, i % 3 != 0)
            })
            .collect();
        let asked: Vec<(&[f32], bool)> = items.iter().map(|(x, d)| (&x[..], *d)).collect();
        let bits = |d: &Decision| {
            (
                d.label,
                d.p_carried.to_bits(),
                d.p_differs.map(f32::to_bits),
                d.by,
            )
        };
        let many: Vec<_> = m.decide_many(&asked).iter().map(bits).collect();
        let one: Vec<_> = asked.iter().map(|(x, d)| bits(&m.decide(x, *d))).collect();
        assert_eq!(many, one);
        assert!(many.iter().any(|d| d.0 == Label::Differs || d.2.is_some()));
    }
}
