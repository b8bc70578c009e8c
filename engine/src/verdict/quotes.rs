//! Quote differences: two renderings of one short quote whose wording changes its meaning.

use std::borrow::Cow;

use super::{Found, Side};
use crate::analyze::{quote_words, quote_words_differ_read, Analysis, QuoteWords};
use crate::model::DiffKind;

/// Longest quote compared word for word: longer quotes are translated or trimmed too freely
/// for one changed word to mean a change of tone.
const SHORT_QUOTE_WORDS: usize = 12;

/// The distinct content stems of the quote at `s..e`, sorted: what a set of them holds,
/// without copying and hashing every stem for every (claim, evidence) pair.
fn content(a: &Analysis, s: usize, e: usize) -> Vec<&str> {
    let mut stems: Vec<&str> = a
        .tokens
        .iter()
        .filter(|t| t.start >= s && t.end <= e && !t.stop)
        .map(|t| t.stem.as_str())
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// The words of quote `i` of `a`, whose text is `text`, as the analysis read them; an analysis
/// built otherwise (without them for every quote) has them read here.
fn words_of<'a>(a: &'a Analysis, i: usize, text: &str) -> Cow<'a, QuoteWords> {
    match a.quote_words.get(i) {
        Some(w) if a.quote_words.len() == a.quotes.len() => Cow::Borrowed(w),
        _ => Cow::Owned(quote_words(text)),
    }
}

pub(super) fn quote_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let words = |a: &Analysis, s: usize, e: usize| {
        a.tokens
            .iter()
            .filter(|t| t.start >= s && t.end <= e)
            .count()
    };
    for (ci, cq) in claim.analysis.quotes.iter().enumerate() {
        if words(claim.analysis, cq.start, cq.end) > SHORT_QUOTE_WORDS {
            continue;
        }
        let cc = content(claim.analysis, cq.start, cq.end);
        let Some(ctext) = claim.text.get(cq.start..cq.end) else {
            continue;
        };
        let cw = words_of(claim.analysis, ci, ctext);
        for e in evidence {
            for (ei, eq) in e.analysis.quotes.iter().enumerate() {
                if words(e.analysis, eq.start, eq.end) > SHORT_QUOTE_WORDS {
                    continue;
                }
                let ec = content(e.analysis, eq.start, eq.end);
                // Only two renderings of one quote are compared: most of the shorter one's
                // content words must be in the other.
                let shared = cc.iter().filter(|w| ec.binary_search(w).is_ok()).count();
                if shared < 2 || shared * 2 < cc.len().min(ec.len()) {
                    continue;
                }
                let Some(etext) = e.text.get(eq.start..eq.end) else {
                    continue;
                };
                let differ = if ctext == etext {
                    // Verbatim copies say the same: their words need not be read.
                    None
                } else {
                    quote_words_differ_read(ctext, &cw, etext, &words_of(e.analysis, ei, etext))
                };
                if let Some((h, t)) = differ {
                    out.push(Found {
                        kind: DiffKind::Quote,
                        here: (cq.start + h.0, cq.start + h.1),
                        there_unit: e.unit,
                        there: (eq.start + t.0, eq.start + t.1),
                    });
                    return;
                }
            }
        }
    }
}
