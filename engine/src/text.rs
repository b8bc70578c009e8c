//! Text normalisation shared by every stage and by the gold matcher.
//!
//! LABELS.md defines one normalisation for matching gold keys to segments (NFKC, curly quotes
//! and apostrophes to straight, dashes to `-`, white space folded, case ignored); the engine
//! compares text the same way so that what it matches is what the scorer matches.

use unicode_normalization::UnicodeNormalization;

/// Maps typographic variants to their plain ASCII form; `None` leaves the char alone.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => {
            Some('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some('-'),
        _ => None,
    }
}

/// The LABELS.md normalisation: NFKC, straight quotes, `-` dashes, single spaces, lower case.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc() {
        let c = fold_char(c).unwrap_or(c);
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_space_and_case() {
        assert_eq!(
            normalize("  The \u{201C}Quote\u{201D} \u{2013} it\u{2019}s\n\tFINE "),
            "the \"quote\" - it's fine"
        );
    }

    #[test]
    fn nfkc_applies() {
        assert_eq!(normalize("\u{FB01}le"), "file");
    }
}
