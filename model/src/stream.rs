//! Writing a database whose verdicts arrive one at a time: `DbWriter` takes the version,
//! sources and segments first, then each verdict as it is decided, and writes the same bytes as
//! `Database::to_json` or `Database::to_bin` of the whole database.
//!
//! Why: a big cluster's verdicts are most of a build's memory (at 200 articles, 410,000
//! verdicts with their shared-word spans), and the engine decides them claim by claim. Written
//! as they come, they never need to be held together: the JSON form goes straight to its
//! file, and the binary form keeps only its compact encoding until the count it starts with is
//! known. The binary form's index and checksum (see `lazy`) are made as its bytes go out.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::{wire, Database, Verdict, BIN_MAGIC, BIN_VERSION};

/// Writes to `out` and adds what it wrote to `sum`: every byte before the binary form's
/// checksum is counted in it.
fn put(out: &mut impl Write, sum: &mut adler2::Adler32, bytes: &[u8]) -> io::Result<()> {
    sum.write_slice(bytes);
    out.write_all(bytes)
}

/// The two forms a database is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The portable export (`Database::to_json`).
    #[cfg(feature = "json")]
    Json,
    /// The compact form the widget reads (`Database::to_bin`).
    Bin,
}

/// Writes one database to `out`, its verdicts pushed one by one.
pub struct DbWriter<W: Write> {
    out: W,
    form: Form,
    /// Verdicts written so far.
    count: usize,
}

enum Form {
    #[cfg(feature = "json")]
    Json {
        /// One verdict's pretty JSON, reused from verdict to verdict.
        scratch: Vec<u8>,
    },
    Bin {
        /// A source's position by its id: the binary form names sources by position.
        positions: HashMap<String, u32>,
        /// The encoded verdicts, written after their count by `finish`, in chunks of about
        /// `CHUNK` bytes: one growing buffer would copy itself as it doubles, briefly holding
        /// three times the verdicts' size (113 MiB of them at 500 articles).
        verdicts: Vec<Vec<u8>>,
        /// The index: per run of verdicts on one segment, (segment, verdicts, bytes).
        runs: Vec<(u32, u32, u32)>,
        /// The checksum of what is written so far.
        sum: adler2::Adler32,
    },
}

/// Bytes of encoded verdicts per chunk.
const CHUNK: usize = 1 << 20;

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// What pretty JSON puts before the verdicts' entries: the head's text up to the empty list
/// `serde_json` writes for them, which `finish` closes again.
#[cfg(feature = "json")]
const JSON_EMPTY_TAIL: &[u8] = b"[]\n}";

impl<W: Write> DbWriter<W> {
    /// Starts a database with `head`'s version, sources and segments; `head`'s own verdicts
    /// are written first, and those pushed later follow them. Fails on a write error, and for
    /// the binary form on a segment naming a source `head` does not have.
    pub fn new(format: Format, head: &Database, mut out: W) -> io::Result<DbWriter<W>> {
        let form = match format {
            #[cfg(feature = "json")]
            Format::Json => {
                // The head with no verdicts, serialised the way the whole database is, so the
                // fields stay in the model's order however the struct changes. The copy is of
                // the articles and segments only, a small part of a big build's memory.
                let without = Database {
                    version: head.version,
                    sources: head.sources.clone(),
                    segments: head.segments.clone(),
                    verdicts: Vec::new(),
                };
                let text = serde_json::to_vec_pretty(&without).map_err(io::Error::from)?;
                let open = text
                    .strip_suffix(JSON_EMPTY_TAIL)
                    .ok_or_else(|| invalid("the database's verdicts are not its last field"))?;
                out.write_all(open)?;
                out.write_all(b"[")?;
                Form::Json {
                    scratch: Vec::new(),
                }
            }
            Format::Bin => {
                let positions = head
                    .sources
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| Some((s.id.clone(), u32::try_from(i).ok()?)))
                    .collect();
                let bytes = wire::head_bytes(head)
                    .ok_or_else(|| invalid("a segment names a source that is not there"))?;
                let mut sum = adler2::Adler32::new();
                put(&mut out, &mut sum, BIN_MAGIC)?;
                put(&mut out, &mut sum, &BIN_VERSION.to_le_bytes())?;
                put(&mut out, &mut sum, &bytes)?;
                Form::Bin {
                    positions,
                    verdicts: Vec::new(),
                    runs: Vec::new(),
                    sum,
                }
            }
        };
        let mut w = DbWriter {
            out,
            form,
            count: 0,
        };
        for v in &head.verdicts {
            w.push(v)?;
        }
        Ok(w)
    }

    /// Writes one more verdict. The binary form refuses a verdict naming an unknown source or
    /// a shared span that ends before it starts, which `Database::validate` refuses too.
    pub fn push(&mut self, v: &Verdict) -> io::Result<()> {
        match &mut self.form {
            #[cfg(feature = "json")]
            Form::Json { scratch } => {
                scratch.clear();
                serde_json::to_writer_pretty(&mut *scratch, v).map_err(io::Error::from)?;
                self.out
                    .write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                // An entry of the list sits two levels deep: every line of it gets four
                // spaces. JSON strings hold no raw line break, so every '\n' is a new line.
                for (i, line) in scratch.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    self.out.write_all(b"    ")?;
                    self.out.write_all(line)?;
                }
            }
            Form::Bin {
                positions,
                verdicts,
                runs,
                ..
            } => {
                if verdicts.last().is_none_or(|c| c.len() >= CHUNK) {
                    verdicts.push(Vec::with_capacity(CHUNK + CHUNK / 8));
                }
                let position = |id: &str| positions.get(id).copied();
                let chunk = verdicts.last_mut().ok_or_else(|| invalid("no chunk"))?;
                let before = chunk.len();
                wire::push_verdict(v, position, chunk)
                    .ok_or_else(|| invalid("a verdict that cannot be written by position"))?;
                let Ok(len) = u32::try_from(chunk.len() - before) else {
                    // Nothing the index does not cover is left in the file.
                    chunk.truncate(before);
                    return Err(invalid("a verdict longer than the index can say"));
                };
                // A run whose count or bytes would overflow starts another run of the same
                // segment: the index allows several.
                match runs.last_mut() {
                    Some((segment, n, bytes))
                        if *segment == v.segment
                            && n.checked_add(1).is_some()
                            && bytes.checked_add(len).is_some() =>
                    {
                        *n += 1;
                        *bytes += len;
                    }
                    _ => runs.push((v.segment, 1, len)),
                }
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the database and hands back the writer (not flushed).
    pub fn finish(mut self) -> io::Result<W> {
        match &self.form {
            #[cfg(feature = "json")]
            Form::Json { .. } => {
                if self.count > 0 {
                    self.out.write_all(b"\n  ")?;
                }
                self.out.write_all(b"]\n}")?;
            }
            Form::Bin {
                verdicts,
                runs,
                sum,
                ..
            } => {
                let mut sum = *sum;
                let count =
                    postcard::to_allocvec(&self.count).map_err(|e| invalid(&e.to_string()))?;
                put(&mut self.out, &mut sum, &count)?;
                for chunk in verdicts {
                    put(&mut self.out, &mut sum, chunk)?;
                }
                let index = postcard::to_allocvec(runs).map_err(|e| invalid(&e.to_string()))?;
                let index_len = u32::try_from(index.len())
                    .map_err(|_| invalid("an index longer than its length can say"))?;
                put(&mut self.out, &mut sum, &index)?;
                put(&mut self.out, &mut sum, &index_len.to_le_bytes())?;
                self.out.write_all(&sum.checksum().to_le_bytes())?;
            }
        }
        Ok(self.out)
    }
}
