//! Sentence analysis: what a segment says, in a form the aligner and verdict stages compare.
//!
//! Every span here is a byte range into the analysed segment's own text, so a difference found
//! later can be shown to the reader exactly where it is.

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
    /// "thousands", "several", "dozens": an order of magnitude, not a figure.
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub bound: Bound,
    /// What is counted or measured: a currency, "%", or the stem of the head noun ("hour").
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub start: usize,
    pub end: usize,
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
}

const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "it", "its", "is", "was", "were", "be", "been",
    "are", "has", "have", "had", "which", "who", "whom", "whose", "their", "his", "her", "he",
    "she", "they", "them", "we", "our", "us", "i", "you", "your", "s", "'s", "than", "also",
    "into", "about", "after", "before", "over", "such", "said", "says", "there", "then", "so",
    "if", "would", "will", "could", "can", "may", "might", "did", "do", "does", "not", "no",
];

/// Analyses one segment. `anchor` is the article's date, for resolving relative dates.
// SCAFFOLD: tokens only; numbers, dates, quotes, attribution, negation, hedges and names to come.
pub fn analyze(text: &str, anchor: Option<NaiveDate>) -> Analysis {
    let _ = anchor;
    Analysis {
        tokens: tokenize(text),
        ..Analysis::default()
    }
}

/// Words of `text` with byte spans, normalised and stemmed.
pub fn tokenize(text: &str) -> Vec<Token> {
    let stemmer = Stemmer::create(Algorithm::English);
    text.unicode_word_indices()
        .map(|(start, w)| {
            let lower = crate::text::normalize(w);
            let stem = stemmer.stem(&lower).into_owned();
            Token {
                start,
                end: start + w.len(),
                stop: STOP.contains(&lower.as_str()),
                capitalized: w.chars().next().is_some_and(char::is_uppercase),
                lower,
                stem,
            }
        })
        .collect()
}

/// Names that denote one entity across the cluster: aliases learned from the articles
/// themselves (bracketed acronyms, "X, or Y" appositions, initialisms) and spelling variants.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    canon: std::collections::HashMap<String, String>,
}

impl Aliases {
    /// Learns aliases from every text of the cluster.
    // SCAFFOLD: learns nothing yet.
    pub fn learn(texts: &[&str]) -> Aliases {
        let _ = texts;
        Aliases::default()
    }

    /// The canonical key of a name or word (itself, normalised, when no alias is known).
    pub fn key(&self, surface: &str) -> String {
        let n = crate::text::normalize(surface);
        self.canon.get(&n).cloned().unwrap_or(n)
    }
}
