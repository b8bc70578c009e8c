//! A claim's view of the whole cluster, computed once per claim before its items: its best
//! coverage and sentence cosine in every other article, its cosine with every segment, whether
//! its best matches are mutual, and the sentences closest in meaning to it in each article.
//!
//! Why once per claim: every one of a claim's items (one per other article) reads these, so
//! computing them per item would cost the cluster's size once more for each article.

use super::{best, semantic, Context};
use crate::verdict;

/// How many of an article's sentences closest in meaning `tok_recall_top` reads together
/// (3 beat 5 in LOCO).
const TOP_SENTENCES: usize = 3;

/// Coverage from which another article is counted as carrying the claim for `carried_share`.
const CARRIED_FOR_SHARE: f32 = 0.26;

/// A claim against the whole cluster: what items read of its best coverage and best sentence
/// cosine in every other article, its cosine with every segment, and its main clause.
pub struct ClaimView {
    /// The largest best coverage, and how many articles reach `CARRIED_FOR_SHARE`.
    pub(super) max_coverage: f32,
    pub(super) carrying: usize,
    /// How many other articles there are.
    pub(super) others: usize,
    /// The largest and the mean of the best cosines (0 without the encoder).
    pub(super) max_cosine: f32,
    pub(super) mean_cosine: f32,
    /// `Semantic::row(claim)`, indexed by segment; empty without the encoder.
    pub(super) cos: Vec<f32>,
    /// Whether the claim's best match in each article (by index) is mutual (`is_mutual`).
    /// Why here: the test reads another claim's entry of the best table, a cache miss
    /// almost every time; one tight loop per claim lets those reads overlap instead of
    /// stalling every item in turn.
    pub(super) mutual: Vec<bool>,
    /// The claim's main clause (`verdict::main_clause_part`), when its text has one
    /// (`verdict::main_clause_end`).
    pub(super) main: Option<verdict::ClaimPart>,
    /// `verdict::quote_part` of the claim.
    pub(super) quoted: Option<(verdict::ClaimPart, f32)>,
    /// The summed weight of the claim's keys (`claim_weight` before scaling).
    pub(super) weight: f32,
    /// The claim's tokens against every sentence its items read tokens of (`tok_recall`,
    /// `tok_recall_top`); empty without the encoder.
    pub(super) tokens: semantic::TokenMaxima,
    /// Per article (by index), the sentences closest in meaning to the claim that its item
    /// reads; empty without the encoder.
    pub(super) near: Vec<Near>,
    /// `StaticView::row(claim)`, indexed by segment; empty with the encoder.
    pub(super) st: Vec<f32>,
}

/// The sentences of one article closest in meaning to a claim, found once per claim for
/// `token_maxima` and read again by the article's item.
#[derive(Default)]
pub(super) struct Near {
    /// The closest sentence, when it is not the evidence and at least as close.
    pub(super) best: Option<u32>,
    /// The `TOP_SENTENCES` closest, closest first.
    pub(super) top: Vec<u32>,
}

impl ClaimView {
    /// The claim's sentence cosine with segment `u` (0 without the encoder).
    pub(super) fn cos(&self, u: u32) -> f32 {
        self.cos.get(u as usize).copied().unwrap_or(0.0)
    }
}

impl Context<'_> {
    fn is_mutual(&self, claim: u32, m: &best::Best) -> bool {
        let own = self.seg_article[claim as usize];
        m.units
            .iter()
            .any(|&u| self.all_best.units(u, own).contains(&claim))
    }

    /// Whether the claim's best match in each article is mutual (false without one, and for
    /// its own article).
    fn mutual(&self, claim: u32) -> Vec<bool> {
        (0..self.all_best.articles())
            .map(|a| {
                self.all_best
                    .best(claim, a)
                    .is_some_and(|m| self.is_mutual(claim, &m))
            })
            .collect()
    }

    /// The claim's best coverage in every other article, for relative features.
    fn coverages(&self, claim: u32) -> Vec<f32> {
        let own = self.seg_article[claim as usize];
        (0..self.all_best.articles())
            .filter(|a| *a != own)
            .map(|a| self.all_best.coverage(claim, a))
            .collect()
    }

    /// The claim's best sentence cosine in every other article, from its cosine row.
    fn best_cosines(&self, claim: u32, row: &[f32]) -> Vec<f32> {
        let own = self.seg_article[claim as usize];
        let cos = |u: u32| row.get(u as usize).copied().unwrap_or(0.0);
        self.by_article
            .iter()
            .enumerate()
            .filter(|(a, _)| *a != own)
            .map(|(_, units)| units.iter().map(|&u| cos(u)).fold(0.0f32, f32::max))
            .collect()
    }

    /// What every item of `claim` compares it with: computed once per claim, so a claim's
    /// items cost the cluster's size once, not once per article.
    pub fn claim_view(&self, claim: u32) -> ClaimView {
        let cos = self.semantic.map(|sem| sem.row(claim)).unwrap_or_default();
        let covs = self.coverages(claim);
        let bests = if self.semantic.is_some() {
            self.best_cosines(claim, &cos)
        } else {
            Vec::new()
        };
        let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
        let (tokens, near) = match self.semantic {
            Some(sem) => {
                let near = self.near(claim, &cos);
                let reads: Vec<u32> = near
                    .iter()
                    .enumerate()
                    .flat_map(|(article, n)| {
                        let evidence = self.all_best.best(claim, article).map(|m| m.units);
                        n.best
                            .iter()
                            .chain(&n.top)
                            .chain(evidence.into_iter().flatten())
                            .copied()
                    })
                    .collect();
                (sem.token_maxima(claim, &reads), near)
            }
            None => (semantic::TokenMaxima::default(), Vec::new()),
        };
        ClaimView {
            max_coverage: covs.iter().copied().fold(0.0f32, f32::max),
            carrying: covs.iter().filter(|&&c| c >= CARRIED_FOR_SHARE).count(),
            others: covs.len(),
            max_cosine: bests.iter().copied().fold(0.0f32, f32::max),
            mean_cosine: mean(&bests),
            cos,
            mutual: self.mutual(claim),
            main: verdict::main_clause_end(&self.segments[claim as usize].text)
                .map(|end| verdict::main_clause_part(self.al, claim, end)),
            quoted: verdict::quote_part(self.al, claim, &self.analyses[claim as usize].quotes),
            weight: self
                .al
                .keys(claim)
                .iter()
                .map(|&k| self.al.weight[k as usize])
                .sum(),
            tokens,
            near,
            st: self.statics.map(|v| v.row(claim)).unwrap_or_default(),
        }
    }

    /// Per article, the sentences closest in meaning to `claim`, `cos` being its cosine row
    /// (none for its own article, which has no item).
    fn near(&self, claim: u32, cos: &[f32]) -> Vec<Near> {
        let cos_of = |u: u32| cos.get(u as usize).copied().unwrap_or(0.0);
        let own = self.seg_article.get(claim as usize).copied();
        self.by_article
            .iter()
            .enumerate()
            .map(|(article, doc)| {
                if Some(article) == own {
                    return Near::default();
                }
                let evidence = self
                    .all_best
                    .best(claim, article)
                    .map_or(&[][..], |m| m.units);
                Near {
                    best: semantic_best(cos_of, doc, evidence),
                    top: nearest(cos_of, doc),
                }
            })
            .collect()
    }
}

/// The sentence of `doc` closest in meaning to the claim (`cos`), when it is not one of the
/// `evidence` and at least as close as the evidence (ties: the first).
fn semantic_best(cos: impl Fn(u32) -> f32, doc: &[u32], evidence: &[u32]) -> Option<u32> {
    let ev_cos = evidence
        .iter()
        .map(|&u| cos(u))
        .fold(f32::NEG_INFINITY, f32::max);
    doc.iter()
        .map(|&u| (cos(u), u))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .filter(|&(c, u)| !evidence.contains(&u) && c >= ev_cos)
        .map(|(_, u)| u)
}

/// The `TOP_SENTENCES` sentences of `doc` closest in meaning to the claim (`cos`), closest
/// first (ties: the first).
fn nearest(cos: impl Fn(u32) -> f32, doc: &[u32]) -> Vec<u32> {
    let mut near: Vec<(f32, u32)> = doc.iter().map(|&u| (cos(u), u)).collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    near.iter().take(TOP_SENTENCES).map(|&(_, u)| u).collect()
}
