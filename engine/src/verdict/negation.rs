//! Negation differences: a word negated on one side and plain on the other, or a negating
//! prefix ("reprehensible" against "irreprehensible").

use super::{Found, Side};
use crate::analyze::Analysis;
use crate::model::DiffKind;

fn is_cue(a: &Analysis, t: &crate::analyze::Token) -> bool {
    a.negations.iter().any(|&(s, e)| t.start >= s && t.end <= e)
}

type Span = (usize, usize);

/// Words that follow a negation cue within a few words: the word's stem, the cue's span and
/// the word's span.
fn negated(a: &Analysis) -> Vec<(&str, Span, Span)> {
    let toks = &a.tokens;
    let mut out = Vec::new();
    // Most sentences have no negation at all: then no token is a cue, and the walk over the
    // tokens (run for both sides of every compared pair) finds nothing.
    if a.negations.is_empty() {
        return out;
    }
    for (i, t) in toks.iter().enumerate() {
        if !is_cue(a, t) {
            continue;
        }
        if let Some(n) = toks[i + 1..]
            .iter()
            .take(3)
            .find(|n| !n.stop && n.lower.len() > 2)
        {
            out.push((n.stem.as_str(), (t.start, t.end), (n.start, n.end)));
        }
    }
    out
}

fn has_negation_before(a: &Analysis, idx: usize) -> bool {
    a.tokens[idx.saturating_sub(3)..idx]
        .iter()
        .any(|t| is_cue(a, t))
}

pub(super) fn negation_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    // "not X" on one side, plain X on the other.
    let check =
        |neg_side: &Analysis, plain_side: &Analysis| -> Option<((usize, usize), (usize, usize))> {
            for (stem, cue, word) in negated(neg_side) {
                let on_plain = |negated: bool| {
                    plain_side.tokens.iter().enumerate().find(|(j, t)| {
                        t.stem == stem && has_negation_before(plain_side, *j) == negated
                    })
                };
                // A side that also negates the word says the same ("didn't happen" against
                // "what happened … didn't happen"); another use of the word is not a denial.
                if on_plain(true).is_some() {
                    continue;
                }
                if let Some((_, t)) = on_plain(false) {
                    return Some(((cue.0, word.1), (t.start, t.end)));
                }
            }
            None
        };
    for e in evidence {
        if let Some((h, t)) = check(claim.analysis, e.analysis) {
            out.push(Found {
                kind: DiffKind::Negation,
                here: h,
                there_unit: e.unit,
                there: t,
            });
            return;
        }
        if let Some((t, h)) = check(e.analysis, claim.analysis) {
            out.push(Found {
                kind: DiffKind::Negation,
                here: h,
                there_unit: e.unit,
                there: t,
            });
            return;
        }
        // "irreprehensible" against "reprehensible": only words that start with a negating
        // prefix are candidates (`Analysis::prefixed`, found once per sentence), so this
        // stays linear in the two sentences' lengths. Borrowed slices, not owned strings:
        // this runs for every (claim, evidence) pair.
        fn stripped(a: &Analysis) -> impl Iterator<Item = (&str, Span)> {
            a.prefixed.iter().filter_map(|&(i, len)| {
                let t = a.tokens.get(i)?;
                Some((t.lower.get(len..)?, (t.start, t.end)))
            })
        }
        let plain = |a: &'_ Analysis, w: &str| -> Option<Span> {
            a.tokens
                .iter()
                .find(|t| !t.stop && t.lower == w)
                .map(|t| (t.start, t.end))
        };
        // The plain side may spell the prefixed word too, hyphenated ("non-binding" against
        // "nonbinding", beside a plain "binding"): then both sides say the same.
        let spells = |side: &Side, word: &str| {
            let word = word.replace('-', "");
            side.text
                .to_lowercase()
                .replace('-', "")
                .contains(word.as_str())
        };
        let word_at = |side: &Side, (s, e): Span| side.text.get(s..e).unwrap_or("").to_lowercase();
        for (rest, here) in stripped(claim.analysis) {
            if let Some(there) =
                plain(e.analysis, rest).filter(|_| !spells(e, &word_at(claim, here)))
            {
                out.push(Found {
                    kind: DiffKind::Negation,
                    here,
                    there_unit: e.unit,
                    there,
                });
                return;
            }
        }
        for (rest, there) in stripped(e.analysis) {
            if let Some(here) =
                plain(claim.analysis, rest).filter(|_| !spells(claim, &word_at(e, there)))
            {
                out.push(Found {
                    kind: DiffKind::Negation,
                    here,
                    there_unit: e.unit,
                    there,
                });
                return;
            }
        }
    }
}
