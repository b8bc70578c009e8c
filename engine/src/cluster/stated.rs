//! The figures each article states, indexed by unit, so that an item can ask at once whether
//! the claim's own article also gives the value the other article puts against the claim.
//!
//! Why: a writer who states a value knows it. When the other article's figure is one the
//! claim's own article gives too (in the same unit, without conflict), the two articles share
//! that value and the pair is more likely two slots ("60% voted yes" against "40% voted no";
//! "the 23-year-old" against "the 35-year-old") than one fact told two ways. Whether that
//! matters is learned: it is a feature of the decision (`fig_conflict_known`), not a rule. (As a
//! feature of the slot model too, it changed no pair chosen in LOCO.)

use std::collections::HashMap;

use crate::analyze::compare::{is_currency, same_kind, same_unit, values_conflict};
use crate::analyze::{Analysis, Quantity};

/// One article's figures: (unit id, index in its `quantities`) by bucket (`bucket`).
#[derive(Debug, Default)]
pub struct Stated {
    by_bucket: HashMap<Option<char>, Vec<(u32, usize)>>,
}

/// A key that two figures of one unit always share (`same_unit`: equal units, dollars of two
/// countries, or one unit ending with the other): a unit's last character, any currency one
/// key, no unit none. Figures of a bucket are still compared in full; the bucket only spares
/// comparing a figure with every figure of the article. A character, not a string: asking
/// allocates nothing.
fn bucket(q: &Quantity) -> Option<char> {
    match q.unit.as_deref() {
        None => None,
        Some(u) if is_currency(u) => Some('¤'),
        Some(u) => u.chars().last(),
    }
}

impl Stated {
    /// Indexes the figures of `units` (one article's eligible units).
    pub fn of(units: &[u32], analyses: &[Analysis]) -> Stated {
        let mut by_bucket: HashMap<Option<char>, Vec<(u32, usize)>> = HashMap::new();
        for &u in units {
            let Some(a) = analyses.get(u as usize) else {
                continue;
            };
            for (i, q) in a.quantities.iter().enumerate() {
                by_bucket.entry(bucket(q)).or_default().push((u, i));
            }
        }
        Stated { by_bucket }
    }

    /// Whether a sentence of the article other than `skip` gives `r`'s value: a figure of the
    /// same kind and unit that does not conflict with it.
    pub fn gives(&self, r: &Quantity, skip: u32, analyses: &[Analysis]) -> bool {
        self.by_bucket.get(&bucket(r)).is_some_and(|figures| {
            figures.iter().any(|&(u, i)| {
                u != skip
                    && analyses
                        .get(u as usize)
                        .and_then(|a| a.quantities.get(i))
                        .is_some_and(|q| {
                            same_kind(q, r) && same_unit(q, r) && !values_conflict(q, r)
                        })
            })
        })
    }
}
