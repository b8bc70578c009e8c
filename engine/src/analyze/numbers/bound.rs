//! The bound phrase before a figure ("more than", "at least", "about", "up to"): which bound
//! it sets and where it starts, so a difference's span covers "more than two".
//!
//! Why separate: both the figure (its bound, its span) and what it counts (the word before the
//! phrase) look behind the figure the same way.

use crate::analyze::{gap, Bound, Token};
use crate::lexicon::numbers::BOUNDS;

/// Token index where the figure (possibly with its currency) begins.
pub(super) fn figure_index(tokens: &[Token], i: usize, start: usize) -> usize {
    let mut k = i;
    while k > 0 && tokens[k - 1].start >= start {
        k -= 1;
    }
    k
}

fn bound_match(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<(Bound, usize)> {
    let k = figure_index(tokens, i, start);
    for (phrase, b) in BOUNDS {
        let n = phrase.len();
        if k < n {
            continue;
        }
        let s = k - n;
        if tokens[s..k]
            .iter()
            .zip(phrase.iter())
            .all(|(t, w)| t.lower == *w)
        {
            // Only white space between the phrase and the figure, and inside the phrase.
            let tight = (s..k).all(|j| {
                let g = if j + 1 < k {
                    gap(text, tokens, j, j + 1)
                } else {
                    text.get(tokens[j].end..start).unwrap_or("")
                };
                g.chars().all(char::is_whitespace) && !g.is_empty()
            });
            if tight {
                return Some((*b, tokens[s].start));
            }
        }
    }
    None
}

pub(super) fn bound_before(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<Bound> {
    bound_match(tokens, i, start, text).map(|(b, _)| b)
}

pub(super) fn bound_start(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<usize> {
    bound_match(tokens, i, start, text).map(|(_, s)| s)
}
