//! How two spellings of a name word compare: the folded form names are compared in, the
//! consonant skeleton transliterations share, and the test for two variants of one word.
//!
//! Why separate: these are pure string measures with no notion of a cluster; `learn` buckets
//! names by them and `Aliases` folds every key through `fold`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed: the form names are compared in.
pub(super) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return crate::analyze::norm(s);
    }
    crate::analyze::norm(s)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// The consonant skeleton of a name, doubled letters collapsed: transliterations of one name
/// differ mostly in vowels (Kanani / Kanaani / Kenani, Mujahedin / Mojahedin / Mujahideen).
pub(super) fn skeleton(w: &str) -> String {
    let mut out = String::new();
    let mut prev = None;
    for c in w.chars() {
        if !"aeiouy".contains(c) && c.is_alphabetic() && prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Two spellings of one name word.
pub(super) fn spelling_variants(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || la.abs_diff(lb) > 3 {
        return false;
    }
    let sa = skeleton(a);
    if sa.chars().count() >= 3 && sa == skeleton(b) {
        return strsim::jaro_winkler(a, b) >= 0.8;
    }
    la.min(lb) >= 7
        && strsim::damerau_levenshtein(a, b) <= 1
        && a.chars().next() == b.chars().next()
}
