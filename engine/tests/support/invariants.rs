//! The invariants every built claim database must hold, whatever its input.
//!
//! Shared by `tests/robustness.rs` and the `build_cluster` fuzz target (`fuzz/fuzz_targets/build_cluster.rs`
//! includes this file by path), so a property test and a fuzzer check exactly the same thing.
//! Each check returns a message naming what broke instead of panicking, so the caller decides
//! how to report it (a proptest failure, a fuzzer crash).

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use crosscheck::model::Label;
use crosscheck::segment::RawSegment;
use crosscheck::{Article, Database};

/// Checks the spans `segment::segment` returns for `text`: on char boundaries, non-empty,
/// in order, non-overlapping, trimmed of white space, paragraphs never going back.
pub fn check_segments(text: &str, segs: &[RawSegment]) -> Result<(), String> {
    let mut last_end = 0usize;
    let mut last_par = 0u32;
    for (i, s) in segs.iter().enumerate() {
        if s.start >= s.end || s.end > text.len() {
            return Err(format!("segment {i}: bad span {}..{}", s.start, s.end));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!(
                "segment {i}: span {}..{} is not on char boundaries",
                s.start, s.end
            ));
        }
        if s.start < last_end {
            return Err(format!(
                "segment {i}: starts at {} before the previous one ends at {last_end}",
                s.start
            ));
        }
        if s.paragraph < last_par {
            return Err(format!(
                "segment {i}: paragraph {} after {last_par}",
                s.paragraph
            ));
        }
        let body = &text[s.start..s.end];
        if body.starts_with(char::is_whitespace) || body.ends_with(char::is_whitespace) {
            return Err(format!("segment {i}: {body:?} is not trimmed"));
        }
        last_end = s.end;
        last_par = s.paragraph;
    }
    Ok(())
}

fn slice_ok(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.get(start..end).is_some()
}

/// Databases with more verdicts than this skip the serialisation round trips in `check_db`.
pub const ROUND_TRIP_MAX_VERDICTS: usize = 1_000_000;

/// Checks a database built from `articles`: `validate()`, spans that slice the source text on
/// char boundaries, exactly one verdict per (claim or headline segment, other source), evidence
/// in the other source, spans of differences and shared words on char boundaries, finite scores
/// in 0..=1, and lossless JSON and binary round trips (below `ROUND_TRIP_MAX_VERDICTS`).
pub fn check_db(articles: &[Article], db: &Database) -> Result<(), String> {
    db.validate().map_err(|e| format!("validate: {e}"))?;

    let ids: Vec<&str> = db.sources.iter().map(|s| s.id.as_str()).collect();
    let want: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    if ids != want {
        return Err(format!("sources {ids:?} are not the articles {want:?}"));
    }
    for (s, a) in db.sources.iter().zip(articles) {
        if s.text != a.text {
            return Err(format!("source {:?}: text differs from the article", s.id));
        }
    }

    let text_of: HashMap<&str, &str> = db
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let mut seg_by_id = HashMap::new();
    for seg in &db.segments {
        let src = text_of.get(seg.source.as_str()).copied().unwrap_or("");
        if seg.start >= seg.end {
            return Err(format!("segment {}: empty span", seg.id));
        }
        if !src.is_char_boundary(seg.start) || !src.is_char_boundary(seg.end) {
            return Err(format!("segment {}: span off char boundaries", seg.id));
        }
        seg_by_id.insert(seg.id, seg);
    }

    let mut seen: HashSet<(u32, &str)> = HashSet::new();
    for v in &db.verdicts {
        let Some(seg) = seg_by_id.get(&v.segment) else {
            return Err(format!("verdict on missing segment {}", v.segment));
        };
        if !seg.kind.gets_verdicts() {
            return Err(format!("verdict on boilerplate segment {}", seg.id));
        }
        if v.other == seg.source {
            return Err(format!("segment {} judged against its own source", seg.id));
        }
        if !seen.insert((v.segment, v.other.as_str())) {
            return Err(format!(
                "segment {} has two verdicts against {:?}",
                seg.id, v.other
            ));
        }
        if !v.score.is_finite() || !(0.0..=1.0).contains(&v.score) {
            return Err(format!(
                "segment {}: score {} not in 0..=1",
                seg.id, v.score
            ));
        }
        if v.label == Label::Omits {
            return Err(format!(
                "segment {}: an omission is stored (the engine leaves them implicit)",
                seg.id
            ));
        }
        if v.evidence.is_empty() {
            return Err(format!(
                "segment {}: a {} verdict without evidence",
                seg.id,
                v.label.as_str()
            ));
        }
        for e in &v.evidence {
            match seg_by_id.get(e) {
                Some(ev) if ev.source == v.other => {}
                Some(ev) => {
                    return Err(format!(
                        "segment {}: evidence {e} is in {:?}, not {:?}",
                        seg.id, ev.source, v.other
                    ))
                }
                None => return Err(format!("segment {}: evidence {e} missing", seg.id)),
            }
        }
        for sh in &v.shared {
            let ok = seg_by_id
                .get(&sh.segment)
                .is_some_and(|s| slice_ok(&s.text, sh.start, sh.end));
            if !ok {
                return Err(format!(
                    "segment {}: shared span {}:{}..{} does not slice its segment",
                    seg.id, sh.segment, sh.start, sh.end
                ));
            }
        }
        for d in &v.differences {
            if !slice_ok(&seg.text, d.here_span.0, d.here_span.1) {
                return Err(format!(
                    "segment {}: difference here_span {:?} does not slice it",
                    seg.id, d.here_span
                ));
            }
            let there_ok = seg_by_id.get(&d.there_segment).is_some_and(|t| {
                t.source == v.other && slice_ok(&t.text, d.there_span.0, d.there_span.1)
            });
            if !there_ok {
                return Err(format!(
                    "segment {}: difference there {}:{:?} does not slice a segment of {:?}",
                    seg.id, d.there_segment, d.there_span, v.other
                ));
            }
        }
    }
    if let Some(v) = db
        .verdicts
        .iter()
        .find(|v| !db.sources.iter().any(|s| s.id == v.other))
    {
        return Err(format!(
            "segment {}: verdict against unknown source {:?}",
            v.segment, v.other
        ));
    }

    if db.verdicts.len() > ROUND_TRIP_MAX_VERDICTS {
        // A 500-article cluster has ~10 million verdicts; the JSON reader's round trip of that
        // alone needs more than the machine's 24 GB, so the scale tests skip it.
        return Ok(());
    }
    let bin = db.to_bin();
    match Database::from_bin(&bin) {
        Ok(back) if &back == db => {}
        Ok(_) => return Err("from_bin(to_bin(db)) != db".into()),
        Err(e) => return Err(format!("from_bin(to_bin(db)): {e}")),
    }
    match Database::from_json(&db.to_json()) {
        Ok(back) if &back == db => {}
        Ok(_) => return Err("from_json(to_json(db)) != db".into()),
        Err(e) => return Err(format!("from_json(to_json(db)): {e}")),
    }
    Ok(())
}
