//! Quote differences: two renderings of one short quote whose wording changes its meaning.

use super::{Found, Side};
use crate::analyze::Analysis;
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

pub(super) fn quote_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let words = |a: &Analysis, s: usize, e: usize| {
        a.tokens
            .iter()
            .filter(|t| t.start >= s && t.end <= e)
            .count()
    };
    for cq in &claim.analysis.quotes {
        if words(claim.analysis, cq.start, cq.end) > SHORT_QUOTE_WORDS {
            continue;
        }
        let cc = content(claim.analysis, cq.start, cq.end);
        let Some(ctext) = claim.text.get(cq.start..cq.end) else {
            continue;
        };
        for e in evidence {
            for eq in &e.analysis.quotes {
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
                if let Some((h, t)) = crate::analyze::quote_words_differ(ctext, etext) {
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
