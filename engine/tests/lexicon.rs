//! The lexicon holds general word lists only: no entry is a proper name taken from the seed
//! articles, every list of `engine/src/lexicon/` is reachable through
//! `crosscheck::lexicon::lists()`, and no word list lives outside the lexicon.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

fn engine_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Month and weekday names and their abbreviations, as the lexicon's date lists hold them:
/// written with a capital, yet no story's proper names.
fn calendar() -> HashSet<&'static str> {
    crosscheck::lexicon::lists()
        .into_iter()
        .filter(|(name, _)| ["dates::MONTHS_DAYS", "dates::WEEKDAYS"].contains(name))
        .flat_map(|(_, words)| words)
        .collect()
}

/// General English words that the five seed articles (2,200 words) happen to write only with
/// a capital, so the "never lower-cased" rule would take them for names. Each is a common word
/// capitalised there only inside a name or a credit; none is a name of the story.
const GENERAL: &[(&str, &str)] = &[
    ("council", "\"The Council of Ministers\""),
    ("department", "\"The U.S. Treasury Department\""),
    ("ministers", "\"The Council of Ministers\""),
    ("nations", "\"the United Nations\""),
    ("secretary", "\"Under Secretary\", \"Secretary of State\""),
    (
        "spokesperson",
        "\"Foreign Ministry Spokesperson Nasser Kanaani\"",
    ),
    ("states", "\"the United States\""),
    ("union", "\"the European Union\""),
    ("united", "\"the United States\", \"the United Nations\""),
    ("total", "\"the Total Information Management System\""),
    (
        "massive",
        "a linked headline: \"... To Investigate Massive Cyberattack In Montenegro\"",
    ),
    ("photo", "the picture credit \"(AP Photo)\""),
    (
        "us",
        "the pronoun; the seeds write only \"US\" for the United States",
    ),
    (
        "twitter",
        "a share button on every news page; the seeds say \"on Twitter\"",
    ),
];

/// The words of `s` (runs of letters) with their byte offsets.
fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word at `at` opens a sentence or a line (quotes and brackets before it aside).
fn sentence_start(line: &str, at: usize) -> bool {
    let before = line[..at].trim_end_matches(|c: char| {
        c.is_whitespace() || "\"'\u{201C}\u{201D}\u{2018}\u{2019}([".contains(c)
    });
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\u{2026}'])
}

/// A Title Case line (a headline or a linked title): every word longer than three letters is
/// capitalised.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = word_spans(line)
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() > 3)
        .collect();
    long.len() >= 3 && long.iter().all(|w| capitalised(w))
}

fn seed_texts() -> Vec<String> {
    let dir = engine_dir().join("../seeds");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// Lower-cased words the seed articles write with a capital inside a sentence and never in
/// lower case: the story's proper names. Sentence openers and Title Case lines are skipped
/// (their capitals say nothing), and so are single letters.
fn capitalised_only() -> BTreeSet<String> {
    let mut capital = BTreeSet::new();
    let mut lower = BTreeSet::new();
    for text in seed_texts() {
        for line in text.lines() {
            let headline = title_case(line);
            for (at, w) in word_spans(line) {
                if !capitalised(w) {
                    lower.insert(w.to_lowercase());
                } else if !headline && !sentence_start(line, at) {
                    capital.insert(w.to_lowercase());
                }
            }
        }
    }
    let calendar = calendar();
    capital
        .difference(&lower)
        .filter(|w| w.chars().count() >= 2 && !calendar.contains(w.as_str()))
        .cloned()
        .collect()
}

fn seed_proper_names() -> BTreeSet<String> {
    let mut names = capitalised_only();
    for (w, _) in GENERAL {
        names.remove(*w);
    }
    names
}

#[test]
fn no_lexicon_entry_is_a_proper_name_of_the_seeds() {
    let names = seed_proper_names();
    let offences: Vec<String> = crosscheck::lexicon::all()
        .into_iter()
        .flat_map(|(list, entry)| {
            let lower = entry.to_lowercase();
            word_spans(&lower)
                .into_iter()
                .filter(|(_, w)| names.contains(*w))
                .map(|(_, w)| format!("{list}: {entry:?} ({w})"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offences.is_empty(),
        "lexicon entries that are proper names of the seed articles:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_rule_finds_the_seed_names_and_only_names() {
    let names = seed_proper_names();
    for n in [
        "albania", "albanian", "iran", "iranian", "tirana", "tehran", "rama", "edi", "nato", "mek",
        "khatib", "kanani",
    ] {
        assert!(names.contains(n), "{n} is a proper name of the seeds");
    }
    for w in [
        "the",
        "said",
        "however",
        "ministry",
        "government",
        "september",
        "friday",
    ] {
        assert!(!names.contains(w), "{w} is no proper name");
    }
}

#[test]
fn every_allowed_general_word_is_needed() {
    let capital = capitalised_only();
    for (w, why) in GENERAL {
        assert!(
            capital.contains(*w),
            "{w} ({why}) is lower-cased in the seeds or not capitalised there: drop it from GENERAL"
        );
    }
}

/// `const NAME:` declarations of a Rust file whose type is a slice of words (or of tuples or
/// groups holding words).
fn word_list_consts(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|line| {
            let rest = line.trim_start();
            let rest = rest
                .strip_prefix("pub(crate) ")
                .or_else(|| rest.strip_prefix("pub(super) "))
                .or_else(|| rest.strip_prefix("pub "))
                .unwrap_or(rest);
            let rest = rest.strip_prefix("const ")?;
            let (name, ty) = rest.split_once(':')?;
            let ty = ty.trim_start();
            let words = ty.starts_with("&[&str")
                || ty.starts_with("&[(&str")
                || ty.starts_with("&[&[&str")
                || ty.starts_with("&[(&[&str");
            words.then(|| name.trim().to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_lexicon_list_is_in_lists() {
    let dir = engine_dir().join("src/lexicon");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let mut declared = BTreeSet::new();
    for f in &files {
        let module = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let src = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for name in word_list_consts(&src) {
            declared.insert(format!("{module}::{name}"));
        }
    }
    let lists = crosscheck::lexicon::lists();
    let exposed: BTreeSet<String> = lists.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        exposed.len(),
        lists.len(),
        "a list is named twice in lists()"
    );
    assert_eq!(
        declared, exposed,
        "lists declared in src/lexicon/ and lists named in lexicon::lists() differ"
    );
    for (name, entries) in &lists {
        assert!(!entries.is_empty(), "{name} is empty");
    }
}

/// Word lists that stay outside the lexicon, with why.
const OUTSIDE: &[(&str, &str, &str)] = &[
    (
        "eval/mod.rs",
        "STOP",
        "mirrors the reference scorer's stop list (score.py), so the scorer and eval agree",
    ),
    (
        "learn/recipe.rs",
        "FEATURE_GROUPS",
        "the cluster decision's feature names (cluster::NAMES) in groups, not words of any text",
    ),
];

#[test]
fn word_lists_live_in_the_lexicon() {
    let src_dir = engine_dir().join("src");
    let mut files = Vec::new();
    rust_files(&src_dir, &mut files);
    let lexicon = src_dir.join("lexicon");
    let mut stray = Vec::new();
    for f in files.iter().filter(|f| !f.starts_with(&lexicon)) {
        let rel = f
            .strip_prefix(&src_dir)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let src = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for name in word_list_consts(&src) {
            if !OUTSIDE
                .iter()
                .any(|(file, n, _)| *file == rel && *n == name)
            {
                stray.push(format!("{rel}: {name}"));
            }
        }
    }
    assert!(
        stray.is_empty(),
        "word lists outside engine/src/lexicon/ (move them there, with their origin):\n{}",
        stray.join("\n")
    );
}
