//! Scoring evidence against a claim: the weighted coverage of the claim's terms by one, two or
//! many units (and of theirs by the claim), and the share of its neighbouring-term pairs they
//! also have.
//!
//! Why separate: these are the aligner's hot paths, called for every candidate of every claim and
//! by the verdict features; the walks for one and two units and the shared union of many must
//! give the same figures to the bit, so they sit together.

use super::{Aligner, KeyUnion, Term};

impl Aligner {
    /// The sorted key list of `unit`.
    pub fn keys(&self, unit: u32) -> &[u32] {
        self.keysets.get(unit as usize).map_or(&[], Vec::as_slice)
    }

    /// The terms of `unit` that do not contain another term (single words, not the
    /// multi-word mention terms laid over them), in text order. Why kept: name differences
    /// diff these sequences for every compared (claim, evidence) pair, and finding them for
    /// both sentences of each pair was a few percent of a build.
    pub fn outer_terms(&self, unit: u32) -> &[Term] {
        self.outer.get(unit as usize).map_or(&[], Vec::as_slice)
    }

    /// The keys of `outer_terms(unit)`, in the same order.
    pub fn outer_keys(&self, unit: u32) -> &[u32] {
        self.outer_keys
            .get(unit as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The sorted keys of `unit`'s terms that are not names, each once; computed with the
    /// index, because every (claim, evidence) pair compared for name differences reads them.
    pub fn plain_keys(&self, unit: u32) -> &[u32] {
        self.plain.get(unit as usize).map_or(&[], Vec::as_slice)
    }

    /// `claim`'s keys marked in a table indexed by key, as retrieval marks them for
    /// `score_pair_marked` (`Retrieval::marks`).
    #[cfg(test)]
    pub fn mark(&self, claim: u32) -> Vec<bool> {
        let ck = self.keys(claim);
        let mut marks = vec![false; ck.last().map_or(0, |&k| k as usize + 1)];
        for &k in ck {
            marks[k as usize] = true;
        }
        marks
    }

    /// The coverage of `claim` by `unit` and of `unit` by the claim, `shared` being the summed
    /// weight of their common keys in ascending key order (as `score` sums it).
    pub(super) fn shares(&self, claim: u32, unit: u32, shared: f32) -> (f32, f32) {
        let total_c = self.total.get(claim as usize).copied().unwrap_or(0.0);
        let total_e = self.total.get(unit as usize).copied().unwrap_or(0.0);
        let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
        let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
        (cov, rev)
    }

    /// `score(claim, &[a, b])` to the bit for two distinct units, `marks` being `mark(claim)`.
    /// Why: retrieval scores a candidate with its neighbour whenever the neighbour carries part
    /// of the claim, and `score` searches both key lists for every claim key. Here one merge
    /// walk over the two lists sums the union's weights in the same (ascending) order as
    /// `score`, and the claim's keys among them come in ascending order too, as `score` meets
    /// them walking the claim's sorted keys: the same sums in the same order.
    pub fn score_pair_marked(&self, claim: u32, marks: &[bool], a: u32, b: u32) -> (f32, f32) {
        let w = |k: u32| self.weight.get(k as usize).copied().unwrap_or(0.0);
        // `Sum` for floats starts at -0.0: so do these, for an empty sum to match too.
        let mut total_e = -0.0f32;
        let mut shared = -0.0f32;
        for k in sorted_union(self.keys(a), self.keys(b)) {
            total_e += w(k);
            if marks.get(k as usize).copied().unwrap_or(false) {
                shared += w(k);
            }
        }
        let total_c = self.total.get(claim as usize).copied().unwrap_or(0.0);
        let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
        let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
        (cov, rev)
    }

    /// Weighted coverage of `claim` by the union of `evidence`, and of the evidence by the claim.
    pub fn score(&self, claim: u32, evidence: &[u32]) -> (f32, f32) {
        let ck = self.keys(claim);
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        if let [one] = evidence {
            // The common case, without allocating: a merge walk over two sorted key lists.
            let ek = self.keys(*one);
            let (mut i, mut j) = (0, 0);
            let mut shared = 0.0;
            while i < ck.len() && j < ek.len() {
                match ck[i].cmp(&ek[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        shared += w(&ck[i]);
                        i += 1;
                        j += 1;
                    }
                }
            }
            let total_c = self.total.get(claim as usize).copied().unwrap_or(0.0);
            let total_e = self.total.get(*one as usize).copied().unwrap_or(0.0);
            let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
            let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
            return (cov, rev);
        }
        if let [a, b] = evidence {
            // A unit and its neighbour (every `extend` step): walk the two sorted key lists in
            // step instead of collecting and sorting them, summing in the same order as below.
            let (a, b) = (self.keys(*a), self.keys(*b));
            let total_c: f32 = ck.iter().map(w).sum();
            let total_e: f32 = sorted_union(a, b).map(|k| w(&k)).sum();
            let shared: f32 = ck
                .iter()
                .filter(|k| a.binary_search(k).is_ok() || b.binary_search(k).is_ok())
                .map(w)
                .sum();
            let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
            let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
            return (cov, rev);
        }
        self.score_union(claim, &self.union(evidence))
    }

    /// The distinct keys of `units` and their weight, for [`Aligner::score_units`]: an
    /// article's union serves every claim compared with the whole article.
    pub fn union(&self, units: &[u32]) -> KeyUnion {
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        let mut keys: Vec<u32> = units.iter().flat_map(|&e| self.keys(e)).copied().collect();
        keys.sort_unstable();
        keys.dedup();
        let total = keys.iter().map(w).sum();
        let mut bits = vec![0u64; keys.last().map_or(0, |&k| k as usize / 64 + 1)];
        for &k in &keys {
            bits[k as usize / 64] |= 1 << (k % 64);
        }
        KeyUnion { bits, total }
    }

    /// `score(claim, units)` where `union` is `union(units)`: the same figures to the bit,
    /// without collecting and sorting the units' keys again for every claim.
    pub fn score_units(&self, claim: u32, units: &[u32], union: &KeyUnion) -> (f32, f32) {
        // One or two units take `score`'s own walks, which sum otherwise.
        if units.len() < 3 {
            return self.score(claim, units);
        }
        self.score_union(claim, union)
    }

    fn score_union(&self, claim: u32, union: &KeyUnion) -> (f32, f32) {
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        let ck = self.keys(claim);
        let total_c: f32 = ck.iter().map(w).sum();
        let shared: f32 = ck.iter().filter(|&&k| union.contains(k)).map(w).sum();
        let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
        let rev = if union.total > 0.0 {
            shared / union.total
        } else {
            0.0
        };
        (cov, rev)
    }

    /// Weighted share of the claim's neighbouring-term pairs that the evidence also has
    /// (neighbours in either order, within each evidence unit).
    pub fn pair_coverage(&self, claim: u32, evidence: &[u32]) -> f32 {
        let Some(cp) = self.pairsets.get(claim as usize) else {
            return 0.0;
        };
        let w = |p: &(u32, u32)| {
            self.weight.get(p.0 as usize).copied().unwrap_or(0.0)
                + self.weight.get(p.1 as usize).copied().unwrap_or(0.0)
        };
        let total: f32 = cp.iter().map(w).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let shared: f32 = if let [one] = evidence {
            // The common case: one walk over both sorted pair lists, where a binary search for
            // every claim pair was most of this function. The shared pairs come in the claim's
            // order either way, so their weights are summed in the same order.
            let ep = self
                .pairsets
                .get(*one as usize)
                .map_or(&[][..], Vec::as_slice);
            sorted_common(cp, ep).map(w).sum()
        } else {
            cp.iter()
                .filter(|p| {
                    evidence.iter().any(|&e| {
                        self.pairsets
                            .get(e as usize)
                            .is_some_and(|ep| ep.binary_search(p).is_ok())
                    })
                })
                .map(w)
                .sum()
        };
        shared / total
    }
}

/// The items of the sorted, deduplicated list `a` that the sorted list `b` holds, in `a`'s
/// order.
pub(crate) fn sorted_common<'a, T: Ord>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = &'a T> {
    let mut rest = b;
    a.iter().filter(move |x| {
        // Skip `b`'s items below `x`; what is left starts at or above it.
        let below = rest.iter().take_while(|y| *y < *x).count();
        rest = rest.get(below..).unwrap_or(&[]);
        rest.first() == Some(*x)
    })
}

/// The keys of two sorted key lists, each once, in ascending order: a merge walk, where
/// collecting and sorting them would allocate for every pair of units scored.
fn sorted_union<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    let mut last: Option<u32> = None;
    std::iter::from_fn(move || loop {
        let k = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => return None,
        };
        if last != Some(k) {
            last = Some(k);
            return Some(k);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::sorted_common;

    /// `score_pair_marked` gives `score`'s figures for two units to the bit, whichever keys
    /// the two share with the claim and with each other.
    #[test]
    fn score_pair_marked_is_score_to_the_bit() {
        let texts = [
            "The council approved the budget on Monday after a long debate.",
            "The council met on Monday.",
            "It approved the budget, the mayor said.",
            "Nothing here is shared.",
            "The budget debate was long, the council said on Monday.",
        ];
        let al = crate::align::aligner_of(&texts);
        let n = texts.len() as u32;
        for claim in 0..n {
            let marks = al.mark(claim);
            for a in 0..n {
                for b in (0..n).filter(|&b| b != a) {
                    let (c1, r1) = al.score(claim, &[a.min(b), a.max(b)]);
                    let (c2, r2) = al.score_pair_marked(claim, &marks, a.min(b), a.max(b));
                    let bits = |x: f32| x.to_bits();
                    assert_eq!(
                        (bits(c1), bits(r1)),
                        (bits(c2), bits(r2)),
                        "{claim}: {a}, {b}"
                    );
                }
            }
        }
    }

    /// The walk keeps what a binary search of every item keeps, in the same order.
    #[test]
    fn sorted_common_keeps_what_binary_search_keeps() {
        let lists: [&[(u32, u32)]; 5] = [
            &[],
            &[(1, 2)],
            &[(0, 1), (1, 2), (1, 5), (3, 4), (7, 9)],
            &[(1, 2), (1, 3), (3, 4), (8, 8)],
            &[(0, 0), (9, 9)],
        ];
        for a in lists {
            for b in lists {
                let walked: Vec<_> = sorted_common(a, b).collect();
                let searched: Vec<_> = a.iter().filter(|x| b.binary_search(x).is_ok()).collect();
                assert_eq!(walked, searched, "{a:?} against {b:?}");
            }
        }
    }
}
