//! Recognising text that is not part of the report: link and navigation lines, picture
//! captions and credits, date stamps, bylines, URLs and page furniture, and finding where such
//! text ends when a lost line break glued it to the next sentence.

use super::dates;
use super::lexicon;
use super::sentences::{char_at, char_before, is_terminal};

/// How much of a line a whole-line rule claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Ordinary text: split into sentences and classified later.
    Normal,
    /// One boilerplate segment for the whole line (URL, stamp, byline, furniture).
    Boiler,
    /// A caption: split into sentences, all of them boilerplate.
    Caption,
}

pub(crate) fn is_url(line: &str) -> bool {
    let l = line.trim();
    let lower = l
        .get(..8.min(l.len()))
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !l.contains(char::is_whitespace)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Ends with a full stop (after closing quotes and brackets), as sentences do and titles,
/// credits and stamps do not.
pub(crate) fn ends_with_full_stop(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
        )
    });
    t.ends_with(['.', '\u{3002}', '\u{06D4}', '\u{0964}']) && !t.ends_with("...")
}

/// Whether a word looks like part of a name in a byline.
fn name_word(w: &str) -> bool {
    let core = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '.'));
    if core.is_empty() || matches!(core, "&" | "|" | "·" | "-" | "–" | "—" | "/") {
        return true;
    }
    if core.contains('@') {
        return true;
    }
    let lower = core.to_lowercase();
    if matches!(
        lower.as_str(),
        "and" | "in" | "for" | "of" | "the" | "with" | "at"
    ) || lexicon::title_small(&lower)
    {
        return true;
    }
    core.chars().next().is_some_and(char::is_uppercase) && !lexicon::is_past_or_aux(&lower)
}

fn is_byline(line: &str, seen_content: bool) -> bool {
    let n = words(line);
    if ends_with_full_stop(line) && !line.trim_end().ends_with(|c: char| c.is_uppercase()) {
        // "By Jane Doe." is rare; a sentence ending in a full stop is not a byline.
        return false;
    }
    if let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    {
        return (1..=10).contains(&words(rest)) && rest.split_whitespace().all(name_word);
    }
    // "Jane Doe | Reuters", "Jane Doe, AFP": a short name and an agency, after the title.
    if !seen_content || n > 8 {
        return false;
    }
    for sep in ['|', ',', '\u{2014}', '\u{2013}'] {
        if let Some((name, outlet)) = line.rsplit_once(sep) {
            let outlet = outlet.trim().to_lowercase();
            let name_words = words(name);
            if lexicon::agency(&outlet)
                && (2..=4).contains(&name_words)
                && name.split_whitespace().all(|w| {
                    let lower = w.to_lowercase();
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !lexicon::is_verb_form(&lower)
                        && !lexicon::title_small(&lower)
                })
            {
                return true;
            }
        }
    }
    false
}

fn furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '.' | '>' | '\u{203A}' | '\u{00BB}' | '|')
    });
    if lexicon::FURNITURE.contains(&bare) {
        return true;
    }
    if words(line) > 25 {
        return false;
    }
    // "via example.com", "Source: Interfax": where an aggregator took the text from.
    if (bare.starts_with("via ") && words(line) <= 3)
        || ((bare.starts_with("source:") || bare.starts_with("sources:")) && words(line) <= 8)
    {
        return true;
    }
    // Breadcrumbs: "Home > World > Europe".
    if bare.starts_with("home >") || bare.contains(":home >") || bare.contains(" > home >") {
        return true;
    }
    // The signature under an embedded post: "— Jane Doe (@janedoe) March 4, 2021".
    if line.starts_with(['\u{2014}', '\u{2013}', '-']) && line.contains("(@") {
        if let Some((_, after)) = line.rsplit_once(')') {
            let run = dates::date_run(after.trim());
            if run.has_digit && run.end == after.trim().len() {
                return true;
            }
        }
    }
    // An agency trailer: "Associated Press writer Jane Doe contributed to this report."
    if bare.contains("contributed to this report") || bare.contains("contributed reporting") {
        return true;
    }
    lexicon::FURNITURE_PREFIXES.iter().any(|p| {
        bare.starts_with(p)
            && (!p.starts_with("copyright")
                || line.chars().filter(char::is_ascii_digit).count() >= 4)
    })
}

/// A date/time stamp alone on its line, with or without a label.
fn is_stamp(line: &str) -> bool {
    let value = match dates::strip_date_label(line) {
        Some((_, v)) => &line[v..],
        None => line,
    };
    let run = dates::date_run(value);
    if run.has_digit && run.end == value.trim_end().len() {
        return true;
    }
    // Stamps whose parts were glued by extraction ("February 9, 20233:04 PM GMTUpdated 2 hours
    // ago"): short, and mostly date and time words.
    let (date_words, all, digit) = dates::date_share(value);
    digit
        && all <= 12
        && date_words >= 3
        && date_words * 10 >= all * 7
        && value.split_whitespace().take(12).any(strong_date_word)
}

/// A word that only a date or time has: a month, a weekday, a clock time or "ago". Numbers and
/// fillers ("the", "first", "|") alone make list items ("• 9. The first item") look like stamps.
fn strong_date_word(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = core.to_lowercase();
    lexicon::month(&lower).is_some()
        || lexicon::weekday(&lower)
        || lower == "ago"
        || (core.contains(':') && core.starts_with(|c: char| c.is_ascii_digit()))
}

/// A line that is a caption by its trailing credit ("... Photograph: Jane Doe/AAP",
/// "... AFP via Getty Images").
fn is_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    // Picture-desk openings: "FILE - ...", "Photo shows ...", "In this photo ...".
    if line.starts_with("FILE -")
        || line.starts_with("FILE \u{2013}")
        || line.starts_with("FILE \u{2014}")
        || line.starts_with("FILE PHOTO")
        || lexicon::CAPTION_OPENINGS
            .iter()
            .any(|o| lower.starts_with(o))
    {
        return true;
    }
    if ends_with_full_stop(line) {
        return false;
    }
    for label in lexicon::CREDIT_LABELS {
        if let Some(at) = lower.rfind(label) {
            let starts_upper = line
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
            let tail = lower.get(at + label.len()..).unwrap_or("");
            if starts_upper && words(tail) <= 8 {
                return true;
            }
        }
    }
    let t = lower.trim_end();
    if t.ends_with("getty images") || t.ends_with("shutterstock") {
        return true;
    }
    // "... REUTERS/Jane Doe", "... Jane Doe/AFP", "... AFP/Getty Images".
    if let Some((before, last)) = t.rsplit_once('/') {
        let agency_before = before
            .split_whitespace()
            .next_back()
            .is_some_and(lexicon::agency);
        if (lexicon::agency(last.trim()) || agency_before) && words(line) > 2 {
            return true;
        }
    }
    // A gallery position "[1/5]" opens a caption.
    if let Some(rest) = t.strip_prefix('[') {
        if let Some((inside, _)) = rest.split_once(']') {
            if inside.contains('/')
                && inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
            {
                return true;
            }
        }
    }
    false
}

/// A line without its list marker ("- By ...", "• Home").
fn strip_marker(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{2022}' | '*' | '-' | '\u{2013}' | '\u{2014}' | '\u{00B7}'
            )
    })
}

/// A photo caption sentence in agency style, which ends with the day the picture was taken:
/// "Rescuers search a building in Adana, Turkey, Tuesday, Feb. 7, 2023."
pub(crate) fn dated_caption(sentence: &str) -> bool {
    let Some(body) = sentence.trim_end().strip_suffix('.') else {
        return false;
    };
    let mut parts = body.rsplitn(4, ',');
    let (Some(year), Some(month_day), Some(rest)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let year = year.trim();
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let md: Vec<&str> = month_day.split_whitespace().collect();
    let [m, d] = md.as_slice() else {
        return false;
    };
    if lexicon::month(&m.to_lowercase()).is_none()
        || !m.starts_with(char::is_uppercase)
        || d.len() > 2
        || !d.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    // The picture's place or weekday comes before the date, after a comma.
    !rest.trim().is_empty() && parts.next().is_some_and(|p| !p.trim().is_empty())
}

/// A metadata bar: "Reuters | Washington DC | Updated: 08-10-2021 00:10 IST". Three or more
/// parts separated by bars, one of them a date stamp or an agency.
fn is_meta_bar(line: &str) -> bool {
    if line.matches('|').count() < 2 || words(line) > 30 || ends_with_full_stop(line) {
        return false;
    }
    line.split('|').any(|part| {
        let part = part.trim();
        lexicon::agency(&part.to_lowercase()) || is_stamp(part)
    })
}

/// A short line that ends in a URL: "Source: https://...", "Read the report at www....".
fn ends_in_url(line: &str) -> bool {
    words(line) <= 6 && line.split_whitespace().next_back().is_some_and(is_url)
}

/// Whole-line rules. `seen_content` says whether a non-boilerplate line came before.
pub(crate) fn line_class(line: &str, seen_content: bool) -> LineClass {
    if is_url(line)
        || ends_in_url(line)
        || furniture(line)
        || is_meta_bar(line)
        || is_stamp(line)
        || is_byline(strip_marker(line), seen_content)
    {
        return LineClass::Boiler;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return LineClass::Boiler;
    }
    if is_caption(line) {
        return LineClass::Caption;
    }
    LineClass::Normal
}

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
        if words(&content) < 2 && !content.contains(['/', ':']) {
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

/// `s` starts with the ASCII `prefix`, ignoring ASCII case, without allocating.
pub(crate) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        && s.is_char_boundary(prefix.len())
}

/// How many times a capitalised word is glued to the lower-case end of the word before it
/// ("North AfricaNewsTop Stories" has two): menu items run together by extraction.
pub(crate) fn glued_joins(t: &str) -> usize {
    let mut n = 0;
    let mut run = 0usize;
    for c in t.chars() {
        if c.is_uppercase() {
            if run >= 2 {
                n += 1;
            }
            run = 0;
        } else if c.is_lowercase() {
            run += 1;
        } else {
            run = 0;
        }
    }
    n
}
