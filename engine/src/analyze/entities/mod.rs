//! Names (people, organisations, places) and the aliases that tie a cluster's names together.
//!
//! Outlets spell one name differently (Kanani / Kanaani / Kenani), abbreviate it (NCRI, MKO),
//! or shorten a person to a surname. Aliases are learned from the cluster's own text, never
//! from a hand-made list, so the same rules work on clusters nobody has seen.
//!
//! Split by job: `mentions` finds the names of a segment, `learn` ties a cluster's names into
//! entities (`spelling` compares two spellings of a name word, `groups` is the union-find it
//! ties them with). This module holds `Aliases` and the lookups the aligner and the verdict
//! stage ask of it.

mod groups;
mod learn;
mod mentions;
mod spelling;

use std::collections::{HashMap, HashSet};

use crate::lexicon::names::{GENERIC, TITLES};
use spelling::fold;

pub use mentions::{is_title, mentions};

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

impl Aliases {
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
