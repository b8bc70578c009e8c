//! Builds a cluster folder and prints one JSON line per (claim, other article) item, omissions
//! included, with what it was decided on: the cluster decision's features (`cluster::NAMES`)
//! and the best-aligned candidate sentences (kept even for `omits`), for measuring the cluster
//! decision against a gold file (see ARCHITECTURE.md).
//!
//!     cluster_trace DIR [--encoder MODEL_DIR]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cluster_trace DIR [--encoder MODEL_DIR]");
        std::process::exit(2);
    };
    let encoder = match args.iter().position(|a| a == "--encoder") {
        Some(i) => match args
            .get(i + 1)
            .map(|d| crosscheck::encoder::Encoder::load(std::path::Path::new(d)))
        {
            Some(Ok(e)) => Some(e),
            _ => {
                eprintln!("cluster_trace: --encoder needs a loadable model folder");
                std::process::exit(2);
            }
        },
        None => None,
    };
    let articles = match crosscheck::load_dir(std::path::Path::new(dir)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let opts = crosscheck::BuildOptions {
        encoder: encoder.as_ref(),
        trace: true,
        progress: None,
    };
    let Ok((db, traces)) = crosscheck::build_with(&articles, &opts) else {
        std::process::exit(2);
    };
    let named = |names: &[&str], values: &[f32]| -> serde_json::Map<String, serde_json::Value> {
        names
            .iter()
            .zip(values)
            .map(|(n, x)| (n.to_string(), serde_json::json!(x)))
            .collect()
    };
    let slice = |u: u32, (s, e): (usize, usize)| {
        db.segments
            .get(u as usize)
            .and_then(|x| x.text.get(s..e))
            .unwrap_or("")
            .to_string()
    };
    // One line per item, omissions included (the database leaves those implicit).
    for t in &traces {
        let figure = t.figure_conflict.as_ref().map(|p| {
            serde_json::json!({"here": slice(t.segment, p.here), "there_unit": p.there_unit,
                "there": slice(p.there_unit, p.there)})
        });
        println!(
            "{}",
            serde_json::json!({"segment": t.segment, "other": t.other,
                "label": t.decision.label.as_str(),
                "candidates": t.candidates, "figure": figure,
                "differences": t.differences.iter().map(|d| serde_json::json!(
                    [d.kind.human(), slice(t.segment, d.here), slice(d.there_unit, d.there)]))
                    .collect::<Vec<_>>(),
                "p_carried": t.decision.p_carried, "p_differs": t.decision.p_differs,
                "decided_by": t.decision.by,
                "reasons": t.decision.reasons.iter().map(|&(i, c)| serde_json::json!(
                    [crosscheck::cluster::NAMES.get(i).copied().unwrap_or("?"), c])).collect::<Vec<_>>(),
                "f": named(&crosscheck::cluster::NAMES, &t.features)})
        );
    }
}
