//! Times the sentence encoder over every segment of a cluster: the figure that decides whether
//! the build can afford to encode each sentence once.
//!
//! cargo run -p crosscheck --release --example encoder_speed -- [SEEDS_DIR] [ENCODER_DIR] [COPIES]
//!
//! SEEDS_DIR defaults to `seeds`, ENCODER_DIR to `$CROSSCHECK_ENCODER`; COPIES (default 1)
//! repeats the segment list, to time a cluster of 40 × 97 ≈ 4,000 sentences from the seeds.
//! One core is the aim: run it under `taskset -c 1`. On a shared machine the wall clock
//! counts other jobs' turns too, so the thread's own CPU time is printed beside it (Linux).

use std::path::{Path, PathBuf};
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
            eprintln!("usage: encoder_speed [SEEDS_DIR] [ENCODER_DIR] [COPIES] (or set CROSSCHECK_ENCODER)");
            std::process::exit(2);
        });
    let copies: usize = args.get(2).and_then(|c| c.parse().ok()).unwrap_or(1);
    let articles = crosscheck::load_dir(&seeds).expect("the seeds folder");
    let db = crosscheck::build(&articles).expect("the build");
    let texts: Vec<&str> = db
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .cycle()
        .take(db.segments.len() * copies)
        .collect();
    let t = Instant::now();
    let enc = Encoder::load(Path::new(&model)).expect("the encoder");
    println!("load: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let tokens: usize = texts.iter().map(|s| enc.token_ids(s).len()).sum();
    println!("{} segments, {tokens} tokens", texts.len());

    let clock = Clock::start();
    let batch = enc.encode_batch(&texts);
    clock.report("encode_batch", texts.len());

    let clock = Clock::start();
    let one: Vec<_> = texts.iter().map(|s| enc.encode(s)).collect();
    clock.report("encode one by one", texts.len());

    // The two must agree (tests/encoder.rs holds them to 1e-5); printing the gap also keeps
    // both results alive, so no work can be optimised away.
    let gap = batch
        .iter()
        .zip(&one)
        .flat_map(|(a, b)| a.data.iter().zip(&b.data).map(|(x, y)| (x - y).abs()))
        .fold(0.0f32, f32::max);
    println!("max abs difference batch vs one by one: {gap:e}");
}

struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_ns(),
        }
    }

    fn report(&self, what: &str, n: usize) {
        let ms = self.wall.elapsed().as_secs_f64() * 1e3;
        let per = |ms: f64| ms / n.max(1) as f64;
        let cpu = match (self.cpu, cpu_ns()) {
            (Some(a), Some(b)) => {
                let c = b.saturating_sub(a) as f64 / 1e6;
                format!("; cpu {c:.0} ms, {:.2} ms/segment", per(c))
            }
            _ => String::new(),
        };
        println!("{what}: wall {ms:.0} ms, {:.2} ms/segment{cpu}", per(ms));
    }
}

/// Nanoseconds this thread has spent on a CPU (Linux's schedstat), if the system says.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
