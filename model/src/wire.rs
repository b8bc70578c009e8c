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

#[derive(Serialize, Deserialize)]
pub(crate) struct WireSegment {
    id: u32,
    /// Position in `sources`.
    source: u32,
    start: usize,
    end: usize,
    kind: SegmentKind,
    paragraph: u32,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct WireVerdict {
    pub(crate) segment: u32,
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
    span_iter(&runs).collect()
}

/// The shared spans `runs` rebuild to, in order; `Corrupt` for one before or past any text.
fn span_iter(runs: &[SharedRun]) -> impl Iterator<Item = Result<SharedSpan, DbError>> + '_ {
    runs.iter().flat_map(|run| {
        let mut prev_end = 0i64;
        run.spans.iter().map(move |&(gap, len)| {
            let start = prev_end
                .checked_add(gap)
                .and_then(|s| usize::try_from(s).ok())
                .ok_or_else(|| corrupt("a shared span before its segment"))?;
            let end = usize::try_from(len)
                .ok()
                .and_then(|l| start.checked_add(l))
                .ok_or_else(|| corrupt("a shared span past any text"))?;
            prev_end = i64::try_from(end).map_err(|_| corrupt("a shared span past any text"))?;
            Ok(SharedSpan {
                segment: run.segment,
                start,
                end,
            })
        })
    })
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
    // Encoded straight onto `out` (the writer's chunk, reserved ahead): encoding into a vector
    // of its own grew it from empty, a few reallocations and a copy for every verdict.
    let before = out.len();
    if postcard::to_extend(&w, Append(out)).is_err() {
        out.truncate(before);
        return None;
    }
    Some(())
}

/// The end of a byte vector as the `Extend` that `postcard::to_extend` writes to.
struct Append<'a>(&'a mut Vec<u8>);

impl Extend<u8> for Append<'_> {
    fn extend<I: IntoIterator<Item = u8>>(&mut self, bytes: I) {
        self.0.extend(bytes);
    }
}

/// How many times its binary size a body may rebuild to (texts copied out of the articles).
/// The seeds rebuild to about twice theirs, a generated 200-article cluster to about 2.5 times.
pub(crate) const REBUILD_FACTOR: usize = 16;

fn corrupt(what: &str) -> DbError {
    DbError::Corrupt(what.to_string())
}

/// Bytes of text a decoding may still rebuild.
#[derive(Debug)]
pub(crate) struct Budget(std::cell::Cell<usize>);

impl Budget {
    pub(crate) fn new(bytes: usize) -> Budget {
        Budget(std::cell::Cell::new(bytes))
    }

    fn spend(&self, n: usize) -> Result<(), DbError> {
        self.0.set(
            self.0
                .get()
                .checked_sub(n)
                .ok_or_else(|| corrupt("its texts rebuild to far more than the file holds"))?,
        );
        Ok(())
    }
}

/// The body's fields before its verdicts, owned: what the lazy reader decodes first.
#[derive(Deserialize)]
pub(crate) struct HeadBody {
    pub(crate) version: u32,
    pub(crate) sources: Vec<Source>,
    pub(crate) segments: Vec<WireSegment>,
}

/// The database without verdicts that `sources` and `segments` rebuild to.
pub(crate) fn head_db(
    version: u32,
    sources: Vec<Source>,
    segments: Vec<WireSegment>,
    budget: &Budget,
) -> Result<Database, DbError> {
    let segments = segments
        .into_iter()
        .map(|s| {
            let src = sources
                .get(s.source as usize)
                .ok_or_else(|| corrupt("a reference to a source that is not there"))?;
            let text = src
                .text
                .get(s.start..s.end)
                .ok_or_else(|| corrupt("a segment outside its article's text"))?;
            budget.spend(text.len())?;
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
    Ok(Database {
        version,
        sources,
        segments,
        verdicts: Vec::new(),
    })
}

/// Verdict `v` with its copied fields rebuilt: its source's id from `sources`, its
/// differences' texts from `text` (a segment's text by id).
pub(crate) fn rebuild<'t>(
    v: WireVerdict,
    sources: &[Source],
    text: impl Fn(u32) -> Option<&'t str>,
    budget: &Budget,
) -> Result<Verdict, DbError> {
    let slice = |seg: u32, (start, end): (usize, usize)| {
        let t = text(seg)
            .and_then(|t| t.get(start..end))
            .ok_or_else(|| corrupt("a difference outside its segments"))?;
        budget.spend(t.len())?;
        Ok::<String, DbError>(t.to_string())
    };
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
        other: sources
            .get(v.other as usize)
            .ok_or_else(|| corrupt("a reference to a source that is not there"))?
            .id
            .clone(),
        label: v.label,
        score: v.score,
        evidence: v.evidence,
        differences,
        shared: spans(v.shared)?,
    })
}

/// Checks wire verdict `v` as decoding and `Database::validate` would check the verdict it
/// rebuilds to, without rebuilding it (no text is copied): `text` gives a segment's text by
/// id, and `n_sources` is how many sources there are. Spends what its differences would
/// rebuild.
pub(crate) fn check<'t>(
    v: &WireVerdict,
    n_sources: usize,
    text: impl Fn(u32) -> Option<&'t str>,
    budget: &Budget,
) -> Result<(), DbError> {
    for d in &v.differences {
        for (seg, (start, end)) in [(v.segment, d.here_span), (d.there_segment, d.there_span)] {
            let t = text(seg)
                .and_then(|t| t.get(start..end))
                .ok_or_else(|| corrupt("a difference outside its segments"))?;
            budget.spend(t.len())?;
        }
    }
    if v.other as usize >= n_sources {
        return Err(corrupt("a reference to a source that is not there"));
    }
    let mut shared_ok = true;
    for s in span_iter(&v.shared) {
        let s = s?;
        shared_ok &= text(s.segment).is_some_and(|t| t.get(s.start..s.end).is_some());
    }
    if text(v.segment).is_none() {
        return Err(DbError::Inconsistent(format!(
            "a verdict on segment {} refers to something missing",
            v.segment
        )));
    }
    if !(shared_ok && v.evidence.iter().all(|&e| text(e).is_some())) {
        return Err(DbError::Inconsistent(format!(
            "a verdict on segment {} points outside its segments",
            v.segment
        )));
    }
    Ok(())
}
