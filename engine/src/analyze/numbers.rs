//! Numbers and quantities: figures in digits and words, with their bound ("more than", "about"),
//! scale ("9.7 million", "$38M"), currency or unit, and what they count ("24 hours").
//!
//! Reports of one event disagree most checkably on figures; a figure is only comparable with
//! another of the same kind, so each carries its unit and how it is bounded.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{gap, Bound, DateMention, Quantity, Token};
use crate::lexicon::numbers::{
    BOUNDS, CLOCK_SUFFIXES, COUNT_NOUNS, CURRENCY_WORDS, DEATH_STEMS, DEATH_WORDS, DIED_WORDS,
    INJURE_FORMS, INJURY_STEMS, INJURY_WORDS, KILL_FORMS, ORDINALS, PREPOSITIONS, SCALES,
    SCALE_SUFFIXES, SMALL, VAGUE,
};

/// Whether a word can start a figure written in words.
fn number_word(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        SMALL
            .iter()
            .chain(SCALES)
            .chain(ORDINALS)
            .chain(VAGUE)
            .map(|&(n, _)| n)
            .chain(["tens", "few", "handful"])
            .collect()
    })
    .contains(w)
}

fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

fn ws(g: &str) -> bool {
    !g.is_empty() && g.chars().all(char::is_whitespace)
}

fn hyphen(g: &str) -> bool {
    let mut cs = g.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if crate::text::fold_char(c).unwrap_or(c) == '-')
}

/// A digit token: value, ordinal, and any letters glued after it ("m", "bn", "c", "th").
fn parse_digits(lower: &str) -> Option<(f64, String)> {
    let end = lower
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(lower.len(), |(i, _)| i);
    let (num, suffix) = lower.split_at(end);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Thousands separators are commas in groups of three; anything else is not one figure.
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    let s = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let v: f64 = s.parse().ok()?;
    Some((v, suffix.to_string()))
}

/// Whether a word is a number word (so that "twenty-one" and "three hundred" join).
fn word_value(w: &str) -> Option<f64> {
    lookup(SMALL, w).or_else(|| lookup(SCALES, w).filter(|_| w.len() > 3))
}

/// Every quantity of a segment. Tokens inside `dates` (years, days of the month) are skipped.
pub fn extract(text: &str, tokens: &[Token], dates: &[DateMention]) -> Vec<Quantity> {
    let spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    let in_date = |t: &Token| super::within(&spans, t.start, t.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_date(&tokens[i]) {
            i += 1;
            continue;
        }
        match at(text, tokens, i) {
            Some((q, next)) => {
                out.push(q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A quantity whose figure starts at token `i`.
fn at(text: &str, tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
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
        let mut k = next;
        // "thousands of people", "dozens of", "a dozen of".
        if (bound == Bound::Vague || (!ordinal && value >= 12.0))
            && tokens.get(k).is_some_and(|n| n.lower == "of")
        {
            k += 1;
            if tokens
                .get(k)
                .is_some_and(|n| n.lower == "the" || n.lower == "them" || n.lower == "those")
            {
                k = usize::MAX;
            }
        }
        let mut run: Vec<&Token> = Vec::new();
        while let Some(n) = tokens.get(k) {
            // "9.7 million current and former customers".
            let coord = matches!(n.lower.as_str(), "and" | "or")
                && !run.is_empty()
                && tokens
                    .get(k + 1)
                    .is_some_and(|m| !m.stop && !m.capitalized && ws(gap(text, tokens, k, k + 1)));
            if coord && ws(gap(text, tokens, k - 1, k)) {
                k += 1;
                continue;
            }
            if run.len() == 4
                || n.stop
                || PREPOSITIONS.contains(&n.lower.as_str())
                || n.capitalized && !run.is_empty()
                || n.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                break;
            }
            let g = gap(text, tokens, k - 1, k);
            if !(ws(g) || hyphen(g)) {
                break;
            }
            run.push(n);
            k += 1;
        }
        let plural = |t: &&Token| {
            t.lower.len() > 3
                && t.lower.ends_with('s')
                && !t.lower.ends_with("ss")
                && !t.lower.ends_with("us")
                && !t.lower.ends_with("is")
        };
        let head = if ordinal || value == 1.0 {
            // "second cyberattack", "first known case": the noun ends the phrase; stop
            // before what looks like a verb or preposition.
            let mut h = run.first().copied();
            for t in run.iter().skip(1) {
                if t.lower.ends_with("ed") || t.lower.ends_with("ly") {
                    break;
                }
                h = Some(t);
            }
            h
        } else {
            run.iter()
                .find(|t| plural(t))
                .copied()
                .or(run.first().copied().filter(|t| !t.lower.ends_with("ed")))
        };
        if let Some(h) = head {
            if (!h.capitalized || plural(&h)) && !h.lower.ends_with("ing") {
                unit = Some(h.stem.clone());
            }
        }
        if unit.is_none()
            && tokens
                .get(next)
                .is_some_and(|n| DEATH_WORDS.contains(&n.lower.as_str()))
        {
            unit = Some("death".into());
        }
        if unit.is_none()
            && tokens
                .get(next)
                .is_some_and(|n| INJURY_WORDS.contains(&n.lower.as_str()))
        {
            unit = Some("injuri".into());
        }
        if unit.is_none() && !ordinal {
            unit = counted_before(text, tokens, i, start);
        }
        // "killed 18,400 people", "16,500 people have been reported dead": people counted
        // as dead or hurt are deaths or injuries.
        if matches!(unit.as_deref(), Some("peopl" | "person")) {
            let before_fig = figure_index(tokens, i, start);
            let before_fig = bound_start(tokens, i, start, text)
                .and_then(|s| tokens.iter().position(|t| t.start == s))
                .unwrap_or(before_fig);
            let prev = before_fig.checked_sub(1).map(|j| tokens[j].lower.as_str());
            let after: Vec<&str> = tokens
                .iter()
                .skip(next)
                .take(6)
                .take_while(|t| !t.lower.starts_with(|c: char| c.is_ascii_digit()))
                .map(|t| t.lower.as_str())
                .collect();
            let says = |ws: &[&str]| after.iter().any(|w| ws.contains(w));
            if prev.is_some_and(|p| KILL_FORMS.contains(&p)) || says(DIED_WORDS) {
                unit = Some("death".into());
            } else if prev.is_some_and(|p| INJURE_FORMS.contains(&p)) || says(INJURY_WORDS) {
                unit = Some("injuri".into());
            }
        }
        // One count in different words: "18,400 killed", "18,400 dead", "18,400 deaths".
        if let Some(u) = unit.as_deref() {
            if DEATH_STEMS.contains(&u) {
                unit = Some("death".into());
            } else if INJURY_STEMS.contains(&u) {
                unit = Some("injuri".into());
            }
        }
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

/// What a figure with no noun after it counts, named before it: "the death toll rose to
/// 20,000" counts deaths, "the number of injured reached 3,000" counts the injured, "killed
/// more than 19,300" counts deaths.
fn counted_before(text: &str, tokens: &[Token], i: usize, start: usize) -> Option<String> {
    let fig = figure_index(tokens, i, start);
    let fig = bound_start(tokens, i, start, text)
        .and_then(|s| tokens.iter().position(|t| t.start == s))
        .unwrap_or(fig);
    if let Some(p) = fig.checked_sub(1).and_then(|j| tokens.get(j)) {
        if KILL_FORMS.contains(&p.lower.as_str()) {
            return Some("death".into());
        }
    }
    let lo = fig.saturating_sub(14);
    for k in (lo..fig).rev() {
        if gap(text, tokens, k, k + 1).contains(['.', ';', ':', '(', ')']) {
            return None;
        }
        let w = tokens[k].lower.as_str();
        // Another figure in between has already taken the noun.
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if COUNT_NOUNS.contains(&w) {
            if tokens.get(k + 1).is_some_and(|n| n.lower == "of") {
                if let Some(n) = tokens.get(k + 2).filter(|n| !n.stop && k + 2 < fig) {
                    return Some(n.stem.clone());
                }
            }
            let modifier = k
                .checked_sub(1)
                .and_then(|j| tokens.get(j))
                .filter(|p| !p.stop && (!p.capitalized || k == 1))
                .map(|p| p.stem.clone());
            // A toll with no qualifier is a death toll.
            return modifier.or_else(|| (w == "toll").then(|| "death".to_string()));
        }
    }
    None
}

/// Token index where the figure (possibly with its currency) begins.
fn figure_index(tokens: &[Token], i: usize, start: usize) -> usize {
    let mut k = i;
    while k > 0 && tokens[k - 1].start >= start {
        k -= 1;
    }
    k
}

fn bound_match(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<(Bound, usize)> {
    let k = figure_index(tokens, i, start);
    for (phrase, b) in BOUNDS {
        let n = phrase.len();
        if k < n {
            continue;
        }
        let s = k - n;
        if tokens[s..k]
            .iter()
            .zip(phrase.iter())
            .all(|(t, w)| t.lower == *w)
        {
            // Only white space between the phrase and the figure, and inside the phrase.
            let tight = (s..k).all(|j| {
                let g = if j + 1 < k {
                    gap(text, tokens, j, j + 1)
                } else {
                    text.get(tokens[j].end..start).unwrap_or("")
                };
                g.chars().all(char::is_whitespace) && !g.is_empty()
            });
            if tight {
                return Some((*b, tokens[s].start));
            }
        }
    }
    None
}

fn bound_before(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<Bound> {
    bound_match(tokens, i, start, text).map(|(b, _)| b)
}

fn bound_start(tokens: &[Token], i: usize, start: usize, text: &str) -> Option<usize> {
    bound_match(tokens, i, start, text).map(|(_, s)| s)
}
