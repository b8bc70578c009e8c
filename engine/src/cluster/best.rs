//! Every claim's best match in every article, stored compactly (`BestTable`).
//!
//! Why: the table has one entry per (claim, article), so it grows with the square of the
//! cluster, and it is the one thing a build holds for the whole of its matching stage (mutual
//! matches read entries of other claims). As `Option<Match>` each entry was 56 bytes plus a
//! heap allocation for its one or two units: about 500 MiB at 500 articles. Here an entry is 24
//! bytes and the units and further evidence sit in two shared pools; `get` rebuilds the `Match`
//! an item reads.

use crate::align::Match;

/// One (claim, article) entry; `units_len == 0` means no match.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// Where the units start in the pool; for a match of one unit (most of them), the unit
    /// itself: a mutual-match test reads other claims' entries all over the table, and this
    /// spares it a second scattered read.
    units_at: u32,
    also_at: u32,
    coverage: f32,
    reverse: f32,
    also_len: u16,
    units_len: u8,
}

/// A best match as `BestTable::best` lends it: `Match`'s units, coverage and further
/// evidence.
pub struct Best<'a> {
    pub units: &'a [u32],
    pub coverage: f32,
    pub also: &'a [(u32, f32)],
}

/// `Option<Match>` for every claim (segment) and article, filled one claim's row at a time.
#[derive(Debug, Default)]
pub struct BestTable {
    articles: usize,
    /// Row `segment * articles + article`; segments without a row (no verdicts) have none.
    entries: Vec<Entry>,
    /// Where each segment's row starts in `entries`, when it has one.
    row_at: Vec<Option<u32>>,
    units: Vec<u32>,
    also: Vec<(u32, f32)>,
}

impl BestTable {
    /// An empty table for `rows` rows (segments that get verdicts) of `articles` entries; its
    /// entries are reserved at once, so the table never copies itself as it grows (it is
    /// over 100 MiB at 500 articles).
    pub fn new(articles: usize, rows: usize) -> BestTable {
        BestTable {
            articles,
            entries: Vec::with_capacity(rows.saturating_mul(articles)),
            ..BestTable::default()
        }
    }

    /// Appends the row of the next segment: its best match in each article (`None` for a
    /// segment that gets no verdicts). A match with more units or further evidence than an
    /// entry can count keeps the first ones (never reached: a match has one or two units, and
    /// an article has far fewer than 65,536 sentences).
    pub fn push_row(&mut self, row: Option<Vec<Option<Match>>>) {
        let Some(row) = row else {
            self.row_at.push(None);
            return;
        };
        self.row_at.push(u32::try_from(self.entries.len()).ok());
        for a in 0..self.articles {
            let entry = match row.get(a).and_then(Option::as_ref) {
                None => Entry::default(),
                Some(m) => {
                    let units = &m.units[..m.units.len().min(usize::from(u8::MAX))];
                    let also = &m.also[..m.also.len().min(usize::from(u16::MAX))];
                    let e = Entry {
                        units_at: match units {
                            [one] => *one,
                            _ => self.units.len() as u32,
                        },
                        also_at: self.also.len() as u32,
                        coverage: m.coverage,
                        reverse: m.reverse,
                        also_len: also.len() as u16,
                        units_len: units.len() as u8,
                    };
                    if units.len() > 1 {
                        self.units.extend_from_slice(units);
                    }
                    self.also.extend_from_slice(also);
                    e
                }
            };
            self.entries.push(entry);
        }
    }

    fn entry(&self, segment: u32, article: usize) -> Option<&Entry> {
        if article >= self.articles {
            return None;
        }
        let at = (*self.row_at.get(segment as usize)?)? as usize;
        self.entries.get(at + article).filter(|e| e.units_len > 0)
    }

    /// The units of `segment`'s best match in `article` (empty without one).
    pub fn units(&self, segment: u32, article: usize) -> &[u32] {
        self.entry(segment, article)
            .map_or(&[], |e| self.units_of(e))
    }

    /// An entry's units: the one it holds itself, or its run of the pool.
    fn units_of<'a>(&'a self, e: &'a Entry) -> &'a [u32] {
        if e.units_len == 1 {
            return std::slice::from_ref(&e.units_at);
        }
        let at = e.units_at as usize;
        self.units
            .get(at..at + usize::from(e.units_len))
            .unwrap_or(&[])
    }

    /// `segment`'s best match in `article`, borrowed from the table: what an item reads of
    /// it, without building a `Match` (two allocations) for every item.
    pub fn best(&self, segment: u32, article: usize) -> Option<Best<'_>> {
        let e = self.entry(segment, article)?;
        let at = e.also_at as usize;
        Some(Best {
            units: self.units_of(e),
            coverage: e.coverage,
            also: self
                .also
                .get(at..at + usize::from(e.also_len))
                .unwrap_or(&[]),
        })
    }

    /// The coverage of `segment`'s best match in `article` (0 without one).
    pub fn coverage(&self, segment: u32, article: usize) -> f32 {
        self.entry(segment, article).map_or(0.0, |e| e.coverage)
    }

    /// `segment`'s best match in `article`, as `Aligner::best_per_article` gave it.
    pub fn get(&self, segment: u32, article: usize) -> Option<Match> {
        let e = self.entry(segment, article)?;
        let at = e.also_at as usize;
        Some(Match {
            units: self.units(segment, article).to_vec(),
            coverage: e.coverage,
            reverse: e.reverse,
            also: self
                .also
                .get(at..at + usize::from(e.also_len))
                .unwrap_or(&[])
                .to_vec(),
        })
    }

    /// How many articles a row covers.
    pub fn articles(&self) -> usize {
        self.articles
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(units: &[u32], coverage: f32, also: &[(u32, f32)]) -> Match {
        Match {
            units: units.to_vec(),
            coverage,
            reverse: coverage / 2.0,
            also: also.to_vec(),
        }
    }

    /// Every entry reads back as it was pushed; rows without verdicts and missing matches are
    /// `None`, and so is anything out of range.
    #[test]
    fn entries_read_back_as_pushed() {
        let rows = vec![
            Some(vec![
                None,
                Some(m(&[3], 0.5, &[(4, 0.3)])),
                Some(m(&[6, 7], 0.25, &[])),
            ]),
            None,
            Some(vec![
                Some(m(&[0], 0.75, &[(1, 0.5), (2, 0.125)])),
                None,
                None,
            ]),
        ];
        let mut t = BestTable::new(3, 2);
        for r in rows.clone() {
            t.push_row(r);
        }
        for (s, row) in rows.iter().enumerate() {
            for a in 0..3 {
                let want = row.as_ref().and_then(|r| r[a].clone());
                assert_eq!(t.get(s as u32, a), want, "segment {s}, article {a}");
                let units = want.as_ref().map_or(&[][..], |w| &w.units[..]).to_vec();
                assert_eq!(t.units(s as u32, a), &units[..]);
                let best = t.best(s as u32, a);
                assert_eq!(
                    best.as_ref().map(|b| b.units),
                    want.as_ref().map(|w| &w.units[..])
                );
                assert_eq!(
                    best.as_ref().map(|b| b.also),
                    want.as_ref().map(|w| &w.also[..])
                );
                assert_eq!(t.coverage(s as u32, a), want.map_or(0.0, |w| w.coverage));
            }
        }
        assert_eq!(t.get(0, 3), None);
        assert_eq!(t.get(9, 0), None);
        assert_eq!(t.articles(), 3);
    }
}
