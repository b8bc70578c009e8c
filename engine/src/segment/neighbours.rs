//! Furniture known by its neighbours, decided after the line walk and before the heading pass.
//!
//! A picture's caption and its credit are often printed on separate lines ("Rescuers search a
//! collapsed house in the valley." then "Jane Doe / AFP - Getty Images"), a caption may end in
//! a bare wire-service name ("Crowds filled the square on Sunday. AP"), and a link label may
//! stand on its own line above the titles it links to ("Also read" then "Storm batters the
//! coast"). None of these lines looks like furniture alone, but together they do:
//!
//! - a one-sentence line next to a picture line (a credit, or a caption ending in one) is a
//!   caption when it reads like one: a present-tense description of what people in the picture
//!   do ("Protesters hold placards ...", "A man votes ..."), with no attribution, no quotation
//!   and no figures. A report's past tense ("Voters have moved against ...") stays a claim,
//!   and so does the lede: only a line after the report's first sentence can be a caption, so
//!   a present-tense lede under the lead picture's credit is never swallowed;
//! - a line of one or two sentences ending in a wire service's name is a caption with its
//!   credit, unless it is the article's last line: there the name is the wire's sign-off under
//!   the report, and the sentence is the report's;
//! - up to three title lines (no final stop) right under a link label alone on its line are
//!   the linked stories' titles, once the report has begun (above it, a menu's "Top stories"
//!   may stand right over the article's own title).
//!
//! Each line looks only at the lines next to it (at most three ahead), so the pass is linear.

use super::boiler::{ends_with_full_stop, is_caption, LineClass};
use super::{LineSegs, RawSegment};
use crate::lexicon;
use crate::lexicon::grammar::{CAPTION_DETERMINERS as DETERMINERS, REPORT_OPENERS, SUBORDINATORS};
use crate::lexicon::verbs::SAME_IN_PAST;
use crate::model::SegmentKind;

fn bare_lower(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// No quotation and no attribution: a caption describes, it does not report speech.
fn plain(t: &str) -> bool {
    !t.contains(['"', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{00BB}'])
        && !t
            .split_whitespace()
            .any(|w| lexicon::verbs::reporting(&bare_lower(w)))
}

/// A figure a report states ("5,000", "50.2", "20%", "$10m", "120"); a day or a year, which
/// captions carry, is not one.
fn figure(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    if !core.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if w.contains(['%', '$', '\u{20AC}', '\u{00A3}']) {
        return true;
    }
    let digits = core.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    match digits.len() {
        1 | 2 => false,
        4 => !digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y)),
        _ => true,
    }
}

/// A sentence that reads like a picture caption: its main clause (the words before any
/// subordinate clause) has a present form ("votes", "hold", "carrying") and no past form or
/// auxiliary at all ("A massive rally was held ..." and "Messi put ... but Mbappe levelled" are
/// reports).
pub(crate) fn caption_sentence(t: &str) -> bool {
    let ws: Vec<&str> = t.split_whitespace().collect();
    if ws.len() < 3 || ws.len() > 40 || !plain(t) || t.contains(['?', '!']) {
        return false;
    }
    if REPORT_OPENERS.contains(&bare_lower(ws[0]).as_str()) || ws.iter().any(|w| figure(w)) {
        return false;
    }
    let mut present = false;
    let mut prev = String::new();
    for (i, w) in ws.iter().enumerate() {
        let lower = bare_lower(w);
        if SUBORDINATORS.contains(&lower.as_str()) {
            break;
        }
        // A participle after a determiner describes a noun ("a flooded street"), and a verb
        // after "to" is an infinitive ("continue to search"): neither is the main verb.
        let attributive = DETERMINERS.contains(&prev.as_str());
        if lexicon::verbs::is_past_or_aux(&lower) && !attributive {
            return false;
        }
        if i > 0
            && prev != "to"
            && !attributive
            && !SAME_IN_PAST.contains(&lower.as_str())
            && lexicon::credits::caption_present(&lower)
        {
            present = true;
        }
        prev = lower;
    }
    present
}

/// The text of a line, from its first segment to its last.
fn line_text<'a>(text: &'a str, out: &[RawSegment], l: &LineSegs) -> &'a str {
    match (
        out.get(l.first),
        l.end.checked_sub(1).and_then(|i| out.get(i)),
    ) {
        (Some(a), Some(b)) if l.first < l.end => text.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

/// A line of the picture: a caption ending in a credit, or a credit alone ("Jane Doe / AP",
/// "Photo: Reuters", "© Jane Doe/dpa").
fn picture_line(text: &str, out: &[RawSegment], l: &LineSegs) -> bool {
    let all_bp = out[l.first..l.end]
        .iter()
        .all(|s| s.kind == SegmentKind::Boilerplate);
    if !all_bp || l.first == l.end {
        return false;
    }
    match l.class {
        LineClass::Caption => true,
        LineClass::Boiler => {
            let t = line_text(text, out, l);
            t.split_whitespace().count() <= 12 && is_caption(t)
        }
        LineClass::Normal => false,
    }
}

/// A line that ends in a wire service's name after a sentence: "Crowds filled the square. AP".
fn wire_credited(t: &str) -> bool {
    let Some((before, last)) = t.trim_end().rsplit_once(' ') else {
        return false;
    };
    let before = before
        .trim_end()
        .trim_end_matches(['"', '\u{201D}', '\u{2019}', ')']);
    lexicon::credits::wire_service(last) && before.ends_with(['.', '!', '?'])
}

pub(crate) fn mark(text: &str, out: &mut [RawSegment], lines: &[LineSegs]) {
    let last_content = lines.iter().rposition(|l| {
        out[l.first..l.end]
            .iter()
            .any(|s| s.kind != SegmentKind::Boilerplate)
    });
    // Whether a report sentence (a claim with a full stop) came before the current line.
    let mut report_started = false;
    for k in 0..lines.len() {
        let l = &lines[k];
        let n = l.end - l.first;
        let started = report_started;
        report_started |= reports(text, out, l);
        if l.class != LineClass::Normal
            || n == 0
            || out[l.first..l.end]
                .iter()
                .any(|s| s.kind != SegmentKind::Claim)
        {
            continue;
        }
        let t = line_text(text, out, l);
        let credited = n <= 3 && Some(k) != last_content && wire_credited(t) && plain(t);
        let beside = || {
            started
                && n == 1
                && ends_with_full_stop(t)
                && caption_sentence(t)
                && ((k > 0 && picture_line(text, out, &lines[k - 1]))
                    || lines.get(k + 1).is_some_and(|x| picture_line(text, out, x)))
        };
        if credited || beside() {
            for s in &mut out[l.first..l.end] {
                s.kind = SegmentKind::Boilerplate;
            }
        }
    }
    link_titles(text, out, lines);
}

/// Whether a line holds a report sentence: a claim ending in a full stop.
fn reports(text: &str, out: &[RawSegment], l: &LineSegs) -> bool {
    l.class == LineClass::Normal
        && out[l.first..l.end].iter().any(|s| {
            s.kind == SegmentKind::Claim
                && ends_with_full_stop(text.get(s.start..s.end).unwrap_or(""))
        })
}

/// A link label alone on its line: "Also read", "Related stories:", "SEE ALSO".
fn link_label(t: &str) -> bool {
    let lower = t.to_lowercase().replace('\u{2019}', "'");
    let bare = lower.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '>' | '\u{203A}' | '\u{00BB}' | '|' | '-')
    });
    lexicon::page::LINK_LABELS.contains(&bare)
}

/// Title lines right under a link label: no final stop, capitalised, short, no attribution.
/// Only after the report has begun: a label among the menus above the article ("Top stories")
/// may stand right over the article's own title.
fn link_titles(text: &str, out: &mut [RawSegment], lines: &[LineSegs]) {
    let mut report_started = false;
    for k in 0..lines.len() {
        let l = &lines[k];
        let started = report_started;
        report_started |= reports(text, out, l);
        if !started || l.first == l.end || !link_label(line_text(text, out, l)) {
            continue;
        }
        for x in lines.iter().skip(k + 1).take(3) {
            let t = line_text(text, out, x);
            let title = x.class == LineClass::Normal
                && x.first < x.end
                && out[x.first..x.end]
                    .iter()
                    .all(|s| s.kind == SegmentKind::Claim)
                && !ends_with_full_stop(t)
                && t.starts_with(char::is_uppercase)
                && (2..=20).contains(&t.split_whitespace().count())
                && plain(t);
            if !title {
                break;
            }
            for s in &mut out[x.first..x.end] {
                s.kind = SegmentKind::Boilerplate;
            }
        }
    }
}
