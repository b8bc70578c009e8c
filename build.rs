//! Generates the claim database the widget embeds, by running the engine over a cluster
//! folder at build time: `seeds/` unless `CROSSCHECK_CLUSTER` names another folder
//! (absolute, or relative to this crate's folder). Nobody edits the generated file;
//! changing an article, `sources.toml` or the engine rebuilds it.
//!
//! The database is built the way `crosscheck build` builds it: with the sentence encoder when
//! its folder is found (`CROSSCHECK_ENCODER`, else `~/.cache/crosscheck/all-MiniLM-L6-v2`, where
//! `scripts/get-encoder.sh` puts it), from surface features otherwise or when
//! `CROSSCHECK_NO_ENCODER` is set.
//!
//! A bad cluster stops the build with one plain message naming the folder, the file and
//! the line, and how to fix it, instead of a build-script panic.

use std::path::{Path, PathBuf};
use std::process::exit;

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSCHECK_CLUSTER");
    println!("cargo:rerun-if-changed=build.rs");
    let Ok(manifest) = std::env::var("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        fail("CARGO_MANIFEST_DIR is not set: run this through cargo");
    };
    let (dir, from_env) = match std::env::var("CROSSCHECK_CLUSTER") {
        Ok(p) if !p.trim().is_empty() => {
            let p = PathBuf::from(p.trim());
            (if p.is_absolute() { p } else { manifest.join(p) }, true)
        }
        _ => (manifest.join("seeds"), false),
    };
    let origin = if from_env {
        "the folder named by CROSSCHECK_CLUSTER"
    } else {
        "seeds/ (set CROSSCHECK_CLUSTER to embed another cluster)"
    };
    if !dir.is_dir() {
        fail(&format!(
            "{} does not exist or is not a folder ({origin}).\n\
             CROSSCHECK_CLUSTER must name a folder of .txt articles, optionally with a sources.toml.",
            dir.display()
        ));
    }
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let articles = crosscheck::load_dir(&dir).unwrap_or_else(|e| {
        fail(&format!(
            "cannot read the cluster in {} ({origin}):\n  {e}\nFix that file and build again.",
            dir.display()
        ))
    });
    let encoder = encoder();
    let opts = crosscheck::BuildOptions {
        encoder: encoder.as_ref(),
        trace: false,
        progress: None,
    };
    let db = crosscheck::build_with(&articles, &opts)
        .map(|(db, _)| db)
        .unwrap_or_else(|e| {
            fail(&format!(
                "the engine could not build a claim database from {}: {e}",
                dir.display()
            ))
        });
    if let Err(e) = db.validate() {
        fail(&format!(
            "the engine produced an invalid claim database from {}: {e}",
            dir.display()
        ));
    }
    if from_env {
        println!(
            "cargo:warning=embedding the cluster in {} ({} articles, {} sentences)",
            dir.display(),
            db.sources.len(),
            db.segments.len()
        );
    }
    let Ok(out_dir) = std::env::var("OUT_DIR").map(PathBuf::from) else {
        fail("OUT_DIR is not set: run this through cargo");
    };
    write(&out_dir.join("claims.bin"), &db.to_bin());
}

/// The sentence encoder, as `crosscheck build` finds it; a folder that is there but does not
/// load stops the build rather than silently changing the embedded verdicts.
fn encoder() -> Option<crosscheck::encoder::Encoder> {
    println!("cargo:rerun-if-env-changed=CROSSCHECK_ENCODER");
    println!("cargo:rerun-if-env-changed=CROSSCHECK_NO_ENCODER");
    println!("cargo:rerun-if-env-changed=XDG_CACHE_HOME");
    if std::env::var_os("CROSSCHECK_NO_ENCODER").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let dir = crosscheck::encoder::default_dir()?;
    for f in ["config.json", "vocab.txt", "model.safetensors"] {
        println!("cargo:rerun-if-changed={}", dir.join(f).display());
    }
    if !dir.join("model.safetensors").is_file() {
        println!(
            "cargo:warning=no sentence encoder at {}: the embedded database is built from surface \
             features only (scripts/get-encoder.sh fetches the encoder)",
            dir.display()
        );
        return None;
    }
    match crosscheck::encoder::Encoder::load(&dir) {
        Ok(e) => Some(e),
        Err(e) => fail(&format!(
            "the sentence encoder in {} does not load: {e}\n\
             Run scripts/get-encoder.sh again, or set CROSSCHECK_NO_ENCODER=1.",
            dir.display()
        )),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

/// Stops the build with a message cargo shows as it is.
fn fail(message: &str) -> ! {
    eprintln!("\nerror: crosscheck-widget: {message}\n");
    exit(1);
}
