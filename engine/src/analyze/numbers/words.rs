//! Reading one token as a figure: digits with their thousands separators and any letters glued
//! after them ("10m", "5th", "6C"), number words, and the two gaps a figure may span (white
//! space, a hyphen).
//!
//! Why separate: these look at a single token or gap and know nothing of the figure around it;
//! `figure` assembles a quantity from them.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexicon::numbers::{ORDINALS, SCALES, SMALL, VAGUE};

/// Whether a word can start a figure written in words.
pub(super) fn number_word(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        SMALL
            .iter()
            .chain(SCALES)
            .chain(ORDINALS)
            .chain(VAGUE)
            .map(|&(n, _)| n)
            .chain(["tens", "few", "handful"])
            .collect()
    })
    .contains(w)
}

pub(super) fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

pub(super) fn ws(g: &str) -> bool {
    !g.is_empty() && g.chars().all(char::is_whitespace)
}

pub(super) fn hyphen(g: &str) -> bool {
    let mut cs = g.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if crate::text::fold_char(c).unwrap_or(c) == '-')
}

/// A digit token: value, ordinal, and any letters glued after it ("m", "bn", "c", "th").
pub(super) fn parse_digits(lower: &str) -> Option<(f64, String)> {
    let end = lower
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(lower.len(), |(i, _)| i);
    let (num, suffix) = lower.split_at(end);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Thousands separators are commas in groups of three; anything else is not one figure.
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    let s = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let v: f64 = s.parse().ok()?;
    Some((v, suffix.to_string()))
}

/// Whether a word is a number word (so that "twenty-one" and "three hundred" join).
pub(super) fn word_value(w: &str) -> Option<f64> {
    lookup(SMALL, w).or_else(|| lookup(SCALES, w).filter(|_| w.len() > 3))
}
