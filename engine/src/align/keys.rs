//! Term keys from surface forms: a name's consonant skeleton (so spelling variants meet), a
//! number's value as text, an acronym, and the capitalised run whose initials it is.
//!
//! Why separate: pure functions of one token or run, apart from the cluster-wide passes of
//! `index` that call them.

fn skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for (i, c) in s.chars().enumerate() {
        let keep = i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | '\'' | '-');
        if keep && c != last {
            out.push(c);
        }
        if keep {
            last = c;
        }
    }
    out
}

/// The key of a name: its consonant skeleton when long enough to be distinctive.
pub(super) fn name_key(n: &str) -> String {
    if n.chars().count() >= 5 {
        format!("N:{}", skeleton(n))
    } else {
        format!("N:{n}")
    }
}

pub(super) fn fmt_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.3}")
    }
}

/// An all-capital token of two to five letters ("US", "U.S", "MEK"), lower-cased without dots.
pub(super) fn acronym(text: &str, t: &crate::analyze::Token) -> Option<String> {
    let surface = text.get(t.start..t.end)?;
    let letters: String = surface.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=5).contains(&n) && letters.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| letters.to_ascii_lowercase())
}

/// A run of capitalised words from `i` ("United States", "National Council of Resistance of
/// Iran"), with its initials and the index just after it; connectors inside are skipped.
pub(super) fn expansion(
    text: &str,
    toks: &[crate::analyze::Token],
    i: usize,
) -> Option<(String, usize)> {
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.capitalized
                && text
                    .get(t.start..t.end)
                    .is_some_and(|s| s.chars().skip(1).any(char::is_lowercase))
        })
    };
    if !cap(i) {
        return None;
    }
    let mut initials = String::new();
    let mut k = i;
    let mut end = i;
    // Closed class, left inline: the small words inside a name's initials.
    while k < toks.len() && k < i + 8 {
        if cap(k) {
            initials.extend(toks[k].lower.chars().next());
            k += 1;
            end = k;
        } else if matches!(toks[k].lower.as_str(), "of" | "and" | "for" | "the" | "on")
            && cap(k + 1)
        {
            k += 1;
        } else {
            break;
        }
    }
    (end - i >= 2).then_some((initials, end))
}
