//! What a decision reads: the lexical features of a claim against its evidence (shared by the
//! cluster build and the pair judge), and the coverage of a claim's parts (main clause, quotes).

use std::collections::{BTreeSet, HashSet};

use super::{Found, Side};
use crate::align::{Aligner, KeyUnion, Term, TermKind};
use crate::analyze::Quote;
use crate::model::DiffKind;

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
    // ASCII lowercasing keeps every byte offset, so the break indexes `text` itself.
    let lower = text.to_ascii_lowercase();
    let end = crate::lexicon::grammar::CLAUSE_BREAKS
        .iter()
        .filter_map(|b| lower.find(b))
        .min()?;
    (text.get(..end)?.split_whitespace().count() >= 4).then_some(end)
}

/// A part of a claim (its main clause, or what it quotes): the distinct keys of the terms
/// that `in_part` selects (any occurrence counts), sorted, and their summed weight. Built once
/// per claim (`ClaimPart::new`): every item of the claim, one per other article, reads it.
#[derive(Debug, Clone, Default)]
pub struct ClaimPart {
    keys: Vec<u32>,
    weight: f32,
}

impl ClaimPart {
    pub fn new(al: &Aligner, claim: u32, in_part: impl Fn(&Term) -> bool) -> ClaimPart {
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
        let weight = keys.iter().map(|&k| w(k)).sum();
        ClaimPart { keys, weight }
    }

    /// The weight of the part's keys that the evidence carries.
    fn carried(&self, al: &Aligner, evidence: &[u32]) -> f32 {
        let w = |k: u32| al.weight.get(k as usize).copied().unwrap_or(0.0);
        self.keys
            .iter()
            .filter(|&&k| {
                evidence
                    .iter()
                    .any(|&e| al.keys(e).binary_search(&k).is_ok())
            })
            .map(|&k| w(k))
            .sum()
    }
}

/// The claim's main clause (its terms before byte `end`, `main_clause_end`), for
/// `main_clause_coverage`.
pub fn main_clause_part(al: &Aligner, claim: u32, end: usize) -> ClaimPart {
    ClaimPart::new(al, claim, |t| t.end <= end)
}

/// How much of the claim's main clause (`main_clause_part`) the evidence carries: (weighted
/// share, clause weight in rarest-term units). LABELS.md: a sentence making several claims is
/// corroborated by an article stating its main claim, however long the rest.
pub fn main_clause_coverage(al: &Aligner, main: &ClaimPart, evidence: &[u32]) -> (f32, f32) {
    let (total, carried) = (main.weight, main.carried(al, evidence));
    if total <= 0.0 || al.max_weight <= 0.0 {
        return (0.0, 0.0);
    }
    (carried / total, total / al.max_weight)
}

/// What the claim quotes, for `quote_coverage`: its terms inside its direct quotes, and the
/// weight of all its terms; None without quotes.
pub fn quote_part(al: &Aligner, claim: u32, quotes: &[Quote]) -> Option<(ClaimPart, f32)> {
    if quotes.is_empty() {
        return None;
    }
    let inside = |t: &Term| quotes.iter().any(|q| t.start >= q.start && t.end <= q.end);
    let part = ClaimPart::new(al, claim, inside);
    let total: f32 = al
        .keys(claim)
        .iter()
        .map(|&k| al.weight.get(k as usize).copied().unwrap_or(0.0))
        .sum();
    Some((part, total))
}

/// How much of the claim's weight lies inside its direct quotes, and what share of that the
/// evidence carries: (quoted share, carried share of the quoted weight); None without quotes.
/// `quoted` is `quote_part` of the claim.
pub fn quote_coverage(
    al: &Aligner,
    quoted: Option<&(ClaimPart, f32)>,
    evidence: &[u32],
) -> Option<(f32, f32)> {
    let (part, total) = quoted?;
    let (quoted, carried) = (part.weight, part.carried(al, evidence));
    (*total > 0.0 && quoted > 0.0).then(|| (quoted / total, carried / quoted))
}

/// What the cluster decision knows of the claim's parts, beyond `Features`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parts {
    /// `main_clause_coverage`, when the claim has a clause break.
    pub main_clause: Option<(f32, f32)>,
    /// `quote_coverage`, when the claim quotes someone.
    pub quote: Option<(f32, f32)>,
}

/// The terms of `unit` whose key the claim shares, for the widget to emphasise,
/// `claim_keys` being `al.union(&[claim])`. Why a key union: a build asks this for every
/// evidence sentence of every verdict it writes, and a bit test per term is cheaper than a
/// search of the claim's sorted keys.
pub fn shared_terms<'a>(
    al: &'a Aligner,
    claim_keys: &'a KeyUnion,
    unit: u32,
) -> impl Iterator<Item = &'a Term> {
    al.terms
        .get(unit as usize)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(move |t| claim_keys.contains(t.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim part holds each selected key once, sorted, with their summed weight, and the
    /// coverages read from it are what summing the claim's terms for each item gives.
    #[test]
    fn claim_part_is_the_selected_keys_once() {
        let texts = [
            "The council approved the budget on Monday, according to the mayor's office.",
            "The council approved the budget after a long debate.",
            "The mayor's office said nothing about the council.",
        ];
        let al = crate::align::aligner_of(&texts);
        let end = main_clause_end(texts[0]).expect("a clause break");
        let main = main_clause_part(&al, 0, end);
        let mut want: Vec<u32> = al.terms[0]
            .iter()
            .filter(|t| t.end <= end)
            .map(|t| t.key)
            .collect();
        want.sort_unstable();
        want.dedup();
        assert!(!want.is_empty());
        assert_eq!(main.keys, want);
        let w = |k: &u32| al.weight[*k as usize];
        assert_eq!(main.weight, want.iter().map(w).sum::<f32>());
        for evidence in [&[1u32][..], &[2], &[1, 2], &[]] {
            let carried: f32 = want
                .iter()
                .filter(|k| evidence.iter().any(|&e| al.keys(e).contains(k)))
                .map(w)
                .sum();
            let (share, weight) = main_clause_coverage(&al, &main, evidence);
            assert_eq!(share, carried / main.weight);
            assert_eq!(weight, main.weight / al.max_weight);
        }
        // No quotes, no quoted part.
        let second = crate::analyze::analyze(texts[1], None);
        assert!(quote_part(&al, 1, &second.quotes).is_none());
        assert_eq!(quote_coverage(&al, None, &[0]), None);
    }
}
