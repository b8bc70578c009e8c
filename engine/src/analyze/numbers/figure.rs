//! One quantity read from the token its figure starts at: currency before it ("$10m", "US$10",
//! "$A15.6m"), the figure in digits or words with its scale ("9.7 million", "tens of
//! thousands"), a minus sign, percent, currency words and degrees after it, then what it counts
//! and how it is bounded.
//!
//! Why separate: it is the one reading of a figure's own words, in order; the token-level
//! tests (`words`), the unit it counts (`counted`) and the bound phrase (`bound`) are its parts.

use super::bound::{bound_before, bound_start};
use super::counted::counted;
use super::words::{hyphen, lookup, number_word, parse_digits, word_value, ws};
use crate::analyze::{gap, Bound, Quantity, Token};
use crate::lexicon::numbers::{
    CLOCK_SUFFIXES, CURRENCY_WORDS, ORDINALS, SCALES, SCALE_SUFFIXES, SMALL, VAGUE,
};

/// A quantity whose figure starts at token `i`.
pub(super) fn at(text: &str, tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let t = &tokens[i];
    let before = if i > 0 {
        gap(text, tokens, i - 1, i)
    } else {
        text.get(..t.start).unwrap_or("")
    };
    let mut start = t.start;
    let mut currency: Option<String> = None;
    let mut ordinal = false;
    let mut bound = Bound::Exact;
    let mut value;
    let mut next = i + 1;
    let mut unit: Option<String> = None;
    let mut lower = t.lower.as_str();

    // Currency glued before the figure: "$10m", "US$10", "A$5", "$A15.6m", "€3".
    let bt = before.trim_end();
    let sym = bt
        .chars()
        .last()
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'));
    if let Some(c) = sym {
        currency = Some(
            match c {
                '€' => "EUR",
                '£' => "GBP",
                '¥' => "JPY",
                '₹' => "INR",
                _ => "$",
            }
            .to_string(),
        );
        let sym_pos = t.start - (before.len() - bt.len()) - c.len_utf8();
        start = sym_pos;
        if c == '$' && i > 0 && before.trim() == "$" && tokens[i - 1].end == sym_pos {
            let code = match tokens[i - 1].lower.as_str() {
                "us" => Some("USD"),
                "a" | "au" | "aus" => Some("AUD"),
                "c" | "ca" | "can" => Some("CAD"),
                "nz" => Some("NZD"),
                "hk" => Some("HKD"),
                "s" => Some("SGD"),
                _ => None,
            };
            if let Some(code) = code {
                currency = Some(code.to_string());
                start = tokens[i - 1].start;
            }
        }
        // "$A15.6m": the country letter sits between the symbol and the digits.
        if c == '$' {
            let letters: String = lower
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if !letters.is_empty()
                && lower[letters.len()..].starts_with(|c: char| c.is_ascii_digit())
            {
                let code = match letters.as_str() {
                    "a" | "au" => "AUD",
                    "us" => "USD",
                    "c" => "CAD",
                    "nz" => "NZD",
                    _ => "$",
                };
                currency = Some(code.to_string());
                lower = &lower[letters.len()..];
            }
        }
    }

    // "a third of", "two-thirds of", "half a million".
    if currency.is_none() {
        if let Some(found) = super::fraction::fraction(text, tokens, i) {
            return Some(found);
        }
    }
    // Most words are no number: leave before any table is searched.
    if currency.is_none() && !lower.starts_with(|c: char| c.is_ascii_digit()) && !number_word(lower)
    {
        return None;
    }
    if let Some((v, suffix)) = parse_digits(lower) {
        // Identifiers, not figures: "COVID-19", "F-16", "MH17".
        if currency.is_none()
            && i > 0
            && hyphen(before)
            && tokens[i - 1].lower.chars().all(char::is_alphabetic)
            && tokens[i - 1].capitalized
        {
            return None;
        }
        // The right side of a rate or equation ("$1=1 customer") counts nothing.
        if before.trim_end().ends_with('=') {
            return None;
        }
        // Addresses: "news.co.nz", "/2023/02/".
        if suffix.contains('.')
            || before.contains('/')
            || text
                .get(t.end..)
                .is_some_and(|r| r.starts_with(['/', '?', '=']))
        {
            return None;
        }
        // Clock times and scores: "10:30", "3-2".
        if before == ":" || text.get(t.end..).is_some_and(|r| r.starts_with(':')) {
            return None;
        }
        value = v;
        match suffix.as_str() {
            "" => {}
            // Closed class, left inline: English ordinal suffixes.
            "st" | "nd" | "rd" | "th" => ordinal = true,
            "s" if (1800.0..2100.0).contains(&v) => return None,
            "c" | "f" => unit = Some(format!("°{suffix}")),
            s if currency.is_some() && lookup(SCALES, s).is_some() => {
                value *= lookup(SCALES, s).unwrap_or(1.0);
            }
            // News writes "10m" for ten million far more often than for ten metres.
            s if SCALE_SUFFIXES.contains(&s) => value *= lookup(SCALES, &suffix).unwrap_or(1.0),
            s if CLOCK_SUFFIXES.contains(&s) => return None,
            s => unit = Some(s.to_string()),
        }
    } else if let Some(v) = lookup(ORDINALS, lower) {
        value = v;
        ordinal = true;
    } else if let Some(v) = lookup(VAGUE, lower) {
        value = v;
        bound = Bound::Vague;
        // "tens of thousands", "hundreds of thousands".
        if let (Some(of), Some(big)) = (tokens.get(i + 1), tokens.get(i + 2)) {
            if of.lower == "of" {
                if let Some(s) = lookup(VAGUE, &big.lower) {
                    value *= s;
                    next = i + 3;
                }
            }
        }
    } else if lower == "tens" && tokens.get(i + 1).is_some_and(|t| t.lower == "of") {
        let big = tokens.get(i + 2).and_then(|b| lookup(VAGUE, &b.lower))?;
        value = 10.0 * big;
        bound = Bound::Vague;
        next = i + 3;
    } else if (lower == "few" || lower == "handful") && i > 0 && tokens[i - 1].lower == "a" {
        value = if lower == "few" { 3.0 } else { 5.0 };
        bound = Bound::Vague;
        start = tokens[i - 1].start;
    } else if let Some(v) = word_value(lower)
        .filter(|_| lookup(SCALES, lower).is_none() || lower == "hundred" || lower == "thousand")
    {
        // Word numbers: "two", "twenty-one", "three hundred and fifty", "a dozen".
        let mut total = 0.0;
        let mut cur = v;
        let mut k = i + 1;
        while let Some(n) = tokens.get(k) {
            let g = gap(text, tokens, k - 1, k);
            if !(ws(g) || hyphen(g)) {
                break;
            }
            if n.lower == "and"
                && tokens
                    .get(k + 1)
                    .and_then(|m| lookup(SMALL, &m.lower))
                    .is_some()
                && cur >= 100.0
            {
                k += 1;
                continue;
            }
            if let Some(s) = lookup(SCALES, &n.lower).filter(|_| n.lower.len() > 3) {
                if s == 100.0 {
                    cur *= s;
                } else {
                    total += cur * s;
                    cur = 0.0;
                }
                k += 1;
            } else if let Some(x) = lookup(SMALL, &n.lower) {
                cur += x;
                k += 1;
            } else {
                break;
            }
        }
        value = total + cur;
        next = k;
        if i > 0
            && tokens[i - 1].lower == "a"
            && (lower == "dozen" || lower == "hundred" || lower == "thousand")
        {
            start = tokens[i - 1].start;
        }
        // "one" is a pronoun more often than a count: "one of the", "no one".
        if lower == "one" && next == i + 1 {
            let noun = tokens.get(i + 1).is_some_and(|n| {
                !n.stop && n.lower != "of" && !n.capitalized && ws(gap(text, tokens, i, i + 1))
            });
            // Closed class, left inline: determiners.
            let prev_no = i > 0
                && matches!(
                    tokens[i - 1].lower.as_str(),
                    "no" | "the" | "this" | "that" | "any" | "every" | "each"
                );
            if !noun || prev_no {
                return None;
            }
        }
    } else {
        return None;
    }

    if !ordinal && bound != Bound::Vague {
        // Scale words after the figure: "9.7 million", "10 millions", "$10 m".
        if let Some(n) = tokens.get(next) {
            if ws(gap(text, tokens, next - 1, next)) || hyphen(gap(text, tokens, next - 1, next)) {
                if let Some(s) =
                    lookup(SCALES, &n.lower).filter(|_| n.lower.len() > 3 || currency.is_some())
                {
                    if next == i + 1 || s > 100.0 {
                        value *= s;
                        next += 1;
                    }
                }
            }
        }
    }
    // Minus signs: "minus 6C", "-6C".
    if i > 0 && tokens[i - 1].lower == "minus" && ws(before) {
        value = -value;
        start = tokens[i - 1].start;
    } else if currency.is_none()
        && hyphen(before)
        && (i == 0
            || text
                .get(..t.start.saturating_sub(1))
                .is_some_and(|p| p.ends_with(char::is_whitespace)))
        && unit.as_deref().is_some_and(|u| u.starts_with('°'))
    {
        value = -value;
        start = t.start.saturating_sub(before.len());
    }

    let mut end = tokens.get(next - 1).map_or(t.end, |x| x.end);
    // Percent, currency words, degrees.
    let after = text.get(end..).unwrap_or("");
    if currency.is_none() && after.starts_with('$') {
        currency = Some("$".into());
        end += 1;
    } else if after.trim_start().starts_with('%') && after.len() - after.trim_start().len() <= 1 {
        unit = Some("%".into());
        end += after.find('%').unwrap_or(0) + 1;
    } else if let Some(n) = tokens.get(next) {
        let w = n.lower.as_str();
        if w == "percent" || (w == "per" && tokens.get(next + 1).is_some_and(|c| c.lower == "cent"))
        {
            unit = Some("%".into());
            next += if w == "per" { 2 } else { 1 };
            end = tokens[next - 1].end;
        } else if let Some(code) = CURRENCY_WORDS
            .iter()
            .find(|(c, _)| *c == w)
            .map(|&(_, c)| c)
        {
            if currency.is_none() || currency.as_deref() == Some("$") {
                currency = Some(code.to_string());
            }
            if code == "$" && next > 0 && tokens.get(next.wrapping_sub(1)).is_some() {
                // "10 million US dollars"
                if next >= 2 && tokens[next - 1].lower == "us" {
                    currency = Some("USD".into());
                }
            }
            next += 1;
            end = n.end;
        } else if w == "us"
            && tokens
                .get(next + 1)
                .is_some_and(|d| d.lower.starts_with("dollar"))
        {
            currency = Some("USD".into());
            next += 2;
            end = tokens[next - 1].end;
        } else if w == "degrees" || w == "degree" {
            let scale = tokens.get(next + 1).map(|s| s.lower.as_str());
            let u = match scale {
                Some("celsius" | "centigrade" | "c") => "°c",
                Some("fahrenheit" | "f") => "°f",
                _ => "°",
            };
            unit = Some(u.into());
            next += if u == "°" { 1 } else { 2 };
            end = tokens[next - 1].end;
        }
    }
    if currency.is_some() {
        unit = currency;
    }
    // The counted head noun.
    if unit.is_none() {
        unit = counted(text, tokens, i, start, next, value, bound, ordinal);
    }
    Some((
        Quantity {
            start,
            end,
            value,
            bound: bound_before(tokens, i, start, text).unwrap_or(bound),
            unit,
            ordinal,
        },
        next,
    ))
    .map(|(mut q, n)| {
        if q.bound != Bound::Exact {
            // Widen the span over the bound phrase so a difference covers "more than two".
            if let Some(s) = bound_start(tokens, i, start, text) {
                q.start = s;
            }
        }
        if bound == Bound::Vague && q.bound != Bound::Vague {
            q.bound = Bound::Vague;
        }
        (q, n)
    })
}
