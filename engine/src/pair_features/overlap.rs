//! Plain overlap measures of two texts or word lists for the pair judge: character n-gram
//! cosine, longest common subsequence and longest shared run, word n-gram shares both ways, word
//! order, and an antonym clash.
//!
//! Why separate: these compare the two sides as given (characters, words or stems), with no
//! soft matching and no notion of the document's sentences; `verdict::features` reuses
//! `ngram_shares`.

use std::collections::{HashMap, HashSet};

use crate::lexicon::synonyms::ANTONYMS;

/// Character n-gram count vector of the lowercased text with runs of whitespace folded.
fn char_grams(text: &str, n: usize) -> HashMap<String, f32> {
    let norm: Vec<char> = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let mut out = HashMap::new();
    for w in norm.windows(n) {
        *out.entry(w.iter().collect::<String>()).or_insert(0.0) += 1.0;
    }
    out
}

/// Cosine similarity of the two texts' character n-gram counts.
pub fn char_cosine(a: &str, b: &str, n: usize) -> f32 {
    let (x, y) = (char_grams(a, n), char_grams(b, n));
    let dot: f32 = x.iter().filter_map(|(k, v)| y.get(k).map(|u| u * v)).sum();
    let norm = |m: &HashMap<String, f32>| m.values().map(|v| v * v).sum::<f32>().sqrt();
    let d = norm(&x) * norm(&y);
    if d > 0.0 {
        dot / d
    } else {
        0.0
    }
}

/// Length of the longest common subsequence of two word lists.
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Length of the longest run of consecutive words the two lists share.
pub fn longest_run<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut best = 0;
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Shares of `a`'s word n-grams found in `b` and of `b`'s found in `a`.
pub fn ngram_shares<S: AsRef<str>>(a: &[S], b: &[S], n: usize) -> (f32, f32) {
    let grams = |w: &[S]| -> HashSet<String> {
        w.windows(n)
            .map(|g| g.iter().map(AsRef::as_ref).collect::<Vec<&str>>().join(" "))
            .collect()
    };
    let (x, y) = (grams(a), grams(b));
    let shared = x.intersection(&y).count() as f32;
    let share = |s: &HashSet<String>| {
        if s.is_empty() {
            0.0
        } else {
            shared / s.len() as f32
        }
    };
    (share(&x), share(&y))
}

/// How far the shared words keep their order: 1 when every pair of shared words comes in the
/// same order on both sides, 0 when every pair is swapped (0.5 with fewer than two).
pub fn order_similarity(a: &[String], b: &[String]) -> f32 {
    let pos_b: HashMap<&str, usize> = b.iter().enumerate().map(|(i, w)| (w.as_str(), i)).collect();
    let seq: Vec<usize> = a
        .iter()
        .filter_map(|w| pos_b.get(w.as_str()).copied())
        .collect();
    let (mut agree, mut total) = (0usize, 0usize);
    // Bounded: long documents only need an estimate.
    let seq = &seq[..seq.len().min(60)];
    for i in 0..seq.len() {
        for j in i + 1..seq.len() {
            total += 1;
            if seq[i] < seq[j] {
                agree += 1;
            }
        }
    }
    if total == 0 {
        0.5
    } else {
        agree as f32 / total as f32
    }
}

/// Whether one side has a word of an antonym pair and the other side has its opposite but not
/// the word itself.
pub fn antonym_clash(a: &[String], b: &[String]) -> bool {
    let has = |ws: &[String], p: &str| ws.iter().any(|w| w.starts_with(p));
    ANTONYMS.iter().any(|(x, y)| {
        (has(a, x) && has(b, y) && !has(b, x)) || (has(a, y) && has(b, x) && !has(b, y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pair_features::tests::v;

    #[test]
    fn lcs_and_runs_count_words_in_order() {
        let a = v("the mayor opened the new bridge");
        let b = v("the new bridge was opened by the mayor");
        assert_eq!(lcs_len(&a, &b), 3);
        assert_eq!(longest_run(&a, &b), 3);
        assert_eq!(lcs_len::<String>(&[], &b), 0);
    }

    #[test]
    fn word_order_swaps_lower_order_similarity() {
        let a = v("police arrested two men");
        assert!((order_similarity(&a, &a) - 1.0).abs() < 1e-5);
        let b = v("men two arrested police");
        assert!(order_similarity(&a, &b) < 0.01);
    }

    #[test]
    fn ngram_shares_both_ways() {
        let (p, r) = ngram_shares(&v("a b c"), &v("a b c d e"), 2);
        assert!((p - 1.0).abs() < 1e-5 && (r - 0.5).abs() < 1e-5);
    }
}
