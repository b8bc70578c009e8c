//! A build's view through the static word vectors (`crate::word_vectors`), for the cluster
//! decision without the sentence encoder: each sentence as the rarity-weighted mean of its
//! words' vectors, and how close a claim reads to another article's sentences.
//!
//! Why: without the encoder, every other feature compares words by their stems, so "quit" and
//! "resigned" share nothing. The encoder's own words, distilled to a table, close part of that
//! gap for a lookup per word and one row of 64-wide dot products per claim. In LOCO
//! without the encoder (`crosscheck loco ../shared/eval --seeds 5`), mean macro-F1 0.7485 →
//! 0.7530, lowest cluster 0.5190 → 0.5493, differs F1 0.5746 → 0.5785, accuracy 0.8175 →
//! 0.8234. A third reading, each claim word's best cosine among the words of the sentences
//! shown (a static BERTScore recall), added 0.0004 for a cost that grows with every word pair,
//! so it was left out. With the encoder these features stay zero: its own similarities say
//! more, and these beside them lost in LOCO (0.7961 → 0.7889).

use std::collections::HashMap;

use crate::lexicon::stop;
use crate::model::Segment;
use crate::vector::{dot, Columns};
use crate::word_vectors::{WordVectors, DIM};

/// Every segment's sentence vector, `DIM` floats each, laid out for a claim's row of dot
/// products (`Columns`).
pub struct StaticView {
    cols: Columns,
}

/// A text's lower-case words of two or more letters that are no function word: the words a
/// table lookup is tried for.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !stop::ANALYSIS.contains(&w.as_str()))
        .collect()
}

impl StaticView {
    /// The view of `segments`, or `None` without a table. A sentence's vector is the unit mean
    /// of its words' vectors, each word weighing its inverse document frequency among the
    /// cluster's segments, as token reading weighs word pieces.
    pub fn new(segments: &[Segment]) -> Option<StaticView> {
        let table = WordVectors::shipped()?;
        let ids: Vec<Vec<u32>> = segments
            .iter()
            .map(|s| {
                content_words(&s.text)
                    .iter()
                    .filter_map(|w| table.index(w))
                    .collect()
            })
            .collect();
        let mut df: HashMap<u32, f32> = HashMap::new();
        for w in &ids {
            let mut distinct = w.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for i in distinct {
                *df.entry(i).or_default() += 1.0;
            }
        }
        let n = segments.len() as f32;
        let mut vecs = Vec::with_capacity(segments.len() * DIM);
        for w in ids {
            let mut v = [0f32; DIM];
            for i in w {
                let idf = (1.0 + n / df.get(&i).copied().unwrap_or(1.0)).ln();
                for (a, b) in v.iter_mut().zip(table.vector(i)) {
                    *a += idf * b;
                }
            }
            let norm = dot(&v, &v).sqrt();
            let inv = if norm > 0.0 { 1.0 / norm } else { 0.0 };
            vecs.extend(v.iter().map(|x| x * inv));
        }
        Some(StaticView {
            cols: Columns::new(&vecs, DIM),
        })
    }

    /// The claim's cosine with every segment, indexed by segment: one pass over the vectors
    /// per claim (`Columns::dots`, sixteen sentences at a time, each the bits of a plain dot
    /// product), not one dot product per sentence of each item.
    pub fn row(&self, claim: u32) -> Vec<f32> {
        match self.cols.vector(claim as usize) {
            Some(c) => self.cols.dots(&c),
            None => vec![0.0f32; self.cols.len()],
        }
    }
}

/// `st_best` and `st_evidence` of a claim whose `row` is `cos` against the article whose
/// sentences are `doc`: the cosine of its closest sentence, and of the first evidence sentence
/// (0 without one).
pub fn features(cos: &[f32], doc: &[u32], evidence: &[u32]) -> [f32; 2] {
    let cos = |u: u32| cos.get(u as usize).copied().unwrap_or(0.0);
    let best = doc.iter().map(|&u| cos(u)).fold(0f32, f32::max);
    [best, evidence.first().map_or(0.0, |&u| cos(u))]
}
