//! The second pass: which segments are the article's title and its subheadings, which short
//! lines are bare topic labels, pull quotes or section questions (boilerplate), and which
//! fragments merely repeat the words before them.

use super::boiler::{ends_with_full_stop, LineClass};
use super::sentences::is_opener;
use super::{LineSegs, RawSegment};
use crate::lexicon;
use crate::lexicon::grammar::{DETERMINERS, QUESTION_WORDS, WH_LABELS};
use crate::model::SegmentKind;

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn bare_lower(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn starts_like_title(t: &str) -> bool {
    // List markers of menus and bylines ("• Home", "- By ...") do not count.
    let t = t.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{2022}' | '*' | '-' | '\u{2013}' | '\u{2014}' | '\u{00B7}' | '>'
            )
    });
    // A right single quote before a capital opens a quotation on pages that print one kind
    // of quote ("\u{2019}No way back\u{2019}").
    let t = match t.strip_prefix('\u{2019}') {
        Some(rest) if rest.starts_with(char::is_uppercase) => rest,
        _ => t,
    };
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || is_opener(c)
            || (c.is_alphabetic() && !c.is_lowercase())
    })
}

fn ends_open(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with([',', ';', ':', '-', '\u{2013}', '\u{2014}'])
}

/// A title line: no terminal full stop, not too long, starts like a title.
fn title_like(t: &str) -> bool {
    !ends_with_full_stop(t) && !ends_open(t) && words(t).len() <= 40 && starts_like_title(t)
}

/// A standfirst sentence standing in for a missing title: short, one clause, no attribution.
fn dek_like(t: &str) -> bool {
    let ws = words(t);
    ws.len() <= 25
        && starts_like_title(t)
        && !t.contains([',', '"', '\u{201C}', '\u{201D}', ';'])
        && !ws.iter().any(|w| lexicon::verbs::reporting(&bare_lower(w)))
}

/// Whether a short line states something: it has a verb form in a verb position.
pub(crate) fn has_verb(t: &str) -> bool {
    let ws = words(t);
    let n = ws.len();
    ws.iter().enumerate().any(|(i, w)| {
        let lower = bare_lower(w);
        if lower.is_empty() {
            return false;
        }
        if lexicon::verbs::is_past_or_aux(&lower) {
            return true;
        }
        // A base or "-s" form is a verb only after a subject, and a two-word "Cyber attacks"
        // is a noun phrase, and so is one right after a determiner ("No Plan B", "The vote").
        lexicon::verbs::is_verb_form(&lower)
            && i > 0
            && !(i + 1 == n && n <= 2)
            && !DETERMINERS.contains(&bare_lower(ws[i - 1]).as_str())
    })
}

fn fully_quoted(t: &str) -> bool {
    let t = t.trim();
    let first = t.chars().next();
    let last = t.chars().next_back();
    // A right single quote opens a quotation too on pages that print one kind of quote.
    matches!(
        first,
        Some('"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{2019}' | '\u{00AB}')
    ) && matches!(
        last,
        Some('"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}')
    ) && t.chars().count() > 2
}

/// A section label worded as an indirect question, without a question mark: "How we were
/// removed", "What happens next", "Why it matters". It names a section; it states nothing.
fn wh_label(t: &str) -> bool {
    let ws = words(t);
    ws.len() <= 6
        && ws
            .first()
            .is_some_and(|w| WH_LABELS.contains(&bare_lower(w).as_str()))
}

fn section_question(t: &str) -> bool {
    let trimmed = t.trim_end();
    let ws = words(t);
    trimmed.ends_with('?')
        && ws.len() <= 12
        && !t.starts_with(is_opener)
        && ws
            .first()
            .is_some_and(|w| QUESTION_WORDS.contains(&bare_lower(w).as_str()))
}

/// A short line with no verb and no stop: a section label ("World"), an outlet name, a menu
/// item or a bare byline.
fn short_label(t: &str) -> bool {
    words(t).len() <= 4 && !ends_with_full_stop(t) && !t.trim_end().ends_with('?') && !has_verb(t)
}

pub(crate) fn classify(text: &str, out: &mut [RawSegment], lines: &[LineSegs]) {
    let seg_text = |seg: &RawSegment| text.get(seg.start..seg.end).unwrap_or("");
    // Lines with something that is not boilerplate, in order.
    let content: Vec<&LineSegs> = lines
        .iter()
        .filter(|l| {
            l.class == LineClass::Normal
                && out[l.first..l.end]
                    .iter()
                    .any(|s| s.kind != SegmentKind::Boilerplate)
        })
        .collect();
    let non_bp = |out: &[RawSegment], l: &LineSegs| -> Vec<usize> {
        (l.first..l.end)
            .filter(|&i| out[i].kind != SegmentKind::Boilerplate)
            .collect()
    };
    let span_text = |out: &[RawSegment], idx: &[usize]| -> String {
        match (idx.first(), idx.last()) {
            (Some(&a), Some(&b)) => text.get(out[a].start..out[b].end).unwrap_or("").to_string(),
            _ => String::new(),
        }
    };

    // The header: the leading lines that read like titles (no full stop). The title is the
    // first of them that is a real headline (four words, or a verb); short verbless lines
    // around it are section labels, outlet names, menus and bare bylines.
    let header_len = content
        .iter()
        .take(12)
        .take_while(|l| title_like(&span_text(out, &non_bp(out, l))))
        .count();
    let header: Vec<String> = content[..header_len]
        .iter()
        .map(|l| span_text(out, &non_bp(out, l)))
        .collect();
    let real_title = header.iter().position(|t| {
        let n = words(t).len();
        (n >= 4 || (n >= 2 && has_verb(t))) && super::boiler::glued_joins(t) < 2
    });
    let mut title_pos = None;
    let mut after_header = 0;
    match real_title {
        Some(t) => {
            for (j, line) in content[..header_len].iter().enumerate() {
                let kind = if j == t {
                    SegmentKind::Headline
                } else if short_label(&header[j])
                    || (j < t && super::boiler::glued_joins(&header[j]) >= 2)
                {
                    SegmentKind::Boilerplate
                } else {
                    continue;
                };
                for i in non_bp(out, line) {
                    out[i].kind = kind;
                }
            }
            title_pos = Some(t);
            after_header = header_len;
        }
        None => {
            if let Some(c0) = content.first() {
                let i0 = non_bp(out, c0);
                let t0 = span_text(out, &i0);
                if title_like(&t0) || (i0.len() == 1 && dek_like(&t0)) {
                    for &i in &i0 {
                        out[i].kind = SegmentKind::Headline;
                    }
                    title_pos = Some(0);
                    after_header = 1;
                }
            }
        }
    }

    // Subheadings: a later line that is one short segment without a terminal stop.
    for (n, l) in content.iter().enumerate().skip(after_header) {
        if l.end != l.first + 1 || n + 1 >= content.len() {
            continue;
        }
        // The line right after the title is a standfirst, not a subheading.
        if title_pos.is_some_and(|p| n == p + 1) {
            continue;
        }
        let i = l.first;
        let t = seg_text(&out[i]);
        let ws = words(t);
        if ws.len() > 15 || !starts_like_title(t) {
            continue;
        }
        if section_question(t) {
            out[i].kind = SegmentKind::Boilerplate;
            continue;
        }
        let trimmed = t.trim_end().trim_end_matches(|c: char| {
            matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | '\u{00BB}')
        });
        if trimmed.ends_with(|c: char| super::sentences::is_terminal(c)) || ends_open(trimmed) {
            continue;
        }
        out[i].kind = if fully_quoted(t) || wh_label(t) || !has_verb(t) {
            SegmentKind::Boilerplate
        } else {
            SegmentKind::Headline
        };
    }

    // Fragments that repeat the end of the segment before them ("... in a statement. a
    // statement."), and segments with no letters or digits at all.
    for i in 0..out.len() {
        let t = seg_text(&out[i]);
        if !t.chars().any(char::is_alphanumeric) {
            out[i].kind = SegmentKind::Boilerplate;
            continue;
        }
        if i == 0 || out[i].kind != SegmentKind::Claim || !t.starts_with(char::is_lowercase) {
            continue;
        }
        let ws: Vec<String> = t.split_whitespace().map(bare_lower).collect();
        if ws.is_empty() || ws.len() > 6 || !t.starts_with(char::is_lowercase) {
            continue;
        }
        let prev = seg_text(&out[i - 1]);
        let tail: Vec<String> = prev
            .split_whitespace()
            .rev()
            .take(ws.len())
            .map(bare_lower)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if tail == ws {
            out[i].kind = SegmentKind::Boilerplate;
        }
    }
}
