//! Builds a cluster folder and prints one JSON line per verdict with what it was decided on:
//! the cluster features, the best-aligned candidate sentences (kept even for `omits`) and the
//! pair judge's surface features of the claim against them, for measuring and fitting the
//! cluster decision against a gold file (see ARCHITECTURE.md).

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
    let Ok((db, traces)) = crosscheck::build_traced(&articles) else {
        std::process::exit(2);
    };
    let text = |id: u32| db.segments.get(id as usize).map_or("", |s| s.text.as_str());
    for (v, t) in db.verdicts.iter().zip(&traces) {
        let named =
            |names: &[&str], values: &[f32]| -> serde_json::Map<String, serde_json::Value> {
                names
                    .iter()
                    .zip(values)
                    .map(|(n, x)| (n.to_string(), serde_json::json!(x)))
                    .collect()
            };
        let f = named(&crosscheck::verdict::Features::NAMES, &t.features.to_vec());
        let candidates: Vec<&str> = t.candidates.iter().map(|&u| text(u)).collect();
        let x = crosscheck::pair_features::extract(text(v.segment), &candidates.join(" "));
        let x = named(&crosscheck::pair_features::NAMES, &x);
        println!(
            "{}",
            serde_json::json!({"segment": v.segment, "other": v.other, "label": v.label.as_str(),
                "candidates": t.candidates, "f": f, "x": x})
        );
    }
}
