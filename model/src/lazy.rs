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
use crate::{Database, DbError, SegmentTexts, Source, Verdict, DB_VERSION};

/// A binary database whose verdicts are rebuilt on demand. Made by [`LazyVerdicts::read`].
#[derive(Debug)]
pub struct LazyVerdicts {
    bytes: Vec<u8>,
    /// Per segment id: its runs of consecutive verdicts, as (where the run starts in `bytes`,
    /// how many verdicts), in file order. A build writes a sentence's verdicts one after
    /// another, so most sentences have one run.
    runs: HashMap<u32, Vec<(usize, usize)>>,
}

impl LazyVerdicts {
    /// Reads the binary form: the database without its verdicts (`verdicts` empty), and the
    /// verdicts to rebuild from. Refuses what `Database::from_bin` refuses.
    pub fn read(bytes: Vec<u8>) -> Result<(Database, LazyVerdicts), DbError> {
        let body = crate::bin_body(&bytes)?;
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
        // The verdicts' count, read as postcard reads a list's length (a `usize` varint, at
        // most 5 bytes on wasm32), so both readers refuse an overlong one alike.
        let (count, after) = postcard::take_from_bytes::<usize>(rest).map_err(corrupt)?;
        rest = after;
        // Every verdict takes at least one byte: a count past the bytes left is corrupt, and
        // nothing is reserved for it.
        if count > rest.len() {
            return Err(DbError::Corrupt("more verdicts than the file holds".into()));
        }
        let texts = SegmentTexts::new(&db.segments);
        let mut runs: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        let mut run: Option<(u32, usize, usize)> = None;
        // One scratch verdict decoded into in place, its lists' room reused.
        let mut scratch = WireVerdict::scratch();
        for _ in 0..count {
            let start = bytes.len() - rest.len();
            let mut de = postcard::Deserializer::from_bytes(rest);
            serde::Deserialize::deserialize_in_place(&mut de, &mut scratch).map_err(corrupt)?;
            rest = de.finalize().map_err(corrupt)?;
            wire::check(&scratch, db.sources.len(), |id| texts.get(id), &budget)?;
            match &mut run {
                Some((segment, _, n)) if *segment == scratch.segment => *n += 1,
                _ => {
                    if let Some((segment, start, n)) = run {
                        runs.entry(segment).or_default().push((start, n));
                    }
                    run = Some((scratch.segment, start, 1));
                }
            }
        }
        if let Some((segment, start, n)) = run {
            runs.entry(segment).or_default().push((start, n));
        }
        Ok((db, LazyVerdicts { bytes, runs }))
    }

    /// The ids of the segments that have stored verdicts.
    pub fn segments(&self) -> impl Iterator<Item = u32> + '_ {
        self.runs.keys().copied()
    }

    /// The verdicts on `segment`, in file order, rebuilt against the database `read` gave with
    /// these verdicts: `sources` its sources, `text` its segments' texts by id.
    ///
    /// Every verdict was checked by `read` against that database, so rebuilding cannot fail;
    /// were it to (another database passed in), the verdicts that do not rebuild are left out
    /// rather than shown wrong, and debug builds stop.
    pub fn verdicts_on<'t>(
        &self,
        segment: u32,
        sources: &[Source],
        text: impl Fn(u32) -> Option<&'t str>,
    ) -> Vec<Verdict> {
        let Some(runs) = self.runs.get(&segment) else {
            return Vec::new();
        };
        let budget = Budget::new(usize::MAX);
        let mut out = Vec::new();
        for &(start, n) in runs {
            let mut rest = self.bytes.get(start..).unwrap_or_default();
            for _ in 0..n {
                let Ok((v, after)) = postcard::take_from_bytes::<WireVerdict>(rest) else {
                    debug_assert!(false, "a verdict checked when read does not decode");
                    break;
                };
                rest = after;
                match wire::rebuild(v, sources, &text, &budget) {
                    Ok(v) => out.push(v),
                    Err(_) => debug_assert!(false, "a verdict checked when read does not rebuild"),
                }
            }
        }
        out
    }
}

fn corrupt(e: postcard::Error) -> DbError {
    DbError::Corrupt(e.to_string())
}
