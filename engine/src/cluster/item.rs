//! One item, a claim against one other article: its evidence, the differences found, and the
//! features the decision reads (`NAMES`, each put under its name), with the slot model's
//! choice of the conflicting figure pair it reports.

use super::{flag, slot, static_view, ClaimView, Context, N, NAMES, N_SURFACE};
use crate::align::Aligner;
use crate::model::{DiffKind, SegmentKind};
use crate::verdict::{self, Found, Side};

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
        // How the claim's neighbours fare in the article, for the decision without the encoder
        // (zero with it, as the static word vectors' reading): read with the encoder, they cost
        // LOCO (mean macro-F1 0.7996 -> 0.7950, measured before `adjacent`'s cap), its cosines
        // already finding the paraphrases the story's order points at.
        let adjacent = match self.semantic {
            None => self.adjacent(claim, article, &evidence, coverage),
            Some(_) => 0.0,
        };
        fx.put("nb_adjacent", adjacent);
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
                    let units = self.by_article.get(own).map_or(0, Vec::len);
                    self.position(u).unwrap_or(0) as f32 / units.saturating_sub(1).max(1) as f32
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
