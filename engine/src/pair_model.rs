//! The pair decision's model, evaluated: standardised features, P(corroborates) from small
//! networks blended with boosted trees, then P(differs | not corroborated) from a logistic
//! regression, asked below `weak_below` (so it can also turn a weak corroboration into differs). The fitted numbers live in generated modules, one per feature set
//! (`pair_weights` without the sentence encoder, `pair_weights_enc` with it), both written by
//! `examples/fit_pairs.py`; this is the one place that reads them.

use crate::model::Label;
use crate::vector::dot;

/// One fitted model. Flat tables: network `k`'s hidden unit `h` weighs feature `i` at
/// `hidden_w[(k * hidden + h) * n + i]`; tree nodes index their own arrays.
pub struct PairModel {
    pub n: usize,
    pub hidden: usize,
    pub corroborates_at: f32,
    pub weak_below: f32,
    pub differs_at: f32,
    pub mean: &'static [f32],
    pub scale: &'static [f32],
    pub hidden_w: &'static [f32],
    pub hidden_b: &'static [f32],
    pub out_w: &'static [f32],
    pub out_b: &'static [f32],
    pub diff_w: &'static [f32],
    pub diff_b: f32,
    pub gb_share: f32,
    pub gb_init: f32,
    pub gb_feature: &'static [i16],
    pub gb_threshold: &'static [f32],
    pub gb_left: &'static [u16],
    pub gb_right: &'static [u16],
    pub gb_value: &'static [f32],
    pub gb_root: &'static [u16],
}

impl PairModel {
    /// The label and its probability for raw features `x` (in the order the model was fitted
    /// on). A feature that is missing or not finite reads as the training mean.
    pub fn decide(&self, x: &[f32]) -> (Label, f32) {
        let z: Vec<f32> = (0..self.n)
            .map(|i| {
                let v = x.get(i).copied().unwrap_or(f32::NAN);
                if v.is_finite() {
                    (v - self.mean[i]) / self.scale[i]
                } else {
                    0.0
                }
            })
            .collect();
        let p_corr = (1.0 - self.gb_share) * self.networks(&z) + self.gb_share * self.trees(&z);
        if p_corr >= self.weak_below {
            return (Label::Corroborates, p_corr);
        }
        // Step 2 is asked below `weak_below`, not only below `corroborates_at`: a contradiction
        // shares most words with its premise and so often scores as a weak corroboration, where
        // a high P(differs) overrides it (the band was chosen by cross-validation, fit_pairs.py).
        let p_diff = sigmoid(self.diff_b + dot(self.diff_w, &z));
        if p_diff >= self.differs_at {
            (Label::Differs, (1.0 - p_corr) * p_diff)
        } else if p_corr >= self.corroborates_at {
            (Label::Corroborates, p_corr)
        } else {
            (Label::Omits, (1.0 - p_corr) * (1.0 - p_diff))
        }
    }

    /// The mean of the networks' outputs.
    fn networks(&self, z: &[f32]) -> f32 {
        let k = self.out_b.len();
        let mut sum = 0.0;
        for net in 0..k {
            let mut out = self.out_b[net];
            for h in 0..self.hidden {
                let unit = net * self.hidden + h;
                let w = self
                    .hidden_w
                    .get(unit * self.n..(unit + 1) * self.n)
                    .unwrap_or(&[]);
                let b = self.hidden_b.get(unit).copied().unwrap_or(0.0);
                let o = self.out_w.get(unit).copied().unwrap_or(0.0);
                out += o * (dot(w, z) + b).max(0.0);
            }
            sum += sigmoid(out);
        }
        sum / k.max(1) as f32
    }

    /// The boosted trees' probability: each tree walked from its root to a leaf (the walk is
    /// bounded in case of a malformed table).
    fn trees(&self, z: &[f32]) -> f32 {
        let mut raw = self.gb_init;
        for &root in self.gb_root {
            let mut node = usize::from(root);
            for _ in 0..64 {
                let Some(&f) = self.gb_feature.get(node) else {
                    break;
                };
                let Ok(f) = usize::try_from(f) else {
                    raw += self.gb_value.get(node).copied().unwrap_or(0.0);
                    break;
                };
                let x = z.get(f).copied().unwrap_or(0.0);
                let next = if x <= self.gb_threshold.get(node).copied().unwrap_or(0.0) {
                    self.gb_left.get(node)
                } else {
                    self.gb_right.get(node)
                };
                node = usize::from(next.copied().unwrap_or(u16::MAX));
            }
        }
        sigmoid(raw)
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-40.0, 40.0)).exp())
}
