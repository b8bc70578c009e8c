//! The engine's word lists, in one place, each with its origin. Every list describes English or
//! news language in general; none holds a word because a labelled article used it (a test
//! checks that no entry is a proper name of the seed articles).

pub mod time;
