//! Name differences: another actor, speaker or target in the same place of the same claim
//! ("group A was behind the attack" against "state B's services were behind the attack"; "the
//! minister said" against "the agency said").
//!
//! Names are compared by the aligner's keys, so spelling variants and aliases the cluster ties
//! ("Kanani" / "Kanaani", "MEK" / "People's Mujahedin") are one name. Two sentences are walked
//! term by term (a diff of their key sequences): a stretch where the claim has names the
//! evidence never mentions, and the evidence names the claim never mentions, between words both
//! share, is one role filled by two different names. Speakers are compared apart: one statement
//! attributed to two speakers who share no name or word.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::{Found, Side};
use crate::align::{sorted_common, Aligner, Term, TermKind};
use crate::model::DiffKind;

/// Terms a swapped role may hold on either side.
const MAX_ROLE: usize = 3;

/// Whether the sorted key list `keys` (`Aligner::keys`, or `speaker_keys`) holds `k`: a
/// binary search, where hashing the lists into sets for every (claim, evidence) pair was a
/// fifth of a 200-article build.
fn has(keys: &[u32], k: u32) -> bool {
    keys.binary_search(&k).is_ok()
}

/// Whether the sorted key lists `a` and `b` share no key.
fn disjoint(a: &[u32], b: &[u32]) -> bool {
    !a.iter().any(|&k| has(b, k))
}

fn span(spans: &[(usize, usize)]) -> Option<(usize, usize)> {
    Some((spans.first()?.0, spans.last()?.1))
}

/// Whether a name term is a proper name that can fill a role on its own: not a title ("Ms",
/// "President"), not a word capitalised for starting the sentence, not a people's or country's
/// adjective ("Iranian", "British": a country named by its adjective is often the same actor
/// as its capital or government, so those are left to the alias learner).
fn proper(side: &Side, t: &Term) -> bool {
    let Some(word) = side.text.get(t.start..t.end) else {
        return false;
    };
    let first_word = side.text.get(..t.start).is_none_or(|b| b.trim().is_empty());
    // An acronym ("US", "PM", "UK") stands for a longer name the other side may spell out or
    // refer to by its office; only names written out are compared.
    let acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    // The tests that need no lowercased copy first: this runs for the name terms of both
    // sentences of every compared pair, and most fail here.
    if first_word || acronym || !word.chars().any(char::is_alphabetic) {
        return false;
    }
    let lower = word.to_lowercase();
    let demonym = ["ian", "ese", "ish", "ic", "an", "i"]
        .iter()
        .any(|s| lower.ends_with(s) && lower.len() > s.len() + 3);
    !demonym && !crate::analyze::entities::is_title(&lower)
}

/// A role filled by other names: the first such stretch between the claim and `evidence`.
fn role_swap(al: &Aligner, claim: &Side, evidence: &Side) -> Option<Found> {
    let (ck, ek) = (al.keys(claim.unit), al.keys(evidence.unit));
    // A swap needs a name on each side that the other sentence lacks (`only` below keeps no
    // other). Where either sentence has none among all its terms (which hold both sequences),
    // no stretch can qualify: said before the diff, because the articles of a cluster mostly
    // name the same people, and the diff was most of this function's time. The name must be
    // `proper` too, as `only` requires: a lone name that starts the sentence or is an acronym
    // or a title cannot fill a role either, and the diff is spared for it as well.
    let lone = |side: &Side, other: &[u32]| {
        al.terms.get(side.unit as usize).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.kind == TermKind::Name && !has(other, t.key) && proper(side, t))
        })
    };
    if !lone(claim, ek) || !lone(evidence, ck) {
        return None;
    }
    // Each sentence's terms that contain no other term (single words, not the multi-word
    // mention terms laid over them), in text order, and their keys: read once per build.
    let (cs, es) = (al.outer_terms(claim.unit), al.outer_terms(evidence.unit));
    let (ca, ea) = (al.outer_keys(claim.unit), al.outer_keys(evidence.unit));
    let ops = capture_diff_slices(Algorithm::Myers, ca, ea);
    // The role is pinned by what both sentences share on both sides of it: "<X> was behind
    // the attack" needs a shared word after X, and the sentence start or a shared term before,
    // or the swap may be a name the evidence merely puts elsewhere.
    let shared = |op: Option<&DiffOp>, word: bool| {
        matches!(op, Some(DiffOp::Equal { old_index, len, .. })
            if cs[*old_index..old_index + len].iter().any(|t| !word || t.kind == TermKind::Word))
    };
    let anchored = |i: usize| {
        let before = i == 0 || shared(i.checked_sub(1).and_then(|j| ops.get(j)), false);
        before && shared(ops.get(i + 1), true)
    };
    for (i, op) in ops.iter().enumerate() {
        let (old, new) = match *op {
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
            _ => continue,
        };
        let only = |side: &Side, ts: &[Term], other: &[u32]| -> Vec<(usize, usize)> {
            ts.iter()
                .filter(|t| t.kind == TermKind::Name && !has(other, t.key))
                .filter(|t| proper(side, t))
                .map(|t| (t.start, t.end))
                .collect()
        };
        // A role holds a short name, not a clause.
        if old.len() > MAX_ROLE || new.len() > MAX_ROLE {
            continue;
        }
        let here = only(claim, &cs[old], ek);
        let there = only(evidence, &es[new], ck);
        if here.is_empty() || there.is_empty() || !anchored(i) {
            continue;
        }
        let text = |side: &Side, ts: &[(usize, usize)]| -> String {
            span(ts)
                .and_then(|(s, e)| side.text.get(s..e))
                .unwrap_or("")
                .to_lowercase()
        };
        let (h, t) = (text(claim, &here), text(evidence, &there));
        // "COVID-19" and "COVID", "UK" and "UK's": one name written two ways.
        let stem = |x: &str| -> String { x.chars().filter(|c| c.is_alphabetic()).collect() };
        let (hs, ts) = (stem(&h), stem(&t));
        if hs.is_empty() || ts.is_empty() || hs.starts_with(&ts) || ts.starts_with(&hs) {
            continue;
        }
        return Some(Found {
            kind: DiffKind::Entity,
            here: span(&here)?,
            there_unit: evidence.unit,
            there: span(&there)?,
        });
    }
    None
}

/// The keys of the terms inside a speaker's span, sorted, each once.
fn speaker_keys(al: &Aligner, unit: u32, (s, e): (usize, usize)) -> Vec<u32> {
    let mut keys: Vec<u32> = al
        .terms
        .get(unit as usize)
        .into_iter()
        .flatten()
        .filter(|t| t.start >= s && t.end <= e)
        .map(|t| t.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// One statement with two speakers that share no name or word.
fn other_speaker(al: &Aligner, claim: &Side, evidence: &Side) -> Option<Found> {
    let speakers = |side: &Side| -> Vec<(usize, usize)> {
        side.analysis
            .attributions
            .iter()
            .filter(|a| !a.in_quote)
            .filter_map(|a| a.speaker)
            .collect()
    };
    let (hs, ts) = (speakers(claim), speakers(evidence));
    let (h, t) = (hs.first()?, ts.first()?);
    // A speaker is a short name ("Mayor Ellen Kowalczyk", "the agency"), not a clause the
    // attribution reader took in.
    let short = |side: &Side, (s, e): (usize, usize)| {
        side.text
            .get(s..e)
            .is_some_and(|x| x.split_whitespace().count() <= MAX_ROLE + 1 && !x.contains(','))
    };
    if !short(claim, *h) || !short(evidence, *t) {
        return None;
    }
    // Both speakers must be named: "the company" against "OpenAI" is one speaker, referred to
    // two ways, far more often than two.
    let named = |side: &Side, (s, e): (usize, usize)| {
        al.terms
            .get(side.unit as usize)
            .into_iter()
            .flatten()
            .any(|x| x.start >= s && x.end <= e && x.kind == TermKind::Name && proper(side, x))
    };
    if !named(claim, *h) || !named(evidence, *t) {
        return None;
    }
    let hk = speaker_keys(al, claim.unit, *h);
    let tk = speaker_keys(al, evidence.unit, *t);
    // A speaker either side also names elsewhere in the other sentence is no swap ("NATO said
    // Iran..." against "Iran, NATO said").
    let (ck, ek) = (al.keys(claim.unit), al.keys(evidence.unit));
    let apart = !hk.is_empty()
        && !tk.is_empty()
        && disjoint(&hk, &tk)
        && disjoint(&hk, ek)
        && disjoint(&tk, ck);
    apart.then_some(Found {
        kind: DiffKind::Entity,
        here: *h,
        there_unit: evidence.unit,
        there: *t,
    })
}

/// Share of the claim's other terms (words, figures, days: not names) that the evidence has:
/// two sentences that differ by who did something must agree on what was done.
fn rest_carried(al: &Aligner, claim: u32, evidence: u32) -> f32 {
    let ek = al.keys(evidence);
    // The distinct keys of the claim's terms that are not names, as a set of them counts.
    let rest = al.plain_keys(claim);
    if rest.is_empty() {
        return 0.0;
    }
    // One walk over both sorted lists counts the same keys as a binary search of the
    // evidence's for each of the claim's, with fewer dependent loads (every compared pair).
    sorted_common(rest, ek).count() as f32 / rest.len() as f32
}

/// Share of the claim's non-name terms an evidence sentence must carry for its names to be
/// compared.
const REST_CARRIED: f32 = 0.6;

/// Name differences between a claim and its evidence sentences: at most one per sentence, a
/// role filled by another name first, else another speaker; only in sentences that carry most
/// of the rest of the claim.
pub fn name_diffs(al: &Aligner, claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    for e in evidence {
        if rest_carried(al, claim.unit, e.unit) < REST_CARRIED {
            continue;
        }
        if let Some(f) = role_swap(al, claim, e).or_else(|| other_speaker(al, claim, e)) {
            out.push(f);
        }
    }
}
