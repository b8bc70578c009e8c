//! The cluster decision: for one claim and one other article of the cluster, what the decision
//! reads (how well the article's best sentences carry the claim lexically and, with the sentence
//! encoder, semantically; how the article compares with the cluster's other articles; the
//! differences found) and the verdict it gives.

pub mod semantic;

use crate::align::{Aligner, Match};
use crate::analyze::Analysis;
use crate::model::{DiffKind, Label, Segment};
use crate::verdict::{self, Found, Side};

pub use semantic::Semantic;

/// The names of [`Item::features`], in order. The first [`N_SURFACE`] need no encoder.
pub const NAMES: [&str; N] = [
    "coverage",
    "reverse",
    "shared_weight",
    "mutual",
    "main_share",
    "main_weight",
    "has_main",
    "quote_share",
    "quote_carried",
    "pair_coverage",
    "specifics_missing",
    "doc_coverage",
    "claim_weight",
    "claim_headline",
    "evidence_headline",
    "also_count",
    "coverage_rank",
    "carried_share",
    "n_number",
    "n_date",
    "n_negation",
    "n_stance",
    "n_quote",
    "n_name",
    "fig_conflict",
    "fig_conflict_context",
    "fig_conflict_unit",
    "fig_conflict_coverage",
    "fig_conflict_ratio",
    "fig_conflict_explained",
    "fig_agree",
    "fig_agree_context",
    "fig_agree_unit",
    "fig_agree_coverage",
    "cos_best",
    "cos_evidence",
    "cos_second",
    "cos_mean",
    "cos_rank",
    "cos_rel",
    "fig_conflict_cos",
    "fig_agree_cos",
];

pub const N: usize = 42;
pub const N_SURFACE: usize = 34;

/// The names of a figure slot row (`SlotRow::x`): the pair's own features
/// (`verdict::PAIR_NAMES`) then how its two sentences relate.
pub const SLOT_NAMES: [&str; SLOT_N] = [
    "same_unit",
    "context",
    "names_context",
    "log_ratio",
    "log_value",
    "here_open",
    "there_open",
    "here_vague",
    "there_vague",
    "money",
    "percent",
    "ordinal",
    "other_year",
    "here_part",
    "there_part",
    "here_unit",
    "there_unit",
    "coverage",
    "reverse",
    "is_evidence",
    "explained",
    "agree_in_sentence",
    "conflicts_for_here",
    "cos",
];

pub const SLOT_N: usize = crate::verdict::PAIR_N + 7;

/// One conflicting figure pair with everything the slot decision reads.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotRow {
    pub pair: crate::verdict::FigurePair,
    pub x: [f32; SLOT_N],
}

/// Coverage from which another article is counted as carrying the claim for `carried_share`.
const CARRIED_FOR_SHARE: f32 = 0.26;

/// What the whole build knows, shared by every item.
pub struct Context<'a> {
    pub al: &'a Aligner,
    pub segments: &'a [Segment],
    pub analyses: &'a [Analysis],
    pub seg_article: &'a [usize],
    /// Every claim's best match in every article (`Aligner::best_per_article`).
    pub all_best: &'a [Vec<Option<Match>>],
    /// Eligible segment ids of each article, in text order.
    pub by_article: &'a [Vec<u32>],
    pub semantic: Option<&'a Semantic>,
}

/// One claim against one other article: evidence, differences, features.
pub struct Item {
    pub evidence: Vec<u32>,
    /// The claim's figure against the likeliest figure of one slot elsewhere in the article
    /// that conflicts with it, when there is one.
    pub figure_conflict: Option<crate::verdict::FigurePair>,
    /// Every conflicting figure pair of the claim and the article, with its slot features.
    pub slots: Vec<SlotRow>,
    /// Runner-up sentences that also carry the claim (further evidence).
    pub also: Vec<u32>,
    pub diffs: Vec<Found>,
    pub features: [f32; N],
    /// The old rule's parts, kept while the learned decision replaces it.
    pub legacy: (verdict::Features, verdict::Parts),
}

impl Context<'_> {
    fn side(&self, u: u32) -> Side<'_> {
        Side {
            unit: u,
            text: &self.segments[u as usize].text,
            analysis: &self.analyses[u as usize],
        }
    }

    fn is_mutual(&self, claim: u32, m: &Match) -> bool {
        let own = self.seg_article[claim as usize];
        m.units.iter().any(|&u| {
            self.all_best
                .get(u as usize)
                .and_then(|b| b.get(own))
                .and_then(|x| x.as_ref())
                .is_some_and(|back| back.units.contains(&claim))
        })
    }

    /// The claim's best coverage in every other article, for relative features.
    fn coverages(&self, claim: u32) -> Vec<f32> {
        let own = self.seg_article[claim as usize];
        self.all_best[claim as usize]
            .iter()
            .enumerate()
            .filter(|(a, _)| *a != own)
            .map(|(_, m)| m.as_ref().map_or(0.0, |m| m.coverage))
            .collect()
    }

    /// The claim's best sentence cosine in every other article.
    fn best_cosines(&self, sem: &Semantic, claim: u32) -> Vec<f32> {
        let own = self.seg_article[claim as usize];
        self.by_article
            .iter()
            .enumerate()
            .filter(|(a, _)| *a != own)
            .map(|(_, units)| {
                units
                    .iter()
                    .map(|&u| sem.cos(claim, u))
                    .fold(0.0f32, f32::max)
            })
            .collect()
    }

    /// The claim's figures against every figure of the article: the likeliest conflicting pair
    /// and the likeliest agreeing one, each ranked by how surely the two fill one slot (shared
    /// words around them, one counted noun, alike sentences).
    fn figures(&self, claim: &Side, article: usize, evidence: &[u32]) -> Figures {
        let doc = self.by_article.get(article).map_or(&[][..], |v| &v[..]);
        let sides: Vec<Side> = doc.iter().map(|&u| self.side(u)).collect();
        let pairs = crate::verdict::figure_pairs(claim, &sides);
        let coverage = |u: u32| self.al.score(claim.unit, &[u]).0;
        let cos = |u: u32| self.semantic.map_or(0.0, |s| s.cos(claim.unit, u));
        let sim = |u: u32| {
            if self.semantic.is_some() {
                cos(u)
            } else {
                coverage(u)
            }
        };
        let rank = |p: &crate::verdict::FigurePair| {
            p.context + if p.same_unit { 0.5 } else { 0.0 } + sim(p.there_unit)
        };
        let best = |conflict: bool| {
            pairs
                .iter()
                .filter(|p| p.conflict == conflict)
                .map(|p| (rank(p), p))
                .max_by(|a, b| a.0.total_cmp(&b.0))
        };
        let mut out = Figures::default();
        for p in pairs.iter().filter(|p| p.conflict) {
            let (cov, rev) = self.al.score(claim.unit, &[p.there_unit]);
            let explained = pairs
                .iter()
                .any(|o| !o.conflict && o.here == p.here && o.same_unit);
            let agree_in_sentence = pairs
                .iter()
                .any(|o| !o.conflict && o.there_unit == p.there_unit && o.same_unit);
            let conflicts = pairs
                .iter()
                .filter(|o| o.conflict && o.here == p.here)
                .count();
            let mut x = [0.0f32; SLOT_N];
            x[..crate::verdict::PAIR_N].copy_from_slice(&p.x);
            let extra = [
                cov,
                rev,
                flag(evidence.contains(&p.there_unit)),
                flag(explained),
                flag(agree_in_sentence),
                conflicts as f32,
                cos(p.there_unit),
            ];
            x[crate::verdict::PAIR_N..].copy_from_slice(&extra);
            out.slots.push(SlotRow { pair: p.clone(), x });
        }
        if let Some((r, p)) = best(true) {
            // The same claim figure agreeing with a figure at least as likely to fill its slot
            // means the article states the claim's value too.
            let explained = pairs
                .iter()
                .any(|o| !o.conflict && o.here == p.here && rank(o) >= r);
            out.surface[0] = 1.0;
            out.surface[1] = p.context;
            out.surface[2] = flag(p.same_unit);
            out.surface[3] = coverage(p.there_unit);
            out.surface[4] = p.log_ratio;
            out.surface[5] = flag(explained);
            out.conflict_cos = cos(p.there_unit);
            out.conflict = Some(p.clone());
        }
        if let Some((_, p)) = best(false) {
            out.surface[6] = 1.0;
            out.surface[7] = p.context;
            out.surface[8] = flag(p.same_unit);
            out.surface[9] = coverage(p.there_unit);
            out.agree_cos = cos(p.there_unit);
        }
        out
    }

    /// Everything the decision reads about `claim` against article `article`.
    pub fn item(&self, claim: u32, article: usize) -> Item {
        let al = self.al;
        let seg = &self.segments[claim as usize];
        let claim_side = self.side(claim);
        let m = self.all_best[claim as usize]
            .get(article)
            .cloned()
            .flatten();
        let evidence: Vec<u32> = m.as_ref().map(|m| m.units.clone()).unwrap_or_default();
        let sides: Vec<Side> = evidence.iter().map(|&u| self.side(u)).collect();
        let coverage = m.as_ref().map_or(0.0, |m| m.coverage);
        let mut diffs = if sides.is_empty() || coverage < verdict::DIFF_MIN_COVERAGE {
            Vec::new()
        } else {
            verdict::differences(&claim_side, &sides, coverage)
        };
        let also: Vec<u32> = m
            .as_ref()
            .map(|m| verdict::further_evidence(m).collect())
            .unwrap_or_default();
        if !diffs.is_empty() {
            let also_sides: Vec<Side> = also.iter().map(|&u| self.side(u)).collect();
            verdict::drop_figures_stated_elsewhere(&claim_side, &also_sides, &mut diffs);
        }
        let mutual = m.as_ref().is_some_and(|m| self.is_mutual(claim, m));
        let mut f = verdict::cluster_features(al, claim, &evidence, &diffs);
        f.mutual = if mutual { 1.0 } else { 0.0 };
        let parts = if evidence.is_empty() {
            verdict::Parts::default()
        } else {
            verdict::Parts {
                main_clause: verdict::main_clause_end(&seg.text)
                    .map(|end| verdict::main_clause_coverage(al, claim, end, &evidence)),
                quote: verdict::quote_coverage(
                    al,
                    claim,
                    &self.analyses[claim as usize].quotes,
                    &evidence,
                ),
            }
        };

        let mut x = [0.0f32; N];
        x[0] = f.coverage;
        x[1] = f.reverse;
        x[2] = f.shared_weight;
        x[3] = f.mutual;
        if let Some((share, weight)) = parts.main_clause {
            x[4] = share;
            x[5] = weight;
            x[6] = 1.0;
        } else {
            x[4] = f.coverage;
        }
        match parts.quote {
            Some((quoted, carried)) => {
                x[7] = quoted;
                x[8] = carried;
            }
            None => x[8] = 1.0,
        }
        x[9] = al.pair_coverage(claim, &evidence);
        x[10] = specifics_missing(al, claim, &evidence);
        let doc = self.by_article.get(article).map_or(&[][..], |v| &v[..]);
        x[11] = al.score(claim, doc).0;
        x[12] = al
            .keys(claim)
            .iter()
            .map(|&k| al.weight[k as usize])
            .sum::<f32>()
            / al.max_weight;
        x[13] = flag(seg.kind == crate::model::SegmentKind::Headline);
        x[14] = flag(
            evidence
                .iter()
                .any(|&u| self.segments[u as usize].kind == crate::model::SegmentKind::Headline),
        );
        x[15] = also.len() as f32;
        let covs = self.coverages(claim);
        let max_cov = covs.iter().copied().fold(0.0f32, f32::max);
        x[16] = if max_cov > 0.0 {
            coverage / max_cov
        } else {
            0.0
        };
        x[17] = covs.iter().filter(|&&c| c >= CARRIED_FOR_SHARE).count() as f32
            / covs.len().max(1) as f32;
        let count = |k: DiffKind| diffs.iter().filter(|d| d.kind == k).count() as f32;
        x[18] = count(DiffKind::Number);
        x[19] = count(DiffKind::Date);
        x[20] = count(DiffKind::Negation);
        x[21] = count(DiffKind::Attribution);
        x[22] = count(DiffKind::Quote);
        x[23] = count(DiffKind::Entity);
        let figures = self.figures(&claim_side, article, &evidence);
        x[24..34].copy_from_slice(&figures.surface);
        if let Some(sem) = self.semantic {
            x[40] = figures.conflict_cos;
            x[41] = figures.agree_cos;
            let mut cos: Vec<f32> = doc.iter().map(|&u| sem.cos(claim, u)).collect();
            cos.sort_by(|a, b| b.total_cmp(a));
            let best = cos.first().copied().unwrap_or(0.0);
            x[34] = best;
            x[35] = evidence
                .iter()
                .map(|&u| sem.cos(claim, u))
                .fold(0.0f32, f32::max);
            x[36] = cos.get(1).copied().unwrap_or(0.0);
            x[37] = if cos.is_empty() {
                0.0
            } else {
                cos.iter().sum::<f32>() / cos.len() as f32
            };
            let bests = self.best_cosines(sem, claim);
            let max = bests.iter().copied().fold(0.0f32, f32::max);
            let mean = bests.iter().sum::<f32>() / bests.len().max(1) as f32;
            x[38] = if max > 0.0 { best / max } else { 0.0 };
            x[39] = best - mean;
        }
        Item {
            evidence,
            figure_conflict: figures.conflict,
            slots: figures.slots,
            also,
            diffs,
            features: x,
            legacy: (f, parts),
        }
    }
}

/// The figure features of one item (`fig_*` in `NAMES`).
#[derive(Default)]
struct Figures {
    surface: [f32; 10],
    conflict_cos: f32,
    agree_cos: f32,
    conflict: Option<crate::verdict::FigurePair>,
    slots: Vec<SlotRow>,
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Weighted share of the claim's names, numbers and dates that the evidence lacks.
fn specifics_missing(al: &Aligner, claim: u32, evidence: &[u32]) -> f32 {
    let w = |k: u32| al.weight.get(k as usize).copied().unwrap_or(0.0);
    let specific = |k: u32| {
        al.kinds
            .get(k as usize)
            .is_some_and(|kind| *kind != crate::align::TermKind::Word)
    };
    let ck = al.keys(claim);
    let total: f32 = ck.iter().map(|&k| w(k)).sum();
    let missing: f32 = ck
        .iter()
        .filter(|&&k| {
            specific(k)
                && !evidence
                    .iter()
                    .any(|&e| al.keys(e).binary_search(&k).is_ok())
        })
        .map(|&k| w(k))
        .sum();
    if total > 0.0 {
        missing / total
    } else {
        0.0
    }
}

/// The legacy hand-written decision over an item (kept until the fitted one replaces it).
pub fn decide_legacy(item: &Item) -> (Label, f32) {
    verdict::decide_cluster(&item.legacy.0, &item.diffs, &item.legacy.1)
}
