//! Numbers and quantities: figures in digits and words, with their bound ("more than", "about"),
//! scale ("9.7 million", "$38M"), currency or unit, and what they count ("24 hours").
//!
//! Reports of one event disagree most checkably on figures; a figure is only comparable with
//! another of the same kind, so each carries its unit and how it is bounded.
//!
//! Split by job: `figure` reads one quantity from the token its figure starts at, `words` reads
//! a single token or gap (digits, number words), `counted` finds what a figure counts and
//! `bound` the bound phrase before it; `fraction` reads shares and
//! fractions written in words. This module walks a segment's tokens.

mod bound;
mod counted;
mod figure;
mod fraction;
mod words;

use super::{DateMention, Quantity, Token};
use figure::at;

/// Every quantity of a segment. Tokens inside `dates` (years, days of the month) are skipped.
pub fn extract(text: &str, tokens: &[Token], dates: &[DateMention]) -> Vec<Quantity> {
    let spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    let in_date = |t: &Token| super::within(&spans, t.start, t.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_date(&tokens[i]) {
            i += 1;
            continue;
        }
        match at(text, tokens, i) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}
