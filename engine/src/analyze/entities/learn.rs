//! Learning a cluster's aliases from its own text: bracketed acronyms, "X, or Y" appositions,
//! initialisms, surnames that stand alone, and spelling variants of name words.
//!
//! Why separate: it runs once per cluster and holds every rule that decides when two names are
//! one entity; the `Aliases` it returns only answers lookups (`mod.rs`).

use std::collections::{HashMap, HashSet};

use super::groups::Groups;
use super::mentions::mentions;
use super::spelling::{fold, skeleton, spelling_variants};
use super::Aliases;
use crate::analyze::{norm, tokenize};
use crate::lexicon::names::{ALIAS_GAPS, ORGISH, TITLES};

struct Seen {
    sig: String,
    /// Tokens of the mention (folded), and whether each is capitalised.
    words: Vec<(String, bool)>,
}

impl Aliases {
    /// Learns aliases from every text of the cluster (whole articles or segments).
    /// Near-linear: names are bucketed by consonant skeleton or first letter and length before
    /// any string distance is computed.
    pub fn learn(texts: &[&str]) -> Aliases {
        let mut found: Vec<(Vec<(String, bool)>, String)> = Vec::new(); // (words, surface)
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut acronyms: HashSet<String> = HashSet::new();
        let mut vocab: HashMap<String, usize> = HashMap::new();
        let mut lowercase: HashSet<String> = HashSet::new();
        for text in texts {
            let tokens = tokenize(text);
            for t in tokens.iter().filter(|t| !t.capitalized) {
                if !lowercase.contains(&t.lower) {
                    lowercase.insert(t.lower.clone());
                }
            }
            let ms = mentions(text, &tokens);
            let mut ti = 0;
            let mut prev: Option<(usize, usize)> = None;
            for m in &ms {
                while ti < tokens.len() && tokens[ti].end <= m.start {
                    ti += 1;
                }
                let mut words = Vec::new();
                let mut tj = ti;
                while tj < tokens.len() && tokens[tj].start < m.end {
                    let t = &tokens[tj];
                    let raw = text.get(t.start..t.end.min(m.end)).unwrap_or("");
                    if raw.len() >= 2
                        && raw.len() <= 6
                        && raw.chars().all(|c| c.is_ascii_uppercase())
                    {
                        acronyms.insert(raw.to_lowercase());
                    }
                    let f = fold(raw.trim_end_matches("'s").trim_end_matches("\u{2019}s"));
                    if t.capitalized && f.chars().all(char::is_alphabetic) {
                        *vocab.entry(f.clone()).or_default() += 1;
                    }
                    words.push((f, t.capitalized));
                    tj += 1;
                }
                let surface = text.get(m.start..m.end).unwrap_or("").to_string();
                // "Long Name (ACR)", "X, or Y", "X, also known as Y".
                if let Some((ps, pe)) = prev {
                    let between = text.get(pe..m.start).map(norm).unwrap_or_default();
                    let after = text.get(m.end..).unwrap_or("");
                    let bracket = between == "(" && after.trim_start().starts_with(')');
                    let appos = ALIAS_GAPS.contains(&between.as_str());
                    if bracket || appos {
                        let prev_surface = text.get(ps..pe).unwrap_or("").to_string();
                        let multi =
                            |s: &str| s.split([' ', '-']).filter(|w| !w.is_empty()).count() >= 2;
                        let acr =
                            |s: &str| s.len() <= 6 && s.chars().all(|c| c.is_ascii_uppercase());
                        if bracket
                            || (multi(&prev_surface) || acr(&prev_surface))
                                && (multi(&surface) || acr(&surface))
                        {
                            pairs.push((prev_surface, surface.clone()));
                        }
                    }
                }
                prev = Some((m.start, m.end));
                found.push((words, surface));
            }
        }
        // "Damages may be ...": a capitalised word the cluster also writes in lower case is an
        // ordinary word, not a name (acronyms aside: "WHO" is not "who").
        found.retain(|(words, surface)| {
            let acronym = surface.len() >= 2 && surface.chars().all(|c| c.is_ascii_uppercase());
            !(words.len() == 1 && !acronym && lowercase.contains(&words[0].0))
        });
        // Spelling variants of name words.
        let mut wg = Groups::default();
        let mut by_skel: HashMap<String, Vec<&str>> = HashMap::new();
        let mut by_len: HashMap<(char, usize), Vec<&str>> = HashMap::new();
        let mut vocab_list: Vec<&String> = vocab.keys().collect();
        vocab_list.sort();
        for w in &vocab_list {
            if w.chars().count() < 5 {
                continue;
            }
            by_skel.entry(skeleton(w)).or_default().push(w);
            if let Some(c) = w.chars().next() {
                by_len.entry((c, w.chars().count())).or_default().push(w);
            }
        }
        // A real cluster has a handful of names per bucket; a hostile one could have
        // thousands, so beyond a few hundred only near neighbours (sorted) are compared.
        const WINDOW: usize = 24;
        let wide = |n: usize| n > 300;
        for bucket in by_skel.values() {
            for (i, a) in bucket.iter().enumerate() {
                let end = if wide(bucket.len()) {
                    (i + 1 + WINDOW).min(bucket.len())
                } else {
                    bucket.len()
                };
                for b in &bucket[i + 1..end] {
                    if spelling_variants(a, b) {
                        wg.union(a, b);
                    }
                }
            }
        }
        for (&(c, n), bucket) in &by_len {
            if n < 7 {
                continue;
            }
            for d in 0..=1 {
                let Some(other) = by_len.get(&(c, n + d)) else {
                    continue;
                };
                let capped = wide(bucket.len()) || wide(other.len());
                for (i, a) in bucket.iter().enumerate() {
                    let (lo, hi) = if capped {
                        let p = other.partition_point(|b| b < a);
                        (p.saturating_sub(WINDOW), (p + WINDOW).min(other.len()))
                    } else {
                        (0, other.len())
                    };
                    let _ = i;
                    for b in &other[lo..hi] {
                        if a < b && spelling_variants(a, b) {
                            wg.union(a, b);
                        }
                    }
                }
            }
        }
        let mut aliases = Aliases {
            canon: HashMap::new(),
            words: wg.into_map(),
            lowercase: HashSet::new(),
        };
        // Entity groups over name signatures.
        let mut g = Groups::default();
        let seen: Vec<Seen> = found
            .into_iter()
            .map(|(words, surface)| Seen {
                sig: aliases.sig(&surface),
                words,
            })
            .collect();
        for s in &seen {
            if !s.sig.is_empty() {
                g.add(&s.sig);
            }
        }
        for (a, b) in &pairs {
            let (sa, sb) = (aliases.sig(a), aliases.sig(b));
            g.union(&sa, &sb);
        }
        // Initialisms: NCRI = National Council of Resistance of Iran.
        let mut initials: HashMap<String, HashSet<String>> = HashMap::new();
        for s in &seen {
            let content: Vec<&(String, bool)> =
                s.words.iter().filter(|(w, _)| !w.is_empty()).collect();
            if content.len() < 2 {
                continue;
            }
            let caps: String = content
                .iter()
                .filter(|(w, c)| *c && w != "the")
                .filter_map(|(w, _)| w.chars().next())
                .collect();
            let all: String = content
                .iter()
                // Closed class, left inline: function words skipped in initials.
                .filter(|(w, _)| !matches!(w.as_str(), "the" | "of" | "and" | "for"))
                .filter_map(|(w, _)| w.chars().next())
                .collect();
            for v in [caps, all] {
                if v.chars().count() >= 2 {
                    initials.entry(v).or_default().insert(s.sig.clone());
                }
            }
        }
        let mut acr_list: Vec<&String> = acronyms.iter().collect();
        acr_list.sort();
        for a in acr_list {
            let Some(cands) = initials.get(a.as_str()) else {
                continue;
            };
            let mut cands: Vec<&String> = cands.iter().collect();
            cands.sort();
            // "AP Photo" does not expand "AP".
            cands.retain(|c| !c.split(' ').any(|w| w == a.as_str()));
            let roots: HashSet<String> = cands.iter().filter_map(|c| g.root_of(c)).collect();
            if roots.len() == 1 {
                if let Some(c) = cands.first() {
                    let asig = aliases.sig(a);
                    g.union(&asig, c);
                }
            }
        }
        // Surnames: "Edi Rama" ... "Rama", when the surname also stands alone and belongs to
        // one full name only.
        let singles: HashSet<&str> = seen
            .iter()
            .filter(|s| s.words.len() == 1)
            .map(|s| s.sig.as_str())
            .collect();
        let mut by_last: HashMap<String, HashSet<String>> = HashMap::new();
        for s in &seen {
            let n = s.words.len();
            let personal = (2..=3).contains(&n)
                && s.words.iter().all(|(w, c)| {
                    *c && w.chars().all(char::is_alphabetic)
                        && !ORGISH.contains(&w.as_str())
                        && !TITLES.contains(&w.as_str())
                });
            if !personal {
                continue;
            }
            let Some((last, _)) = s.words.last() else {
                continue;
            };
            let lsig = aliases.sig(last);
            // A first name does not stand alone as a name of its own ("REvil Russian" is two).
            let first = s
                .words
                .first()
                .map(|(w, _)| aliases.sig(w))
                .unwrap_or_default();
            if singles.contains(first.as_str()) {
                continue;
            }
            // An ordinary word written lower case elsewhere is no surname ("Cyberattack").
            if lowercase.contains(last.as_str()) {
                continue;
            }
            if singles.contains(lsig.as_str()) && lsig != s.sig {
                by_last.entry(lsig).or_default().insert(s.sig.clone());
            }
        }
        let mut lasts: Vec<(&String, &HashSet<String>)> = by_last.iter().collect();
        lasts.sort_by(|a, b| a.0.cmp(b.0));
        for (last, fulls) in lasts {
            let mut fulls: Vec<&String> = fulls.iter().collect();
            fulls.sort();
            let roots: HashSet<String> = fulls.iter().filter_map(|f| g.root_of(f)).collect();
            if roots.len() == 1 {
                if let Some(f) = fulls.first() {
                    g.union(last, f);
                }
            }
        }
        aliases.canon = g.into_map();
        aliases.lowercase = lowercase;
        aliases
    }
}
