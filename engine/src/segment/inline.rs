//! Furniture inside a line: a date stamp, link opener or picture credit that a lost line break
//! glued to a sentence, and where such text ends and the sentence begins. Every look is bounded
//! to the line and made in one forward pass, so a line of any length is read in linear time.

use super::boiler::starts_with_ignore_ascii_case;
use super::dates;
use super::lexicon;
use super::sentences::{char_at, char_before, is_terminal};

/// A metadata date stamp at the start of `s` ("date 2022-09-10", "Published: 10 Sep 2022"),
/// possibly glued to the sentence after it. Returns the end (relative to `s`) of the stamp.
pub(crate) fn leading_stamp(s: &str) -> Option<usize> {
    let (value, labelled) = match dates::strip_date_label(s) {
        Some((_, v)) => (v, true),
        None => (0, false),
    };
    let rest = s.get(value..)?;
    let run = dates::date_run(rest);
    if !run.has_digit {
        return None;
    }
    // Without a label only an ISO date is unambiguous enough to split off.
    if !labelled && run.date.is_none() {
        return None;
    }
    if !labelled && !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = value + run.end;
    let mut after = s.get(end..)?.trim_start();
    // A year glued to the first word of the sentence: "Published 10 Sep 2022Albania ...".
    if labelled {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let glued = after.get(digits..).is_some_and(|t| {
            let mut cs = t.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
        });
        if (1..=4).contains(&digits) && glued {
            end = s.len() - after.len() + digits;
            after = &after[digits..];
        } else if let Some(q) = glued_filler(after) {
            // A time word glued likewise: "Updated 4 June 2023, 11:05 amThe ...".
            end = s.len() - after.len() + q;
            after = &after[q..];
        }
    }
    if after.is_empty()
        || after.starts_with(|c: char| c.is_uppercase() || super::sentences::is_opener(c))
    {
        Some(end)
    } else {
        None
    }
}

/// Where a date or time word ("am", "GMT", "p.m.") at the start of `s` ends when a capitalised
/// word is glued to it ("amThe", "GMTRescuers"); looks at most 8 bytes in.
fn glued_filler(s: &str) -> Option<usize> {
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in s.char_indices().take(8) {
        if c.is_whitespace() {
            return None;
        }
        if let Some((pi, p)) = prev {
            if p.is_uppercase() && c.is_lowercase() && pi > 0 {
                let word = s[..pi].to_lowercase();
                return lexicon::date_filler(&word).then_some(pi);
            }
        }
        prev = Some((i, c));
    }
    None
}

/// A link or navigation opener at the start of `s` ("SEE ALSO:", "Read more:", "Previous",
/// "Next"). Returns where the link title starts and whether it is navigation.
pub(crate) fn opener(s: &str) -> Option<(usize, bool)> {
    for o in lexicon::LINK_OPENERS {
        if starts_with_ignore_ascii_case(s, o) {
            let rest = &s[o.len()..];
            return Some((s.len() - rest.trim_start().len(), false));
        }
    }
    for o in [
        "Previous article",
        "Next article",
        "Previous post",
        "Next post",
        "Previous story",
        "Next story",
        "PREVIOUS",
        "NEXT",
        "Previous",
        "Next",
    ] {
        if let Some(rest) = s.strip_prefix(o) {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            if rest.len() == s.len() - o.len() && !rest.is_empty() {
                continue; // "Nextdoor"
            }
            if rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || rest.is_empty()
            {
                return Some((s.len() - rest.len(), true));
            }
        }
    }
    None
}

/// Where a sentence glued to a link title begins. The title runs in Title Case (or sentence
/// case) and the sentence starts at a capital that directly follows a lower-case letter, a
/// digit or a closing mark with no space (`...AlbaniaPrime Minister ...`). Title Case titles
/// split at the last such point before the first lower-case content word; sentence-case titles
/// at the first point after it.
pub(crate) fn glue_split(text: &str, from: usize, end: usize) -> Option<usize> {
    let s = text.get(from..end)?;
    let mut last: Option<usize> = None;
    let mut past_title = false;
    let mut word_start: Option<usize> = None;
    let mut words_done = 0usize;
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c.is_whitespace() {
            if let Some(ws) = word_start.take() {
                words_done += 1;
                if !past_title && content_lowercase(&s[ws..i]) {
                    if last.is_some() {
                        return last.map(|l| from + l);
                    }
                    past_title = true;
                }
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        } else if c.is_uppercase() {
            let (glued, starts_word) = match prev {
                Some(p) if p.is_lowercase() => (
                    prev2.is_some_and(char::is_lowercase),
                    next.is_some_and(|n| {
                        n.is_lowercase()
                            || n.is_uppercase()
                            || (n.is_whitespace() && matches!(c, 'A' | 'I'))
                    }),
                ),
                Some(p) if p.is_ascii_digit() => (true, next.is_some_and(char::is_lowercase)),
                Some(p) => (
                    matches!(
                        p,
                        '.' | '!'
                            | '?'
                            | '"'
                            | '\u{201C}'
                            | '\u{201D}'
                            | '\u{2018}'
                            | '\u{2019}'
                            | ')'
                    ) && prev2
                        .is_some_and(|q| q.is_lowercase() || q.is_ascii_digit() || is_terminal(q)),
                    next.is_some_and(|n| n.is_lowercase() || n.is_uppercase()),
                ),
                None => (false, false),
            };
            if glued && starts_word {
                // A glued opening quote belongs to the sentence it opens.
                let at = match prev {
                    Some(q @ ('"' | '\u{201C}' | '\u{2018}')) => i - q.len_utf8(),
                    _ => i,
                };
                if past_title {
                    return Some(from + at);
                }
                // A Title Case title has at least one whole word before the glued sentence;
                // a capital inside the title's first word is a brand ("YouTube").
                if words_done >= 1 {
                    last = Some(at);
                }
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
    // The last word, if the line ends inside the sentence.
    if let Some(ws) = word_start {
        if !past_title && content_lowercase(&s[ws..]) {
            return last.map(|l| from + l);
        }
    }
    None
}

/// A lower-case word that is not one of the small words Title Case leaves lower case.
fn content_lowercase(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    core.chars().next().is_some_and(char::is_lowercase)
        && !lexicon::title_small(&core.to_lowercase())
}

/// Picture credits in parentheses within `text[s..e]` ("(AP Photo)", "(Photo: Jane Doe/AFP)")
/// that end a caption: at the end of the line or directly before a new sentence.
pub(crate) fn credit_parens(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(line) = text.get(s..e) else {
        return out;
    };
    for (open, _) in line.match_indices('(') {
        if out.last().is_some_and(|&(_, b)| s + open < b) {
            continue;
        }
        let window_end = (open + 100).min(line.len());
        let mut close = None;
        for (j, c) in line.get(open + 1..).unwrap_or("").char_indices() {
            if open + 1 + j >= window_end || c == '(' {
                break;
            }
            if c == ')' {
                close = Some(open + 1 + j);
                break;
            }
        }
        let Some(close) = close else { continue };
        let content = line[open + 1..close].to_lowercase();
        // "(PHOTOS)" after a title is a label, not a credit; credits name someone.
        if content.split_whitespace().count() < 2 && !content.contains(['/', ':']) {
            continue;
        }
        let credit = lexicon::CREDIT_WORDS.iter().any(|w| has_word(&content, w))
            || (content.contains('/') && content.split('/').any(|p| lexicon::agency(p.trim())));
        if !credit {
            continue;
        }
        let after = &line[close + 1..];
        let rest =
            after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
        let ok = rest.is_empty()
            || rest.starts_with(|c: char| c.is_uppercase() || super::sentences::is_opener(c));
        if ok {
            out.push((s + open, s + close + 1));
        }
    }
    out
}

fn has_word(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, _)| {
        let before = char_before(hay, i);
        let after = char_at(hay, i + w.len());
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}
