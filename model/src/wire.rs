//! The binary form's body: the same database with nothing stored twice. A segment's text is
//! its article's text between its offsets, a difference's `here` and `there` are its spans of
//! the two segments, and sources are named by their position instead of their id. Decoding
//! rebuilds every copied field from those, so the binary and the JSON export hold the same
//! database; the widget's embedded copy and a deployed `.bin` are about half the size layout 1
//! was.
//! Shared-word spans, the most numerous entries, are written per run of one evidence segment
//! as (gap from the previous span's end, length) pairs: small numbers, one byte each.

use serde::{Deserialize, Serialize};

use crate::{
    Database, DbError, DiffKind, Difference, Label, Segment, SegmentKind, SharedSpan, Source,
    Verdict,
};

#[derive(Deserialize)]
pub(crate) struct Body {
    version: u32,
    sources: Vec<Source>,
    segments: Vec<WireSegment>,
    verdicts: Vec<WireVerdict>,
}

#[derive(Serialize, Deserialize)]
struct WireSegment {
    id: u32,
    /// Position in `sources`.
    source: u32,
    start: usize,
    end: usize,
    kind: SegmentKind,
    paragraph: u32,
}

#[derive(Serialize, Deserialize)]
struct WireVerdict {
    segment: u32,
    /// Position in `sources`.
    other: u32,
    label: Label,
    score: f32,
    evidence: Vec<u32>,
    differences: Vec<WireDifference>,
    shared: Vec<SharedRun>,
}

/// Consecutive shared spans in one segment, in their original order.
#[derive(Serialize, Deserialize)]
struct SharedRun {
    segment: u32,
    /// (start minus the previous span's end, or minus 0 for the first; length).
    spans: Vec<(i64, u64)>,
}

/// `None` for a span that ends before it starts, which `validate` refuses and a length
/// cannot say.
fn runs(shared: &[SharedSpan]) -> Option<Vec<SharedRun>> {
    let mut out: Vec<SharedRun> = Vec::new();
    let mut prev_end = 0i64;
    for s in shared {
        if out.last().is_none_or(|r| r.segment != s.segment) {
            out.push(SharedRun {
                segment: s.segment,
                spans: Vec::new(),
            });
            prev_end = 0;
        }
        let (start, end) = (i64::try_from(s.start).ok()?, i64::try_from(s.end).ok()?);
        let len = u64::try_from(end - start).ok()?;
        out.last_mut()?.spans.push((start - prev_end, len));
        prev_end = end;
    }
    Some(out)
}

fn spans(runs: Vec<SharedRun>) -> Result<Vec<SharedSpan>, DbError> {
    let mut out = Vec::new();
    for run in runs {
        let mut prev_end = 0i64;
        for (gap, len) in run.spans {
            let start = prev_end
                .checked_add(gap)
                .and_then(|s| usize::try_from(s).ok())
                .ok_or_else(|| corrupt("a shared span before its segment"))?;
            let end = usize::try_from(len)
                .ok()
                .and_then(|l| start.checked_add(l))
                .ok_or_else(|| corrupt("a shared span past any text"))?;
            out.push(SharedSpan {
                segment: run.segment,
                start,
                end,
            });
            prev_end = i64::try_from(end).map_err(|_| corrupt("a shared span past any text"))?;
        }
    }
    Ok(out)
}

#[derive(Serialize, Deserialize)]
struct WireDifference {
    kind: DiffKind,
    here_span: (usize, usize),
    there_segment: u32,
    there_span: (usize, usize),
}

/// `db`'s segments with their sources named by position.
fn wire_segments(
    db: &Database,
    position: impl Fn(&str) -> Option<u32>,
) -> Option<Vec<WireSegment>> {
    db.segments
        .iter()
        .map(|s| {
            Some(WireSegment {
                id: s.id,
                source: position(&s.source)?,
                start: s.start,
                end: s.end,
                kind: s.kind,
                paragraph: s.paragraph,
            })
        })
        .collect()
}

/// One verdict as the body stores it; `None` when it names an unknown source or holds a
/// shared span that ends before it starts.
fn wire_verdict(v: &Verdict, position: impl Fn(&str) -> Option<u32>) -> Option<WireVerdict> {
    Some(WireVerdict {
        segment: v.segment,
        other: position(&v.other)?,
        label: v.label,
        score: v.score,
        evidence: v.evidence.clone(),
        differences: v
            .differences
            .iter()
            .map(|d| WireDifference {
                kind: d.kind,
                here_span: d.here_span,
                there_segment: d.there_segment,
                there_span: d.there_span,
            })
            .collect(),
        shared: runs(&v.shared)?,
    })
}

/// The body's fields before its verdicts, borrowed: postcard writes a struct as its fields in
/// order and a list as its length then its entries, so these bytes, the verdicts' count and
/// the verdicts one after another are the body's bytes (`stream::DbWriter`).
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    sources: &'a [Source],
    segments: Vec<WireSegment>,
}

/// The encoded body of `db` up to its verdicts' count; `None` when a segment names a source
/// `db` does not have.
pub(crate) fn head_bytes(db: &Database) -> Option<Vec<u8>> {
    let by_id: std::collections::HashMap<&str, u32> = db
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.id.as_str(), u32::try_from(i).ok()?)))
        .collect();
    let head = Head {
        version: db.version,
        sources: &db.sources,
        segments: wire_segments(db, |id| by_id.get(id).copied())?,
    };
    postcard::to_allocvec(&head).ok()
}

/// Appends the encoding of verdict `v` to `out`; `None` (and nothing appended) as
/// `wire_verdict`.
pub(crate) fn push_verdict(
    v: &Verdict,
    position: impl Fn(&str) -> Option<u32>,
    out: &mut Vec<u8>,
) -> Option<()> {
    let w = wire_verdict(v, position)?;
    let bytes = postcard::to_allocvec(&w).ok()?;
    out.extend_from_slice(&bytes);
    Some(())
}

/// How many times its binary size a body may rebuild to (texts copied out of the articles).
/// The seeds rebuild to about twice theirs, a generated 200-article cluster to about 2.5 times.
pub(crate) const REBUILD_FACTOR: usize = 16;

fn corrupt(what: &str) -> DbError {
    DbError::Corrupt(what.to_string())
}

impl Body {
    pub(crate) fn version(&self) -> u32 {
        self.version
    }

    /// The database, with every copied field rebuilt; out-of-range offsets are `Corrupt`, and
    /// so is rebuilding more than `budget` bytes of text.
    pub(crate) fn into_db(self, budget: usize) -> Result<Database, DbError> {
        let left = std::cell::Cell::new(budget);
        let spend = |n: usize| {
            left.set(
                left.get()
                    .checked_sub(n)
                    .ok_or_else(|| corrupt("its texts rebuild to far more than the file holds"))?,
            );
            Ok::<(), DbError>(())
        };
        let Body {
            version,
            sources,
            segments,
            verdicts,
        } = self;
        let source = |i: u32| {
            sources
                .get(i as usize)
                .ok_or_else(|| corrupt("a reference to a source that is not there"))
        };
        let segments = segments
            .into_iter()
            .map(|s| {
                let src = source(s.source)?;
                let text = src
                    .text
                    .get(s.start..s.end)
                    .ok_or_else(|| corrupt("a segment outside its article's text"))?;
                spend(text.len())?;
                Ok(Segment {
                    id: s.id,
                    source: src.id.clone(),
                    text: text.to_string(),
                    start: s.start,
                    end: s.end,
                    kind: s.kind,
                    paragraph: s.paragraph,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        let text_of: std::collections::HashMap<u32, &str> =
            segments.iter().map(|s| (s.id, s.text.as_str())).collect();
        let slice = |seg: u32, (start, end): (usize, usize)| {
            let text = text_of
                .get(&seg)
                .and_then(|t| t.get(start..end))
                .ok_or_else(|| corrupt("a difference outside its segments"))?;
            spend(text.len())?;
            Ok::<String, DbError>(text.to_string())
        };
        let verdicts = verdicts
            .into_iter()
            .map(|v| {
                let differences = v
                    .differences
                    .into_iter()
                    .map(|d| {
                        Ok(Difference {
                            kind: d.kind,
                            here: slice(v.segment, d.here_span)?,
                            there: slice(d.there_segment, d.there_span)?,
                            here_span: d.here_span,
                            there_segment: d.there_segment,
                            there_span: d.there_span,
                        })
                    })
                    .collect::<Result<Vec<_>, DbError>>()?;
                Ok(Verdict {
                    segment: v.segment,
                    other: source(v.other)?.id.clone(),
                    label: v.label,
                    score: v.score,
                    evidence: v.evidence,
                    differences,
                    shared: spans(v.shared)?,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        Ok(Database {
            version,
            sources,
            segments,
            verdicts,
        })
    }
}
