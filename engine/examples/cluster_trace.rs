//! Builds a cluster folder and prints one JSON line per verdict with the features it was
//! decided on, for measuring the cluster decision against a gold file (see ARCHITECTURE.md).

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cluster_trace DIR");
        std::process::exit(2);
    };
    let articles = match crosscheck::load_dir(std::path::Path::new(&dir)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let Ok((db, feats)) = crosscheck::build_traced(&articles) else {
        std::process::exit(2);
    };
    for (v, f) in db.verdicts.iter().zip(&feats) {
        let names = crosscheck::verdict::Features::NAMES;
        let obj: serde_json::Map<String, serde_json::Value> = names
            .iter()
            .zip(f.to_vec())
            .map(|(n, x)| (n.to_string(), serde_json::json!(x)))
            .collect();
        println!(
            "{}",
            serde_json::json!({"segment": v.segment, "other": v.other, "label": v.label.as_str(), "f": obj})
        );
    }
}
