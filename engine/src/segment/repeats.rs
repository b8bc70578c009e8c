//! Captions repeated word for word. Pages print a picture's caption twice (under the picture and
//! again in a gallery, a lightbox or an alt text that extraction keeps), so a short line that
//! reads like a caption and occurs twice in the article is boilerplate, every time. When its
//! first occurrence is the title or a subheading, that one stays and only the repetitions go.
//!
//! One pass over the lines with a hash map of their normalised texts, so it is linear.

use std::collections::HashMap;

use super::{LineSegs, RawSegment};
use crate::lexicon;
use crate::model::SegmentKind;
use crate::text::normalize;

/// Captions are short; a repeated long paragraph is something else.
const MAX_WORDS: usize = 40;
/// Below this a repetition is as likely a short stock sentence ("It was not clear.").
const MIN_WORDS: usize = 4;

/// Reads like a caption: a short description in at most two sentences, neither a quotation nor
/// reported speech (a pull quote quotes; a standfirst repeated as the lead reports). A caption
/// that ends in a full stop describes the picture in the present ("Rescuers search ...", "A
/// woman is carried ..."), where a repeated lead tells what happened ("Floods killed ...").
fn caption_like(t: &str, sentences: usize) -> bool {
    let n = t.split_whitespace().count();
    if !(MIN_WORDS..=MAX_WORDS).contains(&n) || sentences > 2 {
        return false;
    }
    if t.starts_with(['"', '\'', '\u{201C}', '\u{2018}', '\u{00AB}']) {
        return false;
    }
    let words: Vec<String> = t
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if words.iter().any(|w| lexicon::verbs::reporting(w)) {
        return false;
    }
    if !super::boiler::ends_with_full_stop(t) {
        return true;
    }
    // A participle after a present auxiliary is passive ("is carried"), and after a determiner
    // or preposition it is an adjective ("a flooded basement").
    // Closed class, left inline: auxiliaries, demonstratives, possessives.
    let present_aux = |w: &str| matches!(w, "is" | "are" | "be" | "being");
    let modifies = |w: &str| {
        present_aux(w)
            || lexicon::sentences::title_small(w)
            || matches!(
                w,
                "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
            )
    };
    !words.iter().enumerate().any(|(i, w)| {
        lexicon::verbs::is_past_or_aux(w) && !present_aux(w) && !(i > 0 && modifies(&words[i - 1]))
    })
}

/// Marks repeated captions in `out` (after the heading pass, whose kinds it reads).
pub(crate) fn mark(text: &str, out: &mut [RawSegment], lines: &[LineSegs]) {
    // Occurrences of each caption-like text: whole lines, and single segments of longer lines
    // (a caption a lost line break glued to a sentence), as ranges of segment indices.
    let mut seen: HashMap<String, (bool, Vec<(usize, usize)>)> = HashMap::new();
    for l in lines {
        if l.first >= l.end {
            continue;
        }
        let whole = &text[out[l.first].start..out[l.end - 1].end];
        if caption_like(whole, l.end - l.first) {
            let entry = seen.entry(normalize(whole)).or_default();
            entry.0 = true;
            entry.1.push((l.first, l.end));
        }
        if l.end - l.first > 1 {
            for i in l.first..l.end {
                let seg = &text[out[i].start..out[i].end];
                if caption_like(seg, 1) {
                    seen.entry(normalize(seg)).or_default().1.push((i, i + 1));
                }
            }
        }
    }
    for (has_line, mut occ) in seen.into_values() {
        // A caption stands on its own line at least once.
        if !has_line || occ.len() < 2 {
            continue;
        }
        occ.sort_unstable();
        for (n, &(f, e)) in occ.iter().enumerate() {
            let heading = out[f..e].iter().all(|s| s.kind == SegmentKind::Headline);
            if n == 0 && heading {
                continue;
            }
            for s in &mut out[f..e] {
                s.kind = SegmentKind::Boilerplate;
            }
        }
    }
}
