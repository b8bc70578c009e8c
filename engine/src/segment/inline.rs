//! Furniture inside a line: a date stamp, link opener or picture credit that a lost line break
//! glued to a sentence, and where such text ends and the sentence begins. Every look is bounded
//! to the line and made in one forward pass, so a line of any length is read in linear time.

use super::boiler::starts_with_ignore_ascii_case;
use super::dates;
use super::sentences::{char_at, char_before, is_terminal};
use crate::lexicon;

/// A metadata date stamp at the start of `s` ("date 2022-09-10", "Published: 10 Sep 2022"),
/// possibly glued to the sentence after it. Returns the end (relative to `s`) of the stamp.
pub(crate) fn leading_stamp(s: &str) -> Option<usize> {
    let (value, labelled) = match dates::strip_date_label(s) {
        Some((_, v)) => (v, true),
        None => (0, false),
    };
    let rest = s.get(value..)?;
    let run = dates::date_run(rest);
    if !run.has_digit {
        return None;
    }
    // Without a label only an ISO date is unambiguous enough to split off.
    if !labelled && run.date.is_none() {
        return None;
    }
    if !labelled && !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut end = value + run.end;
    let mut after = s.get(end..)?.trim_start();
    // A year glued to the first word of the sentence: "Published 10 Sep 2022Albania ...".
    if labelled {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let glued = after.get(digits..).is_some_and(|t| {
            let mut cs = t.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
        });
        if (1..=4).contains(&digits) && glued {
            end = s.len() - after.len() + digits;
            after = &after[digits..];
        } else if let Some(q) = glued_filler(after) {
            // A time word glued likewise: "Updated 4 June 2023, 11:05 amThe ...".
            end = s.len() - after.len() + q;
            after = &after[q..];
        }
    }
    if after.is_empty()
        || after.starts_with(|c: char| c.is_uppercase() || super::sentences::is_opener(c))
    {
        Some(end)
    } else {
        None
    }
}

/// Where a date or time word ("am", "GMT", "p.m.") at the start of `s` ends when a capitalised
/// word is glued to it ("amThe", "GMTRescuers"); looks at most 8 bytes in.
fn glued_filler(s: &str) -> Option<usize> {
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in s.char_indices().take(8) {
        if c.is_whitespace() {
            return None;
        }
        if let Some((pi, p)) = prev {
            if p.is_uppercase() && c.is_lowercase() && pi > 0 {
                let word = s[..pi].to_lowercase();
                return lexicon::dates::date_filler(&word).then_some(pi);
            }
        }
        prev = Some((i, c));
    }
    None
}

/// A link or navigation opener at the start of `s` ("SEE ALSO:", "Read more:", "Previous",
/// "Next"). Returns where the link title starts and whether it is navigation.
pub(crate) fn opener(s: &str) -> Option<(usize, bool)> {
    for o in lexicon::page::LINK_OPENERS {
        if starts_with_ignore_ascii_case(s, o) {
            let rest = &s[o.len()..];
            return Some((s.len() - rest.trim_start().len(), false));
        }
    }
    for o in lexicon::page::NAV_OPENERS {
        if let Some(rest) = s.strip_prefix(o) {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            if rest.len() == s.len() - o.len() && !rest.is_empty() {
                continue; // "Nextdoor"
            }
            if rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || rest.is_empty()
            {
                return Some((s.len() - rest.len(), true));
            }
        }
    }
    None
}

/// "Read Floods Cut Off Villages": a capitalised title after a bare "Read" (or "Also read"),
/// as a whole line without a final stop or with a sentence glued on; "Read the statement."
/// stays a sentence. Returns where the title starts. The caller asks only once the report has
/// begun: above it, such a line is the article's own title ("Read Across The City ...").
pub(crate) fn read_link(s: &str) -> Option<usize> {
    for o in lexicon::page::READ_OPENERS {
        if let Some(rest) = s.strip_prefix(o) {
            let titled = rest.starts_with(|c: char| c.is_uppercase())
                && rest.split_whitespace().nth(2).is_some()
                && (!super::boiler::ends_with_full_stop(rest)
                    || glue_split(s, o.len(), s.len()).is_some());
            if titled {
                return Some(o.len());
            }
        }
    }
    None
}

/// Where a sentence glued to a link title begins. The title runs in Title Case (or sentence
/// case) and the sentence starts at a capital that directly follows a lower-case letter, a
/// digit or a closing mark with no space (`...AlbaniaPrime Minister ...`). Title Case titles
/// split at the last such point before the first lower-case content word; sentence-case titles
/// at the first point after it.
pub(crate) fn glue_split(text: &str, from: usize, end: usize) -> Option<usize> {
    let s = text.get(from..end)?;
    let mut last: Option<usize> = None;
    let mut past_title = false;
    let mut word_start: Option<usize> = None;
    let mut words_done = 0usize;
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c.is_whitespace() {
            if let Some(ws) = word_start.take() {
                words_done += 1;
                if !past_title && content_lowercase(&s[ws..i]) {
                    if last.is_some() {
                        return last.map(|l| from + l);
                    }
                    past_title = true;
                }
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        } else if c.is_uppercase() {
            let (glued, starts_word) = match prev {
                Some(p) if p.is_lowercase() => (
                    prev2.is_some_and(char::is_lowercase),
                    next.is_some_and(|n| {
                        n.is_lowercase()
                            || n.is_uppercase()
                            || (n.is_whitespace() && matches!(c, 'A' | 'I'))
                    }),
                ),
                Some(p) if p.is_ascii_digit() => (true, next.is_some_and(char::is_lowercase)),
                Some(p) => (
                    matches!(
                        p,
                        '.' | '!'
                            | '?'
                            | '"'
                            | '\u{201C}'
                            | '\u{201D}'
                            | '\u{2018}'
                            | '\u{2019}'
                            | ')'
                    ) && prev2
                        .is_some_and(|q| q.is_lowercase() || q.is_ascii_digit() || is_terminal(q)),
                    next.is_some_and(|n| n.is_lowercase() || n.is_uppercase()),
                ),
                None => (false, false),
            };
            if glued && starts_word {
                // A glued opening quote belongs to the sentence it opens.
                let at = match prev {
                    Some(q @ ('"' | '\u{201C}' | '\u{2018}')) => i - q.len_utf8(),
                    _ => i,
                };
                if past_title {
                    return Some(from + at);
                }
                // A Title Case title has at least one whole word before the glued sentence;
                // a capital inside the title's first word is a brand ("YouTube").
                if words_done >= 1 {
                    last = Some(at);
                }
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
    // The last word, if the line ends inside the sentence.
    if let Some(ws) = word_start {
        if !past_title && content_lowercase(&s[ws..]) {
            return last.map(|l| from + l);
        }
    }
    None
}

/// A lower-case word that is not one of the small words Title Case leaves lower case.
fn content_lowercase(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    core.chars().next().is_some_and(char::is_lowercase)
        && !lexicon::sentences::title_small(&core.to_lowercase())
}

/// Picture credits in parentheses within `text[s..e]` ("(AP Photo)", "(Photo: Jane Doe/AFP)")
/// that end a caption: at the end of the line or directly before a new sentence.
pub(crate) fn credit_parens(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(line) = text.get(s..e) else {
        return out;
    };
    for (open, _) in line.match_indices('(') {
        if out.last().is_some_and(|&(_, b)| s + open < b) {
            continue;
        }
        let window_end = (open + 100).min(line.len());
        let mut close = None;
        for (j, c) in line.get(open + 1..).unwrap_or("").char_indices() {
            if open + 1 + j >= window_end || c == '(' {
                break;
            }
            if c == ')' {
                close = Some(open + 1 + j);
                break;
            }
        }
        let Some(close) = close else { continue };
        let content = line[open + 1..close].to_lowercase();
        // "(PHOTOS)" after a title is a label, not a credit; credits name someone.
        if content.split_whitespace().count() < 2 && !content.contains(['/', ':']) {
            continue;
        }
        let credit = lexicon::page::CREDIT_WORDS
            .iter()
            .any(|w| has_word(&content, w))
            || (content.contains('/')
                && content.split('/').any(|p| lexicon::page::agency(p.trim())));
        if !credit {
            continue;
        }
        let after = &line[close + 1..];
        let rest =
            after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
        let ok = rest.is_empty()
            || rest.starts_with(|c: char| c.is_uppercase() || super::sentences::is_opener(c));
        if ok {
            out.push((s + open, s + close + 1));
        }
    }
    out
}

fn has_word(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, _)| {
        let before = char_before(hay, i);
        let after = char_at(hay, i + w.len());
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Furniture that stands on its own inside `text[s..e]`, as byte spans in order: picture-desk
/// labels with their caption or credit ("Image caption, Rescuers search ...", "Image source,
/// Getty Images"), an embedded post's credit ("pic.twitter.com/x — Jane Doe (@janedoe)
/// June 5, 2023", "A post shared by ..."), a byline glued to the lede ("By Example Web Desk:
/// The ...") and a date stamp after a title ("Storm hits coast 2023-04-21"). Text before a
/// span ends at it; text after it is a new block, since a lost line break is what glued them.
pub(crate) fn own_spans(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let Some(line) = text.get(s..e) else {
        return Vec::new();
    };
    // ASCII lower case keeps every byte offset.
    let lower = line.to_ascii_lowercase();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let labels = label_starts(line, &lower);
    for (i, &(at, len, caption)) in labels.iter().enumerate() {
        let next = labels.get(i + 1).map_or(line.len(), |&(n, _, _)| n);
        let value = skip_label_punct(line, at + len, next);
        let end = if caption {
            caption_end(line, value, next)
        } else {
            credit_end(line, value, next)
        };
        // A label with nothing recognisable after it is furniture on its own.
        found.push((at, end.max(at + len)));
    }
    found.extend(social_credits(line, &lower));
    if let Some(end) = super::byline::leading_byline(line) {
        found.push((0, end));
    }
    if let Some(at) = dates::trailing_stamp(line) {
        found.push((at, line.len()));
    }
    found.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (a, b) in found {
        if out.last().is_some_and(|&(_, pb)| s + a < pb) {
            continue;
        }
        out.push((s + a, s + b));
    }
    out
}

/// Picture-desk labels in a line: (start, label length, whether it opens a caption rather than
/// a credit). A label is written with a capital and followed by a comma, colon or space.
fn label_starts(line: &str, lower: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (list, caption) in [
        (lexicon::page::CAPTION_LABELS, true),
        (lexicon::page::SOURCE_LABELS, false),
    ] {
        for label in list {
            for (at, _) in lower.match_indices(label) {
                let capital = line[at..].starts_with(|c: char| c.is_ascii_uppercase());
                let after = char_at(line, at + label.len());
                if capital && matches!(after, Some(',' | ':' | ' ')) {
                    out.push((at, label.len(), caption));
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// Past the comma, colon and spaces after a label.
fn skip_label_punct(line: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(line, i) {
            Some(c) if c.is_whitespace() || c == ',' || c == ':' => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Where a lost line break glued a new sentence to the text from `from`: a stop directly before
/// a capitalised word (`basement.Power`), or a capitalised word directly after three lower-case
/// letters (`valleyThe`; two are allowed inside names like "YouTube" or "MacBook").
fn glued_join(line: &str, from: usize, end: usize) -> Option<usize> {
    let mut lower_run = 0usize;
    let mut after_stop = false;
    let mut iter = line.get(from..end)?.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next_lower = iter.peek().is_some_and(|&(_, n)| n.is_lowercase());
        if c.is_uppercase() && next_lower && (lower_run >= 3 || after_stop) {
            return Some(from + i);
        }
        after_stop = is_terminal(c) || (after_stop && matches!(c, '"' | '\u{201D}' | ')'));
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    None
}

/// A caption runs to the line's end, the next label, or a glued new sentence.
fn caption_end(line: &str, from: usize, next: usize) -> usize {
    glued_join(line, from, next).unwrap_or(next)
}

/// A credit is a short name ("Getty Images", "AFP via Getty Images", "Jane Doe/Reuters"): at
/// most six words, capitalised or small joining words, up to a glued join or a sentence opener.
fn credit_end(line: &str, from: usize, next: usize) -> usize {
    let limit = glued_join(line, from, next).unwrap_or(next);
    let mut end = from;
    let mut n = 0;
    let mut pos = from;
    for word in line[from..limit].split_inclusive(char::is_whitespace) {
        let w = word.trim();
        let start = pos;
        pos += word.len();
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let name_like = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || lexicon::sentences::title_small(&lower)
            || matches!(w, "/" | "&" | "|" | "-");
        if n >= 6 || !name_like || (n > 0 && lexicon::sentences::starter(w)) {
            break;
        }
        n += 1;
        end = start + word.trim_end().len();
    }
    end
}

/// `s` cut to at most `n` bytes, on a char boundary, so that a look ahead stays bounded.
fn head(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// An embedded post's credit inside a line: "pic.twitter.com/x", "— Jane Doe (@janedoe)
/// June 5, 2023" (after the post's text, with or without the picture link before it), and
/// "A post shared by Jane Doe (@janedoe)". Spans are relative to `line`.
fn social_credits(line: &str, lower: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (at, _) in lower.match_indices("pic.twitter.com/") {
        let token = head(&line[at..], 64);
        let token_end = at + token.find(char::is_whitespace).unwrap_or(token.len());
        let gap = head(&line[token_end..], 8);
        let after = token_end + (gap.len() - gap.trim_start().len());
        let end = signature_end(line, after).unwrap_or(token_end);
        out.push((at, end));
    }
    for (at, c) in line.char_indices() {
        if matches!(c, '\u{2014}' | '\u{2013}') || (c == '-' && line[..at].ends_with(' ')) {
            if let Some(end) = signature_end(line, at) {
                out.push((at, end));
            }
        }
    }
    for (at, _) in lower.match_indices("a post shared by ") {
        if !line[at..].starts_with('A') {
            continue;
        }
        let end = handle_end(line, at + "a post shared by ".len()).map_or(line.len(), |h| {
            // "... (@janedoe) on Jun 5, 2023 at 10:32am PDT".
            let rest = head(&line[h..], 80);
            let on = rest
                .trim_start()
                .strip_prefix("on ")
                .map(|r| rest.len() - r.len());
            match on {
                Some(skip) => {
                    let run = dates::date_run(&rest[skip..]);
                    if run.has_digit {
                        h + skip + run.end
                    } else {
                        h
                    }
                }
                None => h,
            }
        });
        out.push((at, end));
    }
    out
}

/// The end of "(@handle)" after a name that starts at `from`, looking at most 120 bytes ahead.
fn handle_end(line: &str, from: usize) -> Option<usize> {
    let window = head(line.get(from..)?, 120);
    let open = window.find("(@")?;
    // The account's display name: a few capitalised words ("World Health Organization (WHO)"),
    // not a clause ("who wrote (@x) on ...").
    let name: Vec<&str> = window[..open].split_whitespace().collect();
    let name_like = (1..=8).contains(&name.len())
        && name.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || lexicon::sentences::title_small(&w.to_lowercase())
        });
    if !name_like {
        return None;
    }
    let rest = &window[open + 2..];
    let close = rest.find(')')?;
    let handle = &rest[..close];
    let ok = !handle.is_empty()
        && handle.len() <= 30
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some(from + open + 2 + close + 1)
}

/// The end of a post signature "— Jane Doe (@janedoe) June 5, 2023" whose dash is at `at`.
fn signature_end(line: &str, at: usize) -> Option<usize> {
    let dash = char_at(line, at)?;
    if !matches!(dash, '\u{2014}' | '\u{2013}' | '-') {
        return None;
    }
    signature_from(line, at + dash.len_utf8())
}

/// The end of a post signature "Jane Doe (@janedoe) June 5, 2023" whose name starts at `from`.
pub(crate) fn signature_from(line: &str, from: usize) -> Option<usize> {
    let h = handle_end(line, from)?;
    let rest = head(&line[h..], 80);
    let skip = rest.len() - rest.trim_start().len();
    let run = dates::date_run(&rest[skip..]);
    (run.has_digit && run.tokens >= 2).then_some(h + skip + run.end)
}
