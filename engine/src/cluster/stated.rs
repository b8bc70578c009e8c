//! The figures each article states, indexed by unit, so that an item can ask at once whether
//! the claim's own article also gives the value the other article puts against the claim.
//!
//! Why: a writer who states a value knows it. When the other article's figure is one the
//! claim's own article gives too (in the same unit, without conflict), the two articles share
//! that value and the pair is more likely two slots ("60% voted yes" against "40% voted no";
//! "the 23-year-old" against "the 35-year-old") than one fact told two ways. Whether that
//! matters is learned: it is a feature of the decision (`fig_conflict_known`), not a rule. (As a
//! feature of the slot model too, it changed no pair chosen in LOCO.)
//!
//! The same reading across the cluster (`Echoes`): when third articles give both figures of a
//! conflicting pair, the two values coexist in one report and likely fill two slots; when many
//! give the other article's figure, it is the cluster's value. The surface decision reads both
//! (`fig_conflict_both_elsewhere`, `fig_conflict_there_elsewhere`); the encoder's decision lost
//! LOCO ground with them, so its build leaves them 0 and skips the index.

use std::collections::HashMap;

use crate::analyze::compare::{is_currency, same_kind, same_unit, values_conflict};
use crate::analyze::{Analysis, Quantity};

/// One article's figures: (unit id, index in its `quantities`) by bucket (`bucket`).
#[derive(Debug, Default)]
pub struct Stated {
    by_bucket: HashMap<Option<char>, Vec<(u32, usize)>>,
}

/// A key that two figures of one unit always share (`same_unit`: equal units, dollars of two
/// countries, or one unit ending with the other): a unit's last character, any currency one
/// key, no unit none. Figures of a bucket are still compared in full; the bucket only spares
/// comparing a figure with every figure of the article. A character, not a string: asking
/// allocates nothing.
fn bucket(q: &Quantity) -> Option<char> {
    match q.unit.as_deref() {
        None => None,
        Some(u) if is_currency(u) => Some('¤'),
        Some(u) => u.chars().last(),
    }
}

impl Stated {
    /// Indexes the figures of `units` (one article's eligible units).
    pub fn of(units: &[u32], analyses: &[Analysis]) -> Stated {
        let mut by_bucket: HashMap<Option<char>, Vec<(u32, usize)>> = HashMap::new();
        for &u in units {
            let Some(a) = analyses.get(u as usize) else {
                continue;
            };
            for (i, q) in a.quantities.iter().enumerate() {
                by_bucket.entry(bucket(q)).or_default().push((u, i));
            }
        }
        Stated { by_bucket }
    }

    /// Whether a sentence of the article other than `skip` gives `r`'s value: a figure of the
    /// same kind and unit that does not conflict with it.
    pub fn gives(&self, r: &Quantity, skip: u32, analyses: &[Analysis]) -> bool {
        self.by_bucket.get(&bucket(r)).is_some_and(|figures| {
            figures.iter().any(|&(u, i)| {
                u != skip
                    && analyses
                        .get(u as usize)
                        .and_then(|a| a.quantities.get(i))
                        .is_some_and(|q| {
                            same_kind(q, r) && same_unit(q, r) && !values_conflict(q, r)
                        })
            })
        })
    }
}

/// For every figure of the cluster's eligible sentences, the articles that give its value
/// (`Stated::gives`), one bit per article. Built once per build, so that an item asks which
/// third articles give both figures of a conflicting pair with two lookups and a few words of
/// bits, not a pass over every article.
#[derive(Debug, Default)]
pub struct Echoes {
    /// By (unit id, index in its `quantities`).
    bits: HashMap<(u32, usize), Vec<u64>>,
    articles: usize,
}

impl Echoes {
    /// Indexes the figures of `by_article`'s units against each article's `stated`.
    pub fn of(stated: &[Stated], by_article: &[Vec<u32>], analyses: &[Analysis]) -> Echoes {
        let words = stated.len().div_ceil(64);
        let mut bits = HashMap::new();
        for &u in by_article.iter().flatten() {
            let Some(a) = analyses.get(u as usize) else {
                continue;
            };
            for (i, q) in a.quantities.iter().enumerate() {
                let mut b = vec![0u64; words];
                for (k, s) in stated.iter().enumerate() {
                    if s.gives(q, u, analyses) {
                        b[k / 64] |= 1 << (k % 64);
                    }
                }
                bits.insert((u, i), b);
            }
        }
        Echoes {
            bits,
            articles: stated.len(),
        }
    }

    /// Of the articles other than `skip`: the share that give both figures `a` and `b`
    /// ((unit id, quantity index) each), and the share that give `b`.
    pub fn shares(&self, a: (u32, usize), b: (u32, usize), skip: [usize; 2]) -> (f32, f32) {
        let (Some(x), Some(y)) = (self.bits.get(&a), self.bits.get(&b)) else {
            return (0.0, 0.0);
        };
        // The two skipped articles are distinct articles of the cluster.
        let thirds = self
            .articles
            .saturating_sub(skip.iter().filter(|&&k| k < self.articles).count());
        if thirds == 0 {
            return (0.0, 0.0);
        }
        let mut both = 0u32;
        let mut given = 0u32;
        for (w, (xa, yb)) in x.iter().zip(y).enumerate() {
            let mut mask = u64::MAX;
            for &k in &skip {
                if k / 64 == w {
                    mask &= !(1 << (k % 64));
                }
            }
            both += (xa & yb & mask).count_ones();
            given += (yb & mask).count_ones();
        }
        (both as f32 / thirds as f32, given as f32 / thirds as f32)
    }
}
