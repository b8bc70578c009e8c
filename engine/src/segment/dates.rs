//! Date stamps in page metadata: recognising a run of date/time words ("date 2022-09-10",
//! "Published: 10 September 2022", "Sat 10 Sep 2022 12.35 BST") so such lines are marked
//! boilerplate, and reading the publication date an article states about itself.

use chrono::NaiveDate;

use crate::lexicon;

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
        } else if let Some(m) = lexicon::dates::month(&lower) {
            month.get_or_insert(m);
            true
        } else {
            lexicon::dates::weekday(&lower) || lexicon::dates::date_filler(&lower)
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

/// A full date (with its year) or an ISO date at the end of a line that has no final stop,
/// printed after the title by a page store ("Storm hits coast 2023-04-21", "Storm hits coast |
/// May 5, 2023", "Storm hits coast 5 May 2023 10:32"). Returns where it starts. A date after a preposition ("... since May 5,
/// 2023") belongs to the words before it. Looks at the last four words only.
pub(crate) fn trailing_stamp(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let mut starts: Vec<usize> = Vec::with_capacity(6);
    let mut in_word = false;
    for (i, c) in t.char_indices().rev() {
        let ws = c.is_whitespace();
        if !ws {
            in_word = true;
        } else if in_word {
            starts.push(i + c.len_utf8());
            in_word = false;
            if starts.len() == 6 {
                break;
            }
        }
    }
    // `starts[k]` is where the last k+1 words begin; at least two words must stay before.
    for k in (0..4.min(starts.len().saturating_sub(1))).rev() {
        let at = starts[k];
        let tail = &t[at..];
        let first = tail.split_whitespace().next().unwrap_or("");
        let first_lower = first
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let before = t[..at].trim_end();
        // "Polls close May 5, 2023" may be a headline's own words; a month-led date counts
        // only with a time or after a separator ("... | May 5, 2023").
        let separated =
            before.ends_with(['|', '-', '\u{2013}', '\u{2014}', '\u{00B7}', '\u{2022}']);
        let opens = first.starts_with(|c: char| c.is_ascii_digit())
            || lexicon::dates::weekday(&first_lower)
            || (lexicon::dates::month(&first_lower).is_some() && (separated || tail.contains(':')));
        let run = date_run(tail);
        if !opens || run.end != tail.len() || run.date.is_none() {
            continue;
        }
        // The separator goes with the stamp, so the title ends at its last word.
        if separated {
            return Some(before.len() - before.chars().next_back().map_or(0, char::len_utf8));
        }
        let prev = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        let joined = lexicon::sentences::title_small(&prev)
            || lexicon::dates::date_filler(&prev)
            || lexicon::dates::DATE_JOINERS.contains(&prev.as_str());
        if joined || before.ends_with([',', '(']) {
            return None;
        }
        return Some(at);
    }
    None
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
    for label in lexicon::dates::DATE_LABELS {
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
                .or_else(|| lexicon::dates::month(&m.to_lowercase()));
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
