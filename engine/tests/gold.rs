//! The seed cluster against its gold, through the public API only: the engine's headline
//! figures and the floors it must reach (LABELS.md scores, computed by `crosscheck::eval`).

use std::path::Path;

use crosscheck::eval::{parse_gold, score};

#[test]
fn seeds_meet_the_gold_floors() {
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
    // All floors are checked before failing, so one run shows every figure that falls short.
    let ev = s.evidence_accuracy.unwrap_or(0.0);
    let bp = s.boilerplate_recall.unwrap_or(0.0);
    let mut short = Vec::new();
    if s.macro_f1 < 0.90 {
        short.push(format!("macro-F1 {} < 0.90", s.macro_f1));
    }
    if ev < 0.90 {
        short.push(format!("evidence accuracy {ev} < 0.90"));
    }
    if bp < 1.0 {
        short.push(format!("boilerplate recall {bp} < 1.0"));
    }
    assert!(short.is_empty(), "{}", short.join("; "));
}
