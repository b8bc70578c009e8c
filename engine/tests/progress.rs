//! Progress reports of a build through the public API (`BuildOptions::progress`): what a
//! terminal bar or a browser worker is told while the seeds build. The encoder's stage is
//! checked in `encoder.rs`, where the model is at hand.

#[path = "support/progress.rs"]
mod progress;

use std::path::Path;

use crosscheck::progress::Stage;
use progress::{build_recording, check_reports};

#[test]
fn a_build_reports_each_stage_from_start_to_end() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let (db, reports) = build_recording(&seeds, None);
    let totals = check_reports(&reports);
    let claims = db
        .segments
        .iter()
        .filter(|s| s.kind.gets_verdicts())
        .count();
    assert_eq!(
        totals,
        vec![(Stage::Analyse, db.sources.len()), (Stage::Match, claims),],
        "no encoding stage without the encoder, and verdicts are decided while matching"
    );
}
