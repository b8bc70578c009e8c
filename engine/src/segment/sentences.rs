//! Sentence boundaries inside one line of text, found in a single forward pass.
//!
//! A boundary is a terminal (`.`, `!`, `?`, an ellipsis or a CJK/Arabic/Indic stop) plus any
//! closing quotes or brackets, followed either by white space and something that can open a
//! sentence, or directly by a capitalised word (a space lost in extraction: `country.The`).
//! Abbreviations, initials, decimals, e-mail addresses, list markers (`lists.rs`), bracketed
//! omissions ("[...]") and ellipses inside a sentence do not end it; an ellipsis with a fourth
//! stop ("that.... She", ". . . . Next") does. After an ambiguous abbreviation ("U.S.", "P.M.",
//! an initial) a typical sentence opener ends the sentence, and so does a personal title when
//! the sentence before already has its verb ("He left at 6 P.M. Mr. Smith then went ...").
//! Every look back or ahead is bounded, so a line of any length is split in linear time.

use super::lists::list_marker;
use crate::lexicon;

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
    // A list item ("1.) ...", "(a) ...", "• 9. ...") starts past its marker, whose stop is no
    // sentence end, and ends where the next item's marker begins, stop or no stop.
    let marker = list_marker(text, pos, limit);
    let mut i = marker.map_or(pos, |m| m.end);
    let mut dq_open = false;
    while i < limit {
        let Some(c) = char_at(text, i) else { break };
        let clen = c.len_utf8();
        if c == '"' {
            dq_open = !dq_open;
        }
        if let Some(m) = marker {
            if c.is_whitespace()
                && list_marker(text, i + clen, limit).is_some_and(|next| next.follows(&m))
            {
                return i;
            }
        }
        if !is_terminal(c) {
            i += clen;
            continue;
        }
        // The run of terminals: "?!", "...", "…".
        let run_start = i;
        let mut j = i;
        let mut run = Run::default();
        while j < limit {
            match char_at(text, j) {
                Some(t) if is_terminal(t) => {
                    match t {
                        '.' => run.dots += 1,
                        '\u{2026}' => run.ellipsis_char = true,
                        '!' | '?' | '\u{FF01}' | '\u{FF1F}' | '\u{061F}' => run.exclaim = true,
                        _ => {}
                    }
                    run.spaceless |= is_spaceless_terminal(t);
                    j += t.len_utf8();
                }
                _ => break,
            }
        }
        // An omission mark in brackets, "[...]" or "(...)", is part of the sentence.
        if matches!(char_before(text, run_start), Some('[' | '('))
            && matches!(char_at(text, j), Some(']' | ')'))
        {
            i = j;
            continue;
        }
        run.single = run.dots == 1 && j == run_start + 1;
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
        run.closed = k > j;
        if k >= limit {
            return limit;
        }
        if run.spaceless {
            return k;
        }
        let Some(next) = char_at(text, k) else {
            return limit;
        };
        let at = Stop {
            text,
            start: pos,
            run_start,
            limit,
        };
        if next.is_whitespace() {
            let m = skip_space(text, k, limit);
            if m >= limit {
                return k;
            }
            if at.spaced_boundary(&run, m) {
                return k;
            }
        } else if at.glued_boundary(&run, k) {
            return k;
        }
        i = k.max(run_start + 1);
    }
    limit
}

/// What a run of terminals holds.
#[derive(Default)]
struct Run {
    dots: usize,
    ellipsis_char: bool,
    exclaim: bool,
    spaceless: bool,
    /// Closing quotes or brackets follow it.
    closed: bool,
    /// A lone full stop.
    single: bool,
}

impl Run {
    fn ellipsis(&self) -> bool {
        self.ellipsis_char || self.dots >= 2
    }

    /// "that.... She", "that…. She": an ellipsis and the full stop that ends the sentence.
    fn ellipsis_and_stop(&self) -> bool {
        self.dots >= 4 || (self.ellipsis_char && self.dots >= 1)
    }
}

/// A terminal run at `run_start` in the sentence that began at `start`.
struct Stop<'a> {
    text: &'a str,
    start: usize,
    run_start: usize,
    limit: usize,
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

/// The word just before a full stop at `dot`, without leading quotes or brackets and not
/// reaching back before `start`, where the sentence began (`Tuesday.Mr. Smith` gives `Mr`);
/// `None` when it is longer than any abbreviation.
fn token_before(text: &str, start: usize, dot: usize) -> Option<&str> {
    let mut s = dot;
    let floor = dot.saturating_sub(TOKEN_BACK);
    while s > start {
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
    if lexicon::sentences::never_final(token) {
        return Abbrev::Never;
    }
    if lexicon::sentences::maybe_final(token) {
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

/// How far back a title after an ambiguous abbreviation looks for the sentence's verb.
const CLAUSE_BACK: usize = 160;

impl Stop<'_> {
    /// Whether the terminal run, followed by white space and then `m`, ends the sentence.
    fn spaced_boundary(&self, run: &Run, m: usize) -> bool {
        let text = self.text;
        // "compounds. . . . The practice": a full stop on the word, then an ellipsis that opens
        // the next sentence (the Chicago rule the Golden Rules follow).
        if run.single && self.stop_before_spaced_ellipsis(m) {
            return true;
        }
        if !opens_sentence(text, m, self.limit) {
            return false;
        }
        if run.ellipsis() {
            // "... the government ... shows": an ellipsis ends a sentence only when a closing
            // quote shows the quoted sentence ends with it, or a full stop follows it
            // ("that.... She left").
            return run.closed || run.ellipsis_and_stop();
        }
        if run.exclaim || run.closed || !run.single {
            return true;
        }
        // A spaced ellipsis ". . ." reaches here one stop at a time; it is inside the sentence,
        // unless a fourth stop ends the sentence (". . . . Next").
        if char_before(text, self.run_start) == Some(' ') {
            let n = self.spaced_dots();
            if n >= 2 {
                return n >= 4;
            }
        }
        let Some(token) = token_before(text, self.start, self.run_start) else {
            return true;
        };
        let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
        match abbreviation(token) {
            Abbrev::No => true,
            Abbrev::Never => false,
            Abbrev::Maybe => {
                let word = word_at(text, m, self.limit);
                lexicon::sentences::starter(word)
                    || (lexicon::sentences::courtesy_title(word) && self.clause_before())
            }
        }
    }

    /// How many stops of a spaced ellipsis (". . .") end at this one, counting back within
    /// the sentence and at most eight.
    fn spaced_dots(&self) -> usize {
        let mut n = 1;
        let mut p = self.run_start;
        while n < 8
            && p >= self.start + 2
            && char_before(self.text, p) == Some(' ')
            && char_before(self.text, p - 1) == Some('.')
        {
            n += 1;
            p -= 2;
        }
        n
    }

    /// A full stop on a word (`compounds.`) followed by a spaced three-stop ellipsis at `m` and
    /// then a new sentence.
    fn stop_before_spaced_ellipsis(&self, m: usize) -> bool {
        let on_word = char_before(self.text, self.run_start).is_some_and(|c| !c.is_whitespace());
        let ellipsis = self.text.get(m..).is_some_and(|t| t.starts_with(". . . "));
        if !on_word || !ellipsis || m + 6 >= self.limit {
            return false;
        }
        let after = skip_space(self.text, m + 6, self.limit);
        after < self.limit && opens_sentence(self.text, after, self.limit)
    }

    /// Whether the sentence so far has a finite verb ("He left the bank at 6 P.M."), so that a
    /// personal title after an ambiguous abbreviation opens a new sentence; "At 5 a.m. Mr.
    /// Smith went ..." has none and goes on.
    fn clause_before(&self) -> bool {
        let mut from = self.run_start.saturating_sub(CLAUSE_BACK).max(self.start);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let Some(before) = self.text.get(from..self.run_start) else {
            return false;
        };
        before.split_whitespace().any(|w| {
            let lower = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            lexicon::verbs::is_past_or_aux(&lower) || lexicon::verbs::reporting(&lower)
        })
    }

    /// A boundary with the space lost: `country.The`, `rubble.”Road`, `why?The`; the stop is
    /// right before `k`.
    fn glued_boundary(&self, run: &Run, k: usize) -> bool {
        let (text, limit) = (self.text, self.limit);
        let Some(n) = char_at(text, k) else {
            return false;
        };
        if !n.is_uppercase() {
            // `."“Next` style: a glued opening quote before a capital.
            if is_opener(n) && run.closed {
                return char_at(text, k + n.len_utf8()).is_some_and(|d| d.is_uppercase());
            }
            return false;
        }
        let after = k + n.len_utf8();
        let word_like = after < limit && char_at(text, after).is_some_and(|d| d.is_lowercase());
        if !word_like {
            return false;
        }
        if run.closed || run.exclaim {
            return !run.ellipsis() || run.closed;
        }
        if run.ellipsis() {
            return false;
        }
        // A bare full stop between a lower-case word and a capitalised one; not a URL, a domain,
        // an e-mail address ("Jane.Doe@example.com") or a dotted abbreviation ("e.g.The").
        let Some(token) = token_before(text, self.start, self.run_start) else {
            return false;
        };
        if token.contains("://")
            || token.contains("www")
            || token.contains('@')
            || token.contains('.')
            || self.address_follows(k)
        {
            return false;
        }
        let tail: Vec<char> = token.chars().rev().take(2).collect();
        match tail.as_slice() {
            [a, b, ..] => {
                (a.is_lowercase() && b.is_lowercase())
                    || a.is_ascii_digit()
                    || *a == ')'
                    || *a == '%'
            }
            _ => false,
        }
    }

    /// Whether the run of non-space characters at `k` holds an `@` (an e-mail address), looking
    /// at most 64 bytes ahead.
    fn address_follows(&self, k: usize) -> bool {
        let end = (k + 64).min(self.limit);
        let mut i = k;
        while i < end {
            match char_at(self.text, i) {
                Some('@') => return true,
                Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
        false
    }
}
