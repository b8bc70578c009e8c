//! The seed cluster against its gold, through the public API only: the engine's headline
//! figures (LABELS.md scores, computed by `crosscheck::eval`) must meet the engine issue's
//! targets.

use std::path::Path;

use crosscheck::eval::{parse_gold, score, Scores};

/// The engine issue's targets (macro-F1 and evidence accuracy ≥ 0.90, boilerplate recall 1.0).
const TARGET_MACRO_F1: f64 = 0.90;
const TARGET_EVIDENCE: f64 = 0.90;

fn seed_scores() -> Scores {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let articles = crosscheck::load_dir(&root.join("seeds")).expect("seeds load");
    let db = crosscheck::build(&articles).expect("seeds build");
    db.validate().expect("the database is consistent");

    let gold_path = root.join("tests/data/seeds.gold.jsonl");
    let gold_text = std::fs::read_to_string(&gold_path).expect("seed gold readable");
    let gold = parse_gold(&gold_text, &gold_path).expect("seed gold parses");
    let s = score(&db, &gold);

    println!("{}", s.table());
    for u in &s.unmatched_keys {
        println!(
            "unmatched gold key (line {}): {} {:?}",
            u.line, u.source, u.key
        );
    }
    println!("{}", s.to_json());
    assert!(s.items > 0, "no gold item was scored");
    s
}

/// Every figure that falls short, so one run shows them all.
fn shortfalls(s: &Scores, f1: f64, evidence: f64) -> Vec<String> {
    let ev = s.evidence_accuracy.unwrap_or(0.0);
    let bp = s.boilerplate_recall.unwrap_or(0.0);
    let mut short = Vec::new();
    if s.macro_f1 < f1 {
        short.push(format!("macro-F1 {} < {f1}", s.macro_f1));
    }
    if ev < evidence {
        short.push(format!("evidence accuracy {ev} < {evidence}"));
    }
    if bp < 1.0 {
        short.push(format!("boilerplate recall {bp} < 1.0"));
    }
    short
}

#[test]
fn seeds_meet_the_issue_targets() {
    let s = seed_scores();
    let short = shortfalls(&s, TARGET_MACRO_F1, TARGET_EVIDENCE);
    assert!(short.is_empty(), "{}", short.join("; "));
}
