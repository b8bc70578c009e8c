//! The Crosscheck widget: shows an article of the embedded cluster and, for any sentence a
//! reader picks, which other outlets corroborate, differ from or omit it.
//!
//! The widget only displays the engine's database; it never re-derives a verdict.

/// The claim database generated from `seeds/` (or `CROSSCHECK_CLUSTER`) by `build.rs`.
pub static EMBEDDED_DB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/claims.bin"));
