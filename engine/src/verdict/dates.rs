//! Date differences: the claim's event day against the evidence's, and, apart, the day one
//! statement was made as each side gives it.

use super::{Found, Side};
use crate::model::DiffKind;

/// Reporting verbs: the day something was *said* is not the day it happened.
fn is_report_word(w: &str) -> bool {
    crate::lexicon::attribution::STATEMENT_WORDS.contains(&w)
}

/// Whether a day mention stands by a reporting word: the day of a statement.
fn is_statement_day(s: &Side, d: &crate::analyze::DateMention) -> bool {
    let toks = &s.analysis.tokens;
    let Some(i) = toks.iter().position(|t| t.start >= d.start) else {
        return false;
    };
    let lo = i.saturating_sub(3);
    let hi = (i + 3).min(toks.len());
    toks[lo..hi].iter().any(|t| is_report_word(&t.lower))
}

/// Days named in the segment: those that are not just the day of a statement (`statement` =
/// false) or only those (true). Months and years are left out: "in July" against "on September
/// 9" is far more often two events than one event misdated.
fn days<'a>(s: &Side<'a>, statement: bool) -> Vec<&'a crate::analyze::DateMention> {
    s.analysis
        .dates
        .iter()
        .filter(|d| d.day.is_some() || d.weekday.is_some())
        .filter(|d| is_statement_day(s, d) == statement)
        .collect()
}

fn event_dates<'a>(s: &Side<'a>) -> Vec<&'a crate::analyze::DateMention> {
    days(s, false)
}

/// Two reports of one statement that give it different days ("the agency said Friday" against
/// "the agency said on Saturday"): a date difference too, though of the statement, not the
/// event. Only the days both sides give as statement days are compared, and only when every
/// one of the claim's conflicts with every one of the evidence's.
pub(super) fn statement_day_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let here = days(claim, true);
    // Nothing to compare without a day on the claim's side: the evidence's are not gathered.
    if here.is_empty() {
        return;
    }
    let there: Vec<(u32, &crate::analyze::DateMention)> = evidence
        .iter()
        .flat_map(|e| days(e, true).into_iter().map(move |d| (e.unit, d)))
        .collect();
    let (Some(h), Some(t)) = (here.first(), there.first()) else {
        return;
    };
    let all_conflict = here.iter().all(|a| {
        there
            .iter()
            .all(|(_, b)| crate::analyze::dates_conflict(a, b))
    });
    if all_conflict {
        out.push(Found {
            kind: DiffKind::Date,
            here: (h.start, h.end),
            there_unit: t.0,
            there: (t.1.start, t.1.end),
        });
    }
}

pub(super) fn date_diffs(claim: &Side, evidence: &[Side], out: &mut Vec<Found>) {
    let here = event_dates(claim);
    // Nothing to compare without a day on the claim's side (most claims name none): the
    // evidence's are not gathered.
    if here.is_empty() {
        return;
    }
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
