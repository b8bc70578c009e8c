//! Fuzz target: segmentation and sentence analysis on any UTF-8 text. Checks the span
//! invariants as well as the absence of panics.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let segs = crosscheck::segment::segment(text);
    if let Err(e) = invariants::check_segments(text, &segs) {
        panic!("segment invariant broken: {e}");
    }
    for s in segs.iter().take(64) {
        let _ = crosscheck::analyze::analyze(&text[s.start..s.end], None);
    }
});
