//! What the scores are made of, one record per scored item: every (gold claim or headline, other
//! article) pair with the gold's answer and the database's, and every gold boilerplate line with
//! whether the database marked it. `crosscheck eval --items FILE` and `crosscheck loco --exports`
//! write them as JSON Lines, so the errors behind a figure can be read (or counted with `jq`)
//! one by one instead of guessed from the table.
//!
//! Records are built by the scoring loop itself (`score_records`), never by a second pass that
//! could match keys or judge evidence differently from the figures.

use serde::Serialize;

use super::GoldDetail;
use crate::model::{DiffKind, Label, Segment, SegmentKind};

/// One line of the items file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Verdict(VerdictRecord),
    Boilerplate(BoilerplateRecord),
}

impl Record {
    /// Whether the database got this record wrong: a verdict outside the gold's list, or gold
    /// boilerplate left as a claim.
    pub fn is_wrong(&self) -> bool {
        match self {
            Record::Verdict(v) => !v.right,
            Record::Boilerplate(b) => !b.marked,
        }
    }
}

/// Where a gold line's key led in the database: the segment scored for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// The gold file's line.
    pub line: usize,
    pub source: String,
    /// The gold's kind of segment: `claim`, `headline` or `boilerplate`.
    pub kind: &'static str,
    pub key: String,
    /// The database segment scored for the key (`None`: its article has no segment at all).
    pub segment: Option<u32>,
    pub text: Option<String>,
    /// Whether the segment contains the key; `false` is the scorer's fallback to the segment
    /// sharing most of its words, which usually means a sentence split or glued wrongly.
    pub exact: bool,
}

impl Found {
    pub(super) fn new(line: &super::GoldLine, segment: Option<&Segment>, exact: bool) -> Found {
        Found {
            line: line.line,
            source: line.source.clone(),
            kind: match line.kind {
                SegmentKind::Claim => "claim",
                SegmentKind::Headline => "headline",
                _ => "boilerplate",
            },
            key: line.key.clone(),
            segment: segment.map(|s| s.id),
            text: segment.map(|s| s.text.clone()),
            exact,
        }
    }
}

/// A claim (or headline) against one other article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictRecord {
    #[serde(flatten)]
    pub found: Found,
    pub other: String,
    /// The acceptable verdicts, the first being the one counted when the answer is wrong.
    pub gold: Vec<Label>,
    /// The database's verdict (`omits` when it stores none).
    pub answer: Label,
    pub right: bool,
    /// The database's confidence in its answer; `None` for an implicit `omits`.
    pub score: Option<f32>,
    /// The texts of the database's evidence sentences.
    pub evidence: Vec<String>,
    pub gold_evidence: Vec<String>,
    /// Whether an evidence sentence contains a gold evidence run; `None` where evidence
    /// accuracy does not count the item (a wrong answer, `omits`, or no gold evidence).
    pub evidence_right: Option<bool>,
    /// The differences the database reports (on a `differs` answer).
    pub differences: Vec<ReportedDifference>,
    pub gold_detail: Option<GoldDetail>,
    /// Whether a reported difference overlaps the gold detail's two spans; `None` where detail
    /// accuracy does not count the item.
    pub detail_right: Option<bool>,
}

/// A reported difference as a reader sees it: its kind and the two differing spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedDifference {
    pub kind: DiffKind,
    pub here: String,
    pub there: String,
}

/// A gold boilerplate line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoilerplateRecord {
    #[serde(flatten)]
    pub found: Found,
    /// Whether the database marks the segment as a non-claim (boilerplate recall counts it).
    pub marked: bool,
}

/// The records as JSON Lines.
pub fn to_json_lines(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        // A record holds strings, numbers and lists only: serialising it cannot fail.
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
