//! What a figure counts: the head noun after it ("24 hours", "thousands of people", "second
//! cyberattack"), or with none, what is named before it ("the death toll rose to 20,000",
//! "killed more than 19,300"); people counted as killed or hurt count deaths or injuries.
//!
//! Why separate: a figure is only comparable with another of the same kind, and deciding the
//! kind reads the words around the figure, not the figure itself (`figure`).

use super::bound::{bound_start, figure_index};
use super::words::{hyphen, ws};
use crate::analyze::{gap, Bound, Token};
use crate::lexicon::numbers::{
    COUNT_NOUNS, DEATH_STEMS, DEATH_WORDS, DIED_WORDS, INJURE_FORMS, INJURY_STEMS, INJURY_WORDS,
    KILL_FORMS, PREPOSITIONS,
};

/// The counted head noun (as a stem) of the figure at token `i`, which spans from byte `start`
/// to token `next`, for a figure that has no unit (currency, percent, degrees) of its own.
#[allow(clippy::too_many_arguments)]
pub(super) fn counted(
    text: &str,
    tokens: &[Token],
    i: usize,
    start: usize,
    next: usize,
    value: f64,
    bound: Bound,
    ordinal: bool,
) -> Option<String> {
    let mut unit: Option<String> = None;
    let mut k = next;
    // "thousands of people", "dozens of", "a dozen of".
    if (bound == Bound::Vague || (!ordinal && value >= 12.0))
        && tokens.get(k).is_some_and(|n| n.lower == "of")
    {
        k += 1;
        if tokens
            .get(k)
            .is_some_and(|n| n.lower == "the" || n.lower == "them" || n.lower == "those")
        {
            k = usize::MAX;
        }
    }
    let mut run: Vec<&Token> = Vec::new();
    while let Some(n) = tokens.get(k) {
        // "9.7 million current and former customers".
        let coord = matches!(n.lower.as_str(), "and" | "or")
            && !run.is_empty()
            && tokens
                .get(k + 1)
                .is_some_and(|m| !m.stop && !m.capitalized && ws(gap(text, tokens, k, k + 1)));
        if coord && ws(gap(text, tokens, k - 1, k)) {
            k += 1;
            continue;
        }
        if run.len() == 4
            || n.stop
            || PREPOSITIONS.contains(&n.lower.as_str())
            || n.capitalized && !run.is_empty()
            || n.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            break;
        }
        let g = gap(text, tokens, k - 1, k);
        if !(ws(g) || hyphen(g)) {
            break;
        }
        run.push(n);
        k += 1;
    }
    let plural = |t: &&Token| {
        t.lower.len() > 3
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && !t.lower.ends_with("us")
            && !t.lower.ends_with("is")
    };
    let head = if ordinal || value == 1.0 {
        // "second cyberattack", "first known case": the noun ends the phrase; stop
        // before what looks like a verb or preposition.
        let mut h = run.first().copied();
        for t in run.iter().skip(1) {
            if t.lower.ends_with("ed") || t.lower.ends_with("ly") {
                break;
            }
            h = Some(t);
        }
        h
    } else {
        run.iter()
            .find(|t| plural(t))
            .copied()
            .or(run.first().copied().filter(|t| !t.lower.ends_with("ed")))
    };
    if let Some(h) = head {
        if (!h.capitalized || plural(&h)) && !h.lower.ends_with("ing") {
            unit = Some(h.stem.clone());
        }
    }
    if unit.is_none()
        && tokens
            .get(next)
            .is_some_and(|n| DEATH_WORDS.contains(&n.lower.as_str()))
    {
        unit = Some("death".into());
    }
    if unit.is_none()
        && tokens
            .get(next)
            .is_some_and(|n| INJURY_WORDS.contains(&n.lower.as_str()))
    {
        unit = Some("injuri".into());
    }
    if unit.is_none() && !ordinal {
        unit = counted_before(text, tokens, i, start);
    }
    // "killed 18,400 people", "16,500 people have been reported dead": people counted
    // as dead or hurt are deaths or injuries.
    if matches!(unit.as_deref(), Some("peopl" | "person")) {
        let before_fig = figure_index(tokens, i, start);
        let before_fig = bound_start(tokens, i, start, text)
            .and_then(|s| tokens.iter().position(|t| t.start == s))
            .unwrap_or(before_fig);
        let prev = before_fig.checked_sub(1).map(|j| tokens[j].lower.as_str());
        let after: Vec<&str> = tokens
            .iter()
            .skip(next)
            .take(6)
            .take_while(|t| !t.lower.starts_with(|c: char| c.is_ascii_digit()))
            .map(|t| t.lower.as_str())
            .collect();
        let says = |ws: &[&str]| after.iter().any(|w| ws.contains(w));
        if prev.is_some_and(|p| KILL_FORMS.contains(&p)) || says(DIED_WORDS) {
            unit = Some("death".into());
        } else if prev.is_some_and(|p| INJURE_FORMS.contains(&p)) || says(INJURY_WORDS) {
            unit = Some("injuri".into());
        }
    }
    // One count in different words: "18,400 killed", "18,400 dead", "18,400 deaths".
    if let Some(u) = unit.as_deref() {
        if DEATH_STEMS.contains(&u) {
            unit = Some("death".into());
        } else if INJURY_STEMS.contains(&u) {
            unit = Some("injuri".into());
        }
    }
    unit
}

/// What a figure with no noun after it counts, named before it: "the death toll rose to
/// 20,000" counts deaths, "the number of injured reached 3,000" counts the injured, "killed
/// more than 19,300" counts deaths.
fn counted_before(text: &str, tokens: &[Token], i: usize, start: usize) -> Option<String> {
    let fig = figure_index(tokens, i, start);
    let fig = bound_start(tokens, i, start, text)
        .and_then(|s| tokens.iter().position(|t| t.start == s))
        .unwrap_or(fig);
    if let Some(p) = fig.checked_sub(1).and_then(|j| tokens.get(j)) {
        if KILL_FORMS.contains(&p.lower.as_str()) {
            return Some("death".into());
        }
    }
    let lo = fig.saturating_sub(14);
    for k in (lo..fig).rev() {
        if gap(text, tokens, k, k + 1).contains(['.', ';', ':', '(', ')']) {
            return None;
        }
        let w = tokens[k].lower.as_str();
        // Another figure in between has already taken the noun.
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if COUNT_NOUNS.contains(&w) {
            if tokens.get(k + 1).is_some_and(|n| n.lower == "of") {
                if let Some(n) = tokens.get(k + 2).filter(|n| !n.stop && k + 2 < fig) {
                    return Some(n.stem.clone());
                }
            }
            let modifier = k
                .checked_sub(1)
                .and_then(|j| tokens.get(j))
                .filter(|p| !p.stop && (!p.capitalized || k == 1))
                .map(|p| p.stem.clone());
            // A toll with no qualifier is a death toll.
            return modifier.or_else(|| (w == "toll").then(|| "death".to_string()));
        }
    }
    None
}
