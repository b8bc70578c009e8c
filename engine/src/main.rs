//! The `crosscheck` command: build a claim database, score it against gold, or judge one claim
//! against one document.

use std::path::PathBuf;
use std::process::ExitCode;

// SCAFFOLD: `build` only; `eval` and `verdict` to come.
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("build") if args.len() >= 2 => {
            let dir = PathBuf::from(&args[1]);
            let articles = match crosscheck::load_dir(&dir) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("crosscheck: {e}");
                    return ExitCode::from(2);
                }
            };
            match crosscheck::build(&articles) {
                Ok(db) => {
                    println!("{}", db.to_json());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("crosscheck: {e}");
                    ExitCode::from(2)
                }
            }
        }
        _ => {
            eprintln!("usage: crosscheck build <DIR> [-o FILE] [--format json|bin]");
            ExitCode::from(2)
        }
    }
}
