//! A fitted forest laid out for evaluation: every tree as a complete binary tree of one depth,
//! its split features and thresholds in breadth-first order and its leaf values after them.
//!
//! Why: a cluster build decides every (sentence, other article) item with a forest of over a
//! thousand shallow trees, and walking the fitted tables (five arrays, a leaf test and a bounds
//! check per node) was a third of a 200-article build. Here a tree is `depth` comparisons that
//! compute the next node's index, on arrays small enough to stay in cache.
//!
//! It gives the walker's result to the bit: a leaf above the full depth becomes splits that
//! always go left (threshold +∞) down to copies of its value, the leaf values are multiplied by
//! the forest's rate as the walker multiplies them, and the trees are summed in the same order.
//! A forest this layout cannot hold the same way (too deep, a dangling node, a NaN threshold)
//! is not packed, and `Forest::predict` walks its tables as before.

use multiversion::multiversion;

use super::gbdt::Forest;

/// Deepest tree packed: 2^6 leaves a tree. The cluster decision fits depth 2.
const MAX_DEPTH: usize = 6;

/// Features read from a stack buffer; a forest reading more uses a heap one.
const STACK_FEATURES: usize = 64;

/// Inputs `sum_many` walks the trees for together. Sixteen rather than eight: each tree's
/// features, thresholds and leaves are loaded once for twice the inputs (a claim has an item
/// for every other article, so chunks are full but for the last); `predict_many`'s share of a
/// 200-article build fell from 14.8% to 13.6%.
const LANES: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Packed {
    depth: usize,
    /// Split feature and threshold of each tree's `2^depth - 1` inner nodes, tree after tree.
    feature: Vec<u16>,
    threshold: Vec<f32>,
    /// `rate * value` of each tree's `2^depth` leaves, tree after tree.
    leaf: Vec<f32>,
    /// One more than the largest feature index split on.
    features: usize,
}

impl Packed {
    /// The packed form of `f`, or none when it cannot give the walker's results exactly.
    pub(crate) fn new(f: &Forest) -> Option<Packed> {
        let depth = f
            .roots
            .iter()
            .map(|&r| tree_depth(f, r as usize, 0))
            .try_fold(0, |d, t| t.map(|t| d.max(t)))?;
        let inner = (1usize << depth) - 1;
        let mut p = Packed {
            depth,
            feature: vec![0; inner * f.roots.len()],
            threshold: vec![f32::INFINITY; inner * f.roots.len()],
            leaf: vec![0.0; (inner + 1) * f.roots.len()],
            features: 1,
        };
        for (t, &root) in f.roots.iter().enumerate() {
            p.fill(f, t, root as usize, 0, 0)?;
        }
        Some(p)
    }

    /// Places node `node` of `f` at breadth-first slot `slot` of tree `t`, `level` deep.
    fn fill(&mut self, f: &Forest, t: usize, node: usize, slot: usize, level: usize) -> Option<()> {
        let inner = (1usize << self.depth) - 1;
        let feature = *f.feature.get(node)?;
        if level == self.depth {
            // `tree_depth` put every leaf at or above `depth`.
            (feature < 0).then_some(())?;
            *self.leaf.get_mut(t * (inner + 1) + slot - inner)? = f.rate * *f.value.get(node)?;
            return Some(());
        }
        let at = t * inner + slot;
        let (left, right) = if feature < 0 {
            // A leaf above the full depth: splits that always go left (any finite value is at
            // most +∞), down to its value; the right side is never reached.
            (node, node)
        } else {
            let threshold = *f.threshold.get(node)?;
            (!threshold.is_nan()).then_some(())?;
            self.feature[at] = u16::try_from(feature).ok()?;
            self.threshold[at] = threshold;
            self.features = self.features.max(feature as usize + 1);
            (*f.left.get(node)? as usize, *f.right.get(node)? as usize)
        };
        self.fill(f, t, left, 2 * slot + 1, level + 1)?;
        self.fill(f, t, right, 2 * slot + 2, level + 1)
    }

    /// The sum of every tree's `rate * leaf value` for `x`: what the walker's sum gives.
    pub(crate) fn sum(&self, x: &[f32]) -> f32 {
        let mut stack = [0.0f32; STACK_FEATURES];
        let mut heap = Vec::new();
        let clean: &mut [f32] = if self.features <= STACK_FEATURES {
            &mut stack[..self.features]
        } else {
            heap.resize(self.features, 0.0);
            &mut heap
        };
        clean_into(clean, x);
        let inner = (1usize << self.depth) - 1;
        if inner == 0 {
            // Single leaves: nothing to compare.
            return self.leaf.iter().sum::<f32>();
        }
        let clean = &*clean;
        self.feature
            .chunks_exact(inner)
            .zip(self.threshold.chunks_exact(inner))
            .zip(self.leaf.chunks_exact(inner + 1))
            .map(|((feature, threshold), leaf)| {
                let mut slot = 0;
                for _ in 0..self.depth {
                    // The walker goes left when `v <= threshold`; with a finite `v` and a
                    // threshold that is not NaN, right is exactly `v > threshold`.
                    let right = clean[feature[slot] as usize] > threshold[slot];
                    slot = 2 * slot + 1 + usize::from(right);
                }
                leaf[slot - inner]
            })
            .sum::<f32>()
    }

    /// `sum` of each of `xs`, in order, into `out` (cleared first); each result equals `sum`'s
    /// to the bit: every input's leaf values are added one tree after the other, from the same
    /// -0.0 that `f32`'s `Sum` starts from, and each tree gives the leaf the walk reaches.
    ///
    /// Why: walking one input is a dozen dependent, bounds-checked steps a tree, and a build
    /// walks over a thousand trees for every (claim, other article) item; a third of a
    /// 200-article build. Here `LANES` inputs go through each tree together, their features
    /// transposed so that one feature of all of them is one row, and a tree is its splits'
    /// comparisons and a selection of leaf values from the bottom up, with no branch and no
    /// index that depends on the data: straight-line arithmetic the compiler vectorises.
    pub(crate) fn sum_many(&self, xs: &[&[f32]], out: &mut Vec<f32>) {
        out.clear();
        if self.depth == 0 || self.features > STACK_FEATURES {
            out.extend(xs.iter().map(|x| self.sum(x)));
            return;
        }
        let mut one = [0.0f32; STACK_FEATURES];
        for chunk in xs.chunks(LANES) {
            // Row `f` holds feature `f` of every input; lanes past the chunk's end read zeros
            // and their sums are dropped.
            let mut rows = [[0.0f32; LANES]; STACK_FEATURES];
            for (lane, x) in chunk.iter().enumerate() {
                clean_into(&mut one[..self.features], x);
                for (row, v) in rows.iter_mut().zip(&one[..self.features]) {
                    row[lane] = *v;
                }
            }
            let (f, t, l) = (&self.feature[..], &self.threshold[..], &self.leaf[..]);
            let acc = match self.depth {
                1 => lanes::<1>(f, t, l, &rows),
                2 => lanes::<2>(f, t, l, &rows),
                3 => lanes::<3>(f, t, l, &rows),
                4 => lanes::<4>(f, t, l, &rows),
                5 => lanes::<5>(f, t, l, &rows),
                _ => lanes::<MAX_DEPTH>(f, t, l, &rows),
            };
            out.extend_from_slice(&acc[..chunk.len()]);
        }
    }
}

/// The sums of `LANES` inputs (`rows`: feature by lane) over the packed trees (`feature`,
/// `threshold`, `leaf`, as `Packed` holds them) of depth `D`, which is the forest's depth; a
/// constant, so that the loops over a tree's nodes unroll.
///
/// Compiled once for each common SIMD extension and chosen at run time (`multiversion`): the
/// lanes are straight-line comparisons and selections, so 256- or 512-bit registers take two or
/// four times the lanes of the 128-bit ones every x86-64 build may assume, with the same results
/// to the bit (no arithmetic but the per-lane sums, in the same order). On this AVX-512 machine
/// the forest's share of a 200-article build without the encoder fell from 24.6% to 11.3%
/// (perf), and the build's CPU time from 2.0 s to 1.7 s (`crosscheck build --jobs 1`; 500
/// articles 14.8 s to 12.7 s), with the same database to the byte. wasm32 and other targets get
/// the plain version.
#[multiversion(targets = "simd")]
fn lanes<const D: usize>(
    feature: &[u16],
    threshold: &[f32],
    leaf: &[f32],
    rows: &[[f32; LANES]; STACK_FEATURES],
) -> [f32; LANES] {
    let inner = (1usize << D) - 1;
    let mut acc = [-0.0f32; LANES];
    // Values of one level's nodes, by lane: the leaves, then each level up chooses, for
    // every node, its right child's value where the input goes right and its left child's
    // otherwise, so the root ends with the leaf the walk reaches. A node `j` of a level
    // reads children `2j` and `2j + 1` of the level below, which are not written before.
    let mut val = [[0.0f32; LANES]; 1 << MAX_DEPTH];
    let trees = feature
        .chunks_exact(inner)
        .zip(threshold.chunks_exact(inner))
        .zip(leaf.chunks_exact(inner + 1));
    for ((feature, threshold), leaf) in trees {
        for (v, l) in val.iter_mut().zip(leaf) {
            *v = [*l; LANES];
        }
        for level in (0..D).rev() {
            let first = (1usize << level) - 1;
            for j in 0..1usize << level {
                let node = first + j;
                // `% STACK_FEATURES` changes nothing (every feature split on is below
                // `Packed::features`) and spares a bounds check.
                let row = &rows[feature[node] as usize % STACK_FEATURES];
                let t = threshold[node];
                let (left, right) = (val[2 * j], val[2 * j + 1]);
                for (lane, v) in val[j].iter_mut().enumerate() {
                    // The walker goes left when `v <= threshold`; with a finite value and
                    // a threshold that is not NaN, right is exactly `v > threshold`.
                    *v = if row[lane] > t {
                        right[lane]
                    } else {
                        left[lane]
                    };
                }
            }
        }
        for (a, v) in acc.iter_mut().zip(&val[0]) {
            *a += v;
        }
    }
    acc
}

/// Writes `x` into `clean` as the walker reads a feature: a missing or non-finite value is 0.
fn clean_into(clean: &mut [f32], x: &[f32]) {
    clean.fill(0.0);
    for (c, v) in clean.iter_mut().zip(x) {
        *c = if v.is_finite() { *v } else { 0.0 };
    }
}

/// The depth of the deepest leaf under `node` (`level` deep), or none for a dangling reference
/// or a tree deeper than `MAX_DEPTH`.
fn tree_depth(f: &Forest, node: usize, level: usize) -> Option<usize> {
    if level > MAX_DEPTH {
        return None;
    }
    if *f.feature.get(node)? < 0 {
        return Some(level);
    }
    let l = tree_depth(f, *f.left.get(node)? as usize, level + 1)?;
    let r = tree_depth(f, *f.right.get(node)? as usize, level + 1)?;
    Some(l.max(r))
}
