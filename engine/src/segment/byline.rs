//! Bylines and credit lines: who wrote or supplied the report. "By Jane Doe", "BY Example
//! News < 1 MINUTE READ", "By Jane Doe · 2 min read", "Jane Doe | Reuters", "Jane DoeNorth
//! Asia correspondent", a bare author name after the report, a wire service's name alone on a
//! line, and "By Example Web Desk:" glued to the lede by a lost line break. Every rule reads
//! one line (or its first 120 bytes), so the cost is linear.

use super::boiler::ends_with_full_stop;
use crate::lexicon;
use crate::lexicon::credits::BYLINE_OPENERS as BY;

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether a word looks like part of a name in a byline.
fn name_word(w: &str) -> bool {
    let core = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.'));
    if core.is_empty() || matches!(core, "&" | "|" | "·" | "•" | "-" | "–" | "—" | "/") {
        return true;
    }
    if core.contains('@') {
        return true;
    }
    let lower = core.to_lowercase();
    // Closed class, left inline: function words inside a byline.
    if matches!(
        lower.as_str(),
        "and" | "in" | "for" | "of" | "the" | "with" | "at"
    ) || lexicon::sentences::title_small(&lower)
    {
        return true;
    }
    core.chars().next().is_some_and(char::is_uppercase) && !lexicon::verbs::is_past_or_aux(&lower)
}

/// `line` without a trailing reading-time note ("· 2 min read", "< 1 MINUTE READ", "| 5 mins
/// read"); `None` when there is none. The rest may be empty.
fn strip_read_time(line: &str) -> Option<&str> {
    let t = line.trim_end();
    let mut toks: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for piece in t.split_inclusive(char::is_whitespace) {
        let w = piece.trim();
        if !w.is_empty() {
            toks.push((pos, w));
        }
        pos += piece.len();
    }
    let n = toks.len();
    if n < 2 || !toks[n - 1].1.eq_ignore_ascii_case("read") {
        return None;
    }
    // "2 min", "2min", "1-min", "< 1 minute", "<1 min".
    let unit = toks[n - 2].1.to_lowercase();
    let (number_at, glued) = if lexicon::credits::read_unit(&unit) {
        (n.checked_sub(3)?, false)
    } else {
        let digits = unit.trim_start_matches('<');
        let d = digits.chars().take_while(char::is_ascii_digit).count();
        let rest = digits[d..].trim_start_matches('-');
        if d == 0 || !lexicon::credits::read_unit(rest) {
            return None;
        }
        (n - 2, true)
    };
    let mut first = number_at;
    if !glued {
        let num = toks[number_at].1.trim_start_matches('<');
        if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    if first > 0 && toks[first - 1].1 == "<" {
        first -= 1;
    }
    if first > 0
        && matches!(
            toks[first - 1].1,
            "·" | "|" | "•" | "-" | "–" | "—" | "/" | ","
        )
    {
        first -= 1;
    }
    Some(t[..toks[first].0].trim_end())
}

/// A name with a newsroom role after it: "Jane Doe, Political Editor", "Jane DoeNorth Asia
/// correspondent" (a lost space), "Example News Web Desk". At most eight words, all of them
/// capitalised or small joining words, none a verb.
fn name_with_role(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    if !(2..=8).contains(&ws.len()) || ends_with_full_stop(line) {
        return false;
    }
    let last = ws[ws.len() - 1]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !lexicon::credits::newsroom_role(&last) {
        return false;
    }
    ws.first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && ws[..ws.len() - 1].iter().all(|w| {
            let lower = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            name_word(w)
                && !lexicon::verbs::is_verb_form(&lower)
                && !lower.chars().any(|c| c.is_ascii_digit())
        })
}

/// A bare personal name alone on a line (the author's signature under or above the report):
/// two or three capitalised words, no verb, no function word, no digits, nothing after it.
pub(crate) fn bare_name(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&ws.len()) && ws.iter().all(|w| name_token(w))
}

fn name_token(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // An initial: "J.".
    if w.chars().count() == 2 && w.ends_with('.') {
        return true;
    }
    if !w
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
        || w.ends_with("'s")
        || w.ends_with("\u{2019}s")
    {
        return false;
    }
    let lower = w.to_lowercase();
    !lexicon::verbs::is_verb_form(&lower)
        && !lexicon::sentences::title_small(&lower)
        && !lexicon::sentences::starter(w)
        && lexicon::dates::month(&lower).is_none()
        && !lexicon::dates::weekday(&lower)
}

/// A wire service's name alone on a line, maybe in brackets or after a dash: "AP", "(AFP)",
/// "— Reuters", "dpa".
pub(crate) fn wire_line(line: &str) -> bool {
    let core = line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '-' | '\u{2013}' | '\u{2014}')
    });
    lexicon::credits::wire_service(core)
}

/// A byline line. `seen_content` says whether a non-boilerplate line came before: a name with
/// an agency ("Jane Doe | Reuters") or a bare name counts only after the report has begun, as
/// the header pass judges the lines above the title.
pub(crate) fn is_byline(line: &str, seen_content: bool) -> bool {
    let line = match strip_read_time(line) {
        Some("") => return true,
        // "Jane Doe · 3 min read": a reading-time note marks the name before it as a byline.
        Some(rest) if (1..=6).contains(&words(rest)) && rest.split_whitespace().all(name_word) => {
            return true
        }
        Some(rest) => rest,
        None => line,
    };
    let n = words(line);
    if ends_with_full_stop(line) && !line.trim_end().ends_with(|c: char| c.is_uppercase()) {
        // "By Jane Doe." is rare; a sentence ending in a full stop is not a byline.
        return false;
    }
    if let Some(rest) = BY.iter().find_map(|p| line.strip_prefix(p)) {
        // "By Jane Doe Updated 10:32 AM EDT, Sat May 6, 2023": the stamp after the name.
        let rest = match stamp_after_name(rest) {
            Some(at) => &rest[..at],
            None => rest,
        };
        return (1..=10).contains(&words(rest)) && rest.split_whitespace().all(name_word);
    }
    if name_with_role(line) {
        return true;
    }
    if !seen_content || n > 8 {
        return false;
    }
    if bare_name(line) {
        return true;
    }
    // "Jane Doe | Reuters", "Jane Doe, AFP": a short name and an agency.
    for sep in ['|', ',', '\u{2014}', '\u{2013}'] {
        if let Some((name, outlet)) = line.rsplit_once(sep) {
            let outlet = outlet.trim().to_lowercase();
            let name_words = words(name);
            if lexicon::page::agency(&outlet)
                && (2..=4).contains(&name_words)
                && name.split_whitespace().all(|w| {
                    let lower = w.to_lowercase();
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !lexicon::verbs::is_verb_form(&lower)
                        && !lexicon::sentences::title_small(&lower)
                })
            {
                return true;
            }
        }
    }
    false
}

/// Where a date stamp starts after a byline's name ("Jane Doe Updated 10:32 AM EDT, Sat May 6,
/// 2023", "Jane Doe on March 7, 2021"), when the rest of the line is that stamp. Tries the
/// first twelve word starts.
fn stamp_after_name(rest: &str) -> Option<usize> {
    let mut at = 0;
    for (n, piece) in rest.split_inclusive(char::is_whitespace).enumerate() {
        if n >= 12 {
            break;
        }
        if n > 0 && super::boiler::is_stamp(&rest[at..]) {
            return Some(at);
        }
        at += piece.len();
    }
    None
}

/// "By Example Web Desk: The lede ...": a byline ending in a colon, glued to the first
/// sentence by a lost line break. Returns the byline's end (after the colon) within `line`.
pub(crate) fn leading_byline(line: &str) -> Option<usize> {
    let rest = BY.iter().find_map(|p| line.strip_prefix(p))?;
    let head_len = rest.len().min(120);
    let colon = rest
        .char_indices()
        .take_while(|&(i, _)| i < head_len)
        .find(|&(_, c)| c == ':')?
        .0;
    let name = &rest[..colon];
    let n = words(name);
    if !(1..=7).contains(&n)
        || !name.split_whitespace().all(|w| {
            let lower = w.to_lowercase();
            name_word(w)
                && lexicon::dates::month(&lower).is_none()
                && !lexicon::dates::weekday(&lower)
                && !w.chars().any(|c| c.is_ascii_digit())
        })
    {
        return None;
    }
    let after = &rest[colon + 1..];
    let sentence = after.trim_start();
    let spaced = sentence.len() < after.len();
    if !spaced
        || !sentence.starts_with(|c: char| c.is_uppercase() || super::sentences::is_opener(c))
    {
        return None;
    }
    Some(line.len() - after.len())
}
