//! Recording and checking a build's progress reports (`BuildOptions::progress`), shared by
//! `progress.rs` and `encoder.rs`.

use std::cell::RefCell;
use std::path::Path;

use crosscheck::progress::Stage;
use crosscheck::{build_with, load_dir, BuildOptions, Database};

type Report = (Stage, usize, usize);

/// Builds a folder recording every report.
pub fn build_recording(
    dir: &Path,
    encoder: Option<&crosscheck::encoder::Encoder>,
) -> (Database, Vec<Report>) {
    let articles = load_dir(dir).expect("the folder loads");
    let seen: RefCell<Vec<Report>> = RefCell::new(Vec::new());
    let record = |s, d, t| seen.borrow_mut().push((s, d, t));
    let opts = BuildOptions {
        encoder,
        trace: false,
        progress: Some(&record),
    };
    let (db, _) = build_with(&articles, &opts).expect("the folder builds");
    (db, seen.into_inner())
}

/// Each stage is reported once as a run: in order, from 0, never going back, ending at its
/// total. Returns each stage's total.
pub fn check_reports(reports: &[Report]) -> Vec<(Stage, usize)> {
    let mut totals: Vec<(Stage, usize)> = Vec::new();
    let mut last: Option<Report> = None;
    for &(stage, done, total) in reports {
        assert!(done <= total, "{stage:?}: {done} of {total}");
        match last {
            Some((s, d, t)) if s == stage => {
                assert_eq!(t, total, "{stage:?}'s total changed");
                assert!(done >= d, "{stage:?} went back from {d} to {done}");
            }
            prev => {
                if let Some((s, d, t)) = prev {
                    assert_eq!(d, t, "{s:?} ended at {d} of {t}");
                }
                assert!(
                    totals.iter().all(|(s, _)| *s != stage),
                    "{stage:?} reported twice"
                );
                assert_eq!(done, 0, "{stage:?} starts at 0");
                totals.push((stage, total));
            }
        }
        last = Some((stage, done, total));
    }
    if let Some((s, d, t)) = last {
        assert_eq!(d, t, "{s:?} ended at {d} of {t}");
    }
    totals
}
