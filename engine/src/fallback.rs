//! Minimal extraction of the facts the verdict stage compares (quantities, dates, negation,
//! attribution verbs), used only where the analyser returns nothing for a segment.
//!
//! The analyser (`analyze/`) owns these facts; this module exists so alignment and verdicts can
//! be built and measured while it is being written, and so a segment the analyser misses still
//! gets its obvious numbers and days compared. Every span is a byte range into the segment.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::analyze::{Analysis, Attribution, Bound, DateMention, Quantity, Quote, Strength, Token};

/// Fills the fact lists the analyser left empty.
pub fn fill_missing(a: &mut Analysis, text: &str, anchor: Option<NaiveDate>) {
    if a.dates.is_empty() {
        a.dates = dates(text, &a.tokens, anchor);
    }
    if a.quantities.is_empty() {
        a.quantities = quantities(text, &a.tokens, &a.dates);
    }
    if a.quotes.is_empty() {
        a.quotes = quotes(text);
    }
    if a.negations.is_empty() {
        a.negations = a
            .tokens
            .iter()
            .filter(|t| is_negation(&t.lower))
            .map(|t| (t.start, t.end))
            .collect();
    }
    if a.attributions.is_empty() {
        a.attributions = a
            .tokens
            .iter()
            .filter_map(|t| {
                strength_of(&t.lower).map(|(lemma, strength)| Attribution {
                    start: t.start,
                    end: t.end,
                    lemma: lemma.to_string(),
                    strength,
                    speaker: None,
                })
            })
            .collect();
    }
}

pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "without" | "nor" | "neither" | "none" | "nobody" | "nothing"
    ) || w.ends_with("n't")
}

/// Reporting and stance verbs, by the strength with which they put a claim.
pub fn strength_of(w: &str) -> Option<(&'static str, Strength)> {
    const TABLE: &[(&str, &str, Strength)] = &[
        ("said", "say", Strength::Neutral),
        ("says", "say", Strength::Neutral),
        ("say", "say", Strength::Neutral),
        ("told", "tell", Strength::Neutral),
        ("stated", "state", Strength::Neutral),
        ("added", "add", Strength::Neutral),
        ("tweeted", "tweet", Strength::Neutral),
        ("wrote", "write", Strength::Neutral),
        ("reported", "report", Strength::Neutral),
        ("announced", "announce", Strength::Neutral),
        ("confirmed", "confirm", Strength::Confirmed),
        ("confirms", "confirm", Strength::Confirmed),
        ("confirming", "confirm", Strength::Confirmed),
        ("showed", "show", Strength::Confirmed),
        ("shows", "show", Strength::Confirmed),
        ("proved", "prove", Strength::Confirmed),
        ("proven", "prove", Strength::Confirmed),
        ("established", "establish", Strength::Confirmed),
        ("verified", "verify", Strength::Confirmed),
        ("alleged", "allege", Strength::Alleged),
        ("alleges", "allege", Strength::Alleged),
        ("allegedly", "allege", Strength::Alleged),
        ("claimed", "claim", Strength::Alleged),
        ("claims", "claim", Strength::Alleged),
        ("accused", "accuse", Strength::Alleged),
        ("accuses", "accuse", Strength::Alleged),
        ("accusing", "accuse", Strength::Alleged),
        ("blamed", "blame", Strength::Alleged),
        ("blames", "blame", Strength::Alleged),
        ("blaming", "blame", Strength::Alleged),
        ("suspected", "suspect", Strength::Alleged),
        ("denounced", "denounce", Strength::Condemned),
        ("denounces", "denounce", Strength::Condemned),
        ("condemned", "condemn", Strength::Condemned),
        ("condemns", "condemn", Strength::Condemned),
        ("condemning", "condemn", Strength::Condemned),
        ("criticised", "criticise", Strength::Condemned),
        ("criticized", "criticise", Strength::Condemned),
        ("denied", "deny", Strength::Denied),
        ("denies", "deny", Strength::Denied),
        ("rejected", "reject", Strength::Denied),
        ("rejects", "reject", Strength::Denied),
        ("dismissed", "dismiss", Strength::Denied),
        ("dismisses", "dismiss", Strength::Denied),
        ("refuted", "refute", Strength::Denied),
    ];
    TABLE
        .iter()
        .find(|(w2, _, _)| *w2 == w)
        .map(|(_, lemma, s)| (*lemma, *s))
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(w: &str) -> Option<u32> {
    let w = w.strip_suffix("'s").unwrap_or(w).trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() <= 4 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    let w = w.strip_suffix("'s").unwrap_or(w);
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_int(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// Days, months and years, with weekdays and "yesterday" resolved against `anchor` (news reports
/// the past, so "Friday" is the latest Friday not after the article's date).
pub fn dates(text: &str, toks: &[Token], anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let _ = text;
    let mut out = Vec::new();
    let mut used = vec![false; toks.len()];
    let year_hint = anchor.map(|d| d.year());
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].lower.as_str();
        // "September 10(, 2022)" and "10 September (2022)"
        if let Some(m) = month_of(w).filter(|_| toks[i].capitalized || w.len() > 4) {
            let mut end = i;
            let mut day = None;
            if let Some(d) = toks.get(i + 1).and_then(|t| small_int(&t.lower)) {
                if (1..=31).contains(&d) {
                    day = Some(d);
                    end = i + 1;
                }
            }
            if day.is_none() && i > 0 && !used[i - 1] {
                if let Some(d) = small_int(&toks[i - 1].lower).filter(|d| (1..=31).contains(d)) {
                    day = Some(d);
                    used[i - 1] = true;
                }
            }
            let mut year = None;
            if let Some(y) = toks.get(end + 1).and_then(|t| small_int(&t.lower)) {
                if (1900..=2100).contains(&y) {
                    year = Some(y as i32);
                    end += 1;
                }
            }
            let start_tok = if day.is_some() && end == i { i - 1 } else { i };
            let y = year.or(year_hint);
            let resolved = match (y, day) {
                (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            };
            for u in used.iter_mut().take(end + 1).skip(start_tok) {
                *u = true;
            }
            out.push(DateMention {
                start: toks[start_tok].start,
                end: toks[end].end,
                day: resolved,
                month: y.map(|y| (y, m)),
                year,
                part_of_day: None,
            });
            i = end + 1;
            continue;
        }
        if let Some(wd) = weekday_of(w) {
            let day = anchor.map(|a| {
                let back = (7 + a.weekday().num_days_from_monday() as i64
                    - wd.num_days_from_monday() as i64)
                    % 7;
                a - Duration::days(back)
            });
            out.push(DateMention {
                start: toks[i].start,
                end: toks[i].end,
                day,
                month: None,
                year: None,
                part_of_day: None,
            });
            used[i] = true;
        } else if w == "yesterday" || w == "today" {
            let back = if w == "yesterday" { 1 } else { 0 };
            out.push(DateMention {
                start: toks[i].start,
                end: toks[i].end,
                day: anchor.map(|a| a - Duration::days(back)),
                month: None,
                year: None,
                part_of_day: None,
            });
            used[i] = true;
        } else if let Some(y) = small_int(w).filter(|y| (1900..=2100).contains(y)) {
            if !used[i] && toks[i].lower.len() == 4 {
                out.push(DateMention {
                    start: toks[i].start,
                    end: toks[i].end,
                    day: None,
                    month: None,
                    year: Some(y as i32),
                    part_of_day: None,
                });
                used[i] = true;
            }
        }
        i += 1;
    }
    out
}

fn number_word(w: &str) -> Option<(f64, bool)> {
    const CARD: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    const ORD: &[&str] = &[
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth",
    ];
    if let Some(i) = CARD.iter().position(|c| *c == w) {
        return Some((i as f64, false));
    }
    if let Some(i) = ORD.iter().position(|c| *c == w) {
        return Some((i as f64, true));
    }
    match w {
        "twenty" => Some((20.0, false)),
        "dozen" => Some((12.0, false)),
        _ => None,
    }
}

fn multiplier(w: &str) -> Option<f64> {
    match w {
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "m" | "mn" => Some(1e6),
        "billion" | "billions" | "bn" | "b" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Splits "15.6m" / "2nd" / "20,000" into a value, a multiplier or ordinal suffix.
fn parse_numeric(w: &str) -> Option<(f64, bool)> {
    let digits_end = w
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(w.len(), |(i, _)| i);
    if digits_end == 0 {
        return None;
    }
    let num: String = w[..digits_end].chars().filter(|c| *c != ',').collect();
    let value: f64 = num.trim_end_matches('.').parse().ok()?;
    let rest = &w[digits_end..];
    match rest {
        "" => Some((value, false)),
        "st" | "nd" | "rd" | "th" => Some((value, true)),
        r => multiplier(r).map(|m| (value * m, false)),
    }
}

fn bound_before(toks: &[Token], i: usize) -> (Bound, usize) {
    let w = |k: usize| -> &str { toks.get(k).map_or("", |t| t.lower.as_str()) };
    if i >= 2 {
        let two = (w(i - 2), w(i - 1));
        let b = match two {
            ("more", "than") | ("greater", "than") | ("higher", "than") => Some(Bound::MoreThan),
            ("at", "least") => Some(Bound::AtLeast),
            ("less", "than") | ("fewer", "than") | ("lower", "than") => Some(Bound::LessThan),
            ("up", "to") | ("at", "most") => Some(Bound::AtMost),
            ("close", "to") => Some(Bound::About),
            _ => None,
        };
        if let Some(b) = b {
            return (b, i - 2);
        }
    }
    if i >= 1 {
        let b = match w(i - 1) {
            "over" | "above" | "exceeding" | "exceeds" | "exceeded" | "surpassed" | "surpasses"
            | "surpassing" | "passes" | "passed" | "topped" | "tops" | "past" => {
                Some(Bound::MoreThan)
            }
            "nearly" | "almost" | "nears" | "neared" | "nearing" | "under" | "below" => {
                Some(Bound::LessThan)
            }
            "about" | "around" | "roughly" | "approximately" | "some" | "estimated" => {
                Some(Bound::About)
            }
            _ => None,
        };
        if let Some(b) = b {
            return (b, i - 1);
        }
    }
    (Bound::Exact, i)
}

fn is_currency_word(w: &str) -> bool {
    matches!(
        w,
        "usd"
            | "aud"
            | "eur"
            | "gbp"
            | "dollar"
            | "dollars"
            | "euro"
            | "euros"
            | "pound"
            | "pounds"
            | "us"
            | "a"
            | "au"
            | "yuan"
            | "yen"
    )
}

/// Figures with their bound and unit. Numbers that are part of a date are not quantities.
pub fn quantities(text: &str, toks: &[Token], dates: &[DateMention]) -> Vec<Quantity> {
    let in_date = |s: usize| dates.iter().any(|d| d.start <= s && s < d.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if in_date(t.start) {
            i += 1;
            continue;
        }
        // "US10m" / "A15.6m": a currency prefix glued to the figure.
        let (lead_currency, body) = match t.lower.char_indices().find(|(_, c)| c.is_ascii_digit()) {
            Some((k, _)) if k > 0 && matches!(&t.lower[..k], "us" | "a" | "au" | "nz" | "c") => {
                (true, &t.lower[k..])
            }
            _ => (false, t.lower.as_str()),
        };
        let parsed = parse_numeric(body).or_else(|| number_word(body));
        let Some((mut value, ordinal)) = parsed else {
            i += 1;
            continue;
        };
        let is_digits = body.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let mut end = i;
        if let Some(m) = toks.get(i + 1).and_then(|n| multiplier(&n.lower)) {
            value *= m;
            end = i + 1;
        }
        // A bare four-digit year is a date, not a count.
        if is_digits
            && !ordinal
            && body.len() == 4
            && (1900.0..=2100.0).contains(&value)
            && !body.contains(',')
        {
            i += 1;
            continue;
        }
        let before = text.get(..t.start).unwrap_or("");
        // The currency symbol is the unit: "$10 million (€9.9 million)" is one sum, twice.
        let symbol = before
            .trim_end()
            .chars()
            .last()
            .filter(|c| "$€£¥".contains(*c));
        let currency = lead_currency
            || symbol.is_some()
            || toks
                .get(end + 1)
                .is_some_and(|n| is_currency_word(&n.lower) && n.lower != "a" && n.lower != "us");
        let (bound, first) = bound_before(toks, i);
        let unit = if currency {
            Some(symbol.map_or("$".to_string(), |c| {
                if c == '$' {
                    "$".to_string()
                } else {
                    c.to_string()
                }
            }))
        } else if text
            .get(toks[end].end..)
            .is_some_and(|r| r.starts_with('%'))
            || toks
                .get(end + 1)
                .is_some_and(|n| n.lower == "percent" || n.lower == "per")
        {
            Some("%".to_string())
        } else {
            toks.get(end + 1)
                .filter(|n| {
                    !n.stop
                        && !n.capitalized
                        && n.lower.chars().all(char::is_alphabetic)
                        && !n.lower.is_empty()
                })
                .map(|n| n.stem.clone())
        };
        if !is_digits && unit.is_none() {
            i = end + 1;
            continue;
        }
        out.push(Quantity {
            start: toks[first].start,
            end: toks[end].end,
            value,
            bound,
            unit,
            ordinal,
        });
        i = end + 1;
    }
    out
}

/// Spans between double quotes (straight or curly); an unclosed quote runs to the end.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let (is_open, is_close) = match c {
            '\u{201C}' => (true, false),
            '\u{201D}' => (false, true),
            '"' => (open.is_none(), open.is_some()),
            _ => (false, false),
        };
        if is_close {
            if let Some(s) = open.take() {
                if i > s {
                    out.push(Quote { start: s, end: i });
                }
            }
        } else if is_open {
            open = Some(i + c.len_utf8());
        }
    }
    if let Some(s) = open {
        if text.len() > s + 10 {
            out.push(Quote {
                start: s,
                end: text.len(),
            });
        }
    }
    out
}
