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

use std::collections::{HashMap, HashSet};

use crate::analyze::{Aliases, Analysis};
use crate::lexicon::stop::LIGHT_STEMS as LIGHT;
use crate::lexicon::synonyms::NEWS as SYNONYMS;

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

/// The distinct keys of several units, sorted, and their summed weight (`Aligner::union`).
pub struct KeyUnion {
    keys: Vec<u32>,
    total: f32,
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

/// Share of the best coverage another sentence needs to be listed as further evidence.
const ALSO_SHARE: f32 = 0.5;

/// Coverage a second, adjacent sentence must add before a claim is taken to be split over two.
const SPLIT_GAIN: f32 = 0.2;

/// Terms whose posting list is longer than this share of the units are not used to *retrieve*
/// candidates (they would touch nearly everything); they still count when scoring.
const RETRIEVAL_DF_SHARE: f32 = 0.5;

/// Factor on a candidate's coverage, for choosing among an article's candidates, when one of
/// the claim and the candidate is a headline and the other is not.
const HEADLINE_MISMATCH: f32 = 0.85;

pub struct Aligner {
    pub terms: Vec<Vec<Term>>,
    keysets: Vec<Vec<u32>>,
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

fn skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for (i, c) in s.chars().enumerate() {
        let keep = i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | '\'' | '-');
        if keep && c != last {
            out.push(c);
        }
        if keep {
            last = c;
        }
    }
    out
}

/// The key of a name: its consonant skeleton when long enough to be distinctive.
fn name_key(n: &str) -> String {
    if n.chars().count() >= 5 {
        format!("N:{}", skeleton(n))
    } else {
        format!("N:{n}")
    }
}

fn fmt_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.3}")
    }
}

impl Aligner {
    pub fn new(units: &[Unit], aliases: &Aliases, weighting: Weighting) -> Aligner {
        // Pass 1: the cluster vocabulary, and which stems only ever appear capitalised (names).
        let mut vocab: HashSet<&str> = HashSet::new();
        let mut lower_seen: HashSet<String> = HashSet::new();
        let mut acronyms: HashSet<String> = HashSet::new();
        for u in units {
            for t in &u.analysis.tokens {
                if let Some(a) = acronym(u.text, t) {
                    acronyms.insert(a);
                }
                vocab.insert(t.stem.as_str());
                if !t.capitalized {
                    lower_seen.insert(t.stem.clone());
                }
            }
        }
        let fold = |stem: &str| -> String {
            // Closed class, left inline: English demonym suffixes ("-ian", "-ese").
            for cut in ["ian", "n", "i", "ese"] {
                if let Some(base) = stem.strip_suffix(cut) {
                    if base.chars().count() >= 3 && vocab.contains(base) {
                        return base.to_string();
                    }
                }
            }
            stem.to_string()
        };
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let synonyms: HashMap<String, usize> = SYNONYMS
            .iter()
            .enumerate()
            .flat_map(|(g, words)| {
                let stemmer = &stemmer;
                words
                    .split(' ')
                    .map(move |w| (stemmer.stem(w).into_owned(), g))
            })
            .collect();

        let mut interner: HashMap<String, u32> = HashMap::new();
        let mut kinds: Vec<TermKind> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut intern = |s: String, kind: TermKind| -> u32 {
            if let Some(&id) = interner.get(&s) {
                return id;
            }
            let id = kinds.len() as u32;
            kinds.push(kind);
            names.push(s.clone());
            interner.insert(s, id);
            id
        };

        let mut all_terms = Vec::with_capacity(units.len());
        for u in units {
            let a = u.analysis;
            let mut terms = Vec::new();
            let mut covered: Vec<(usize, usize)> = Vec::new();
            for d in &a.dates {
                let key = if let Some(day) = d.day {
                    format!("d:{day}")
                } else if let Some((y, m)) = d.month {
                    format!("m:{y}-{m}")
                } else if let Some(y) = d.year {
                    format!("y:{y}")
                } else {
                    continue;
                };
                terms.push(Term {
                    key: intern(key, TermKind::Date),
                    start: d.start,
                    end: d.end,
                    kind: TermKind::Date,
                });
                covered.push((d.start, d.end));
            }
            for q in &a.quantities {
                if covered.iter().any(|&(s, e)| q.start < e && s < q.end) {
                    continue;
                }
                let key = if q.ordinal {
                    format!("o:{}", fmt_value(q.value))
                } else {
                    format!("n:{}", fmt_value(q.value))
                };
                terms.push(Term {
                    key: intern(key, TermKind::Number),
                    start: q.start,
                    end: q.end,
                    kind: TermKind::Number,
                });
                covered.push((q.start, q.end));
            }
            let toks = &a.tokens;
            let mut i = 0;
            while i < toks.len() {
                let t = &toks[i];
                // "U.S." / "US" and "United States" are one name when the cluster has both.
                if let Some(acr) = acronym(u.text, t).filter(|x| acronyms.contains(x)) {
                    terms.push(Term {
                        key: intern(format!("N:{acr}"), TermKind::Name),
                        start: t.start,
                        end: t.end,
                        kind: TermKind::Name,
                    });
                    i += 1;
                    continue;
                }
                if let Some((acr, next)) =
                    expansion(u.text, toks, i).filter(|(x, _)| acronyms.contains(x))
                {
                    terms.push(Term {
                        key: intern(format!("N:{acr}"), TermKind::Name),
                        start: t.start,
                        end: toks[next - 1].end,
                        kind: TermKind::Name,
                    });
                    i = next;
                    continue;
                }
                if t.stop
                    || covered.iter().any(|&(s, e)| t.start < e && s < t.end)
                    || !t.lower.chars().any(char::is_alphanumeric)
                {
                    i += 1;
                    continue;
                }
                // Closed compounds: "cyber attack" next to "cyberattack" elsewhere.
                if let Some(n) = toks.get(i + 1) {
                    if !n.stop && n.start <= t.end + 1 {
                        let joined = format!("{}{}", t.lower, n.lower);
                        let js = stemmer.stem(&joined);
                        if vocab.contains(js.as_ref()) {
                            terms.push(Term {
                                key: intern(format!("w:{js}"), TermKind::Word),
                                start: t.start,
                                end: n.end,
                                kind: TermKind::Word,
                            });
                            i += 2;
                            continue;
                        }
                    }
                }
                // Learned aliases and spelling variants first; a name key is reduced to its
                // consonant skeleton either way, so both routes meet ("Kenani" / "Kanaani").
                let bare = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
                let surface = u.text.get(t.start..t.end).unwrap_or(bare);
                let surface = surface.strip_suffix("'s").unwrap_or(surface);
                let alias = aliases.key(surface);
                let (key, kind) = if t.capitalized && alias != bare && !alias.is_empty() {
                    (name_key(&alias), TermKind::Name)
                } else {
                    let f = fold(&t.stem);
                    let is_name = t.capitalized && !lower_seen.contains(&f);
                    if is_name {
                        (name_key(&f), TermKind::Name)
                    } else if t.lower.bytes().any(|b| b.is_ascii_digit()) {
                        (format!("n:{}", t.lower), TermKind::Number)
                    } else if let Some(g) = synonyms.get(&t.stem) {
                        (format!("s:{g}"), TermKind::Word)
                    } else {
                        (format!("w:{f}"), TermKind::Word)
                    }
                };
                terms.push(Term {
                    key: intern(key, kind),
                    start: t.start,
                    end: t.end,
                    kind,
                });
                i += 1;
            }
            // A multi-word name is also one term, under its alias key ("People's Mujahedin of
            // Iran" and "MEK" when the cluster ties them).
            for m in &a.mentions {
                let Some(surface) = u.text.get(m.start..m.end) else {
                    continue;
                };
                if !surface.contains(' ') {
                    continue;
                }
                let k = aliases.key(surface);
                if k.is_empty() {
                    continue;
                }
                terms.push(Term {
                    key: intern(name_key(&k), TermKind::Name),
                    start: m.start,
                    end: m.end,
                    kind: TermKind::Name,
                });
            }
            terms.sort_by_key(|t| t.start);
            all_terms.push(terms);
        }

        let n_keys = kinds.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_keys];
        let mut keysets = Vec::with_capacity(units.len());
        let mut pairsets = Vec::with_capacity(units.len());
        for (id, terms) in all_terms.iter().enumerate() {
            let mut ps: Vec<(u32, u32)> = terms
                .windows(2)
                .filter(|w| w[0].key != w[1].key)
                .map(|w| (w[0].key.min(w[1].key), w[0].key.max(w[1].key)))
                .collect();
            ps.sort_unstable();
            ps.dedup();
            pairsets.push(ps);
            let mut ks: Vec<u32> = terms.iter().map(|t| t.key).collect();
            ks.sort_unstable();
            ks.dedup();
            if units[id].eligible {
                for &k in &ks {
                    postings[k as usize].push(id as u32);
                }
            }
            keysets.push(ks);
        }
        let n_eligible = units.iter().filter(|u| u.eligible).count().max(1) as f32;
        let weight: Vec<f32> = (0..n_keys)
            .map(|k| {
                let kind_w = static_weight(kinds[k], &names[k]);
                match weighting {
                    Weighting::Idf => {
                        let df = postings[k].len().max(1) as f32;
                        (1.0 + n_eligible / df).ln() * kind_boost(kinds[k])
                    }
                    Weighting::Static => kind_w,
                }
            })
            .collect();

        let n_articles = units.iter().map(|u| u.article + 1).max().unwrap_or(0);
        let mut by_article = vec![Vec::new(); n_articles];
        let mut pos_in_article = vec![0usize; units.len()];
        for (id, u) in units.iter().enumerate() {
            if u.eligible {
                pos_in_article[id] = by_article[u.article].len();
                by_article[u.article].push(id as u32);
            }
        }
        let max_weight = weight.iter().copied().fold(1e-6, f32::max);
        let total = keysets
            .iter()
            .map(|ks: &Vec<u32>| ks.iter().map(|&k| weight[k as usize]).sum())
            .collect();
        Aligner {
            total,
            max_weight,
            terms: all_terms,
            keysets,
            pairsets,
            weight,
            postings,
            headline: units.iter().map(|u| u.headline).collect(),
            article_of: units.iter().map(|u| u.article).collect(),
            eligible: units.iter().map(|u| u.eligible).collect(),
            by_article,
            pos_in_article,
            kinds,
            names,
        }
    }

    /// The sorted key list of `unit`.
    pub fn keys(&self, unit: u32) -> &[u32] {
        self.keysets.get(unit as usize).map_or(&[], Vec::as_slice)
    }

    /// Weighted coverage of `claim` by the union of `evidence`, and of the evidence by the claim.
    pub fn score(&self, claim: u32, evidence: &[u32]) -> (f32, f32) {
        let ck = self.keys(claim);
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        if let [one] = evidence {
            // The common case, without allocating: a merge walk over two sorted key lists.
            let ek = self.keys(*one);
            let (mut i, mut j) = (0, 0);
            let mut shared = 0.0;
            while i < ck.len() && j < ek.len() {
                match ck[i].cmp(&ek[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        shared += w(&ck[i]);
                        i += 1;
                        j += 1;
                    }
                }
            }
            let total_c = self.total.get(claim as usize).copied().unwrap_or(0.0);
            let total_e = self.total.get(*one as usize).copied().unwrap_or(0.0);
            let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
            let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
            return (cov, rev);
        }
        if let [a, b] = evidence {
            // A unit and its neighbour (every `extend` step): walk the two sorted key lists in
            // step instead of collecting and sorting them, summing in the same order as below.
            let (a, b) = (self.keys(*a), self.keys(*b));
            let (mut i, mut j) = (0, 0);
            let mut last: Option<u32> = None;
            let union = std::iter::from_fn(|| loop {
                let k = match (a.get(i), b.get(j)) {
                    (Some(&x), Some(&y)) if x <= y => {
                        i += 1;
                        x
                    }
                    (_, Some(&y)) => {
                        j += 1;
                        y
                    }
                    (Some(&x), None) => {
                        i += 1;
                        x
                    }
                    (None, None) => return None,
                };
                if last != Some(k) {
                    last = Some(k);
                    return Some(k);
                }
            });
            let total_c: f32 = ck.iter().map(w).sum();
            let total_e: f32 = union.map(|k| w(&k)).sum();
            let shared: f32 = ck
                .iter()
                .filter(|k| a.binary_search(k).is_ok() || b.binary_search(k).is_ok())
                .map(w)
                .sum();
            let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
            let rev = if total_e > 0.0 { shared / total_e } else { 0.0 };
            return (cov, rev);
        }
        self.score_union(claim, &self.union(evidence))
    }

    /// The distinct keys of `units` and their weight, for [`Aligner::score_units`]: an
    /// article's union serves every claim compared with the whole article.
    pub fn union(&self, units: &[u32]) -> KeyUnion {
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        let mut keys: Vec<u32> = units.iter().flat_map(|&e| self.keys(e)).copied().collect();
        keys.sort_unstable();
        keys.dedup();
        let total = keys.iter().map(w).sum();
        KeyUnion { keys, total }
    }

    /// `score(claim, units)` where `union` is `union(units)`: the same figures to the bit,
    /// without collecting and sorting the units' keys again for every claim.
    pub fn score_units(&self, claim: u32, units: &[u32], union: &KeyUnion) -> (f32, f32) {
        // One or two units take `score`'s own walks, which sum otherwise.
        if units.len() < 3 {
            return self.score(claim, units);
        }
        self.score_union(claim, union)
    }

    fn score_union(&self, claim: u32, union: &KeyUnion) -> (f32, f32) {
        let w = |k: &u32| self.weight.get(*k as usize).copied().unwrap_or(0.0);
        let ck = self.keys(claim);
        let total_c: f32 = ck.iter().map(w).sum();
        let shared: f32 = ck
            .iter()
            .filter(|k| union.keys.binary_search(k).is_ok())
            .map(w)
            .sum();
        let cov = if total_c > 0.0 { shared / total_c } else { 0.0 };
        let rev = if union.total > 0.0 {
            shared / union.total
        } else {
            0.0
        };
        (cov, rev)
    }

    /// Weighted share of the claim's neighbouring-term pairs that the evidence also has
    /// (neighbours in either order, within each evidence unit).
    pub fn pair_coverage(&self, claim: u32, evidence: &[u32]) -> f32 {
        let Some(cp) = self.pairsets.get(claim as usize) else {
            return 0.0;
        };
        let w = |p: &(u32, u32)| {
            self.weight.get(p.0 as usize).copied().unwrap_or(0.0)
                + self.weight.get(p.1 as usize).copied().unwrap_or(0.0)
        };
        let total: f32 = cp.iter().map(w).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let shared: f32 = cp
            .iter()
            .filter(|p| {
                evidence.iter().any(|&e| {
                    self.pairsets
                        .get(e as usize)
                        .is_some_and(|ep| ep.binary_search(p).is_ok())
                })
            })
            .map(w)
            .sum();
        shared / total
    }

    /// For every article, the best evidence for `claim` (None when nothing shares a term).
    pub fn best_per_article(&self, claim: u32) -> Vec<Option<Match>> {
        let n_articles = self.by_article.len();
        let own = self.article_of.get(claim as usize).copied();
        let n_units = self.eligible.iter().filter(|e| **e).count().max(1) as f32;
        // Dense accumulator plus the list of touched units: no hashing in the hot loop.
        let mut acc = vec![0f32; self.article_of.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &k in self.keys(claim) {
            let post = &self.postings[k as usize];
            if post.len() as f32 > RETRIEVAL_DF_SHARE * n_units && post.len() > 8 {
                continue;
            }
            for &u in post {
                if Some(self.article_of[u as usize]) != own {
                    if acc[u as usize] == 0.0 {
                        touched.push(u);
                    }
                    acc[u as usize] += self.weight[k as usize].max(1e-6);
                }
            }
        }
        let mut per_article: Vec<Vec<(f32, u32)>> = vec![Vec::new(); n_articles];
        for &u in &touched {
            per_article[self.article_of[u as usize]].push((acc[u as usize], u));
        }
        per_article
            .into_iter()
            .map(|mut cands| {
                if cands.is_empty() {
                    return None;
                }
                // Retrieval skipped the commonest terms: rescore the top few exactly.
                cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                cands.truncate(3);
                let mut top: Option<(f32, Match)> = None;
                let mut all: Vec<(u32, f32)> = Vec::new();
                for &(_, v) in &cands {
                    let m = self.extend(claim, v);
                    all.push((v, self.score(claim, &[v]).0));
                    let rank = m.coverage * self.register_fit(claim, v);
                    let better = match &top {
                        None => true,
                        Some((r, t)) => {
                            rank > *r + 1e-6 || ((rank - *r).abs() <= 1e-6 && m.reverse > t.reverse)
                        }
                    };
                    if better {
                        top = Some((rank, m));
                    }
                }
                let mut top = top.map(|(_, m)| m);
                if let Some(t) = top.as_mut() {
                    let floor = t.coverage * ALSO_SHARE;
                    t.also = all
                        .into_iter()
                        .filter(|(u, c)| *c >= floor && !t.units.contains(u))
                        .collect();
                }
                top
            })
            .collect()
    }

    /// How well `unit` suits as evidence for `claim` by register, as a factor on its coverage:
    /// a headline is best carried by another headline (same compressed wording), a body
    /// sentence by a body sentence (a headline shares the topic words of many of them).
    fn register_fit(&self, claim: u32, unit: u32) -> f32 {
        let h = |u: u32| self.headline.get(u as usize).copied().unwrap_or(false);
        if h(unit) != h(claim) {
            HEADLINE_MISMATCH
        } else {
            1.0
        }
    }

    /// `unit` alone, or with its neighbour when the claim is split across the two.
    fn extend(&self, claim: u32, unit: u32) -> Match {
        let (cov, rev) = self.score(claim, &[unit]);
        let mut m = Match {
            units: vec![unit],
            coverage: cov,
            reverse: rev,
            also: Vec::new(),
        };
        let art = self.article_of[unit as usize];
        let pos = self.pos_in_article[unit as usize];
        let list = &self.by_article[art];
        let neighbours = [
            pos.checked_sub(1).and_then(|p| list.get(p)),
            list.get(pos + 1),
        ];
        for n in neighbours.into_iter().flatten() {
            let pair = if *n < unit {
                vec![*n, unit]
            } else {
                vec![unit, *n]
            };
            // The neighbour must carry part of the claim on its own; checking that first (no
            // allocation) skips the union for almost every candidate.
            let (alone, _) = self.score(claim, &[*n]);
            if alone < SPLIT_GAIN {
                continue;
            }
            let (c2, r2) = self.score(claim, &pair);
            if c2 >= cov + SPLIT_GAIN && c2 > m.coverage {
                m = Match {
                    units: pair,
                    coverage: c2,
                    reverse: r2,
                    also: Vec::new(),
                };
            }
        }
        m
    }
}

/// An all-capital token of two to five letters ("US", "U.S", "MEK"), lower-cased without dots.
fn acronym(text: &str, t: &crate::analyze::Token) -> Option<String> {
    let surface = text.get(t.start..t.end)?;
    let letters: String = surface.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=5).contains(&n) && letters.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| letters.to_ascii_lowercase())
}

/// A run of capitalised words from `i` ("United States", "National Council of Resistance of
/// Iran"), with its initials and the index just after it; connectors inside are skipped.
fn expansion(text: &str, toks: &[crate::analyze::Token], i: usize) -> Option<(String, usize)> {
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.capitalized
                && text
                    .get(t.start..t.end)
                    .is_some_and(|s| s.chars().skip(1).any(char::is_lowercase))
        })
    };
    if !cap(i) {
        return None;
    }
    let mut initials = String::new();
    let mut k = i;
    let mut end = i;
    // Closed class, left inline: the small words inside a name's initials.
    while k < toks.len() && k < i + 8 {
        if cap(k) {
            initials.extend(toks[k].lower.chars().next());
            k += 1;
            end = k;
        } else if matches!(toks[k].lower.as_str(), "of" | "and" | "for" | "the" | "on")
            && cap(k + 1)
        {
            k += 1;
        } else {
            break;
        }
    }
    (end - i >= 2).then_some((initials, end))
}

/// Names, numbers and dates are what a claim is checked on: they weigh more than plain words.
fn kind_boost(kind: TermKind) -> f32 {
    match kind {
        TermKind::Word => 1.0,
        TermKind::Name => 1.2,
        TermKind::Number | TermKind::Date => 1.2,
    }
}

/// Fixed weight of a term by kind, for pairs.
pub fn static_weight(kind: TermKind, name: &str) -> f32 {
    match kind {
        TermKind::Word if LIGHT.contains(&name) => 0.3,
        TermKind::Word => 1.0,
        TermKind::Name => 1.6,
        TermKind::Number | TermKind::Date => 1.6,
    }
}
