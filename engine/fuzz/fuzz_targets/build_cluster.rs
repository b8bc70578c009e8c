//! Fuzz target: the whole build on a few arbitrary articles. The input is split on the byte
//! 0xFF (never valid in UTF-8) into up to four articles, lossily decoded, so the fuzzer can
//! grow and splice articles independently. Every database must hold the invariants.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use crosscheck::{Article, SourceMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let articles: Vec<Article> = data
        .split(|&b| b == 0xff)
        .take(4)
        .enumerate()
        .map(|(i, part)| Article {
            id: format!("a{i}"),
            text: String::from_utf8_lossy(part).into_owned(),
            meta: SourceMeta {
                published: (i % 2 == 0).then(|| "2022-09-10".to_string()),
                ..SourceMeta::default()
            },
        })
        .collect();
    match crosscheck::build(&articles) {
        Ok(db) => {
            if let Err(e) = invariants::check_db(&articles, &db) {
                panic!("database invariant broken: {e}");
            }
        }
        Err(e) => assert!(!e.to_string().is_empty(), "an error must say why"),
    }
});
