//! Fitting and judging the cluster decision on labelled clusters: reading them (`data`),
//! fitting boosted trees (`gbdt`), the recipe fitted and its variants (`recipe`),
//! leave-one-cluster-out evaluation and the shipped model's fit (`loco`), its tables
//! (`report`), and writing the fitted numbers as Rust (`emit`).
//!
//! Everything here is deterministic: the same clusters give the same model, to the bit, so the
//! generated weight files change only when the data, the features or the recipe do.

pub mod data;
pub mod emit;
pub mod gbdt;
pub mod loco;
pub mod logistic;
mod packed;
pub mod recipe;
pub mod report;
