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
use crate::cluster::build::{to_difference, Sink};
use crate::encoder::Encoder;
use crate::io::Article;
use crate::model::{Database, DbWriter, Format, Label};
use crate::segment;
use crate::verdict::{self, Side};

/// Why a cluster could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

fn analyse(text: &str, anchor: Option<NaiveDate>) -> Analysis {
    analyze::analyze(text, anchor)
}

/// Builds the claim database for one cluster, without the sentence encoder.
pub fn build(articles: &[Article]) -> Result<Database, BuildError> {
    build_with(articles, &BuildOptions::default()).map(|(db, _)| db)
}

/// How a build runs beyond its articles.
#[derive(Default, Clone, Copy)]
pub struct BuildOptions<'a> {
    /// The sentence encoder, when its model folder was found: semantic similarity joins the
    /// decision (the model fitted with its features decides).
    pub encoder: Option<&'a Encoder>,
    /// Keep what each verdict was decided on (`Trace`), for measuring and fitting.
    pub trace: bool,
    /// Told how far the build has got, stage by stage (`crosscheck build` draws it on a
    /// terminal).
    pub progress: Option<crate::progress::Progress<'a>>,
}

/// What one (claim, other article) item was decided on, for measuring and tuning the
/// decision. There is one per item, omissions included, although the database leaves those
/// implicit.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The claim's segment id and the other source's id: the item's verdict, if the database
    /// stores one, is the one on this pair.
    pub segment: u32,
    pub other: String,
    /// The cluster decision's features (`cluster::NAMES`).
    pub features: [f32; crate::cluster::N],
    /// The probabilities and the features that moved them most.
    pub decision: crate::cluster::model::Decision,
    /// The best-aligned units, kept even when the verdict is `omits`.
    pub candidates: Vec<u32>,
    /// The likeliest conflicting figure pair (`cluster::Item::figure_conflict`).
    pub figure_conflict: Option<verdict::FigurePair>,
    /// The differences found with the evidence (reported only if the verdict is `differs`, and
    /// then without a number difference on a figure the other article restates:
    /// `cluster::build::reported_differences`).
    pub differences: Vec<verdict::Found>,
}

/// `build`, also returning what each (claim, other article) item was decided on, claim by
/// claim in database order, for measuring and tuning.
pub fn build_traced(articles: &[Article]) -> Result<(Database, Vec<Trace>), BuildError> {
    build_with(
        articles,
        &BuildOptions {
            trace: true,
            ..Default::default()
        },
    )
}

/// The build; traces are kept only when asked for (at 500 articles they would hold 4.5M
/// entries, and every item would stay in memory until all are decided).
pub fn build_with(
    articles: &[Article],
    opts: &BuildOptions,
) -> Result<(Database, Vec<Trace>), BuildError> {
    // Kept verdicts are streamed without the encoder only. With it, each item's token
    // products allocate packing buffers of a hundred KiB or so, and glibc's heap, freeing
    // them between the small verdicts a streamed build keeps, fragmented to over three times
    // its live size (200 articles: max RSS 784 MiB prepared, 2.7 GiB streamed). `build_into`
    // keeps none, and streams either way. Both ways decide the same verdicts.
    if !opts.trace && opts.encoder.is_none() {
        let mut db = crate::cluster::build::collector();
        return match build_into(articles, opts, &mut db) {
            Ok(()) => Ok((db, Vec::new())),
            Err(StreamError::Build(e)) => Err(e),
            // A `Database` sink never fails.
            Err(StreamError::Write(e)) => Err(BuildError(e.to_string())),
        };
    }
    // Limits first: an oversized or malformed cluster gets a clear error, never a slow crawl.
    crate::limits::check(articles).map_err(|e| BuildError(e.to_string()))?;
    let prepared = crate::cluster::build::prepare(articles, opts.encoder, opts.progress);
    let model = crate::cluster::model::shipped(prepared.encoded);
    if !opts.trace {
        return Ok((
            crate::cluster::build::assemble(&prepared, model, None, opts.progress),
            Vec::new(),
        ));
    }
    let mut decisions = Vec::new();
    let db = crate::cluster::build::assemble(&prepared, model, Some(&mut decisions), opts.progress);
    let traces = prepared
        .items
        .iter()
        .zip(decisions)
        .map(|((claim, other, item), decision)| Trace {
            segment: prepared.segments[*claim as usize].id,
            other: prepared.sources[*other].id.clone(),
            features: item.features,
            decision,
            candidates: item.evidence.clone(),
            figure_conflict: item.figure_conflict.clone(),
            differences: item.diffs.clone(),
        })
        .collect();
    Ok((db, traces))
}

/// The engine applied to one claim against one document (the `crosscheck verdict` command).
/// Why a build into a `Sink` stopped.
#[derive(Debug)]
pub enum StreamError {
    /// The cluster could not be built; the sink was given nothing.
    Build(BuildError),
    /// The sink failed (a full disk, a closed pipe) part-way.
    Write(std::io::Error),
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StreamError::Build(e) => e.fmt(f),
            StreamError::Write(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for StreamError {}

/// The build, each verdict handed to `sink` as soon as it is decided, after the database's
/// version, sources and segments: nothing keeps every verdict, so a `WriteSink` writes a
/// 500-article cluster without holding its millions of verdicts. The sink receives exactly
/// what `build_with` returns. `opts.trace` is not read: traces need every item kept
/// (`build_with`). With the encoder, a sink that keeps every verdict fragments the heap (see
/// `build_with`); one that writes them out, like `WriteSink`, is the lightest build there is
/// (200 articles: max RSS 311 MiB streamed, 636 MiB prepared).
pub fn build_into(
    articles: &[Article],
    opts: &BuildOptions,
    sink: &mut dyn Sink,
) -> Result<(), StreamError> {
    // Limits first: an oversized or malformed cluster gets a clear error, never a slow crawl.
    crate::limits::check(articles).map_err(|e| StreamError::Build(BuildError(e.to_string())))?;
    crate::cluster::build::build_streaming(articles, opts.encoder, opts.progress, sink)
        .map_err(StreamError::Write)
}

/// A `Sink` that writes the database to `out` in `format` as it is built (what
/// `crosscheck build` writes): the same bytes as `Database::to_json` or `to_bin` of the
/// database `build_with` returns.
pub struct WriteSink<W: std::io::Write> {
    format: Format,
    state: WriteState<W>,
}

enum WriteState<W: std::io::Write> {
    /// Before the head: the writer waits for it.
    Waiting(W),
    Writing(DbWriter<W>),
    /// After a failed start.
    Failed,
}

impl<W: std::io::Write> WriteSink<W> {
    pub fn new(format: Format, out: W) -> WriteSink<W> {
        WriteSink {
            format,
            state: WriteState::Waiting(out),
        }
    }

    /// Closes the database and hands back the writer (not flushed). Fails if no database was
    /// started.
    pub fn finish(self) -> std::io::Result<W> {
        match self.state {
            WriteState::Writing(w) => w.finish(),
            _ => Err(std::io::Error::other("no database was built")),
        }
    }
}

impl<W: std::io::Write> Sink for WriteSink<W> {
    fn head(&mut self, head: &Database) -> std::io::Result<()> {
        self.state = match std::mem::replace(&mut self.state, WriteState::Failed) {
            WriteState::Waiting(out) => WriteState::Writing(DbWriter::new(self.format, head, out)?),
            _ => return Err(std::io::Error::other("a database is started only once")),
        };
        Ok(())
    }

    fn verdict(&mut self, v: crate::model::Verdict) -> std::io::Result<()> {
        match &mut self.state {
            WriteState::Writing(w) => w.push(&v),
            _ => Err(std::io::Error::other(
                "a verdict before the database's head",
            )),
        }
    }
}

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
        let also: Vec<Side> = verdict::further_evidence(&m.also).map(side).collect();
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
