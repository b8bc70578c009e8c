//! Segmentation: an article's text into sentence-like segments with byte spans, each marked
//! claim, headline or boilerplate.
//!
//! Spans always index the original text, never a normalised copy, so the widget can show the
//! article exactly as published and the export's `start..end` slices give the segment back.
//!
//! The work is line by line, in one pass: whole-line rules first (`boiler.rs`: URLs, stamps,
//! captions, tag lines, list intros, page furniture; `byline.rs`: bylines, author names, wire
//! credits), then, within a line (`inline.rs`), link openers, bylines and date stamps that a
//! lost line break glued to a sentence, picture credits, caption labels ("Image caption, ...")
//! and embedded posts' signatures standing on their own, and sentence boundaries
//! (`sentences.rs`, `lists.rs`). A pass over the lines then marks what is furniture by its
//! neighbours (`neighbours.rs`: a caption beside its credit line, titles under a link label),
//! the next decides which segments are the title and subheadings (`heading.rs`), and a last
//! one marks captions the page printed twice (`repeats.rs`, one hash map). Every step looks a
//! bounded distance around its position, so time is linear in the length of the text.

mod boiler;
mod byline;
mod dates;
mod heading;
mod inline;
mod lists;
mod neighbours;
mod repeats;
mod sentences;

pub use dates::text_date;

use crate::model::SegmentKind;
use boiler::LineClass;

/// A segment before it gets a database id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSegment {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    /// Index of the non-empty block (line) the segment belongs to; a line break lost between
    /// boilerplate and a sentence counts as a block boundary.
    pub paragraph: u32,
}

/// The segments of one line of the text, for the heading pass.
#[derive(Debug, Clone)]
pub(crate) struct LineSegs {
    /// Range of indices into the segment list.
    pub first: usize,
    pub end: usize,
    pub class: LineClass,
}

/// Splits `text` into segments. Invariants: spans are on char boundaries, in order,
/// non-overlapping, trimmed of surrounding white space, and never empty.
pub fn segment(text: &str) -> Vec<RawSegment> {
    let mut b = Builder {
        text,
        out: Vec::new(),
        lines: Vec::new(),
        paragraph: 0,
        seen_content: false,
    };
    for (s, e) in lines(text) {
        b.line(s, e);
    }
    neighbours::mark(text, &mut b.out, &b.lines);
    heading::classify(text, &mut b.out, &b.lines);
    repeats::mark(text, &mut b.out, &b.lines);
    b.out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Byte ranges of the lines of `text`, without their line breaks; a sentence wrapped onto the
/// next line (see [`wraps_on`]) is one line.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| match out.last_mut() {
        Some(last) if wraps_on(text, *last, (s, e)) => last.1 = e,
        _ => out.push((s, e)),
    };
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            if c == '\n' && i == start && text[..i].ends_with('\r') {
                // The `\n` of a `\r\n`: one break, not an empty line between two.
                start = i + 1;
                continue;
            }
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len());
    out
}

/// Whether line `next` continues the sentence of line `prev` across a single line break, as
/// in hard-wrapped or PDF-extracted text ("It was a cold\nnight in the city."): `prev` ends in
/// a lower-case letter or a comma, so no sentence, heading or caption ends there; it reads as
/// running text (it has a function word, which a list item such as "contact manager" does
/// not); and `next` opens with a lower-case word, which no paragraph or title does. A URL or
/// handle ("pic.twitter.com/...") is not a word, and a blank line always ends a paragraph.
fn wraps_on(text: &str, prev: (usize, usize), next: (usize, usize)) -> bool {
    let (Some(a), Some(gap), Some(b)) = (
        text.get(prev.0..prev.1),
        text.get(prev.1..next.0),
        text.get(next.0..next.1),
    ) else {
        return false;
    };
    if !matches!(gap, "\n" | "\r\n" | "\r") {
        return false;
    }
    let ends_open = a
        .trim_end_matches(is_trim)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',');
    let word = b
        .trim_start_matches(is_trim)
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    let word = word.trim_end_matches([',', ';', ':', '.', '?', '!']);
    let opens_lower = word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic);
    // A line already joined to the one before it qualified then; only its last physical line
    // is read again (reading all of it would make a long wrapped text quadratic).
    let running = a.rfind(is_line_break).is_some()
        || a.split(|c: char| !c.is_alphabetic()).any(|w| {
            !w.is_empty()
                && w.chars().all(char::is_lowercase)
                && crate::lexicon::stop::ANALYSIS.contains(&w)
        });
    ends_open && opens_lower && running
}

/// White space plus the invisible marks that extraction leaves at the edges of lines.
fn is_trim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// `text[s..e]` without surrounding white space, as a byte range; empty when nothing is left.
fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let Some(slice) = text.get(s..e) else {
        return (s, s);
    };
    let lead = slice.len() - slice.trim_start_matches(is_trim).len();
    let trail = slice.len() - slice.trim_end_matches(is_trim).len();
    if lead + trail >= slice.len() {
        return (s, s);
    }
    (s + lead, e - trail)
}

struct Builder<'a> {
    text: &'a str,
    out: Vec<RawSegment>,
    lines: Vec<LineSegs>,
    paragraph: u32,
    seen_content: bool,
}

impl Builder<'_> {
    fn push(&mut self, s: usize, e: usize, kind: SegmentKind) {
        let (s, e) = trim_range(self.text, s, e);
        if s >= e {
            return;
        }
        if self.out.last().is_some_and(|l| l.end > s) {
            return; // never overlap; cannot happen with forward-only positions
        }
        self.out.push(RawSegment {
            start: s,
            end: e,
            kind,
            paragraph: self.paragraph,
        });
    }

    fn skip_space(&self, mut i: usize, e: usize) -> usize {
        while i < e {
            match sentences::char_at(self.text, i) {
                Some(c) if is_trim(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    fn line(&mut self, s: usize, e: usize) {
        let (s, e) = trim_range(self.text, s, e);
        if s >= e {
            return;
        }
        let text = self.text;
        let first = self.out.len();
        let class = boiler::line_class(&text[s..e], self.seen_content);
        match class {
            LineClass::Boiler => self.push(s, e, SegmentKind::Boilerplate),
            LineClass::Caption => self.sentences(s, e, SegmentKind::Boilerplate),
            LineClass::Normal => self.normal_line(s, e),
        }
        if self.out[first..]
            .iter()
            .any(|x| x.kind != SegmentKind::Boilerplate)
        {
            self.seen_content = true;
        }
        self.lines.push(LineSegs {
            first,
            end: self.out.len(),
            class,
        });
        self.paragraph = self.paragraph.saturating_add(1);
    }

    fn sentences(&mut self, mut pos: usize, e: usize, kind: SegmentKind) {
        loop {
            pos = self.skip_space(pos, e);
            if pos >= e {
                break;
            }
            let end = sentences::next_end(self.text, pos, e).max(pos + 1);
            let end = ceil_boundary(self.text, end.min(e));
            self.push(pos, end, kind);
            pos = end;
        }
    }

    /// A line that is not boilerplate as a whole: link openers and stamps glued to sentences,
    /// captions ending in a credit, and sentences.
    fn normal_line(&mut self, s: usize, e: usize) {
        let text = self.text;
        let credits = inline::credit_parens(text, s, e);
        let own = inline::own_spans(text, s, e);
        let mut ci = 0;
        let mut oi = 0;
        let mut pos = s;
        let mut piece_first = self.out.len();
        loop {
            pos = self.skip_space(pos, e);
            if pos >= e {
                break;
            }
            while credits.get(ci).is_some_and(|&(cs, _)| cs < pos) {
                ci += 1;
            }
            while own.get(oi).is_some_and(|&(os, _)| os < pos) {
                oi += 1;
            }
            if let Some(&(os, oe)) = own.get(oi).filter(|&&(os, _)| os == pos) {
                // A caption label, picture credit or post signature on its own; what follows
                // was glued on by a lost line break.
                self.push(os, oe, SegmentKind::Boilerplate);
                pos = oe;
                oi += 1;
                piece_first = self.out.len();
                if self.skip_space(pos, e) < e {
                    self.new_block();
                }
                continue;
            }
            let own_limit = own.get(oi).map_or(e, |&(os, _)| os);
            let limit = credits.get(ci).map_or(e, |&(cs, _)| cs).min(own_limit);
            if credits.get(ci).is_some_and(|&(cs, _)| cs == pos) {
                // A credit ends a caption: everything since the last break is the caption.
                let (cs, ce) = credits[ci];
                for seg in &mut self.out[piece_first..] {
                    seg.kind = SegmentKind::Boilerplate;
                }
                self.push(cs, ce, SegmentKind::Boilerplate);
                pos = ce;
                ci += 1;
                piece_first = self.out.len();
                if self.skip_space(pos, e) < e {
                    self.new_block();
                }
                continue;
            }
            let rest = &text[pos..e];
            // What follows a stamp or a link split off this line may be furniture itself
            // ("date 2021-10-07 Skip to main content"). Furniture is short, and the length cap
            // keeps a line of many glued pieces linear.
            if pos > s
                && piece_first == self.out.len()
                && rest.len() <= 300
                && boiler::line_class(rest, self.seen_content) == LineClass::Boiler
            {
                self.push(pos, e, SegmentKind::Boilerplate);
                break;
            }
            let read = || {
                self.seen_content
                    .then(|| inline::read_link(rest))
                    .flatten()
                    .map(|at| (at, false))
            };
            if let Some((title_at, nav)) = inline::opener(rest).or_else(read) {
                let split = inline::glue_split(text, pos + title_at, e);
                let bp_end = split.unwrap_or(e);
                // Navigation comes after the report: a first line starting "Next" is a title,
                // and a whole line ending in a full stop is a sentence ("Next week ...").
                let sentence_like = nav
                    && (!self.seen_content
                        || (split.is_none() && boiler::ends_with_full_stop(rest)));
                if !sentence_like {
                    self.push(pos, bp_end, SegmentKind::Boilerplate);
                    pos = bp_end;
                    piece_first = self.out.len();
                    if split.is_some() {
                        self.new_block();
                    }
                    continue;
                }
            }
            if let Some(len) = inline::leading_stamp(rest) {
                let end = ceil_boundary(text, pos + len);
                self.push(pos, end, SegmentKind::Boilerplate);
                pos = end;
                piece_first = self.out.len();
                if self.skip_space(pos, e) < e {
                    self.new_block();
                }
                continue;
            }
            let end = sentences::next_end(text, pos, limit).max(pos + 1);
            let end = ceil_boundary(text, end.min(e));
            self.push(pos, end, SegmentKind::Claim);
            pos = end;
        }
        // A line whose first sentence is an agency-style dated caption is a caption, together
        // with the context sentence the picture desk adds after it.
        let line_first = piece_first.min(self.out.len());
        if let Some(first_claim) = self.out[line_first..]
            .iter()
            .position(|x| x.kind == SegmentKind::Claim)
        {
            let seg = &self.out[line_first + first_claim];
            if boiler::dated_caption(&text[seg.start..seg.end]) {
                for x in &mut self.out[line_first + first_claim..] {
                    x.kind = SegmentKind::Boilerplate;
                }
            }
        }
    }

    /// A line break was lost inside the current line: what follows is a new block.
    fn new_block(&mut self) {
        self.paragraph = self.paragraph.saturating_add(1);
    }
}

/// The first char boundary at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}
