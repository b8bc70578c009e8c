//! Date differences: the claim's event day against the evidence's, leaving out the days on
//! which something was only said.

use super::{Found, Side};
use crate::model::DiffKind;

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

pub(super) fn date_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
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
