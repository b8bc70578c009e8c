//! The cluster decision: for one claim and one other article of the cluster, what the decision
//! reads (how well the article's best sentences carry the claim lexically and, with the sentence
//! encoder, semantically; how the article compares with the cluster's other articles; the
//! differences found) and the verdict it gives.

pub mod best;
pub mod build;
mod figures;
pub mod model;
pub mod semantic;
pub mod slot;
pub mod stated;
pub mod static_view;
mod weights;
mod weights_enc;

use crate::align::{Aligner, KeyUnion};
use crate::analyze::Analysis;
use crate::model::{DiffKind, Segment, SegmentKind};
use crate::verdict::{self, Found, Side};
use best::BestTable;

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
    "n_differences",
    "clean_difference",
    "fig_conflict",
    "fig_conflict_context",
    "fig_conflict_unit",
    "fig_conflict_coverage",
    "fig_conflict_ratio",
    "fig_conflict_explained",
    "fig_conflict_known",
    "fig_agree",
    "fig_agree_context",
    "fig_agree_unit",
    "fig_agree_coverage",
    "fig_conflict_both_elsewhere",
    "fig_conflict_there_elsewhere",
    "st_best",
    "st_evidence",
    "cos_best",
    "cos_evidence",
    "cos_second",
    "cos_mean",
    "cos_rank",
    "cos_rel",
    "fig_conflict_cos",
    "fig_agree_cos",
    "tok_recall",
    "tok_low",
    "fig_conflict_tokcos",
    "fig_agree_tokcos",
    "num_tokcos",
    "fig_conflict_rolecos",
    "tok_recall_top",
    "claim_pos",
    "evidence_pos",
];

pub const N: usize = 58;
pub const N_SURFACE: usize = 41;

/// Features the differs step is fitted without (`learn::loco::fit` holds their columns
/// constant, so its trees never split on them): the static word vectors' similarities say
/// whether a claim is carried, not whether a detail conflicts. Read by both steps, they cost the
/// differs step in LOCO without the encoder (mean macro-F1 0.7504, differs F1 0.5614); read by
/// the carried step only, 0.7519 and 0.5658 (five fitting seeds, measured with the table's
/// 384 components and a word-level reading since left out).
pub const DIFFERS_BLIND: [&str; 2] = ["st_best", "st_evidence"];

/// An item's features, filled in `NAMES` order: each value is put under its name, so the
/// vector and the names cannot drift apart (a test checks every name is put once, in order).
struct Fx {
    x: [f32; N],
    at: usize,
}

impl Default for Fx {
    fn default() -> Self {
        Fx { x: [0.0; N], at: 0 }
    }
}

impl Fx {
    fn put(&mut self, name: &str, v: f32) {
        debug_assert_eq!(NAMES.get(self.at), Some(&name), "feature order");
        if let Some(slot) = self.x.get_mut(self.at) {
            *slot = if v.is_finite() { v } else { 0.0 };
        }
        self.at += 1;
    }
}

/// How many of an article's sentences closest in meaning `tok_recall_top` reads together
/// (3 beat 5 in LOCO).
const TOP_SENTENCES: usize = 3;

/// Coverage from which another article is counted as carrying the claim for `carried_share`.
const CARRIED_FOR_SHARE: f32 = 0.26;

/// What the whole build knows, shared by every item.
pub struct Context<'a> {
    pub al: &'a Aligner,
    pub segments: &'a [Segment],
    pub analyses: &'a [Analysis],
    pub seg_article: &'a [usize],
    /// Every claim's best match in every article (`Aligner::best_per_article`).
    pub all_best: &'a BestTable,
    /// Eligible segment ids of each article, in text order.
    pub by_article: &'a [Vec<u32>],
    /// The units of each article's `by_article` that give a figure (a quantity): the only
    /// ones a claim's figures can pair with.
    pub figure_units: &'a [Vec<u32>],
    /// `al.union` of each article's `by_article`.
    pub doc_keys: &'a [KeyUnion],
    /// `verdict::figure_contexts` of each segment (empty for those that get no verdict).
    pub figure_contexts: &'a [Vec<crate::verdict::FigureContext>],
    /// The figures each article states (`stated::Stated`), by article.
    pub stated: &'a [stated::Stated],
    /// Which articles give each figure (`stated::Echoes`); built without the encoder only.
    pub echoes: Option<&'a stated::Echoes>,
    pub semantic: Option<&'a Semantic>,
    /// The static word vectors' view (`static_view::StaticView`); built without the encoder only.
    pub statics: Option<&'a static_view::StaticView>,
    /// The slot model that chooses each item's conflicting figure pair (else the hand rank).
    pub slot_model: Option<&'a slot::SlotModel>,
    /// Whether items keep their conflicting pairs (fitting and LOCO choose among them again).
    pub keep_slots: bool,
}

/// A claim against the whole cluster: what items read of its best coverage and best sentence
/// cosine in every other article, its cosine with every segment, and its main clause.
pub struct ClaimView {
    /// The largest best coverage, and how many articles reach `CARRIED_FOR_SHARE`.
    max_coverage: f32,
    carrying: usize,
    /// How many other articles there are.
    others: usize,
    /// The largest and the mean of the best cosines (0 without the encoder).
    max_cosine: f32,
    mean_cosine: f32,
    /// `Semantic::row(claim)`, indexed by segment; empty without the encoder.
    cos: Vec<f32>,
    /// Whether the claim's best match in each article (by index) is mutual (`is_mutual`).
    /// Why here: the test reads another claim's entry of the best table, a cache miss
    /// almost every time; one tight loop per claim lets those reads overlap instead of
    /// stalling every item in turn.
    mutual: Vec<bool>,
    /// The claim's main clause (`verdict::main_clause_part`), when its text has one
    /// (`verdict::main_clause_end`).
    main: Option<verdict::ClaimPart>,
    /// `verdict::quote_part` of the claim.
    quoted: Option<(verdict::ClaimPart, f32)>,
    /// The summed weight of the claim's keys (`claim_weight` before scaling).
    weight: f32,
    /// The claim's tokens against every sentence its items read tokens of (`tok_recall`,
    /// `tok_recall_top`); empty without the encoder.
    tokens: semantic::TokenMaxima,
    /// Per article (by index), the sentences closest in meaning to the claim that its item
    /// reads; empty without the encoder.
    near: Vec<Near>,
    /// `StaticView::row(claim)`, indexed by segment; empty with the encoder.
    st: Vec<f32>,
}

/// The sentences of one article closest in meaning to a claim, found once per claim for
/// `token_maxima` and read again by the article's item.
#[derive(Default)]
struct Near {
    /// The closest sentence, when it is not the evidence and at least as close.
    best: Option<u32>,
    /// The `TOP_SENTENCES` closest, closest first.
    top: Vec<u32>,
}

impl ClaimView {
    /// The claim's sentence cosine with segment `u` (0 without the encoder).
    fn cos(&self, u: u32) -> f32 {
        self.cos.get(u as usize).copied().unwrap_or(0.0)
    }
}

/// One claim against one other article: evidence, differences, features.
pub struct Item {
    pub evidence: Vec<u32>,
    /// The claim's figure against the likeliest figure of one slot elsewhere in the article
    /// that conflicts with it, when there is one: the hand rank's pair, or the slot model's
    /// choice once `apply_slot` has run.
    pub figure_conflict: Option<crate::verdict::FigurePair>,
    /// Runner-up sentences that also carry the claim (further evidence).
    pub also: Vec<u32>,
    /// The article's sentence closest in meaning to the claim (sentence encoder), when it is
    /// not already the evidence and at least as close as the evidence.
    pub semantic_best: Option<u32>,
    pub diffs: Vec<Found>,
    pub features: [f32; N],
    /// Every conflicting figure pair, for the slot model (`slot`) to choose among.
    pub slots: Vec<slot::SlotCand>,
    /// The index in `slots` of the pair the hand rank chose.
    pub hand_slot: Option<usize>,
    /// The claim's figures (byte spans) that the other article writes with the same characters
    /// in one of its sentences (`Context::restated`): a number difference on one of them is not
    /// reported (`build::reported_differences`).
    pub restated: Vec<(usize, usize)>,
}

impl Item {
    /// Lets `model` choose the conflicting figure pair the item reports (`figure_conflict`);
    /// without a model, the hand-ranked pair is restored. The decision's features stay those
    /// of the hand-ranked pair: in LOCO, decision features read from the model's choice were
    /// within noise (see the slot model's commit), while the model's choice is the right detail
    /// more often (LOCO detail accuracy, `docs/tuning.md`).
    pub fn apply_slot(&mut self, model: Option<&slot::SlotModel>) {
        let choice = match model {
            Some(m) => slot::best(&self.slots, m, self.hand_slot).map(|(i, _)| i),
            None => self.hand_slot,
        };
        if let Some(c) = choice.and_then(|i| self.slots.get(i)) {
            self.figure_conflict = Some(c.pair.clone());
        }
    }
}

impl Context<'_> {
    fn side(&self, u: u32) -> Side<'_> {
        Side {
            unit: u,
            text: &self.segments[u as usize].text,
            analysis: &self.analyses[u as usize],
        }
    }

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

    /// Everything the decision reads about `claim` against article `article`; `view` is
    /// `claim_view(claim)`.
    pub fn item(&self, claim: u32, article: usize, view: &ClaimView) -> Item {
        let al = self.al;
        let seg = &self.segments[claim as usize];
        let claim_side = self.side(claim);
        let m = self.all_best.best(claim, article);
        let evidence: Vec<u32> = m.as_ref().map(|m| m.units.to_vec()).unwrap_or_default();
        let sides: Vec<Side> = evidence.iter().map(|&u| self.side(u)).collect();
        let coverage = m.as_ref().map_or(0.0, |m| m.coverage);
        let mut diffs = if sides.is_empty() || coverage < verdict::DIFF_MIN_COVERAGE {
            Vec::new()
        } else {
            verdict::differences(&claim_side, &sides, coverage)
        };
        if coverage >= verdict::DIFF_MIN_COVERAGE {
            verdict::name_diffs(al, &claim_side, &sides, &mut diffs);
        }
        let also: Vec<u32> = m
            .as_ref()
            .map(|m| verdict::further_evidence(m.also).collect())
            .unwrap_or_default();
        if !diffs.is_empty() {
            let also_sides: Vec<Side> = also.iter().map(|&u| self.side(u)).collect();
            verdict::drop_figures_stated_elsewhere(&claim_side, &also_sides, &mut diffs);
        }
        let mutual = view.mutual.get(article).copied().unwrap_or(false);
        let mut f = verdict::cluster_features(al, claim, &evidence, &diffs);
        f.mutual = if mutual { 1.0 } else { 0.0 };
        let parts = if evidence.is_empty() {
            verdict::Parts::default()
        } else {
            verdict::Parts {
                main_clause: view
                    .main
                    .as_ref()
                    .map(|main| verdict::main_clause_coverage(al, main, &evidence)),
                quote: verdict::quote_coverage(al, view.quoted.as_ref(), &evidence),
            }
        };

        let mut fx = Fx::default();
        fx.put("coverage", f.coverage);
        fx.put("reverse", f.reverse);
        fx.put("shared_weight", f.shared_weight);
        fx.put("mutual", f.mutual);
        let (main_share, main_weight) = parts.main_clause.unwrap_or((f.coverage, 0.0));
        fx.put("main_share", main_share);
        fx.put("main_weight", main_weight);
        fx.put("has_main", flag(parts.main_clause.is_some()));
        let (quoted, quote_carried) = parts.quote.unwrap_or((0.0, 1.0));
        fx.put("quote_share", quoted);
        fx.put("quote_carried", quote_carried);
        fx.put("pair_coverage", al.pair_coverage(claim, &evidence));
        fx.put("specifics_missing", specifics_missing(al, claim, &evidence));
        let doc = self.by_article.get(article).map_or(&[][..], |v| &v[..]);
        let doc_cov = match self.doc_keys.get(article) {
            Some(union) => al.score_units(claim, doc, union).0,
            None => al.score(claim, doc).0,
        };
        fx.put("doc_coverage", doc_cov);
        fx.put("claim_weight", view.weight / al.max_weight);
        fx.put("claim_headline", flag(seg.kind == SegmentKind::Headline));
        let headline = |u: &u32| self.segments[*u as usize].kind == SegmentKind::Headline;
        fx.put("evidence_headline", flag(evidence.iter().any(headline)));
        fx.put("also_count", also.len() as f32);
        let max_cov = view.max_coverage;
        fx.put(
            "coverage_rank",
            if max_cov > 0.0 {
                coverage / max_cov
            } else {
                0.0
            },
        );
        fx.put(
            "carried_share",
            view.carrying as f32 / view.others.max(1) as f32,
        );
        let count = |k: DiffKind| diffs.iter().filter(|d| d.kind == k).count() as f32;
        fx.put("n_number", count(DiffKind::Number));
        fx.put("n_date", count(DiffKind::Date));
        fx.put("n_negation", count(DiffKind::Negation));
        fx.put("n_stance", count(DiffKind::Attribution));
        fx.put("n_quote", count(DiffKind::Quote));
        fx.put("n_name", count(DiffKind::Entity));
        fx.put("n_differences", diffs.len() as f32);
        // How much of the claim the sentence holding a difference carries: a difference in an
        // otherwise identical sentence is the clearest `differs` there is.
        fx.put(
            "clean_difference",
            if diffs.is_empty() { 0.0 } else { f.coverage },
        );
        let figures = self.figures(&claim_side, article, view, &evidence);
        // The figure features are the next names, in `Figures::surface` order.
        let at = fx.at;
        for (name, v) in NAMES.get(at..).unwrap_or(&[]).iter().zip(figures.surface) {
            fx.put(name, v);
        }
        // The static word vectors' reading, for the decision without the encoder (zero with it).
        let st = match self.statics {
            Some(_) => static_view::features(&view.st, doc, &evidence),
            None => [0.0; 2],
        };
        fx.put("st_best", st[0]);
        fx.put("st_evidence", st[1]);
        debug_assert_eq!(fx.at, N_SURFACE);
        let mut semantic_best = None;
        if self.semantic.is_some() {
            let mut cos: Vec<f32> = doc.iter().map(|&u| view.cos(u)).collect();
            cos.sort_by(|a, b| b.total_cmp(a));
            let best = cos.first().copied().unwrap_or(0.0);
            let ev_cos = evidence
                .iter()
                .map(|&u| view.cos(u))
                .fold(f32::NEG_INFINITY, f32::max);
            let near = view.near.get(article);
            semantic_best = near.and_then(|n| n.best);
            fx.put("cos_best", best);
            fx.put("cos_evidence", ev_cos.max(0.0));
            fx.put("cos_second", cos.get(1).copied().unwrap_or(0.0));
            let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len().max(1) as f32;
            fx.put("cos_mean", mean(&cos));
            let max = view.max_cosine;
            fx.put("cos_rank", if max > 0.0 { best / max } else { 0.0 });
            fx.put("cos_rel", best - view.mean_cosine);
            fx.put("fig_conflict_cos", figures.conflict_cos);
            fx.put("fig_agree_cos", figures.agree_cos);
            if let Some(sem) = self.semantic {
                let mut shown = evidence.clone();
                shown.extend(semantic_best);
                let (recall, low) = sem.token_recall_in(&view.tokens, claim, &shown);
                fx.put("tok_recall", recall);
                fx.put("tok_low", low);
                // How alike the two figures of a pair read in their sentences (-1: no pair).
                let fig_cos = |here: (usize, usize), unit: u32, there: (usize, usize)| {
                    sem.figure_cos(claim, here, unit, there).unwrap_or(-1.0)
                };
                let pair_cos = |p: Option<&crate::verdict::FigurePair>| {
                    p.map_or(-1.0, |p| fig_cos(p.here, p.there_unit, p.there))
                };
                fx.put("fig_conflict_tokcos", pair_cos(figures.conflict.as_ref()));
                fx.put("fig_agree_tokcos", pair_cos(figures.agree.as_ref()));
                let num_cos = diffs
                    .iter()
                    .filter(|d| d.kind == DiffKind::Number)
                    .map(|d| fig_cos(d.here, d.there_unit, d.there))
                    .fold(-1.0f32, f32::max);
                fx.put("num_tokcos", num_cos);
                // What the conflicting pair's figures count, read from the words around them
                // (-1: no pair, or a figure with no neighbour): "destroyed 40 homes" against
                // "evacuated 900 residents" are two tallies, against "burned down 55 houses"
                // one told two ways.
                let role = figures
                    .conflict
                    .as_ref()
                    .and_then(|p| sem.role_cos(claim, p.here, p.there_unit, p.there))
                    .unwrap_or(-1.0);
                fx.put("fig_conflict_rolecos", role);
                // Token recall against the article's few sentences closest in meaning: a
                // paraphrase spread over neighbouring sentences is carried even when no single
                // sentence (the evidence) shares its words.
                let top = near.map_or(&[][..], |n| &n.top[..]);
                fx.put(
                    "tok_recall_top",
                    sem.token_recall_in(&view.tokens, claim, top).0,
                );
                // Where the claim and its evidence stand in their articles (0 first, 1 last): news
                // puts the facts every outlet reports first and colour and background later. Read by
                // the encoder's decision only: the surface decision did not gain from them in LOCO.
                let pos = |u: u32| {
                    let own = self.seg_article[u as usize];
                    let units = self.by_article.get(own).map_or(&[][..], |v| &v[..]);
                    let i = units.iter().position(|&x| x == u).unwrap_or(0);
                    i as f32 / units.len().saturating_sub(1).max(1) as f32
                };
                fx.put("claim_pos", pos(claim));
                fx.put("evidence_pos", evidence.first().map_or(1.0, |&u| pos(u)));
            }
            debug_assert_eq!(fx.at, N);
        }
        let x = fx.x;
        // Only an item with a figure to report asks: most have none.
        let restated =
            if figures.slots.is_empty() && !diffs.iter().any(|d| d.kind == DiffKind::Number) {
                Vec::new()
            } else {
                self.restated(&claim_side, article)
            };
        let mut item = Item {
            restated,
            evidence,
            figure_conflict: figures.conflict,
            also,
            semantic_best,
            diffs,
            features: x,
            slots: figures.slots,
            hand_slot: figures.hand_slot,
        };
        if self.slot_model.is_some() {
            item.apply_slot(self.slot_model);
        }
        if !self.keep_slots {
            item.slots = Vec::new();
            item.hand_slot = None;
        }
        item
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
