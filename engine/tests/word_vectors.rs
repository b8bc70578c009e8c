//! The static word vectors (`crosscheck::word_vectors`) that a build without the encoder
//! reads: the embedded table loads, and it reads general English words as a reader would.
//! The words are everyday English, none taken from a labelled article.

use crosscheck::word_vectors::{WordVectors, DIM};

fn table() -> &'static WordVectors {
    WordVectors::shipped().expect("the embedded engine/data/word_vectors.bin parses")
}

fn cos(a: &str, b: &str) -> f32 {
    let t = table();
    let (Some(a), Some(b)) = (t.index(a), t.index(b)) else {
        panic!("{a:?} or {b:?} is not in the table");
    };
    t.cos(a, b)
}

#[test]
fn the_embedded_table_holds_the_encoders_common_words() {
    let t = table();
    assert!(t.len() > 20_000, "{} words", t.len());
    for w in ["resigned", "quit", "killed", "died", "flood", "election"] {
        let i = t.index(w).unwrap_or_else(|| panic!("{w:?} missing"));
        let v = t.vector(i);
        assert_eq!(v.len(), DIM);
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{w}: norm {norm}");
    }
    // Word pieces, digits and capitals are not words of the table.
    for w in ["##ed", "2023", "Paris"] {
        assert_eq!(t.index(w), None, "{w}");
    }
}

/// One row per pair: a word is closer to its near-synonym than to an unrelated word.
#[test]
fn near_synonyms_read_closer_than_unrelated_words() {
    let rows = [
        ("resigned", "quit", "banana"),
        ("killed", "died", "guitar"),
        ("flood", "flooding", "violin"),
        ("vote", "ballot", "kitchen"),
        ("said", "stated", "yellow"),
        ("doctors", "nurses", "poetry"),
    ];
    for (w, near, far) in rows {
        let (n, f) = (cos(w, near), cos(w, far));
        assert!(n > f, "{w}: {near} {n:.3} against {far} {f:.3}");
    }
}

#[test]
fn a_damaged_table_is_refused_not_misread() {
    assert!(WordVectors::parse(b"").is_none());
    assert!(WordVectors::parse(b"CCWV1").is_none());
    assert!(WordVectors::parse(b"CCWV1\x40\x00\x01\x00\x00\x00\x03\x00\x00\x00cat").is_none());
    // A table cut short by a byte.
    let bytes = include_bytes!("../data/word_vectors.bin");
    assert!(WordVectors::parse(&bytes[..bytes.len() - 1]).is_none());
    assert!(WordVectors::parse(bytes).is_some());
}
