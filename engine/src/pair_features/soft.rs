//! The soft word match of a claim against a document: each content word matched by form, stem,
//! root prefix, synonym group or number value, against the whole document and against its
//! best-covering sentence (the 17 features from `soft_cov` to `num_conflict`; `extract` runs it
//! the other way round too, for the `rev_*` ones).
//!
//! Why separate: it is the pair features' one notion of "the same word" beyond equal stems
//! (`Index` for a stretch of text, `Tok` word against word, which `mt` aligns with) and their
//! largest single computation.

use std::collections::HashSet;

use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

use super::{count_in, is_number, words, Words};
use crate::lexicon::grammar::COPULA;
use crate::lexicon::negation::{MODALS, PAIR_NEGATIONS as NEGATIONS};
use crate::lexicon::numbers::DIGIT_WORDS as NUMBER_WORDS;
use crate::lexicon::stop::PAIR_STOP as STOP;
use crate::lexicon::synonyms::PAIR_SYNONYMS as SYNONYMS;

/// Number of values `soft` returns (the tail of `extract`).
const N_SOFT: usize = 17;

/// The synonym groups a stem belongs to: the stem equals an entry, or starts with an entry of
/// four letters or more ("acquisit" covers "acquisitions").
fn groups(stem: &str) -> Vec<usize> {
    SYNONYMS
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            g.iter()
                .any(|e| stem == *e || (e.len() >= 4 && stem.starts_with(e)))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A number as digits: "1,200" -> "1200", "two" -> "2"; None for other words.
fn number_value(w: &str) -> Option<String> {
    if is_number(w) {
        return Some(w.replace(',', ""));
    }
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == w)
        .map(|(_, d)| (*d).to_string())
}

/// The first five characters of a word of six or more: derivations of one root
/// ("production", "produced") share it where the stemmer leaves them apart.
fn prefix5(w: &str) -> Option<String> {
    (w.chars().count() >= 6).then(|| w.chars().take(5).collect())
}

/// What a stretch of document offers a claim word to match against.
#[derive(Default)]
struct Index {
    lower: HashSet<String>,
    stems: HashSet<String>,
    prefixes: HashSet<String>,
    groups: HashSet<usize>,
    numbers: HashSet<String>,
}

impl Index {
    fn add(&mut self, lower: &str, stem: &str) {
        self.lower.insert(lower.to_string());
        self.stems.insert(stem.to_string());
        if let Some(p) = prefix5(lower) {
            self.prefixes.insert(p);
        }
        self.groups.extend(groups(stem));
        if let Some(n) = number_value(lower) {
            self.numbers.insert(n);
        }
    }

    /// 3 same word, 2 same stem or number, 1 same root prefix or synonym group, 0 none.
    fn level(&self, lower: &str, stem: &str) -> u8 {
        if self.lower.contains(lower) {
            3
        } else if self.stems.contains(stem)
            || number_value(lower).is_some_and(|n| self.numbers.contains(&n))
        {
            2
        } else if prefix5(lower).is_some_and(|p| self.prefixes.contains(&p))
            || groups(stem).iter().any(|g| self.groups.contains(g))
        {
            1
        } else {
            0
        }
    }
}

/// One word with what `Index::level` compares, worked out once.
pub(super) struct Tok<'a> {
    lower: &'a str,
    stem: &'a str,
    prefix: Option<String>,
    groups: Vec<usize>,
    number: Option<String>,
}

impl<'a> Tok<'a> {
    pub(super) fn new(lower: &'a str, stem: &'a str) -> Self {
        Tok {
            lower,
            stem,
            prefix: prefix5(lower),
            groups: groups(stem),
            number: number_value(lower),
        }
    }

    /// The same levels as `Index::level`, word against word.
    pub(super) fn level(&self, o: &Tok) -> u8 {
        if self.lower == o.lower {
            3
        } else if self.stem == o.stem || (self.number.is_some() && self.number == o.number) {
            2
        } else if (self.prefix.is_some() && self.prefix == o.prefix)
            || self.groups.iter().any(|g| o.groups.contains(g))
        {
            1
        } else {
            0
        }
    }
}

/// Soft-matching features of the claim's content words against the whole document and against
/// its best-covering sentence: a claim is entailed when one stretch of the document holds all its
/// words (by form, stem, root or synonym), and not when a name, number or predicate is missing.
pub(super) fn soft(c: &Words, document: &str, d: &Words, stemmer: &Stemmer) -> [f32; N_SOFT] {
    let content: Vec<usize> = (0..c.lower.len())
        .filter(|&i| !STOP.contains(&c.lower[i].as_str()))
        .collect();
    let cnames: HashSet<&String> = c.names.iter().collect();
    let weight = |i: usize| -> f32 {
        if cnames.contains(&c.lower[i]) || is_number(&c.lower[i]) {
            2.0
        } else {
            1.0
        }
    };
    let mut whole = Index::default();
    for (l, s) in d.lower.iter().zip(&d.stems) {
        whole.add(l, s);
    }
    let levels: Vec<u8> = content
        .iter()
        .map(|&i| whole.level(&c.lower[i], &c.stems[i]))
        .collect();
    let n = content.len().max(1) as f32;
    let matched = levels.iter().filter(|&&l| l > 0).count();
    let soft_cov = matched as f32 / n;
    let wsum: f32 = content.iter().map(|&i| weight(i)).sum::<f32>().max(1.0);
    let soft_cov_w = content
        .iter()
        .zip(&levels)
        .filter(|(_, &l)| l > 0)
        .map(|(&i, _)| weight(i))
        .sum::<f32>()
        / wsum;
    // The best sentence: the most claim words matched, shortest sentence on ties.
    let mut best: Option<(usize, Words, Vec<u8>)> = None;
    for sent in document.unicode_sentences().take(200) {
        let w = words(sent, stemmer);
        if w.lower.is_empty() {
            continue;
        }
        let mut ix = Index::default();
        for (l, s) in w.lower.iter().zip(&w.stems) {
            ix.add(l, s);
        }
        let lv: Vec<u8> = content
            .iter()
            .map(|&i| ix.level(&c.lower[i], &c.stems[i]))
            .collect();
        let m = lv.iter().filter(|&&l| l > 0).count();
        let better = match &best {
            None => true,
            Some((bm, bw, _)) => m > *bm || (m == *bm && w.lower.len() < bw.lower.len()),
        };
        if better {
            best = Some((m, w, lv));
        }
    }
    let (sent_m, sent_words, _) = best.unwrap_or((0, Words::default(), Vec::new()));
    let sent_cov = sent_m as f32 / n;
    // How tightly the matched words sit in the best sentence: matches over the window they span.
    // (Matching is symmetric, so the sentence's words are looked up among the claim's.)
    let compact = {
        let mut claim_ix = Index::default();
        for &i in &content {
            claim_ix.add(&c.lower[i], &c.stems[i]);
        }
        let pos: Vec<usize> = (0..sent_words.lower.len())
            .filter(|&j| {
                !STOP.contains(&sent_words.lower[j].as_str())
                    && claim_ix.level(&sent_words.lower[j], &sent_words.stems[j]) > 0
            })
            .collect();
        match (pos.first(), pos.last()) {
            (Some(a), Some(b)) => pos.len() as f32 / (b - a + 1) as f32,
            _ => 0.0,
        }
    };
    let unmatched: Vec<usize> = content
        .iter()
        .zip(&levels)
        .filter(|(_, &l)| l == 0)
        .map(|(&i, _)| i)
        .collect();
    let names_missing = unmatched
        .iter()
        .filter(|&&i| cnames.contains(&c.lower[i]))
        .count();
    let nums_missing = unmatched
        .iter()
        .filter(|&&i| number_value(&c.lower[i]).is_some())
        .count();
    let mut run = 0usize;
    let mut longest = 0usize;
    for &l in &levels {
        run = if l == 0 { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let verbish = unmatched
        .iter()
        .filter(|&&i| c.lower[i].ends_with("ed") || c.lower[i].ends_with("ing"))
        .count();
    let first_unmatched = levels
        .iter()
        .position(|&l| l == 0)
        .map_or(1.0, |p| p as f32 / n);
    let neg_c = count_in(&c.lower, NEGATIONS) > 0;
    let neg_s = count_in(&sent_words.lower, NEGATIONS) > 0;
    let modal_c = count_in(&c.lower, MODALS) > 0;
    let modal_s = count_in(&sent_words.lower, MODALS) > 0;
    // How near the missed words come to some document word (spelling variants, partial names).
    let closeness = if unmatched.is_empty() {
        1.0
    } else {
        unmatched
            .iter()
            .take(100)
            .map(|&i| {
                d.lower
                    .iter()
                    .take(2000)
                    .map(|x| strsim::jaro_winkler(&c.lower[i], x))
                    .fold(0.0f64, f64::max)
            })
            .sum::<f64>() as f32
            / unmatched.len().min(100) as f32
    };
    let doc_has_numbers = !whole.numbers.is_empty();
    [
        soft_cov,
        soft_cov_w,
        sent_cov,
        soft_cov - sent_cov,
        compact,
        (sent_words.lower.len() as f32 + 1.0).ln(),
        unmatched.len() as f32,
        names_missing as f32,
        nums_missing as f32,
        longest as f32,
        verbish as f32,
        first_unmatched,
        f32::from(u8::from(neg_c != neg_s)),
        f32::from(u8::from(modal_s && !modal_c)),
        f32::from(u8::from(
            c.lower.iter().any(|w| COPULA.contains(&w.as_str())),
        )),
        closeness,
        f32::from(u8::from(nums_missing > 0 && doc_has_numbers)),
    ]
}

#[cfg(test)]
mod tests {
    use crate::pair_features::extract;
    use crate::pair_features::tests::at;

    #[test]
    fn soft_matching_sees_roots_synonyms_and_number_words() {
        let f = extract(
            "The firm purchased two factories.",
            "The company bought 2 plants last year. Its production rose.",
        );
        // firm~company, purchased~bought, two=2 match; factories does not.
        assert!(
            (f[at("soft_cov")] - 0.75).abs() < 1e-5,
            "{}",
            f[at("soft_cov")]
        );
        assert_eq!(f[at("soft_unmatched")], 1.0);
        assert!(f[at("content_prec")] < 0.5, "plain overlap misses them");
    }

    #[test]
    fn best_sentence_holds_the_claim() {
        let f = extract(
            "Voters approved the new stadium.",
            "Rain fell all day. Voters approved the new stadium on Sunday. Turnout was low.",
        );
        assert!((f[at("sent_cov")] - 1.0).abs() < 1e-5);
        // Four matched content words over a five-word window ("the" is not counted).
        assert!((f[at("sent_compact")] - 0.8).abs() < 1e-5);
        assert_eq!(f[at("sent_gap")], 0.0);
    }
}
