//! The seed cluster saved as publisher-like pages scores as the clean text does: each seed
//! (`seeds/*.txt`: headline, then paragraphs; a photo-caption line in a `<figure>`) is wrapped in
//! one of five templates with navigation, share bars, related stories and footers, both
//! folders are built with `--no-encoder` and scored by `crosscheck eval` against the seeds' gold.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The five templates, one per seed: how metadata is declared and what surrounds the article
/// differs between them. `{head}`/`{meta}`/`{body}` are filled in.
const TEMPLATES: &[&str] = &[
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{head} | Wire Desk</title>\
     <meta property=\"og:title\" content=\"{head}\"><meta property=\"article:published_time\" content=\"2022-09-10T09:00:00Z\"></head>\
     <body><div class=\"cookie-banner\"><p>We use cookies to personalise content and ads.</p><button>OK</button></div>\
     <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/europe\">Europe</a></nav>\
     <main><article><h1>{head}</h1><div class=\"article-body\">{body}</div></article>\
     <aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/1\">Markets close higher on tech rally</a></li></ul></aside></main>\
     <footer><p>Copyright Wire Desk 2022</p></footer></body></html>",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
     <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{meta}\",\"datePublished\":\"2022-09-10T11:20:00+03:00\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Gulf Bulletin\"}}</script></head>\
     <body><header><div class=\"menu\"><a href=\"/\">News</a> <a href=\"/opinion\">Opinion</a></div></header>\
     <div id=\"content\"><h1>{head}</h1><div class=\"share-tools\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>{body}\
     <div class=\"comments\"><h3>Comments</h3><p>Readers' comments are closed for this story.</p></div></div>\
     <div class=\"site-footer\">Gulf Bulletin, all rights reserved.</div></body></html>",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{head}</title>\
     <meta property=\"og:site_name\" content=\"Balkan Monitor\"><meta property=\"article:published_time\" content=\"2022-09-10\"></head>\
     <body><ul class=\"navigation\"><li><a href=\"/\">Front page</a></li><li><a href=\"/region\">Region</a></li></ul>\
     <div class=\"container\"><div class=\"post\"><h1>{head}</h1><div class=\"entry-content\">{body}</div></div>\
     <div class=\"sidebar\"><h3>Most read</h3><p><a href=\"/2\">Ten things to do this weekend in the capital</a></p></div></div>\
     <div class=\"newsletter\">Get our daily briefing in your inbox.</div></body></html>",
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{head} - Agence Mondiale</title>\
     <meta property=\"og:site_name\" content=\"Agence Mondiale\"><meta name=\"article:published_time\" content=\"2022-09-10T14:02:11+02:00\">\
     <link rel=\"canonical\" href=\"https://mondiale.example/a/3\"></head>\
     <body><nav class=\"top\"><a href=\"/\">Accueil</a> <a href=\"/monde\">World</a></nav>\
     <article><header><h1>{head}</h1><p class=\"byline\">By Staff Writer</p></header>{body}\
     <div class=\"social-share\"><a href=\"#\">Facebook</a> <a href=\"#\">Email</a></div></article>\
     <footer>Agence Mondiale. Terms. Privacy.</footer></body></html>",
    "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>{head}</title>\
     <meta property=\"og:title\" content=\"{head}\"><meta property=\"og:site_name\" content=\"Capital Daily\">\
     <meta property=\"article:published_time\" content=\"2022-09-10T16:45:00-04:00\"></head>\
     <body><div id=\"nav\"><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></div>\
     <main><article><h1>{head}</h1><div class=\"ad-slot\">Advertisement</div><section class=\"story\">{body}</section>\
     <div class=\"tags\">Topics: Albania, Iran</div></article></main>\
     <footer class=\"site-footer\"><p>Capital Daily. Contact. Advertise.</p></footer></body></html>",
];

/// A seed's caption line: the picture desk's credit closes it.
fn is_caption(line: &str) -> bool {
    line.trim_end().ends_with("Photo)")
}

fn page(seed: &str, template: &str) -> String {
    let mut lines = seed.lines();
    let head = lines.next().unwrap_or("").trim();
    let mut body = String::new();
    for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
        if is_caption(line) {
            body.push_str(&format!(
                "<figure><img src=\"/p.jpg\" alt=\"\"><figcaption>{}</figcaption></figure>",
                esc(line)
            ));
        } else {
            body.push_str(&format!("<p>{}</p>\n", esc(line)));
        }
    }
    template
        .replace("{head}", &esc(head))
        .replace("{meta}", &head.replace('\\', "\\\\").replace('"', "\\\""))
        .replace("{body}", &body)
}

fn build(dir: &Path, out: &Path) -> serde_json::Value {
    let o = Command::new(BIN)
        .args([
            "build",
            dir.to_str().unwrap(),
            "--no-encoder",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

fn macro_f1(db: &Path, gold: &Path) -> f64 {
    let o = Command::new(BIN)
        .args([
            "eval",
            "--db",
            db.to_str().unwrap(),
            "--gold",
            gold.to_str().unwrap(),
        ])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let last = stdout
        .lines()
        .rfind(|l| l.starts_with('{'))
        .expect("a JSON line");
    let v: serde_json::Value = serde_json::from_str(last).unwrap();
    v["macro_f1"].as_f64().unwrap()
}

/// Claim segments' texts, by source id.
fn claims(db: &serde_json::Value) -> Vec<(String, String)> {
    let texts: std::collections::HashMap<&str, &str> = db["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["text"].as_str().unwrap()))
        .collect();
    db["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "claim")
        .map(|s| {
            let id = s["source"].as_str().unwrap();
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            (id.to_string(), texts[id][a..b].to_string())
        })
        .collect()
}

#[test]
fn the_seeds_as_pages_score_as_the_seeds_as_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let work: PathBuf =
        std::env::temp_dir().join(format!("crosscheck-html-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let pages = work.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), TEMPLATES.len());
    for (seed, template) in seeds.iter().zip(TEMPLATES) {
        let text = std::fs::read_to_string(seed).unwrap();
        let name = seed.with_extension("html");
        std::fs::write(pages.join(name.file_name().unwrap()), page(&text, template)).unwrap();
    }
    let gold = root.join("tests/data/seeds.gold.jsonl");
    let (txt_db, html_db) = (work.join("txt.json"), work.join("html.json"));
    let txt = build(&root.join("seeds"), &txt_db);
    let html = build(&pages, &html_db);
    let html_claims = claims(&html);
    for (id, claim) in claims(&txt) {
        assert!(
            html_claims.iter().any(|(i, c)| *i == id && c == &claim),
            "{id}: claim lost in the page: {claim:?}"
        );
    }
    let (f_txt, f_html) = (macro_f1(&txt_db, &gold), macro_f1(&html_db, &gold));
    eprintln!("macro-F1 --no-encoder: seeds as .txt {f_txt:.4}, as .html {f_html:.4}");
    assert!(
        (f_txt - f_html).abs() <= 0.03,
        "txt {f_txt} vs html {f_html}"
    );
    let _ = std::fs::remove_dir_all(&work);
}
