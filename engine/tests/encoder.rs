//! The optional sentence encoder through its public API and through `crosscheck verdict
//! --encoder`. The model (87 MiB) is not in the repository: these tests read it from the folder
//! in `CROSSCHECK_ENCODER`, which `scripts/test.sh` fills from `scripts/get-encoder.sh`. The
//! tests that need the weights are ignored by default and run, where the folder exists, with
//! `CROSSCHECK_ENCODER=$(scripts/get-encoder.sh) cargo test -p crosscheck --test encoder --
//! --include-ignored` (test.sh does); the ones about a missing or broken folder always run.

#[path = "support/progress.rs"]
mod progress;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crosscheck::encoder::{self, Encoder};
use crosscheck::{analyse_pair, Label};

/// Why the tests that read the weights are ignored by default.
const NEEDS_MODEL: &str = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)";

/// The model folder; a test that needs it runs only when asked for (`--include-ignored`), so
/// a missing folder then is a failure, never a silent pass.
fn model_dir() -> PathBuf {
    match std::env::var("CROSSCHECK_ENCODER") {
        Ok(d) if !d.is_empty() => PathBuf::from(d),
        _ => panic!("CROSSCHECK_ENCODER is not set ({NEEDS_MODEL})"),
    }
}

fn load() -> Encoder {
    Encoder::load(&model_dir()).expect("CROSSCHECK_ENCODER names a folder that does not load")
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn the_forward_pass_gives_the_reference_similarity() {
    let enc = load();
    // 0.7553 and -0.0461: the sentence embeddings' cosines as an independent forward pass over
    // the same weights (numpy, with the reference tokenizer) prints them.
    let f = |a: &str, b: &str| encoder::similarity_features(&enc.encode(a), &enc.encode(b))[0];
    let close = f("A man is eating food.", "A man is eating a piece of bread.");
    let far = f("A man is eating food.", "The new movie is awesome.");
    assert!((close - 0.7553).abs() < 1e-3, "{close}");
    assert!((far + 0.0461).abs() < 1e-3, "{far}");
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_batch_encodes_each_text_as_it_encodes_alone() {
    let enc = load();
    let long = "The river rose above its banks overnight, officials said. ".repeat(40);
    let texts = [
        "",
        "Storm",
        "A man is eating food.",
        "The company said on Monday that its chief executive, Maria Lopez, would step down.",
        "  \u{0}\u{200b} ",
        "Café owners' \"unaffable\" Ｕ.S. fee: $9.4bn—今日",
        "42",
        long.as_str(),
        "Officials counted 1,204 boats; 17 were missing by 6 p.m. on 3 July 2024.",
        "👍🏽 ﷽ ᄀᄀ",
        "He said: \"It was not us.\" She said it was.",
        "A man is eating food.",
    ];
    assert!(!enc.fits(&long));
    let alone: Vec<encoder::Tokens> = texts.iter().map(|t| enc.encode(t)).collect();
    // The dozen together, then enough copies to pass 2,048 token rows, the size of a chunk.
    let rows: usize = alone.iter().map(|t| t.n).sum();
    let copies = 2048 / rows + 1;
    let many: Vec<&str> = texts
        .iter()
        .copied()
        .cycle()
        .take(texts.len() * copies)
        .collect();
    let together = enc.encode_batch(&texts);
    for (batch, out) in [
        (&texts[..], &together),
        (&many[..], &enc.encode_batch(&many)),
    ] {
        assert_eq!(out.len(), batch.len());
        for (i, t) in out.iter().enumerate() {
            let a = &alone[i % texts.len()];
            assert_eq!((t.n, t.dim), (a.n, a.dim), "text {i}");
            let gap = t
                .data
                .iter()
                .zip(&a.data)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0f32, f32::max);
            assert!(gap <= 1e-5, "text {i}: {gap}");
        }
    }
    assert!(enc.encode_batch(&[]).is_empty());
    // Same texts, same order: the same bits.
    let bits = |v: &[encoder::Tokens]| -> Vec<u32> {
        v.iter()
            .flat_map(|t| t.data.iter().map(|x| x.to_bits()))
            .collect()
    };
    assert_eq!(bits(&together), bits(&enc.encode_batch(&texts)));
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn the_sentence_vector_is_the_unit_mean_the_features_compare() {
    let enc = load();
    let (a, b) = (
        enc.encode("A man is eating food."),
        enc.encode("A man is eating a piece of bread."),
    );
    let (va, vb) = (encoder::sentence_vector(&a), encoder::sentence_vector(&b));
    assert_eq!(va.len(), a.dim);
    let norm = va.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-5, "{norm}");
    let cos: f32 = va.iter().zip(&vb).map(|(x, y)| x * y).sum();
    assert_eq!(cos, encoder::similarity_features(&a, &b)[0]);
    assert!((cos - 0.7553).abs() < 1e-3, "{cos}");
    // No tokens: a zero vector, not a division by zero.
    let none = encoder::Tokens {
        n: 0,
        dim: a.dim,
        data: Vec::new(),
        ids: Vec::new(),
    };
    assert!(encoder::sentence_vector(&none).iter().all(|&x| x == 0.0));
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn the_tokenizer_matches_the_reference_ids() {
    let enc = load();
    // Ids from the reference tokenizer (Hugging Face `tokenizers`, the model's tokenizer.json).
    assert_eq!(
        enc.token_ids("Café owners' \"unaffable\" Ｕ.S. fee: $9.4bn—今日"),
        vec![
            101, 7668, 5608, 1005, 1000, 14477, 20961, 3468, 1000, 100, 1012, 1055, 1012, 7408,
            1024, 1002, 1023, 1012, 1018, 24700, 1517, 100, 1864, 102
        ]
    );
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_paraphrase_is_corroborated_and_another_event_is_not() {
    let enc = load();
    let doc = "The company said on Monday that its chief executive, Maria Lopez, would step down \
               at the end of the year after a decade in charge.";
    let judge = |claim: &str| analyse_pair(claim, doc, None, Some(&enc));
    // Reordered and re-tensed. (The refitted pair model misses a looser paraphrase, "Maria Lopez
    // will leave the chief executive post at the end of the year": P(corroborates) 0.27.)
    let same =
        judge("Maria Lopez, the company's chief executive, will step down at the end of the year.");
    assert_eq!(same.verdict.label, Label::Corroborates);
    let f = same.encoded.expect("the encoder's features");
    assert!(f.iter().all(|x| x.is_finite()), "{f:?}");
    let other = judge("The company hired a new chief financial officer on Monday.");
    assert_ne!(other.verdict.label, Label::Corroborates);
    // Without the encoder the surface model decides and no encoder feature exists.
    assert!(analyse_pair("Maria Lopez will leave.", doc, None, None)
        .encoded
        .is_none());
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_long_document_is_read_where_the_evidence_is() {
    let enc = load();
    // Past the encoder's 256 tokens: the claim's sentence comes after 40 unrelated ones.
    let filler =
        "Officials at the harbour counted the arriving boats again this morning. ".repeat(40);
    let doc =
        format!("{filler}Maria Lopez will step down as chief executive at the end of the year.");
    assert!(!enc.fits(&doc) && enc.fits("Maria Lopez will step down."));
    let claim = "Maria Lopez is to leave the chief executive post at the end of the year.";
    let v = analyse_pair(claim, &doc, None, Some(&enc));
    let f = v.encoded.expect("the encoder's features");
    // Read from the top, only harbour words would be there for the claim's tokens.
    let opening = enc.pair_features(claim, &doc);
    assert!(
        f[1] > opening[1] + 0.1,
        "recall {} against {}",
        f[1],
        opening[1]
    );
    assert_eq!(v.verdict.label, Label::Corroborates);
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn hostile_and_huge_text_neither_panics_nor_runs_away() {
    let enc = load();
    let long = "word, ".repeat(50_000);
    for text in [
        "",
        " \u{0}\u{200b}\u{feff} ",
        "\u{fffd}\u{fffd}",
        "👍🏽👍🏽 ﷽ ᄀᄀ ",
        &long,
    ] {
        let t = enc.encode(text);
        assert!(t.n >= 2 && t.n <= encoder::MAX_TOKENS, "{}", t.n);
        assert!(t.data.iter().all(|x| x.is_finite()));
        let v = analyse_pair(text, "A storm closed the port.", None, Some(&enc));
        assert!(v.verdict.score.is_finite());
    }
}

#[test]
fn a_missing_or_broken_folder_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("crosscheck-enc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    assert!(Encoder::load(&dir).is_err());
    std::fs::write(
        dir.join("config.json"),
        r#"{"hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 1,
            "intermediate_size": 16, "max_position_embeddings": 512}"#,
    )
    .unwrap();
    std::fs::write(dir.join("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n").unwrap();
    std::fs::write(dir.join("model.safetensors"), b"not a tensor file").unwrap();
    let err = Encoder::load(&dir)
        .err()
        .expect("a broken weight file loads");
    assert!(err.contains("model.safetensors"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["verdict", "--encoder", dir.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("crosscheck: --encoder "), "{err}");
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn verdict_with_the_encoder_answers_every_line() {
    let dir = model_dir();
    let input = "{\"id\": 1, \"claim\": \"The port was closed by a storm.\", \"document\": \"A storm closed the port on Friday.\"}\n\
                 {\"id\": 2, \"claim\": \"\", \"document\": \"\"}\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["verdict", "--encoder"])
        .arg(Path::new(&dir))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["label"], "corroborates");
    assert_eq!(lines[1]["label"], "omits");
}

/// The byte span of the `nth` occurrence of `needle` in `text`.
fn span_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    (at, at + needle.len())
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_figure_is_read_in_its_sentence() {
    use crosscheck::cluster::Semantic;
    let enc = load();
    // One age told two ways, a crowd with the same digits, and a sentence that states the same
    // figure twice (the second "12" is the one asked about).
    let texts = [
        "The 35-year-old striker scored twice in the final.",
        "The striker, who is 35, scored two goals in the final.",
        "A crowd of 35 thousand fans watched the final.",
        "Rescuers saved 12 people, and 12 boats were lost in the storm.",
    ];
    let spans = vec![
        vec![span_of(texts[0], "35", 0)],
        vec![span_of(texts[1], "35", 0)],
        vec![span_of(texts[2], "35", 0)],
        vec![span_of(texts[3], "12", 0), span_of(texts[3], "12", 1)],
    ];
    let sem = Semantic::encode(&enc, &texts, &[true; 4], &spans, None);
    let cos = |a: u32, b: u32, sb: (usize, usize)| {
        sem.figure_cos(a, spans[a as usize][0], b, sb)
            .expect("both figures found among their tokens")
    };
    let same_role = cos(0, 1, spans[1][0]);
    let other_role = cos(0, 2, spans[2][0]);
    assert!(
        same_role > other_role,
        "age vs age {same_role}, age vs crowd {other_role}"
    );
    // The two "12"s of one sentence are read where each stands: different vectors.
    let people_boats = cos(3, 3, spans[3][1]);
    assert!(people_boats < 0.999, "{people_boats}");
    // A span that is no figure's gets nothing.
    assert_eq!(sem.figure_cos(0, (0, 3), 1, spans[1][0]), None);
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_figure_role_is_read_from_the_words_around_it() {
    use crosscheck::cluster::Semantic;
    let enc = load();
    // One count of one thing told with other words and another value, a count of something
    // else in the same story, and a figure with no word around it.
    let texts = [
        "The wildfire destroyed 40 homes in the valley, officials said.",
        "Officials said the blaze burned down 55 houses in the valley.",
        "Firefighters evacuated 900 residents from the valley, officials said.",
        "40",
    ];
    let spans = vec![
        vec![span_of(texts[0], "40", 0)],
        vec![span_of(texts[1], "55", 0)],
        vec![span_of(texts[2], "900", 0)],
        vec![span_of(texts[3], "40", 0)],
    ];
    let sem = Semantic::encode(&enc, &texts, &[true; 4], &spans, None);
    let role = |b: u32| sem.role_cos(0, spans[0][0], b, spans[b as usize][0]);
    let (homes_houses, homes_residents) = (
        role(1).expect("both figures have words around them"),
        role(2).expect("both figures have words around them"),
    );
    assert!(
        homes_houses > homes_residents,
        "homes vs houses {homes_houses}, homes vs residents {homes_residents}"
    );
    assert_eq!(role(3), None, "a figure alone has no role");
}

/// A build reads token recall from one product per claim (`Semantic::token_maxima`); every
/// reading gives the bits of the reference, one product per reading (`token_recall`): for one
/// sentence or several, a repeated text, the claim's own text, a sentence the maxima were not
/// computed for, and none.
#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn token_recall_from_one_product_per_claim_is_the_reference() {
    use crosscheck::cluster::Semantic;
    let enc = load();
    let texts = [
        "The council approved the new bridge on Tuesday after a two-year debate.",
        "Councillors voted for the bridge on Tuesday, ending two years of argument.",
        "The bridge will cost 40 million dollars, the mayor said.",
        "The council approved the new bridge on Tuesday after a two-year debate.",
        "Rain is expected across the region this weekend.",
        "Work on the bridge starts in the spring.",
    ];
    let spans = vec![Vec::new(); texts.len()];
    let sem = Semantic::encode(&enc, &texts, &[true; 6], &spans, None);
    let maxima = sem.token_maxima(0, &[1, 2, 3, 4]);
    let readings: [&[u32]; 9] = [
        &[1],
        &[1, 2],
        &[2, 4, 1],
        &[3],
        &[0],
        &[0, 3, 1],
        &[1, 1, 2],
        &[5, 1],
        &[],
    ];
    for others in readings {
        let reference = sem.token_recall(0, others);
        let read = sem.token_recall_in(&maxima, 0, others);
        assert_eq!(
            (read.0.to_bits(), read.1.to_bits()),
            (reference.0.to_bits(), reference.1.to_bits()),
            "others {others:?}: {read:?} against {reference:?}"
        );
    }
    // Maxima of another claim are not read for this one.
    let other = sem.token_maxima(1, &[0, 2]);
    assert_eq!(
        sem.token_recall_in(&other, 0, &[2]).0.to_bits(),
        sem.token_recall(0, &[2]).0.to_bits()
    );
}

#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_build_with_the_encoder_reports_its_encoding() {
    use crosscheck::progress::Stage;
    let enc = load();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let (db, reports) = progress::build_recording(&seeds, Some(&enc));
    let stages: Vec<Stage> = progress::check_reports(&reports)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(
        stages,
        [Stage::Analyse, Stage::Encode, Stage::Match, Stage::Decide],
        "with the encoder, every item is prepared before any is decided (pipeline::build_with)"
    );
    let encoded = reports
        .iter()
        .find(|r| r.0 == Stage::Encode)
        .map_or(0, |r| r.2);
    assert!(
        encoded > 0 && encoded <= db.segments.len(),
        "encoded {encoded} sentences of {}",
        db.segments.len()
    );
}

/// `crosscheck build` with the encoder decides each item as it is computed and writes its
/// verdict out (`build_into`); `build_with` prepares every item first. Same bytes.
#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_streamed_build_with_the_encoder_writes_the_prepared_database() {
    let enc = load();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let arts = crosscheck::load_dir(&seeds).expect("the seeds load");
    let opts = crosscheck::BuildOptions {
        encoder: Some(&enc),
        ..Default::default()
    };
    let (db, _) = crosscheck::build_with(&arts, &opts).expect("builds");
    let mut sink = crosscheck::WriteSink::new(crosscheck::Format::Bin, Vec::new());
    crosscheck::build_into(&arts, &opts, &mut sink).expect("builds");
    assert!(sink.finish().expect("finishes") == db.to_bin());
}

/// A figure of the other article that another of the claim's figures gives is accounted for
/// (`cluster::Context::figures`): a running score and the final one are two figures of one
/// kind, not two versions of one. With the encoder only, as the decision was measured.
#[test]
#[ignore = "needs the encoder: CROSSCHECK_ENCODER=$(scripts/get-encoder.sh)"]
fn a_figure_another_claim_figure_gives_is_no_conflict() {
    let enc = load();
    let article = |id: &str, text: &str| crosscheck::Article {
        id: id.into(),
        text: text.into(),
        meta: crosscheck::SourceMeta {
            published: Some("2024-05-19".into()),
            ..Default::default()
        },
    };
    let arts = [
        article(
            "a",
            "Harbour Rovers came back from 2-0 down to draw 3-3 with Dunmore City before \
             winning the cup 5-4 on penalties, the club said.",
        ),
        article(
            "b",
            "Dunmore City and Harbour Rovers drew 3-3 after extra time in the cup final.\n\n\
             Harbour Rovers then won the shootout 5-4.",
        ),
        article(
            "c",
            "Dunmore City and Harbour Rovers drew 3-3 after extra time in the cup final.\n\n\
             Harbour Rovers then won the shootout 4-2.",
        ),
    ];
    let conflict = |encoder: Option<&Encoder>, other: &str| {
        let opts = crosscheck::BuildOptions {
            encoder,
            trace: true,
            ..Default::default()
        };
        let (db, traces) = crosscheck::build_with(&arts, &opts).expect("builds");
        let claim = &db.segments[0];
        let t = traces
            .iter()
            .find(|t| t.segment == claim.id && t.other == other)
            .expect("a trace for the item");
        t.figure_conflict.as_ref().map(|p| {
            let there = &db.segments[p.there_unit as usize].text;
            (
                claim.text[p.here.0..p.here.1].to_string(),
                there[p.there.0..p.there.1].to_string(),
            )
        })
    };
    // b gives the draw and the shootout as the claim does: nothing left to conflict.
    assert_eq!(conflict(Some(&enc), "b"), None);
    // c's shootout score is no claim figure's: it conflicts with the claim's.
    assert_eq!(
        conflict(Some(&enc), "c"),
        Some(("5-4".to_string(), "4-2".to_string()))
    );
    // The surface decision still reads b's pairs (it lost LOCO ground without them).
    assert!(conflict(None, "b").is_some());
}
