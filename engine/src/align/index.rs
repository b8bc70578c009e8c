//! Building the aligner: every segment's text turned into terms (dates, numbers, acronyms and
//! their expansions, closed compounds, names under alias keys, synonym groups, word stems), then
//! the inverted index, each unit's key and neighbour-pair sets, and the term weights.
//!
//! Why separate: it runs once per cluster and holds every folding rule that decides when two
//! words are one term; scoring and retrieval only read the tables it fills.

use std::collections::{HashMap, HashSet};

use super::keys::{acronym, expansion, fmt_value, name_key};
use super::{Aligner, Term, TermKind, Unit, Weighting};
use crate::analyze::Aliases;
use crate::lexicon::stop::LIGHT_STEMS as LIGHT;
use crate::lexicon::synonyms::NEWS as SYNONYMS;

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

        let outer: Vec<Vec<Term>> = all_terms.iter().map(|ts| outer_terms(ts)).collect();
        let outer_keys = outer
            .iter()
            .map(|ts| ts.iter().map(|t| t.key).collect())
            .collect();
        let n_keys = kinds.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_keys];
        let mut keysets = Vec::with_capacity(units.len());
        let mut pairsets = Vec::with_capacity(units.len());
        let mut plain = Vec::with_capacity(units.len());
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
            let mut pk: Vec<u32> = terms
                .iter()
                .filter(|t| t.kind != TermKind::Name)
                .map(|t| t.key)
                .collect();
            pk.sort_unstable();
            pk.dedup();
            plain.push(pk);
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
            outer,
            outer_keys,
            keysets,
            plain,
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
}

/// The terms of `terms` (one unit's, as the aligner lists them) that do not contain another
/// term (single words, not the multi-word mention terms laid over them), in their order.
fn outer_terms(terms: &[Term]) -> Vec<Term> {
    // The aligner lists a unit's terms by start: a term contained in another starts within
    // its span, so only that run of the list is tested, where testing every term made this
    // quadratic in the sentence. Unsorted, all are tested.
    let sorted = terms.is_sorted_by_key(|t| t.start);
    let within = |t: &Term| -> &[Term] {
        if !sorted {
            return terms;
        }
        let from = terms.partition_point(|o| o.start < t.start);
        let to = terms.partition_point(|o| o.start <= t.end);
        terms.get(from..to).unwrap_or(terms)
    };
    terms
        .iter()
        .filter(|t| {
            !within(t).iter().any(|o| {
                !std::ptr::eq(*t, o)
                    && t.start <= o.start
                    && o.end <= t.end
                    && o.end - o.start < t.end - t.start
            })
        })
        .cloned()
        .collect()
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
