//! Dates and times a segment names, absolute ("Sept. 8, 2022", "2022-09-10") and relative
//! ("Friday", "last night", "this week"), resolved against the article's own date.
//!
//! Articles about one event are written on different days, so "Friday" in one and
//! "September 9" in another are only comparable once both are turned into calendar days.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{gap, DateMention, Token};

use crate::lexicon::dates::{
    DAY_PARTS as PARTS, MONTHS, MONTH_PREPOSITIONS, MONTH_WORDS, WEEKDAY_NAMES as WEEKDAYS,
};

/// A month name, capitalised as months are; the ambiguous ones ("May", "March") and the
/// abbreviations only next to a day number or year, or after a preposition.
pub fn month_of(text: &str, tokens: &[Token], i: usize) -> Option<u32> {
    let t = tokens.get(i)?;
    if !t.capitalized {
        return None;
    }
    // "September's election" names the month as surely as "in September"; a possessive of a
    // name that is also a word or a first name ("May's", "March's") stays unread.
    let possessive = t.lower.strip_suffix("'s");
    let lower = possessive.unwrap_or(&t.lower);
    let &(name, m) = MONTHS.iter().find(|(n, _)| *n == lower)?;
    if possessive.is_some() {
        let word_or_name = name.len() <= 3 || MONTH_WORDS.contains(&name);
        return (!word_or_name).then_some(m);
    }
    if name.len() <= 4 || name == "march" {
        let next_num = tokens
            .get(i + 1)
            .is_some_and(|n| day_number(&n.lower).is_some() || year_number(&n.lower).is_some());
        let prev_num = i > 0 && day_number(&tokens[i - 1].lower).is_some();
        let prev_prep = i > 0 && MONTH_PREPOSITIONS.contains(&tokens[i - 1].lower.as_str());
        let short = name.len() <= 4 && name != "may" && name != "june" && name != "july";
        if !(next_num || prev_num || (prev_prep && !short)) {
            return None;
        }
    }
    let _ = text;
    Some(m)
}

/// "10", "10th", "1st": a day of the month.
pub fn day_number(lower: &str) -> Option<u32> {
    let digits = lower
        .strip_suffix("st")
        .or_else(|| lower.strip_suffix("nd"))
        .or_else(|| lower.strip_suffix("rd"))
        .or_else(|| lower.strip_suffix("th"))
        .unwrap_or(lower);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year in the range news talks about.
pub fn year_number(lower: &str) -> Option<i32> {
    if lower.len() != 4 || !lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = lower.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

fn weekday_of(t: &Token) -> Option<Weekday> {
    if !t.capitalized {
        return None;
    }
    // "Monday's earthquake" names the day as surely as "on Monday".
    let lower = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
    WEEKDAYS.iter().find(|(n, _)| *n == lower).map(|&(_, w)| w)
}

fn mention(start: usize, end: usize) -> DateMention {
    DateMention {
        start,
        end,
        day: None,
        month: None,
        year: None,
        part_of_day: None,
        last_day: None,
        month_day: None,
        weekday: None,
    }
}

/// The year a month/day without a year most plausibly falls in: news looks back, so a date
/// more than two months after the article's date is last year's.
fn infer_year(month: u32, day: u32, anchor: Option<NaiveDate>) -> Option<i32> {
    let a = anchor?;
    let this = NaiveDate::from_ymd_opt(a.year(), month, day.min(28))?;
    if this > a + Days::new(62) {
        Some(a.year() - 1)
    } else {
        Some(a.year())
    }
}

fn is_space(g: &str) -> bool {
    !g.is_empty() && g.chars().all(char::is_whitespace)
}

/// Whether `g` (the text between two tokens) is only white space and at most one of `extra`.
fn is_sep(g: &str, extra: &[char]) -> bool {
    let mut seen = 0;
    for c in g.chars() {
        if c.is_whitespace() {
            continue;
        }
        let c = crate::text::fold_char(c).unwrap_or(c);
        if extra.contains(&c) && seen == 0 {
            seen += 1;
        } else {
            return false;
        }
    }
    !g.is_empty()
}

fn last_before(anchor: NaiveDate, w: Weekday) -> NaiveDate {
    let back = (7 + anchor.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
    anchor - Days::new(u64::from(back))
}

fn next_after(anchor: NaiveDate, w: Weekday) -> NaiveDate {
    let fwd = (7 + w.num_days_from_monday() - anchor.weekday().num_days_from_monday()) % 7;
    anchor + Days::new(u64::from(if fwd == 0 { 7 } else { fwd }))
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Every date mention of a segment, in text order, non-overlapping.
pub fn extract(text: &str, tokens: &[Token], anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match at(text, tokens, i, anchor) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A date starting at token `i`, with the index of the first token after it.
fn at(
    text: &str,
    tokens: &[Token],
    i: usize,
    anchor: Option<NaiveDate>,
) -> Option<(DateMention, usize)> {
    let t = &tokens[i];
    // ISO 2022-09-10.
    if let Some(y) = year_number(&t.lower) {
        if let (Some(mt), Some(dt)) = (tokens.get(i + 1), tokens.get(i + 2)) {
            if gap(text, tokens, i, i + 1) == "-" && gap(text, tokens, i + 1, i + 2) == "-" {
                if let (Ok(m), Ok(d)) = (mt.lower.parse::<u32>(), dt.lower.parse::<u32>()) {
                    if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
                        let mut dm = mention(t.start, dt.end);
                        dm.day = Some(day);
                        dm.month = Some((y, m));
                        dm.year = Some(y);
                        dm.month_day = Some((m, d));
                        return Some((dm, i + 3));
                    }
                }
            }
        }
    }
    // Day before month: "10 September 2022", "the 10th of September".
    if let Some(d) = day_number(&t.lower) {
        let (mi, ok) = if tokens.get(i + 1).is_some_and(|n| n.lower == "of") {
            (i + 2, is_space(gap(text, tokens, i, i + 1)))
        } else {
            (i + 1, is_space(gap(text, tokens, i, i + 1)))
        };
        if ok && mi < tokens.len() && is_sep(gap(text, tokens, mi - 1, mi), &[]) {
            if let Some(m) = month_of(text, tokens, mi) {
                let mut end = tokens[mi].end;
                let mut next = mi + 1;
                if tokens[mi].lower.len() <= 4 && text.get(end..end + 1) == Some(".") {
                    end += 1;
                }
                let mut year = None;
                if let Some(y) = tokens.get(mi + 1).and_then(|n| year_number(&n.lower)) {
                    if is_sep(gap(text, tokens, mi, mi + 1), &[',', '.']) {
                        year = Some(y);
                        end = tokens[mi + 1].end;
                        next = mi + 2;
                    }
                }
                return Some((day_mention(t.start, end, year, m, d, None, anchor), next));
            }
        }
    }
    // Month first: "September 10", "Sept. 8, 2022", "July 23 and 24", "July 2022", "in July".
    if let Some(m) = month_of(text, tokens, i) {
        let short = t.lower.len() <= 4;
        let dtok = tokens.get(i + 1);
        let g = gap(text, tokens, i, i + 1);
        let gap_ok = if short {
            is_sep(g, &['.'])
        } else {
            is_space(g)
        };
        if let Some(d) = dtok.filter(|_| gap_ok).and_then(|n| day_number(&n.lower)) {
            let mut end = tokens[i + 1].end;
            let mut next = i + 2;
            let mut year = None;
            if let Some(y) = tokens.get(i + 2).and_then(|n| year_number(&n.lower)) {
                if is_sep(gap(text, tokens, i + 1, i + 2), &[',']) {
                    year = Some(y);
                    end = tokens[i + 2].end;
                    next = i + 3;
                }
            }
            let mut last = None;
            if year.is_none() {
                let conj = tokens.get(i + 2).map(|c| c.lower.as_str());
                let (dash, k) = if matches!(conj, Some("and" | "to" | "through")) {
                    (false, i + 3)
                } else {
                    (true, i + 2)
                };
                let sep_ok = if dash {
                    is_sep(gap(text, tokens, i + 1, i + 2), &['-'])
                        && gap(text, tokens, i + 1, i + 2)
                            .contains(|c: char| crate::text::fold_char(c).unwrap_or(c) == '-')
                } else {
                    true
                };
                if sep_ok {
                    if let Some(d2) = tokens.get(k).and_then(|n| day_number(&n.lower)) {
                        let after_is_noun = tokens.get(k + 1).is_some_and(|n| {
                            !n.stop && !n.capitalized && is_space(gap(text, tokens, k, k + 1))
                        });
                        if d2 > d && !after_is_noun {
                            last = Some(d2);
                            end = tokens[k].end;
                            next = k + 1;
                        }
                    }
                }
            }
            let start = t.start;
            let mut dm = day_mention(start, end, year, m, d, last, anchor);
            if let Some(p) = part_after(tokens, next) {
                dm.part_of_day = Some(p);
            }
            return Some((dm, next));
        }
        // Month and year, or month alone.
        let mut dm = mention(t.start, t.end);
        let mut next = i + 1;
        let year = match tokens.get(i + 1).and_then(|n| year_number(&n.lower)) {
            Some(y) if is_sep(g, &[',']) => {
                dm.end = tokens[i + 1].end;
                next = i + 2;
                Some(y)
            }
            _ => infer_year(m, 1, anchor),
        };
        if let Some(y) = year {
            dm.month = Some((y, m));
            dm.year = Some(y);
        }
        return Some((dm, next));
    }
    // Weekday, possibly "Friday, September 9" (the explicit date then carries it).
    if let Some(w) = weekday_of(t) {
        let g = gap(text, tokens, i, i + 1);
        if is_sep(g, &[',']) && month_of(text, tokens, i + 1).is_some() {
            return None;
        }
        let prev = if i > 0 {
            tokens[i - 1].lower.as_str()
        } else {
            ""
        };
        let mut dm = mention(t.start, t.end);
        dm.weekday = Some(w);
        if prev == "last" || prev == "next" {
            dm.start = tokens[i - 1].start;
        }
        if let Some(a) = anchor {
            let day = match prev {
                "next" => next_after(a, w),
                "last" if a.weekday() == w => a - Days::new(7),
                _ => last_before(a, w),
            };
            set_day(&mut dm, day);
        }
        let mut next = i + 1;
        if let Some(p) = part_after(tokens, next) {
            if is_space(gap(text, tokens, i, i + 1)) {
                dm.part_of_day = Some(p);
                dm.end = tokens[i + 1].end;
                next += 1;
            }
        }
        return Some((dm, next));
    }
    // Relative expressions.
    relative(text, tokens, i, anchor)
}

fn part_after(tokens: &[Token], k: usize) -> Option<String> {
    let t = tokens.get(k)?;
    PARTS.contains(&t.lower.as_str()).then(|| t.lower.clone())
}

fn set_day(dm: &mut DateMention, day: NaiveDate) {
    dm.day = Some(day);
    dm.month = Some((day.year(), day.month()));
    dm.year = Some(day.year());
    dm.month_day = Some((day.month(), day.day()));
}

fn day_mention(
    start: usize,
    end: usize,
    year: Option<i32>,
    m: u32,
    d: u32,
    last: Option<u32>,
    anchor: Option<NaiveDate>,
) -> DateMention {
    let mut dm = mention(start, end);
    dm.month_day = Some((m, d));
    let year = year.or_else(|| infer_year(m, d, anchor));
    if let Some(y) = year {
        if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
            set_day(&mut dm, day);
            dm.last_day = last.and_then(|l| NaiveDate::from_ymd_opt(y, m, l));
        } else {
            dm.year = Some(y);
        }
    }
    dm
}

fn relative(
    text: &str,
    tokens: &[Token],
    i: usize,
    anchor: Option<NaiveDate>,
) -> Option<(DateMention, usize)> {
    let t = &tokens[i];
    let w1 = t.lower.as_str();
    let w2 = tokens.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
    let w3 = tokens.get(i + 2).map(|n| n.lower.as_str()).unwrap_or("");
    let tight = |k: usize| is_space(gap(text, tokens, k, k + 1));
    // (offset in days, part of day, tokens consumed)
    let simple: Option<(i64, Option<&str>, usize)> = match (w1, w2, w3) {
        ("today", ..) => Some((0, None, 1)),
        ("tonight", ..) => Some((0, Some("night"), 1)),
        ("yesterday", p, _) if PARTS.contains(&p) && tight(i) => Some((-1, Some(p), 2)),
        ("yesterday", ..) => Some((-1, None, 1)),
        ("tomorrow", ..) => Some((1, None, 1)),
        ("overnight", ..) => Some((-1, Some("night"), 1)),
        ("last", "night", _) if tight(i) => Some((-1, Some("night"), 2)),
        ("last", "evening", _) if tight(i) => Some((-1, Some("evening"), 2)),
        ("this", p, _) if PARTS.contains(&p) && tight(i) => Some((0, Some(p), 2)),
        ("the", "previous" | "prior", p) if PARTS.contains(&p) || p == "day" => {
            Some((-1, (p != "day").then_some(p), 3))
        }
        ("previous" | "prior", p, _) if PARTS.contains(&p) || p == "day" => {
            Some((-1, (p != "day").then_some(p), 2))
        }
        ("the", p, "before") if PARTS.contains(&p) || p == "day" => {
            Some((-1, (p != "day").then_some(p), 3))
        }
        _ => None,
    };
    if let Some((off, part, n)) = simple {
        let end = tokens.get(i + n - 1)?.end;
        let mut dm = mention(t.start, end);
        dm.part_of_day = part.map(str::to_string);
        if let Some(a) = anchor {
            let day = if off < 0 {
                a.checked_sub_days(Days::new(off.unsigned_abs()))
            } else {
                a.checked_add_days(Days::new(off.unsigned_abs()))
            };
            if let Some(day) = day {
                set_day(&mut dm, day);
            }
        }
        return Some((dm, i + n));
    }
    // "this week", "last week", "this month", "last year" ...
    if matches!(w1, "this" | "last" | "past") && matches!(w2, "week" | "month" | "year") && tight(i)
    {
        let mut dm = mention(t.start, tokens[i + 1].end);
        if let Some(a) = anchor {
            let back = w1 != "this";
            match w2 {
                "week" => {
                    let monday = a - Days::new(u64::from(a.weekday().num_days_from_monday()));
                    if back && w1 == "last" {
                        let start = monday - Days::new(7);
                        set_day(&mut dm, start);
                        dm.last_day = Some(monday - Days::new(1));
                    } else if back {
                        set_day(&mut dm, a - Days::new(7));
                        dm.last_day = Some(a);
                    } else {
                        set_day(&mut dm, monday);
                        dm.last_day = Some(a);
                    }
                    dm.month_day = None;
                }
                "month" => {
                    let (y, m) = if w1 == "last" {
                        if a.month() == 1 {
                            (a.year() - 1, 12)
                        } else {
                            (a.year(), a.month() - 1)
                        }
                    } else {
                        (a.year(), a.month())
                    };
                    dm.month = Some((y, m));
                    dm.year = Some(y);
                }
                _ => {
                    dm.year = Some(if w1 == "last" { a.year() - 1 } else { a.year() });
                }
            }
        }
        return Some((dm, i + 2));
    }
    // A bare year: "in 2013". Not when it counts something ("2000 people") or is money.
    if let Some(y) = year_number(w1) {
        let before = if i > 0 {
            gap(text, tokens, i - 1, i)
        } else {
            text.get(..t.start).unwrap_or("")
        };
        let money = before.trim_end().ends_with(['$', '€', '£', '¥']);
        let counts = tokens.get(i + 1).is_some_and(|n| {
            !n.stop
                && !n.capitalized
                && n.lower.ends_with('s')
                && is_space(gap(text, tokens, i, i + 1))
        });
        let pct = text
            .get(t.end..)
            .is_some_and(|r| r.trim_start().starts_with('%'));
        if !money && !counts && !pct {
            let mut dm = mention(t.start, t.end);
            dm.year = Some(y);
            return Some((dm, i + 1));
        }
    }
    None
}

/// The span of days a mention covers, if resolved.
fn interval(d: &DateMention) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(day) = d.day {
        return Some((day, d.last_day.unwrap_or(day).max(day)));
    }
    if let Some((y, m)) = d.month {
        return Some((NaiveDate::from_ymd_opt(y, m, 1)?, month_end(y, m)?));
    }
    if let Some(y) = d.year {
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        ));
    }
    None
}

fn part_class(p: &str) -> u8 {
    match p {
        "morning" | "dawn" => 0,
        "noon" | "afternoon" => 1,
        _ => 2,
    }
}

/// Whether two date mentions name incompatible times: both resolved and their days (or
/// months, years) do not overlap, or the same single day at incompatible parts of it. A
/// month alone and a day inside it are compatible. Unresolved mentions (no anchor) are
/// compared by month and day, or by weekday, when both have one.
pub fn dates_conflict(a: &DateMention, b: &DateMention) -> bool {
    if let (Some((a0, a1)), Some((b0, b1))) = (interval(a), interval(b)) {
        if a1 < b0 || b1 < a0 {
            return true;
        }
        if a0 == a1 && b0 == b1 {
            if let (Some(p), Some(q)) = (&a.part_of_day, &b.part_of_day) {
                return part_class(p) != part_class(q);
            }
        }
        return false;
    }
    if a.day.is_none() && b.day.is_none() {
        if let (Some(x), Some(y)) = (a.month_day, b.month_day) {
            return x != y;
        }
        if let (Some(x), Some(y)) = (a.weekday, b.weekday) {
            return x != y;
        }
    }
    false
}
