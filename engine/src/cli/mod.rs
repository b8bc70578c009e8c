//! Plumbing of the `crosscheck` command kept out of `main.rs`: argument parsing, failures and
//! their exit codes, and output that is never left half-written.

pub mod args;
pub mod learn;
pub mod output;
pub mod progress;
pub mod verdict;

use std::process::ExitCode;

/// Why a command stopped. Each maps to one exit code and at most one line on stderr.
#[derive(Debug)]
pub enum Failure {
    /// Bad command line: the message, then the usage. Exit 2.
    Usage(String),
    /// Bad input data, already `FILE[:LINE]: message`. Exit 2.
    Input(String),
    /// The output could not be written (disk full, no such folder...). Exit 1.
    Output(String),
    /// The reader of stdout went away (`| head`): not an error of ours, so exit 0 quietly.
    BrokenPipe,
}

impl Failure {
    pub fn report(self, usage: &str) -> ExitCode {
        match self {
            Failure::Usage(msg) => {
                say(&format!("crosscheck: {msg}\n{usage}"));
                ExitCode::from(2)
            }
            Failure::Input(msg) => {
                say(&format!("crosscheck: {msg}"));
                ExitCode::from(2)
            }
            Failure::Output(msg) => {
                say(&format!("crosscheck: {msg}"));
                ExitCode::from(1)
            }
            Failure::BrokenPipe => ExitCode::SUCCESS,
        }
    }
}

impl From<crosscheck::InputError> for Failure {
    fn from(e: crosscheck::InputError) -> Self {
        Failure::Input(e.to_string())
    }
}

/// Writes one message to stderr; `eprintln!` would panic if stderr itself is a closed pipe.
pub fn say(msg: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(msg.as_bytes());
    if !msg.ends_with('\n') {
        let _ = err.write_all(b"\n");
    }
}
