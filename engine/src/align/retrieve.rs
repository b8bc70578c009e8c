//! Retrieval: for a claim, candidates from the inverted index, the best few per article
//! rescored exactly, a neighbouring sentence joined when the claim is split over the two, and
//! other sentences nearly as good kept as further evidence.
//!
//! Why separate: this is the policy over the scores (how many candidates, which thresholds,
//! headline against body); `score` only measures.

use super::{Aligner, Match};

/// Share of the best coverage another sentence needs to be listed as further evidence.
const ALSO_SHARE: f32 = 0.5;

/// Coverage a second, adjacent sentence must add before a claim is taken to be split over two.
const SPLIT_GAIN: f32 = 0.2;

/// Terms whose posting list is longer than this share of the units are not used to *retrieve*
/// candidates (they would touch nearly everything); they still count when scoring.
const RETRIEVAL_DF_SHARE: f32 = 0.5;

/// Factor on a candidate's coverage, for choosing among an article's candidates, when one of
/// the claim and the candidate is a headline and the other is not.
const HEADLINE_MISMATCH: f32 = 0.85;

/// Candidates of one article rescored exactly.
const CANDIDATES: usize = 3;

/// The first `CANDIDATES` (retrieval score, unit) of an article in the order score down,
/// then unit up.
#[derive(Clone, Copy, Default)]
struct Top {
    kept: [(f32, u32); CANDIDATES],
    len: usize,
}

impl Top {
    fn offer(&mut self, c: (f32, u32)) {
        let before = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        let at = self.kept[..self.len]
            .iter()
            .position(|k| before(&c, k).is_lt())
            .unwrap_or(self.len);
        if at == CANDIDATES {
            return;
        }
        self.kept.copy_within(at..CANDIDATES - 1, at + 1);
        self.kept[at] = c;
        self.len = (self.len + 1).min(CANDIDATES);
    }

    fn best(&self) -> &[(f32, u32)] {
        &self.kept[..self.len]
    }
}

/// A candidate's evidence as `Aligner::extend` chose it: one unit, or a unit and its
/// neighbour in text order. Why not a `Match`: retrieval weighs up to `CANDIDATES` of them in
/// every article for every claim, and only the one kept needs its units on the heap.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cand {
    units: [u32; 2],
    len: usize,
    coverage: f32,
    reverse: f32,
}

impl Cand {
    fn units(&self) -> &[u32] {
        &self.units[..self.len]
    }
}

/// What retrieval reuses from one claim to the next: buffers the size of the cluster's units,
/// keys and articles. Why: a build retrieves for every claim, and allocating and zeroing them
/// for each cost as much as a small claim's retrieval. Every buffer is left as it was found
/// (zeroed, unmarked, empty) at the end of each claim.
pub struct Retrieval {
    /// Retrieval score of each unit (indexed by unit).
    acc: Vec<f32>,
    /// Units with a nonzero `acc`, in the order first touched.
    touched: Vec<u32>,
    /// Exact shared weight of each unit with the claim, when retrieval skipped a common term.
    shared: Vec<f32>,
    /// The claim's keys marked, indexed by key (`Aligner::mark`).
    marks: Vec<bool>,
    per_article: Vec<Top>,
    /// How many units are eligible (the base of `RETRIEVAL_DF_SHARE`).
    n_units: f32,
}

impl Aligner {
    /// Buffers for `best_per_article_in`, sized for this aligner.
    pub fn retrieval(&self) -> Retrieval {
        Retrieval {
            acc: vec![0.0; self.article_of.len()],
            touched: Vec::new(),
            shared: vec![0.0; self.article_of.len()],
            marks: vec![false; self.weight.len()],
            per_article: vec![Top::default(); self.by_article.len()],
            n_units: self.eligible.iter().filter(|e| **e).count().max(1) as f32,
        }
    }

    /// For every article, the best evidence for `claim` (None when nothing shares a term).
    pub fn best_per_article(&self, claim: u32) -> Vec<Option<Match>> {
        self.best_per_article_in(claim, &mut self.retrieval())
    }

    /// `best_per_article`, with buffers reused from claim to claim (`retrieval`).
    pub fn best_per_article_in(&self, claim: u32, r: &mut Retrieval) -> Vec<Option<Match>> {
        let own = self.article_of.get(claim as usize).copied();
        let ck = self.keys(claim);
        // Dense accumulator plus the list of touched units: no hashing in the hot loop.
        let mut skipped = false;
        for &k in ck {
            let post = &self.postings[k as usize];
            let w = self.weight[k as usize];
            if post.len() as f32 > RETRIEVAL_DF_SHARE * r.n_units && post.len() > 8 {
                skipped = true;
                continue;
            }
            // Below the floor, the retrieval score is not the shared weight (see below).
            skipped |= w.is_nan() || w < 1e-6;
            for &u in post {
                if Some(self.article_of[u as usize]) != own {
                    if r.acc[u as usize] == 0.0 {
                        r.touched.push(u);
                    }
                    r.acc[u as usize] += w.max(1e-6);
                }
            }
        }
        // A unit's exact coverage (`score(claim, &[unit])`) sums the weights of the keys it shares with
        // the claim in ascending key order, from 0: what the loop above summed for it, key
        // after key in the claim's ascending order, unless it skipped a common key (or floored
        // a weight). Only then are the shared weights summed again over every key. Why: the
        // candidates of every article and their neighbours were each scored by walking their
        // keys, most of retrieval's time.
        if skipped {
            for &k in ck {
                let w = self.weight[k as usize];
                for &u in &self.postings[k as usize] {
                    if Some(self.article_of[u as usize]) != own {
                        r.shared[u as usize] += w;
                    }
                }
            }
        }
        for &k in ck {
            r.marks[k as usize] = true;
        }
        let shared = if skipped { &r.shared } else { &r.acc };
        let single = |u: u32| self.shares(claim, u, shared[u as usize]);
        // Retrieval skipped the commonest terms: the top few of each article are rescored
        // exactly. Each article keeps its `CANDIDATES` first in the order (retrieval score
        // down, then unit) as they come, rather than all of them sorted: the order is total
        // (every unit is touched once), so the same ones, in the same order.
        for &u in &r.touched {
            r.per_article[self.article_of[u as usize]].offer((r.acc[u as usize], u));
        }
        let marks = &r.marks[..];
        let out = r
            .per_article
            .iter()
            .map(|cands| {
                let cands = cands.best();
                if cands.is_empty() {
                    return None;
                }
                let mut top: Option<(f32, Cand)> = None;
                // Each candidate's own coverage, in candidate order (at most `CANDIDATES`: a
                // fixed array, not a vector for every article of every claim).
                let mut all = [(0u32, 0f32); CANDIDATES];
                for (&(_, v), slot) in cands.iter().zip(&mut all) {
                    let alone = single(v);
                    let m = self.extend(claim, marks, &single, v, alone);
                    *slot = (v, alone.0);
                    let rank = m.coverage * self.register_fit(claim, v);
                    let better = match &top {
                        None => true,
                        Some((r, t)) => {
                            rank > *r + 1e-6 || ((rank - *r).abs() <= 1e-6 && m.reverse > t.reverse)
                        }
                    };
                    if better {
                        top = Some((rank, m));
                    }
                }
                top.map(|(_, t)| {
                    let floor = t.coverage * ALSO_SHARE;
                    Match {
                        units: t.units().to_vec(),
                        coverage: t.coverage,
                        reverse: t.reverse,
                        also: all
                            .into_iter()
                            .take(cands.len())
                            .filter(|(u, c)| *c >= floor && !t.units().contains(u))
                            .collect(),
                    }
                })
            })
            .collect();
        // Leave the buffers as found for the next claim.
        for &u in &r.touched {
            r.acc[u as usize] = 0.0;
        }
        r.touched.clear();
        if skipped {
            r.shared.fill(0.0);
        }
        for &k in ck {
            r.marks[k as usize] = false;
        }
        r.per_article.fill(Top::default());
        out
    }

    /// How well `unit` suits as evidence for `claim` by register, as a factor on its coverage:
    /// a headline is best carried by another headline (same compressed wording), a body
    /// sentence by a body sentence (a headline shares the topic words of many of them).
    fn register_fit(&self, claim: u32, unit: u32) -> f32 {
        let h = |u: u32| self.headline.get(u as usize).copied().unwrap_or(false);
        if h(unit) != h(claim) {
            HEADLINE_MISMATCH
        } else {
            1.0
        }
    }

    /// `unit` alone, or with its neighbour when the claim is split across the two; `marks` is
    /// `mark(claim)`, `single` gives `score(claim, &[u])` of a unit and `alone` is `unit`'s.
    fn extend(
        &self,
        claim: u32,
        marks: &[bool],
        single: &impl Fn(u32) -> (f32, f32),
        unit: u32,
        alone: (f32, f32),
    ) -> Cand {
        let (cov, rev) = alone;
        let mut m = Cand {
            units: [unit, 0],
            len: 1,
            coverage: cov,
            reverse: rev,
        };
        let art = self.article_of[unit as usize];
        let pos = self.pos_in_article[unit as usize];
        let list = &self.by_article[art];
        let neighbours = [
            pos.checked_sub(1).and_then(|p| list.get(p)),
            list.get(pos + 1),
        ];
        for n in neighbours.into_iter().flatten() {
            // The neighbour must carry part of the claim on its own; checking that first (no
            // allocation) skips the union for almost every candidate.
            let (alone, _) = single(*n);
            if alone < SPLIT_GAIN {
                continue;
            }
            let pair = if *n < unit { [*n, unit] } else { [unit, *n] };
            let (c2, r2) = self.score_pair_marked(claim, marks, pair[0], pair[1]);
            if c2 >= cov + SPLIT_GAIN && c2 > m.coverage {
                m = Cand {
                    units: pair,
                    len: 2,
                    coverage: c2,
                    reverse: r2,
                };
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    /// Buffers reused over every claim give what fresh ones give, and each match's coverage is
    /// `score`'s to the bit, with and without a term common enough to be skipped by retrieval.
    #[test]
    fn reused_buffers_and_exact_coverage() {
        // "council" is in ten units of twelve: retrieval skips it (`RETRIEVAL_DF_SHARE`).
        let texts = [
            "The council approved the budget on Monday after a long debate.",
            "The council met on Monday. It approved the budget, the mayor said.",
            "Nothing here is shared with the rest.",
            "The budget debate was long, the council said on Monday.",
            "The council of the city met on Monday.",
            "The council voted against the mayor.",
            "A council member left the budget debate.",
            "The mayor and the council disagree on taxes.",
            "Taxes rise, the council said.",
            "The council will meet again next week.",
            "Residents protested outside the council.",
            "The weather was cold on Monday.",
        ];
        let al = crate::align::aligner_of(&texts);
        let mut r = al.retrieval();
        for claim in 0..texts.len() as u32 {
            let reused = al.best_per_article_in(claim, &mut r);
            assert_eq!(reused, al.best_per_article(claim), "claim {claim}");
            for m in reused.iter().flatten() {
                let (cov, rev) = al.score(claim, &m.units);
                assert_eq!(
                    (cov.to_bits(), rev.to_bits()),
                    (m.coverage.to_bits(), m.reverse.to_bits())
                );
            }
        }
    }
}
