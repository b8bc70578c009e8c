//! Machine-translation style scores of a claim against a document: smoothed BLEU both ways, word
//! edit distance over each side's length, and a METEOR-like alignment with its fragmentation.
//!
//! Why separate: paraphrase detection leans on these as a group, and they align the two texts
//! word by word in order (with `soft::Tok`'s match levels) where the other features only count
//! shared words.

use std::collections::HashMap;

use super::soft::Tok;
use super::Words;

/// Number of values `mt_scores` returns.
const N_MT: usize = 6;

/// Word edit distance (insertions, deletions, substitutions) of two word lists; the document
/// side is cut to its first 400 words so the table stays small on any input.
pub fn word_edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let b = &b[..b.len().min(400)];
    let a = &a[..a.len().min(400)];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Smoothed BLEU of `a` against `b`: geometric mean of the 1- to 4-gram precisions (add-one),
/// no brevity penalty (the length features carry that).
fn bleu(a: &[String], b: &[String]) -> f32 {
    let mut log_sum = 0.0f32;
    for n in 1..=4 {
        let grams = |w: &[String]| -> HashMap<String, usize> {
            let mut m = HashMap::new();
            for g in w.windows(n) {
                *m.entry(g.join(" ")).or_insert(0) += 1;
            }
            m
        };
        let (x, y) = (grams(a), grams(b));
        let total: usize = x.values().sum();
        let hit: usize = x
            .iter()
            .map(|(g, k)| (*k).min(y.get(g).copied().unwrap_or(0)))
            .sum();
        log_sum += ((hit as f32 + 1.0) / (total as f32 + 1.0)).ln();
    }
    (log_sum / 4.0).exp()
}

/// Machine-translation style scores of the claim against the document (paraphrase detection
/// leans on them): BLEU both ways, word edit distance over each side's length, and a METEOR-like
/// alignment of every word (form, stem, root or synonym) with its fragmentation.
pub(super) fn mt_scores(c: &Words, d: &Words) -> [f32; N_MT] {
    let ed = word_edit_distance(&c.stems, &d.stems) as f32;
    // Greedy in-order alignment: each claim word takes the first unused document word it
    // matches, preferring an exact match; chunks count the breaks in document order. Both sides
    // are cut (400 claim words, 2000 document words) so the quadratic scan stays bounded.
    let doc: Vec<Tok> = d
        .lower
        .iter()
        .zip(&d.stems)
        .take(2000)
        .map(|(l, s)| Tok::new(l, s))
        .collect();
    let mut used = vec![false; doc.len()];
    let mut positions: Vec<usize> = Vec::new();
    for (l, s) in c.lower.iter().zip(&c.stems).take(400) {
        let t = Tok::new(l, s);
        let mut best: Option<(u8, usize)> = None;
        for (j, u) in doc.iter().enumerate() {
            if used[j] {
                continue;
            }
            let lv = t.level(u);
            if lv > 0 && best.is_none_or(|(b, _)| lv > b) {
                best = Some((lv, j));
                if lv == 3 {
                    break;
                }
            }
        }
        if let Some((_, j)) = best {
            used[j] = true;
            positions.push(j);
        }
    }
    let m = positions.len() as f32;
    let chunks = 1 + positions.windows(2).filter(|p| p[1] != p[0] + 1).count();
    let (p, r) = (
        m / (c.lower.len().max(1) as f32),
        m / (d.lower.len().max(1) as f32),
    );
    let fmean = if p + r > 0.0 {
        10.0 * p * r / (r + 9.0 * p)
    } else {
        0.0
    };
    let frag = if m > 0.0 { chunks as f32 / m } else { 1.0 };
    let meteor = fmean * (1.0 - 0.5 * frag.powi(3));
    [
        bleu(&c.stems, &d.stems),
        bleu(&d.stems, &c.stems),
        ed / c.lower.len().max(1) as f32,
        ed / c.lower.len().max(d.lower.len()).max(1) as f32,
        meteor,
        frag,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pair_features::extract;
    use crate::pair_features::tests::{at, v};

    #[test]
    fn translation_scores_reward_same_wording() {
        let s = "the mayor opened the new bridge on friday";
        let f = extract(s, s);
        assert!(f[at("bleu_claim")] > 0.99 && f[at("edit_claim")] == 0.0);
        assert_eq!(f[at("fragmentation")], 1.0 / 8.0);
        assert_eq!(word_edit_distance(&v("a b c"), &v("a x c d")), 2);
        let g = extract(s, "a storm closed the old bridge");
        assert!(g[at("meteor")] < f[at("meteor")]);
    }
}
