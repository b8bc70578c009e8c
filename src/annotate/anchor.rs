//! Finding the database's sentences in a publisher's own article: text-quote anchoring, the
//! way annotation clients anchor into pages they do not control (Hypothesis: a quote, found
//! again after normalising what page templates change).
//!
//! Pure: the page comes in as the text of its text nodes in document order, with a flag for
//! each node that starts a new block, and anchors come out as (node, byte) positions. The DOM
//! side is `annotate::marks`.
//!
//! Both sides are *folded* the same way before comparing, so that what templates and
//! typography change does not matter:
//! - letters and digits are kept, ASCII lower-cased (the page's text and the database's are
//!   the same article, so case seldom differs, and a full Unicode case table would cost the
//!   download 16 KiB);
//! - soft hyphens, zero-width characters and apostrophes vanish ("don’t" = "don't" = "dont",
//!   "ex\u{ad}ample" = "example");
//! - every other run of characters (spaces, non-breaking spaces, line breaks, quotes of any
//!   shape, dashes, punctuation, a block boundary) is one separator.
//!
//! Inline markup that splits a sentence (`<a>`, `<em>`, a drop cap's `<span>`) adds nothing to
//! the folded text, so a sentence split over elements reads as one.
//!
//! A sentence is found whole, word-aligned, first after the previous sentence (articles keep
//! their order) and then anywhere not already taken. Failing that, by its first and last few
//! words with a plausible length between them, which survives an edit or an inserted aside
//! inside the sentence. What the page has and the database lacks (ads, asides, captions) is
//! simply skipped over.

use std::collections::HashMap;

use crate::order;

/// Where one folded byte came from: a text node and a byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    node: usize,
    start: usize,
    end: usize,
}

/// A position in the page: a text node and a byte offset into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Point {
    pub node: usize,
    pub offset: usize,
}

/// Where a sentence is in the page: from `start` to `end` (exclusive), possibly across text
/// nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub start: Point,
    pub end: Point,
}

/// One text node's text, and whether a block boundary (a new paragraph, a `<br>`) comes
/// before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub block_start: bool,
    /// Text that sets off or repeats the article (inside a pull quote, an aside, a figure): a
    /// sentence is anchored there only when the article proper does not have it.
    pub secondary: bool,
}

/// Characters that are not letters or digits but vanish rather than separate words.
fn vanishes(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'
            ..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\'' | '\u{2018}' | '\u{2019}' | '\u{02bc}'
    )
}

/// Folds one character: `Some(lowercase)` for a letter or digit, `None` for a separator.
fn fold_char(c: char) -> Option<char> {
    if c.is_alphanumeric() {
        Some(c.to_ascii_lowercase())
    } else {
        None
    }
}

/// Folds a sentence: words of letters and digits, one space between them.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if vanishes(c) {
            continue;
        }
        match fold_char(c) {
            Some(f) => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(f);
            }
            None => gap = true,
        }
    }
    out
}

/// The page, folded, with where each folded byte came from.
pub struct Page<'a> {
    pieces: &'a [Piece],
    folded: String,
    origins: Vec<Origin>,
}

impl<'a> Page<'a> {
    pub fn new(pieces: &'a [Piece]) -> Page<'a> {
        let mut folded = String::new();
        let mut origins = Vec::new();
        let mut gap: Option<Origin> = None;
        for (node, piece) in pieces.iter().enumerate() {
            if piece.block_start && gap.is_none() && !folded.is_empty() {
                gap = Some(Origin {
                    node,
                    start: 0,
                    end: 0,
                });
            }
            for (start, c) in piece.text.char_indices() {
                let here = Origin {
                    node,
                    start,
                    end: start + c.len_utf8(),
                };
                if vanishes(c) {
                    continue;
                }
                match fold_char(c) {
                    Some(f) => {
                        if let Some(g) = gap.take() {
                            if !folded.is_empty() {
                                folded.push(' ');
                                origins.push(g);
                            }
                        }
                        let before = folded.len();
                        folded.push(f);
                        origins.extend(std::iter::repeat_n(here, folded.len() - before));
                    }
                    None => {
                        gap.get_or_insert(here);
                    }
                }
            }
        }
        Page {
            pieces,
            folded,
            origins,
        }
    }

    /// Every occurrence of `needle` in the folded page, word-aligned, in page order; with
    /// `glued`, also those glued to a neighbouring word at one end where the page lost a space
    /// (see `glue_ok`).
    fn occurrences(&self, needle: &str, glued: bool) -> Vec<(usize, usize)> {
        let hay = &self.folded;
        let mut out = Vec::new();
        for (i, _) in hay.match_indices(needle) {
            let j = i + needle.len();
            let starts_word = i == 0 || hay.as_bytes()[i - 1] == b' ';
            let ends_word = j == hay.len() || hay.as_bytes()[j] == b' ';
            let ok = match (starts_word, ends_word) {
                (true, true) => true,
                (false, true) => glued && self.glue_ok(i),
                (true, false) => glued && self.glue_ok(j),
                (false, false) => false,
            };
            if ok {
                out.push((i, j));
            }
        }
        out
    }

    /// Whether two folded letters at `at - 1` and `at` may be a lost space: they come from two
    /// text nodes (a link and the text after it), or the page reads "…northPolice…", a lower-case
    /// letter or digit running into a capital.
    fn glue_ok(&self, at: usize) -> bool {
        let (Some(before), Some(after)) =
            (self.origins.get(at.wrapping_sub(1)), self.origins.get(at))
        else {
            return false;
        };
        if before.node != after.node {
            return true;
        }
        let char_at = |o: &Origin| {
            self.pieces
                .get(o.node)
                .and_then(|p| p.text.get(o.start..o.end))
                .and_then(|t| t.chars().next())
        };
        matches!(
            (char_at(before), char_at(after)),
            (Some(b), Some(a)) if (b.is_ascii_lowercase() || b.is_ascii_digit()) && a.is_ascii_uppercase()
        )
    }

    /// Whether a match starts in text that only sets off the article.
    fn secondary(&self, i: usize) -> bool {
        self.origins
            .get(i)
            .and_then(|o| self.pieces.get(o.node))
            .is_some_and(|p| p.secondary)
    }

    /// How many block boundaries lie inside the folded range.
    fn blocks_crossed(&self, i: usize, j: usize) -> usize {
        let (Some(a), Some(b)) = (self.origins.get(i), self.origins.get(j.saturating_sub(1)))
        else {
            return 0;
        };
        (a.node + 1..=b.node)
            .filter(|&n| self.pieces.get(n).is_some_and(|p| p.block_start))
            .count()
    }

    /// The page position of a folded byte range, widened over the punctuation that belongs to
    /// the sentence: its closing stop and quote, and an opening quote or bracket.
    fn anchor(&self, i: usize, j: usize) -> Anchor {
        let first = self.origins[i];
        let last = self.origins[j - 1];
        let mut start = Point {
            node: first.node,
            offset: first.start,
        };
        let mut end = Point {
            node: last.node,
            offset: last.end,
        };
        // The closing marks may sit in the next text node (`<em>no</em>.`), never past a block.
        let mut budget = 4;
        let mut at = end;
        while let Some(piece) = self.pieces.get(at.node) {
            if at.node != end.node && piece.block_start {
                break;
            }
            let rest = &piece.text[at.offset..];
            let marks: Vec<char> = rest
                .chars()
                .take_while(|&c| is_closing(c))
                .take(budget)
                .collect();
            budget -= marks.len();
            at.offset += marks.iter().map(|c| c.len_utf8()).sum::<usize>();
            if !marks.is_empty() {
                end = at;
            }
            if at.offset < piece.text.len() || budget == 0 {
                break;
            }
            at = Point {
                node: at.node + 1,
                offset: 0,
            };
        }
        if let Some(piece) = self.pieces.get(start.node) {
            let head: usize = piece.text[..start.offset]
                .chars()
                .rev()
                .take_while(|&c| is_opening(c))
                .take(2)
                .map(char::len_utf8)
                .sum();
            start.offset -= head;
        }
        Anchor { start, end }
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ','
            | ';'
            | ':'
            | '\u{2026}'
            | '"'
            | '\''
            | '\u{201d}'
            | '\u{2019}'
            | ')'
            | ']'
            | '\u{bb}'
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201c}'
            | '\u{2018}'
            | '('
            | '['
            | '\u{ab}'
            | '\u{bf}'
            | '\u{a1}'
            | '\u{300c}'
            | '\u{300e}'
            | '\u{3010}'
            | '\u{ff08}'
    )
}

/// How many words at each end identify a sentence found by its ends.
const END_WORDS: usize = 4;
/// Sentences shorter than this (in words) must be found whole: their ends are not distinctive.
const MIN_WORDS_FOR_ENDS: usize = 8;
/// A sentence found by its ends must share this share of its words with the page's text
/// between them, both ways: an edit that rewrote it is a different sentence.
const ENDS_OVERLAP: f64 = 0.8;
/// Sentences this long may be found glued to a neighbouring word at one end, where a template
/// lost the space or line break before it ("…in the northPolice said…"); shorter ones must be
/// whole words, or "anas are yellow" would be found in "Bananas".
const MIN_WORDS_GLUED: usize = 5;

/// Words that turn a statement into its opposite. Origin: general English negators (the
/// closed class of "not", "no", "never" and the contracted auxiliaries, as folded here:
/// "didn't" is "didnt"). A sentence found by its ends must have as many as the page's text.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "cannot", "cant", "dont",
    "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "couldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "mustnt",
];

/// Anchors each sentence (in article order) in the page; `None` where it cannot be found.
pub fn anchor_all(page: &Page, sentences: &[&str]) -> Vec<Option<Anchor>> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut cursor = 0;
    sentences
        .iter()
        .map(|s| {
            let needle = fold(s);
            if needle.is_empty() {
                return None;
            }
            let found = {
                let free = |r: &(usize, usize)| !taken.iter().any(|t| r.0 < t.1 && t.0 < r.1);
                let glue = needle.matches(' ').count() + 1 >= MIN_WORDS_GLUED;
                best(page, page.occurrences(&needle, false), cursor, &free)
                    .or_else(|| best(page, by_ends(page, &needle), cursor, &free))
                    .or_else(|| {
                        glue.then(|| best(page, page.occurrences(&needle, true), cursor, &free))
                            .flatten()
                    })
            };
            let (i, j) = found?;
            taken.push((i, j));
            cursor = j;
            Some(page.anchor(i, j))
        })
        .collect()
}

/// The occurrence to anchor: free of earlier anchors, in the article proper before text that
/// only sets it off (a pull quote placed first must not take the sentence), and after the
/// previous sentence before anywhere else (articles keep their order).
fn best(
    page: &Page,
    candidates: Vec<(usize, usize)>,
    cursor: usize,
    free: &dyn Fn(&(usize, usize)) -> bool,
) -> Option<(usize, usize)> {
    let rank = |r: &(usize, usize)| (page.secondary(r.0), r.0 < cursor, r.0);
    candidates.into_iter().filter(|r| free(r)).min_by_key(rank)
}

/// A long sentence found by its first and last words: the text between them is about as long,
/// shares most of its words both ways, has the same figures and negators, and crosses at most
/// one block boundary.
fn by_ends(page: &Page, needle: &str) -> Vec<(usize, usize)> {
    let words: Vec<&str> = needle.split(' ').collect();
    if words.len() < MIN_WORDS_FOR_ENDS {
        return Vec::new();
    }
    let head = words[..END_WORDS].join(" ");
    let tail = words[words.len() - END_WORDS..].join(" ");
    let (lo, hi) = (needle.len() * 7 / 10, needle.len() * 3 / 2);
    let tails = page.occurrences(&tail, false);
    let mut out = Vec::new();
    for (i, h) in page.occurrences(&head, false) {
        let Some(&(_, j)) = tails.iter().find(|t| t.0 >= h) else {
            continue;
        };
        if !(lo..=hi).contains(&(j - i)) || page.blocks_crossed(i, j) > 1 {
            continue;
        }
        let between: Vec<&str> = page.folded[i..j].split(' ').collect();
        if same_statement(&words, &between) {
            out.push((i, j));
        }
    }
    out
}

/// Whether two word lists say the same thing closely enough to share a claim's verdicts.
fn same_statement(a: &[&str], b: &[&str]) -> bool {
    // Each distinct word as a number, so the lists compare as multisets through the widget's
    // one sort (`order`): a sort of strings would compile a sort of its own into the wasm.
    // Any order serves, as long as equal words sort together.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut numbered = |ws: &[&str]| -> Vec<usize> {
        ws.iter()
            .map(|&w| match ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = ids.len();
                    ids.insert(w.to_string(), id);
                    id
                }
            })
            .collect()
    };
    let (na, nb) = (numbered(a), numbered(b));
    // `keep` as a trait object: one compiled `sorted` for the three filters.
    fn sorted(ws: &[&str], ids: &[usize], keep: &dyn Fn(&str) -> bool) -> Vec<usize> {
        let mut v: Vec<order::Key> = ws
            .iter()
            .zip(ids)
            .filter(|(w, _)| keep(w))
            .map(|(_, &id)| (id, 0, 0))
            .collect();
        order::sort(&mut v);
        v.into_iter().map(|(id, _, _)| id).collect()
    }
    let figure = |w: &str| w.bytes().any(|c| c.is_ascii_digit());
    let negator = |w: &str| NEGATORS.contains(&w);
    if sorted(a, &na, &figure) != sorted(b, &nb, &figure)
        || sorted(a, &na, &negator) != sorted(b, &nb, &negator)
    {
        return false;
    }
    let (sa, sb) = (sorted(a, &na, &|_| true), sorted(b, &nb, &|_| true));
    let common = common_count(&sa, &sb) as f64;
    common >= ENDS_OVERLAP * sa.len() as f64 && common >= ENDS_OVERLAP * sb.len() as f64
}

/// Size of the multiset intersection of two sorted lists.
fn common_count(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(parts: &[(&str, bool)]) -> Vec<Piece> {
        parts
            .iter()
            .map(|(t, b)| Piece {
                text: t.to_string(),
                block_start: *b,
                secondary: false,
            })
            .collect()
    }

    /// The page text an anchor covers, its text nodes joined by `|`.
    fn covered(p: &[Piece], a: Anchor) -> String {
        let mut out = String::new();
        for (n, piece) in p.iter().enumerate().take(a.end.node + 1).skip(a.start.node) {
            if n > a.start.node {
                out.push('|');
            }
            let t = &piece.text;
            let s = if n == a.start.node { a.start.offset } else { 0 };
            let e = if n == a.end.node {
                a.end.offset
            } else {
                t.len()
            };
            out.push_str(&t[s..e]);
        }
        out
    }

    /// One row per case: the page's text nodes (text, starts a block), the sentence as the
    /// database has it, and the page text it must cover (`None`: must not anchor).
    #[test]
    fn anchoring_table() {
        #[allow(clippy::type_complexity)]
        let rows: &[(&str, &[(&str, bool)], &str, Option<&str>)] = &[
            (
                "verbatim",
                &[("Rain fell. Roads shut.", true)],
                "Roads shut.",
                Some("Roads shut."),
            ),
            (
                "collapsed whitespace and line breaks",
                &[("Rain  fell\n   hard. Next.", true)],
                "Rain fell hard.",
                Some("Rain  fell\n   hard."),
            ),
            (
                "non-breaking and thin spaces",
                &[("It cost $4\u{a0}million\u{2009}today.", true)],
                "It cost $4 million today.",
                Some("It cost $4\u{a0}million\u{2009}today."),
            ),
            (
                "curly quotes against straight",
                &[("\u{201c}We won\u{2019}t go,\u{201d} she said.", true)],
                "\"We won't go,\" she said.",
                Some("\u{201c}We won\u{2019}t go,\u{201d} she said."),
            ),
            (
                "dashes of any kind",
                &[("Fares rose \u{2014} again.", true)],
                "Fares rose - again.",
                Some("Fares rose \u{2014} again."),
            ),
            (
                "soft hyphens inside words",
                &[("A re\u{ad}mark\u{ad}able find.", true)],
                "A remarkable find.",
                Some("A re\u{ad}mark\u{ad}able find."),
            ),
            (
                "inline markup splits the sentence",
                &[
                    ("The ", true),
                    ("mayor", false),
                    (" said ", false),
                    ("no", false),
                    (".", false),
                ],
                "The mayor said no.",
                Some("The |mayor| said |no|."),
            ),
            (
                "drop cap",
                &[("T", true), ("he river rose overnight.", false)],
                "The river rose overnight.",
                Some("T|he river rose overnight."),
            ),
            (
                "split over two blocks",
                &[("Officials said the bridge", true), ("would reopen.", true)],
                "Officials said the bridge would reopen.",
                Some("Officials said the bridge|would reopen."),
            ),
            (
                "an aside between paragraphs is skipped",
                &[
                    ("First point here.", true),
                    ("Advertisement", true),
                    ("Second point here.", true),
                ],
                "Second point here.",
                Some("Second point here."),
            ),
            (
                "words are whole",
                &[("Bananas are yellow.", true)],
                "anas are yellow.",
                None,
            ),
            (
                "absent",
                &[("Nothing like it.", true)],
                "The mayor resigned.",
                None,
            ),
            (
                "a lost line break glues the first word to the text before",
                &[(
                    "See also: Floods in the northPolice said the river burst its banks.",
                    true,
                )],
                "Police said the river burst its banks.",
                Some("Police said the river burst its banks."),
            ),
            (
                "found by its ends when its middle was edited",
                &[(
                    "The council voted on Tuesday evening to close the old library and sell it.",
                    true,
                )],
                "The council voted on Tuesday to close the old library and sell it.",
                Some("The council voted on Tuesday evening to close the old library and sell it."),
            ),
        ];
        for (what, parts, sentence, want) in rows {
            let p = pieces(parts);
            let page = Page::new(&p);
            let got = anchor_all(&page, &[sentence])[0].map(|a| covered(&p, a));
            assert_eq!(got.as_deref(), *want, "{what}");
        }
    }

    #[test]
    fn repeated_sentences_anchor_in_order() {
        let p = pieces(&[("Yes. No. Yes.", true)]);
        let page = Page::new(&p);
        let got = anchor_all(&page, &["Yes.", "No.", "Yes."]);
        let starts: Vec<_> = got.iter().map(|a| a.unwrap().start.offset).collect();
        assert_eq!(starts, vec![0, 5, 9]);
    }

    #[test]
    fn a_pull_quote_placed_first_does_not_take_the_sentence() {
        let mut p = pieces(&[
            ("Rain will fall all week, forecasters said.", true),
            ("The storm arrived on Monday.", true),
            ("Rain will fall all week, forecasters said.", true),
        ]);
        p[0].secondary = true;
        let page = Page::new(&p);
        let got = anchor_all(&page, &["Rain will fall all week, forecasters said."]);
        assert_eq!(got[0].map(|a| a.start.node), Some(2));
        // Where the article proper lacks it, the pull quote is better than nothing.
        let p = &p[..2];
        let page = Page::new(p);
        let got = anchor_all(&page, &["Rain will fall all week, forecasters said."]);
        assert_eq!(got[0].map(|a| a.start.node), Some(0));
    }

    #[test]
    fn a_sentence_before_the_cursor_is_still_found() {
        let p = pieces(&[("Second. First.", true)]);
        let page = Page::new(&p);
        let got = anchor_all(&page, &["First.", "Second."]);
        assert!(got.iter().all(Option::is_some));
    }

    #[test]
    fn folding() {
        assert_eq!(
            fold("  “Don’t—go!”  said Mr. O'Neil…"),
            "dont go said mr oneil"
        );
        assert_eq!(fold("…"), "");
    }
}
