//! Fractions in words: a share of something ("a third of the vote", "two-thirds of members",
//! "half of the city's residents") and a fraction of a scale ("a quarter-million people",
//! "half a million").
//!
//! Why: news gives shares as fractions about as often as percentages, so "a third of the vote"
//! must compare with "60 per cent of the vote". A share reads as a
//! percentage; a fraction is a rounded figure, so it is "about" unless a bound phrase says
//! otherwise ("more than a third").

use super::bound::{bound_before, bound_start};
use super::counted::counted;
use super::words::{hyphen, lookup, ws};
use crate::analyze::{gap, Bound, Quantity, Token};
use crate::lexicon::numbers::{FRACTIONS, FRACTIONS_PLURAL, HALF_NOT_AFTER, SCALES, SMALL};

/// A fraction whose words start at token `i`, and the token after it.
pub(super) fn fraction(text: &str, tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let joined = |k: usize| {
        k > 0 && k < tokens.len() && {
            let g = gap(text, tokens, k - 1, k);
            ws(g) || hyphen(g)
        }
    };
    let word = |k: usize| tokens.get(k).map(|t| t.lower.as_str());
    let (share, next) = match tokens[i].lower.as_str() {
        // "half a million", "half of the voters", "half the city".
        "half" => {
            let prev = i.checked_sub(1).and_then(word);
            if prev.is_some_and(|w| HALF_NOT_AFTER.contains(&w)) {
                return None;
            }
            if word(i + 1) == Some("a") && joined(i + 2) {
                if let Some(s) = scale(word(i + 2)) {
                    return Some(count(text, tokens, i, 0.5 * s, i + 3));
                }
            }
            if !matches!(word(i + 1), Some("of" | "the")) {
                return None;
            }
            (50.0, i + 1)
        }
        w => {
            // "two and a half million": the whole number is read on its own.
            if i > 0 && tokens[i - 1].lower == "and" {
                return None;
            }
            let (num, table) = match w {
                "a" | "one" => (1.0, FRACTIONS),
                w => (
                    lookup(SMALL, w).filter(|v| (2.0..=9.0).contains(v))?,
                    FRACTIONS_PLURAL,
                ),
            };
            if !joined(i + 1) {
                return None;
            }
            let denom = word(i + 1).and_then(|d| lookup(table, d))?;
            // "a quarter-million people", "a third of a billion".
            if joined(i + 2) {
                if let Some(s) = scale(word(i + 2)) {
                    return Some(count(text, tokens, i, num / denom * s, i + 3));
                }
            }
            // A share of something, not of a unit of time or length ("a quarter of an hour",
            // "a tenth of a second"): those are measures this reading does not take.
            if word(i + 2) != Some("of") || matches!(word(i + 3), Some("a" | "an")) {
                return None;
            }
            (100.0 * num / denom, i + 2)
        }
    };
    let (mut q, next) = quantity(text, tokens, i, share, next);
    q.unit = Some("%".into());
    Some((q, next))
}

/// A scale word that a fraction can take ("million", "billion"; not "hundred").
fn scale(w: Option<&str>) -> Option<f64> {
    w.and_then(|w| lookup(SCALES, w))
        .filter(|&s| s >= 1e6 && w.is_some_and(|w| w.len() > 3))
}

/// A count of `value` things from token `i` to `next`, counting what follows it.
fn count(text: &str, tokens: &[Token], i: usize, value: f64, next: usize) -> (Quantity, usize) {
    let (mut q, next) = quantity(text, tokens, i, value, next);
    q.unit = counted(
        text,
        tokens,
        i,
        tokens[i].start,
        next,
        value,
        q.bound,
        false,
    );
    (q, next)
}

/// The quantity of `value` whose words run from token `i` to `next`, with no unit yet: "about"
/// unless a bound phrase before it says otherwise, its span widened over that phrase.
fn quantity(text: &str, tokens: &[Token], i: usize, value: f64, next: usize) -> (Quantity, usize) {
    let start = tokens[i].start;
    let q = Quantity {
        start: bound_start(tokens, i, start, text).unwrap_or(start),
        end: tokens[next - 1].end,
        value,
        bound: bound_before(tokens, i, start, text).unwrap_or(Bound::About),
        unit: None,
        ordinal: false,
    };
    (q, next)
}
