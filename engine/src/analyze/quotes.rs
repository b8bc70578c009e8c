//! Quotations: spans inside double or single quote marks (straight or curly), who is quoted,
//! and where two renderings of the same quote differ in wording that matters.
//!
//! Outlets quote one statement in different translations; only a change of tone or meaning
//! ("ill-considered" vs "reckless", a dropped "not") should count as a difference, never a
//! spelling variant or a reordering.

use std::collections::HashSet;

use similar::{capture_diff_slices, Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

use super::{Attribution, Quote};
use crate::lexicon::negation::{QUOTE_NEGATORS as NEGATORS, QUOTE_PREFIXES};
use crate::lexicon::stop::QUOTE_LIGHT;
use crate::lexicon::synonyms::QUOTES as SYNONYMS;

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Double,
    Single,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Every top-level quotation of a segment; a quote still open at the end of the segment runs to
/// its end, and a closing curly mark with no opening one closes a quote begun in an earlier
/// segment.
pub fn extract(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let last_closer = last_single_closer(&chars);
    let mut open: Option<(Mark, usize)> = None;
    let mut first_mark_seen = false;
    for (k, &(pos, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let after = pos + c.len_utf8();
        match (open, c) {
            (None, '"') => {
                // A lone straight mark after words and before a space closes a quote that
                // began in an earlier segment.
                let closes = !first_mark_seen
                    && prev.is_some_and(|p| !p.is_whitespace())
                    && !is_word(next)
                    && !text[after..].contains('"');
                if closes {
                    push(text, 0, pos, &mut out);
                } else {
                    open = Some((Mark::Double, after));
                }
            }
            (None, '\u{201C}' | '\u{201E}' | '\u{00AB}') => open = Some((Mark::Double, after)),
            (None, '\u{201D}' | '\u{00BB}') if !first_mark_seen => push(text, 0, pos, &mut out),
            (None, '\u{2018}') if !is_word(prev) && (is_word(next) || next == Some('\u{201C}')) => {
                open = Some((Mark::Single, after));
            }
            (None, '\'')
                if is_word(next)
                    && prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p))
                    // Only an opening mark if a closing one follows; else an elision ('tis).
                    && last_closer.is_some_and(|l| l > k) =>
            {
                open = Some((Mark::Single, after));
            }
            (Some((Mark::Double, s)), '"' | '\u{201D}' | '\u{00BB}') => {
                push(text, s, pos, &mut out);
                open = None;
            }
            (Some((Mark::Single, s)), '\u{2019}' | '\'')
                if !is_word(next) && !prev.is_some_and(char::is_whitespace) =>
            {
                // "countries' allies" inside a single-quoted span is rare; a closing mark is
                // one not followed by a letter.
                push(text, s, pos, &mut out);
                open = None;
            }
            _ => {}
        }
        if matches!(
            c,
            '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
        ) || open.is_some()
        {
            first_mark_seen = true;
        }
    }
    if let Some((m, s)) = open {
        let rest = &text[s..];
        if m == Mark::Double || rest.trim().contains(' ') {
            push(text, s, text.len(), &mut out);
        }
    }
    out
}

/// Index of the last char that could close a single-quoted span, so the test "is there a
/// closing mark ahead" is constant time (a hostile text full of apostrophes stays linear).
fn last_single_closer(chars: &[(usize, char)]) -> Option<usize> {
    (1..chars.len()).rev().find(|&k| {
        let c = chars[k].1;
        let next = chars.get(k + 1).map(|&(_, c)| c);
        matches!(c, '\'' | '\u{2019}') && !is_word(next) && !chars[k - 1].1.is_whitespace()
    })
}

fn push(text: &str, s: usize, e: usize, out: &mut Vec<Quote>) {
    let Some(slice) = text.get(s..e) else { return };
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (s + lead, e - trail);
    if s < e && text[s..e].chars().any(char::is_alphanumeric) {
        out.push(Quote {
            start: s,
            end: e,
            speaker: None,
        });
    }
}

/// Gives each quote the speaker of the nearest reporting verb outside any quote: the one after
/// it ("…," the ministry said) first, else the one before it (Rama said: "…").
pub fn link_speakers(quotes: &mut [Quote], attributions: &[Attribution]) {
    // Attributions come in text order; binary searches keep this near-linear.
    let outside: Vec<&Attribution> = attributions
        .iter()
        .filter(|a| !a.in_quote && a.speaker.is_some())
        .collect();
    for q in quotes.iter_mut() {
        let i = outside.partition_point(|a| a.start < q.end);
        let after = outside.get(i);
        let j = outside.partition_point(|a| a.end <= q.start);
        let before = j.checked_sub(1).and_then(|j| outside.get(j));
        q.speaker = after.or(before).and_then(|a| a.speaker);
    }
}

/// A word of a quote: its span and a key that ignores spelling variants.
#[derive(Debug, Clone, PartialEq)]
struct W {
    start: usize,
    end: usize,
    key: String,
    lower: String,
}

fn words(s: &str) -> Vec<W> {
    s.unicode_word_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| {
            let lower = crate::text::normalize(w);
            W {
                start,
                end: start + w.len(),
                key: spelling_key(&lower),
                lower,
            }
        })
        .collect()
}

/// British and American spellings to one form, then the stem.
fn spelling_key(lower: &str) -> String {
    let mut w = lower
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .to_string();
    for (from, to) in [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("tre", "ter"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ence", "ense"),
    ] {
        if w.len() > from.len() + 2 && w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            break;
        }
    }
    super::stem(&w)
}

fn is_neg(lower: &str) -> bool {
    NEGATORS.contains(&lower) || lower.ends_with("n't")
}

/// Light words that change no claim when swapped in a translation.
fn is_light(lower: &str) -> bool {
    super::is_stop(lower) || QUOTE_LIGHT.contains(&lower)
}

fn synonyms(a: &str, b: &str) -> bool {
    a == b
        || SYNONYMS.iter().any(|g| {
            g.iter()
                .any(|w| a.starts_with(w) || w.starts_with(a) && a.len() >= 4)
                && g.iter()
                    .any(|w| b.starts_with(w) || w.starts_with(b) && b.len() >= 4)
        })
}

/// A prefix that negates a word: "irreprehensible" against "reprehensible".
fn negated_pair(a: &str, b: &str) -> bool {
    let (s, l) = if a.len() < b.len() { (a, b) } else { (b, a) };
    QUOTE_PREFIXES.iter().any(|p| l.strip_prefix(p) == Some(s))
}

/// Given two renderings of the same quote, the spans (in `a`, in `b`) of the first wording
/// difference that changes meaning or tone, or `None` when they say the same thing.
///
/// Ignored: spelling variants (neutralise/neutralize), inflection (friendly/friends), reordered
/// words, function words, inserted or dropped modifiers, general-vocabulary synonyms
/// ("committed by"/"carried out by"), and long rewordings (a whole clause translated anew is
/// not a word difference). Flagged: a negation present on one side only ("not", or a negating
/// prefix: "reprehensible"/"irreprehensible"), a changed number, and a short substitution of
/// content words that are not synonyms ("ill-considered" vs "reckless").
pub fn quote_words_differ(a: &str, b: &str) -> Option<((usize, usize), (usize, usize))> {
    // One text twice has the same words, whose diff is all equal: nothing differs. Said first
    // because a cluster compares many quotes to their verbatim copies, and reading the words
    // (segmenting, normalising, stemming) was most of a 200-article build's quote work.
    if a == b {
        return None;
    }
    quote_words_differ_read(a, &quote_words(a), b, &quote_words(b))
}

/// The words of one quote's text, read once (`quote_words`), for `quote_words_differ_read`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuoteWords(Vec<W>);

/// The words of quote text `q`: what `quote_words_differ` reads of it.
pub fn quote_words(q: &str) -> QuoteWords {
    QuoteWords(words(q))
}

/// `quote_words_differ(a, b)`, `wa` and `wb` being `quote_words(a)` and `quote_words(b)`. Why:
/// a cluster compares a claim's quote with a quote of every other article, and reading its
/// words (segmenting, normalising, stemming) again for each was a few percent of a build.
pub fn quote_words_differ_read(
    a: &str,
    wa: &QuoteWords,
    b: &str,
    wb: &QuoteWords,
) -> Option<((usize, usize), (usize, usize))> {
    if a == b {
        return None;
    }
    let (wa, wb) = (&wa.0, &wb.0);
    if wa.is_empty() || wb.is_empty() {
        return None;
    }
    let ka: Vec<&str> = wa.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|w| w.key.as_str()).collect();
    let in_a: HashSet<&str> = ka.iter().copied().collect();
    let in_b: HashSet<&str> = kb.iter().copied().collect();
    let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let span = |ws: &[W], r: std::ops::Range<usize>| -> Option<(usize, usize)> {
        let f = ws.get(r.start)?;
        let l = ws.get(r.end.checked_sub(1)?)?;
        Some((f.start, l.end))
    };
    // Negation on one side only, as an insertion, deletion or inside a substitution.
    let neg_a = wa.iter().filter(|w| is_neg(&w.lower)).count();
    let neg_b = wb.iter().filter(|w| is_neg(&w.lower)).count();
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for op in &ops {
        let (ra, rb) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        // The neighbouring word anchors a pure insertion or deletion on the other side.
        let anchor = |ws: &[W], r: &std::ops::Range<usize>| {
            if r.is_empty() {
                let i = r.start.min(ws.len().saturating_sub(1));
                span(ws, i..i + 1)
            } else {
                span(ws, r.clone())
            }
        };
        let da: Vec<&W> = wa[ra.clone()]
            .iter()
            .filter(|w| !in_b.contains(w.key.as_str()))
            .collect();
        let db: Vec<&W> = wb[rb.clone()]
            .iter()
            .filter(|w| !in_a.contains(w.key.as_str()))
            .collect();
        let nega = da.iter().filter(|w| is_neg(&w.lower)).count();
        let negb = db.iter().filter(|w| is_neg(&w.lower)).count();
        if (nega > 0 || negb > 0) && neg_a != neg_b && ra.len() <= 2 && rb.len() <= 2 {
            return Some((anchor(wa, &ra)?, anchor(wb, &rb)?));
        }
        // "failed" against "did not achieve": a negation inside a longer rewording is a
        // paraphrase, not a reversal.
        if nega > 0 || negb > 0 {
            continue;
        }
        let ca: Vec<&W> = da.iter().copied().filter(|w| !is_light(&w.lower)).collect();
        let cb: Vec<&W> = db.iter().copied().filter(|w| !is_light(&w.lower)).collect();
        // A negating prefix on the same word.
        for x in &ca {
            for y in &cb {
                if negated_pair(&x.lower, &y.lower) {
                    return Some(((x.start, x.end), (y.start, y.end)));
                }
            }
        }
        if best.is_some() || ca.is_empty() || cb.is_empty() || ca.len() > 2 || cb.len() > 2 {
            continue;
        }
        // A changed figure.
        let num = |w: &&W| w.lower.chars().any(|c| c.is_ascii_digit());
        if ca.iter().any(num) && cb.iter().any(num) {
            best = Some((
                (ca[0].start, ca[ca.len() - 1].end),
                (cb[0].start, cb[cb.len() - 1].end),
            ));
            continue;
        }
        let related = ca.iter().any(|x| {
            cb.iter()
                .any(|y| synonyms(&x.key, &y.key) || shared_prefix(&x.key, &y.key))
        });
        if !related {
            best = Some((
                (ca[0].start, ca[ca.len() - 1].end),
                (cb[0].start, cb[cb.len() - 1].end),
            ));
        }
    }
    // A substitution only counts when the quotes are otherwise close: most content words shared.
    let content = |ws: &[W]| ws.iter().filter(|w| !is_light(&w.lower)).count();
    let shared = wa
        .iter()
        .filter(|w| !is_light(&w.lower) && in_b.contains(w.key.as_str()))
        .count();
    let close = shared * 3 >= content(wa).min(content(wb)).max(1) * 2;
    best.filter(|_| close)
}

/// Forms of one word the stemmer leaves apart ("paralyse"/"paralysing" are caught by the key;
/// this catches "cripple"/"crippling" style pairs).
fn shared_prefix(a: &str, b: &str) -> bool {
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    n >= 5 || (n >= 4 && n + 1 >= a.len().min(b.len()))
}
