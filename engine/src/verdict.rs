//! Verdicts: given a claim and its best-aligned evidence, decide corroborates / differs / omits
//! and name every checkable detail that differs.
//!
//! The same features and difference detectors serve the cluster build and the one-pair judge;
//! only the decision constants differ (a coverage threshold for clusters, a small logistic model
//! fitted offline on MRPC train and RTE-3 dev for pairs; see `pair_weights.rs`).

use std::collections::{BTreeSet, HashSet};

use crate::align::{Aligner, Term, TermKind};
use crate::analyze::{Analysis, Bound, Quantity, Quote, Strength};
use crate::model::{DiffKind, Label};

/// A segment as the verdict stage sees it: its text, analysis, and id in the aligner.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub unit: u32,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// One incompatible detail: a span of the claim and a span of one evidence unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: DiffKind,
    pub here: (usize, usize),
    pub there_unit: u32,
    pub there: (usize, usize),
}

/// Below this weighted coverage the other article does not carry the claim (cluster builds).
pub const CLUSTER_OMIT_BELOW: f32 = 0.26;

/// ... unless the evidence shares at least this much weight (in rarest-term units) with it.
pub const CLUSTER_CARRIED_WEIGHT: f32 = 2.0;

/// ... or the match is mutual (each sentence the other's best) with at least this coverage.
pub const CLUSTER_MUTUAL_BELOW: f32 = 0.16;

/// ... or the claim's main clause (see `main_clause_end`) is carried: at least this share of
/// its weight ...
pub const CLUSTER_MAIN_CLAUSE_AT: f32 = 0.8;

/// ... and that clause weighs at least this much (in rarest-term units), so a bare "Police
/// said on Monday, citing ..." is not a claim of its own.
pub const CLUSTER_MAIN_CLAUSE_WEIGHT: f32 = 1.0;

/// ... unless the claim is mostly a direct quote (at least this share of its weight lies inside
/// quote marks) ...
pub const CLUSTER_QUOTE_SHARE: f32 = 0.5;

/// ... of whose words the evidence carries less than this share: the other article then names
/// the speaker and the topic but not what was said (LABELS.md: a quote is corroborated by the
/// same quote, and the same topic without the claim is an omission).
pub const CLUSTER_QUOTE_CARRIED_BELOW: f32 = 0.2;

/// A runner-up sentence of the other article joins the evidence of a carried claim from this
/// single-sentence coverage on (and from `align`'s share of the best one): a claim told across
/// a story is often carried by several sentences, and the reader should see them all.
pub const ALSO_EVIDENCE_MIN: f32 = 0.15;

/// The runner-up sentences of `m` that count as further evidence (`ALSO_EVIDENCE_MIN`).
pub fn further_evidence(m: &crate::align::Match) -> impl Iterator<Item = u32> + '_ {
    m.also
        .iter()
        .filter(|&&(_, c)| c >= ALSO_EVIDENCE_MIN)
        .map(|&(u, _)| u)
}

// ---------------------------------------------------------------- numbers

/// The range a figure denotes on its natural reading: "more than 20,000" means the low 20,000s.
fn interval(q: &Quantity) -> Option<(f64, f64)> {
    let v = q.value;
    Some(match q.bound {
        Bound::Exact => (v * 0.995, v * 1.005),
        Bound::About => (v * 0.9, v * 1.1),
        Bound::AtLeast => (v, v * 1.03),
        Bound::MoreThan => (v * 1.001, v * 1.03),
        Bound::AtMost | Bound::LessThan => (v * 0.97, v),
        Bound::Vague => return None,
    })
}

fn is_iso_code(u: &str) -> bool {
    u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())
}

fn is_currency(u: &str) -> bool {
    u.contains('$') || matches!(u, "€" | "£" | "¥") || is_iso_code(u)
}

/// Dollars of any country are one unit here (outlets write "$15m" for A$ and US$ alike);
/// other currencies are their own units.
fn same_currency(a: &str, b: &str) -> bool {
    let dollar = |u: &str| u.contains('$') || (is_iso_code(u) && u.ends_with('D'));
    (dollar(a) && dollar(b)) || a == b
}

/// Whether two figures measure the same thing, so that comparing them means something.
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    if a.ordinal || b.ordinal || a.value <= 0.0 || b.value <= 0.0 {
        return false;
    }
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x == y || (is_currency(x) && is_currency(y) && same_currency(x, y)),
        (None, None) | (Some(_), None) | (None, Some(_)) => {
            let unit_is_money = a.unit.as_deref().is_some_and(is_currency)
                || b.unit.as_deref().is_some_and(is_currency);
            let r = a.value / b.value;
            !unit_is_money && (0.5..=2.0).contains(&r) && a.value >= 10.0
        }
    }
}

fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let (Some(ia), Some(ib)) = (interval(a), interval(b)) else {
        return true;
    };
    let strict = |x: Bound| !matches!(x, Bound::About | Bound::Vague | Bound::Exact);
    // "more than two" and "at least two" are different claims about the same figure, while
    // "at least 9.7 million" still covers "9.7 million".
    if (a.value - b.value).abs() < 1e-9 && a.bound != b.bound && strict(a.bound) && strict(b.bound)
    {
        return false;
    }
    // Two floors of one tally that are not the same figure ("passes 20,700" against "more than
    // 21,000") are two outlets' different counts, however close.
    let floor = |x: Bound| matches!(x, Bound::AtLeast | Bound::MoreThan);
    if floor(a.bound) && floor(b.bound) && (a.value - b.value).abs() > 1e-3 * a.value.abs() {
        return false;
    }
    ia.0.max(ib.0) <= ia.1.min(ib.1)
}

/// The years a segment's dates fall in, stated ("in 1999") or resolved ("on Thursday").
fn years(a: &Analysis) -> Vec<i32> {
    use chrono::Datelike;
    a.dates
        .iter()
        .filter_map(|d| d.day.map(|x| x.year()).or(d.month.map(|m| m.0)).or(d.year))
        .collect()
}

/// Whether the claim is set in a year the evidence never reaches: "in 1999 an earthquake killed
/// 18,000" against "the toll passed 21,000 on Thursday" tells two events, whose figures are not
/// two versions of one.
fn another_year(claim: &Side, evidence: &[Side]) -> bool {
    let stated: Vec<i32> = claim
        .analysis
        .dates
        .iter()
        .filter(|d| d.day.is_none() && d.month.is_none())
        .filter_map(|d| d.year)
        .collect();
    if stated.is_empty() {
        return false;
    }
    let theirs: Vec<i32> = evidence.iter().flat_map(|e| years(e.analysis)).collect();
    !theirs.is_empty() && !stated.iter().any(|y| theirs.contains(y))
}

/// Counts this far apart are two different quantities (a part and the whole: one country's
/// dead against the region's), not two versions of one figure ...
const FAR_APART: f64 = 3.0;

/// ... when both are tallies this large: "3 dead" against "12 dead" is a conflict.
const TALLY: f64 = 100.0;

fn far_apart(q: &Quantity, r: &Quantity) -> bool {
    let money = |x: &Quantity| x.unit.as_deref().is_some_and(is_currency);
    let ratio = (q.value / r.value).abs();
    !q.ordinal
        && !money(q)
        && !money(r)
        && q.value.abs().min(r.value.abs()) >= TALLY
        && ratio.is_finite()
        && !(1.0 / FAR_APART..=FAR_APART).contains(&ratio)
}

fn number_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    if another_year(claim, evidence) {
        return;
    }
    // A figure of the evidence that one of the claim's own figures accounts for is no conflict
    // ("10 million, discounted to 9.7 million" against "9.7 million").
    let explained = |r: &Quantity| {
        claim
            .analysis
            .quantities
            .iter()
            .any(|q| comparable(q, r) && compatible(q, r))
    };
    for q in &claim.analysis.quantities {
        if q.bound == Bound::Vague {
            continue;
        }
        let mut best: Option<(f64, u32, (usize, usize))> = None;
        let mut any_ok = false;
        let q_part = is_part(claim.analysis, q);
        for e in evidence {
            for r in &e.analysis.quantities {
                if !comparable(q, r) || q_part != is_part(e.analysis, r) {
                    continue;
                }
                if compatible(q, r) {
                    any_ok = true;
                } else if !explained(r) && !far_apart(q, r) {
                    let dist = (q.value / r.value).ln().abs();
                    if best.is_none_or(|b| dist < b.0) {
                        best = Some((dist, e.unit, (r.start, r.end)));
                    }
                }
            }
        }
        if let (false, Some((_, unit, span))) = (any_ok, best) {
            out.push(Found {
                kind: DiffKind::Number,
                here: (q.start, q.end),
                there_unit: unit,
                there: span,
            });
        }
    }
}

/// Whether a figure is introduced as a subset of another ("… 9.7 million Australians,
/// including 5.1 million Medibank customers"): a part is not a second version of a total.
fn is_part(a: &Analysis, q: &Quantity) -> bool {
    let before = a.tokens.iter().filter(|t| t.end <= q.start).rev().take(3);
    before
        .take_while(|t| !matches!(t.lower.as_str(), "and" | "or" | "but"))
        .any(|t| matches!(t.lower.as_str(), "including" | "includes" | "among"))
}

// ---------------------------------------------------------------- dates

/// Reporting verbs: the day something was *said* is not the day it happened.
fn is_report_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "stated"
            | "statement"
            | "announced"
            | "tweeted"
            | "added"
            | "reported"
            | "confirmed"
            | "tweet"
            | "posted"
            | "wrote"
    )
}

/// Days named in the segment that are not just the day of a statement. Months and years are
/// left out: "in July" against "on September 9" is far more often two events than one event
/// misdated.
fn event_dates<'a>(s: &Side<'a>) -> Vec<&'a crate::analyze::DateMention> {
    let toks = &s.analysis.tokens;
    s.analysis
        .dates
        .iter()
        .filter(|d| d.day.is_some() || d.weekday.is_some())
        .filter(|d| {
            let Some(i) = toks.iter().position(|t| t.start >= d.start) else {
                return false;
            };
            let lo = i.saturating_sub(3);
            let hi = (i + 3).min(toks.len());
            !toks[lo..hi].iter().any(|t| is_report_word(&t.lower))
        })
        .collect()
}

fn date_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let here = event_dates(claim);
    let there: Vec<(u32, &crate::analyze::DateMention)> = evidence
        .iter()
        .flat_map(|e| event_dates(e).into_iter().map(move |d| (e.unit, d)))
        .collect();
    let (Some(h), Some(t)) = (here.first(), there.first()) else {
        return;
    };
    // Every date of one side against every date of the other: one compatible pair means the
    // sentences can be telling the same time.
    let all_conflict = here.iter().all(|a| {
        there
            .iter()
            .all(|(_, b)| crate::analyze::dates_conflict(a, b))
    });
    // A month the evidence also names around the claim's day ("attacked ... in July" against
    // "the July 15 attack") means the evidence tells of that earlier event too; its other day
    // belongs to another event, not to a misdating of this one.
    let month_agrees = || {
        evidence.iter().any(|e| {
            e.analysis
                .dates
                .iter()
                .filter(|b| b.day.is_none() && b.weekday.is_none() && b.month.is_some())
                .any(|b| here.iter().any(|a| !crate::analyze::dates_conflict(a, b)))
        })
    };
    if all_conflict && !month_agrees() {
        out.push(Found {
            kind: DiffKind::Date,
            here: (h.start, h.end),
            there_unit: t.0,
            there: (t.1.start, t.1.end),
        });
    }
}

// ---------------------------------------------------------------- negation

fn is_cue(a: &Analysis, t: &crate::analyze::Token) -> bool {
    a.negations.iter().any(|&(s, e)| t.start >= s && t.end <= e)
}

type Span = (usize, usize);

/// Words that follow a negation cue within a few words: the word's stem, the cue's span and
/// the word's span.
fn negated(a: &Analysis) -> Vec<(&str, Span, Span)> {
    let toks = &a.tokens;
    let mut out = Vec::new();
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

const ANTONYM_PREFIXES: &[&str] = &["un", "in", "ir", "il", "im", "non", "dis"];

fn negation_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
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
        // prefix are candidates, so this stays linear in the two sentences' lengths.
        // Borrowed slices, not owned strings: this runs for every (claim, evidence) pair.
        fn stripped(a: &Analysis) -> impl Iterator<Item = (&str, Span)> {
            // Cheap byte test first: every prefix starts with one of these letters and leaves
            // at least five bytes, and most words fail here without a string comparison.
            let candidate = |w: &str| {
                w.len() >= 7 && matches!(w.as_bytes().first(), Some(b'u' | b'i' | b'n' | b'd'))
            };
            a.tokens
                .iter()
                .filter(move |t| !t.stop && candidate(&t.lower))
                .flat_map(|t| {
                    ANTONYM_PREFIXES.iter().filter_map(move |p| {
                        t.lower
                            .strip_prefix(p)
                            .filter(|r| r.len() >= 5)
                            .map(|r| (r, (t.start, t.end)))
                    })
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

// ---------------------------------------------------------------- attribution

fn in_quote(a: &Analysis, pos: usize) -> bool {
    a.quotes.iter().any(|q| q.start <= pos && pos < q.end)
}

/// Stance verbs outside quotes; an explicit "confirm" is kept apart from findings ("found",
/// "showed"), which describe evidence rather than take a stance.
fn stances<'a>(side: &Side<'a>) -> Vec<Stance<'a>> {
    let a = side.analysis;
    a.attributions
        .iter()
        .filter(|x| x.strength != Strength::Neutral && !x.in_quote && !in_quote(a, x.start))
        .map(|x| Stance {
            strength: x.strength,
            confirm: x.lemma.starts_with("confirm"),
            span: (x.start, x.end),
            speaker: speaker_words(side, x.speaker),
        })
        .collect()
}

/// One stance verb of a side: how strong, whether an explicit "confirm", where, and who.
struct Stance<'a> {
    strength: Strength,
    confirm: bool,
    span: (usize, usize),
    /// The speaker's content words, lowercased (empty when the sentence names nobody).
    speaker: Vec<&'a str>,
}

fn speaker_words<'a>(side: &Side<'a>, span: Option<(usize, usize)>) -> Vec<&'a str> {
    let Some((s, e)) = span else {
        return Vec::new();
    };
    side.analysis
        .tokens
        .iter()
        .filter(|t| t.start >= s && t.end <= e && !t.stop)
        .map(|t| t.lower.as_str())
        .collect()
}

/// `same_speaker`: only stances whose speakers share a word count. A weakly aligned pair of
/// sentences is compared on stance only when both name one speaker ("NATO confirmed that Iran
/// was behind the attack" against "NATO and the EU denounced the attack"): the same actor
/// taking two different stances on one event is the difference itself.
fn attribution_diffs(claim: &Side, evidence: &[Side], same_speaker: bool, out: &mut Vec<Found>) {
    let mut here = stances(claim);
    let mut there = Vec::new();
    for e in evidence {
        there.extend(stances(e).into_iter().map(|x| (e.unit, x)));
    }
    if same_speaker {
        let shares = |a: &Stance, b: &Stance| a.speaker.iter().any(|w| b.speaker.contains(w));
        there.retain(|(_, t)| here.iter().any(|h| shares(h, t)));
        here.retain(|h| there.iter().any(|(_, t)| shares(h, t)));
    }
    // Only an explicit confirmation against an allegation, condemnation or denial is a material
    // change; other pairs of stance verbs usually belong to different subjects.
    let contested = |s: Strength| {
        matches!(
            s,
            Strength::Alleged | Strength::Condemned | Strength::Denied
        )
    };
    let h_conf = here.iter().find(|x| x.confirm);
    let t_conf = there.iter().find(|x| x.1.confirm);
    let h_cont = here.iter().find(|x| contested(x.strength));
    let t_cont = there.iter().find(|x| contested(x.1.strength));
    let pair = match (h_conf, t_conf, h_cont, t_cont) {
        (Some(h), None, _, Some(t)) => Some((h.span, t.0, t.1.span)),
        (None, Some(t), Some(h), _) => Some((h.span, t.0, t.1.span)),
        _ => None,
    };
    if let Some((here, there_unit, there)) = pair {
        out.push(Found {
            kind: DiffKind::Attribution,
            here,
            there_unit,
            there,
        });
    }
}

// ---------------------------------------------------------------- quotes

/// Longest quote compared word for word: longer quotes are translated or trimmed too freely
/// for one changed word to mean a change of tone.
const SHORT_QUOTE_WORDS: usize = 12;

fn quote_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let words = |a: &Analysis, s: usize, e: usize| {
        a.tokens
            .iter()
            .filter(|t| t.start >= s && t.end <= e)
            .count()
    };
    let content = |a: &Analysis, s: usize, e: usize| -> HashSet<String> {
        a.tokens
            .iter()
            .filter(|t| t.start >= s && t.end <= e && !t.stop)
            .map(|t| t.stem.clone())
            .collect()
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
                let shared = cc.intersection(&ec).count();
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

/// Coverage below which a cluster build does not look for differences at all (figure slots
/// can lift coverage by less than this gap to the carrying thresholds).
pub const DIFF_MIN_COVERAGE: f32 = 0.08;

/// Coverage below which only figures are compared: a weakly aligned sentence may well tell
/// another event, with its own day, stance and wording.
pub const STRONG_ALIGNMENT: f32 = 0.4;

/// Every incompatible detail between a claim and its evidence, most checkable first.
/// `coverage` is how well the evidence is aligned with the claim.
pub fn differences(claim: &Side, evidence: &[Side], coverage: f32) -> Vec<Found> {
    let mut out = Vec::new();
    number_diffs(claim, evidence, &mut out);
    if coverage >= STRONG_ALIGNMENT {
        date_diffs(claim, evidence, &mut out);
        negation_diffs(claim, evidence, &mut out);
        attribution_diffs(claim, evidence, false, &mut out);
        quote_diffs(claim, evidence, &mut out);
    } else {
        attribution_diffs(claim, evidence, true, &mut out);
    }
    out
}

// ---------------------------------------------------------------- features and decisions

/// What the decision looks at, shared by cluster verdicts and the pair judge.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Weighted share of the claim's terms found in the evidence.
    pub coverage: f32,
    /// Weighted share of the evidence's terms found in the claim.
    pub reverse: f32,
    /// Weighted share of the claim's names, numbers and dates missing from the evidence.
    pub specifics_missing: f32,
    /// Weighted share of the claim's terms found anywhere in the other document, and of the
    /// whole document's terms found in the claim.
    pub doc_coverage: f32,
    pub doc_reverse: f32,
    /// 1 when the evidence's own best match back in the claim's article is the claim
    /// (cluster builds only; a lone pair has nothing to compete with).
    pub mutual: f32,
    /// Differences found, by kind.
    pub n_number: f32,
    pub n_date: f32,
    pub n_negation: f32,
    pub n_other: f32,
    /// log(evidence terms / claim terms).
    pub length_ratio: f32,
    /// Weighted share of the claim's neighbouring-term pairs found in the evidence.
    pub pair_coverage: f32,
    /// Weighted share of the evidence's names, numbers and dates missing from the claim.
    pub ev_specifics_missing: f32,
    /// Claim terms not in the evidence, and evidence terms not in the claim (counts).
    pub claim_unmatched: f32,
    pub evidence_unmatched: f32,
    /// Share of the claim's word bigrams / trigrams (surface, stop words included) found in the
    /// evidence, and of the evidence's found in the claim: phrasing kept, not just vocabulary.
    pub bigram_claim: f32,
    pub bigram_evidence: f32,
    pub trigram_claim: f32,
    pub trigram_evidence: f32,
    /// Total weight of the shared terms in units of the rarest term's weight (not a share:
    /// a long claim carrying several claims can be corroborated on its main one).
    pub shared_weight: f32,
}

impl Features {
    pub const NAMES: [&'static str; 20] = [
        "coverage",
        "reverse",
        "specifics_missing",
        "doc_coverage",
        "n_number",
        "n_date",
        "n_negation",
        "n_other",
        "length_ratio",
        "pair_coverage",
        "shared_weight",
        "ev_specifics_missing",
        "claim_unmatched",
        "evidence_unmatched",
        "bigram_claim",
        "bigram_evidence",
        "trigram_claim",
        "trigram_evidence",
        "doc_reverse",
        "mutual",
    ];

    pub fn to_vec(&self) -> [f32; 20] {
        [
            self.coverage,
            self.reverse,
            self.specifics_missing,
            self.doc_coverage,
            self.n_number,
            self.n_date,
            self.n_negation,
            self.n_other,
            self.length_ratio,
            self.pair_coverage,
            self.shared_weight,
            self.ev_specifics_missing,
            self.claim_unmatched,
            self.evidence_unmatched,
            self.bigram_claim,
            self.bigram_evidence,
            self.trigram_claim,
            self.trigram_evidence,
            self.doc_reverse,
            self.mutual,
        ]
    }
}

/// Computes the features of `claim` against `evidence` (unit ids) within `doc` (all the other
/// article's unit ids). `claim_side` and `evidence_sides` give the texts' tokens.
pub fn features(
    al: &Aligner,
    claim: u32,
    evidence: &[u32],
    doc: &[u32],
    diffs: &[Found],
    claim_side: &Side,
    evidence_sides: &[Side],
) -> Features {
    let cw: Vec<&str> = claim_side
        .analysis
        .tokens
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let ew: Vec<&str> = evidence_sides
        .iter()
        .flat_map(|s| s.analysis.tokens.iter().map(|t| t.lower.as_str()))
        .collect();
    let (bigram_claim, bigram_evidence) = crate::pair_features::ngram_shares(&cw, &ew, 2);
    let (trigram_claim, trigram_evidence) = crate::pair_features::ngram_shares(&cw, &ew, 3);
    let (mut coverage, reverse) = al.score(claim, evidence);
    let (doc_coverage, doc_reverse) = al.score(claim, doc);
    // Ordered, so the weight sums below add in one order and a pair gets the same features,
    // to the last bit, on every run (a hash set's order changes from run to run).
    let ev_keys: BTreeSet<u32> = evidence.iter().flat_map(|&e| al.keys(e)).copied().collect();
    let w = |k: u32| al.weight.get(k as usize).copied().unwrap_or(0.0);
    let ck = al.keys(claim);
    let total: f32 = ck.iter().map(|&k| w(k)).sum();
    let missing: f32 = ck
        .iter()
        .filter(|&&k| {
            !ev_keys.contains(&k)
                && al
                    .kinds
                    .get(k as usize)
                    .is_some_and(|kind| *kind != TermKind::Word)
        })
        .map(|&k| w(k))
        .sum();
    let ev_total: f32 = ev_keys.iter().map(|&k| w(k)).sum();
    // A figure or day that is there with another value still marks the same slot of the
    // claim: "nears 20,000" and "more than 20,000" are one claim that differs.
    if total > 0.0 {
        let slots: f32 = diffs
            .iter()
            .filter(|d| matches!(d.kind, DiffKind::Number | DiffKind::Date))
            .filter_map(|d| {
                al.terms
                    .get(claim as usize)?
                    .iter()
                    .find(|t| t.start == d.here.0 && t.end == d.here.1 && !ev_keys.contains(&t.key))
                    .map(|t| w(t.key))
            })
            .sum();
        coverage = (coverage + slots / total).min(1.0);
    }
    let count = |k: DiffKind| diffs.iter().filter(|d| d.kind == k).count() as f32;
    let claim_keys: HashSet<u32> = ck.iter().copied().collect();
    let specific = |k: &u32| {
        al.kinds
            .get(*k as usize)
            .is_some_and(|kind| *kind != TermKind::Word)
    };
    let ev_spec_total: f32 = ev_keys.iter().filter(|k| specific(k)).map(|&k| w(k)).sum();
    let ev_spec_missing: f32 = ev_keys
        .iter()
        .filter(|k| specific(k) && !claim_keys.contains(k))
        .map(|&k| w(k))
        .sum();
    Features {
        mutual: 0.0,
        doc_reverse,
        bigram_claim,
        bigram_evidence,
        trigram_claim,
        trigram_evidence,
        ev_specifics_missing: if ev_spec_total > 0.0 {
            ev_spec_missing / ev_spec_total
        } else {
            0.0
        },
        claim_unmatched: ck.iter().filter(|k| !ev_keys.contains(k)).count() as f32,
        evidence_unmatched: ev_keys.iter().filter(|k| !claim_keys.contains(k)).count() as f32,
        coverage,
        reverse,
        specifics_missing: if total > 0.0 { missing / total } else { 0.0 },
        doc_coverage,
        n_number: count(DiffKind::Number),
        n_date: count(DiffKind::Date),
        n_negation: count(DiffKind::Negation),
        n_other: count(DiffKind::Attribution) + count(DiffKind::Quote) + count(DiffKind::Entity),
        length_ratio: ((ev_total + 1.0) / (total + 1.0)).ln(),
        pair_coverage: al.pair_coverage(claim, evidence),
        shared_weight: coverage * total / al.max_weight,
    }
}

/// The features the cluster decision reads (coverage with figure slots, reverse coverage,
/// shared weight, differences), without the pair-only ones: a build computes one per
/// (claim, other article), so this path allocates nothing per call beyond the slot lookup.
pub fn cluster_features(al: &Aligner, claim: u32, evidence: &[u32], diffs: &[Found]) -> Features {
    let (mut coverage, reverse) = al.score(claim, evidence);
    let w = |k: u32| al.weight.get(k as usize).copied().unwrap_or(0.0);
    let ck = al.keys(claim);
    let total: f32 = ck.iter().map(|&k| w(k)).sum();
    let in_evidence = |k: u32| {
        evidence
            .iter()
            .any(|&e| al.keys(e).binary_search(&k).is_ok())
    };
    if total > 0.0 && !diffs.is_empty() {
        let slots: f32 = diffs
            .iter()
            .filter(|d| matches!(d.kind, DiffKind::Number | DiffKind::Date))
            .filter_map(|d| {
                al.terms
                    .get(claim as usize)?
                    .iter()
                    .find(|t| t.start == d.here.0 && t.end == d.here.1 && !in_evidence(t.key))
                    .map(|t| w(t.key))
            })
            .sum();
        coverage = (coverage + slots / total).min(1.0);
    }
    let count = |k: DiffKind| diffs.iter().filter(|d| d.kind == k).count() as f32;
    Features {
        coverage,
        reverse,
        shared_weight: coverage * total / al.max_weight,
        n_number: count(DiffKind::Number),
        n_date: count(DiffKind::Date),
        n_negation: count(DiffKind::Negation),
        n_other: count(DiffKind::Attribution) + count(DiffKind::Quote) + count(DiffKind::Entity),
        ..Features::default()
    }
}

/// Where a claim's main clause ends: at the first clause break ("…, citing …", "…, which …",
/// "…, according to …", a semicolon or a spaced dash) after at least four words; None when the
/// sentence has no such break.
pub fn main_clause_end(text: &str) -> Option<usize> {
    const BREAKS: &[&str] = &[
        ", citing ",
        ", saying ",
        ", adding ",
        ", which ",
        ", who ",
        ", after ",
        ", as ",
        ", while ",
        ", although ",
        ", according ",
        ", including ",
        ", amid ",
        ", following ",
        ", with ",
        ", despite ",
        ", but ",
        ", a move ",
        ", in a ",
        "; ",
        " – ",
        " — ",
        " - ",
    ];
    // ASCII lowercasing keeps every byte offset, so the break indexes `text` itself.
    let lower = text.to_ascii_lowercase();
    let end = BREAKS.iter().filter_map(|b| lower.find(b)).min()?;
    (text.get(..end)?.split_whitespace().count() >= 4).then_some(end)
}

/// The weight of the claim's distinct terms that `in_part` selects (any occurrence counts),
/// and the weight of those the evidence carries.
fn part_weight(
    al: &Aligner,
    claim: u32,
    evidence: &[u32],
    in_part: impl Fn(&Term) -> bool,
) -> (f32, f32) {
    let w = |k: u32| al.weight.get(k as usize).copied().unwrap_or(0.0);
    let mut keys: Vec<u32> = al
        .terms
        .get(claim as usize)
        .into_iter()
        .flatten()
        .filter(|t| in_part(t))
        .map(|t| t.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let carried = keys
        .iter()
        .filter(|&&k| {
            evidence
                .iter()
                .any(|&e| al.keys(e).binary_search(&k).is_ok())
        })
        .map(|&k| w(k))
        .sum();
    (keys.iter().map(|&k| w(k)).sum(), carried)
}

/// How much of the claim's main clause (its terms before byte `end`) the evidence carries:
/// (weighted share, clause weight in rarest-term units). LABELS.md: a sentence making several
/// claims is corroborated by an article stating its main claim, however long the rest.
pub fn main_clause_coverage(al: &Aligner, claim: u32, end: usize, evidence: &[u32]) -> (f32, f32) {
    let (total, carried) = part_weight(al, claim, evidence, |t| t.end <= end);
    if total <= 0.0 || al.max_weight <= 0.0 {
        return (0.0, 0.0);
    }
    (carried / total, total / al.max_weight)
}

/// How much of the claim's weight lies inside its direct quotes, and what share of that the
/// evidence carries: (quoted share, carried share of the quoted weight); None without quotes.
pub fn quote_coverage(
    al: &Aligner,
    claim: u32,
    quotes: &[Quote],
    evidence: &[u32],
) -> Option<(f32, f32)> {
    if quotes.is_empty() {
        return None;
    }
    let inside = |t: &Term| quotes.iter().any(|q| t.start >= q.start && t.end <= q.end);
    let (quoted, carried) = part_weight(al, claim, evidence, inside);
    let total: f32 = al
        .keys(claim)
        .iter()
        .map(|&k| al.weight.get(k as usize).copied().unwrap_or(0.0))
        .sum();
    (total > 0.0 && quoted > 0.0).then(|| (quoted / total, carried / quoted))
}

/// What the cluster decision knows of the claim's parts, beyond `Features`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parts {
    /// `main_clause_coverage`, when the claim has a clause break.
    pub main_clause: Option<(f32, f32)>,
    /// `quote_coverage`, when the claim quotes someone.
    pub quote: Option<(f32, f32)>,
}

/// Cluster decision: coverage decides whether the claim is carried; a found difference turns a
/// carried claim into `differs`.
pub fn decide_cluster(f: &Features, diffs: &[Found], parts: &Parts) -> (Label, f32) {
    let carried = f.coverage >= CLUSTER_OMIT_BELOW
        || f.shared_weight >= CLUSTER_CARRIED_WEIGHT
        || (f.mutual > 0.0 && f.coverage >= CLUSTER_MUTUAL_BELOW)
        || parts.main_clause.is_some_and(|(share, weight)| {
            share >= CLUSTER_MAIN_CLAUSE_AT && weight >= CLUSTER_MAIN_CLAUSE_WEIGHT
        });
    let quote_missing = parts.quote.is_some_and(|(quoted, carried)| {
        quoted >= CLUSTER_QUOTE_SHARE && carried < CLUSTER_QUOTE_CARRIED_BELOW
    });
    let carried = carried && !quote_missing;
    if !carried {
        return (Label::Omits, (1.0 - f.coverage).clamp(0.0, 1.0));
    }
    let conf = (0.5 + (f.coverage - CLUSTER_OMIT_BELOW)).clamp(0.5, 1.0);
    if diffs.is_empty() {
        (Label::Corroborates, conf)
    } else {
        (Label::Differs, conf)
    }
}

/// Pair decision: a small fitted model over these features, the pair-only surface features of
/// `pair_features::extract` and, when a sentence encoder is loaded, its features
/// (`encoder::similarity_features`). Weights fitted offline, one model per case: see
/// `pair_weights.rs`, `pair_weights_enc.rs` and `examples/fit_pairs.py`.
pub fn decide_pair(f: &Features, extra: &[f32], encoded: Option<&[f32]>) -> (Label, f32) {
    crate::pair_features::decide(&f.to_vec(), extra, encoded)
}

/// Drops the number differences whose claim figure another sentence of the same article that
/// carries the claim (`also`: the runners-up listed as further evidence) states compatibly
/// (`comparable` and `compatible`, as a figure that agrees): the article then gives the claim's
/// figure too ("$1 per customer" in the lead, "$10m" in the headline), and the best sentence's
/// other figure is a part or a rate, not a conflict.
pub fn drop_figures_stated_elsewhere(claim: &Side, also: &[Side], diffs: &mut Vec<Found>) {
    if also.is_empty() {
        return;
    }
    diffs.retain(|d| {
        d.kind != DiffKind::Number
            || !claim
                .analysis
                .quantities
                .iter()
                .filter(|q| q.start < d.here.1 && d.here.0 < q.end)
                .any(|q| {
                    also.iter()
                        .flat_map(|s| &s.analysis.quantities)
                        .any(|o| comparable(q, o) && compatible(q, o))
                })
    });
}

/// The terms of `unit` whose key the claim shares, for the widget to emphasise.
pub fn shared_terms(al: &Aligner, claim: u32, unit: u32) -> impl Iterator<Item = &Term> {
    let ck = al.keys(claim);
    al.terms
        .get(unit as usize)
        .into_iter()
        .flatten()
        .filter(move |t| ck.binary_search(&t.key).is_ok())
}
