//! List markers that open an item inside a line: "1.)", "2)", "3.", "(a)", "b.", with or
//! without a bullet before them ("\u{2022} 9.", "\u{2043}10."). A marker's stop does not end a
//! sentence, and the next marker of the same list ends the item even when the item has no stop
//! of its own. Everything is read within a few bytes of the position asked about.

use super::sentences::{char_at, is_opener};

/// A list item's label: a number ("1.", "(2)") or a lower-case letter ("a.", "(b)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Num(u32),
    Letter(u8),
}

/// How the label is marked: "1.", "1.)", "1)", "(1)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Dot,
    DotParen,
    Paren,
    Parens,
}

/// A list marker at the start of an item, with the bullet before it, if any.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marker {
    bullet: Option<char>,
    label: Label,
    mark: Mark,
    /// Where the marker ends (the space after it).
    pub end: usize,
}

impl Marker {
    /// The next item of the same list: the same bullet and mark, the next label.
    pub fn follows(&self, prev: &Marker) -> bool {
        self.bullet == prev.bullet
            && self.mark == prev.mark
            && match (prev.label, self.label) {
                (Label::Num(a), Label::Num(b)) => b == a + 1,
                (Label::Letter(a), Label::Letter(b)) => b == a + 1,
                _ => false,
            }
    }
}

const BULLETS: &[char] = &[
    '\u{2022}', '\u{2043}', '\u{25AA}', '\u{25CF}', '\u{00B7}', '*', '-', '\u{2013}',
];

/// A list marker at `at` ("1.) ", "(a) ", "• 9. ", "\u{2043}10. "), read within a few bytes.
pub(crate) fn list_marker(text: &str, at: usize, limit: usize) -> Option<Marker> {
    let next = |p: usize| if p < limit { char_at(text, p) } else { None };
    let mut p = at;
    let mut c = next(p)?;
    let mut bullet = None;
    if BULLETS.contains(&c) {
        bullet = Some(c);
        p += c.len_utf8();
        for _ in 0..2 {
            if next(p) == Some(' ') {
                p += 1;
            }
        }
        c = next(p)?;
    }
    let parens = c == '(';
    if parens {
        p += 1;
        c = next(p)?;
    }
    let label = if c.is_ascii_digit() {
        let mut n = 0u32;
        let digits_from = p;
        while let Some(d) = next(p).and_then(|d| d.to_digit(10)) {
            if p - digits_from >= 2 {
                return None;
            }
            n = n * 10 + d;
            p += 1;
        }
        Label::Num(n)
    } else if c.is_ascii_lowercase() {
        p += 1;
        Label::Letter(c as u8)
    } else {
        return None;
    };
    let mark = match (parens, next(p), next(p + 1)) {
        (true, Some(')'), _) => Mark::Parens,
        (false, Some('.'), Some(')')) => Mark::DotParen,
        (false, Some(')'), _) => Mark::Paren,
        (false, Some('.'), _) => Mark::Dot,
        _ => return None,
    };
    p += if mark == Mark::DotParen { 2 } else { 1 };
    if next(p) != Some(' ') {
        return None;
    }
    // After a bare "5." the item must open like a sentence: "... rose to 5. the" is no list.
    let first = next(p + 1)?;
    let opens = match mark {
        Mark::Dot => first.is_uppercase() || is_opener(first),
        _ => first.is_alphanumeric() || is_opener(first),
    };
    opens.then_some(Marker {
        bullet,
        label,
        mark,
        end: p,
    })
}
