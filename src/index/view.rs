//! What the views read from the index: coverage counts and how a reader hears them, an
//! article's paragraphs as pieces, and a sentence's text cut into emphasis runs. Pure data and
//! text helpers, no lookups.

use crate::order;

/// How many other sources fall in each verdict group for one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub corroborates: usize,
    pub differs: usize,
    pub omits: usize,
    /// The sentence's verdicts are in the file but do not check (`Index::unreadable`): the
    /// counts are all 0 and mean nothing.
    pub unreadable: bool,
}

impl Coverage {
    /// The sentence a screen reader hears after the sentence itself.
    pub fn spoken(&self) -> String {
        if self.unreadable {
            return "its verdicts cannot be read, the database file is damaged".to_string();
        }
        format!(
            "corroborated by {}, differs in {}, not mentioned by {}",
            plural(self.corroborates, "source"),
            plural(self.differs, "source"),
            plural(self.omits, "source"),
        )
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One block of an article as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub number: u32,
    pub kind: BlockKind,
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Every segment is a headline: shown as a heading.
    Heading,
    /// Every segment is boilerplate: shown muted, never clickable.
    Boilerplate,
    Body,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Text of the article between segments (usually a space), kept so the article reads as
    /// published even where the segmenter left something out.
    Gap(String),
    Segment(u32),
}

/// Emphasis applied to a run of an evidence or claim sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Emphasis {
    /// Words the claim shares with this sentence.
    Shared,
    /// The detail that differs: wins over `Shared` where both apply.
    Differs,
}

/// A run of text and the emphasis it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub emphasis: Option<Emphasis>,
}

/// Cuts `text` into runs by byte ranges, ignoring ranges that are empty, reversed, out of
/// bounds or not on character boundaries, so a malformed span can never panic or split a
/// character. Where ranges of different emphasis overlap, the stronger one wins.
pub fn runs(text: &str, marks: &[(usize, usize, Emphasis)]) -> Vec<Run> {
    let ok = |i: usize| i <= text.len() && text.is_char_boundary(i);
    let marks: Vec<_> = marks
        .iter()
        .copied()
        .filter(|&(s, e, _)| s < e && ok(s) && ok(e))
        .collect();
    let mut cuts: Vec<order::Key> = vec![(0, 0, 0), (text.len(), 0, 0)];
    for &(s, e, _) in &marks {
        cuts.push((s, 0, 0));
        cuts.push((e, 0, 0));
    }
    order::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0].0, w[1].0);
        let Some(piece) = text.get(s..e) else {
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        let emphasis = marks
            .iter()
            .filter(|&&(ms, me, _)| ms <= s && e <= me)
            .map(|&(_, _, k)| k)
            .max();
        match out.last_mut() {
            Some(last) if last.emphasis == emphasis => last.text.push_str(piece),
            _ => out.push(Run {
                text: piece.to_string(),
                emphasis,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_and_prefer_differs() {
        let r = runs(
            "one two three",
            &[(0, 7, Emphasis::Shared), (4, 13, Emphasis::Differs)],
        );
        let got: Vec<_> = r.iter().map(|r| (r.text.as_str(), r.emphasis)).collect();
        assert_eq!(
            got,
            vec![
                ("one ", Some(Emphasis::Shared)),
                ("two three", Some(Emphasis::Differs)),
            ]
        );
    }

    #[test]
    fn runs_ignore_bad_spans() {
        let text = "Kanaaní said";
        // 7 is inside the two-byte "í"; 99 is past the end; (5, 2) is reversed.
        let r = runs(
            text,
            &[
                (0, 7, Emphasis::Shared),
                (3, 99, Emphasis::Shared),
                (5, 2, Emphasis::Differs),
            ],
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].text, text);
        assert_eq!(r[0].emphasis, None);
    }
}
