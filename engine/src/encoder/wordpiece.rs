//! BERT's uncased WordPiece tokenizer: the text is cleaned, lower-cased and stripped of accents,
//! split at white space and at every punctuation mark, and each word is cut into the longest
//! pieces the vocabulary holds.
//!
//! It must give the ids the sentence encoder was trained on, byte for byte, so it follows the
//! reference (Hugging Face's `BertNormalizer`, `BertPreTokenizer` and `WordPiece`) rule by rule;
//! a piece it cuts differently is a different input to every layer after it.

use std::collections::HashMap;

use unicode_general_category::{get_general_category, GeneralCategory as Gc};
use unicode_normalization::UnicodeNormalization;

/// A word longer than this (in chars) is one unknown token, as in the reference.
const MAX_WORD_CHARS: usize = 100;

pub struct WordPiece {
    vocab: HashMap<String, u32>,
    unk: u32,
    pub cls: u32,
    pub sep: u32,
}

impl WordPiece {
    /// From `vocab.txt`: one piece per line, its id the line number.
    pub fn from_vocab(text: &str) -> Result<WordPiece, String> {
        let vocab: HashMap<String, u32> = text
            .lines()
            .enumerate()
            .map(|(i, l)| (l.trim_end_matches('\r').to_string(), i as u32))
            .collect();
        let id = |t: &str| {
            vocab
                .get(t)
                .copied()
                .ok_or_else(|| format!("the vocabulary has no {t}"))
        };
        Ok(WordPiece {
            unk: id("[UNK]")?,
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            vocab,
        })
    }

    /// The ids of `text` between `[CLS]` and `[SEP]`, at most `max` in all (the rest is cut, as
    /// the encoder was trained with a bounded length).
    pub fn encode(&self, text: &str, max: usize) -> Vec<u32> {
        let mut ids = vec![self.cls];
        let body = max.saturating_sub(2);
        'words: for word in pre_tokenize(&normalize(text)) {
            for id in self.pieces(&word) {
                if ids.len() > body {
                    break 'words;
                }
                ids.push(id);
            }
        }
        ids.push(self.sep);
        ids
    }

    fn pieces(&self, word: &str) -> Vec<u32> {
        if word.chars().count() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut out = Vec::new();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                let piece = &word[start..end];
                let hit = if start == 0 {
                    self.vocab.get(piece)
                } else {
                    self.vocab.get(&format!("##{piece}"))
                };
                if let Some(&id) = hit {
                    found = Some(id);
                    break;
                }
                // Back off one char, never into the middle of one.
                end = word[..end]
                    .char_indices()
                    .next_back()
                    .map_or(start, |(i, _)| i);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => return vec![self.unk],
            }
        }
        out
    }
}

/// Clean (drop control chars, turn white space into spaces), space out CJK ideographs, strip
/// accents (canonical decomposition, then no combining marks) and lower-case.
fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || (is_control(c) && !matches!(c, '\t' | '\n' | '\r')) {
            continue;
        }
        if is_whitespace(c) {
            cleaned.push(' ');
        } else if is_cjk(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    cleaned
        .nfd()
        .filter(|&c| get_general_category(c) != Gc::NonspacingMark)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words split at white space, each punctuation mark a word of its own.
fn pre_tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        } else if is_punctuation(c) {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            words.push(c.to_string());
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r') || get_general_category(c) == Gc::SpaceSeparator
}

fn is_control(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::Control | Gc::Format | Gc::Unassigned | Gc::PrivateUse
    )
}

/// ASCII symbols count as punctuation too (`$`, `^`, `` ` ``), as BERT was trained.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            Gc::ConnectorPunctuation
                | Gc::DashPunctuation
                | Gc::OpenPunctuation
                | Gc::ClosePunctuation
                | Gc::InitialPunctuation
                | Gc::FinalPunctuation
                | Gc::OtherPunctuation
        )
}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> WordPiece {
        let words = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "un", "##aff", "##able", ",", "cafe", "!",
            "$", "5", "的",
        ];
        WordPiece::from_vocab(&words.join("\n")).unwrap()
    }

    #[test]
    fn words_are_cut_into_the_longest_known_pieces() {
        let v = vocab();
        assert_eq!(v.encode("The unaffable", 64), vec![2, 4, 5, 6, 7, 3]);
    }

    #[test]
    fn punctuation_accents_and_cjk_become_their_own_tokens() {
        let v = vocab();
        // "Café" loses its accent; "$5" splits at the symbol; an ideograph stands alone.
        assert_eq!(
            v.encode("Café, $5!的", 64),
            vec![2, 9, 8, 11, 12, 10, 13, 3]
        );
    }

    #[test]
    fn an_unknown_word_is_one_unknown_token_and_the_length_is_bounded() {
        let v = vocab();
        assert_eq!(v.encode("the zzz\u{0}", 64), vec![2, 4, 1, 3]);
        assert_eq!(v.encode("the the the the", 4), vec![2, 4, 4, 3]);
        assert_eq!(v.encode("", 4), vec![2, 3]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_bounded_ids_from_the_vocabulary(
            chars in proptest::collection::vec(proptest::prelude::any::<char>(), 0..200),
            max in 2usize..40,
        ) {
            let text: String = chars.into_iter().collect();
            let ids = vocab().encode(&text, max);
            proptest::prop_assert!(ids.len() >= 2 && ids.len() <= max, "{:?}", ids);
            proptest::prop_assert!(ids.iter().all(|&i| i < 14));
        }
    }
}
