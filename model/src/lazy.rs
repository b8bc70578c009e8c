//! The binary form read lazily: its sources and segments at once, each sentence's verdicts
//! only when a reader opens that sentence.
//!
//! Why: a big story's database is mostly verdicts (a 200-article cluster has about 400,000,
//! each with its evidence, differences and shared spans). Decoding them all took the widget
//! most of a second before it could show the first article, which needs the verdicts of its
//! own twenty-odd sentences; checking them all without keeping them still took a third of a
//! second. So the file ends with an index of its verdicts (per run of one sentence's verdicts:
//! the sentence, how many, how many bytes) and a checksum of everything before it. Reading
//! checks the checksum, the sources and segments, and that the index adds up to the verdicts
//! it covers, then keeps the bytes: a file cut short or damaged by accident (Adler-32 sees any
//! one changed byte) is still refused whole, before anything is shown. One sentence's verdicts are decoded and checked (as fully as
//! `Database::validate` checks them) when first asked for; a file crafted to pass the
//! checksum with a bad verdict in it gets that sentence's error, never a wrong verdict.

use std::cell::Cell;
use std::collections::HashMap;

use crate::wire::{self, Budget, HeadBody, WireVerdict};
use crate::{Database, DbError, SegmentTexts, Source, Verdict, BIN_MAGIC, BIN_VERSION, DB_VERSION};

/// A binary database whose verdicts are rebuilt on demand. Made by [`LazyVerdicts::read`].
#[derive(Debug)]
pub struct LazyVerdicts {
    bytes: Vec<u8>,
    /// The runs of consecutive verdicts on one sentence, in file order. A build writes a
    /// sentence's verdicts one after another, so most sentences have one run.
    runs: Vec<Run>,
    /// Per segment id: the positions of its runs in `runs`.
    by_segment: HashMap<u32, Vec<usize>>,
    /// What the file's texts may still rebuild to, as `from_bin` allows the whole file (a few
    /// times its size), so a small file cannot ask for far more memory than it holds. Each run
    /// spends it the first time it is decoded (`charged`): decoding a sentence again keeps
    /// nothing more.
    budget: Budget,
    charged: Vec<Cell<bool>>,
}

/// One entry of the file's index.
#[derive(Debug, Clone, Copy)]
struct Run {
    segment: u32,
    /// Where its bytes start and end in `LazyVerdicts::bytes`.
    start: usize,
    end: usize,
    /// How many verdicts it holds.
    count: usize,
}

/// The bytes after the layout version: `body` (the model's head, the verdicts' count and the
/// verdicts), then the index, its length and the checksum, each length and the checksum a
/// little-endian `u32`.
pub(crate) struct Parts<'a> {
    pub(crate) body: &'a [u8],
    pub(crate) index: &'a [u8],
}

/// Splits a binary database into its parts, refusing a file that is not one, has another
/// layout, or whose checksum (Adler-32 of every byte before it) does not match.
pub(crate) fn parts(bytes: &[u8], summed: Option<u32>) -> Result<Parts<'_>, DbError> {
    if bytes.len() < 8 || &bytes[..4] != BIN_MAGIC {
        return Err(DbError::NotADatabase);
    }
    let found = u32_at(bytes, 4);
    if found != BIN_VERSION {
        return Err(DbError::WrongLayout {
            found,
            expected: BIN_VERSION,
        });
    }
    // The smallest file: header, an empty body, an empty index and the two trailing words.
    if bytes.len() < 16 {
        return Err(DbError::Corrupt("the file ends before its index".into()));
    }
    let sum_at = bytes.len() - 4;
    // `summed`: the checksum of those bytes, when the reader summed them as they arrived.
    let sum = summed.unwrap_or_else(|| checksum(&bytes[..sum_at]));
    if u32_at(bytes, sum_at) != sum {
        return Err(DbError::Corrupt(
            "its checksum does not match: the file was damaged or cut short".into(),
        ));
    }
    let index_len = u32_at(bytes, sum_at - 4) as usize;
    let index_at = (sum_at - 4)
        .checked_sub(index_len)
        .filter(|&at| at >= 8)
        .ok_or_else(|| DbError::Corrupt("its index is longer than the file".into()))?;
    Ok(Parts {
        body: &bytes[8..index_at],
        index: &bytes[index_at..sum_at - 4],
    })
}

/// The checksum the binary form ends with (little-endian), of every byte before it: Adler-32.
/// Public for tools and tests that make a file pass it (a damaged file re-sealed is how the
/// checks past the checksum are tested).
pub fn checksum(bytes: &[u8]) -> u32 {
    let mut a = adler2::Adler32::new();
    a.write_slice(bytes);
    a.checksum()
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

impl LazyVerdicts {
    /// Reads the binary form: the database without its verdicts (`verdicts` empty), and the
    /// verdicts to rebuild from. Refuses a file whose checksum, sources, segments or index
    /// are wrong; a verdict is checked when its sentence's verdicts are asked for.
    pub fn read(bytes: Vec<u8>) -> Result<(Database, LazyVerdicts), DbError> {
        LazyVerdicts::read_summed(bytes, None)
    }

    /// [`LazyVerdicts::read`], with the checksum of all but the last four bytes given when
    /// the reader summed them as they arrived (`Incoming`).
    pub(crate) fn read_summed(
        bytes: Vec<u8>,
        summed: Option<u32>,
    ) -> Result<(Database, LazyVerdicts), DbError> {
        let Parts { body, index } = parts(&bytes, summed)?;
        let (head, rest) = postcard::take_from_bytes::<HeadBody>(body).map_err(corrupt)?;
        if head.version != DB_VERSION {
            return Err(DbError::WrongVersion {
                found: head.version,
                expected: DB_VERSION,
            });
        }
        let budget = Budget::new(bytes.len().saturating_mul(wire::REBUILD_FACTOR));
        let db = wire::head_db(head.version, head.sources, head.segments, &budget)?;
        db.validate()?;
        // The verdicts' count, read as postcard reads a list's length (a `usize` varint).
        let (count, verdicts) = postcard::take_from_bytes::<usize>(rest).map_err(corrupt)?;
        let entries: Vec<(u32, u32, u32)> = match postcard::take_from_bytes(index) {
            Ok((entries, [])) => entries,
            Ok(_) => return Err(DbError::Corrupt("bytes after its index".into())),
            Err(e) => return Err(corrupt(e)),
        };
        // The index must tile the verdicts' bytes exactly and count them all, every verdict
        // taking at least one byte, each run on a segment the database has.
        let texts = SegmentTexts::new(&db.segments);
        let mut start = bytes.len() - index.len() - 8 - verdicts.len();
        let (mut runs, mut total) = (Vec::with_capacity(entries.len()), 0usize);
        let mut by_segment: HashMap<u32, Vec<usize>> = HashMap::new();
        for (segment, n, len) in entries {
            let (n, len) = (n as usize, len as usize);
            if n == 0 || len < n || texts.get(segment).is_none() {
                return Err(DbError::Corrupt(
                    "its index names a run it cannot hold".into(),
                ));
            }
            by_segment.entry(segment).or_default().push(runs.len());
            runs.push(Run {
                segment,
                start,
                end: start.saturating_add(len),
                count: n,
            });
            start = start.saturating_add(len);
            total = total.saturating_add(n);
        }
        if start != bytes.len() - index.len() - 8 || total != count {
            return Err(DbError::Corrupt(
                "its index does not add up to its verdicts".into(),
            ));
        }
        let charged = runs.iter().map(|_| Cell::new(false)).collect();
        Ok((
            db,
            LazyVerdicts {
                bytes,
                runs,
                by_segment,
                budget,
                charged,
            },
        ))
    }

    /// The ids of the segments that have stored verdicts.
    pub fn segments(&self) -> impl Iterator<Item = u32> + '_ {
        self.by_segment.keys().copied()
    }

    /// The verdicts on `segment`, in file order, decoded and checked against the database
    /// `read` gave with these verdicts: `sources` its sources, `text` its segments' texts by
    /// id. An error (which only a file made to pass the checksum can give) names what is
    /// wrong; no verdict of the sentence is given then.
    pub fn verdicts_on<'t>(
        &self,
        segment: u32,
        sources: &[Source],
        text: impl Fn(u32) -> Option<&'t str> + Copy,
    ) -> Result<Vec<Verdict>, DbError> {
        let mut out = Vec::new();
        for &i in self.by_segment.get(&segment).into_iter().flatten() {
            self.decode(i, sources, text, &mut out)?;
        }
        Ok(out)
    }

    /// Every sentence with stored verdicts, by id, with what reading its verdicts gives
    /// (`verdicts_on`), checked against `head`, the database `read` gave with these verdicts:
    /// what a tool or a test reads to see which sentences of a file are sound.
    pub fn sentences(&self, head: &Database) -> Vec<(u32, Result<Vec<Verdict>, DbError>)> {
        let texts = SegmentTexts::new(&head.segments);
        let mut ids: Vec<u32> = self.segments().collect();
        ids.sort_unstable();
        ids.into_iter()
            .map(|s| (s, self.verdicts_on(s, &head.sources, |id| texts.get(id))))
            .collect()
    }

    /// Every verdict, in file order, each checked as `verdicts_on` checks it.
    pub fn all<'t>(
        &self,
        sources: &[Source],
        text: impl Fn(u32) -> Option<&'t str> + Copy,
    ) -> Result<Vec<Verdict>, DbError> {
        let mut out = Vec::new();
        for i in 0..self.runs.len() {
            self.decode(i, sources, text, &mut out)?;
        }
        Ok(out)
    }

    /// Appends the verdicts of run `i` to `out`: exactly its count, on its segment, filling
    /// exactly its bytes, each one's references checked before it is rebuilt.
    fn decode<'t>(
        &self,
        i: usize,
        sources: &[Source],
        text: impl Fn(u32) -> Option<&'t str> + Copy,
        out: &mut Vec<Verdict>,
    ) -> Result<(), DbError> {
        let run = self.runs[i];
        let mut rest = self.bytes.get(run.start..run.end).unwrap_or_default();
        // The first decoding of a run spends the file's budget; a later one rebuilds what it
        // already did, within an unlimited one.
        let unlimited = Budget::new(usize::MAX);
        let first = !self.charged[i].replace(true);
        let budget = if first { &self.budget } else { &unlimited };
        for _ in 0..run.count {
            let (v, after) = postcard::take_from_bytes::<WireVerdict>(rest).map_err(corrupt)?;
            rest = after;
            if v.segment != run.segment {
                return Err(DbError::Corrupt(
                    "a verdict is not on the sentence its index says".into(),
                ));
            }
            wire::check(&v, sources.len(), text, &unlimited)?;
            out.push(wire::rebuild(v, sources, text, budget)?);
        }
        if !rest.is_empty() {
            return Err(DbError::Corrupt(
                "a run of verdicts is shorter than its index says".into(),
            ));
        }
        Ok(())
    }
}

fn corrupt(e: postcard::Error) -> DbError {
    DbError::Corrupt(e.to_string())
}
