//! Segmentation: an article's text into sentence-like segments with byte spans, each marked
//! claim, headline or boilerplate.
//!
//! Spans always index the original text, never a normalised copy, so the widget can show the
//! article exactly as published and the export's `start..end` slices give the segment back.

use crate::model::SegmentKind;

/// A segment before it gets a database id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSegment {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    pub paragraph: u32,
}

/// Splits `text` into segments. Invariants: spans are on char boundaries, in order,
/// non-overlapping, trimmed of surrounding white space, and never empty.
// SCAFFOLD: a naive splitter on ". " and line breaks; to be replaced by the real segmenter.
pub fn segment(text: &str) -> Vec<RawSegment> {
    let mut out = Vec::new();
    let mut paragraph = 0u32;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let mut s = line_start;
        let bytes = text.as_bytes();
        let mut i = line_start;
        while i < line_end {
            if bytes[i] == b'.' && (i + 1 >= line_end || bytes[i + 1] == b' ') {
                push(text, s, i + 1, paragraph, &mut out);
                s = i + 1;
            }
            i += 1;
        }
        push(text, s, line_end, paragraph, &mut out);
        if !line.trim().is_empty() {
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

fn push(text: &str, start: usize, end: usize, paragraph: u32, out: &mut Vec<RawSegment>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead >= end - trail {
        return;
    }
    out.push(RawSegment {
        start: start + lead,
        end: end - trail,
        kind: SegmentKind::Claim,
        paragraph,
    });
}
