//! Figure pairs: every figure of a claim set against every comparable figure of the other
//! article's sentences, not only of the best-aligned one.
//!
//! Why: an article that gives another death toll usually gives it in another sentence than the
//! one sharing most of the claim's words ("the ambulance authority put the toll at 2,300"
//! against "local leaders said 2,800 people had died"). Whether two figures fill one slot is
//! read from what surrounds them (the counted noun, the words around the figure) and from how
//! alike the two sentences are; the decision weighs those, so nothing here decides.
//!
//! What surrounds a figure depends on its sentence alone, so a build reads it once per sentence
//! (`figure_contexts`) rather than once per (claim, article) the sentence is compared in.

use super::numbers::{another_year, is_part};
use super::Side;
use crate::analyze::compare::{is_currency, same_kind, same_unit, values_conflict};
use crate::analyze::{Analysis, Bound, Quantity};

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Words either side of a figure that describe what it counts.
const CONTEXT_WORDS: usize = 5;

/// One figure of the claim against one figure of another sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePair {
    /// The claim's figure (byte span in the claim).
    pub here: (usize, usize),
    /// The other sentence and its figure's byte span there.
    pub there_unit: u32,
    pub there: (usize, usize),
    /// The two values are incompatible (`compare::values_conflict`).
    pub conflict: bool,
    /// Both name the same unit or counted noun (`compare::same_unit`).
    pub same_unit: bool,
    /// Share of the content words around the two figures that both have (Jaccard).
    pub context: f32,
    /// |ln(a / b)|: how far apart the two values are.
    pub log_ratio: f32,
    /// What the two figures and their sentences say of the slot (`PAIR_NAMES`).
    pub x: [f32; PAIR_N],
}

/// The names of `FigurePair::x`.
pub const PAIR_NAMES: [&str; PAIR_N] = [
    "same_unit",
    "context",
    "names_context",
    "log_ratio",
    "log_value",
    "here_open",
    "there_open",
    "here_vague",
    "there_vague",
    "money",
    "percent",
    "ordinal",
    "other_year",
    "here_part",
    "there_part",
    "here_unit",
    "there_unit",
];

pub const PAIR_N: usize = 17;

/// Words either side of a figure among which the names that scope it are looked for ("in
/// Turkey", "Syria's"): a toll of one country is not the toll of two.
const NAME_WORDS: usize = 8;

/// The content-word stems within `CONTEXT_WORDS` tokens of a figure, its unit included.
fn context(a: &Analysis, q: &Quantity) -> Vec<String> {
    let toks = &a.tokens;
    let first = toks
        .iter()
        .position(|t| t.end > q.start)
        .unwrap_or(toks.len());
    let last = toks
        .iter()
        .rposition(|t| t.start < q.end)
        .map_or(first, |i| i + 1);
    let lo = first.saturating_sub(CONTEXT_WORDS);
    let hi = (last + CONTEXT_WORDS).min(toks.len());
    let mut out: Vec<String> = toks[lo..hi]
        .iter()
        .filter(|t| (t.end <= q.start || t.start >= q.end) && !t.stop)
        .filter(|t| !t.lower.chars().any(|c| c.is_ascii_digit()))
        .map(|t| t.stem.clone())
        .collect();
    if let Some(u) = &q.unit {
        out.push(u.clone());
    }
    set(out)
}

/// `words` sorted, each once: a set `jaccard` compares by a merge walk, without hashing.
fn set(mut words: Vec<String>) -> Vec<String> {
    words.sort_unstable();
    words.dedup();
    words
}

/// The capitalised words (not the sentence's first) within `NAME_WORDS` tokens of a figure.
fn names_near(a: &Analysis, q: &Quantity) -> Vec<String> {
    let toks = &a.tokens;
    let first = toks
        .iter()
        .position(|t| t.end > q.start)
        .unwrap_or(toks.len());
    let lo = first.saturating_sub(NAME_WORDS);
    let hi = (first + NAME_WORDS).min(toks.len());
    let names = toks[lo..hi]
        .iter()
        .enumerate()
        .filter(|(i, t)| lo + i > 0 && t.capitalized && !t.stop)
        .filter(|(_, t)| t.end <= q.start || t.start >= q.end)
        .map(|(_, t)| t.stem.clone())
        .collect::<Vec<_>>();
    set(names)
}

/// Intersection over union of two sets (`set`). Why sorted lists: a build compares the
/// figures of every claim with those of every sentence of every other article, and hashing
/// every word of both sets for each comparison was most of it.
fn jaccard(a: &[String], b: &[String]) -> f32 {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

/// What a figure pair reads around one figure of a sentence: the words that describe what it
/// counts, the names that scope it, and whether it is introduced as a part.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureContext {
    /// Sets, as `set` makes them.
    words: Vec<String>,
    names: Vec<String>,
    part: bool,
}

/// The context of every figure of `a`, in `a.quantities` order.
pub fn figure_contexts(a: &Analysis) -> Vec<FigureContext> {
    a.quantities
        .iter()
        .map(|q| FigureContext {
            words: context(a, q),
            names: names_near(a, q),
            part: is_part(a, q),
        })
        .collect()
}

/// Every pair of one figure of `claim` and one figure of a sentence in `others` that are of
/// one kind (`compare::same_kind`), in claim order, then sentence order. `contexts` holds
/// `figure_contexts` by unit id, as far as it is known; a sentence it lacks is read here.
pub fn figure_pairs(
    claim: &Side,
    others: &[Side],
    contexts: &[Vec<FigureContext>],
) -> Vec<FigurePair> {
    let own;
    let of = |s: &Side| -> Option<&[FigureContext]> {
        contexts
            .get(s.unit as usize)
            .filter(|c| c.len() == s.analysis.quantities.len())
            .map(Vec::as_slice)
    };
    let claim_ctx = match of(claim) {
        Some(c) => c,
        None => {
            own = figure_contexts(claim.analysis);
            &own
        }
    };
    let mut out = Vec::new();
    for o in others {
        let computed;
        let o_ctx = match of(o) {
            Some(c) => c,
            None => {
                computed = figure_contexts(o.analysis);
                &computed
            }
        };
        // Whether the claim is set in a year this sentence never reaches: one answer for all
        // of its figures.
        let mut other_year: Option<bool> = None;
        for (r, r_ctx) in o.analysis.quantities.iter().zip(o_ctx) {
            for (q, q_ctx) in claim.analysis.quantities.iter().zip(claim_ctx) {
                if !same_kind(q, r) {
                    continue;
                }
                let context = jaccard(&q_ctx.words, &r_ctx.words);
                let log_ratio = (q.value / r.value).ln().abs() as f32;
                let same = same_unit(q, r);
                let open = |x: &Quantity| flag(!matches!(x.bound, Bound::Exact | Bound::About));
                let vague = |x: &Quantity| flag(x.bound == Bound::Vague);
                let unit = |x: &Quantity| flag(x.unit.is_some());
                let x = [
                    flag(same),
                    context,
                    jaccard(&q_ctx.names, &r_ctx.names),
                    log_ratio,
                    (q.value.max(r.value).max(1.0)).log10() as f32,
                    open(q),
                    open(r),
                    vague(q),
                    vague(r),
                    flag(q.unit.as_deref().is_some_and(is_currency)),
                    flag(q.unit.as_deref() == Some("%")),
                    flag(q.ordinal),
                    flag(
                        *other_year
                            .get_or_insert_with(|| another_year(claim, std::slice::from_ref(o))),
                    ),
                    flag(q_ctx.part),
                    flag(r_ctx.part),
                    unit(q),
                    unit(r),
                ];
                out.push(FigurePair {
                    here: (q.start, q.end),
                    there_unit: o.unit,
                    there: (r.start, r.end),
                    conflict: values_conflict(q, r),
                    same_unit: same,
                    context,
                    log_ratio,
                    x,
                });
            }
        }
    }
    out.sort_by_key(|p| (p.here.0, p.there_unit, p.there.0));
    out
}
