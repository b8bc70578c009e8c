//! The build's progress on a terminal: the stage, a bar and the count done ("encoding
//! 812/1379 sentences"). Builds that finish within a second show nothing, and nothing is drawn
//! when stderr is not a terminal (a pipe, a log file, CI), so scripted output stays clean.

use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use crosscheck::progress::Stage;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A build shorter than this shows no bar at all.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// One bar per stage, created only once the build has run for `SHOW_AFTER`.
pub struct Bar {
    start: Instant,
    on: bool,
    current: RefCell<Option<(Stage, ProgressBar)>>,
}

impl Bar {
    /// A bar drawn on stderr when it is a terminal; otherwise every report is ignored.
    pub fn for_stderr() -> Bar {
        Bar {
            start: Instant::now(),
            on: std::io::stderr().is_terminal(),
            current: RefCell::new(None),
        }
    }

    /// One report from the engine (`crosscheck::progress::Progress`).
    pub fn report(&self, stage: Stage, done: usize, total: usize) {
        if !self.on || self.start.elapsed() < SHOW_AFTER {
            return;
        }
        let Ok(mut current) = self.current.try_borrow_mut() else {
            return;
        };
        if current.as_ref().is_none_or(|(s, _)| *s != stage) {
            if let Some((_, old)) = current.take() {
                old.finish_and_clear();
            }
            let style = ProgressStyle::with_template(
                "crosscheck: {msg:<9} [{bar:30}] {pos}/{len} {prefix} ({elapsed})",
            )
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            // Built whole before its first draw; the clock is the build's, not the stage's.
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
                    .with_style(style)
                    .with_message(stage.label())
                    .with_prefix(stage.unit())
                    .with_elapsed(self.start.elapsed());
            *current = Some((stage, bar));
        }
        if let Some((_, bar)) = current.as_ref() {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    /// Clears the bar, so what follows on the terminal starts on a clean line.
    pub fn finish(&self) {
        if let Ok(mut current) = self.current.try_borrow_mut() {
            if let Some((_, bar)) = current.take() {
                bar.finish_and_clear();
            }
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}
