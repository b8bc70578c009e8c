//! Generates the claim database the widget embeds, by running the engine over a cluster
//! folder at build time: `seeds/` unless `CROSSCHECK_CLUSTER` names another folder.
//! Nobody edits the generated file; changing an article or the engine rebuilds it.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSCHECK_CLUSTER");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = match std::env::var("CROSSCHECK_CLUSTER") {
        Ok(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            if p.is_absolute() {
                p
            } else {
                manifest.join(p)
            }
        }
        _ => manifest.join("seeds"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let articles = crosscheck::load_dir(&dir).unwrap_or_else(|e| {
        panic!("CROSSCHECK_CLUSTER / seeds: {e}");
    });
    let db =
        crosscheck::build(&articles).unwrap_or_else(|e| panic!("building the claim database: {e}"));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("claims.bin");
    std::fs::write(&out, db.to_bin()).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
