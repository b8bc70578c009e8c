//! Attribution, negation and hedging: who says a claim and how strongly ("said", "confirmed",
//! "alleged", "denied"), whether it is negated, and whether it is put tentatively.
//!
//! "X confirmed" and "X alleged" report the same words with different weight; LABELS.md counts
//! a change of attribution strength or of negation as a difference.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{gap, Attribution, Quote, Strength, Token};
use crate::lexicon::attribution::{
    BETWEEN, EARLY_WORDS, FINDING_NOUNS, HEDGE_ADVERBS, HEDGE_PARTICIPLES, INVERTED_VERBS, JOINERS,
    NOT_NOUNISH, PRONOUNS, SEEM_FORMS, VERBS,
};
use crate::lexicon::negation::{BARE_CONTRACTIONS, CUES, DENY_FORMS, REFUSE_FORMS};

/// The lemma and strength of a reporting verb form, if `lower` is one.
pub fn reporting_verb(lower: &str) -> Option<(&'static str, Strength)> {
    type Map = HashMap<&'static str, (&'static str, Strength)>;
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| VERBS.iter().map(|&(f, l, s)| (f, (l, s))).collect())
        .get(lower)
        .copied()
}

/// Whether the text between two tokens keeps them in one noun phrase.
fn np_gap(g: &str) -> bool {
    !g.is_empty()
        && g.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    crate::text::fold_char(c).unwrap_or(c),
                    '-' | '\'' | '.' | '&'
                )
        })
        && !g.contains(". ")
}

/// Reporting verbs of a segment with their speakers; `quotes` marks verbs inside quotations.
pub fn extract(text: &str, tokens: &[Token], quotes: &[Quote]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let quote_spans: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    for (k, t) in tokens.iter().enumerate() {
        let in_quote = super::within(&quote_spans, t.start, t.end);
        if t.lower == "according" && tokens.get(k + 1).is_some_and(|n| n.lower == "to") {
            let speaker = forward_speaker(text, tokens, k + 2, true);
            out.push(Attribution {
                start: t.start,
                end: tokens[k + 1].end,
                lemma: "according to".into(),
                strength: Strength::Neutral,
                speaker,
                in_quote,
            });
            continue;
        }
        let Some((lemma, strength)) = reporting_verb(&t.lower) else {
            continue;
        };
        // "United States", "Found" in a title: capitalised forms are names, not verbs.
        if t.capitalized && k > 0 {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| tokens[j].lower.as_str());
        // "found shelter" is no finding: only "found that", "was found to be".
        if lemma == "find" {
            let next = tokens.get(k + 1).map(|n| n.lower.as_str());
            // Closed class, left inline: copulas, articles, possessives.
            let passive = matches!(prev, Some("was" | "were" | "is" | "are" | "been" | "be"));
            if !(matches!(next, Some("that" | "no" | "evidence")) || passive && next == Some("to"))
            {
                continue;
            }
        }
        // "the said attack": an adjective, not a verb.
        if strength == Strength::Neutral
            && matches!(prev, Some("the" | "a" | "this" | "that" | "an"))
        {
            continue;
        }
        // "Tehran's alleged involvement": a participle used as an adjective has no speaker.
        let adjective = matches!(
            prev,
            Some("the" | "a" | "an" | "its" | "his" | "her" | "their" | "our")
        ) || prev.is_some_and(|p| p.ends_with("'s"));
        // "condemned by NATO", "claimed by a policyholder": the agent follows "by".
        let by_agent = tokens.get(k + 1).is_some_and(|n| n.lower == "by")
            && !t.lower.ends_with('s')
            && t.lower.ends_with(['d', 'n', 't']);
        let mut speaker = if by_agent {
            forward_speaker(text, tokens, k + 2, false)
        } else if adjective {
            None
        } else {
            backward_speaker(text, tokens, k)
        };
        if speaker.is_none() {
            let g = if k > 0 {
                gap(text, tokens, k - 1, k)
            } else {
                ""
            };
            let inverted = k == 0
                || g.contains([
                    ',', '"', ':', '\u{201D}', '\u{2019}', '\u{201C}', '(', '\u{2014}', '\u{2013}',
                ])
                || g.trim().is_empty()
                    && quotes
                        .iter()
                        .any(|q| q.end <= t.start && t.start - q.end <= 4);
            if inverted && INVERTED_VERBS.contains(&lemma) {
                speaker = forward_speaker(text, tokens, k + 1, false);
            }
        }
        out.push(Attribution {
            start: t.start,
            end: t.end,
            lemma: lemma.into(),
            strength,
            speaker,
            in_quote,
        });
    }
    out
}

/// The noun phrase ending just before the verb at `k`, skipping auxiliaries and adverbs.
fn backward_speaker(text: &str, tokens: &[Token], k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    let mut passive = false;
    // Skip "has also", "went on to", "on Saturday".
    while j > 0 {
        let p = &tokens[j - 1];
        let g = gap(text, tokens, j - 1, j);
        if !g.chars().all(char::is_whitespace) {
            break;
        }
        let weekday = p.capitalized && p.lower.ends_with("day") && p.lower.len() > 5;
        // "Iran on September 10 strongly condemned": dates and adverbs sit between.
        let date_word = p.lower.bytes().all(|b| b.is_ascii_digit())
            || super::dates::month_of(text, tokens, j - 1).is_some()
            || weekday;
        let adverb = !p.capitalized && p.lower.ends_with("ly") && p.lower.len() > 4;
        if BETWEEN.contains(&p.lower.as_str()) || date_word || adverb {
            // Closed class, left inline: copula forms.
            passive |= matches!(
                p.lower.as_str(),
                "is" | "are" | "was" | "were" | "been" | "being" | "be"
            );
            j -= 1;
        } else {
            break;
        }
    }
    // "more than 3,500 were reported dead", "Iran has been accused": the subject is not the
    // one who reports or accuses.
    if passive || j == 0 {
        return None;
    }
    // Skip back over the dates' own "on".
    while j > 0 && tokens[j - 1].lower == "on" && j < k {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let last = j - 1;
    let lt = &tokens[last];
    if !gap_ok_before_verb(text, tokens, last, k) {
        // "The Prime Minister of Albania, Edi Rama, said", "Sanjana Quazi, head of OCHA
        // Turkey, said": a name set off by commas.
        let g = gap(text, tokens, last, last + 1);
        if g.trim() != "," || last + 1 != k {
            return None;
        }
        return apposed_name(text, tokens, last);
    }
    if PRONOUNS.contains(&lt.lower.as_str()) {
        return Some((lt.start, lt.end));
    }
    if lt.stop || lt.lower.chars().any(|c| c.is_ascii_digit()) || !nounish(lt) {
        return None;
    }
    let mut first = np_back(text, tokens, last);
    // "NATO and the European Union denounced": a coordination of names speaks together.
    if first >= 2
        && tokens[first - 1].lower == "and"
        && tokens[first].capitalized | (tokens[first].lower == "the")
        && tokens[first - 2].capitalized
        && nounish(&tokens[first - 2])
        && np_gap(gap(text, tokens, first - 2, first - 1))
        && np_gap(gap(text, tokens, first - 1, first))
    {
        first = np_back(text, tokens, first - 2);
    }
    Some((tokens[first].start, lt.end))
}

/// The start of the noun phrase that ends at token `last`.
fn np_back(text: &str, tokens: &[Token], last: usize) -> usize {
    let mut first = last;
    let mut n = 1;
    while first > 0 && n < 12 {
        let p = &tokens[first - 1];
        if !np_gap(gap(text, tokens, first - 1, first)) {
            break;
        }
        let joiner = JOINERS.contains(&p.lower.as_str());
        if p.stop && !joiner {
            break;
        }
        if matches!(
            p.lower.as_str(),
            // Closed class, left inline: relative words.
            "that" | "which" | "who" | "what" | "when" | "while" | "as"
        ) {
            break;
        }
        if !p.capitalized && !joiner && reporting_verb(&p.lower).is_some() {
            break;
        }
        if p.lower.chars().any(|c| c.is_ascii_digit()) || !joiner && !nounish(p) {
            break;
        }
        // Walking back from a name, a lower-case word ends it ("spokesman Nasser Kanani").
        if !p.capitalized && !joiner && tokens[first..=last].iter().any(|t| t.capitalized) {
            break;
        }
        first -= 1;
        n += 1;
        // "the Office for the Coordination": "the" ends the phrase unless a joiner precedes.
        if p.lower == "the"
            && !(first > 0 && matches!(tokens[first - 1].lower.as_str(), "of" | "for"))
        {
            break;
        }
    }
    // Leading joiners other than "the" do not belong to the name.
    while first < last
        && JOINERS.contains(&tokens[first].lower.as_str())
        && tokens[first].lower != "the"
    {
        first += 1;
    }
    first
}

/// The named speaker of "NAME, ROLE, said" or "ROLE, NAME, said", where token `last` ends
/// the second comma-delimited part.
fn apposed_name(text: &str, tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let is_date = |i: usize| {
        tokens[i].lower.ends_with("day") || super::dates::month_of(text, tokens, i).is_some()
    };
    let clause_start = |f: usize| {
        f == 0 || {
            let g = gap(text, tokens, f - 1, f);
            g.contains([
                ',', '"', '\u{201C}', '\u{201D}', ':', '(', '\u{2014}', '\u{2013}',
            ])
        }
    };
    // "ROLE, NAME, said": the part right before the verb is a name.
    if tokens[last].capitalized && !is_date(last) {
        let first = np_back(text, tokens, last);
        if first > 0 && gap(text, tokens, first - 1, first).contains(',') {
            return Some((tokens[first].start, tokens[last].end));
        }
    }
    // "NAME, ROLE, said": the name is before the previous comma.
    let lo = last.saturating_sub(15);
    let mut i = last;
    while i > lo {
        i -= 1;
        if gap(text, tokens, i, i + 1).contains(',') {
            if !tokens[i].capitalized || is_date(i) {
                return None;
            }
            let first = np_back(text, tokens, i);
            if !clause_start(first) || !tokens[first..=i].iter().all(|t| t.capitalized) {
                return None;
            }
            return Some((tokens[first].start, tokens[i].end));
        }
    }
    None
}

/// Could this word be part of a noun phrase? Lower-case participles, adverbs and
/// prepositions cannot ("appearing", "alongside", "include").
fn nounish(t: &Token) -> bool {
    if t.capitalized {
        return true;
    }
    let w = t.lower.as_str();
    !(w.ends_with("ing") && w.len() > 5
        || w.ends_with("ed") && w.len() > 4
        || w.ends_with("ly") && w.len() > 4
        || NOT_NOUNISH.contains(&w)
        || reporting_verb(w).is_some())
}

fn gap_ok_before_verb(text: &str, tokens: &[Token], last: usize, k: usize) -> bool {
    (last..k).all(|j| gap(text, tokens, j, j + 1).chars().all(char::is_whitespace))
}

/// The noun phrase starting at token `k` ("said Rama", "according to the ministry").
/// With `need_name`, only a phrase containing a capitalised word or a definite description
/// counts ("according to initial information" names nobody).
fn forward_speaker(
    text: &str,
    tokens: &[Token],
    k: usize,
    need_name: bool,
) -> Option<(usize, usize)> {
    let first = tokens.get(k)?;
    if k > 0 && !gap(text, tokens, k - 1, k).chars().all(char::is_whitespace) {
        return None;
    }
    if PRONOUNS.contains(&first.lower.as_str()) {
        return Some((first.start, first.end));
    }
    let mut end = k;
    let mut seen_cap = false;
    let mut j = k;
    while let Some(t) = tokens.get(j) {
        if j > k && !np_gap(gap(text, tokens, j - 1, j)) {
            break;
        }
        // Closed class, left inline: articles and possessives.
        let joiner = JOINERS.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "a" | "an" | "its" | "his" | "her" | "their"
            );
        if t.capitalized && !(j == k && t.stop && !joiner) {
            seen_cap = true;
        } else if joiner {
        } else if t.stop || seen_cap || j - k >= 4 || t.lower.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        j += 1;
        if !joiner {
            end = j;
        }
        if j - k >= 10 {
            break;
        }
    }
    if end == k {
        return None;
    }
    // Closed class, left inline: the definite article and possessives.
    let definite = matches!(
        first.lower.as_str(),
        "the" | "its" | "his" | "her" | "their"
    );
    if need_name && !seen_cap && !definite {
        return None;
    }
    Some((first.start, tokens[end - 1].end))
}

/// Negation cues: "not", "n't" (also typed without its apostrophe: "dont"), "never", "no",
/// "without", "denied that", and the verbs that negate what follows them: "failed to",
/// "refused to", "declined to" ("refused to pay" and "will not pay" say the same).
pub fn negations(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let _ = text;
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = t.lower.as_str();
        let next = tokens.get(k + 1).map(|n| n.lower.as_str());
        let hit = match w {
            _ if CUES.contains(&w) => true,
            // Contractions that lost their apostrophe ("wont" and "cant" are words too).
            _ if BARE_CONTRACTIONS.contains(&w) => true,
            // "No. 10" is a number sign.
            "no" => !next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())),
            _ => w.ends_with("n't"),
        };
        if hit {
            out.push((t.start, t.end));
        } else if DENY_FORMS.contains(&w) && next == Some("that")
            || REFUSE_FORMS.contains(&w) && next == Some("to")
        {
            out.push((t.start, tokens[k + 1].end));
        }
    }
    out
}

/// Hedges: "reportedly", "allegedly", "believed to", "is said to", "according to initial
/// information", "preliminary results show".
pub fn hedges(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let w = t.lower.as_str();
        let n1 = tokens.get(k + 1).map_or("", |n| n.lower.as_str());
        let prev = k.checked_sub(1).map_or("", |j| tokens[j].lower.as_str());
        let span = |n: usize| (t.start, tokens[(k + n - 1).min(tokens.len() - 1)].end);
        let found: Option<usize> = match w {
            _ if HEDGE_ADVERBS.contains(&w) => Some(1),
            _ if HEDGE_PARTICIPLES.contains(&w) && n1 == "to" => Some(2),
            "said" if n1 == "to" && matches!(prev, "is" | "was" | "are" | "were" | "being") => {
                Some(2)
            }
            _ if SEEM_FORMS.contains(&w) && n1 == "to" => Some(2),
            "may" | "might" | "could" if n1 == "have" => Some(2),
            _ if EARLY_WORDS.contains(&w) && FINDING_NOUNS.contains(&n1) => Some(2),
            "according" if n1 == "to" => {
                // "according to initial information": a source that names nobody.
                if forward_speaker(text, tokens, k + 2, true).is_none() {
                    let mut e = k + 2;
                    while e < tokens.len()
                        && e < k + 6
                        && !tokens[e].stop
                        && gap(text, tokens, e - 1, e).chars().all(char::is_whitespace)
                    {
                        e += 1;
                    }
                    Some(e - k)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(n) = found {
            out.push(span(n));
            k += n;
        } else {
            k += 1;
        }
    }
    out
}
