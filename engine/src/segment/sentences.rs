//! Sentence boundaries inside one line of text, found in a single forward pass.
//!
//! A boundary is a terminal (`.`, `!`, `?`, an ellipsis or a CJK/Arabic/Indic stop) plus any
//! closing quotes or brackets, followed either by white space and something that can open a
//! sentence, or directly by a capitalised word (a space lost in extraction: `country.The`).
//! Abbreviations, initials, decimals and ellipses inside a sentence do not end it. Every look
//! back or ahead is bounded, so a line of any length is split in linear time.

use super::lexicon;

/// How far back to look for the word before a full stop; abbreviations are short.
const TOKEN_BACK: usize = 40;

pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{0964}'
            | '\u{0965}'
    )
}

/// Terminals that end a sentence without any following space (CJK full-width stops).
fn is_spaceless_terminal(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201D}'
            | '\u{2019}'
            | '\u{00BB}'
            | '\u{203A}'
            | ')'
            | ']'
            | '\u{300D}'
            | '\u{300F}'
    )
}

pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{2018}'
            | '\u{00AB}'
            | '\u{2039}'
            | '('
            | '['
            | '\u{201E}'
            | '\u{300C}'
            | '\u{300E}'
    )
}

/// A letter of a script without case (Arabic, Hebrew, CJK, Devanagari, ...).
fn caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// The end (exclusive) of the sentence that starts at `pos`, never beyond `limit`.
pub(crate) fn next_end(text: &str, pos: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    let mut i = pos;
    let mut dq_open = false;
    while i < limit {
        let Some(c) = char_at(text, i) else { break };
        let clen = c.len_utf8();
        if c == '"' {
            dq_open = !dq_open;
        }
        if !is_terminal(c) {
            i += clen;
            continue;
        }
        // The run of terminals: "?!", "...", "…".
        let run_start = i;
        let mut j = i;
        let mut dots = 0usize;
        let mut ellipsis = false;
        let mut exclaim = false;
        let mut spaceless = false;
        while j < limit {
            match char_at(text, j) {
                Some(t) if is_terminal(t) => {
                    match t {
                        '.' => dots += 1,
                        '\u{2026}' => ellipsis = true,
                        '!' | '?' | '\u{FF01}' | '\u{FF1F}' | '\u{061F}' => exclaim = true,
                        _ => {}
                    }
                    spaceless |= is_spaceless_terminal(t);
                    j += t.len_utf8();
                }
                _ => break,
            }
        }
        ellipsis |= dots >= 2;
        // Closing quotes and brackets belong to the sentence they close.
        let mut k = j;
        while k < limit {
            match char_at(text, k) {
                Some('"') => {
                    if dq_open {
                        dq_open = false;
                        k += 1;
                    } else {
                        break;
                    }
                }
                Some(q) if is_closer(q) => k += q.len_utf8(),
                _ => break,
            }
        }
        let closed = k > j;
        if k >= limit {
            return limit;
        }
        if spaceless {
            return k;
        }
        let Some(next) = char_at(text, k) else {
            return limit;
        };
        if next.is_whitespace() {
            let m = skip_space(text, k, limit);
            if m >= limit {
                return k;
            }
            if spaced_boundary(
                text, run_start, j, closed, ellipsis, exclaim, dots, m, limit,
            ) {
                return k;
            }
        } else if glued_boundary(text, run_start, k, closed, ellipsis, exclaim, limit) {
            return k;
        }
        i = k.max(run_start + 1);
    }
    limit
}

fn skip_space(text: &str, mut i: usize, limit: usize) -> usize {
    while i < limit {
        match char_at(text, i) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Whether the text at `m` can begin a sentence: a capital, a digit, a letter of a caseless
/// script, or an opening quote or bracket before one of those.
fn opens_sentence(text: &str, m: usize, limit: usize) -> bool {
    let Some(c) = char_at(text, m) else {
        return false;
    };
    if c.is_uppercase() || c.is_ascii_digit() || caseless_letter(c) {
        return true;
    }
    if is_opener(c) {
        let n = m + c.len_utf8();
        if n < limit {
            if let Some(d) = char_at(text, n) {
                return d.is_uppercase()
                    || d.is_ascii_digit()
                    || caseless_letter(d)
                    || d == '\u{2026}'
                    || (is_opener(d) && d != c);
            }
        }
    }
    false
}

/// The word just before a full stop at `dot`, without leading quotes or brackets; `None` when
/// it is longer than any abbreviation.
fn token_before(text: &str, dot: usize) -> Option<&str> {
    let mut s = dot;
    let floor = dot.saturating_sub(TOKEN_BACK);
    loop {
        match char_before(text, s) {
            Some(c) if !c.is_whitespace() && !is_opener(c) && c != '\u{2014}' && c != '/' => {
                s -= c.len_utf8();
                if s < floor {
                    return None;
                }
            }
            _ => break,
        }
    }
    text.get(s..dot)
}

/// The word at `m` with any opening quote removed and trailing punctuation kept apart.
fn word_at(text: &str, m: usize, limit: usize) -> &str {
    let mut s = m;
    while let Some(c) = char_at(text, s) {
        if s >= limit || !is_opener(c) {
            break;
        }
        s += c.len_utf8();
    }
    let mut e = s;
    let cap = (s + TOKEN_BACK).min(limit);
    while e < cap {
        match char_at(text, e) {
            Some(c) if c.is_alphanumeric() || c == '\'' || c == '-' => e += c.len_utf8(),
            _ => break,
        }
    }
    text.get(s..e).unwrap_or("")
}

#[derive(PartialEq)]
enum Abbrev {
    No,
    Never,
    Maybe,
}

fn abbreviation(token: &str) -> Abbrev {
    if token.is_empty() {
        return Abbrev::No;
    }
    if lexicon::never_final(token) {
        return Abbrev::Never;
    }
    if lexicon::maybe_final(token) {
        return Abbrev::Maybe;
    }
    let mut chars = token.chars();
    let first = chars.next();
    if token.chars().count() == 1 {
        return match first {
            Some(c) if c.is_uppercase() => Abbrev::Maybe,
            Some(c) if c.is_lowercase() => Abbrev::Never,
            _ => Abbrev::No,
        };
    }
    // Dotted forms: "U.S", "a.m", "Ph.D", "e.g".
    if token.contains('.') {
        let parts_short = token
            .split('.')
            .all(|p| p.chars().count() <= 3 && p.chars().all(|c| c.is_alphabetic()));
        if parts_short {
            let lower = token.to_lowercase();
            if lower == "e.g" || lower == "i.e" {
                return Abbrev::Never;
            }
            return Abbrev::Maybe;
        }
    }
    Abbrev::No
}

#[allow(clippy::too_many_arguments)]
fn spaced_boundary(
    text: &str,
    run_start: usize,
    run_end: usize,
    closed: bool,
    ellipsis: bool,
    exclaim: bool,
    dots: usize,
    m: usize,
    limit: usize,
) -> bool {
    if !opens_sentence(text, m, limit) {
        return false;
    }
    if ellipsis {
        // "... the government ... shows": an ellipsis ends a sentence only when a closing quote
        // shows the quoted sentence ends with it.
        return closed;
    }
    if exclaim || closed {
        return true;
    }
    if dots != 1 || run_end != run_start + 1 {
        return true;
    }
    // A spaced ellipsis ". . ." reaches here one stop at a time.
    if char_before(text, run_start) == Some(' ') {
        let before = text.get(..run_start).unwrap_or("").trim_end();
        if before.ends_with('.') {
            return false;
        }
    }
    let Some(token) = token_before(text, run_start) else {
        return true;
    };
    let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    match abbreviation(token) {
        Abbrev::No => true,
        Abbrev::Never => false,
        Abbrev::Maybe => lexicon::starter(word_at(text, m, limit)),
    }
}

/// A boundary with the space lost: `country.The`, `rubble.”Road`, `why?The`.
fn glued_boundary(
    text: &str,
    run_start: usize,
    k: usize,
    closed: bool,
    ellipsis: bool,
    exclaim: bool,
    limit: usize,
) -> bool {
    let Some(n) = char_at(text, k) else {
        return false;
    };
    if !n.is_uppercase() {
        // `."“Next` style: a glued opening quote before a capital.
        if is_opener(n) && closed {
            return char_at(text, k + n.len_utf8()).is_some_and(|d| d.is_uppercase());
        }
        return false;
    }
    let after = k + n.len_utf8();
    let word_like = after < limit && char_at(text, after).is_some_and(|d| d.is_lowercase());
    if !word_like {
        return false;
    }
    if closed || exclaim {
        return !ellipsis || closed;
    }
    if ellipsis {
        return false;
    }
    // A bare full stop between a lower-case word and a capitalised one; not a URL, a domain or
    // a dotted abbreviation ("e.g.The" is left alone).
    let Some(token) = token_before(text, run_start) else {
        return false;
    };
    if token.contains("://") || token.contains("www") || token.contains('@') || token.contains('.')
    {
        return false;
    }
    let tail: Vec<char> = token.chars().rev().take(2).collect();
    match tail.as_slice() {
        [a, b, ..] => {
            (a.is_lowercase() && b.is_lowercase()) || a.is_ascii_digit() || *a == ')' || *a == '%'
        }
        _ => false,
    }
}
