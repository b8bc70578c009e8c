//! Gradient-boosted decision trees for a binary decision, fitted and evaluated here.
//!
//! Why hand-written: the cluster decision is fitted inside `cargo test` (leave-one-cluster-out
//! over the labelled clusters) and by `crosscheck fit`, so the fitter must be pure Rust,
//! deterministic to the bit and free of a BLAS or Python; the crates that fit boosted trees
//! either bring a heavy numeric stack or are unmaintained, while the algorithm itself is a page:
//! logistic loss, Newton steps, exact splits on sorted values, row subsampling from a seeded
//! generator, shrinkage.
//!
//! Every node stores the value it would have as a leaf, so a prediction can be attributed to
//! the features split on along its path (the contribution of each split is the change of that
//! value), which is how `cluster_trace` names what decided a verdict.

use super::packed::Packed;

/// How a forest is fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub trees: usize,
    pub depth: usize,
    pub rate: f64,
    /// Share of the rows each tree is fitted on.
    pub subsample: f64,
    /// Smallest total row weight a leaf may hold.
    pub min_leaf: f64,
    /// L2 penalty on leaf values (Newton step denominator).
    pub lambda: f64,
    pub seed: u64,
    /// Features the fitted score may only rise with (bit `d` for feature `d`, the first 64):
    /// XGBoost's monotone constraint. A split on one is kept only when its right side's value is
    /// at least its left side's, and the two subtrees are bounded on either side of their
    /// midpoint, so every tree, and so the forest, never falls as such a feature grows.
    pub increasing: u64,
}

impl Params {
    /// Whether the score may only rise with feature `d` (`increasing`).
    fn rises_with(&self, d: usize) -> bool {
        d < 64 && self.increasing >> d & 1 == 1
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            trees: 200,
            depth: 2,
            rate: 0.05,
            subsample: 0.8,
            min_leaf: 5.0,
            lambda: 1.0,
            seed: 0,
            increasing: 0,
        }
    }
}

/// A fitted forest: flat node tables. Node `i` splits on `feature[i]` at `threshold[i]`
/// (`x <= threshold` goes left) unless `feature[i] < 0`, a leaf. `value[i]` is the node's raw
/// score (log-odds contribution) as a leaf.
///
/// The tables are what is fitted, written and traced; [`Forest::packed`] adds the layout
/// predictions read (`learn::packed`), so a forest is not changed once packed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forest {
    pub init: f32,
    pub rate: f32,
    pub feature: Vec<i16>,
    pub threshold: Vec<f32>,
    pub left: Vec<u32>,
    pub right: Vec<u32>,
    pub value: Vec<f32>,
    pub roots: Vec<u32>,
    /// The tables laid out for `predict`, when packed and they could be.
    fast: Option<Packed>,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-40.0, 40.0)).exp())
}

/// splitmix64: a small, well-known generator, enough to subsample rows reproducibly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

impl Forest {
    /// Fits a forest to rows `x` (all of one length), labels `y` (0 or 1) and weights `w`.
    /// Rows whose values are not finite read as 0.
    pub fn fit(x: &[Vec<f32>], y: &[bool], w: &[f64], p: &Params) -> Forest {
        let n = x.len().min(y.len()).min(w.len());
        let dims = x.first().map_or(0, Vec::len);
        let clean = |v: f32| if v.is_finite() { v } else { 0.0 };
        let cols: Vec<Vec<f32>> = (0..dims)
            .map(|d| {
                (0..n)
                    .map(|i| clean(x[i].get(d).copied().unwrap_or(0.0)))
                    .collect()
            })
            .collect();
        // Rows sorted by each feature once; a node's rows are filtered from these lists.
        let order: Vec<Vec<u32>> = cols
            .iter()
            .map(|c| {
                let mut o: Vec<u32> = (0..n as u32).collect();
                o.sort_by(|&a, &b| c[a as usize].total_cmp(&c[b as usize]).then(a.cmp(&b)));
                o
            })
            .collect();
        let wsum: f64 = w[..n].iter().sum();
        let pos: f64 = (0..n).filter(|&i| y[i]).map(|i| w[i]).sum();
        let prior = ((pos + 0.5) / (wsum - pos + 0.5)).ln();
        let mut f = Forest {
            init: prior as f32,
            rate: p.rate as f32,
            ..Forest::default()
        };
        let mut raw = vec![prior; n];
        let mut rng = Rng(p.seed ^ 0x5EED);
        for _ in 0..p.trees {
            let grad: Vec<f64> = (0..n)
                .map(|i| w[i] * (f64::from(u8::from(y[i])) - sigmoid(raw[i])))
                .collect();
            let hess: Vec<f64> = (0..n)
                .map(|i| {
                    let q = sigmoid(raw[i]);
                    w[i] * (q * (1.0 - q)).max(1e-12)
                })
                .collect();
            let mut member: Vec<bool> = (0..n).map(|_| rng.unit() < p.subsample).collect();
            if !member.iter().any(|&m| m) {
                member.iter_mut().for_each(|m| *m = true);
            }
            let unbounded = (f64::NEG_INFINITY, f64::INFINITY);
            let root = f.grow(&cols, &order, &grad, &hess, w, &member, p, 0, unbounded);
            f.roots.push(root);
            for (i, r) in raw.iter_mut().enumerate() {
                let row: Vec<f32> = cols.iter().map(|c| c[i]).collect();
                *r += p.rate * f64::from(f.leaf_value(root, &row));
            }
        }
        f
    }

    /// Grows the subtree over the rows in `member`; returns its root's index.
    #[allow(clippy::too_many_arguments)]
    fn grow(
        &mut self,
        cols: &[Vec<f32>],
        order: &[Vec<u32>],
        grad: &[f64],
        hess: &[f64],
        w: &[f64],
        member: &[bool],
        p: &Params,
        level: usize,
        bounds: (f64, f64),
    ) -> u32 {
        let idx = self.value.len() as u32;
        let (g, h, wt) = (0..member.len())
            .filter(|&i| member[i])
            .fold((0.0, 0.0, 0.0), |a, i| {
                (a.0 + grad[i], a.1 + hess[i], a.2 + w[i])
            });
        let score = |g: f64, h: f64| g * g / (h + p.lambda);
        let (lo, hi) = bounds;
        let value = |g: f64, h: f64| (g / (h + p.lambda)).clamp(lo, hi);
        self.feature.push(-1);
        self.threshold.push(0.0);
        self.left.push(u32::MAX);
        self.right.push(u32::MAX);
        self.value.push(value(g, h) as f32);
        if level >= p.depth || wt < 2.0 * p.min_leaf {
            return idx;
        }
        // The best split over every feature: the largest gain in Newton score.
        let parent = score(g, h);
        let mut best: Option<(f64, usize, f32)> = None;
        for (d, o) in order.iter().enumerate() {
            let c = &cols[d];
            let increasing = p.rises_with(d);
            let (mut gl, mut hl, mut wl) = (0.0, 0.0, 0.0);
            let mut prev: Option<f32> = None;
            for &r in o {
                let r = r as usize;
                if !member[r] {
                    continue;
                }
                let v = c[r];
                if let Some(pv) = prev {
                    if v > pv
                        && wl >= p.min_leaf
                        && wt - wl >= p.min_leaf
                        && (!increasing || value(gl, hl) <= value(g - gl, h - hl))
                    {
                        let gain = score(gl, hl) + score(g - gl, h - hl) - parent;
                        if gain > 1e-9 && best.is_none_or(|b| gain > b.0) {
                            best = Some((gain, d, pv + (v - pv) / 2.0));
                        }
                    }
                }
                gl += grad[r];
                hl += hess[r];
                wl += w[r];
                prev = Some(v);
            }
        }
        let Some((_, d, t)) = best else {
            return idx;
        };
        let go_left: Vec<bool> = (0..member.len())
            .map(|i| member[i] && cols[d][i] <= t)
            .collect();
        let go_right: Vec<bool> = (0..member.len())
            .map(|i| member[i] && cols[d][i] > t)
            .collect();
        // Below a constrained split, the left subtree stays under the midpoint of the two
        // sides' values and the right one over it, so no deeper split can undo the order.
        let (lb, rb) = if p.rises_with(d) {
            let side = |keep: &[bool]| {
                let (g, h) = (0..keep.len())
                    .filter(|&i| keep[i])
                    .fold((0.0, 0.0), |a, i| (a.0 + grad[i], a.1 + hess[i]));
                value(g, h)
            };
            let mid = (side(&go_left) + side(&go_right)) / 2.0;
            ((lo, mid), (mid, hi))
        } else {
            (bounds, bounds)
        };
        let l = self.grow(cols, order, grad, hess, w, &go_left, p, level + 1, lb);
        let r = self.grow(cols, order, grad, hess, w, &go_right, p, level + 1, rb);
        let i = idx as usize;
        self.feature[i] = d as i16;
        self.threshold[i] = t;
        self.left[i] = l;
        self.right[i] = r;
        idx
    }

    /// Fits `bags` forests that differ only in the seed of their row subsampling and merges them
    /// into one whose log-odds are their mean: the fit's randomness averaged out, so a small
    /// change to the data or features moves the model (and its LOCO figures) less.
    pub fn fit_bagged(x: &[Vec<f32>], y: &[bool], w: &[f64], p: &Params, bags: usize) -> Forest {
        let forests: Vec<Forest> = (0..bags.max(1) as u64)
            .map(|b| {
                Forest::fit(
                    x,
                    y,
                    w,
                    &Params {
                        seed: p.seed.wrapping_add(b),
                        ..*p
                    },
                )
            })
            .collect();
        Forest::merge(&forests)
    }

    /// One forest whose raw score is the mean of the given forests' (all fitted with one rate).
    fn merge(forests: &[Forest]) -> Forest {
        let k = forests.len().max(1) as f32;
        let mut out = Forest {
            init: forests.iter().map(|f| f.init).sum::<f32>() / k,
            rate: forests.first().map_or(0.0, |f| f.rate) / k,
            ..Forest::default()
        };
        for f in forests {
            let offset = out.value.len() as u32;
            let shift = |n: &u32| if *n == u32::MAX { u32::MAX } else { n + offset };
            out.feature.extend_from_slice(&f.feature);
            out.threshold.extend_from_slice(&f.threshold);
            out.left.extend(f.left.iter().map(shift));
            out.right.extend(f.right.iter().map(shift));
            out.value.extend_from_slice(&f.value);
            out.roots.extend(f.roots.iter().map(shift));
        }
        out.packed()
    }

    /// The forest with its tables laid out for `predict` (see `learn::packed`); without that
    /// layout, `predict` walks the tables, to the same result. The forests the decision uses
    /// are packed once, when made: `fit_bagged`'s merge and the shipped tables (a single
    /// `fit`'s forest, which `fit_bagged` merges straight away, is not).
    pub fn packed(mut self) -> Forest {
        self.fast = Packed::new(&self);
        self
    }

    /// The leaf value of the tree rooted at `root` for `x` (the walk is bounded, so a
    /// malformed table cannot loop).
    fn leaf_value(&self, root: u32, x: &[f32]) -> f32 {
        let mut node = root as usize;
        for _ in 0..64 {
            let Some(&f) = self.feature.get(node) else {
                return 0.0;
            };
            let Ok(f) = usize::try_from(f) else {
                return self.value.get(node).copied().unwrap_or(0.0);
            };
            let v = x.get(f).copied().filter(|v| v.is_finite()).unwrap_or(0.0);
            let t = self.threshold.get(node).copied().unwrap_or(0.0);
            let next = if v <= t { &self.left } else { &self.right };
            node = next.get(node).map_or(usize::MAX, |&n| n as usize);
        }
        0.0
    }

    /// The forest's probability for `x`.
    pub fn predict(&self, x: &[f32]) -> f32 {
        let sum = match &self.fast {
            Some(p) => p.sum(x),
            None => self.walked_sum(x),
        };
        self.probability(sum)
    }

    /// `predict` of each of `xs`, in order, to the bit; with the packed layout the trees are
    /// walked for several inputs at once (`Packed::sum_many`), which is faster.
    pub fn predict_many(&self, xs: &[&[f32]]) -> Vec<f32> {
        let mut sums = Vec::with_capacity(xs.len());
        match &self.fast {
            Some(p) => p.sum_many(xs, &mut sums),
            None => sums.extend(xs.iter().map(|x| self.walked_sum(x))),
        }
        sums.into_iter().map(|s| self.probability(s)).collect()
    }

    /// The probability for the trees' sum `sum`.
    fn probability(&self, sum: f32) -> f32 {
        let raw: f32 = self.init + sum;
        sigmoid(f64::from(raw)) as f32
    }

    /// The sum of every tree's `rate * leaf value` for `x`, walking the tables.
    fn walked_sum(&self, x: &[f32]) -> f32 {
        self.roots
            .iter()
            .map(|&r| self.rate * self.leaf_value(r, x))
            .sum::<f32>()
    }

    /// How much each feature moved the raw score (log-odds) for `x`: along each tree's path,
    /// the change of node value at every split is credited to the split's feature.
    pub fn contributions(&self, x: &[f32], dims: usize) -> Vec<f32> {
        let mut out = vec![0.0f32; dims];
        for &root in &self.roots {
            let mut node = root as usize;
            for _ in 0..64 {
                let (Some(&f), Some(&here)) = (self.feature.get(node), self.value.get(node)) else {
                    break;
                };
                let Ok(f) = usize::try_from(f) else {
                    break;
                };
                let v = x.get(f).copied().filter(|v| v.is_finite()).unwrap_or(0.0);
                let t = self.threshold.get(node).copied().unwrap_or(0.0);
                let next = if v <= t { &self.left } else { &self.right };
                let Some(n) = next.get(node).map(|&n| n as usize) else {
                    break;
                };
                let there = self.value.get(n).copied().unwrap_or(here);
                if let Some(o) = out.get_mut(f) {
                    *o += self.rate * (there - here);
                }
                node = n;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_and_an_interaction() {
        // y = x0 > 0.5 xor x1 > 0.5, with a noise column.
        let mut x = Vec::new();
        let mut y = Vec::new();
        let mut rng = Rng(7);
        for _ in 0..400 {
            let a = rng.unit() as f32;
            let b = rng.unit() as f32;
            x.push(vec![a, b, rng.unit() as f32]);
            y.push((a > 0.5) != (b > 0.5));
        }
        let w = vec![1.0; x.len()];
        let p = Params {
            trees: 100,
            depth: 2,
            rate: 0.2,
            ..Params::default()
        };
        let f = Forest::fit(&x, &y, &w, &p);
        let right = x
            .iter()
            .zip(&y)
            .filter(|(r, &t)| (f.predict(r) >= 0.5) == t)
            .count();
        assert!(right > 380, "{right} of 400");
        // The same data and seed give the same forest, to the bit.
        assert_eq!(f, Forest::fit(&x, &y, &w, &p));
        // The noise column gets little credit.
        let c = f.contributions(&[0.9, 0.1, 0.5], 3);
        assert!(c[2].abs() < c[0].abs() && c[2].abs() < c[1].abs(), "{c:?}");
    }

    #[test]
    fn an_increasing_feature_never_lowers_the_score() {
        // The label falls as x0 rises where x1 is high (and rises where it is low): unconstrained,
        // the forest learns that fall; constrained, it may not, whatever x1 and x2 are.
        let mut x = Vec::new();
        let mut y = Vec::new();
        let mut rng = Rng(3);
        for _ in 0..600 {
            let (a, b, c) = (rng.unit() as f32, rng.unit() as f32, rng.unit() as f32);
            x.push(vec![a, b, c]);
            y.push(if b > 0.5 { a < 0.4 } else { a > 0.6 } || rng.unit() < 0.1);
        }
        let w = vec![1.0; x.len()];
        let p = Params {
            trees: 80,
            depth: 3,
            rate: 0.2,
            min_leaf: 2.0,
            ..Params::default()
        };
        let falls = |f: &Forest| {
            let mut worst = 0.0f32;
            for b in [0.1f32, 0.45, 0.55, 0.9] {
                for c in [0.2f32, 0.8] {
                    let scores: Vec<f32> = (0..=20)
                        .map(|i| f.predict(&[i as f32 / 20.0, b, c]))
                        .collect();
                    for pair in scores.windows(2) {
                        worst = worst.max(pair[0] - pair[1]);
                    }
                }
            }
            worst
        };
        assert!(falls(&Forest::fit(&x, &y, &w, &p)) > 0.3);
        let constrained = Params { increasing: 1, ..p };
        let f = Forest::fit_bagged(&x, &y, &w, &constrained, 3);
        assert_eq!(falls(&f), 0.0);
        assert_eq!(falls(&f.packed()), 0.0);
        // The rise where x1 is low is still learnt.
        let g = Forest::fit(&x, &y, &w, &constrained);
        assert!(g.predict(&[0.9, 0.1, 0.5]) > g.predict(&[0.1, 0.1, 0.5]) + 0.2);
    }

    #[test]
    fn the_packed_layout_sums_what_the_walk_sums_to_the_bit() {
        // Trees of mixed depth (a split that gains nothing stops early) over noisy columns,
        // evaluated on rows with odd values and on rows shorter or longer than the fit's.
        let mut rng = Rng(11);
        let x: Vec<Vec<f32>> = (0..300)
            .map(|_| (0..4).map(|_| rng.unit() as f32).collect())
            .collect();
        let y: Vec<bool> = x
            .iter()
            .map(|r| r[0] + 0.3 * r[1] > 0.6 || r[3] < 0.05)
            .collect();
        let w = vec![1.0; x.len()];
        for depth in [0, 1, 2, 3] {
            let p = Params {
                trees: 40,
                depth,
                min_leaf: 30.0,
                ..Params::default()
            };
            let f = Forest::fit_bagged(&x, &y, &w, &p, 2);
            assert!(f.fast.is_some(), "depth {depth} was not packed");
            if depth == 3 {
                // Some leaf stands above the full depth (a full tree has 15 nodes).
                assert!(f.value.len() < 15 * f.roots.len());
            }
            let mut probes: Vec<Vec<f32>> = x.iter().take(50).cloned().collect();
            probes.extend([
                vec![],
                vec![0.5],
                vec![f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -0.0],
                vec![0.2, 0.9, 0.1, 0.7, 5.0, 6.0],
            ]);
            for r in &probes {
                let packed = f.fast.as_ref().map(|p| p.sum(r));
                assert_eq!(
                    packed.map(f32::to_bits),
                    Some(f.walked_sum(r).to_bits()),
                    "{r:?}"
                );
            }
            // Several rows at once (54: the last group of lanes is partial), to the bit.
            let rows: Vec<&[f32]> = probes.iter().map(|r| &r[..]).collect();
            let many: Vec<u32> = f
                .predict_many(&rows)
                .into_iter()
                .map(f32::to_bits)
                .collect();
            let one: Vec<u32> = probes.iter().map(|r| f.predict(r).to_bits()).collect();
            assert_eq!(many, one, "depth {depth}");
        }
        // Tables the layout cannot hold are walked: a dangling child.
        let mut broken = Forest::fit(&x, &y, &w, &Params::default());
        broken.left[0] = 9_999;
        let broken = broken.packed();
        assert!(broken.fast.is_none());
        assert!(broken.predict(&x[0]).is_finite());
    }

    #[test]
    fn no_rows_and_odd_values_do_not_panic() {
        let f = Forest::fit(&[], &[], &[], &Params::default());
        assert!(f.predict(&[1.0]).is_finite());
        let x = vec![vec![f32::NAN, 1.0], vec![f32::INFINITY, 0.0]];
        let f = Forest::fit(&x, &[true, false], &[1.0, 1.0], &Params::default());
        assert!(f.predict(&[f32::NAN, f32::NAN]).is_finite());
        assert!(f.predict(&[]).is_finite());
    }
}
