//! Crosscheck's verdict engine: a cluster of news articles about one event in, a claim database
//! out. For every sentence of every article and every other article it decides whether the
//! other article corroborates, differs from or omits it, with evidence and the exact details
//! that differ.
//!
//! Pure Rust with no web dependency: the same code runs in the `crosscheck` CLI, in tests and
//! benchmarks, and compiled to WebAssembly as the browser's `Crosscheck.analyse` (crate
//! `crosscheck-analyse`).

pub mod align;
pub mod analyze;
pub mod cluster;
pub mod encoder;
pub mod eval;
pub mod io;
pub mod learn;
pub mod lexicon;
pub mod limits;
/// The claim database's data model, its own crate (`crosscheck-model`) so the widget can depend
/// on it alone; re-exported so engine code and users keep one path, `crosscheck::model`.
pub use crosscheck_model as model;
pub mod pair_features;
mod pair_model;
mod pair_weights;
mod pair_weights_enc;
mod par;
pub mod pipeline;
pub mod progress;
pub mod segment;
pub mod text;
mod vector;
pub mod verdict;
pub mod word_vectors;

pub use cluster::build::Sink;
pub use io::{load_dir, Article, InputError, SourceMeta};
pub use model::{
    Database, DbError, Format, Label, Segment, SegmentKind, Source, Verdict, BIN_VERSION,
    DB_VERSION,
};
pub use par::set_threads;
pub use pipeline::{
    analyse_pair, build, build_into, build_traced, build_with, judge_pair, BuildError,
    BuildOptions, PairAnalysis, PairVerdict, StreamError, Trace, WriteSink,
};
