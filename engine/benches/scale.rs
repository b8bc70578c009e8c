//! How the build scales with cluster size: `cargo bench -p crosscheck --bench scale`.
//!
//! Times the seed cluster (median of repeated runs), then clusters of 20, 50, 200 and 500
//! articles made from the seeds by rule (paragraphs rotated, some numbers and names changed),
//! so that the material still matches across articles the way a real cluster does. For each
//! size it prints build time, peak heap (a counting global allocator) and database size, then
//! the fitted growth exponent (least squares of log time against log articles).
//!
//! Prints figures and never asserts on time. `--quick` (or `BENCH_QUICK=1`) stops at 200
//! articles; a size whose predicted time exceeds `BENCH_BUDGET_SECS` (default 30) is skipped
//! and said so. Results also go to `BENCH_OUT` (default `target/bench/`) as `scale.md` and a
//! log-log `scale.svg`. `BENCH_DUMP=DIR` also writes each generated cluster to `DIR/n<size>/`
//! as a folder `crosscheck build` reads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crosscheck::{Article, Database};

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

/// FNV-1a: a fixed, dependency-free hash so every run perturbs the same way.
fn hash(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Capitalised words of at least four letters: the pool names are swapped from.
fn name_pool(seeds: &[Article]) -> Vec<String> {
    let mut pool: Vec<String> = seeds
        .iter()
        .flat_map(|a| a.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect();
    pool.sort();
    pool.dedup();
    pool
}

/// Copy `k` of an article: the first line (headline) stays, the other paragraphs rotate by
/// `k`; about a third of the numbers grow by `k` and about one capitalised word in nine is
/// swapped for another from the cluster. Copy 0 is the article itself.
fn perturb(text: &str, k: u64, pool: &[String]) -> String {
    if k == 0 {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let (head, body) = lines
        .split_first()
        .map_or((None, &[][..]), |(h, b)| (Some(*h), b));
    let paras: Vec<&str> = body
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut rotated = String::with_capacity(text.len() + 64);
    if let Some(h) = head {
        rotated.push_str(h);
        rotated.push_str("\n\n");
    }
    if !paras.is_empty() {
        let shift = (k as usize) % paras.len();
        for p in paras[shift..].iter().chain(&paras[..shift]) {
            rotated.push_str(p);
            rotated.push_str("\n\n");
        }
    }

    // Rewrite word by word; `i` numbers the words so each copy changes different ones.
    let mut out = String::with_capacity(rotated.len() + 64);
    let mut word = String::new();
    let mut i = 0u64;
    let flush = |word: &mut String, out: &mut String, i: &mut u64| {
        if word.is_empty() {
            return;
        }
        *i += 1;
        let h = hash(&[k, *i]);
        if word.bytes().all(|b| b.is_ascii_digit()) && h % 3 == 0 {
            match word.parse::<u64>() {
                Ok(n) => out.push_str(&(n.saturating_add(k)).to_string()),
                Err(_) => out.push_str(word),
            }
        } else if word.chars().count() >= 4
            && word.chars().next().is_some_and(char::is_uppercase)
            && h % 9 == 0
            && !pool.is_empty()
        {
            out.push_str(&pool[(h / 9) as usize % pool.len()]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in rotated.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut i);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut i);
    out
}

fn cluster(seeds: &[Article], n: usize, pool: &[String]) -> Vec<Article> {
    (0..n)
        .map(|idx| {
            let base = &seeds[idx % seeds.len()];
            let k = (idx / seeds.len()) as u64;
            Article {
                id: if k == 0 {
                    base.id.clone()
                } else {
                    format!("{}_r{k}", base.id)
                },
                text: perturb(&base.text, k, pool),
                meta: base.meta.clone(),
            }
        })
        .collect()
}

/// Writes a generated cluster as a folder `crosscheck build` reads, to inspect or profile it.
fn dump_cluster(dir: &Path, articles: &[Article]) {
    let mut toml = String::new();
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        for a in articles {
            std::fs::write(dir.join(format!("{}.txt", a.id)), &a.text)?;
            if let Some(p) = &a.meta.published {
                let _ = writeln!(toml, "[\"{}\"]\npublished = \"{p}\"\n", a.id);
            }
        }
        std::fs::write(dir.join("sources.toml"), &toml)
    });
    if let Err(e) = written {
        eprintln!("bench: cannot dump to {}: {e}", dir.display());
    }
}

struct Measure {
    articles: usize,
    runs: usize,
    median: Duration,
    peak_bytes: usize,
    segments: usize,
    verdicts: usize,
    json_bytes: usize,
}

/// One build, with the heap high-water mark it reached above what was live before it.
fn build_once(articles: &[Article]) -> (Duration, usize, Database) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let t = Instant::now();
    let db = crosscheck::build(articles).unwrap_or_else(|e| {
        eprintln!("bench: build failed: {e}");
        std::process::exit(1)
    });
    let took = t.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (took, peak, db)
}

/// Repeats small builds (up to ~2 s and 25 runs) so the median is stable; big ones run once.
fn measure(articles: &[Article]) -> Measure {
    let (first, peak_bytes, db) = build_once(articles);
    let (segments, verdicts, json_bytes) =
        (db.segments.len(), db.verdicts.len(), db.to_json().len());
    drop(db);
    let mut times = vec![first];
    let mut spent = first;
    while times.len() < 25 && spent + first < Duration::from_secs(2) {
        let (t, _, db) = build_once(articles);
        drop(db);
        times.push(t);
        spent += t;
    }
    times.sort();
    Measure {
        articles: articles.len(),
        runs: times.len(),
        median: times[times.len() / 2],
        peak_bytes,
        segments,
        verdicts,
        json_bytes,
    }
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(b: usize) -> f64 {
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

fn markdown(
    rows: &[Measure],
    skipped: &[(usize, String)],
    time_exp: Option<f64>,
    mem_exp: Option<f64>,
) -> String {
    let mut s = String::from("# Build scaling\n\n");
    s.push_str(
        "Generated by `cargo bench -p crosscheck --bench scale`. The 5-article row is the seed\n",
    );
    s.push_str(
        "cluster; larger clusters repeat the seeds with paragraphs rotated and some numbers and\n",
    );
    s.push_str("names changed by rule.\n\n");
    s.push_str("| articles | segments | verdicts | runs | median build (ms) | peak heap (MiB) | JSON export (KiB) |\n");
    s.push_str("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for m in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {:.2} | {:.2} | {:.0} |",
            m.articles,
            m.segments,
            m.verdicts,
            m.runs,
            ms(m.median),
            mib(m.peak_bytes),
            m.json_bytes as f64 / 1024.0
        );
    }
    for (n, why) in skipped {
        let _ = writeln!(s, "| {n} | | | skipped | {why} | | |");
    }
    let fmt = |e: Option<f64>| e.map_or_else(|| "n/a".to_string(), |e| format!("{e:.2}"));
    let _ = writeln!(
        s,
        "\nFitted growth exponent over the generated clusters (time ∝ articles^b): b = {}; \
         peak heap: b = {}.\n",
        fmt(time_exp),
        fmt(mem_exp)
    );
    s
}

/// A log-log plot of median build time against articles, written by hand (no plotting crate).
fn svg(rows: &[Measure], time_exp: Option<f64>) -> String {
    let (w, h) = (640.0, 400.0);
    let (left, right, top, bottom) = (70.0, 20.0, 40.0, 50.0);
    let pts: Vec<(f64, f64)> = rows
        .iter()
        .map(|m| (m.articles as f64, ms(m.median).max(1e-3)))
        .collect();
    let lx = |v: f64| v.log10();
    let (mut x0, mut x1) = (f64::MAX, f64::MIN);
    let (mut y0, mut y1) = (f64::MAX, f64::MIN);
    for &(x, y) in &pts {
        x0 = x0.min(lx(x));
        x1 = x1.max(lx(x));
        y0 = y0.min(lx(y));
        y1 = y1.max(lx(y));
    }
    if pts.is_empty() {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    let (x0, x1) = (x0.floor(), x1.ceil().max(x0.floor() + 1.0));
    let (y0, y1) = (y0.floor(), y1.ceil().max(y0.floor() + 1.0));
    let px = |x: f64| left + (lx(x) - x0) / (x1 - x0) * (w - left - right);
    let py = |y: f64| h - bottom - (lx(y) - y0) / (y1 - y0) * (h - top - bottom);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{w}" height="{h}" fill="white"/>"#);
    let title = match time_exp {
        Some(b) => format!("crosscheck build: median time vs articles (log-log), slope {b:.2}"),
        None => "crosscheck build: median time vs articles (log-log)".to_string(),
    };
    let _ = writeln!(
        s,
        r#"<text x="{}" y="22" text-anchor="middle" font-size="14">{title}</text>"#,
        w / 2.0
    );
    // Decade grid lines and labels on both axes.
    let mut d = x0;
    while d <= x1 + 1e-9 {
        let x = px(10f64.powf(d));
        let _ = writeln!(
            s,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{}" stroke="#ddd"/>"##,
            h - bottom
        );
        let _ = writeln!(
            s,
            r#"<text x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            h - bottom + 18.0,
            10f64.powf(d)
        );
        d += 1.0;
    }
    let mut d = y0;
    while d <= y1 + 1e-9 {
        let y = py(10f64.powf(d));
        let _ = writeln!(
            s,
            r##"<line x1="{left}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#ddd"/>"##,
            w - right
        );
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 6.0,
            y + 4.0,
            10f64.powf(d)
        );
        d += 1.0;
    }
    let _ = writeln!(
        s,
        r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="none" stroke="#333"/>"##,
        w - left - right,
        h - top - bottom
    );
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">articles in cluster</text>"#,
        left + (w - left - right) / 2.0,
        h - 12.0
    );
    let _ = writeln!(
        s,
        r#"<text x="16" y="{}" text-anchor="middle" transform="rotate(-90 16 {})">median build time (ms)</text>"#,
        top + (h - top - bottom) / 2.0,
        top + (h - top - bottom) / 2.0
    );
    let line: Vec<String> = pts
        .iter()
        .map(|&(x, y)| format!("{:.1},{:.1}", px(x), py(y)))
        .collect();
    let _ = writeln!(
        s,
        r##"<polyline points="{}" fill="none" stroke="#1f6feb" stroke-width="2"/>"##,
        line.join(" ")
    );
    for &(x, y) in &pts {
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#1f6feb"><title>{x} articles: {y:.2} ms</title></circle>"##,
            px(x),
            py(y)
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" fill="#333">{x}: {y:.0} ms</text>"##,
            px(x) + 7.0,
            py(y) + 14.0
        );
    }
    s.push_str("</svg>\n");
    s
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick")
        || std::env::var("BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
    let budget = std::env::var("BENCH_BUDGET_SECS")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(30.0);
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let seeds = crosscheck::load_dir(&seeds_dir).unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    });
    let pool = name_pool(&seeds);
    let sizes: &[usize] = if quick {
        &[20, 50, 200]
    } else {
        &[20, 50, 200, 500]
    };

    println!(
        "{:>8} {:>9} {:>9} {:>5} {:>12} {:>10} {:>10}",
        "articles", "segments", "verdicts", "runs", "median ms", "peak MiB", "JSON KiB"
    );
    let print = |m: &Measure| {
        println!(
            "{:>8} {:>9} {:>9} {:>5} {:>12.2} {:>10.2} {:>10.0}",
            m.articles,
            m.segments,
            m.verdicts,
            m.runs,
            ms(m.median),
            mib(m.peak_bytes),
            m.json_bytes as f64 / 1024.0
        );
    };
    let mut rows = vec![measure(&seeds)];
    print(&rows[0]);
    let mut skipped = Vec::new();
    for &n in sizes {
        // Extrapolate from the last two sizes before committing to a build that may take minutes.
        if let [.., a, b] = rows.as_slice() {
            let exp = growth(&[
                (a.articles as f64, ms(a.median)),
                (b.articles as f64, ms(b.median)),
            ])
            .unwrap_or(2.0)
            .max(1.0);
            let predicted = b.median.as_secs_f64() * (n as f64 / b.articles as f64).powf(exp);
            if predicted > budget {
                let why = format!("predicted {predicted:.0} s > BENCH_BUDGET_SECS={budget:.0}");
                println!("{n:>8} skipped: {why}");
                skipped.push((n, why));
                continue;
            }
        }
        let articles = cluster(&seeds, n, &pool);
        if let Some(dump) = std::env::var_os("BENCH_DUMP") {
            dump_cluster(&Path::new(&dump).join(format!("n{n}")), &articles);
        }
        let m = measure(&articles);
        print(&m);
        rows.push(m);
    }
    if quick {
        skipped.push((500, "not run (--quick)".into()));
    }
    let generated: Vec<&Measure> = rows.iter().filter(|m| m.articles >= 20).collect();
    let time_exp = growth(
        &generated
            .iter()
            .map(|m| (m.articles as f64, m.median.as_secs_f64()))
            .collect::<Vec<_>>(),
    );
    let mem_exp = growth(
        &generated
            .iter()
            .map(|m| (m.articles as f64, m.peak_bytes as f64))
            .collect::<Vec<_>>(),
    );
    let fmt = |e: Option<f64>| e.map_or_else(|| "n/a".to_string(), |e| format!("{e:.2}"));
    println!(
        "growth exponent over generated clusters: time {} , peak heap {}",
        fmt(time_exp),
        fmt(mem_exp)
    );

    let dir = out_dir();
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| {
            std::fs::write(
                dir.join("scale.md"),
                markdown(&rows, &skipped, time_exp, mem_exp),
            )
        })
        .and_then(|()| std::fs::write(dir.join("scale.svg"), svg(&rows, time_exp)));
    match written {
        Ok(()) => println!("wrote {} and scale.svg", dir.join("scale.md").display()),
        Err(e) => eprintln!("bench: cannot write to {}: {e}", dir.display()),
    }
}
