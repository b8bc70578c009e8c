//! The binary form read lazily: its sources and segments at once, each verdict only when a
//! reader opens the sentence it is on.
//!
//! Why: a big story's database is mostly verdicts (a 200-article cluster has about 400,000,
//! each with its evidence, differences and shared spans), and decoding them all into owned
//! structs took the widget most of a second before it could show the first article, which
//! needs the verdicts of its own twenty-odd sentences. Reading checks every verdict as fully
//! as `Database::from_bin` does, so a file is still accepted or refused whole, before
//! anything is shown; it only keeps where each verdict starts, and rebuilds the verdicts of
//! one sentence when asked.

use std::collections::HashMap;

use crate::wire::{self, Budget, HeadBody, WireVerdict};
use crate::{Database, DbError, SegmentTexts, Verdict, BIN_MAGIC, BIN_VERSION, DB_VERSION};

/// A binary database whose verdicts are rebuilt on demand. Made by [`LazyVerdicts::read`].
#[derive(Debug)]
pub struct LazyVerdicts {
    bytes: Vec<u8>,
    /// Per segment id: its runs of consecutive verdicts, as (where the run starts in `bytes`,
    /// how many verdicts), in file order. A build writes a sentence's verdicts one after
    /// another, so most sentences have one run.
    at: HashMap<u32, Vec<(usize, usize)>>,
    count: usize,
}

impl LazyVerdicts {
    /// Reads the binary form: the database without its verdicts (`verdicts` empty), and the
    /// verdicts to rebuild from. Refuses what `Database::from_bin` refuses.
    pub fn read(bytes: Vec<u8>) -> Result<(Database, LazyVerdicts), DbError> {
        if bytes.len() < 8 || &bytes[..4] != BIN_MAGIC {
            return Err(DbError::NotADatabase);
        }
        let mut v = [0u8; 4];
        v.copy_from_slice(&bytes[4..8]);
        let found = u32::from_le_bytes(v);
        if found != BIN_VERSION {
            return Err(DbError::WrongLayout {
                found,
                expected: BIN_VERSION,
            });
        }
        let body = &bytes[8..];
        let (head, mut rest) = postcard::take_from_bytes::<HeadBody>(body).map_err(corrupt)?;
        if head.version != DB_VERSION {
            return Err(DbError::WrongVersion {
                found: head.version,
                expected: DB_VERSION,
            });
        }
        let budget = Budget::new(bytes.len().saturating_mul(wire::REBUILD_FACTOR));
        let db = wire::head_db(head.version, head.sources, head.segments, &budget)?;
        db.validate()?;
        // The verdicts' count, as postcard writes a list's length.
        let (count, after) = postcard::take_from_bytes::<u64>(rest).map_err(corrupt)?;
        rest = after;
        // Every verdict takes at least one byte: a count past the bytes left is corrupt, and
        // nothing is reserved for it.
        if count > rest.len() as u64 {
            return Err(DbError::Corrupt("more verdicts than the file holds".into()));
        }
        let texts = SegmentTexts::new(&db.segments);
        let mut at: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        let mut run: Option<(u32, usize, usize)> = None;
        // One scratch verdict decoded into in place, its lists' room reused.
        let mut v = WireVerdict::scratch();
        for _ in 0..count {
            let start = bytes.len() - rest.len();
            let mut de = postcard::Deserializer::from_bytes(rest);
            serde::Deserialize::deserialize_in_place(&mut de, &mut v).map_err(corrupt)?;
            rest = de.finalize().map_err(corrupt)?;
            wire::check(&v, db.sources.len(), |id| texts.get(id), &budget)?;
            match &mut run {
                Some((segment, _, n)) if *segment == v.segment => *n += 1,
                _ => {
                    if let Some((segment, start, n)) = run {
                        at.entry(segment).or_default().push((start, n));
                    }
                    run = Some((v.segment, start, 1));
                }
            }
        }
        if let Some((segment, start, n)) = run {
            at.entry(segment).or_default().push((start, n));
        }
        let count = count as usize;
        Ok((db, LazyVerdicts { bytes, at, count }))
    }

    /// How many verdicts the file holds.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The ids of the segments that have stored verdicts.
    pub fn segments(&self) -> impl Iterator<Item = u32> + '_ {
        self.at.keys().copied()
    }

    /// The verdicts on `segment`, in file order, rebuilt against `db` (the database `read`
    /// gave with these verdicts).
    pub fn on(&self, segment: u32, db: &Database) -> Vec<Verdict> {
        let Some(starts) = self.at.get(&segment) else {
            return Vec::new();
        };
        let texts = SegmentTexts::new(&db.segments);
        // Checked when read: no budget is needed again, and nothing fails here.
        let budget = Budget::new(usize::MAX);
        let mut out = Vec::new();
        for &(start, n) in starts {
            let mut rest = self.bytes.get(start..).unwrap_or_default();
            for _ in 0..n {
                let Ok((v, after)) = postcard::take_from_bytes::<WireVerdict>(rest) else {
                    break;
                };
                rest = after;
                if let Ok(v) = wire::rebuild(v, &db.sources, |id| texts.get(id), &budget) {
                    out.push(v);
                }
            }
        }
        out
    }
}

fn corrupt(e: postcard::Error) -> DbError {
    DbError::Corrupt(e.to_string())
}
