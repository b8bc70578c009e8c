//! Names (people, organisations, places) and the aliases that tie a cluster's names together.
//!
//! Outlets spell one name differently (Kanani / Kanaani / Kenani), abbreviate it (NCRI, MKO),
//! or shorten a person to a surname. Aliases are learned from the cluster's own text, never
//! from a hand-made list, so the same rules work on clusters nobody has seen.

use std::collections::{HashMap, HashSet};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::{gap, tokenize, Mention, Token};
use crate::lexicon::dates::MONTHS_DAYS;
use crate::lexicon::names::{
    ALIAS_GAPS, COLLECTIVES, GENERIC, JOINERS, ORGISH, PRONOUNS, STARTERS, TITLES,
};

/// Whether a lower-cased word is a title or office that precedes a name ("ms", "president").
pub fn is_title(lower: &str) -> bool {
    TITLES.contains(&lower.trim_end_matches('.'))
}

fn is_name_token(text: &str, t: &Token) -> bool {
    // "US", "IT": an acronym, though its lower case is a function word.
    let raw = text.get(t.start..t.end).unwrap_or("");
    if raw.len() >= 2 && raw.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    t.capitalized
        && !MONTHS_DAYS.contains(&t.lower.as_str())
        && !PRONOUNS.contains(&t.lower.as_str())
        && (!t.stop || JOINERS.contains(&t.lower.as_str()))
        && t.lower != "the"
}

fn sentence_start(text: &str, tokens: &[Token], k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let g = gap(text, tokens, k - 1, k);
    g.contains([
        '.', '!', '?', ':', '\n', '"', '\u{201C}', '\u{2018}', '(', '[', '\u{2014}', '\u{2013}',
    ]) && !(g.trim() == "." && tokens[k - 1].lower.contains('.'))
}

/// Whether the gap between two tokens keeps them in one name.
fn name_gap(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    let g = gap(text, tokens, a, b);
    if g.is_empty() || g.contains('\n') {
        return false;
    }
    if g.chars().all(|c| c == ' ' || c == '\u{00A0}') || matches!(g, "-" | "'" | "\u{2019}" | " & ")
    {
        return true;
    }
    // "U.S. Department", "John F. Kennedy".
    let prev = &tokens[a];
    (g == ". " || g == ".") && (prev.lower.contains('.') || prev.lower.chars().count() == 1)
}

/// Capitalised runs of a segment: people, organisations, places.
pub fn mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let starter = sentence_start(text, tokens, k)
            && (STARTERS.contains(&t.lower.as_str())
                || t.lower.ends_with("ly")
                || super::attribution::reporting_verb(&t.lower).is_some());
        if !is_name_token(text, t) || JOINERS.contains(&t.lower.as_str()) || starter {
            k += 1;
            continue;
        }
        // Extend the run.
        let mut end = k; // last token included
        let mut has_of = false;
        let mut j = k + 1;
        while j < tokens.len() {
            if !name_gap(text, tokens, j - 1, j) {
                break;
            }
            let n = &tokens[j];
            if is_name_token(text, n) && !JOINERS.contains(&n.lower.as_str()) {
                end = j;
                j += 1;
                continue;
            }
            // A joiner counts only between two name words.
            let joiner = JOINERS.contains(&n.lower.as_str()) && !n.capitalized;
            let and_ok = match n.lower.as_str() {
                // "Ministry of Intelligence and Security", "Home Affairs and Cyber Security
                // Minister": "and" joins inside an institution's name, not two names.
                "and" => has_of || institution_ahead(text, tokens, j + 1),
                // "Centre for Strategic Studies", not "Khatib for Tehran".
                "for" => ORGISH.contains(&tokens[j - 1].lower.as_str()),
                _ => true,
            };
            if joiner && and_ok {
                let mut m = j + 1;
                // "of the", "-e-".
                if tokens
                    .get(m)
                    .is_some_and(|x| x.lower == "the" && !x.capitalized)
                    && name_gap(text, tokens, j, m)
                {
                    m += 1;
                }
                if tokens.get(m).is_some_and(|x| is_name_token(text, x))
                    && name_gap(text, tokens, m - 1, m)
                {
                    if n.lower == "of" {
                        has_of = true;
                    }
                    end = m;
                    j = m + 1;
                    continue;
                }
            }
            break;
        }
        emit(text, tokens, k, end, &mut out);
        k = end + 1;
    }
    out
}

/// Whether the capitalised run starting at token `k` ends in an institution or a title
/// ("Security Minister", "Cyber Security Agency").
fn institution_ahead(text: &str, tokens: &[Token], k: usize) -> bool {
    let mut j = k;
    while j < tokens.len() && j < k + 5 && is_name_token(text, &tokens[j]) {
        let w = tokens[j].lower.as_str();
        if ORGISH.contains(&w) || TITLES.contains(&w) {
            return true;
        }
        if j + 1 < tokens.len() && !name_gap(text, tokens, j, j + 1) {
            break;
        }
        j += 1;
    }
    false
}

/// Emits the run `a..=b`, split at titles ("Prime Minister Edi Rama" gives "Edi Rama").
fn emit(text: &str, tokens: &[Token], a: usize, b: usize, out: &mut Vec<Mention>) {
    // "Iran’s Ministry of Intelligence": the possessor is a name of its own when what
    // follows is an institution ("People’s Mujahedeen" stays whole).
    // "People's Mujahedeen Organization", "Women's Institute": a group in the possessive is
    // part of the name.
    let group = tokens[a]
        .lower
        .strip_suffix("'s")
        .is_some_and(|w| COLLECTIVES.contains(&w));
    if a < b && !group && tokens[a].lower.ends_with("'s") {
        let institution = tokens[a + 1..=b]
            .iter()
            .any(|t| ORGISH.contains(&t.lower.as_str()) || t.lower == "minister");
        if institution {
            push(text, tokens, a, a, out);
            emit(text, tokens, a + 1, b, out);
            return;
        }
    }
    let title = |i: usize| TITLES.contains(&tokens[i].lower.trim_end_matches('.'));
    let mut last_title = None;
    for i in a..b {
        if title(i) && !title(i + 1) {
            last_title = Some(i);
        }
    }
    let name_from = match last_title {
        Some(t) => {
            let mut p = t;
            while p > a && title(p) {
                p -= 1;
            }
            if !title(p) && p >= a {
                push(text, tokens, a, p, out);
            }
            t + 1
        }
        None => a,
    };
    push(text, tokens, name_from, b, out);
}

fn push(text: &str, tokens: &[Token], mut a: usize, mut b: usize, out: &mut Vec<Mention>) {
    while a < b && JOINERS.contains(&tokens[a].lower.as_str()) {
        a += 1;
    }
    while b > a && JOINERS.contains(&tokens[b].lower.as_str()) {
        b -= 1;
    }
    if a == b
        && (JOINERS.contains(&tokens[a].lower.as_str())
            || TITLES.contains(&tokens[a].lower.as_str()))
    {
        return;
    }
    let start = tokens[a].start;
    let mut end = tokens[b].end;
    let s = text.get(start..end).unwrap_or("");
    if let Some(x) = s.strip_suffix("'s").or_else(|| s.strip_suffix("\u{2019}s")) {
        end = start + x.len();
    }
    if start < end {
        out.push(Mention { start, end });
    }
}

/// Lower case, accents removed: the form names are compared in.
fn fold(s: &str) -> String {
    if s.is_ascii() {
        return super::norm(s);
    }
    super::norm(s)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// The consonant skeleton of a name, doubled letters collapsed: transliterations of one name
/// differ mostly in vowels (Kanani / Kanaani / Kenani, Mujahedin / Mojahedin / Mujahideen).
fn skeleton(w: &str) -> String {
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
fn spelling_variants(a: &str, b: &str) -> bool {
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

/// A small union-find over strings whose root is always the smallest member, so the key of a
/// group does not depend on the order names were met.
#[derive(Default)]
struct Groups {
    id: HashMap<String, usize>,
    names: Vec<String>,
    parent: Vec<usize>,
}

impl Groups {
    fn add(&mut self, s: &str) -> usize {
        if let Some(&i) = self.id.get(s) {
            return i;
        }
        let i = self.names.len();
        self.id.insert(s.to_string(), i);
        self.names.push(s.to_string());
        self.parent.push(i);
        i
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: &str, b: &str) {
        if a.is_empty() || b.is_empty() {
            return;
        }
        let (x, y) = (self.add(a), self.add(b));
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return;
        }
        if self.names[rx] <= self.names[ry] {
            self.parent[ry] = rx;
        } else {
            self.parent[rx] = ry;
        }
    }

    fn root_of(&mut self, s: &str) -> Option<String> {
        let i = *self.id.get(s)?;
        let r = self.find(i);
        Some(self.names[r].clone())
    }

    fn into_map(mut self) -> HashMap<String, String> {
        let mut m = HashMap::new();
        for i in 0..self.names.len() {
            let r = self.find(i);
            if r != i {
                m.insert(self.names[i].clone(), self.names[r].clone());
            }
        }
        m
    }
}

/// Names that denote one entity across the cluster: aliases learned from the articles
/// themselves (bracketed acronyms, "X, or Y" appositions, initialisms, surnames) and spelling
/// variants.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// Name signature to the canonical signature of its entity.
    canon: HashMap<String, String>,
    /// Name word (folded) to the canonical spelling of its variants.
    words: HashMap<String, String>,
    /// Words the cluster also writes in lower case: ordinary words, even when capitalised at
    /// the start of a sentence.
    lowercase: HashSet<String>,
}

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
                    let between = text.get(pe..m.start).map(super::norm).unwrap_or_default();
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

    /// The canonical spelling of one name word ("kenani" gives the spelling its variants share).
    pub fn word(&self, w: &str) -> String {
        let f = fold(w);
        self.words.get(&f).cloned().unwrap_or(f)
    }

    /// A name reduced to what identifies it: folded words, spelling variants unified, titles,
    /// articles, possessives and generic words ("Organization") dropped.
    fn sig(&self, surface: &str) -> String {
        // "U.S." and "US" are one name: dots inside abbreviations go.
        let f = fold(surface).replace('.', "");
        let mut out = String::new();
        for piece in f.split(|c: char| !c.is_alphanumeric()) {
            if piece.is_empty()
                || matches!(piece, "s" | "the")
                || TITLES.contains(&piece)
                || GENERIC.contains(&piece)
            {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.words.get(piece).map_or(piece, String::as_str));
        }
        out
    }

    /// The canonical key of a name or word: one key for all aliases of an entity (itself,
    /// normalised, when no alias is known).
    pub fn key(&self, surface: &str) -> String {
        // "who", "us", "it" written lower case are words, not WHO, US or IT.
        if !surface.chars().any(char::is_uppercase) && super::is_stop(&super::norm(surface)) {
            return super::norm(surface);
        }
        let sig = self.sig(surface);
        if sig.is_empty() {
            return super::norm(surface);
        }
        self.canon.get(&sig).cloned().unwrap_or(sig)
    }

    /// The key of a single token ("Kenani" and "Kanani" give the same key; so do "MEK" and
    /// "MKO" when the cluster ties them to one organisation).
    pub fn key_token(&self, word: &str) -> String {
        self.key(word)
    }

    /// Whether the cluster also writes this word in lower case, i.e. it is an ordinary word
    /// even where a sentence starts with it ("Authorities", "Damages"); acronyms never are.
    pub fn is_common_word(&self, word: &str) -> bool {
        let raw_acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        !raw_acronym && self.lowercase.contains(&super::norm(word))
    }

    /// Whether two names denote the same entity.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.key(a) == self.key(b)
    }

    /// Number of names tied to another name (for diagnostics and tests).
    pub fn len(&self) -> usize {
        self.canon.len() + self.words.len()
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.canon.is_empty() && self.words.is_empty()
    }
}
