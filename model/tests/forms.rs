//! The two forms of one database: the binary form stores nothing twice and rebuilds the
//! copied fields, so it must decode to exactly the database it encoded, and a body that
//! points outside its texts must be refused rather than sliced.

use crosscheck_model::{
    Database, DbError, DbWriter, DiffKind, Difference, Format, Incoming, Label, LazyVerdicts,
    Segment, SegmentKind, SharedSpan, Source, Verdict, BIN_VERSION, DB_VERSION,
};

fn source(id: &str, text: &str) -> Source {
    Source {
        id: id.into(),
        title: None,
        outlet: Some("Outlet".into()),
        url: None,
        published: Some("2024-03-05".into()),
        language: None,
        text: text.into(),
    }
}

fn segment(id: u32, src: &Source, start: usize, end: usize) -> Segment {
    Segment {
        id,
        source: src.id.clone(),
        text: src.text[start..end].to_string(),
        start,
        end,
        kind: SegmentKind::Claim,
        paragraph: 0,
    }
}

/// Two articles in two scripts (so byte offsets are not character offsets), one differing
/// verdict with a difference and shared words, one omission.
fn sample() -> Database {
    let a = source("a", "Storm kills 12 in Zürich. Roads closed.");
    let b = source("b", "Der Sturm tötete 14 Menschen. Straßen gesperrt.");
    let segments = vec![
        segment(0, &a, 0, 25),
        segment(1, &a, 26, 39),
        segment(2, &b, 0, 29),
        segment(3, &b, 30, b.text.len()),
    ];
    let verdicts = vec![
        Verdict {
            segment: 0,
            other: "b".into(),
            label: Label::Differs,
            score: 0.8125,
            evidence: vec![2],
            differences: vec![Difference {
                kind: DiffKind::Number,
                here: "12".into(),
                there: "14".into(),
                here_span: (12, 14),
                there_segment: 2,
                there_span: (18, 20),
            }],
            // Two segments, one of them twice, out of order: the order is kept.
            shared: vec![
                SharedSpan {
                    segment: 2,
                    start: 18,
                    end: 20,
                },
                SharedSpan {
                    segment: 2,
                    start: 4,
                    end: 9,
                },
                SharedSpan {
                    segment: 3,
                    start: 0,
                    end: 0,
                },
                SharedSpan {
                    segment: 2,
                    start: 10,
                    end: 17,
                },
            ],
        },
        Verdict {
            segment: 1,
            other: "b".into(),
            label: Label::Omits,
            score: 0.5,
            evidence: vec![],
            differences: vec![],
            shared: vec![],
        },
    ];
    Database {
        version: DB_VERSION,
        sources: vec![a, b],
        segments,
        verdicts,
    }
}

#[test]
fn the_binary_form_decodes_to_the_database_it_encoded() {
    let db = sample();
    db.validate().expect("the sample is consistent");
    let bin = db.to_bin();
    assert_eq!(&bin[..4], b"XCDB");
    assert_eq!(bin[4..8], BIN_VERSION.to_le_bytes());
    assert_eq!(Database::from_bin(&bin), Ok(db.clone()));
    let json = db.to_json();
    assert_eq!(Database::from_json(&json), Ok(db));
}

#[test]
fn the_binary_form_stores_no_text_twice() {
    let db = sample();
    let bin = db.to_bin();
    for s in &db.sources {
        let hits = bin
            .windows(s.text.len())
            .filter(|w| *w == s.text.as_bytes())
            .count();
        assert_eq!(hits, 1, "article {} once", s.id);
    }
    for seg in &db.segments {
        let hits = bin
            .windows(seg.text.len())
            .filter(|w| *w == seg.text.as_bytes())
            .count();
        assert_eq!(hits, 1, "segment {} only inside its article", seg.id);
    }
}

#[test]
fn offsets_outside_the_texts_are_refused() {
    let mut db = sample();
    // Inside the Ö of "Zürich": not a character boundary.
    db.verdicts[0].differences[0].here_span = (19, 20);
    db.verdicts[0].differences[0].here = String::new();
    assert!(matches!(
        Database::from_bin(&db.to_bin()),
        Err(DbError::Corrupt(_))
    ));
    let mut db = sample();
    db.verdicts[0].differences[0].there_span = (18, 400);
    assert!(Database::from_bin(&db.to_bin()).is_err());
}

#[test]
fn a_difference_whose_text_is_not_its_span_is_inconsistent() {
    let mut db = sample();
    db.verdicts[0].differences[0].here = "13".into();
    assert!(matches!(db.validate(), Err(DbError::Inconsistent(_))));
    assert!(Database::from_json(&db.to_json()).is_err());
}

#[test]
fn a_shared_span_that_ends_before_it_starts_is_not_written() {
    let mut db = sample();
    db.verdicts[0].shared[1].end = 2;
    assert_eq!(Database::from_bin(&db.to_bin()), Err(DbError::NotADatabase));
}

#[test]
fn a_small_file_cannot_ask_for_far_more_memory_than_it_holds() {
    // A thousand segments that each span one 10 KB article: a 16 KB file whose texts would
    // rebuild to 10 MB. Layout 1 held every copy, so its memory was bounded by the file.
    let article = "word ".repeat(2_000);
    let src = source("a", &article);
    let segments: Vec<Segment> = (0..1_000)
        .map(|i| segment(i, &src, 0, article.len()))
        .collect();
    let db = Database {
        version: DB_VERSION,
        sources: vec![src],
        segments,
        verdicts: vec![],
    };
    let bin = db.to_bin();
    assert!(bin.len() < 20_000, "{} bytes", bin.len());
    assert!(matches!(Database::from_bin(&bin), Err(DbError::Corrupt(_))));
    assert!(matches!(LazyVerdicts::read(bin), Err(DbError::Corrupt(_))));
}

#[test]
fn the_layout_and_the_model_have_their_own_versions() {
    let mut bin = sample().to_bin();
    bin[4..8].copy_from_slice(&1u32.to_le_bytes());
    let err = Database::from_bin(&bin).unwrap_err();
    assert_eq!(
        err,
        DbError::WrongLayout {
            found: 1,
            expected: BIN_VERSION
        }
    );
    assert!(err.to_string().contains("layout"), "{err}");
    let mut db = sample();
    db.version = DB_VERSION + 1;
    assert_eq!(
        Database::from_bin(&db.to_bin()),
        Err(DbError::WrongVersion {
            found: DB_VERSION + 1,
            expected: DB_VERSION
        })
    );
}

#[test]
fn a_verdict_naming_an_unknown_source_is_not_written() {
    let mut db = sample();
    db.verdicts[1].other = "nowhere".into();
    assert_eq!(Database::from_bin(&db.to_bin()), Err(DbError::NotADatabase));
}

/// `validate` looks segments up by id in a vector when ids are dense (as the engine numbers
/// them) and in a map when they are not: both must accept the same databases and refuse the
/// same missing references.
#[test]
fn sparse_and_dense_segment_ids_validate_alike() {
    for shift in [0u32, 4_000_000_000] {
        let mut db = sample();
        for s in &mut db.segments {
            s.id += shift;
        }
        for v in &mut db.verdicts {
            v.segment += shift;
            v.evidence.iter_mut().for_each(|e| *e += shift);
            v.differences
                .iter_mut()
                .for_each(|d| d.there_segment += shift);
            v.shared.iter_mut().for_each(|s| s.segment += shift);
        }
        assert_eq!(db.validate(), Ok(()), "ids shifted by {shift}");
        db.verdicts[0].evidence.push(shift + 7);
        assert!(
            matches!(db.validate(), Err(DbError::Inconsistent(_))),
            "a missing evidence id is refused (ids shifted by {shift})"
        );
    }
}

/// A database of `n` claims in article "a", each corroborated by "b": more verdicts than one
/// byte can count, for the binary form's length prefix.
fn many(n: usize) -> Database {
    let text: String = (0..n).map(|i| format!("Claim {i}. ")).collect();
    let a = source("a", &text);
    let b = source("b", "Every claim holds.");
    let mut segments = Vec::new();
    let mut at = 0;
    for i in 0..n {
        let len = format!("Claim {i}.").len();
        segments.push(segment(i as u32, &a, at, at + len));
        at += len + 1;
    }
    segments.push(segment(n as u32, &b, 0, b.text.len()));
    let verdicts = (0..n)
        .map(|i| Verdict {
            segment: i as u32,
            other: "b".into(),
            label: Label::Corroborates,
            score: 0.75,
            evidence: vec![n as u32],
            differences: vec![],
            shared: vec![SharedSpan {
                segment: n as u32,
                start: 0,
                end: 5,
            }],
        })
        .collect();
    Database {
        version: DB_VERSION,
        sources: vec![a, b],
        segments,
        verdicts,
    }
}

/// `db` written the way a build streams it: the head first, then each verdict.
fn streamed(db: &Database, format: Format) -> Vec<u8> {
    let head = Database {
        verdicts: Vec::new(),
        ..db.clone()
    };
    let mut w = DbWriter::new(format, &head, Vec::new()).expect("writes to memory");
    for v in &db.verdicts {
        w.push(v).expect("writes to memory");
    }
    w.finish().expect("writes to memory")
}

/// The JSON export is serde_json's pretty print of the whole database, however it is written:
/// at once, or streamed verdict by verdict; with no verdict, one, or many.
#[test]
fn the_streamed_json_export_is_the_json_export() {
    let mut one = sample();
    one.verdicts.truncate(1);
    let mut none = sample();
    none.verdicts.clear();
    for db in [sample(), one, none, many(3)] {
        let reference = serde_json::to_string_pretty(&db).expect("serialises");
        assert_eq!(db.to_json(), reference);
        let text = String::from_utf8(streamed(&db, Format::Json)).expect("UTF-8");
        assert_eq!(text, reference);
        assert_eq!(Database::from_json(&text).as_ref(), Ok(&db));
    }
}

/// The binary form streamed verdict by verdict is `to_bin`'s, and decodes to the database,
/// whether its verdicts' count takes one byte or three, and their bytes one buffer of the
/// writer's or several (a chunk is 1 MiB).
#[test]
fn the_streamed_binary_form_is_the_binary_form() {
    for db in [sample(), many(3), many(200), many(120_000)] {
        let bin = streamed(&db, Format::Bin);
        assert_eq!(bin, db.to_bin());
        assert_eq!(Database::from_bin(&bin).as_ref(), Ok(&db));
    }
}

/// A streamed verdict that names no source of the database fails the write instead of
/// writing a file no reader accepts.
#[test]
fn a_streamed_verdict_naming_an_unknown_source_fails() {
    let db = sample();
    let mut w = DbWriter::new(Format::Bin, &db, Vec::new()).expect("writes to memory");
    let mut bad = db.verdicts[0].clone();
    bad.other = "nowhere".into();
    assert_eq!(
        w.push(&bad).map_err(|e| e.kind()),
        Err(std::io::ErrorKind::InvalidData)
    );
}

/// Data model 2 leaves omissions implicit: `label` answers every pair the database judges.
#[test]
fn a_pair_without_a_verdict_is_an_implicit_omission() {
    let mut db = sample();
    db.verdicts.retain(|v| v.label != Label::Omits);
    // (segment, other source, label): stored, implicit, its own source, unknown source,
    // unknown segment.
    let rows: [(u32, &str, Option<Label>); 5] = [
        (0, "b", Some(Label::Differs)),
        (1, "b", Some(Label::Omits)),
        (1, "a", None),
        (1, "c", None),
        (9, "b", None),
    ];
    for (segment, other, want) in rows {
        assert_eq!(db.label(segment, other), want, "{segment} against {other}");
    }
    assert_eq!(
        Database::from_json(&db.to_json()),
        Ok(db),
        "a database with implicit omissions reads back as written"
    );
}

/// `db`'s binary form read lazily: the database without verdicts, and every segment's
/// verdicts as rebuilt on demand, in file order.
fn lazily(db: &Database) -> (Database, Vec<(u32, Vec<Verdict>)>) {
    let (head, file) = LazyVerdicts::read(db.to_bin()).expect("reads");
    let on = file
        .sentences(&head)
        .into_iter()
        .map(|(s, read)| (s, read.expect("checks")))
        .collect();
    (head, on)
}

#[test]
fn the_lazy_reading_rebuilds_what_the_whole_reading_does() {
    let mut interleaved = sample();
    // One sentence's verdicts apart in the file (two runs), another's in between.
    let first = interleaved.verdicts[0].clone();
    interleaved.verdicts.push(Verdict {
        score: 0.25,
        ..first
    });
    for db in [sample(), many(300), interleaved] {
        let whole = Database::from_bin(&db.to_bin()).expect("decodes");
        let (head, on) = lazily(&db);
        let rebuilt: usize = on.iter().map(|(_, v)| v.len()).sum();
        assert_eq!(rebuilt, whole.verdicts.len());
        assert_eq!(
            head,
            Database {
                verdicts: vec![],
                ..whole.clone()
            }
        );
        let mut ids: Vec<u32> = whole.verdicts.iter().map(|v| v.segment).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(on.iter().map(|(s, _)| *s).collect::<Vec<_>>(), ids);
        for (segment, verdicts) in on {
            let want: Vec<Verdict> = whole
                .verdicts
                .iter()
                .filter(|v| v.segment == segment)
                .cloned()
                .collect();
            assert_eq!(verdicts, want, "segment {segment}");
        }
    }
}

/// `bin` with its checksum made to match its bytes again: a file made to pass the checksum.
fn resealed(mut bin: Vec<u8>) -> Vec<u8> {
    let at = bin.len() - 4;
    let sum = crosscheck_model::bin_checksum(&bin[..at]);
    bin[at..].copy_from_slice(&sum.to_le_bytes());
    bin
}

#[test]
fn every_cut_and_every_changed_byte_is_refused_when_read() {
    // The checksum covers every byte before it, and Adler-32 sees any one byte changed: a
    // damaged file is refused whole, before any sentence's verdicts are decoded.
    let bin = sample().to_bin();
    let mut variants: Vec<Vec<u8>> = (0..bin.len()).map(|n| bin[..n].to_vec()).collect();
    for i in 0..bin.len() {
        for flip in [0x01u8, 0x80, 0xFF] {
            let mut b = bin.clone();
            b[i] ^= flip;
            variants.push(b);
        }
    }
    for (k, b) in variants.into_iter().enumerate() {
        assert!(Database::from_bin(&b).is_err(), "variant {k}");
        assert!(LazyVerdicts::read(b).is_err(), "variant {k}");
    }
}

/// `bin` read as a download delivers it, `chunk` bytes at a time.
fn arriving(bin: &[u8], chunk: usize) -> Incoming {
    let mut incoming = Incoming::new(bin.len());
    for part in bin.chunks(chunk) {
        incoming.append(part);
    }
    incoming
}

#[test]
fn a_file_read_as_it_arrives_reads_as_the_whole_file() {
    for db in [sample(), many(40)] {
        let bin = db.to_bin();
        let (head, file) = LazyVerdicts::read(bin.clone()).expect("reads");
        for chunk in [1, 2, 3, 4, 5, 7, 64, bin.len()] {
            let incoming = arriving(&bin, chunk);
            assert_eq!(incoming.bytes(), &bin[..], "chunks of {chunk}");
            let (h, f) = incoming.read().expect("reads");
            assert_eq!(h, head, "chunks of {chunk}");
            assert_eq!(f.sentences(&h), file.sentences(&head), "chunks of {chunk}");
        }
    }
    // A JSON export gathered the same way is handed back as it came.
    let json = sample().to_json();
    assert_eq!(arriving(json.as_bytes(), 5).into_bytes(), json.as_bytes());
}

#[test]
fn every_cut_and_every_changed_byte_is_refused_as_it_arrives() {
    let bin = sample().to_bin();
    for n in 0..bin.len() {
        assert!(arriving(&bin[..n], 3).read().is_err(), "cut at {n}");
    }
    for i in 0..bin.len() {
        let mut b = bin.clone();
        b[i] ^= 0x01;
        assert!(arriving(&b, 3).read().is_err(), "byte {i} changed");
    }
}

#[test]
fn a_file_made_to_pass_the_checksum_is_still_checked() {
    // Every byte of the verdicts and the index flipped, the checksum recomputed: the file is
    // refused when read, or the sentence whose verdicts no longer check gets an error, never
    // a verdict `validate` would refuse; the whole reading refuses it alike.
    let db = many(40);
    let bin = db.to_bin();
    let head_len = Database {
        verdicts: vec![],
        ..db.clone()
    }
    .to_bin()
    .len()
        - 10; // the empty database's count, empty index, its length and checksum
    let mut errors = 0;
    for i in head_len..bin.len() - 4 {
        let mut b = bin.clone();
        b[i] ^= 0x5A;
        let b = resealed(b);
        let whole = Database::from_bin(&b);
        let Ok((head, file)) = LazyVerdicts::read(b) else {
            assert!(whole.is_err(), "byte {i}: refused lazily, not whole");
            continue;
        };
        let mut read = Vec::new();
        let mut failed = false;
        for (_, sentence) in file.sentences(&head) {
            match sentence {
                Ok(v) => read.extend(v),
                Err(_) => failed = true,
            }
        }
        errors += usize::from(failed);
        let checked = Database {
            verdicts: read,
            ..head
        };
        assert_eq!(
            checked.validate(),
            Ok(()),
            "byte {i}: a verdict given unchecked"
        );
        assert_eq!(
            whole.is_err(),
            failed || checked.validate().is_err(),
            "byte {i}"
        );
    }
    assert!(errors > 0, "no flip reached a sentence's check");
}

#[test]
fn an_index_that_does_not_add_up_is_refused() {
    let db = sample();
    let bin = db.to_bin();
    // The index is the last thing before its length and the checksum; its last byte is the
    // last run's byte count (one byte for the sample), which must tile the verdicts exactly.
    let at = bin.len() - 9;
    for delta in [1u8, 2] {
        for bytes in [bin[at].wrapping_add(delta), bin[at].wrapping_sub(delta)] {
            let mut b = bin.clone();
            b[at] = bytes;
            let b = resealed(b);
            assert!(
                matches!(LazyVerdicts::read(b.clone()), Err(DbError::Corrupt(_))),
                "{bytes}"
            );
            assert!(Database::from_bin(&b).is_err());
        }
    }
}

#[test]
fn differences_as_long_as_their_sentences_read_back() {
    // A quote difference spanning two long sentences rebuilds to more text than its verdict's
    // few bytes: the budget is the whole file's, as the whole reading's is, not the run's.
    let long = |word: &str| format!("{}.", vec![word; 400].join(" "));
    let a = source("a", &long("alpha"));
    let b = source("b", &long("beta"));
    let (la, lb) = (a.text.len(), b.text.len());
    let db = Database {
        version: DB_VERSION,
        segments: vec![segment(0, &a, 0, la), segment(1, &b, 0, lb)],
        verdicts: vec![Verdict {
            segment: 0,
            other: "b".into(),
            label: Label::Differs,
            score: 0.5,
            evidence: vec![1],
            differences: vec![Difference {
                kind: DiffKind::Quote,
                here: a.text.clone(),
                there: b.text.clone(),
                here_span: (0, la),
                there_segment: 1,
                there_span: (0, lb),
            }],
            shared: vec![],
        }],
        sources: vec![a, b],
    };
    assert_eq!(db.validate(), Ok(()));
    assert_eq!(Database::from_bin(&db.to_bin()), Ok(db.clone()));
    let (head, on) = lazily(&db);
    assert_eq!(on, vec![(0, db.verdicts.clone())]);
    assert_eq!(head.sources, db.sources);
    // Asked for again, the sentence reads the same: the budget is spent once per run.
    let (head, file) = LazyVerdicts::read(db.to_bin()).expect("reads");
    for _ in 0..100 {
        assert_eq!(file.sentences(&head), vec![(0, Ok(db.verdicts.clone()))]);
    }
}
