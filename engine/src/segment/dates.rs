//! Date stamps in page metadata: recognising a run of date/time words ("date 2022-09-10",
//! "Published: 10 September 2022", "Sat 10 Sep 2022 12.35 BST") so such lines are marked
//! boilerplate, and reading the publication date an article states about itself.

use chrono::NaiveDate;

use super::lexicon;

/// A run of date/time tokens at the start of a string.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct DateRun {
    /// Byte end of the last date-ish token.
    pub end: usize,
    pub tokens: usize,
    pub has_digit: bool,
    /// The calendar date, when the run names day, month and year unambiguously.
    pub date: Option<NaiveDate>,
}

fn iso(tok: &str) -> Option<NaiveDate> {
    let b = tok.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    if !b[..4]
        .iter()
        .chain(&b[5..7])
        .chain(&b[8..10])
        .all(u8::is_ascii_digit)
    {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ' | b',' | b'.') {
        return None;
    }
    let y = tok.get(..4)?.parse().ok()?;
    let m = tok.get(5..7)?.parse().ok()?;
    let d = tok.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Scans date-ish tokens from the start of `s`.
pub(crate) fn date_run(s: &str) -> DateRun {
    let mut run = DateRun::default();
    let (mut year, mut month, mut day): (Option<i32>, Option<u32>, Option<u32>) =
        (None, None, None);
    let mut iso_date = None;
    let mut pos = 0usize;
    for tok in s.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += tok.len();
        let t = tok.trim();
        if t.is_empty() {
            continue;
        }
        let core = t.trim_matches(|c: char| matches!(c, ',' | ':' | '(' | ')' | ';'));
        let lower = core.to_lowercase();
        let ok = if let Some(d) = iso(core) {
            iso_date.get_or_insert(d);
            true
        } else if !core.is_empty()
            && core.chars().any(|c| c.is_ascii_digit())
            && core
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-'))
            && core.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 2
        {
            if core.chars().all(|c| c.is_ascii_digit()) {
                match (core.len(), core.parse::<u32>()) {
                    (4, Ok(y)) if (1900..=2100).contains(&y) => {
                        year.get_or_insert(y as i32);
                    }
                    (1 | 2, Ok(d)) if (1..=31).contains(&d) => {
                        day.get_or_insert(d);
                    }
                    _ => {}
                }
            } else if let Ok(d) = core
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
            {
                // "10th", "1st".
                if (1..=31).contains(&d) && core.len() <= 4 {
                    day.get_or_insert(d);
                }
            }
            true
        } else if let Some(m) = lexicon::month(&lower) {
            month.get_or_insert(m);
            true
        } else {
            lexicon::weekday(&lower) || lexicon::date_filler(&lower)
        };
        if !ok {
            break;
        }
        run.tokens += 1;
        run.has_digit |= t.chars().any(|c| c.is_ascii_digit());
        run.end = start + tok.trim_end().len();
    }
    run.date = iso_date.or_else(|| {
        let (y, m, d) = (year?, month?, day?);
        NaiveDate::from_ymd_opt(y, m, d)
    });
    run
}

/// How many of the first words of `s` are date or time words: (date words, words, any digit).
/// Looks at no more than 16 words.
pub(crate) fn date_share(s: &str) -> (usize, usize, bool) {
    let (mut dated, mut all, mut digit) = (0, 0, false);
    for tok in s.split_whitespace().take(17) {
        all += 1;
        let run = date_run(tok);
        if run.tokens == 1 {
            dated += 1;
            digit |= run.has_digit;
        }
    }
    (dated, all, digit)
}

/// Strips a metadata date label ("Published:", "date", "Updated on") from the start of `s`;
/// returns the label and the byte offset where its value starts.
pub(crate) fn strip_date_label(s: &str) -> Option<(&'static str, usize)> {
    for label in lexicon::DATE_LABELS {
        if super::boiler::starts_with_ignore_ascii_case(s, label) {
            let after = &s[label.len()..];
            if !after
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ':')
            {
                continue;
            }
            let value = after.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            return Some((label, s.len() - value.len()));
        }
    }
    None
}

fn is_update_label(label: &str) -> bool {
    label.contains("updated") || label.contains("modified")
}

/// A date in a URL path: `/2022/11/10/`, `/2023-02-09/`, `/2022/nov/10/`.
fn url_date(url: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = url.split(['/', '?', '#']).collect();
    for (i, p) in parts.iter().enumerate() {
        if let Some(d) = iso(p) {
            return Some(d);
        }
        if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
            let y: i32 = p.parse().ok()?;
            if !(1990..=2100).contains(&y) {
                continue;
            }
            let (Some(m), Some(d)) = (parts.get(i + 1), parts.get(i + 2)) else {
                continue;
            };
            let m = m
                .parse::<u32>()
                .ok()
                .or_else(|| lexicon::month(&m.to_lowercase()));
            let d = (d.len() <= 2).then(|| d.parse::<u32>().ok()).flatten();
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// The publication date an article states in its own metadata: a labelled date line
/// ("date 2022-09-10", "Published: 10 September 2022"), else a date-only line near the top,
/// else a date in the source URL on the first line. `None` when nothing says it clearly.
pub fn text_date(text: &str) -> Option<NaiveDate> {
    let mut stamp_line = None;
    let mut url = None;
    let mut updated = None;
    for (n, line) in text
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{FEFF}').trim())
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if n == 0 && super::boiler::is_url(line) {
            url = url_date(line);
            continue;
        }
        if let Some((label, value)) = strip_date_label(line) {
            if let Some(d) = date_run(&line[value..]).date {
                if !is_update_label(label) {
                    return Some(d);
                }
                // An update is usually the same day, but only a last resort.
                updated = updated.or(Some(d));
            }
            continue;
        }
        if n < 12 && stamp_line.is_none() {
            let run = date_run(line);
            if run.end == line.len() && run.date.is_some() {
                stamp_line = run.date;
            }
        }
    }
    stamp_line.or(url).or(updated)
}
