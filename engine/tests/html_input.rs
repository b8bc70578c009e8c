//! HTML pages as input: the article extracted from publisher-like templates (fixtures in
//! `tests/data/pages/`, made-up news), the page's own metadata field by field, `sources.toml`
//! overriding it, and bad pages refused with one line naming the file.

#[path = "support/tempdir.rs"]
mod tempdir;
use tempdir::TempDir;

use std::path::Path;
use std::process::Command;

use crosscheck::io::read_page;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn page(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fixture, what its article must keep in this order, and what must not leak into it.
struct Layout {
    file: &'static str,
    keep: &'static [&'static str],
    drop: &'static [&'static str],
}

/// One row per layout.
const LAYOUTS: &[Layout] = &[
    Layout {
        file: "single_column.html",
        keep: &[
            "Harbour bridge closed after cracks found in main span",
            "By Mara Quill",
            "The Kelvane harbour bridge was closed to all traffic",
            "Inspectors discovered the damage during a routine survey",
            "\"We will not reopen the bridge until we are certain it is safe,\"",
            "About 41,000 vehicles cross the bridge every day",
            "The bridge, which opened in 1987",
            "Ferry operator Bluewake said it would add four extra crossings",
        ],
        drop: &[
            "cookies",
            "Sport",
            "Related stories",
            "cycle lanes",
            "Typical, they knew",
            "Share on Facebook",
            "All rights reserved",
            "Privacy policy",
        ],
    },
    Layout {
        file: "live_blog.html",
        keep: &[
            "Live: Flooding in the Orrin valley - latest updates",
            "More than 3,000 residents of the Orrin valley were evacuated overnight",
            "Rescue teams reached the village of Tallow Ford by boat",
            "Army engineers arrive at the dam",
            "A unit of army engineers arrived at the Corren dam",
            "Officials said water levels behind the dam had risen by 1.8 metres",
            "Schools closed across the district",
            "All 46 schools in the Orrin district will stay closed on Monday",
            "Rain expected to ease by the afternoon",
            "The national weather service said rainfall should ease",
            "Forecasters recorded 140 millimetres of rain",
        ],
        drop: &[
            "Podcasts",
            "cookie",
            "Share this post",
            "More live coverage",
            "Election night",
            "Advertise with us",
        ],
    },
    Layout {
        file: "gallery.html",
        keep: &[
            "Wildfire forces evacuation of hillside villages",
            "By Tomas Ferrand",
            "Image caption, Firefighters tackle the blaze above the village of Sarrion",
            "Photo: Lena Brac/AFP",
            "A wildfire that broke out on Tuesday afternoon",
            "More than 600 firefighters and nine water-bombing aircraft",
            "Image caption, Residents watch the smoke from a roadside near Castel-Aubin.",
            "Image caption, A water-bombing aircraft drops its load over the ridge.",
            "The fire service said strong winds of up to 70 km/h",
            "No injuries have been reported",
            "An investigation into the cause of the fire",
        ],
        drop: &[
            "Politics",
            "Most read",
            "Festival line-up",
            "newsletter",
            "Legal notice",
        ],
    },
    Layout {
        file: "jsonld_only.html",
        keep: &[
            "Eastport port workers end three-day strike",
            "Dock workers at the port of Eastport returned to work on Friday",
            "The stoppage had left more than 40 container ships",
            "Union secretary Rafe Odum told members",
            "The port authority estimated the cost of the strike",
        ],
        drop: &[
            "Subscribe",
            "Log in",
            "Opinion",
            "LinkedIn",
            "12 Harbour Street",
            "copyright",
        ],
    },
    Layout {
        file: "split_by_ads.html",
        keep: &[
            "Regional airline orders 20 electric aircraft",
            "Regional carrier Nordair has placed an order for 20 electric aircraft",
            "The nine-seat planes are due to enter service in 2028",
            "Nordair chief executive Petra Lund said the order was worth",
            "Voltwing has so far received orders for 64 aircraft",
            "\"Short island hops are exactly where electric flight makes sense first,\"",
            "The company expects a decision on certification",
        ],
        drop: &[
            "Advertisement",
            "Save 30%",
            "credit card",
            "Airport expansion",
            "Trending",
            "Five gadgets",
            "Join the discussion",
            "Careers",
            "Aviation >",
        ],
    },
    Layout {
        file: "windows_1252.html",
        keep: &[
            "Café owners protest new terrace fees",
            "Owners of more than 80 cafés in Münsterau",
            "The council wants to raise the fee from 18 to 27 euros",
            "\u{201c}We are the ones who keep the old town alive,\u{201d} said René Krämer",
            "Deputy mayor Jürgen Sailer said the extra income",
        ],
        drop: &["Startseite", "Cookies", "Teilen", "Impressum"],
    },
];

#[test]
fn each_layout_keeps_its_article_in_order_and_drops_the_furniture() {
    for l in LAYOUTS {
        let text = read_page(&page(l.file))
            .unwrap_or_else(|e| panic!("{}: {e}", l.file))
            .text;
        let first = text.lines().next().unwrap_or("");
        assert_eq!(
            first, l.keep[0],
            "{}: the headline is the first line",
            l.file
        );
        let mut from = 0;
        for want in l.keep {
            match text[from..].find(want) {
                Some(at) => from += at + want.len(),
                None => panic!("{}: {want:?} missing or out of order in\n{text}", l.file),
            }
        }
        for gone in l.drop {
            assert!(
                !text.contains(gone),
                "{}: {gone:?} leaked into\n{text}",
                l.file
            );
        }
        // The .txt shape: paragraphs separated by one blank line, none empty.
        assert!(!text.contains("\n\n\n"), "{}: {text}", l.file);
    }
}

/// One row per field and where it was read from: (fixture, field, expected).
const META: &[(&str, &str, Option<&str>)] = &[
    (
        "single_column.html",
        "title",
        Some("Harbour bridge closed after cracks found in main span"),
    ),
    ("single_column.html", "outlet", Some("The Northern Ledger")),
    ("single_column.html", "published", Some("2024-03-14")),
    (
        "single_column.html",
        "url",
        Some("https://ledger.example/news/harbour-bridge-closed"),
    ),
    ("single_column.html", "language", Some("en-GB")),
    // og:url when there is no canonical link; <title> when there is no og:title.
    (
        "gallery.html",
        "url",
        Some("https://miroir.example/wildfire-villages"),
    ),
    (
        "gallery.html",
        "title",
        Some("Wildfire forces evacuation of hillside villages"),
    ),
    ("gallery.html", "published", None),
    // JSON-LD only: headline, datePublished in its own zone, publisher by @id in the @graph.
    (
        "jsonld_only.html",
        "title",
        Some("Eastport port workers end three-day strike"),
    ),
    ("jsonld_only.html", "published", Some("2023-07-21")),
    ("jsonld_only.html", "outlet", Some("Eastport Post")),
    ("jsonld_only.html", "url", None),
    ("jsonld_only.html", "language", None),
    // A bare date in article:published_time.
    ("split_by_ads.html", "published", Some("2025-01-09")),
    // <title> less its " – Outlet" tail, in a windows-1252 page.
    (
        "windows_1252.html",
        "title",
        Some("Café owners protest new terrace fees"),
    ),
    ("windows_1252.html", "outlet", Some("Alpenblatt")),
    ("windows_1252.html", "language", Some("de")),
];

fn field(meta: &crosscheck::SourceMeta, name: &str) -> Option<String> {
    match name {
        "title" => meta.title.clone(),
        "outlet" => meta.outlet.clone(),
        "published" => meta.published.clone(),
        "url" => meta.url.clone(),
        "language" => meta.language.clone(),
        _ => panic!("no field {name}"),
    }
}

#[test]
fn page_metadata_is_read_field_by_field() {
    for &(file, name, want) in META {
        let meta = read_page(&page(file)).expect(file).meta;
        assert_eq!(field(&meta, name).as_deref(), want, "{file}: {name}");
    }
}

/// `crosscheck build DIR --no-encoder -o DIR/out.json`: where the output goes, and the run.
fn build_folder(dir: &Path) -> (std::path::PathBuf, std::process::Output) {
    let out_file = dir.join("out.json");
    let out = Command::new(BIN)
        .arg("build")
        .arg(dir)
        .args(["--no-encoder", "-o"])
        .arg(&out_file)
        .output()
        .expect("runs");
    (out_file, out)
}

#[test]
fn sources_toml_overrides_the_page_field_by_field() {
    let dir = TempDir::new("override");
    std::fs::write(dir.0.join("story.html"), page("single_column.html")).unwrap();
    std::fs::write(
        dir.0.join("sources.toml"),
        "[story]\noutlet = \"Ledger Weekly\"\npublished = \"2024-03-15\"\n",
    )
    .unwrap();
    let a = &crosscheck::load_dir(&dir.0).expect("loads")[0];
    // One row per field: overridden by sources.toml, or left as the page says.
    let rows: &[(&str, &str)] = &[
        ("outlet", "Ledger Weekly"),
        ("published", "2024-03-15"),
        (
            "title",
            "Harbour bridge closed after cracks found in main span",
        ),
        ("url", "https://ledger.example/news/harbour-bridge-closed"),
        ("language", "en-GB"),
    ];
    for &(name, want) in rows {
        assert_eq!(field(&a.meta, name).as_deref(), Some(want), "{name}");
    }
    assert_eq!(a.id, "story");
}

/// One row per way a page is refused: (file name, bytes, what the error says).
fn bad_pages() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "empty.html",
            b"<html><body><nav><a href=/>Home</a></nav></body></html>".to_vec(),
            "no article",
        ),
        (
            "latin.html",
            b"<html><body><p>Caf\xe9 owners protest.</p></body></html>".to_vec(),
            "UTF-8",
        ),
        (
            "klingon.html",
            b"<html><head><meta charset=\"x-klingon\"></head><body><p>Qapla.</p></body></html>"
                .to_vec(),
            "x-klingon",
        ),
        ("deep.html", "<div>".repeat(5000).into_bytes(), "nested"),
        (
            "huge.html",
            vec![b' '; crosscheck::limits::MAX_HTML_PAGE_BYTES + 1],
            "limit",
        ),
    ]
}

#[test]
fn a_bad_page_is_one_line_naming_the_file_and_nothing_is_written() {
    for (name, bytes, says) in bad_pages() {
        let dir = TempDir::new("bad");
        std::fs::write(
            dir.0.join("good.txt"),
            "Headline\n\nA sentence of the report.\n",
        )
        .unwrap();
        std::fs::write(dir.0.join(name), &bytes).unwrap();
        let (out_file, out) = build_folder(&dir.0);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert!(!out_file.exists(), "{name}: output written");
    }
}

#[test]
fn a_folder_mixing_text_and_pages_builds() {
    let dir = TempDir::new("mixed");
    std::fs::write(dir.0.join("a.txt"), "Harbour bridge shut\n\nThe Kelvane harbour bridge was closed on Thursday after engineers found cracks, the council said.\n").unwrap();
    std::fs::write(dir.0.join("b.html"), page("single_column.html")).unwrap();
    std::fs::write(dir.0.join("c.htm"), page("gallery.html")).unwrap();
    let (out_file, out) = build_folder(&dir.0);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db: serde_json::Value = serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    let sources = db["sources"].as_array().unwrap();
    let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // Spans index the extracted text, which is what the export carries as the source's text.
    let b = sources[1]["text"].as_str().unwrap();
    assert!(
        b.starts_with("Harbour bridge closed after cracks found in main span\n\n"),
        "{b}"
    );
    assert!(!b.contains('<'), "{b}");
    assert_eq!(sources[1]["outlet"], "The Northern Ledger");
}

#[test]
fn two_files_with_one_stem_are_one_line_naming_both() {
    let dir = TempDir::new("dup");
    std::fs::write(dir.0.join("a.txt"), "Headline\n\nA sentence.\n").unwrap();
    std::fs::write(dir.0.join("a.html"), page("single_column.html")).unwrap();
    let err = crosscheck::load_dir(&dir.0)
        .expect_err("duplicate id")
        .to_string();
    assert!(err.contains("a.txt") && err.contains("a.html"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn captions_and_bylines_of_pages_are_boilerplate_to_the_segmenter() {
    for l in LAYOUTS {
        let text = read_page(&page(l.file)).expect(l.file).text;
        for seg in crosscheck::segment::segment(&text) {
            let s = &text[seg.start..seg.end];
            if s.starts_with("Image caption,") || s.starts_with("By ") {
                assert_eq!(
                    seg.kind,
                    crosscheck::SegmentKind::Boilerplate,
                    "{}: {s:?}",
                    l.file
                );
            }
        }
    }
}
