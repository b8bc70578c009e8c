//! A database file's bytes gathered as a download delivers them, summed on the way.
//!
//! Why: a big story's binary form is tens of MiB. Read whole (`Response.arrayBuffer()`), the
//! browser hands it over tens of milliseconds after its last byte arrived, then the widget
//! copies it into its memory and passes over it once more for the checksum. Read chunk by
//! chunk, the copy and the checksum happen while the rest is still on its way, so what is left
//! when the last chunk lands is the decoding itself. The bytes and the checks are the same as
//! [`LazyVerdicts::read`]'s: only when the summing happens differs.

use crate::lazy::LazyVerdicts;
use crate::{Database, DbError};

/// The bytes of a database file received so far, and the checksum of all but their last four
/// (the binary form ends with its checksum, which covers every byte before it; until the last
/// chunk, any four bytes may be those).
pub struct Incoming {
    bytes: Vec<u8>,
    sum: adler2::Adler32,
    summed: usize,
}

/// What a declared length may reserve at once: a server's `Content-Length` is a hint, not a
/// promise, so a false one cannot make the reader ask for more memory than this up front.
const MAX_RESERVE: usize = 256 << 20;

impl Incoming {
    /// Ready for a file said to be `expected` bytes long (0 when not said).
    pub fn new(expected: usize) -> Incoming {
        Incoming {
            bytes: Vec::with_capacity(expected.min(MAX_RESERVE)),
            sum: adler2::Adler32::new(),
            summed: 0,
        }
    }

    /// Appends the next `len` bytes, which `fill` writes into the slice it is given (a
    /// browser's `Uint8Array::copy_to`, or `copy_from_slice`).
    pub fn append_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) {
        let start = self.bytes.len();
        self.bytes.resize(start.saturating_add(len), 0);
        fill(&mut self.bytes[start..]);
        let upto = self.bytes.len().saturating_sub(4);
        if upto > self.summed {
            self.sum.write_slice(&self.bytes[self.summed..upto]);
            self.summed = upto;
        }
    }

    /// Appends the next bytes.
    pub fn append(&mut self, chunk: &[u8]) {
        self.append_with(chunk.len(), |to| to.copy_from_slice(chunk));
    }

    /// The bytes received so far.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes received, for a reader of another form (the JSON export).
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Reads the file as [`LazyVerdicts::read`] does, with the checksum already summed.
    pub fn read(self) -> Result<(Database, LazyVerdicts), DbError> {
        // `summed` is the length less four whenever there are four bytes; a shorter file is
        // not a database, which `read` says.
        if self.summed + 4 != self.bytes.len() {
            return LazyVerdicts::read(self.bytes);
        }
        let sum = self.sum.checksum();
        LazyVerdicts::read_summed(self.bytes, Some(sum))
    }
}
