//! The whole build: articles in, claim database out.
//!
//! Stages: segment each article, analyse each segment, learn the cluster's aliases, then for
//! every claim segment and every other article align and decide a verdict.

use std::collections::HashSet;

use crate::analyze;
use crate::io::Article;
use crate::model::{Database, Label, Segment, Source, Verdict, DB_VERSION};
use crate::segment;

/// Why a cluster could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// Builds the claim database for one cluster.
// SCAFFOLD: naive stem-overlap verdicts, to be replaced by alignment and the verdict stage.
pub fn build(articles: &[Article]) -> Result<Database, BuildError> {
    let mut sources = Vec::new();
    let mut segments = Vec::new();
    for a in articles {
        sources.push(Source {
            id: a.id.clone(),
            title: a.meta.title.clone(),
            outlet: a.meta.outlet.clone(),
            url: a.meta.url.clone(),
            published: a.meta.published.clone(),
            language: a.meta.language.clone(),
            text: a.text.clone(),
        });
        for raw in segment::segment(&a.text) {
            segments.push(Segment {
                id: segments.len() as u32,
                source: a.id.clone(),
                text: a.text[raw.start..raw.end].to_string(),
                start: raw.start,
                end: raw.end,
                kind: raw.kind,
                paragraph: raw.paragraph,
            });
        }
    }
    let stems: Vec<HashSet<String>> = segments
        .iter()
        .map(|s| {
            analyze::tokenize(&s.text)
                .into_iter()
                .filter(|t| !t.stop)
                .map(|t| t.stem)
                .collect()
        })
        .collect();
    let mut verdicts = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        if !seg.kind.gets_verdicts() {
            continue;
        }
        for other in &sources {
            if other.id == seg.source {
                continue;
            }
            let best = segments
                .iter()
                .enumerate()
                .filter(|(_, s)| s.source == other.id && s.kind.gets_verdicts())
                .map(|(j, s)| {
                    let shared = stems[i].intersection(&stems[j]).count();
                    (shared as f32 / stems[i].len().max(1) as f32, s.id)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let (score, evidence) = match best {
                Some((score, id)) if score >= 0.5 => (score, vec![id]),
                Some((score, _)) => (1.0 - score, vec![]),
                None => (1.0, vec![]),
            };
            verdicts.push(Verdict {
                segment: seg.id,
                other: other.id.clone(),
                label: if evidence.is_empty() {
                    Label::Omits
                } else {
                    Label::Corroborates
                },
                score,
                evidence,
                differences: vec![],
                shared: vec![],
            });
        }
    }
    Ok(Database {
        version: DB_VERSION,
        sources,
        segments,
        verdicts,
    })
}

/// The engine applied to one claim against one document (the `crosscheck verdict` command).
#[derive(Debug, Clone, PartialEq)]
pub struct PairVerdict {
    pub label: Label,
    pub score: f32,
    /// The document's sentences that carry the claim.
    pub evidence: Vec<String>,
    /// `there_segment` indexes the document's segments in order.
    pub differences: Vec<crate::model::Difference>,
}

/// Judges `claim` against `document`; `date` is the document's date, for relative dates.
// SCAFFOLD: routes through `build` on a two-article cluster.
pub fn judge_pair(claim: &str, document: &str, date: Option<chrono::NaiveDate>) -> PairVerdict {
    let meta = crate::io::SourceMeta {
        published: date.map(|d| d.format("%Y-%m-%d").to_string()),
        ..Default::default()
    };
    let articles = [
        Article {
            id: "claim".into(),
            text: claim.into(),
            meta: meta.clone(),
        },
        Article {
            id: "document".into(),
            text: document.into(),
            meta,
        },
    ];
    let Ok(db) = build(&articles) else {
        return PairVerdict {
            label: Label::Omits,
            score: 0.0,
            evidence: vec![],
            differences: vec![],
        };
    };
    let Some(v) = db.verdicts.iter().find(|v| v.other == "document") else {
        return PairVerdict {
            label: Label::Omits,
            score: 0.0,
            evidence: vec![],
            differences: vec![],
        };
    };
    PairVerdict {
        label: v.label,
        score: v.score,
        evidence: v
            .evidence
            .iter()
            .filter_map(|id| {
                db.segments
                    .iter()
                    .find(|s| s.id == *id)
                    .map(|s| s.text.clone())
            })
            .collect(),
        differences: v.differences.clone(),
    }
}
