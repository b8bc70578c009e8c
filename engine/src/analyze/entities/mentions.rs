//! Finding names in a segment: capitalised runs joined by "of", "and", "for", "-e-", split at
//! titles ("Prime Minister Edi Rama" gives "Edi Rama") and at a possessor that owns an
//! institution ("Iran's Ministry of Intelligence").
//!
//! Why separate: it reads one segment's tokens and nothing else; what the cluster learns about
//! its names (`learn`) and how they are keyed (`mod.rs`) build on the spans it finds.

use crate::analyze::{gap, Mention, Token};
use crate::lexicon::dates::MONTHS_DAYS;
use crate::lexicon::names::{COLLECTIVES, JOINERS, ORGISH, PRONOUNS, STARTERS, TITLES};

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
                || crate::analyze::attribution::reporting_verb(&t.lower).is_some());
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
