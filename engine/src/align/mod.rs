//! Alignment: for a claim segment, find the sentence (or two adjacent sentences) of another
//! article that carries the most of the claim's content.
//!
//! Every segment becomes a set of *terms*: content-word stems, name keys that unify spelling
//! variants and learned aliases, numbers by value, days by resolved date. Closed compounds are
//! folded ("cyber attack" = "cyberattack") and demonyms fold onto their country when the country
//! occurs in the cluster ("Iranian" = "Iran"). Candidates come from an inverted index
//! (term → segments), never from all pairs, and are scored by weighted coverage of the claim's
//! terms; weights are IDF over the cluster's segments, or fixed by term kind for a lone pair
//! where no IDF can be estimated.
//!
//! Split by job: `index` builds the terms, the inverted index and the weights (`keys` turns a
//! name, number or acronym into its term key), `score` measures how much of a claim some units
//! cover, and `retrieve` picks each article's best evidence. This module holds the types they
//! share.

mod index;
mod keys;
mod retrieve;
mod score;

use crate::analyze::Analysis;

pub use index::static_weight;
pub(crate) use score::sorted_common;

/// What a term stands for; names, numbers and dates are the checkable parts of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Word,
    Name,
    Number,
    Date,
}

/// A unit of matching, with its byte span in the segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub key: u32,
    pub start: usize,
    pub end: usize,
    pub kind: TermKind,
}

/// One segment as the aligner sees it.
pub struct Unit<'a> {
    pub article: usize,
    pub text: &'a str,
    pub analysis: &'a Analysis,
    /// Claims and headlines; boilerplate is never evidence.
    pub eligible: bool,
    /// The article's headline (false when unknown, as for a bare document).
    pub headline: bool,
}

/// How term weights are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weighting {
    /// IDF over the cluster's eligible segments.
    Idf,
    /// By kind only: for a lone claim/document pair, where document frequencies mean nothing.
    Static,
}

/// The distinct keys of several units, and their summed weight (`Aligner::union`).
pub struct KeyUnion {
    /// The keys as a bit set indexed by key: every item of a build asks whether each of its
    /// claim's keys is in its article's union, and a bit test answers faster than a binary
    /// search of the sorted keys.
    bits: Vec<u64>,
    total: f32,
}

impl KeyUnion {
    /// Whether `k` is one of the keys.
    pub fn contains(&self, k: u32) -> bool {
        self.bits
            .get(k as usize / 64)
            .is_some_and(|b| b & (1 << (k % 64)) != 0)
    }
}

/// The best evidence found in one article for one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Unit ids, in text order (one, or two adjacent sentences).
    pub units: Vec<u32>,
    /// Weighted share of the claim's terms found in the evidence.
    pub coverage: f32,
    /// Weighted share of the evidence's terms found in the claim.
    pub reverse: f32,
    /// Other sentences of the article that carry the claim nearly as well (a headline and a
    /// lead often both do), with their coverage: further evidence, not compared for details.
    pub also: Vec<(u32, f32)>,
}

pub struct Aligner {
    pub terms: Vec<Vec<Term>>,
    /// Each unit's terms that contain no other term, in text order (`outer_terms`), and
    /// their keys.
    outer: Vec<Vec<Term>>,
    outer_keys: Vec<Vec<u32>>,
    keysets: Vec<Vec<u32>>,
    /// Each unit's keys of terms that are not names, sorted, each once (`plain_keys`).
    plain: Vec<Vec<u32>>,
    /// Unordered pairs of neighbouring term keys: shared phrases, not just shared words.
    pairsets: Vec<Vec<(u32, u32)>>,
    pub weight: Vec<f32>,
    /// Units that are their article's headline.
    headline: Vec<bool>,
    /// Sum of the weights of each unit's distinct terms.
    total: Vec<f32>,
    postings: Vec<Vec<u32>>,
    article_of: Vec<usize>,
    eligible: Vec<bool>,
    /// Eligible unit ids of each article, in text order.
    by_article: Vec<Vec<u32>>,
    /// Position of each eligible unit within `by_article[article]`.
    pos_in_article: Vec<usize>,
    pub kinds: Vec<TermKind>,
    pub names: Vec<String>,
    /// The largest term weight: the weight of a term found in one segment only.
    pub max_weight: f32,
}

/// An aligner over `texts`, one article each, every unit eligible, idf weighting, aliases
/// learned from the texts: what the unit tests of scoring and claim parts build on.
#[cfg(test)]
pub(crate) fn aligner_of(texts: &[&str]) -> Aligner {
    let analyses: Vec<Analysis> = texts
        .iter()
        .map(|t| crate::analyze::analyze(t, None))
        .collect();
    let units: Vec<Unit> = texts
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(i, (t, a))| Unit {
            article: i,
            text: t,
            analysis: a,
            eligible: true,
            headline: false,
        })
        .collect();
    Aligner::new(
        &units,
        &crate::analyze::Aliases::learn(texts),
        Weighting::Idf,
    )
}
