//! Whole-line rules for text that is not part of the report: link and navigation lines,
//! picture captions and credits, date stamps, bylines (`byline.rs`), URLs, pointers to
//! embedded media and page furniture. Furniture that shares a line with a sentence (a lost line
//! break glued them) is found in `inline.rs`; lines that are furniture only by what stands next
//! to them, in `neighbours.rs`.

use super::byline;
use super::dates;
use crate::lexicon;

/// How much of a line a whole-line rule claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Ordinary text: split into sentences and classified later.
    Normal,
    /// One boilerplate segment for the whole line (URL, stamp, byline, furniture).
    Boiler,
    /// A caption: split into sentences, all of them boilerplate.
    Caption,
}

pub(crate) fn is_url(line: &str) -> bool {
    let l = line.trim();
    let lower = l
        .get(..8.min(l.len()))
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !l.contains(char::is_whitespace)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Ends with a full stop (after closing quotes and brackets), as sentences do and titles,
/// credits and stamps do not.
pub(crate) fn ends_with_full_stop(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
        )
    });
    t.ends_with(['.', '\u{3002}', '\u{06D4}', '\u{0964}']) && !t.ends_with("...")
}

fn furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '.' | '>' | '\u{203A}' | '\u{00BB}' | '|')
    });
    if lexicon::page::FURNITURE.contains(&bare) {
        return true;
    }
    // A line of tags or topic links, however many: "Tags: Floods, Weather".
    if lexicon::page::TAG_LABELS
        .iter()
        .any(|p| lower.starts_with(p))
        && !ends_with_full_stop(line)
        && words(line) <= 60
    {
        return true;
    }
    if list_intro(line) || media_pointer(&lower) {
        return true;
    }
    if words(line) > 25 {
        return false;
    }
    // "via example.com", "Source: Interfax": where an aggregator took the text from.
    if (bare.starts_with("via ") && words(line) <= 3)
        || ((bare.starts_with("source:") || bare.starts_with("sources:")) && words(line) <= 8)
    {
        return true;
    }
    // Breadcrumbs: "Home > World > Europe".
    if bare.starts_with("home >") || bare.contains(":home >") || bare.contains(" > home >") {
        return true;
    }
    // The signature under an embedded post: "— Jane Doe (@janedoe) March 4, 2021".
    if line.starts_with(['\u{2014}', '\u{2013}', '-']) && line.contains("(@") {
        if let Some((_, after)) = line.rsplit_once(')') {
            let run = dates::date_run(after.trim());
            if run.has_digit && run.end == after.trim().len() {
                return true;
            }
        }
    }
    // The same signature printed without its dash: "Jane Doe (@janedoe) March 4, 2021".
    if line.contains("(@")
        && super::inline::signature_from(line, 0).is_some_and(|e| e == line.len())
    {
        return true;
    }
    // An agency trailer: "Associated Press writer Jane Doe contributed to this report."
    if bare.contains("contributed to this report") || bare.contains("contributed reporting") {
        return true;
    }
    lexicon::page::FURNITURE_PREFIXES.iter().any(|p| {
        bare.starts_with(p)
            && (!p.starts_with("copyright")
                || line.chars().filter(char::is_ascii_digit).count() >= 4)
    })
}

/// A line that points at an embedded clip, gallery or post ("Have a look at ...", "Watch the
/// moment ..."): it opens with a pointer and is one sentence, without quotation or attribution.
fn media_pointer(lower: &str) -> bool {
    let lower = lower.replace('\u{2019}', "'");
    if !lexicon::page::MEDIA_POINTERS
        .iter()
        .any(|p| lower.starts_with(p))
        || words(&lower) > 60
    {
        return false;
    }
    let end = super::sentences::next_end(&lower, 0, lower.len());
    lower[end.min(lower.len())..].trim().is_empty()
        && !lower.contains(['"', '\u{201C}', '\u{201D}'])
        && !lower
            .split_whitespace()
            .any(|w| lexicon::verbs::reporting(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// An intro line that only announces the list after it: "Here are the key points:", "Here's
/// what we know:", "Key points:". A line that reports ("The minister said:") or states
/// something ("The council set out three demands:") is part of the report.
fn list_intro(line: &str) -> bool {
    let Some(body) = line.trim_end().strip_suffix(':') else {
        return false;
    };
    let n = words(body);
    if n == 0 || n > 10 {
        return false;
    }
    let lower = body.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let bare: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    if bare.iter().any(|w| lexicon::verbs::reporting(w)) {
        return false;
    }
    let announces = lexicon::page::LIST_INTROS.iter().any(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    // A bare label of up to three words: "Timeline:", "Key events:".
    announces
        || (n <= 3
            && body.starts_with(char::is_uppercase)
            && !body.chars().any(|c| c.is_ascii_digit())
            && !bare.iter().any(|w| lexicon::verbs::is_verb_form(w)))
}

/// A date/time stamp alone on its line, with or without a label.
pub(crate) fn is_stamp(line: &str) -> bool {
    let value = match dates::strip_date_label(line) {
        Some((_, v)) => &line[v..],
        None => line,
    };
    let run = dates::date_run(value);
    if run.has_digit && run.end == value.trim_end().len() {
        return true;
    }
    // Stamps whose parts were glued by extraction ("February 9, 20233:04 PM GMTUpdated 2 hours
    // ago"): short, and mostly date and time words.
    let (date_words, all, digit) = dates::date_share(value);
    digit
        && all <= 12
        && date_words >= 3
        && date_words * 10 >= all * 7
        && value.split_whitespace().take(12).any(strong_date_word)
}

/// A word that only a date or time has: a month, a weekday, a clock time or "ago". Numbers and
/// fillers ("the", "first", "|") alone make list items ("• 9. The first item") look like stamps.
fn strong_date_word(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = core.to_lowercase();
    lexicon::dates::month(&lower).is_some()
        || lexicon::dates::weekday(&lower)
        || lower == "ago"
        || (core.contains(':') && core.starts_with(|c: char| c.is_ascii_digit()))
}

/// A line that is a caption by its trailing credit ("... Photograph: Jane Doe/AAP",
/// "... AFP via Getty Images").
pub(crate) fn is_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    // Picture-desk openings: "FILE - ...", "Photo shows ...", "In this photo ...".
    if line.starts_with("FILE -")
        || line.starts_with("FILE \u{2013}")
        || line.starts_with("FILE \u{2014}")
        || line.starts_with("FILE PHOTO")
        || lexicon::page::CAPTION_OPENINGS
            .iter()
            .any(|o| lower.starts_with(o))
    {
        return true;
    }
    // A caption label at the start: "Image: Players celebrate ...", "ABOVE: A man votes ...".
    if line.starts_with(char::is_uppercase)
        && lexicon::page::CAPTION_LEAD_LABELS.iter().any(|l| {
            lower.starts_with(l)
                && lower[l.len()..].starts_with(' ')
                && words(&lower[l.len()..]) >= 1
        })
    {
        return true;
    }
    if ends_with_full_stop(line) {
        return false;
    }
    for label in lexicon::page::CREDIT_LABELS {
        if let Some(at) = lower.rfind(label) {
            let starts_upper = line
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
            let tail = lower.get(at + label.len()..).unwrap_or("");
            if starts_upper && words(tail) <= 8 {
                return true;
            }
        }
    }
    let t = lower.trim_end();
    if t.ends_with("getty images") || t.ends_with("shutterstock") {
        return true;
    }
    // "... REUTERS/Jane Doe", "... Jane Doe/AFP", "... AFP/Getty Images", "AP Photo/Jane Doe",
    // "EPA-EFE/Jane Doe".
    if let Some((before, last)) = t.rsplit_once('/') {
        let mut back = before.split_whitespace().rev();
        let w1 = back.next().unwrap_or("");
        let w2 = back.next().unwrap_or("");
        let agency_before = lexicon::page::agency(w1)
            || w1.split('-').any(lexicon::page::agency)
            || (!w2.is_empty() && lexicon::page::agency(&format!("{w2} {w1}")));
        // "REUTERS/Jane Doe" is three words to a reader.
        let n = words(line) + line.matches('/').count();
        if (lexicon::page::agency(last.trim()) || agency_before) && n > 2 {
            return true;
        }
    }
    // A gallery position "[1/5]" opens a caption.
    if let Some(rest) = t.strip_prefix('[') {
        if let Some((inside, _)) = rest.split_once(']') {
            if inside.contains('/')
                && inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
            {
                return true;
            }
        }
    }
    false
}

/// A line without its list marker ("- By ...", "• Home").
fn strip_marker(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{2022}' | '*' | '-' | '\u{2013}' | '\u{2014}' | '\u{00B7}'
            )
    })
}

/// A photo caption sentence in agency style, which ends with the day the picture was taken:
/// "Rescuers search a building in Adana, Turkey, Tuesday, Feb. 7, 2023."
pub(crate) fn dated_caption(sentence: &str) -> bool {
    let Some(body) = sentence.trim_end().strip_suffix('.') else {
        return false;
    };
    let mut parts = body.rsplitn(4, ',');
    let (Some(year), Some(month_day), Some(rest)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let year = year.trim();
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let md: Vec<&str> = month_day.split_whitespace().collect();
    let [m, d] = md.as_slice() else {
        return false;
    };
    if lexicon::dates::month(&m.to_lowercase()).is_none()
        || !m.starts_with(char::is_uppercase)
        || d.len() > 2
        || !d.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    // The picture's place or weekday comes before the date, after a comma.
    !rest.trim().is_empty() && parts.next().is_some_and(|p| !p.trim().is_empty())
}

/// A metadata bar: "Reuters | Washington DC | Updated: 08-10-2021 00:10 IST". Three or more
/// parts separated by bars, one of them a date stamp or an agency.
fn is_meta_bar(line: &str) -> bool {
    if line.matches('|').count() < 2 || words(line) > 30 || ends_with_full_stop(line) {
        return false;
    }
    line.split('|').any(|part| {
        let part = part.trim();
        lexicon::page::agency(&part.to_lowercase()) || is_stamp(part)
    })
}

/// A short line that ends in a URL: "Source: https://...", "Read the report at www....".
fn ends_in_url(line: &str) -> bool {
    words(line) <= 6 && line.split_whitespace().next_back().is_some_and(is_url)
}

/// Whole-line rules. `seen_content` says whether a non-boilerplate line came before.
pub(crate) fn line_class(line: &str, seen_content: bool) -> LineClass {
    if is_url(line)
        || ends_in_url(line)
        || furniture(line)
        || is_meta_bar(line)
        || is_stamp(line)
        || byline::is_byline(strip_marker(line), seen_content)
        || byline::wire_line(line)
    {
        return LineClass::Boiler;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return LineClass::Boiler;
    }
    if is_caption(line) {
        return LineClass::Caption;
    }
    LineClass::Normal
}

/// `s` starts with the ASCII `prefix`, ignoring ASCII case, without allocating.
pub(crate) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        && s.is_char_boundary(prefix.len())
}

/// How many times a capitalised word is glued to the lower-case end of the word before it
/// ("North AfricaNewsTop Stories" has two): menu items run together by extraction.
pub(crate) fn glued_joins(t: &str) -> usize {
    let mut n = 0;
    let mut run = 0usize;
    for c in t.chars() {
        if c.is_uppercase() {
            if run >= 2 {
                n += 1;
            }
            run = 0;
        } else if c.is_lowercase() {
            run += 1;
        } else {
            run = 0;
        }
    }
    n
}
