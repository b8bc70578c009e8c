//! L2-regularised logistic regression on standardised features, fitted by Newton's method.
//!
//! Why a linear model beside the trees: `differs` is rare in the labelled clusters (a few
//! hundred items), too few for trees to learn what a clean contradiction looks like in every
//! kind of difference; a linear model over the same features extrapolates smoothly (more of
//! the claim carried and a difference found means more likely `differs`). Newton's method on a
//! few dozen features converges in a handful of steps and is deterministic.

/// A fitted model: P(y) = sigmoid(bias + sum(w_i * (x_i - mean_i) / scale_i)), each x_i first
/// held within `[lo_i, hi_i]` when the model is bounded (`bounded_by`; empty: unbounded).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Logistic {
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
    pub lo: Vec<f32>,
    pub hi: Vec<f32>,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-40.0, 40.0)).exp())
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky); None when it is not.
#[allow(clippy::needless_range_loop)]
fn solve(a: &[Vec<f64>], b: &[f64]) -> Option<Vec<f64>> {
    let n = b.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a[i][i] - s;
                if d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[i][j] = d.sqrt();
            } else {
                l[i][j] = (a[i][j] - s) / l[j][j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
    }
    Some(x)
}

impl Logistic {
    /// Fits to rows `x`, labels `y` and weights `w`; `c` is the inverse L2 strength (as in
    /// scikit-learn: the penalty is |w|^2 / 2c, the bias unpenalised).
    // Index loops read as the matrix algebra they implement.
    #[allow(clippy::needless_range_loop)]
    pub fn fit(x: &[Vec<f32>], y: &[bool], w: &[f64], c: f64) -> Logistic {
        let n = x.len().min(y.len()).min(w.len());
        let dims = x.first().map_or(0, Vec::len);
        let clean = |v: f32| if v.is_finite() { f64::from(v) } else { 0.0 };
        let wsum: f64 = w[..n].iter().sum::<f64>().max(1e-12);
        let mut mean = vec![0.0f64; dims];
        let mut var = vec![0.0f64; dims];
        for i in 0..n {
            for d in 0..dims {
                mean[d] += w[i] * clean(x[i].get(d).copied().unwrap_or(0.0)) / wsum;
            }
        }
        for i in 0..n {
            for d in 0..dims {
                let v = clean(x[i].get(d).copied().unwrap_or(0.0)) - mean[d];
                var[d] += w[i] * v * v / wsum;
            }
        }
        let scale: Vec<f64> = var
            .iter()
            .map(|v| if *v > 1e-12 { v.sqrt() } else { 1.0 })
            .collect();
        let z: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..dims)
                    .map(|d| (clean(x[i].get(d).copied().unwrap_or(0.0)) - mean[d]) / scale[d])
                    .chain(std::iter::once(1.0))
                    .collect()
            })
            .collect();
        let k = dims + 1;
        let mut beta = vec![0.0f64; k];
        let lambda = 1.0 / c.max(1e-12);
        for _ in 0..50 {
            let mut grad = vec![0.0f64; k];
            let mut hess = vec![vec![0.0f64; k]; k];
            for i in 0..n {
                let p = sigmoid(z[i].iter().zip(&beta).map(|(a, b)| a * b).sum());
                let r = w[i] * (f64::from(u8::from(y[i])) - p);
                let h = w[i] * (p * (1.0 - p)).max(1e-12);
                for a in 0..k {
                    grad[a] += r * z[i][a];
                    for b in 0..=a {
                        hess[a][b] += h * z[i][a] * z[i][b];
                    }
                }
            }
            for a in 0..k {
                for b in 0..a {
                    hess[b][a] = hess[a][b];
                }
                if a < dims {
                    grad[a] -= lambda * beta[a];
                    hess[a][a] += lambda;
                }
                hess[a][a] += 1e-9;
            }
            let Some(step) = solve(&hess, &grad) else {
                break;
            };
            let size: f64 = step.iter().map(|s| s.abs()).fold(0.0, f64::max);
            beta.iter_mut().zip(&step).for_each(|(b, s)| *b += s);
            if size < 1e-8 {
                break;
            }
        }
        Logistic {
            mean: mean.iter().map(|&v| v as f32).collect(),
            scale: scale.iter().map(|&v| v as f32).collect(),
            weights: beta[..dims].iter().map(|&v| v as f32).collect(),
            bias: beta.get(dims).copied().unwrap_or(0.0) as f32,
            lo: Vec::new(),
            hi: Vec::new(),
        }
    }

    /// The same model, each feature held within the range it took in `x` (the training rows).
    /// Why: a linear model extrapolates without limit, so one feature far outside what it was
    /// fitted on (a tiny cluster's word weights) would decide alone; trees stop at their last
    /// split, and so does a bounded model.
    pub fn bounded_by(mut self, x: &[Vec<f32>]) -> Logistic {
        let dims = self.weights.len();
        let mut lo = vec![f32::INFINITY; dims];
        let mut hi = vec![f32::NEG_INFINITY; dims];
        for row in x {
            for (d, &v) in row.iter().enumerate().take(dims) {
                if v.is_finite() {
                    lo[d] = lo[d].min(v);
                    hi[d] = hi[d].max(v);
                }
            }
        }
        // A feature never seen finite is held at its mean.
        for d in 0..dims {
            if lo[d] > hi[d] {
                lo[d] = self.mean[d];
                hi[d] = self.mean[d];
            }
        }
        self.lo = lo;
        self.hi = hi;
        self
    }

    /// Feature `d` of `x` as the model reads it: a missing or non-finite value as the mean,
    /// then held within the bounds.
    fn value(&self, x: &[f32], d: usize) -> f32 {
        let m = self.mean.get(d).copied().unwrap_or(0.0);
        let v = x.get(d).copied().filter(|v| v.is_finite()).unwrap_or(m);
        match (self.lo.get(d), self.hi.get(d)) {
            (Some(&lo), Some(&hi)) if lo <= hi => v.clamp(lo, hi),
            _ => v,
        }
    }

    fn raw(&self, x: &[f32]) -> f32 {
        self.bias
            + (0..self.weights.len())
                .map(|d| self.term(x, d))
                .sum::<f32>()
    }

    /// Feature `d`'s share of the log-odds for `x`.
    fn term(&self, x: &[f32], d: usize) -> f32 {
        self.weights[d] * (self.value(x, d) - self.mean[d]) / self.scale[d]
    }

    /// The model's probability for `x` (a missing or non-finite value reads as the mean, and a
    /// bounded model holds each value within its bounds).
    pub fn predict(&self, x: &[f32]) -> f32 {
        sigmoid(f64::from(self.raw(x))) as f32
    }

    /// Each feature's share of the log-odds for `x` (its weight times its standardised value).
    pub fn contributions(&self, x: &[f32]) -> Vec<f32> {
        (0..self.weights.len()).map(|d| self.term(x, d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_separating_direction_deterministically() {
        let x: Vec<Vec<f32>> = (0..200)
            .map(|i| vec![(i % 20) as f32, ((i * 7) % 13) as f32])
            .collect();
        let y: Vec<bool> = x.iter().map(|r| r[0] > 9.5).collect();
        let w = vec![1.0; x.len()];
        let m = Logistic::fit(&x, &y, &w, 1.0);
        assert!(m.predict(&[19.0, 5.0]) > 0.9 && m.predict(&[0.0, 5.0]) < 0.1);
        assert!(m.weights[0].abs() > 5.0 * m.weights[1].abs(), "{m:?}");
        assert_eq!(m, Logistic::fit(&x, &y, &w, 1.0));
        let empty = Logistic::fit(&[], &[], &[], 1.0);
        assert!(empty.predict(&[1.0]).is_finite());
    }

    #[test]
    fn a_bounded_model_reads_no_value_beyond_its_training_range() {
        let x: Vec<Vec<f32>> = (0..200).map(|i| vec![(i % 20) as f32]).collect();
        let y: Vec<bool> = x.iter().map(|r| r[0] > 9.5).collect();
        let w = vec![1.0; x.len()];
        let m = Logistic::fit(&x, &y, &w, 1.0);
        let b = m.clone().bounded_by(&x);
        assert_eq!(
            (b.lo.as_slice(), b.hi.as_slice()),
            (&[0.0][..], &[19.0][..])
        );
        // (input, what the bounded model reads it as)
        let rows = [
            (5.0, 5.0),
            (19.0, 19.0),
            (1000.0, 19.0),
            (-50.0, 0.0),
            (f32::NAN, m.mean[0]),
        ];
        for (v, read) in rows {
            assert_eq!(b.predict(&[v]), m.predict(&[read]), "{v}");
        }
    }
}
