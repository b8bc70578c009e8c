//! Times the sentence encoder over every segment of a cluster: the figure that decides whether
//! the build can afford to encode each sentence once.
//!
//! cargo run -p crosscheck --release --example encoder_speed -- [SEEDS_DIR] [ENCODER_DIR]
//!
//! SEEDS_DIR defaults to `seeds`, ENCODER_DIR to `$CROSSCHECK_ENCODER`. One core is the aim:
//! run it under `taskset -c 1` on a shared machine for steadier figures.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck::encoder::Encoder;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = PathBuf::from(args.first().map_or("seeds", String::as_str));
    let model = args
        .get(1)
        .cloned()
        .or_else(|| std::env::var("CROSSCHECK_ENCODER").ok())
        .unwrap_or_else(|| {
            eprintln!("usage: encoder_speed [SEEDS_DIR] [ENCODER_DIR] (or set CROSSCHECK_ENCODER)");
            std::process::exit(2);
        });
    let articles = crosscheck::load_dir(&seeds).expect("the seeds folder");
    let db = crosscheck::build(&articles).expect("the build");
    let texts: Vec<&str> = db.segments.iter().map(|s| s.text.as_str()).collect();
    let t = Instant::now();
    let enc = Encoder::load(std::path::Path::new(&model)).expect("the encoder");
    println!("load: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let tokens: usize = texts.iter().map(|s| enc.token_ids(s).len()).sum();
    println!("{} segments, {tokens} tokens", texts.len());

    let t = Instant::now();
    let one: Vec<_> = texts.iter().map(|s| enc.encode(s)).collect();
    report("encode one by one", t.elapsed().as_secs_f64(), texts.len());
    // Keep the result alive so the work cannot be optimised away.
    let check: f32 = one.iter().map(|t| t.data.iter().sum::<f32>()).sum();
    println!("checksum {check}");
}

fn report(what: &str, secs: f64, n: usize) {
    let ms = secs * 1e3;
    println!(
        "{what}: {ms:.0} ms total, {:.2} ms/segment",
        ms / n.max(1) as f64
    );
}
