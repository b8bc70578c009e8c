//! A cluster build in two steps: `prepare` does the work that does not depend on the decision
//! (segmenting, analysing, aligning, encoding, finding differences, computing every item's
//! features), `assemble` decides every item with a model and writes the database.
//!
//! Why two steps: leave-one-cluster-out evaluation decides one prepared cluster with eleven
//! different models, and fitting reads the prepared items of every cluster; neither should
//! segment, align or encode anything twice.

use chrono::NaiveDate;

use super::model::{ClusterModel, Decision};
use super::{Context, Item, Semantic};
use crate::align::{Aligner, Unit, Weighting};
use crate::analyze::{self, Aliases, Analysis};
use crate::encoder::Encoder;
use crate::io::Article;
use crate::model::{
    Database, Difference, Label, Segment, SegmentKind, SharedSpan, Source, Verdict, DB_VERSION,
};
use crate::progress::{tell, Progress, Stage};
use crate::verdict::{self, Found};

/// Everything about a cluster but its verdicts.
pub struct Prepared {
    pub sources: Vec<Source>,
    pub segments: Vec<Segment>,
    pub al: Aligner,
    /// Whether the sentence encoder took part (the model with its features must decide).
    pub encoded: bool,
    /// One item per (claim or headline, other article), in database order.
    pub items: Vec<(u32, usize, Item)>,
}

/// The date relative dates resolve against: the published date, else one stated in the text.
fn anchor_date(a: &Article) -> Option<NaiveDate> {
    a.meta
        .published
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .or_else(|| crate::segment::text_date(&a.text))
}

/// Segments, analyses, aligns and (with an encoder) encodes the cluster, and computes every
/// item. The caller has checked the limits.
pub fn prepare(
    articles: &[Article],
    encoder: Option<&Encoder>,
    progress: Option<Progress>,
) -> Prepared {
    prepare_items(articles, encoder, progress, false)
}

/// `prepare` for fitting and leave-one-cluster-out evaluation: every item keeps its
/// conflicting figure pairs (`Item::slots`), so that a slot model fitted later can choose
/// among them again (`Item::apply_slot`).
pub fn prepare_for_fitting(articles: &[Article], encoder: Option<&Encoder>) -> Prepared {
    prepare_items(articles, encoder, None, true)
}

/// What every item reads, computed once per build before any item: the segments and their
/// analyses, the aligner, the encodings, every claim's best match in every article.
struct Ground {
    sources: Vec<Source>,
    segments: Vec<Segment>,
    seg_article: Vec<usize>,
    analyses: Vec<Analysis>,
    al: Aligner,
    semantic: Option<Semantic>,
    statics: Option<super::static_view::StaticView>,
    eligible: Vec<bool>,
    by_article: Vec<Vec<u32>>,
    /// Each segment's index in its article's `by_article` (`Context::positions`).
    positions: Vec<u32>,
    /// `by_article`'s units that give a figure (`Context::figure_units`).
    figure_units: Vec<Vec<u32>>,
    all_best: super::best::BestTable,
    doc_keys: Vec<crate::align::KeyUnion>,
    figure_contexts: Vec<Vec<verdict::FigureContext>>,
    stated: Vec<super::stated::Stated>,
    /// Without the encoder only: which articles give each figure (`stated::Echoes`).
    echoes: Option<super::stated::Echoes>,
}

fn prepare_items(
    articles: &[Article],
    encoder: Option<&Encoder>,
    progress: Option<Progress>,
    keep_slots: bool,
) -> Prepared {
    let g = Ground::lay(articles, encoder, progress);
    let mut items = Vec::new();
    g.each_claim(keep_slots, progress, |claim, claim_items| {
        items.extend(
            claim_items
                .into_iter()
                .map(|(other, item)| (claim, other, item)),
        );
        true
    });
    Prepared {
        encoded: g.semantic.is_some(),
        sources: g.sources,
        segments: g.segments,
        al: g.al,
        items,
    }
}

/// Where a build puts what it decides: the database's version, sources and segments once,
/// then each verdict in database order. A `Database` collects them; `WriteSink` writes them
/// to a file as they come, so a big cluster's verdicts are never all in memory.
pub trait Sink {
    fn head(&mut self, head: &Database) -> std::io::Result<()>;
    fn verdict(&mut self, v: Verdict) -> std::io::Result<()>;
}

impl Sink for Database {
    fn head(&mut self, head: &Database) -> std::io::Result<()> {
        self.version = head.version;
        self.sources.clone_from(&head.sources);
        self.segments.clone_from(&head.segments);
        self.verdicts.clone_from(&head.verdicts);
        Ok(())
    }

    fn verdict(&mut self, v: Verdict) -> std::io::Result<()> {
        self.verdicts.push(v);
        Ok(())
    }
}

/// An empty database for `Sink` to fill.
pub(crate) fn collector() -> Database {
    Database {
        version: DB_VERSION,
        sources: Vec::new(),
        segments: Vec::new(),
        verdicts: Vec::new(),
    }
}

/// The database's head: everything but its verdicts.
fn head(sources: &[Source], segments: &[Segment]) -> Database {
    Database {
        version: DB_VERSION,
        sources: sources.to_vec(),
        segments: segments.to_vec(),
        verdicts: Vec::new(),
    }
}

/// The build without keeping items: each item is decided by the shipped model as soon as it
/// is computed and then dropped, and its verdict goes to `sink` (a prepared 500-article
/// cluster held 4.5 million items, several GiB). Stops at the sink's first error. The verdicts
/// equal `assemble(&prepare(..), shipped(..), None, ..)`'s.
pub fn build_streaming(
    articles: &[Article],
    encoder: Option<&Encoder>,
    progress: Option<Progress>,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    let g = Ground::lay(articles, encoder, progress);
    sink.head(&head(&g.sources, &g.segments))?;
    let model = super::model::shipped(g.semantic.is_some());
    let parts = Parts {
        sources: &g.sources,
        segments: &g.segments,
        al: &g.al,
    };
    let mut result = Ok(());
    // A claim's items are decided and written where they are computed (on any core); only
    // the sink takes them in order.
    let decide = |claim: u32, items: Vec<(usize, Item)>| -> Vec<Verdict> {
        // A claim's items are decided together (`ClusterModel::decide_many`), as `verdict`
        // would decide them one by one.
        let diffs: Vec<Vec<Found>> = items.iter().map(|(_, i)| reported_differences(i)).collect();
        let asked: Vec<(&[f32], bool)> = items
            .iter()
            .zip(&diffs)
            .map(|((_, i), d)| (&i.features[..], !d.is_empty()))
            .collect();
        let decided = model.decide_many(&asked);
        let claim_keys = g.al.union(&[claim]);
        items
            .iter()
            .zip(&diffs)
            .zip(&decided)
            .filter_map(|(((other, item), diffs), d)| {
                let score = ClusterModel::score(d);
                parts.write(claim, &claim_keys, *other, item, diffs, d.label, score)
            })
            .collect()
    };
    g.each_claim_then(false, progress, decide, |_, verdicts| {
        for v in verdicts {
            result = sink.verdict(v);
            if result.is_err() {
                return false;
            }
        }
        true
    });
    result
}

impl Ground {
    /// Segments, analyses, aligns and (with an encoder) encodes the cluster. The caller has
    /// checked the limits.
    fn lay(articles: &[Article], encoder: Option<&Encoder>, progress: Option<Progress>) -> Ground {
        tell(progress, Stage::Analyse, 0, articles.len());
        let mut sources = Vec::with_capacity(articles.len());
        let mut segments: Vec<Segment> = Vec::new();
        let mut seg_article: Vec<usize> = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            sources.push(Source {
                id: a.id.clone(),
                title: a.meta.title.clone(),
                outlet: a.meta.outlet.clone(),
                url: a.meta.url.clone(),
                published: a.meta.published.clone(),
                language: a.meta.language.clone(),
                text: a.text.clone(),
            });
            for raw in crate::segment::segment(&a.text) {
                let Some(text) = a.text.get(raw.start..raw.end) else {
                    continue;
                };
                segments.push(Segment {
                    id: segments.len() as u32,
                    source: a.id.clone(),
                    text: text.to_string(),
                    start: raw.start,
                    end: raw.end,
                    kind: raw.kind,
                    paragraph: raw.paragraph,
                });
                seg_article.push(ai);
            }
        }
        let anchors: Vec<Option<NaiveDate>> = articles.iter().map(anchor_date).collect();
        // Segments are analysed a block of articles at a time, each block spread over the
        // cores, and the articles counted after each.
        let mut analyses: Vec<Analysis> = Vec::with_capacity(segments.len());
        let mut done = 0;
        while done < articles.len() {
            let upto = (done + crate::par::block(4)).min(articles.len());
            let from = analyses.len();
            let to = seg_article.partition_point(|&ai| ai < upto);
            let ids: Vec<usize> = (from..to).collect();
            analyses.extend(crate::par::map(&ids, |&i| {
                analyze::analyze(&segments[i].text, anchors[seg_article[i]])
            }));
            done = upto;
            tell(progress, Stage::Analyse, done, articles.len());
        }
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let aliases = Aliases::learn(&texts);
        let eligible: Vec<bool> = segments.iter().map(|s| s.kind.gets_verdicts()).collect();
        let units: Vec<Unit> = segments
            .iter()
            .zip(&analyses)
            .zip(&seg_article)
            .map(|((s, a), &ai)| Unit {
                article: ai,
                text: &s.text,
                analysis: a,
                eligible: s.kind.gets_verdicts(),
                headline: s.kind == SegmentKind::Headline,
            })
            .collect();
        let al = Aligner::new(&units, &aliases, Weighting::Idf);
        let semantic = encoder.map(|e| {
            let seg_texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
            let spans: Vec<Vec<(usize, usize)>> = analyses
                .iter()
                .map(|a| a.quantities.iter().map(|q| (q.start, q.end)).collect())
                .collect();
            Semantic::encode(e, &seg_texts, &eligible, &spans, progress)
        });
        let mut by_article: Vec<Vec<u32>> = vec![Vec::new(); articles.len()];
        let mut positions = vec![super::NO_POSITION; segments.len()];
        for (i, &e) in eligible.iter().enumerate() {
            if e {
                let units = &mut by_article[seg_article[i]];
                positions[i] = units.len() as u32;
                units.push(i as u32);
            }
        }
        // Matching starts with every claim's best match in every article; claims are counted
        // once their items are done.
        let claims = eligible.iter().filter(|&&e| e).count();
        tell(progress, Stage::Match, 0, claims);
        // Every claim's best match in every article, computed once: a match that is best in
        // both directions (mutual) is strong evidence that the two sentences report the same
        // thing.
        let mut all_best = super::best::BestTable::new(articles.len(), claims);
        // A block of claims at a time, so that only a block's rows wait beside the table.
        let ids: Vec<u32> = (0..eligible.len() as u32).collect();
        for block in ids.chunks(crate::par::block(64)) {
            let rows = crate::par::map_with(
                block,
                || al.retrieval(),
                |retrieval, &ci| {
                    eligible[ci as usize].then(|| al.best_per_article_in(ci, retrieval))
                },
            );
            for row in rows {
                all_best.push_row(row);
            }
        }
        let figure_units: Vec<Vec<u32>> = by_article
            .iter()
            .map(|units| {
                let gives = |u: &&u32| !analyses[**u as usize].quantities.is_empty();
                units.iter().filter(gives).copied().collect()
            })
            .collect();
        let doc_keys: Vec<crate::align::KeyUnion> =
            by_article.iter().map(|d| al.union(d)).collect();
        let figure_contexts: Vec<Vec<verdict::FigureContext>> = analyses
            .iter()
            .zip(&eligible)
            .map(|(a, &e)| {
                if e {
                    verdict::figure_contexts(a)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let stated = by_article
            .iter()
            .map(|units| super::stated::Stated::of(units, &analyses))
            .collect::<Vec<_>>();
        // The surface decision reads which third articles give a conflicting pair's figures;
        // with the encoder it lost LOCO ground, so that build spares the index.
        let echoes = semantic
            .is_none()
            .then(|| super::stated::Echoes::of(&stated, &by_article, &analyses));
        // The static word vectors stand in for the encoder where it is absent (`static_view`).
        let statics = semantic
            .is_none()
            .then(|| super::static_view::StaticView::new(&segments))
            .flatten();
        Ground {
            sources,
            segments,
            seg_article,
            analyses,
            al,
            semantic,
            statics,
            eligible,
            by_article,
            positions,
            figure_units,
            all_best,
            doc_keys,
            figure_contexts,
            stated,
            echoes,
        }
    }

    /// Computes every item, claim by claim in database order, each claim against every other
    /// article in order, and hands each claim's items (with their other article) to `each`,
    /// until `each` says to stop (`false`).
    fn each_claim(
        &self,
        keep_slots: bool,
        progress: Option<Progress>,
        each: impl FnMut(u32, Vec<(usize, Item)>) -> bool,
    ) {
        self.each_claim_then(keep_slots, progress, |_, items| items, each);
    }

    /// `each_claim` with a step in between: `then` turns each claim's items into what `each`
    /// receives. Claims are computed a block at a time, spread over the cores (items and
    /// `then` alike), and handed to `each` in database order; claims are counted after each
    /// block.
    fn each_claim_then<R: Send>(
        &self,
        keep_slots: bool,
        progress: Option<Progress>,
        then: impl Fn(u32, Vec<(usize, Item)>) -> R + Sync + Send,
        mut each: impl FnMut(u32, R) -> bool,
    ) {
        let ctx = Context {
            al: &self.al,
            segments: &self.segments,
            analyses: &self.analyses,
            seg_article: &self.seg_article,
            all_best: &self.all_best,
            by_article: &self.by_article,
            positions: &self.positions,
            figure_units: &self.figure_units,
            doc_keys: &self.doc_keys,
            figure_contexts: &self.figure_contexts,
            stated: &self.stated,
            echoes: self.echoes.as_ref(),
            semantic: self.semantic.as_ref(),
            statics: self.statics.as_ref(),
            slot_model: super::model::shipped_slot(self.semantic.is_some()),
            keep_slots,
        };
        let claims: Vec<u32> = (0..self.eligible.len() as u32)
            .filter(|&ci| self.eligible[ci as usize])
            .collect();
        let items_of = |&ci: &u32| {
            let view = ctx.claim_view(ci);
            // Sized up front: an item is a few hundred bytes, and a collect through the filter
            // would grow the vector by doubling, copying the items at every step.
            let mut items = Vec::with_capacity(self.sources.len().saturating_sub(1));
            items.extend(
                (0..self.sources.len())
                    .filter(|&ai| ai != self.seg_article[ci as usize])
                    .map(|ai| (ai, ctx.item(ci, ai, &view))),
            );
            then(ci, items)
        };
        let mut done = 0;
        for block in claims.chunks(crate::par::block(CLAIMS_PER_THREAD)) {
            for (&ci, r) in block.iter().zip(crate::par::map(block, items_of)) {
                if !each(ci, r) {
                    return;
                }
            }
            done += block.len();
            tell(progress, Stage::Match, done, claims.len());
        }
    }
}

pub(crate) fn to_difference(
    f: &Found,
    claim_text: &str,
    there_text: &str,
    there_segment: u32,
) -> Difference {
    let slice = |t: &str, (s, e): (usize, usize)| t.get(s..e).unwrap_or("").to_string();
    Difference {
        kind: f.kind,
        here: slice(claim_text, f.here),
        there: slice(there_text, f.there),
        here_span: f.here,
        there_segment,
        there_span: f.there,
    }
}

/// The differences an item reports if it differs (and whether it may differ at all): those
/// found (`found_differences`), but for a number difference on a figure the other article
/// writes the same way elsewhere (`Item::restated`).
///
/// Why after the decision's fitting, not before it: read when deciding only, the rule raised
/// the LOCO mean macro-F1 with the encoder from 0.7895 to 0.7940 (5 seeds; differs F1 0.654 to
/// 0.665, lowest cluster 0.615 to 0.632). Applied to the fitting rows as well, it moved the
/// fitted decision elsewhere and lowered the mean (0.7875).
pub fn reported_differences(item: &Item) -> Vec<Found> {
    let mut out = found_differences(item);
    out.retain(|d| d.kind != crate::model::DiffKind::Number || !item.restated.contains(&d.here));
    out
}

/// Every difference found for an item: those with its evidence, then the figure of one slot
/// elsewhere in the article that conflicts with the claim's. The decision is fitted on these
/// (`learn::data`).
pub fn found_differences(item: &Item) -> Vec<Found> {
    let mut out = item.diffs.clone();
    if let Some(p) = &item.figure_conflict {
        let here_taken = out
            .iter()
            .any(|d| d.kind == crate::model::DiffKind::Number && d.here == p.here);
        if !here_taken {
            out.push(Found {
                kind: crate::model::DiffKind::Number,
                here: p.here,
                there_unit: p.there_unit,
                there: p.there,
            });
        }
    }
    out
}

/// Claims each thread computes per block of `Ground::each_claim_then`: a claim's items take
/// from well under a millisecond (5 articles) to tens of milliseconds (500), and a block's
/// items are all in memory at once.
const CLAIMS_PER_THREAD: usize = 16;

/// Verdicts decided between two progress reports: deciding one takes microseconds.
const REPORT_EVERY: usize = 1024;

/// What writing a verdict reads besides its item.
struct Parts<'a> {
    sources: &'a [Source],
    segments: &'a [Segment],
    al: &'a Aligner,
}

impl Parts<'_> {
    /// Decides one item with `model`: its verdict, or `None` for `omits`, which the database
    /// leaves implicit. `decisions` receives what decided it, when given.
    fn verdict(
        &self,
        claim: u32,
        other: usize,
        item: &Item,
        model: &ClusterModel,
        decisions: Option<&mut Vec<Decision>>,
    ) -> Option<Verdict> {
        let diffs = reported_differences(item);
        let has_difference = !diffs.is_empty();
        let mut d = model.decide(&item.features, has_difference);
        let label = d.label;
        let score = ClusterModel::score(&d);
        if let Some(out) = decisions {
            model.explain(&item.features, &mut d, has_difference);
            out.push(d);
        }
        let claim_keys = self.al.union(&[claim]);
        self.write(claim, &claim_keys, other, item, &diffs, label, score)
    }

    /// The verdict of an item decided `label` with confidence `score`, `diffs` being its
    /// `reported_differences` and `claim_keys` `al.union(&[claim])`; `None` for `omits`.
    #[allow(clippy::too_many_arguments)]
    fn write(
        &self,
        claim: u32,
        claim_keys: &crate::align::KeyUnion,
        other: usize,
        item: &Item,
        diffs: &[Found],
        label: Label,
        score: f32,
    ) -> Option<Verdict> {
        if label == Label::Omits {
            return None;
        }
        let seg = &self.segments[claim as usize];
        let mut evidence = item.evidence.clone();
        let mut add = |u: u32| {
            if !evidence.contains(&u) {
                evidence.push(u);
            }
        };
        item.semantic_best.into_iter().for_each(&mut add);
        item.also.iter().copied().for_each(&mut add);
        let differences: Vec<Difference> = if label == Label::Differs {
            diffs
                .iter()
                .map(|d| {
                    add(d.there_unit);
                    to_difference(
                        d,
                        &seg.text,
                        &self.segments[d.there_unit as usize].text,
                        d.there_unit,
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        // A loop over the units rather than a flat_map: this runs for every verdict written,
        // and the nested iterator cost more than the search it wraps.
        let mut shared = Vec::new();
        for &u in &evidence {
            shared.extend(
                verdict::shared_terms(self.al, claim_keys, u).map(|t| SharedSpan {
                    segment: u,
                    start: t.start,
                    end: t.end,
                }),
            );
        }
        Some(Verdict {
            segment: seg.id,
            other: self.sources[other].id.clone(),
            label,
            score,
            evidence,
            differences,
            shared,
        })
    }
}

/// Decides every prepared item with `model` and writes the database (omissions implicit);
/// `decisions` receives what decided each item, in the items' order, when given.
pub fn assemble(
    p: &Prepared,
    model: &ClusterModel,
    decisions: Option<&mut Vec<Decision>>,
    progress: Option<Progress>,
) -> Database {
    let mut db = collector();
    // A `Database` sink never fails.
    let _ = assemble_into(p, model, decisions, progress, &mut db);
    db
}

/// `assemble` into `sink`, each verdict handed over as it is decided; stops at the sink's
/// first error.
pub fn assemble_into(
    p: &Prepared,
    model: &ClusterModel,
    mut decisions: Option<&mut Vec<Decision>>,
    progress: Option<Progress>,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    let parts = Parts {
        sources: &p.sources,
        segments: &p.segments,
        al: &p.al,
    };
    sink.head(&head(&p.sources, &p.segments))?;
    let total = p.items.len();
    tell(progress, Stage::Decide, 0, total);
    for (n, (claim, other, item)) in p.items.iter().enumerate() {
        if n % REPORT_EVERY == 0 && n > 0 {
            tell(progress, Stage::Decide, n, total);
        }
        if let Some(v) = parts.verdict(*claim, *other, item, model, decisions.as_deref_mut()) {
            sink.verdict(v)?;
        }
    }
    tell(progress, Stage::Decide, total, total);
    Ok(())
}
