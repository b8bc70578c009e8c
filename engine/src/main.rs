//! The `crosscheck` command: build a claim database, score it against gold, or judge one claim
//! against one document.
//!
//! Exit codes: 0 success (also when the reader of stdout closes it early), 1 the output could
//! not be written, 2 bad command line or bad input. Every failure is one line on stderr naming
//! the file and line at fault; nothing is written half-way.

mod cli;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cli::args::{self, Opt};
use cli::{output, say, Failure};

const USAGE: &str = "\
usage:
  crosscheck build <DIR> [-o FILE] [--format json|bin] [--encoder DIR | --no-encoder] [--jobs N]
  crosscheck eval <DIR> --gold FILE [--items FILE] [--encoder DIR | --no-encoder] [--jobs N]
  crosscheck eval --db DB_FILE --gold FILE [--items FILE]
  crosscheck verdict [FILE] [--encoder DIR] < PAIRS.jsonl
  crosscheck loco <SHARED_EVAL> [--write FILE] [--grid | --ablate] [--seeds K] [--perturb]
                   [--exports DIR] [--encoder DIR | --no-encoder] [--jobs N]
  crosscheck fit <SHARED_EVAL> [--encoder DIR]
  crosscheck --help";

const HELP: &str = "\
Crosscheck: sentence-level cross-checking of news articles about one event.

commands:
  build <DIR> [-o FILE] [--format json|bin]
      Builds the claim database of the cluster in DIR (one .txt, .html or .htm per article,
      optional sources.toml; a page's article and metadata are extracted from it) and writes
      it to FILE, or to stdout without -o. json (default) is the portable export; bin is the
      compact form the widget embeds. The sentence encoder (all-MiniLM-L6-v2, fetched by
      scripts/get-encoder.sh) takes part when its folder is found: --encoder DIR, else
      $CROSSCHECK_ENCODER, else ~/.cache/crosscheck/all-MiniLM-L6-v2.
      --no-encoder builds from surface features only (what the widget's browser engine does).
      A build spreads over every core; --jobs N caps it at N threads (1: one core). The
      database is the same bytes whatever N.
  eval <DIR> --gold FILE [--items FILE]
      Builds DIR and scores it against the gold JSON Lines FILE: a table, then one JSON line.
      Gold keys that no segment contains are listed on stderr. With --db, scores an existing
      database (JSON export or bin) instead of building one. --items FILE also writes every
      scored item as a JSON line (the gold's verdicts and the database's, its confidence,
      evidence and differences, each gold boilerplate line marked or not), to read the errors.
  verdict [FILE] [--encoder DIR]
      Reads JSON Lines {\"id\", \"claim\", \"document\", \"date\"?} from FILE or stdin and writes
      one line per pair: {\"id\", \"label\", \"score\", \"evidence\", \"differences\"}.
      --encoder DIR adds a sentence encoder's judgement (all-MiniLM-L6-v2: config.json,
      vocab.txt and model.safetensors in DIR; scripts/get-encoder.sh fetches it).
  loco <SHARED_EVAL> [--write FILE] [--grid | --ablate] [--seeds K] [--perturb]
      For developers: the cluster decision judged leave-one-cluster-out over the seeds and
      the labelled clusters in SHARED_EVAL/dev (each scored by a model fitted on the others),
      with the encoder when found and without it. --write also writes the tables as a page;
      --grid compares the shipped recipe with the others it was chosen from; --ablate with
      the same fitted without each group of features in turn; --seeds K fits
      every fold with K seeds of the forests' random draws and reports the mean and spread
      (with --grid or --ablate, each recipe's mean over the K); --perturb fits each fold
      without one training row in 200, drawn anew for each seed: judge a change by
      --seeds 5 --perturb, which a change cannot win by suiting a few rows; --exports DIR writes each held-out
      cluster's database there (DIR/NAME.json) and its scored items (DIR/NAME.items.jsonl, as
      eval --items writes them), to read its errors.
      Run from the repository (it reads seeds/ and tests/data/seeds.gold.jsonl).
  fit <SHARED_EVAL>
      For developers: fits the cluster decision on all labelled clusters and rewrites
      engine/src/cluster/weights.rs (and weights_enc.rs when the encoder is found).

exit codes: 0 success, 1 output not written, 2 bad command line or input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => f.report(USAGE),
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("a command is needed".into()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => help(),
        "build" => build(rest),
        "eval" => eval(rest),
        "verdict" => verdict(rest),
        "loco" => loco(rest),
        "fit" => fit(rest),
        other if other.starts_with('-') => Err(Failure::Usage(format!("unknown option '{other}'"))),
        other => Err(Failure::Usage(format!("unknown command '{other}'"))),
    }
}

fn help() -> Result<(), Failure> {
    output::to_stdout(format!("{HELP}\n\n{USAGE}\n").as_bytes())
}

/// Parses a subcommand's arguments; `Ok(None)` means help was printed.
fn parse(
    rest: &[String],
    opts: &[Opt],
    positional: std::ops::RangeInclusive<usize>,
) -> Result<Option<args::Parsed>, Failure> {
    let parsed = args::parse(rest, opts).map_err(Failure::Usage)?;
    if parsed.help {
        help()?;
        return Ok(None);
    }
    let n = parsed.positional.len();
    if n < *positional.start() {
        return Err(Failure::Usage("missing argument".into()));
    }
    if n > *positional.end() {
        let extra = &parsed.positional[*positional.end()];
        return Err(Failure::Usage(format!("unexpected argument '{extra}'")));
    }
    Ok(Some(parsed))
}

/// The options that choose the sentence encoder.
const ENCODER_OPTS: [Opt; 2] = [
    Opt {
        names: &["--encoder"],
        takes_value: true,
    },
    Opt {
        names: &["--no-encoder"],
        takes_value: false,
    },
];

/// How many threads a build spreads over (`--jobs N`).
const JOBS_OPT: Opt = Opt {
    names: &["--jobs"],
    takes_value: true,
};

/// Applies `--jobs N`: a build then spreads over at most N threads (one per core without it).
fn jobs(p: &args::Parsed) -> Result<(), Failure> {
    let Some(v) = p.get("--jobs") else {
        return Ok(());
    };
    match v.parse::<usize>() {
        Ok(n) if n > 0 => crosscheck::set_threads(n).map_err(Failure::Usage),
        _ => Err(Failure::Usage(format!(
            "--jobs needs a whole number of threads, 1 or more, not '{v}'"
        ))),
    }
}

/// The sentence encoder a command uses: `--encoder DIR` (which must load), none with
/// `--no-encoder`, else the default folder when it holds a model (a note on stderr when not).
fn encoder(p: &args::Parsed) -> Result<Option<crosscheck::encoder::Encoder>, Failure> {
    let load = |dir: &Path| {
        crosscheck::encoder::Encoder::load(dir)
            .map(Some)
            .map_err(|e| Failure::Input(format!("encoder {}: {e}", dir.display())))
    };
    if p.get("--no-encoder").is_some() {
        if p.get("--encoder").is_some() {
            return Err(Failure::Usage(
                "--encoder and --no-encoder exclude each other".into(),
            ));
        }
        return Ok(None);
    }
    if let Some(dir) = p.get("--encoder") {
        return load(Path::new(dir));
    }
    match crosscheck::encoder::default_dir() {
        Some(dir) if dir.join("model.safetensors").is_file() => load(&dir),
        dir => {
            say(&format!(
                "crosscheck: note: no sentence encoder at {}; using surface features only \
                 (scripts/get-encoder.sh fetches it; --no-encoder silences this note)",
                dir.map_or_else(|| "~/.cache".to_string(), |d| d.display().to_string())
            ));
            Ok(None)
        }
    }
}

fn load_and_build(
    dir: &Path,
    encoder: Option<&crosscheck::encoder::Encoder>,
) -> Result<crosscheck::Database, Failure> {
    let articles = crosscheck::load_dir(dir)?;
    let bar = cli::progress::Bar::for_stderr();
    let report = |stage, done, total| bar.report(stage, done, total);
    let opts = crosscheck::BuildOptions {
        encoder,
        trace: false,
        progress: Some(&report),
    };
    let built = crosscheck::build_with(&articles, &opts);
    bar.finish();
    built
        .map(|(db, _)| db)
        .map_err(|e| Failure::Input(format!("{}: {e}", dir.display())))
}

fn build(rest: &[String]) -> Result<(), Failure> {
    const OPTS: &[Opt] = &[
        Opt {
            names: &["-o", "--output"],
            takes_value: true,
        },
        Opt {
            names: &["--format"],
            takes_value: true,
        },
        ENCODER_OPTS[0],
        ENCODER_OPTS[1],
        JOBS_OPT,
    ];
    let Some(p) = parse(rest, OPTS, 1..=1)? else {
        return Ok(());
    };
    jobs(&p)?;
    let binary = match p.get("--format").unwrap_or("json") {
        "json" => false,
        "bin" => true,
        other => {
            return Err(Failure::Usage(format!(
                "--format must be json or bin, not '{other}'"
            )))
        }
    };
    let target = p.get("-o").filter(|o| *o != "-").map(PathBuf::from);
    if binary && target.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::Usage(
            "refusing to write binary to a terminal; use -o FILE".into(),
        ));
    }
    let encoder = encoder(&p)?;
    let dir = Path::new(&p.positional[0]);
    let articles = crosscheck::load_dir(dir)?;
    let format = if binary {
        crosscheck::Format::Bin
    } else {
        crosscheck::Format::Json
    };
    // The database is written as it is built: its verdicts (at 200 articles 410,000 of them,
    // most of a build's memory) are never held together. A build that cannot start fails
    // before anything is written; the file appears only once it is whole.
    let mut failed: Option<crosscheck::BuildError> = None;
    let mut write = |out: &mut dyn std::io::Write| {
        let bar = cli::progress::Bar::for_stderr();
        let report = |stage, done, total| bar.report(stage, done, total);
        let opts = crosscheck::BuildOptions {
            encoder: encoder.as_ref(),
            trace: false,
            progress: Some(&report),
        };
        let mut sink = crosscheck::WriteSink::new(format, &mut *out);
        let built = crosscheck::build_into(&articles, &opts, &mut sink);
        bar.finish();
        match built {
            Ok(()) => {}
            Err(crosscheck::StreamError::Build(e)) => {
                failed = Some(e);
                return Err(std::io::Error::other("the cluster was not built"));
            }
            Err(crosscheck::StreamError::Write(e)) => return Err(e),
        }
        let out = sink.finish()?;
        if binary {
            Ok(())
        } else {
            out.write_all(b"\n")
        }
    };
    let written = match target {
        Some(path) => output::write_atomic_with(&path, &mut write),
        None => output::to_stdout_with(&mut write),
    };
    match failed {
        Some(e) => Err(Failure::Input(format!("{}: {e}", dir.display()))),
        None => written,
    }
}

fn eval(rest: &[String]) -> Result<(), Failure> {
    const OPTS: &[Opt] = &[
        Opt {
            names: &["--gold"],
            takes_value: true,
        },
        Opt {
            names: &["--db"],
            takes_value: true,
        },
        Opt {
            names: &["--items"],
            takes_value: true,
        },
        ENCODER_OPTS[0],
        ENCODER_OPTS[1],
        JOBS_OPT,
    ];
    let Some(p) = parse(rest, OPTS, 0..=1)? else {
        return Ok(());
    };
    jobs(&p)?;
    if p.positional.len() + usize::from(p.get("--db").is_some()) != 1 {
        return Err(Failure::Usage(
            "eval needs a cluster folder or --db FILE (one of them)".into(),
        ));
    }
    let gold_path = Path::new(
        p.get("--gold")
            .ok_or_else(|| Failure::Usage("eval needs --gold FILE".into()))?,
    );
    // The gold is read first: a typo in its path should not cost a whole build.
    let bytes = std::fs::read(gold_path)
        .map_err(|e| Failure::Input(format!("{}: cannot read: {e}", gold_path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Failure::Input(format!("{}:{line}: not valid UTF-8", gold_path.display()))
    })?;
    let gold = crosscheck::eval::parse_gold(&text, gold_path)?;
    let db = match p.get("--db") {
        Some(file) => read_db(Path::new(file))?,
        None => {
            let encoder = encoder(&p)?;
            load_and_build(Path::new(&p.positional[0]), encoder.as_ref())?
        }
    };
    // Records only when asked for: each one copies its sentence and evidence texts.
    let scores = match p.get("--items") {
        Some(file) => {
            let (scores, records) = crosscheck::eval::score_records(&db, &gold);
            write_items(Path::new(file), &records)?;
            scores
        }
        None => crosscheck::eval::score(&db, &gold),
    };
    for u in &scores.unmatched_keys {
        say(&format!(
            "crosscheck: warning: {}:{}: no segment of {} contains the gold key {:?}",
            gold_path.display(),
            u.line,
            u.source,
            u.key
        ));
    }
    let report = format!("{}\n{}\n", scores.table(), scores.to_json());
    output::to_stdout(report.as_bytes())
}

/// Writes the scored items (`crosscheck::eval::items`) as JSON Lines and says how many were wrong.
fn write_items(path: &Path, records: &[crosscheck::eval::Record]) -> Result<(), Failure> {
    output::write_atomic(path, crosscheck::eval::to_json_lines(records).as_bytes())?;
    let wrong = records.iter().filter(|r| r.is_wrong()).count();
    say(&format!(
        "crosscheck: wrote {} items ({wrong} wrong) to {}",
        records.len(),
        path.display()
    ));
    Ok(())
}

/// Reads an existing database, JSON export or binary (told apart by the binary's magic bytes).
fn read_db(path: &Path) -> Result<crosscheck::Database, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::Input(format!("{}: cannot read: {e}", path.display())))?;
    let db = if bytes.starts_with(crosscheck::model::BIN_MAGIC) {
        crosscheck::Database::from_bin(&bytes)
    } else {
        let text = String::from_utf8_lossy(&bytes);
        crosscheck::Database::from_json(&text)
    };
    db.map_err(|e| Failure::Input(format!("{}: {e}", path.display())))
}

fn verdict(rest: &[String]) -> Result<(), Failure> {
    const OPTS: &[Opt] = &[Opt {
        names: &["--encoder"],
        takes_value: true,
    }];
    let Some(p) = parse(rest, OPTS, 0..=1)? else {
        return Ok(());
    };
    // Loaded before the input is read, so a wrong folder fails at once.
    let encoder = p
        .get("--encoder")
        .map(|dir| {
            crosscheck::encoder::Encoder::load(Path::new(dir))
                .map_err(|e| Failure::Input(format!("--encoder {dir}: {e}")))
        })
        .transpose()?;
    let (name, bytes) = match p.positional.first().map(String::as_str) {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| Failure::Input(format!("<stdin>: cannot read: {e}")))?;
            ("<stdin>".to_string(), buf)
        }
        Some(file) => {
            let buf = std::fs::read(file)
                .map_err(|e| Failure::Input(format!("{file}: cannot read: {e}")))?;
            (file.to_string(), buf)
        }
    };
    let pairs = cli::verdict::parse(&bytes, &name)?;
    cli::verdict::run(&pairs, encoder.as_ref())
}

fn loco(rest: &[String]) -> Result<(), Failure> {
    const OPTS: &[Opt] = &[
        Opt {
            names: &["--write"],
            takes_value: true,
        },
        Opt {
            names: &["--grid"],
            takes_value: false,
        },
        Opt {
            names: &["--ablate"],
            takes_value: false,
        },
        Opt {
            names: &["--exports"],
            takes_value: true,
        },
        Opt {
            names: &["--seeds"],
            takes_value: true,
        },
        Opt {
            names: &["--perturb"],
            takes_value: false,
        },
        ENCODER_OPTS[0],
        ENCODER_OPTS[1],
        JOBS_OPT,
    ];
    let Some(p) = parse(rest, OPTS, 1..=1)? else {
        return Ok(());
    };
    jobs(&p)?;
    let shared = Path::new(&p.positional[0]);
    let encoder = encoder(&p)?;
    let seeds = match p.get("--seeds") {
        None => 1,
        Some(k) => match k.parse::<usize>() {
            Ok(k @ 1..=100) => k,
            _ => {
                return Err(Failure::Usage(format!(
                    "--seeds takes a whole number from 1 to 100, not {k:?}"
                )))
            }
        },
    };
    let perturb = p.get("--perturb").is_some();
    if let Some(dir) = p.get("--exports") {
        let dir = Path::new(dir);
        // Made before the folds are prepared: a folder that cannot be made should not cost a run.
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure::Input(format!("{}: cannot make the folder: {e}", dir.display()))
        })?;
        let mut folds = cli::learn::folds(Path::new("."), Some(shared), encoder.as_ref())?;
        let recipe = crosscheck::learn::recipe::Recipe::shipped(encoder.is_some());
        let held = crosscheck::learn::loco::loco_databases(&mut folds, &recipe);
        for ((name, _, db), fold) in held.into_iter().zip(&folds) {
            output::write_atomic(&dir.join(format!("{name}.json")), db.to_json().as_bytes())?;
            let (_, records) = crosscheck::eval::score_records(&db, &fold.data.gold);
            write_items(&dir.join(format!("{name}.items.jsonl")), &records)?;
        }
        return Ok(());
    }
    let grid = p.get("--grid").is_some();
    if grid || p.get("--ablate").is_some() {
        let mut folds = cli::learn::folds(Path::new("."), Some(shared), encoder.as_ref())?;
        let recipes = if grid {
            crosscheck::learn::recipe::grid(encoder.is_some())
        } else {
            crosscheck::learn::recipe::ablations(encoder.is_some())
        };
        return cli::learn::print(&cli::learn::grid_report(
            &mut folds, recipes, seeds, perturb,
        ));
    }
    let mut page = cli::learn::page_head(seeds, perturb);
    if let Some(e) = encoder.as_ref() {
        let mut folds = cli::learn::folds(Path::new("."), Some(shared), Some(e))?;
        let (table, _) = cli::learn::loco_report(&mut folds, true, seeds, perturb);
        let text = format!("## With the sentence encoder\n\n{table}\n");
        cli::learn::print(&text)?;
        page.push_str(&text);
    }
    let mut folds = cli::learn::folds(Path::new("."), Some(shared), None)?;
    let (table, _) = cli::learn::loco_report(&mut folds, false, seeds, perturb);
    let text = format!("## Surface features only (`--no-encoder`)\n\n{table}\n");
    cli::learn::print(&text)?;
    page.push_str(&text);
    match p.get("--write") {
        Some(file) => output::write_atomic(Path::new(file), page.as_bytes()),
        None => Ok(()),
    }
}

fn fit(rest: &[String]) -> Result<(), Failure> {
    let opts = [ENCODER_OPTS[0]];
    let Some(p) = parse(rest, &opts, 1..=1)? else {
        return Ok(());
    };
    let shared = Path::new(&p.positional[0]);
    let encoder = encoder(&p)?;
    let out = Path::new("engine/src/cluster");
    if !out.is_dir() {
        return Err(Failure::Usage(
            "run fit from the repository root (engine/src/cluster/ is written)".into(),
        ));
    }
    let mut cases = vec![(false, None)];
    if let Some(e) = encoder.as_ref() {
        cases.push((true, Some(e)));
    }
    for (with_encoder, enc) in cases {
        let mut folds = cli::learn::folds(Path::new("."), Some(shared), enc)?;
        let text = cli::learn::fit_module(&mut folds, with_encoder);
        let file = out.join(if with_encoder {
            "weights_enc.rs"
        } else {
            "weights.rs"
        });
        output::write_atomic(&file, text.as_bytes())?;
        say(&format!("crosscheck: wrote {}", file.display()));
    }
    Ok(())
}
