//! The whole build: articles in, claim database out.
//!
//! Stages: segment each article; analyse each segment against the article's date (published,
//! else a date stated in its text); learn the cluster's aliases; index every claim and headline
//! segment's terms (`align`); then for every claim segment and every other article retrieve and
//! score candidates, detect differences and decide (`verdict`). `judge_pair` runs the same
//! stages on one claim against one document.

use chrono::NaiveDate;

use crate::align::{Aligner, Unit, Weighting};
use crate::analyze::{self, Aliases, Analysis};
use crate::encoder::Encoder;
use crate::io::Article;
use crate::model::{Database, Difference, Label, Segment, SharedSpan, Source, Verdict, DB_VERSION};
use crate::segment;
use crate::verdict::{self, Found, Side};

/// Why a cluster could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// The date relative dates resolve against: the published date, else one stated in the text.
fn anchor_date(a: &Article) -> Option<NaiveDate> {
    a.meta
        .published
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .or_else(|| segment::text_date(&a.text))
}

fn analyse(text: &str, anchor: Option<NaiveDate>) -> Analysis {
    analyze::analyze(text, anchor)
}

fn to_difference(f: &Found, claim_text: &str, there_text: &str, there_segment: u32) -> Difference {
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

/// Builds the claim database for one cluster.
pub fn build(articles: &[Article]) -> Result<Database, BuildError> {
    build_with(articles, &BuildOptions::default()).map(|(db, _)| db)
}

/// How a build runs beyond its articles.
#[derive(Default, Clone, Copy)]
pub struct BuildOptions<'a> {
    /// The sentence encoder, when its model folder was found: semantic similarity joins the
    /// decision (a model fitted with its features decides).
    pub encoder: Option<&'a Encoder>,
    /// Keep what each verdict was decided on (`Trace`), for measuring and fitting.
    pub trace: bool,
}

/// What one verdict was decided on, for measuring and tuning the decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub features: verdict::Features,
    /// The cluster decision's features (`cluster::NAMES`).
    pub item: [f32; crate::cluster::N],
    /// The best-aligned units, kept even when the verdict is `omits`.
    pub candidates: Vec<u32>,
    /// The likeliest conflicting figure pair (`cluster::Item::figure_conflict`).
    pub figure_conflict: Option<verdict::FigurePair>,
    /// Every conflicting figure pair with its slot features (`cluster::SLOT_NAMES`).
    pub slots: Vec<crate::cluster::SlotRow>,
}

/// `build`, also returning what each verdict was decided on (same order as
/// `Database::verdicts`), for measuring and tuning.
pub fn build_traced(articles: &[Article]) -> Result<(Database, Vec<Trace>), BuildError> {
    build_with(
        articles,
        &BuildOptions {
            trace: true,
            ..Default::default()
        },
    )
}

/// The build; traces are kept only when asked for (at 500 articles they would hold 10M entries).
pub fn build_with(
    articles: &[Article],
    opts: &BuildOptions,
) -> Result<(Database, Vec<Trace>), BuildError> {
    // Limits first: an oversized or malformed cluster gets a clear error, never a slow crawl.
    crate::limits::check(articles).map_err(|e| BuildError(e.to_string()))?;
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
        for raw in segment::segment(&a.text) {
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
    let analyses: Vec<Analysis> = segments
        .iter()
        .zip(&seg_article)
        .map(|(s, &ai)| analyse(&s.text, anchors[ai]))
        .collect();
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let aliases = Aliases::learn(&texts);
    let units: Vec<Unit> = segments
        .iter()
        .zip(&analyses)
        .zip(&seg_article)
        .map(|((s, a), &ai)| Unit {
            article: ai,
            text: &s.text,
            analysis: a,
            eligible: s.kind.gets_verdicts(),
            headline: s.kind == crate::model::SegmentKind::Headline,
        })
        .collect();
    let al = Aligner::new(&units, &aliases, Weighting::Idf);
    let eligible: Vec<bool> = segments.iter().map(|s| s.kind.gets_verdicts()).collect();
    let semantic = opts.encoder.map(|e| {
        let seg_texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        crate::cluster::Semantic::encode(e, &seg_texts, &eligible)
    });
    let mut by_article: Vec<Vec<u32>> = vec![Vec::new(); articles.len()];
    for (i, s) in segments.iter().enumerate() {
        if s.kind.gets_verdicts() {
            by_article[seg_article[i]].push(i as u32);
        }
    }

    // Every claim's best match in every article, computed once: a match that is best in both
    // directions (mutual) is strong evidence that the two sentences report the same thing.
    let all_best: Vec<Vec<Option<crate::align::Match>>> = (0..segments.len())
        .map(|ci| {
            if eligible[ci] {
                al.best_per_article(ci as u32)
            } else {
                Vec::new()
            }
        })
        .collect();
    let ctx = crate::cluster::Context {
        al: &al,
        segments: &segments,
        analyses: &analyses,
        seg_article: &seg_article,
        all_best: &all_best,
        by_article: &by_article,
        semantic: semantic.as_ref(),
    };
    let mut verdicts = Vec::new();
    let mut traces = Vec::new();
    for (ci, seg) in segments.iter().enumerate() {
        if !seg.kind.gets_verdicts() {
            continue;
        }
        let claim = ci as u32;
        for (ai, other) in articles.iter().enumerate() {
            if ai == seg_article[ci] {
                continue;
            }
            let item = ctx.item(claim, ai);
            let (label, score) = crate::cluster::decide_legacy(&item);
            if opts.trace {
                traces.push(Trace {
                    features: item.legacy.0,
                    item: item.features,
                    candidates: item.evidence.clone(),
                    figure_conflict: item.figure_conflict.clone(),
                    slots: item.slots.clone(),
                });
            }
            let (evidence, differences, shared) = if label == Label::Omits {
                (Vec::new(), Vec::new(), Vec::new())
            } else {
                let mut evidence = item.evidence;
                for u in item.also {
                    if !evidence.contains(&u) {
                        evidence.push(u);
                    }
                }
                let differences = if label == Label::Differs {
                    item.diffs
                        .iter()
                        .map(|d| {
                            to_difference(
                                d,
                                &seg.text,
                                &segments[d.there_unit as usize].text,
                                d.there_unit,
                            )
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let shared = evidence
                    .iter()
                    .flat_map(|&u| {
                        verdict::shared_terms(&al, claim, u).map(move |t| SharedSpan {
                            segment: u,
                            start: t.start,
                            end: t.end,
                        })
                    })
                    .collect();
                (evidence, differences, shared)
            };
            verdicts.push(Verdict {
                segment: seg.id,
                other: other.id.clone(),
                label,
                score,
                evidence,
                differences,
                shared,
            });
        }
    }
    Ok((
        Database {
            version: DB_VERSION,
            sources,
            segments,
            verdicts,
        },
        traces,
    ))
}

/// The engine applied to one claim against one document (the `crosscheck verdict` command).
#[derive(Debug, Clone, PartialEq)]
pub struct PairVerdict {
    pub label: Label,
    pub score: f32,
    /// The document's sentences that carry the claim.
    pub evidence: Vec<String>,
    /// `there_segment` indexes the document's segments in order.
    pub differences: Vec<crate::model::Difference>,
}

/// Everything the pair judge computes, for benchmarking and fitting the pair model.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAnalysis {
    pub verdict: PairVerdict,
    pub features: verdict::Features,
    /// The pair-only surface features (`pair_features::NAMES`).
    pub extra: [f32; crate::pair_features::N],
    /// The sentence encoder's features (`encoder::NAMES`), when one was given.
    pub encoded: Option<[f32; crate::encoder::N]>,
}

/// Judges `claim` against `document`; `date` is the document's date, for relative dates.
pub fn judge_pair(claim: &str, document: &str, date: Option<NaiveDate>) -> PairVerdict {
    analyse_pair(claim, document, date, None).verdict
}

/// `judge_pair` with the features it decided on, and with a sentence encoder if one is given
/// (the pair model fitted with its features then decides).
pub fn analyse_pair(
    claim: &str,
    document: &str,
    date: Option<NaiveDate>,
    encoder: Option<&Encoder>,
) -> PairAnalysis {
    let empty = || PairAnalysis {
        verdict: PairVerdict {
            label: Label::Omits,
            score: 1.0,
            evidence: vec![],
            differences: vec![],
        },
        features: verdict::Features::default(),
        extra: [0.0; crate::pair_features::N],
        encoded: None,
    };
    let claim = claim.trim();
    if claim.is_empty() {
        return empty();
    }
    // The claim is one unit however many sentences it has; the document is segmented.
    let doc_segs: Vec<(usize, usize)> = segment::segment(document)
        .into_iter()
        .filter(|r| r.kind.gets_verdicts() && document.get(r.start..r.end).is_some())
        .map(|r| (r.start, r.end))
        .collect();
    let doc_texts: Vec<&str> = doc_segs
        .iter()
        .filter_map(|&(s, e)| document.get(s..e))
        .collect();
    if doc_texts.is_empty() {
        return empty();
    }
    let mut analyses = vec![analyse(claim, date)];
    analyses.extend(doc_texts.iter().map(|t| analyse(t, date)));
    let aliases = Aliases::learn(&[claim, document]);
    let mut units = vec![Unit {
        article: 0,
        text: claim,
        analysis: &analyses[0],
        eligible: true,
        headline: false,
    }];
    for (i, t) in doc_texts.iter().enumerate() {
        units.push(Unit {
            article: 1,
            text: t,
            analysis: &analyses[i + 1],
            eligible: true,
            headline: false,
        });
    }
    let al = Aligner::new(&units, &aliases, Weighting::Static);
    let best = al.best_per_article(0);
    let evidence: Vec<u32> = best
        .get(1)
        .cloned()
        .flatten()
        .map(|m| m.units)
        .unwrap_or_default();
    let doc: Vec<u32> = (1..units.len() as u32).collect();
    let claim_side = Side {
        unit: 0,
        text: claim,
        analysis: &analyses[0],
    };
    let side = |u: u32| Side {
        unit: u,
        text: doc_texts[u as usize - 1],
        analysis: &analyses[u as usize],
    };
    let sides: Vec<Side> = evidence.iter().map(|&u| side(u)).collect();
    let coverage = best.get(1).cloned().flatten().map_or(0.0, |m| m.coverage);
    let mut diffs = if sides.is_empty() {
        Vec::new()
    } else {
        verdict::differences(&claim_side, &sides, coverage)
    };
    if let Some(m) = best
        .get(1)
        .and_then(Option::as_ref)
        .filter(|_| !diffs.is_empty())
    {
        let also: Vec<Side> = verdict::further_evidence(m).map(side).collect();
        verdict::drop_figures_stated_elsewhere(&claim_side, &also, &mut diffs);
    }
    let features = verdict::features(&al, 0, &evidence, &doc, &diffs, &claim_side, &sides);
    let extra = crate::pair_features::extract(claim, document);
    let encoded = encoder.map(|e| {
        // The encoder reads MAX_TOKENS tokens: a longer document (an article, not a benchmark
        // premise) would be judged by its opening alone, so it is represented by the sentences
        // the aligner chose as evidence, in text order.
        if e.fits(document) || evidence.is_empty() {
            e.pair_features(claim, document)
        } else {
            let mut units = evidence.clone();
            units.sort_unstable();
            let window: Vec<&str> = units.iter().map(|&u| doc_texts[u as usize - 1]).collect();
            e.pair_features(claim, &window.join(" "))
        }
    });
    let (label, score) = verdict::decide_pair(&features, &extra, encoded.as_ref().map(|e| &e[..]));
    let differences = if label == Label::Differs {
        diffs
            .iter()
            .map(|d| {
                let idx = d.there_unit as usize - 1;
                to_difference(d, claim, doc_texts[idx], idx as u32)
            })
            .collect()
    } else {
        Vec::new()
    };
    PairAnalysis {
        verdict: PairVerdict {
            label,
            score,
            evidence: if label == Label::Omits {
                Vec::new()
            } else {
                evidence
                    .iter()
                    .map(|&u| doc_texts[u as usize - 1].to_string())
                    .collect()
            },
            differences,
        },
        features,
        extra,
        encoded,
    }
}
