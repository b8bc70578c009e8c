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

impl Aligner {
    /// For every article, the best evidence for `claim` (None when nothing shares a term).
    pub fn best_per_article(&self, claim: u32) -> Vec<Option<Match>> {
        let n_articles = self.by_article.len();
        let own = self.article_of.get(claim as usize).copied();
        let n_units = self.eligible.iter().filter(|e| **e).count().max(1) as f32;
        // Dense accumulator plus the list of touched units: no hashing in the hot loop.
        let mut acc = vec![0f32; self.article_of.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &k in self.keys(claim) {
            let post = &self.postings[k as usize];
            if post.len() as f32 > RETRIEVAL_DF_SHARE * n_units && post.len() > 8 {
                continue;
            }
            for &u in post {
                if Some(self.article_of[u as usize]) != own {
                    if acc[u as usize] == 0.0 {
                        touched.push(u);
                    }
                    acc[u as usize] += self.weight[k as usize].max(1e-6);
                }
            }
        }
        let marks = self.mark(claim);
        let single = |u: u32| self.score_marked(claim, &marks, u);
        // Retrieval skipped the commonest terms: the top few of each article are rescored
        // exactly. Each article keeps its `CANDIDATES` first in the order (retrieval score
        // down, then unit) as they come, rather than all of them sorted: the order is total
        // (every unit is touched once), so the same ones, in the same order.
        let mut per_article = vec![Top::default(); n_articles];
        for &u in &touched {
            per_article[self.article_of[u as usize]].offer((acc[u as usize], u));
        }
        per_article
            .into_iter()
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
                    let m = self.extend(claim, &marks, v, alone);
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
            .collect()
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
    /// `mark(claim)` and `alone` is `score(claim, &[unit])`.
    fn extend(&self, claim: u32, marks: &[bool], unit: u32, alone: (f32, f32)) -> Cand {
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
            let (alone, _) = self.score_marked(claim, marks, *n);
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
