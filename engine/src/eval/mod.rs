//! Scoring a claim database against a gold file (the `crosscheck eval` command and the gold
//! tests).
//!
//! This is a deliberate port of the shared reference scorer's `cluster` mode (`score.py`,
//! written from LABELS.md): the same key matching (normalised key contained in a segment, else
//! the segment sharing most of its words), the same handling of list labels, the same rounding
//! and the same JSON key names, so that `crosscheck eval` and `score.py` print the same figures
//! for the same export. Its normalisation is kept here rather than borrowed from `text.rs`:
//! the engine may tune its own comparisons, the scorer must not move with it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::model::{Database, Label, Segment, SegmentKind};

mod gold;
mod items;

pub use gold::{parse_gold, GoldDetail, GoldLine, GoldVerdict};
pub use items::{
    to_json_lines, BoilerplateRecord, Found, Record, ReportedDifference, VerdictRecord,
};

/// The three verdicts in the scorer's fixed order.
pub const LABELS: [Label; 3] = [Label::Corroborates, Label::Differs, Label::Omits];

/// Function words the scorer ignores when it compares words (score.py's `STOP`).
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "is", "was",
    "were", "be", "been", "are", "as", "it", "its", "this", "that", "with", "from",
];

/// A gold key that no segment of its article contains (the scorer then falls back to the
/// segment sharing most words, which usually means the segmenter split or glued it wrongly).
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedKey {
    pub line: usize,
    pub source: String,
    pub key: String,
}

/// Precision, recall and F1 of one verdict, rounded like the scorer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerLabel {
    pub corroborates: LabelScores,
    pub differs: LabelScores,
    pub omits: LabelScores,
}

impl PerLabel {
    pub fn get(&self, label: Label) -> &LabelScores {
        match label {
            Label::Corroborates => &self.corroborates,
            Label::Differs => &self.differs,
            Label::Omits => &self.omits,
        }
    }
}

/// The figures of LABELS.md. Field names and order are score.py's JSON keys, so the two JSON
/// lines compare equal; figures are rounded to 4 places as score.py rounds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// (claim segment, other article) pairs scored.
    pub items: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub per_label: PerLabel,
    /// `None` when no item qualifies (score.py prints `null`).
    pub evidence_accuracy: Option<f64>,
    pub detail_accuracy: Option<f64>,
    pub boilerplate_recall: Option<f64>,
    /// Engine non-claims that a gold boilerplate key matched, over all engine non-claims: an
    /// upper bound, as the gold need not list every boilerplate fragment.
    pub boilerplate_precision_upper: f64,
    pub claims_marked_non_claim: usize,
    pub segmentation_misses: usize,
    /// Gold pairs with no stored verdict, scored as `omits` (score.py's name): since data model
    /// 2 the engine leaves every omission implicit, so this counts its `omits` answers.
    pub missing_verdicts: usize,
    /// Not part of score.py's JSON: reported as warnings.
    #[serde(skip)]
    pub unmatched_keys: Vec<UnmatchedKey>,
}

impl Scores {
    /// One line of JSON, as score.py prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// A table a person reads; the JSON line is the machine-readable form.
    pub fn table(&self) -> String {
        let opt = |v: Option<f64>| v.map_or_else(|| String::from("n/a"), |v| format!("{v:.4}"));
        let mut out = String::new();
        out.push_str(&format!("{:<30} {:>9}\n", "score", "value"));
        out.push_str(&format!("{:-<30} {:->9}\n", "", ""));
        let rows: [(&str, String); 11] = [
            ("items (claim x other article)", self.items.to_string()),
            ("verdict accuracy", format!("{:.4}", self.accuracy)),
            ("macro-F1", format!("{:.4}", self.macro_f1)),
            ("evidence accuracy", opt(self.evidence_accuracy)),
            ("detail accuracy", opt(self.detail_accuracy)),
            ("boilerplate recall", opt(self.boilerplate_recall)),
            (
                "boilerplate precision (upper)",
                format!("{:.4}", self.boilerplate_precision_upper),
            ),
            (
                "claims marked non-claim",
                self.claims_marked_non_claim.to_string(),
            ),
            ("segmentation misses", self.segmentation_misses.to_string()),
            ("omits left implicit", self.missing_verdicts.to_string()),
            ("unmatched gold keys", self.unmatched_keys.len().to_string()),
        ];
        for (name, value) in rows {
            out.push_str(&format!("{name:<30} {value:>9}\n"));
        }
        out.push('\n');
        out.push_str(&format!(
            "{:<14} {:>9} {:>9} {:>9} {:>9}\n",
            "verdict", "precision", "recall", "F1", "support"
        ));
        out.push_str(&format!(
            "{:-<14} {:->9} {:->9} {:->9} {:->9}\n",
            "", "", "", "", ""
        ));
        for label in LABELS {
            let s = self.per_label.get(label);
            out.push_str(&format!(
                "{:<14} {:>9.4} {:>9.4} {:>9.4} {:>9}\n",
                label.as_str(),
                s.precision,
                s.recall,
                s.f1,
                s.support
            ));
        }
        out
    }
}

/// Python's `str.isspace`: Unicode White_Space plus the four ASCII separators it also counts.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// score.py's `norm`: NFKC, straight quotes, `-` dashes, white space folded, trimmed, lower case.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        if py_space(c) {
            space = !folded.is_empty();
            continue;
        }
        if space {
            folded.push(' ');
            space = false;
        }
        folded.push(c);
    }
    // Lower-casing the whole string (not char by char) keeps final-sigma rules, as Python does.
    folded.to_lowercase()
}

/// score.py's `tokens`: the `\w+` runs of the normalised text, minus `STOP`.
pub fn tokens(s: &str) -> HashSet<String> {
    norm(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty() && !STOP.contains(t))
        .map(str::to_string)
        .collect()
}

/// Python's `round(x, 4)`: Rust's fixed-precision formatting also rounds the exact binary value
/// half to even, so formatting and reading back gives the same float.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Macro-F1 over the verdicts present in the gold, from (gold, answer) pairs; per-verdict F1 is
/// rounded before averaging, as score.py does.
pub fn macro_f1(pairs: &[(Label, Label)]) -> (f64, PerLabel) {
    let one = |lab: Label| {
        let tp = pairs.iter().filter(|(g, p)| *g == lab && *p == lab).count();
        let fp = pairs.iter().filter(|(g, p)| *g != lab && *p == lab).count();
        let fn_ = pairs.iter().filter(|(g, p)| *g == lab && *p != lab).count();
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let prec = ratio(tp, tp + fp);
        let rec = ratio(tp, tp + fn_);
        let f1 = if prec + rec > 0.0 {
            2.0 * prec * rec / (prec + rec)
        } else {
            0.0
        };
        LabelScores {
            precision: round4(prec),
            recall: round4(rec),
            f1: round4(f1),
            support: tp + fn_,
        }
    };
    let per = PerLabel {
        corroborates: one(Label::Corroborates),
        differs: one(Label::Differs),
        omits: one(Label::Omits),
    };
    let present: Vec<f64> = LABELS
        .iter()
        .map(|&l| per.get(l))
        .filter(|s| s.support > 0)
        .map(|s| s.f1)
        .collect();
    let mf1 = if present.is_empty() {
        0.0
    } else {
        present.iter().fold(0.0, |a, b| a + b) / present.len() as f64
    };
    (mf1, per)
}

fn is_non_claim(seg: &Segment) -> bool {
    !matches!(seg.kind, SegmentKind::Claim | SegmentKind::Headline)
}

/// Scores `db` against `gold` exactly as `score.py cluster` scores its JSON export.
pub fn score(db: &Database, gold: &[GoldLine]) -> Scores {
    score_into(db, gold, None)
}

/// `score`, with the record of every item it scored, in gold order (`items`).
pub fn score_records(db: &Database, gold: &[GoldLine]) -> (Scores, Vec<Record>) {
    let mut records = Vec::new();
    let scores = score_into(db, gold, Some(&mut records));
    (scores, records)
}

fn score_into(db: &Database, gold: &[GoldLine], mut records: Option<&mut Vec<Record>>) -> Scores {
    let segs: HashMap<u32, &Segment> = db.segments.iter().map(|s| (s.id, s)).collect();
    let mut by_source: HashMap<&str, Vec<&Segment>> = HashMap::new();
    for s in &db.segments {
        by_source.entry(s.source.as_str()).or_default().push(s);
    }
    // Later duplicates win, as in the Python dict.
    let verdict: HashMap<(u32, &str), &crate::model::Verdict> = db
        .verdicts
        .iter()
        .map(|v| ((v.segment, v.other.as_str()), v))
        .collect();
    let empty = Vec::new();

    let find = |source: &str, key: &str| -> (Option<&Segment>, bool) {
        let cands = by_source.get(source).unwrap_or(&empty);
        let k = norm(key);
        if let Some(s) = cands.iter().find(|s| norm(&s.text).contains(&k)) {
            return (Some(s), true);
        }
        // Python's max keeps the first of equal maxima; Iterator::max_by_key keeps the last.
        let kt = tokens(key);
        let mut best: Option<(&Segment, usize)> = None;
        for s in cands {
            let n = kt.intersection(&tokens(&s.text)).count();
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        (best.map(|(s, _)| s), false)
    };

    let mut items: Vec<(Label, Label)> = Vec::new();
    let (mut ev_right, mut ev_total, mut det_right, mut det_total) = (0usize, 0usize, 0, 0);
    let (mut seg_miss, mut missing_verdicts) = (0usize, 0usize);
    let (mut bp_gold, mut bp_found, mut claim_marked_bp) = (0usize, 0usize, 0usize);
    let engine_bp_ids: HashSet<u32> = db
        .segments
        .iter()
        .filter(|s| is_non_claim(s))
        .map(|s| s.id)
        .collect();
    let mut matched_bp_ids: HashSet<u32> = HashSet::new();
    let mut unmatched_keys = Vec::new();

    for g in gold {
        let (seg, exact) = find(&g.source, &g.key);
        if !exact {
            seg_miss += 1;
            unmatched_keys.push(UnmatchedKey {
                line: g.line,
                source: g.source.clone(),
                key: g.key.clone(),
            });
        }
        if g.kind == SegmentKind::Boilerplate {
            bp_gold += 1;
            let marked = seg.filter(|s| exact && is_non_claim(s));
            if let Some(s) = marked {
                bp_found += 1;
                matched_bp_ids.insert(s.id);
            }
            if let Some(out) = records.as_deref_mut() {
                out.push(Record::Boilerplate(BoilerplateRecord {
                    found: Found::new(g, seg, exact),
                    marked: marked.is_some(),
                }));
            }
            continue;
        }
        if seg.is_some_and(is_non_claim) {
            claim_marked_bp += 1;
        }
        for (other, gv) in &g.verdicts {
            let v = seg.and_then(|s| verdict.get(&(s.id, other.as_str())).copied());
            let pred = v.map_or(Label::Omits, |v| v.label);
            if v.is_none() {
                missing_verdicts += 1;
            }
            let right = gv.labels.contains(&pred);
            items.push((if right { pred } else { gv.labels[0] }, pred));
            let answered = matches!(pred, Label::Corroborates | Label::Differs);
            let (mut evidence_right, mut detail_right) = (None, None);
            if let Some(v) = v.filter(|_| right && answered && !gv.evidence.is_empty()) {
                ev_total += 1;
                let texts: Vec<String> = v
                    .evidence
                    .iter()
                    .filter_map(|i| segs.get(i))
                    .map(|s| norm(&s.text))
                    .collect();
                let hit = gv.evidence.iter().any(|e| {
                    let e = norm(e);
                    texts.iter().any(|t| t.contains(&e))
                });
                if hit {
                    ev_right += 1;
                }
                evidence_right = Some(hit);
            }
            if let (Some(v), Some(d)) = (v, &gv.detail) {
                if gv.labels.contains(&Label::Differs) && pred == Label::Differs {
                    det_total += 1;
                    let (gh, gt) = (tokens(&d.here), tokens(&d.there));
                    let hit = v.differences.iter().any(|x| {
                        !tokens(&x.here).is_disjoint(&gh) && !tokens(&x.there).is_disjoint(&gt)
                    });
                    if hit {
                        det_right += 1;
                    }
                    detail_right = Some(hit);
                }
            }
            if let Some(out) = records.as_deref_mut() {
                let text = |i: &u32| segs.get(i).map(|s| s.text.clone());
                out.push(Record::Verdict(VerdictRecord {
                    found: Found::new(g, seg, exact),
                    other: other.clone(),
                    gold: gv.labels.clone(),
                    answer: pred,
                    right,
                    score: v.map(|v| v.score),
                    evidence: v
                        .map_or_else(Vec::new, |v| v.evidence.iter().filter_map(text).collect()),
                    gold_evidence: gv.evidence.clone(),
                    evidence_right,
                    differences: v.map_or_else(Vec::new, |v| {
                        v.differences
                            .iter()
                            .map(|d| ReportedDifference {
                                kind: d.kind,
                                here: d.here.clone(),
                                there: d.there.clone(),
                            })
                            .collect()
                    }),
                    gold_detail: gv.detail.clone(),
                    detail_right,
                }));
            }
        }
    }

    let ratio = |a: usize, b: usize| (b > 0).then(|| round4(a as f64 / b as f64));
    let acc = if items.is_empty() {
        0.0
    } else {
        items.iter().filter(|(g, p)| g == p).count() as f64 / items.len() as f64
    };
    let (mf1, per_label) = macro_f1(&items);
    let bp_precision = if engine_bp_ids.is_empty() {
        1.0
    } else {
        matched_bp_ids.len() as f64 / engine_bp_ids.len() as f64
    };
    Scores {
        items: items.len(),
        accuracy: round4(acc),
        macro_f1: round4(mf1),
        per_label,
        evidence_accuracy: ratio(ev_right, ev_total),
        detail_accuracy: ratio(det_right, det_total),
        boilerplate_recall: ratio(bp_found, bp_gold),
        boilerplate_precision_upper: round4(bp_precision),
        claims_marked_non_claim: claim_marked_bp,
        segmentation_misses: seg_miss,
        missing_verdicts,
        unmatched_keys,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_matches_the_scorer() {
        assert_eq!(
            norm("  The \u{201C}Quote\u{201D} \u{2013} it\u{2019}s\n\tFINE "),
            "the \"quote\" - it's fine"
        );
        assert_eq!(norm("\u{1f}a\u{a0}b"), "a b");
    }

    #[test]
    fn tokens_drop_stop_words() {
        let t = tokens("The mayor of the town said it was 20%");
        let mut v: Vec<_> = t.into_iter().collect();
        v.sort();
        assert_eq!(v, ["20", "mayor", "said", "town"]);
    }

    #[test]
    fn rounding_is_half_even_like_python() {
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.09375), 0.0938);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
    }
}
