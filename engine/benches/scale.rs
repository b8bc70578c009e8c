//! How the build scales with cluster size: `cargo bench -p crosscheck --bench scale`.
//!
//! Times the seed cluster (median of repeated runs), then clusters of 20, 40, 50, 80, 160, 200
//! and 500 articles made from the seeds by rule (`scale/generate.rs`), each built two ways, as
//! `crosscheck build --format bin` builds them (`build_into` a `WriteSink`, each verdict
//! written out as it is decided, the binary form kept in memory here instead of a file):
//! without the sentence encoder (what the widget's browser engine decides too) and with it
//! (what `crosscheck build` does when its folder is found; the encoder is loaded once, before
//! timing, and its load is reported apart). For each size and path it prints build time and
//! peak heap (a counting global allocator; the binary form's bytes are counted in it), then
//! each path's fitted growth exponent (least squares of log time against log articles, over the
//! sizes from 40 to 160 articles, the range issue 14 states its aim on). Without an encoder
//! folder (`crosscheck::encoder::default_dir`) it says so and leaves the encoder columns empty.
//!
//! Prints figures and never asserts on time. `--quick` (or `BENCH_QUICK=1`) stops at 200
//! articles; a size whose predicted time on a path exceeds `BENCH_BUDGET_SECS` (default 60,
//! the encoder's aim at 200 articles) is skipped on that path and said so. Results also go to
//! `BENCH_OUT` (default `target/bench/`) as `scale.md`, `scale.json` (for `bench/report.mjs`)
//! and a log-log `scale.svg`. `BENCH_DUMP=DIR` also writes each generated cluster to
//! `DIR/n<size>/` as a folder `crosscheck build` reads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crosscheck::encoder::Encoder;
use crosscheck::{Article, BuildOptions, Database};

#[path = "scale/generate.rs"]
mod generate;
#[path = "scale/report.rs"]
mod report;
#[path = "scale/svg.rs"]
mod svg;

/// Counts live heap bytes and their high-water mark, so peak memory of one build is measurable
/// without an external profiler.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = CURRENT.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(n: usize) {
    CURRENT.fetch_sub(n, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

pub struct Measure {
    pub runs: usize,
    /// Median wall-clock time, and median CPU time of the thread (None where Linux's
    /// schedstat is missing): on a shared machine the wall clock counts other jobs' turns.
    pub median: Duration,
    pub cpu: Option<Duration>,
    pub peak_bytes: usize,
}

/// What one size measured: the cluster, then each path (None: not run, with the reason).
pub struct Row {
    pub articles: usize,
    pub segments: usize,
    pub verdicts: usize,
    /// Distinct texts among the segments that get verdicts: what the encoder encodes.
    pub distinct: usize,
    pub json_bytes: usize,
    /// The binary form's size (`Database::to_bin`), what a per-story widget fetches.
    pub bin_bytes: usize,
    pub surface: Result<Measure, String>,
    pub encoder: Result<Measure, String>,
}

/// Time this thread has spent on a CPU (Linux's schedstat), if the system says.
fn cpu_time() -> Option<Duration> {
    let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(Duration::from_nanos(ns))
}

struct Once {
    wall: Duration,
    cpu: Option<Duration>,
    peak: usize,
    /// The binary form the build wrote.
    bin: Vec<u8>,
}

/// One build, with the heap high-water mark it reached above what was live before it.
fn build_once(articles: &[Article], encoder: Option<&Encoder>) -> Once {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let cpu0 = cpu_time();
    let t = Instant::now();
    let opts = BuildOptions {
        encoder,
        trace: false,
        progress: None,
    };
    let mut sink = crosscheck::WriteSink::new(crosscheck::Format::Bin, Vec::new());
    let bin = match crosscheck::build_into(articles, &opts, &mut sink)
        .and_then(|()| sink.finish().map_err(crosscheck::StreamError::Write))
    {
        Ok(bin) => bin,
        Err(e) => {
            eprintln!("bench: build failed: {e}");
            std::process::exit(1)
        }
    };
    let wall = t.elapsed();
    let cpu = cpu_time().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    Once {
        wall,
        cpu,
        peak,
        bin,
    }
}

/// Repeats small builds (up to ~2 s and 25 runs, and at least three under 2 s each) so the
/// median is stable; big ones run once. Also returns the first build's binary form.
fn measure(articles: &[Article], encoder: Option<&Encoder>) -> (Measure, Vec<u8>) {
    let first = build_once(articles, encoder);
    let mut walls = vec![first.wall];
    let mut cpus: Vec<Option<Duration>> = vec![first.cpu];
    let mut spent = first.wall;
    let short = first.wall < Duration::from_secs(2);
    while walls.len() < 25
        && (spent + first.wall < Duration::from_secs(2) || short && walls.len() < 3)
    {
        let again = build_once(articles, encoder);
        walls.push(again.wall);
        cpus.push(again.cpu);
        spent += again.wall;
    }
    walls.sort();
    let mut cpus: Option<Vec<Duration>> = cpus.into_iter().collect();
    if let Some(c) = cpus.as_mut() {
        c.sort();
    }
    let m = Measure {
        runs: walls.len(),
        median: walls[walls.len() / 2],
        cpu: cpus.and_then(|c| c.get(c.len() / 2).copied()),
        peak_bytes: first.peak,
    };
    (m, first.bin)
}

/// Counts the bytes written to it: the JSON export's size without holding it.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Fills `row`'s cluster columns from the binary form a build wrote.
fn describe(row: &mut Row, bin: &[u8]) {
    let db = match Database::from_bin(bin) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("bench: the build wrote a database that does not read back: {e}");
            std::process::exit(1)
        }
    };
    row.segments = db.segments.len();
    row.verdicts = db.verdicts.len();
    row.distinct = distinct_claims(&db).len();
    let mut json = Counter(0);
    row.json_bytes = db.write_json(&mut json).map_or(0, |()| json.0);
    row.bin_bytes = bin.len();
}

/// The distinct texts of the segments that get verdicts, in order of first appearance.
fn distinct_claims(db: &Database) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    db.segments
        .iter()
        .filter(|s| s.kind.gets_verdicts() && seen.insert(s.text.as_str()))
        .map(|s| s.text.as_str())
        .collect()
}

/// Least-squares slope of ln(y) against ln(x): the exponent b of y ≈ a·x^b.
fn growth(points: &[(f64, f64)]) -> Option<f64> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f64;
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// The sizes the growth exponent is fitted over: 40 to 160 articles of one story, the range
/// the aim (≤ 1.2) is stated on. Smaller clusters are dominated by fixed costs, which would
/// flatten the slope, and 500 is not reached by every path.
const GROWTH_RANGE: std::ops::RangeInclusive<usize> = 40..=160;

/// The growth exponents of time and peak heap of one path over the `GROWTH_RANGE` sizes. Time
/// is the thread's CPU time when every size has it: on a shared machine the wall clock of a
/// single run says as much about the other jobs as about the build.
fn exponents(rows: &[Row], path: impl Fn(&Row) -> Option<&Measure>) -> (Option<f64>, Option<f64>) {
    let pts: Vec<(f64, &Measure)> = rows
        .iter()
        .filter(|r| GROWTH_RANGE.contains(&r.articles))
        .filter_map(|r| path(r).map(|m| (r.articles as f64, m)))
        .collect();
    let all_cpu = pts.iter().all(|(_, m)| m.cpu.is_some());
    let time: Vec<(f64, f64)> = pts
        .iter()
        .map(|(n, m)| {
            let t = if all_cpu { m.cpu } else { None };
            (*n, t.unwrap_or(m.median).as_secs_f64())
        })
        .collect();
    let heap: Vec<(f64, f64)> = pts.iter().map(|(n, m)| (*n, m.peak_bytes as f64)).collect();
    (growth(&time), growth(&heap))
}

/// The time a path is predicted to take on `n` articles, from its last two measured sizes.
fn predict(rows: &[Row], n: usize, path: impl Fn(&Row) -> Option<&Measure>) -> Option<f64> {
    let done: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| path(r).map(|m| (r.articles as f64, m.median.as_secs_f64())))
        .collect();
    let [.., a, b] = done.as_slice() else {
        return None;
    };
    let exp = growth(&[*a, *b]).unwrap_or(2.0).max(1.0);
    Some(b.1 * (n as f64 / b.0).powf(exp))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn out_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BENCH_OUT") {
        return PathBuf::from(dir);
    }
    // The bench binary lives in <target>/<profile>/deps/: its target folder, wherever it is.
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .filter(|t| t.is_dir())
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("bench")
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|_| "n/a".into())
}

/// The encoder as `crosscheck build` finds it, with how long it took to load and what heap it
/// holds; Err says why there is none.
struct Loaded {
    encoder: Encoder,
    dir: PathBuf,
    load: Duration,
    heap: usize,
}

fn load_encoder() -> Result<Loaded, String> {
    let dir = crosscheck::encoder::default_dir()
        .ok_or("no encoder folder: neither CROSSCHECK_ENCODER nor a cache folder is set")?;
    if !dir.join("model.safetensors").is_file() {
        return Err(format!(
            "no sentence encoder at {} (scripts/get-encoder.sh fetches it)",
            dir.display()
        ));
    }
    let before = CURRENT.load(Ordering::Relaxed);
    let t = Instant::now();
    let encoder =
        Encoder::load(&dir).map_err(|e| format!("encoder {} did not load: {e}", dir.display()))?;
    Ok(Loaded {
        load: t.elapsed(),
        heap: CURRENT.load(Ordering::Relaxed).saturating_sub(before),
        encoder,
        dir,
    })
}

fn main() {
    // Every figure here is of one core: the library spreads a build over the cores (`--jobs` in
    // the CLI); with one thread it runs every step on this one, whose CPU time `cpu_time` reads.
    if let Err(e) = crosscheck::set_threads(1) {
        eprintln!("bench: {e}");
        std::process::exit(1)
    }
    let quick = std::env::args().any(|a| a == "--quick")
        || std::env::var("BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
    let budget = std::env::var("BENCH_BUDGET_SECS")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(60.0);
    let load_before = loadavg();
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let seeds = crosscheck::load_dir(&seeds_dir).unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    });
    let pool = generate::name_pool(&seeds);
    let sizes: &[usize] = if quick {
        &[5, 20, 40, 50, 80, 160, 200]
    } else {
        &[5, 20, 40, 50, 80, 160, 200, 500]
    };

    let loaded = load_encoder();
    let encoder = loaded.as_ref().ok().map(|l| &l.encoder);
    let mut notes = Vec::new();
    let mut enc_json = serde_json::json!(null);
    match &loaded {
        Ok(l) => {
            // What one distinct sentence costs the encoder, on the seeds' sentences: the
            // generated clusters repeat sentences, which are encoded once, so a cluster of as
            // many distinct sentences costs about this much more per extra sentence.
            let db = match crosscheck::build(&seeds) {
                Ok(db) => db,
                Err(e) => {
                    eprintln!("bench: the seeds do not build: {e}");
                    std::process::exit(1)
                }
            };
            let texts = distinct_claims(&db);
            let mut times: Vec<Duration> = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    drop(l.encoder.encode_batch(&texts));
                    t.elapsed()
                })
                .collect();
            times.sort();
            let per = ms(times[1]) / texts.len().max(1) as f64;
            let line = format!(
                "Encoder: all-MiniLM-L6-v2 from `{}`, loaded in {:.0} ms ({:.0} MiB heap, not \
                 counted in the builds' peaks); {per:.2} ms per distinct sentence (encode_batch \
                 over the seeds' {} sentences that get verdicts, median of 3).",
                l.dir.display(),
                ms(l.load),
                mib(l.heap),
                texts.len()
            );
            println!("{line}");
            notes.push(line);
            enc_json = serde_json::json!({
                "dir": l.dir.display().to_string(), "loadMs": ms(l.load),
                "heapMiB": mib(l.heap), "msPerSentence": per,
            });
        }
        Err(why) => {
            let line = format!("Encoder: {why}; the encoder columns are skipped.");
            println!("{line}");
            notes.push(line);
        }
    }
    println!(
        "{:>8} {:>9} {:>9} {:>9} | {:>5} {:>10} {:>10} {:>8} | encoder: same columns",
        "articles", "segments", "verdicts", "distinct", "runs", "median ms", "CPU ms", "peak MiB"
    );
    let mut rows: Vec<Row> = Vec::new();
    for &n in sizes {
        let articles = if n == seeds.len() {
            seeds.clone()
        } else {
            generate::cluster(&seeds, n, &pool)
        };
        if n != seeds.len() {
            if let Some(dump) = std::env::var_os("BENCH_DUMP") {
                generate::dump_cluster(&Path::new(&dump).join(format!("n{n}")), &articles);
            }
        }
        // Extrapolate from the last two sizes before committing to a build that may take minutes.
        let over = |p: Option<f64>| {
            p.filter(|&s| s > budget)
                .map(|s| format!("skipped (predicted {s:.0} s > BENCH_BUDGET_SECS={budget:.0})"))
        };
        let mut row = Row {
            articles: n,
            segments: 0,
            verdicts: 0,
            distinct: 0,
            json_bytes: 0,
            bin_bytes: 0,
            surface: Err(String::new()),
            encoder: Err(String::new()),
        };
        row.surface = match over(predict(&rows, n, |r| r.surface.as_ref().ok())) {
            Some(why) => Err(why),
            None => {
                let (m, bin) = measure(&articles, None);
                describe(&mut row, &bin);
                Ok(m)
            }
        };
        row.encoder = match (
            encoder,
            over(predict(&rows, n, |r| r.encoder.as_ref().ok())),
        ) {
            (None, _) => Err("no encoder".into()),
            (_, Some(why)) => Err(why),
            (Some(e), None) => {
                let (m, bin) = measure(&articles, Some(e));
                if row.segments == 0 {
                    describe(&mut row, &bin);
                }
                Ok(m)
            }
        };
        let show = |m: &Result<Measure, String>| match m {
            Ok(m) => format!(
                "{:>5} {:>10.1} {:>10.1} {:>8.2}",
                m.runs,
                ms(m.median),
                m.cpu.map_or(f64::NAN, ms),
                mib(m.peak_bytes)
            ),
            Err(why) => format!("{why:>36}"),
        };
        println!(
            "{:>8} {:>9} {:>9} {:>9} | {} | {}",
            n,
            row.segments,
            row.verdicts,
            row.distinct,
            show(&row.surface),
            show(&row.encoder)
        );
        rows.push(row);
    }
    if quick {
        let why = || Err("not run (--quick)".to_string());
        rows.push(Row {
            articles: 500,
            segments: 0,
            verdicts: 0,
            distinct: 0,
            json_bytes: 0,
            bin_bytes: 0,
            surface: why(),
            encoder: why(),
        });
    }
    let (s_time, s_heap) = exponents(&rows, |r| r.surface.as_ref().ok());
    let (e_time, e_heap) = exponents(&rows, |r| r.encoder.as_ref().ok());
    let growth_line = format!(
        "Fitted growth exponent over the generated clusters of {} to {} articles (time ∝ articles^b, time being the \
         thread's CPU time where Linux gives it): without the encoder b = {}, peak heap b = {}; with the encoder b = {}, peak heap b = {}.",
        GROWTH_RANGE.start(),
        GROWTH_RANGE.end(),
        report::fmt_exp(s_time),
        report::fmt_exp(s_heap),
        report::fmt_exp(e_time),
        report::fmt_exp(e_heap)
    );
    println!("{growth_line}");
    notes.push(growth_line);
    let load_after = loadavg();
    let load_line = format!("Load average before and after: {load_before}; {load_after}.");
    println!("{load_line}");
    notes.push(load_line);

    let summary = serde_json::json!({
        "budgetSecs": budget,
        "encoder": enc_json,
        "encoderMissing": loaded.as_ref().err(),
        "growth": {
            "surface": { "time": s_time, "heap": s_heap },
            "encoder": { "time": e_time, "heap": e_heap },
        },
        "loadavg": [load_before, load_after],
    });
    let series = |name: String, colour: &'static str, path: fn(&Row) -> Option<&Measure>| {
        let points: Vec<(f64, f64)> = rows
            .iter()
            .filter_map(|r| path(r).map(|m| (r.articles as f64, ms(m.median))))
            .collect();
        (name, colour, points)
    };
    let lines = [
        series(
            format!("without the encoder (slope {})", report::fmt_exp(s_time)),
            "#1f6feb",
            |r| r.surface.as_ref().ok(),
        ),
        series(
            format!("with the encoder (slope {})", report::fmt_exp(e_time)),
            "#d1242f",
            |r| r.encoder.as_ref().ok(),
        ),
    ];
    let plotted: Vec<svg::Series> = lines
        .iter()
        .filter(|(_, _, p)| !p.is_empty())
        .map(|(name, colour, points)| svg::Series {
            name,
            colour,
            points: points.clone(),
        })
        .collect();

    let dir = out_dir();
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("scale.md"), report::markdown(&rows, &notes)))
        .and_then(|()| std::fs::write(dir.join("scale.json"), report::json(&rows, summary)))
        .and_then(|()| std::fs::write(dir.join("scale.svg"), svg::plot(&plotted)));
    match written {
        Ok(()) => println!(
            "wrote {}, scale.json and scale.svg",
            dir.join("scale.md").display()
        ),
        Err(e) => eprintln!("bench: cannot write to {}: {e}", dir.display()),
    }
}
