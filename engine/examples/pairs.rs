//! Runs the pair judge over a benchmark file and writes one verdict per line
//! (`{"id", "label", "score"}`, what `score.py mrpc|rte3` reads), plus, with `--features FILE`,
//! the features of every pair (TSV: id, gold, features...) for `fit_pairs.py`. With
//! `--encoder DIR` the sentence encoder's features follow, and its pair model decides.
//!
//! cargo run -p crosscheck --release --example pairs -- mrpc PAIRS.tsv OUT.jsonl [--features F] [--encoder DIR]
//! cargo run -p crosscheck --release --example pairs -- rte3 PAIRS.jsonl OUT.jsonl [--features F] [--encoder DIR]

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: pairs mrpc|rte3 PAIRS OUT.jsonl [--features FILE] [--encoder DIR]");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    // (id, gold, claim, document)
    let mut rows: Vec<(String, String, String, String)> = Vec::new();
    if args[0] == "mrpc" {
        for (i, line) in text
            .trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .enumerate()
        {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() >= 5 {
                rows.push((i.to_string(), f[0].into(), f[3].into(), f[4].into()));
            }
        }
    } else {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let id = v.get("id").map(|x| x.to_string()).unwrap_or_default();
            rows.push((id, s("label"), s("hypothesis"), s("premise")));
        }
    }
    let encoder = args
        .iter()
        .position(|a| a == "--encoder")
        .and_then(|i| args.get(i + 1))
        .map(|d| crosscheck::encoder::Encoder::load(std::path::Path::new(d)).expect("the encoder"));
    let mut out = std::fs::File::create(&args[2]).expect("cannot write the output");
    let mut feats = args
        .iter()
        .position(|a| a == "--features")
        .and_then(|i| args.get(i + 1))
        .map(|p| std::fs::File::create(p).expect("cannot write the features"));
    if let Some(f) = feats.as_mut() {
        let enc_names: &[&str] = if encoder.is_some() {
            &crosscheck::encoder::NAMES
        } else {
            &[]
        };
        let names = crosscheck::verdict::Features::NAMES
            .iter()
            .chain(crosscheck::pair_features::NAMES.iter())
            .chain(enc_names)
            .copied()
            .collect::<Vec<_>>()
            .join("\t");
        let _ = writeln!(f, "id\tgold\t{names}");
    }
    let t0 = std::time::Instant::now();
    for (id, gold, claim, doc) in &rows {
        let r = crosscheck::analyse_pair(claim, doc, None, encoder.as_ref());
        let id_json = if args[0] == "mrpc" {
            serde_json::json!(id)
        } else {
            serde_json::from_str(id).unwrap_or(serde_json::json!(id))
        };
        let _ = writeln!(
            out,
            "{}",
            serde_json::json!({"id": id_json, "label": r.verdict.label.as_str(), "score": r.verdict.score})
        );
        if let Some(f) = feats.as_mut() {
            let xs: Vec<String> = r
                .features
                .to_vec()
                .iter()
                .chain(r.extra.iter())
                // A pair the engine answers before deciding (an empty or all-boilerplate side)
                // still gets a full row, so the fit sees one width.
                .chain(
                    r.encoded
                        .or_else(|| encoder.as_ref().map(|e| e.pair_features(claim, doc)))
                        .iter()
                        .flatten(),
                )
                .map(|x| format!("{x:.5}"))
                .collect();
            let _ = writeln!(f, "{id}\t{gold}\t{}", xs.join("\t"));
        }
    }
    eprintln!("{} pairs in {:?}", rows.len(), t0.elapsed());
}
