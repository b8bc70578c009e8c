//! Sentence analysis: what a segment says, in a form the aligner and verdict stages compare.
//!
//! Every span here is a byte range into the analysed segment's own text, so a difference found
//! later can be shown to the reader exactly where it is.
//!
//! Submodules: `numbers` (quantities), `dates`, `quotes`, `attribution` (reporting verbs,
//! negation, hedges) and `entities` (names and the cluster's `Aliases`). The comparison helpers
//! the verdict stage needs are re-exported here: `quantities_conflict`, `dates_conflict`,
//! `quote_words_differ`, `fold_compounds`.

pub mod attribution;
pub mod clock;
pub mod compare;
pub mod dates;
pub mod entities;
pub mod numbers;
pub mod quotes;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// A word of the segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Normalised (see `text::normalize`) surface form.
    pub lower: String,
    /// Stem of `lower`, the unit of lexical matching.
    pub stem: String,
    /// A function word that carries no claim on its own.
    pub stop: bool,
    /// Starts with an upper-case letter (a cue for names).
    pub capitalized: bool,
}

/// How a quantity is bounded: "at least two" and "more than two" are different claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    About,
    /// "nearly", "almost": just under the figure.
    Nearly,
    /// "thousands", "several", "dozens": an order of magnitude, not a figure.
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub bound: Bound,
    /// What is counted or measured: a currency ("$" when unspecified, else an ISO code such as
    /// "USD", "AUD", "EUR"), "%", "°c"/"°f", or the Snowball stem of the counted noun ("hour",
    /// "member", "cross" for crossings); counts of the dead are "death" and of the hurt
    /// "injuri" however they are worded ("killed", "dead", "death toll", "people ... dead").
    pub unit: Option<String>,
    /// "2nd", "second": an ordinal, not a count.
    pub ordinal: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// The day it names, resolved against the article's date when relative ("Friday").
    pub day: Option<NaiveDate>,
    /// Month and year when no day is named ("in July").
    pub month: Option<(i32, u32)>,
    pub year: Option<i32>,
    /// "night", "evening", "morning" when said.
    pub part_of_day: Option<String>,
    /// Last day of a span ("July 23 and 24", "this week"); `None` for a single day.
    pub last_day: Option<NaiveDate>,
    /// Month and day as written, kept even when no year or anchor allows resolving `day`.
    pub month_day: Option<(u32, u32)>,
    /// The weekday named ("Friday"), kept even when there is no anchor to resolve it.
    pub weekday: Option<chrono::Weekday>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub start: usize,
    pub end: usize,
    /// Who is quoted, when the sentence names them ("X said", "said X", "according to X").
    pub speaker: Option<(usize, usize)>,
}

/// How strongly a claim is put by whoever makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// said, told, stated, tweeted, added
    Neutral,
    /// confirmed, showed, found
    Confirmed,
    /// alleged, claimed, accused, blamed
    Alleged,
    /// denounced, condemned
    Condemned,
    /// denied, rejected, dismissed
    Denied,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The reporting verb.
    pub start: usize,
    pub end: usize,
    pub lemma: String,
    pub strength: Strength,
    /// Who says it, when the sentence names them.
    pub speaker: Option<(usize, usize)>,
    /// The verb stands inside a quotation (it is the quoted person's, not the reporter's).
    pub in_quote: bool,
}

/// A name: person, organisation or place.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
    /// Negation cues ("not", "never", "no", "denied that").
    pub negations: Vec<(usize, usize)>,
    /// Hedges ("according to initial information", "reportedly", "believed to").
    pub hedges: Vec<(usize, usize)>,
    pub mentions: Vec<Mention>,
    /// The words that may be a plain word behind a negating prefix ("irreprehensible"), as
    /// (token index, prefix length in bytes), in token order and, for one token, in
    /// `ANTONYM_PREFIXES` order (`prefixed_words`).
    pub prefixed: Vec<(usize, usize)>,
    /// The words of each quote of `quotes`, in its order (`quotes::quote_words` of the quoted
    /// text): the quote detector compares them for every (claim, evidence) pair.
    pub quote_words: Vec<quotes::QuoteWords>,
}

/// Each token that starts with a negating prefix (`lexicon::negation::ANTONYM_PREFIXES`) and
/// leaves at least five bytes after it, once for every such prefix: content tokens only.
///
/// Why read with the analysis: the negation detector compares these with the other side's
/// words for every (claim, evidence) pair, and finding them in both sentences for each pair
/// was a large part of its time; they depend on the sentence alone.
fn prefixed_words(tokens: &[Token]) -> Vec<(usize, usize)> {
    use crate::lexicon::negation::ANTONYM_PREFIXES;
    // Cheap byte test first: every prefix starts with one of these letters and leaves at
    // least five bytes, and most words fail here without a string comparison.
    let candidate =
        |w: &str| w.len() >= 7 && matches!(w.as_bytes().first(), Some(b'u' | b'i' | b'n' | b'd'));
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.stop || !candidate(&t.lower) {
            continue;
        }
        for p in ANTONYM_PREFIXES {
            if t.lower.strip_prefix(p).is_some_and(|r| r.len() >= 5) {
                out.push((i, p.len()));
            }
        }
    }
    out
}

/// Analyses one segment. `anchor` is the article's date, for resolving relative dates.
pub fn analyze(text: &str, anchor: Option<NaiveDate>) -> Analysis {
    let tokens = tokenize(text);
    let dates = dates::extract(text, &tokens, anchor);
    let mut quantities = numbers::extract(text, &tokens, &dates);
    merge_figures(&mut quantities, clock::times(text));
    merge_figures(&mut quantities, clock::results(text));
    let mut quotes = quotes::extract(text);
    let attributions = attribution::extract(text, &tokens, &quotes);
    quotes::link_speakers(&mut quotes, &attributions);
    let negations = attribution::negations(text, &tokens);
    let hedges = attribution::hedges(text, &tokens);
    let mentions = entities::mentions(text, &tokens);
    let prefixed = prefixed_words(&tokens);
    let quote_words = quotes
        .iter()
        .map(|q| quotes::quote_words(text.get(q.start..q.end).unwrap_or_default()))
        .collect();
    Analysis {
        tokens,
        quantities,
        dates,
        quotes,
        attributions,
        negations,
        hedges,
        mentions,
        prefixed,
        quote_words,
    }
}

/// Adds `extra` figures (times, results) to `quantities`, replacing the plain numbers they are
/// made of ("9:28" was read as 9 and 28), in text order.
fn merge_figures(quantities: &mut Vec<Quantity>, extra: Vec<Quantity>) {
    if extra.is_empty() {
        return;
    }
    quantities.retain(|q| !extra.iter().any(|x| q.start < x.end && x.start < q.end));
    quantities.extend(extra);
    quantities.sort_by_key(|q| q.start);
}

thread_local! {
    // Building a Snowball stemmer is cheap but not free, and stemming dominates tokenising;
    // news repeats its words, so a per-thread cache of stems pays for itself. Thread-local
    // keeps the engine free of locks (wasm).
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Upper bound on cached stems, so a hostile input cannot grow the cache without limit.
const STEM_CACHE_MAX: usize = 200_000;

/// The Snowball English stem of an already normalised word.
pub fn stem(lower: &str) -> String {
    STEMS.with(|cache| {
        if let Some(s) = cache.borrow().get(lower) {
            return s.clone();
        }
        let s = STEMMER.with(|st| st.stem(lower).into_owned());
        let mut c = cache.borrow_mut();
        if c.len() >= STEM_CACHE_MAX {
            c.clear();
        }
        c.insert(lower.to_string(), s.clone());
        s
    })
}

fn stop_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::lexicon::stop::ANALYSIS.iter().copied().collect())
}

/// Whether a normalised word is a function word.
pub fn is_stop(lower: &str) -> bool {
    stop_set().contains(lower)
}

/// `text::normalize`, with a fast path for ASCII text (where NFKC changes nothing and only
/// the backtick folds to an apostrophe); names and keys are normalised very often.
pub(crate) fn norm(s: &str) -> String {
    if !s.is_ascii() || s.contains('`') {
        return crate::text::normalize(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// The `text::normalize` form of one word, with a fast path for plain ASCII words (for which
/// NFKC and the quote and dash folding change nothing).
fn normalize_word(w: &str) -> String {
    if w.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'.' | b',' | b'-' | b'_'))
    {
        w.to_ascii_lowercase()
    } else {
        crate::text::normalize(w)
    }
}

/// Words of `text` with byte spans, normalised and stemmed.
pub fn tokenize(text: &str) -> Vec<Token> {
    text.unicode_word_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| {
            let lower = normalize_word(w);
            Token {
                start,
                end: start + w.len(),
                stop: is_stop(&lower),
                capitalized: w.chars().next().is_some_and(char::is_uppercase),
                stem: stem(&lower),
                lower,
            }
        })
        .collect()
}

/// Compound forms of adjacent word pairs, so "cyber-attack", "cyber attack" and "cyberattack"
/// can meet: for every two neighbouring content words separated only by one hyphen or one
/// space, a synthetic token spanning both whose `lower` is the pair written solid and whose
/// `stem` is that solid word's stem. The aligner adds these to a segment's stems; a solid
/// "cyberattack" elsewhere then matches the pair.
pub fn fold_compounds(text: &str, tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::new();
    for w in tokens.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.stop || b.stop || !is_alpha(&a.lower) || !is_alpha(&b.lower) {
            continue;
        }
        let gap = text.get(a.end..b.start).unwrap_or("");
        let joinable = matches!(gap, " " | "-")
            || gap.chars().count() == 1
                && gap
                    .chars()
                    .all(|c| c.is_whitespace() || crate::text::fold_char(c) == Some('-'));
        if !joinable {
            continue;
        }
        let lower = format!("{}{}", a.lower, b.lower);
        out.push(Token {
            start: a.start,
            end: b.end,
            stem: stem(&lower),
            lower,
            stop: false,
            capitalized: a.capitalized,
        });
    }
    out
}

fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

/// Whether `start..end` lies inside one of `spans` (sorted, non-overlapping): a binary search,
/// so that checking every token against every quote or date stays near-linear.
pub(crate) fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|&(a, _)| a <= start);
    i > 0 && spans[i - 1].1 >= end
}

/// The raw text between two tokens (empty when out of range or not on char boundaries).
pub(crate) fn gap<'a>(text: &'a str, tokens: &[Token], before: usize, after: usize) -> &'a str {
    match (tokens.get(before), tokens.get(after)) {
        (Some(a), Some(b)) if a.end <= b.start => text.get(a.end..b.start).unwrap_or(""),
        _ => "",
    }
}

pub use compare::quantities_conflict;
pub use dates::dates_conflict;
pub use entities::Aliases;
pub use quotes::{quote_words, quote_words_differ, quote_words_differ_read, QuoteWords};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_normalisation_agrees_with_the_labels_normalisation() {
        let pool = [
            "A", "b", " ", "\t", "\n", "\u{0B}", "\r", "`", "'", "-", "Q.", "9", "  ", "x",
        ];
        let mut seed = 99u64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pool[(seed >> 33) as usize % pool.len()]);
            }
            seed = seed.wrapping_add(1);
            assert_eq!(norm(&s), crate::text::normalize(&s), "{s:?}");
            if !s.contains(char::is_whitespace) {
                assert_eq!(normalize_word(&s), crate::text::normalize(&s), "{s:?}");
            }
        }
    }
}
