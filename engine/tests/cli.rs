//! The `crosscheck` binary from the outside: every documented error case with its exit code and
//! one-line message, round trips of both export formats, `verdict` and `eval` output shape.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crosscheck::Database;

#[path = "support/tempdir.rs"]
mod tempdir;
use tempdir::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run crosscheck");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("wait for crosscheck")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts exit code 2, nothing on stdout, and exactly one stderr line starting with `prefix`.
fn assert_input_error(out: &Output, prefix: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(
        out.stdout.is_empty(),
        "stdout not empty: {}",
        text(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    assert!(
        err.starts_with(&format!("crosscheck: {prefix}")),
        "expected 'crosscheck: {prefix}...', got: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

fn small_cluster(t: &TempDir) -> PathBuf {
    let dir = t.path("cluster");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Storm closes harbour\n\nA storm closed the harbour on Monday. Ferries were cancelled.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "The harbour was closed by a storm on Monday. The mayor asked people to stay home.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sources.toml"),
        "[a]\noutlet = \"Daily A\"\npublished = \"2024-03-05\"\n\n[b]\nurl = \"https://b.example/x\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn help_prints_usage_and_succeeds() {
    for args in [&["--help"][..], &["build", "--help"], &["eval", "-h"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("crosscheck build <DIR>"));
    }
}

#[test]
fn bad_command_lines_print_usage_and_exit_2() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let d = dir.to_str().unwrap();
    for args in [
        &[][..],
        &["frobnicate"],
        &["--frobnicate"],
        &["build"],
        &["build", d, "--nope"],
        &["build", d, "extra"],
        &["build", d, "--format", "xml"],
        &["build", d, "-o"],
        &["eval", d],
        &["verdict", "a", "b"],
        &["loco", d, "--seeds"],
        &["loco", d, "--seeds", "0"],
        &["loco", d, "--seeds", "many"],
        &["loco", d, "--perturb", "200"],
        &["build", d, "--jobs"],
        &["build", d, "--jobs", "0"],
        &["build", d, "--jobs", "many"],
    ] {
        let out = run(args, b"");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("usage:"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn missing_and_empty_folders_are_named() {
    let t = TempDir::new("cli");
    let missing = t.path("nowhere");
    assert_input_error(
        &run(&["build", missing.to_str().unwrap()], b""),
        missing.to_str().unwrap(),
    );
    let empty = t.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&["build", empty.to_str().unwrap()], b"");
    assert_input_error(&out, empty.to_str().unwrap());
    assert!(text(&out.stderr).contains("no .txt, .html or .htm articles"));
}

#[test]
fn non_utf8_article_names_file_and_line() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let bad = dir.join("c.txt");
    std::fs::write(&bad, b"Fine first line.\nBroken \xff here.\n").unwrap();
    let out = run(&["build", dir.to_str().unwrap()], b"");
    assert_input_error(&out, &format!("{}:2: ", bad.display()));
}

#[test]
fn bad_sources_toml_names_file() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let toml = dir.join("sources.toml");
    std::fs::write(&toml, "[a]\npublished = \"last week\"\n").unwrap();
    let out = run(&["build", dir.to_str().unwrap()], b"");
    assert_input_error(&out, &toml.display().to_string());
}

#[test]
fn build_json_and_bin_round_trip() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let d = dir.to_str().unwrap();

    let out = run(&["build", d], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_stdout = Database::from_json(&text(&out.stdout)).expect("stdout is a database");
    assert_eq!(from_stdout.sources.len(), 2);
    let a = from_stdout.sources.iter().find(|s| s.id == "a").unwrap();
    assert_eq!(a.outlet.as_deref(), Some("Daily A"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05"));

    let json_path = t.path("db.json");
    let out = run(&["build", d, "-o", json_path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let from_file =
        Database::from_json(&std::fs::read_to_string(&json_path).unwrap()).expect("json file");
    assert_eq!(from_file, from_stdout);

    let bin_path = t.path("db.bin");
    let out = run(
        &[
            "build",
            d,
            "--format=bin",
            "--output",
            bin_path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_bin = Database::from_bin(&std::fs::read(&bin_path).unwrap()).expect("bin file");
    assert_eq!(from_bin, from_stdout);

    // Only the two outputs and the cluster: no temporary file left behind.
    let mut names: Vec<String> = std::fs::read_dir(&t.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["cluster", "db.bin", "db.json"]);
}

#[test]
fn one_thread_and_several_build_the_same_bytes() {
    // The build spreads claims, segments and sentences over threads and puts the results back
    // in order: the database may not depend on how many there were.
    let seeds = repo().join("seeds");
    let s = seeds.to_str().unwrap();
    let built: Vec<Vec<u8>> = ["1", "2", "5"]
        .iter()
        .map(|n| {
            let out = run(&["build", s, "--no-encoder", "--jobs", n], b"");
            assert_eq!(
                out.status.code(),
                Some(0),
                "--jobs {n}: {}",
                text(&out.stderr)
            );
            out.stdout
        })
        .collect();
    assert!(!built[0].is_empty());
    assert!(built.iter().all(|b| *b == built[0]), "the databases differ");
}

#[test]
fn unwritable_output_fails_cleanly_and_keeps_nothing() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let target = t.path("no/such/folder/db.json");
    let out = run(
        &[
            "build",
            dir.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ],
        b"",
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(target.to_str().unwrap()), "{err}");
    assert!(!target.exists());
}

#[test]
fn closed_stdout_is_not_a_panic() {
    let mut child = Command::new(BIN)
        .args(["build", repo().join("seeds").to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = text(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn verdict_echoes_ids_and_answers_every_line() {
    let input = concat!(
        r#"{"id": 7, "claim": "The bridge reopened on Tuesday.", "document": "Officials said the bridge reopened on Tuesday after repairs.", "date": "2024-05-02"}"#,
        "\n\n",
        r#"{"id": "x-1", "claim": "Two people were hurt.", "document": "The weather was mild and the market opened late."}"#,
        "\n",
        r#"{"id": {"split": "dev", "n": 3}, "claim": "", "document": "", "date": null}"#,
        "\n",
        r#"{"claim": "No id here.", "document": "No id here."}"#,
        "\n"
    );
    let out = run(&["verdict"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], serde_json::json!(7));
    assert_eq!(lines[1]["id"], serde_json::json!("x-1"));
    assert_eq!(lines[2]["id"], serde_json::json!({"split": "dev", "n": 3}));
    assert_eq!(lines[3]["id"], serde_json::Value::Null);
    for l in &lines {
        let label = l["label"].as_str().unwrap();
        assert!(["corroborates", "differs", "omits"].contains(&label));
        assert!(l["score"].is_number());
        assert!(l["evidence"].is_array());
        for d in l["differences"].as_array().unwrap() {
            assert!(d["kind"].is_string() && d["here"].is_string() && d["there"].is_string());
        }
    }
    // An exact restatement must be found, with the document sentence as evidence.
    assert_ne!(lines[0]["label"], "omits");
    assert!(lines[0]["evidence"][0]
        .as_str()
        .unwrap()
        .contains("bridge reopened"));
}

#[test]
fn verdict_input_errors_name_the_line_and_write_nothing() {
    let good = r#"{"id": 1, "claim": "A.", "document": "A."}"#;
    let cases: [(String, &str); 5] = [
        (format!("{good}\n{{not json\n"), "<stdin>:2: not valid JSON"),
        (format!("{good}\n[1, 2]\n"), "<stdin>:2: "),
        (
            format!("{good}\n{good}\n{{\"id\": 3, \"claim\": \"A.\"}}\n"),
            "<stdin>:3: \"document\" is missing",
        ),
        (
            r#"{"id": 1, "claim": "A.", "document": "A.", "date": "10/09/2022"}"#.to_string(),
            "<stdin>:1: bad date",
        ),
        (
            r#"{"id": 1, "claim": "A.", "document": "A.", "date": "2022-02-30"}"#.to_string(),
            "<stdin>:1: bad date",
        ),
    ];
    for (input, prefix) in &cases {
        assert_input_error(&run(&["verdict"], input.as_bytes()), prefix);
    }
    let huge = format!(
        "{good}\n{{\"id\": 2, \"claim\": \"A.\", \"document\": \"{}\"}}\n",
        "word ".repeat(crosscheck::limits::MAX_ARTICLE_BYTES / 5 + 1)
    );
    assert_input_error(
        &run(&["verdict"], huge.as_bytes()),
        "<stdin>:2: \"document\" is",
    );
    let mut bytes = format!("{good}\n").into_bytes();
    bytes.extend_from_slice(b"{\"id\": 2, \"claim\": \"\xc3\x28\", \"document\": \"\"}\n");
    assert_input_error(&run(&["verdict"], &bytes), "<stdin>:2: not valid UTF-8");
}

#[test]
fn eval_errors_name_the_gold_file_and_line() {
    let t = TempDir::new("cli");
    let dir = small_cluster(&t);
    let d = dir.to_str().unwrap();
    let missing = t.path("missing.jsonl");
    assert_input_error(
        &run(&["eval", d, "--gold", missing.to_str().unwrap()], b""),
        missing.to_str().unwrap(),
    );
    let gold = t.write(
        "gold.jsonl",
        b"{\"source\": \"a\", \"key\": \"storm closed\", \"kind\": \"claim\", \"verdicts\": {\"b\": {\"label\": \"corroborates\"}}}\n{\"source\": \"a\", \"key\": 5}\n",
    );
    assert_input_error(
        &run(&["eval", d, "--gold", gold.to_str().unwrap()], b""),
        &format!("{}:2: ", gold.display()),
    );
}

#[test]
fn eval_on_seeds_ends_with_one_json_line() {
    let seeds = repo().join("seeds");
    let gold = repo().join("tests/data/seeds.gold.jsonl");
    let out = run(
        &[
            "eval",
            seeds.to_str().unwrap(),
            "--gold",
            gold.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("macro-F1"));
    let last = stdout.lines().last().expect("some output");
    let v: serde_json::Value = serde_json::from_str(last).expect("last line is JSON");
    for key in [
        "items",
        "accuracy",
        "macro_f1",
        "per_label",
        "evidence_accuracy",
        "detail_accuracy",
        "boilerplate_recall",
        "boilerplate_precision_upper",
    ] {
        assert!(v.get(key).is_some(), "missing {key}: {last}");
    }
    assert!(v["items"].as_u64().unwrap() > 0);
    // Every stderr line is a warning about an unmatched key, never an error.
    for line in text(&out.stderr).lines() {
        assert!(line.starts_with("crosscheck: warning: "), "{line}");
    }
}

#[test]
fn eval_items_writes_one_json_line_per_scored_item() {
    let t = TempDir::new("cli");
    let seeds = repo().join("seeds");
    let gold = repo().join("tests/data/seeds.gold.jsonl");
    let items = t.path("items.jsonl");
    let out = run(
        &[
            "eval",
            seeds.to_str().unwrap(),
            "--no-encoder",
            "--gold",
            gold.to_str().unwrap(),
            "--items",
            items.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let last = text(&out.stdout).lines().last().unwrap_or("").to_string();
    let scores: serde_json::Value = serde_json::from_str(&last).expect("last line is JSON");
    let written = std::fs::read_to_string(&items).expect("the items file is written");
    let lines: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let verdicts: Vec<_> = lines
        .iter()
        .filter(|l| l["kind"] != "boilerplate")
        .collect();
    assert_eq!(verdicts.len() as u64, scores["items"].as_u64().unwrap());
    let wrong = lines
        .iter()
        .filter(|l| l["right"] == false || l["marked"] == false)
        .count();
    assert!(
        wrong > 0,
        "the seeds are not scored perfectly: wrong items are listed"
    );
    let said = format!(
        "wrote {} items ({wrong} wrong) to {}",
        lines.len(),
        items.display()
    );
    assert!(text(&out.stderr).contains(&said), "{}", text(&out.stderr));
    for v in verdicts {
        for key in [
            "line", "source", "key", "text", "other", "gold", "answer", "right", "evidence",
        ] {
            assert!(v.get(key).is_some(), "missing {key}: {v}");
        }
    }
}

#[test]
fn eval_of_a_saved_database_equals_eval_of_its_folder() {
    let t = TempDir::new("cli");
    let seeds = repo().join("seeds");
    let gold = repo().join("tests/data/seeds.gold.jsonl");
    let (s, g) = (seeds.to_str().unwrap(), gold.to_str().unwrap());
    let last_line = |out: Output| {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout).lines().last().unwrap_or("").to_string()
    };
    let direct = last_line(run(&["eval", s, "--gold", g], b""));
    for format in ["json", "bin"] {
        let db = t.path(&format!("db.{format}"));
        let d = db.to_str().unwrap();
        assert!(run(&["build", s, "--format", format, "-o", d], b"")
            .status
            .success());
        assert_eq!(
            last_line(run(&["eval", "--db", d, "--gold", g], b"")),
            direct
        );
    }
    let both = run(&["eval", s, "--db", "x.json", "--gold", g], b"");
    assert_eq!(both.status.code(), Some(2));
    let garbage = t.write("garbage.json", b"{\"hello\": 1}");
    assert_input_error(
        &run(
            &["eval", "--db", garbage.to_str().unwrap(), "--gold", g],
            b"",
        ),
        garbage.to_str().unwrap(),
    );
}

#[test]
fn a_long_build_draws_no_progress_off_a_terminal() {
    // Five copies of the seeds: 25 articles, a build of several seconds in the test profile,
    // so the progress bar (drawn after a second, on a terminal only) would have shown by now
    // if it ignored that stderr here is a pipe.
    let t = TempDir::new("cli");
    let dir = t.path("big");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            for copy in 0..5 {
                std::fs::copy(&path, dir.join(format!("{stem}-{copy}.txt"))).unwrap();
            }
        }
    }
    let out_file = t.path("big.bin");
    let out = run(
        &[
            "build",
            dir.to_str().unwrap(),
            "--no-encoder",
            "--format",
            "bin",
            "-o",
            out_file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "",
        "nothing but notes and errors on a pipe"
    );
    assert!(out_file.is_file());
}
