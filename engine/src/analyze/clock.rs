//! Figures that are not counts: times of day ("9:28 a.m. ET", "8:33 am Central Time") and
//! results of two tallies ("won 3-1", "a 52-48 vote").
//!
//! Both are read as one `Quantity` each, so that the one comparison of figures
//! (`compare`) judges them too: a time is minutes past midnight, in UTC when a time zone is
//! named (unit "time@utc") and local otherwise (unit "time"); a result is its larger tally
//! times a thousand plus the smaller (unit "result"), so "3-1" and "1-3" are one result told
//! from either side.

use super::{Bound, Quantity};
use crate::lexicon::time::TIME_ZONES;

/// Minutes in a day.
const DAY: i64 = 24 * 60;

fn digits_at(b: &[u8], i: usize, max: usize) -> (usize, u32) {
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && j - i < max && b[j].is_ascii_digit() {
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j, v)
}

fn word_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

/// "am", "a.m.", "AM", "pm", "p.m." at `i`: (end, true for pm).
fn meridiem(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let l = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let pm = match l(i)? {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    let mut j = i + 1;
    let dotted = l(j) == Some(b'.');
    if dotted {
        j += 1;
    }
    if l(j) != Some(b'm') {
        return None;
    }
    j += 1;
    // "a.m." keeps its last stop; in "10.30pm." the stop ends the sentence.
    if dotted && l(j) == Some(b'.') {
        j += 1;
    }
    if b.get(j).is_some_and(|&c| word_char(c)) {
        return None;
    }
    Some((j, pm))
}

/// A time zone after a time: an abbreviation or a spelled name from `TIME_ZONES`: (end, UTC
/// offset in minutes).
fn zone(text: &str, i: usize) -> Option<(usize, i64)> {
    let rest = text.get(i..)?;
    TIME_ZONES
        .iter()
        .filter(|(name, _)| {
            rest.get(..name.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(name))
                && !rest
                    .as_bytes()
                    .get(name.len())
                    .is_some_and(|&c| word_char(c))
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(name, off)| (i + name.len(), i64::from(*off)))
}

fn quantity(start: usize, end: usize, value: f64, unit: &str) -> Quantity {
    Quantity {
        start,
        end,
        value,
        bound: Bound::Exact,
        unit: Some(unit.to_string()),
        ordinal: false,
    }
}

/// Every time of day in `text`: "9:28 a.m. ET", "10.30pm", "8 am", "14:05 GMT". A bare "9:28"
/// needs a zone or a meridiem to be read as a time (it may be a score or a ratio).
pub fn times(text: &str) -> Vec<Quantity> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (word_char(b[i - 1]) || b[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let start = i;
        let (j, hour) = digits_at(b, i, 2);
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            // Three or more digits: a count or a year, not an hour.
            i = j;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        let mut k = j;
        let mut minute = 0;
        if matches!(b.get(k), Some(b':' | b'.')) && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
            let (e, m) = digits_at(b, k + 1, 2);
            if e - (k + 1) != 2 || b.get(e).is_some_and(|&c| c.is_ascii_digit()) {
                i = e;
                continue;
            }
            minute = m;
            k = e;
        }
        let clock = k > j;
        let after = skip_spaces(b, k);
        let (end, hour24) = match meridiem(b, after) {
            Some((e, pm)) if (1..=12).contains(&hour) => (e, (hour % 12) + if pm { 12 } else { 0 }),
            _ if clock && b.get(j) == Some(&b':') && hour < 24 => (k, hour),
            _ => {
                i = k.max(i + 1);
                continue;
            }
        };
        if minute >= 60 {
            i = end;
            continue;
        }
        let local = i64::from(hour24) * 60 + i64::from(minute);
        let z = zone(text, skip_spaces(b, end));
        let has_meridiem = end > k;
        match z {
            Some((zend, off)) => {
                let utc = (local - off).rem_euclid(DAY);
                out.push(quantity(start, zend, utc as f64, "time@utc"));
                i = zend;
            }
            // "9:28" alone is too often a score or a ratio; with "a.m." it is a time.
            None if has_meridiem => {
                out.push(quantity(start, end, local as f64, "time"));
                i = end;
            }
            None => i = end.max(i + 1),
        }
    }
    out
}

/// Every result of two tallies: "3-1", "4–2", "52-48" (digits joined by a hyphen or dash, not
/// part of a date, a phone number or a longer run such as "2022-12-18").
pub fn results(text: &str) -> Vec<Quantity> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0
                && (word_char(b[i - 1]) || matches!(b[i - 1], b'-' | b'.' | b'/' | b':' | b',')))
        {
            i += 1;
            continue;
        }
        let start = i;
        let (j, x) = digits_at(b, i, 3);
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            i = j + 1;
            continue;
        }
        let dash = if b.get(j) == Some(&b'-') {
            1
        } else if text.get(j..).is_some_and(|r| r.starts_with('\u{2013}')) {
            '\u{2013}'.len_utf8()
        } else {
            i = j.max(i + 1);
            continue;
        };
        let k = j + dash;
        if !b.get(k).is_some_and(u8::is_ascii_digit) {
            i = k;
            continue;
        }
        let (e, y) = digits_at(b, k, 3);
        let longer = b.get(e).is_some_and(|&c| c.is_ascii_digit() || c == b'-')
            || (b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit))
            || b.get(e).is_some_and(|&c| c.is_ascii_alphabetic());
        if longer {
            i = e;
            continue;
        }
        let (hi, lo) = (x.max(y), x.min(y));
        out.push(quantity(
            start,
            e,
            f64::from(hi) * 1000.0 + f64::from(lo),
            "result",
        ));
        i = e;
    }
    out
}
