//! Alignment and verdicts through the public API, on small clusters of made-up reports:
//! corroboration by paraphrase, omission, every difference kind, claims split over two
//! sentences, spelling variants, relative dates, degenerate clusters, and the pair judge.

use crosscheck::model::{DiffKind, Label};
use crosscheck::{build, judge_pair, Article, Database, SourceMeta};

fn article(id: &str, date: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        meta: SourceMeta {
            published: Some(date.into()),
            ..Default::default()
        },
    }
}

/// The segment of `source` containing `needle`.
fn segment<'a>(db: &'a Database, source: &str, needle: &str) -> &'a crosscheck::Segment {
    db.segments
        .iter()
        .find(|s| s.source == source && s.text.contains(needle))
        .unwrap_or_else(|| panic!("no segment of {source} contains {needle:?}"))
}

/// The verdict on the segment of `source` containing `needle`, against `other`: the stored
/// one, else the implicit `omits` (no evidence, no differences; its score is not stated, 0
/// here).
fn verdict<'a>(
    db: &'a Database,
    source: &str,
    needle: &str,
    other: &str,
) -> std::borrow::Cow<'a, crosscheck::Verdict> {
    let seg = segment(db, source, needle);
    assert_eq!(
        db.label(seg.id, other).map(|_| ()),
        Some(()),
        "the database does not judge {needle:?} against {other}"
    );
    match db
        .verdicts
        .iter()
        .find(|v| v.segment == seg.id && v.other == other)
    {
        Some(v) => std::borrow::Cow::Borrowed(v),
        None => std::borrow::Cow::Owned(crosscheck::Verdict {
            segment: seg.id,
            other: other.into(),
            label: Label::Omits,
            score: 0.0,
            evidence: Vec::new(),
            differences: Vec::new(),
            shared: Vec::new(),
        }),
    }
}

/// The trace of the item `verdict(db, source, needle, other)` was decided from.
fn trace<'a>(
    db: &Database,
    traces: &'a [crosscheck::Trace],
    source: &str,
    needle: &str,
    other: &str,
) -> &'a crosscheck::Trace {
    let seg = segment(db, source, needle);
    traces
        .iter()
        .find(|t| t.segment == seg.id && t.other == other)
        .unwrap_or_else(|| panic!("no trace of {needle:?} against {other}"))
}

fn evidence_text(db: &Database, v: &crosscheck::Verdict) -> String {
    v.evidence
        .iter()
        .filter_map(|id| db.segments.iter().find(|s| s.id == *id))
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join(" | ")
}

const DAY: &str = "2023-03-04"; // a Saturday

/// Two reports, "a" and "b", published on `DAY`.
fn two_reports(a: &str, b: &str) -> Vec<Article> {
    vec![article("a", DAY, a), article("b", DAY, b)]
}

fn storm_cluster() -> Vec<Article> {
    vec![
        article(
            "north",
            DAY,
            "Storm floods the harbour town of Dunmore\n\n\
             Heavy rain flooded the harbour district of Dunmore on Friday, forcing more than two hundred residents from their homes.\n\n\
             The regional water authority said the river rose 3 metres overnight.\n\n\
             Mayor Ellen Kowalczyk said the town would not reopen the coastal road until Monday.\n\n\
             \"This is a reckless and short-sighted plan,\" the opposition leader said of the new sea wall.\n\n\
             The fire service confirmed that a landslide had blocked the northern railway line.\n\n\
             Local schools will stay closed for the rest of the week.",
        ),
        article(
            "south",
            DAY,
            "Dunmore harbour district flooded after heavy rain\n\n\
             The harbour district of Dunmore was flooded by heavy rain on Friday, and at least two hundred residents had to leave their homes.\n\n\
             According to the regional water authority, the river rose 5 metres overnight.\n\n\
             Mayor Ellen Kowalchyk said the town would reopen the coastal road on Monday.\n\n\
             \"This is an ill-considered and short-sighted plan,\" the opposition leader said of the new sea wall.\n\n\
             The fire service denied that a landslide had blocked the northern railway line.\n\n\
             Volunteers handed out blankets at the town hall.",
        ),
    ]
}

#[test]
fn at_most_one_verdict_per_claim_and_other_article_and_the_database_validates() {
    let db = build(&storm_cluster()).expect("builds");
    db.validate().expect("consistent database");
    for seg in db.segments.iter().filter(|s| s.kind.gets_verdicts()) {
        let n = db.verdicts.iter().filter(|v| v.segment == seg.id).count();
        assert!(n <= 1, "segment {:?} has {n} verdicts", seg.text);
    }
    assert!(
        db.verdicts.iter().all(|v| v.label != Label::Omits),
        "omissions are left implicit"
    );
    for v in &db.verdicts {
        assert!(
            (0.0..=1.0).contains(&v.score),
            "score out of range: {}",
            v.score
        );
        if v.label == Label::Omits {
            assert!(v.evidence.is_empty() && v.differences.is_empty());
        } else {
            assert!(
                !v.evidence.is_empty(),
                "a {:?} verdict without evidence",
                v.label
            );
        }
    }
}

#[test]
fn a_paraphrase_corroborates_with_the_right_evidence_and_shared_words() {
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "Heavy rain flooded", "south");
    assert_ne!(v.label, Label::Omits);
    assert!(
        evidence_text(&db, &v).contains("was flooded by heavy rain"),
        "evidence: {}",
        evidence_text(&db, &v)
    );
    assert!(
        !v.shared.is_empty(),
        "shared words are given for the widget"
    );
    for s in &v.shared {
        assert!(v.evidence.contains(&s.segment));
    }
}

#[test]
fn a_claim_the_other_article_does_not_make_is_omitted() {
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "schools will stay closed", "south");
    assert_eq!(v.label, Label::Omits);
    let v = verdict(&db, "south", "handed out blankets", "north");
    assert_eq!(v.label, Label::Omits);
}

/// Asserts that `v` is `differs` and returns its difference of `kind`.
fn differs_by(v: &crosscheck::Verdict, kind: DiffKind) -> &crosscheck::model::Difference {
    assert_eq!(v.label, Label::Differs, "{:?}", v.differences);
    v.differences
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} difference in {:?}", v.differences))
}

#[test]
fn a_different_figure_differs_with_both_spans() {
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "river rose 3 metres", "south");
    let d = differs_by(&v, DiffKind::Number);
    assert!(d.here.contains('3') && d.there.contains('5'), "{d:?}");
    let seg = db
        .segments
        .iter()
        .find(|s| s.id == v.segment)
        .expect("claim");
    assert_eq!(&seg.text[d.here_span.0..d.here_span.1], d.here);
}

#[test]
fn a_bound_that_changes_the_claim_differs() {
    // "more than two hundred" and "at least two hundred" are different claims.
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "forcing more than two hundred", "south");
    differs_by(&v, DiffKind::Number);
}

#[test]
fn a_figure_the_article_also_states_elsewhere_is_not_a_conflict() {
    // The best sentence gives a rate ("$1 for each customer"), another sentence carrying the
    // claim gives the claim's total: the article agrees with the claim.
    let claim = "The hackers demanded a ransom of $10m from Helvora for the stolen customer \
                 records, a message on the dark web said.";
    let arts = vec![
        article("a", DAY, claim),
        article(
            "b",
            DAY,
            "The hackers demanded $1 from Helvora for each customer whose records were stolen, \
             a message on the dark web said.\n\n\
             Police in three countries are investigating the breach.\n\n\
             The hackers want a ransom of $10m from Helvora.",
        ),
        article(
            "c",
            DAY,
            "The hackers demanded $1 from Helvora for each customer whose records were stolen, \
             a message on the dark web said.\n\n\
             Helvora said it would not comment.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let v = verdict(&db, "a", "ransom of $10m", "b");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
    assert!(evidence_text(&db, &v).contains("ransom of $10m from Helvora."));
    let found = |other| found_in_build(&db, &traces, "a", "ransom of $10m", other);
    let numbers = |d: Vec<(DiffKind, String, String)>| -> Vec<(String, String)> {
        d.into_iter()
            .filter(|(k, _, _)| *k == DiffKind::Number)
            .map(|(_, here, there)| (here, there))
            .collect()
    };
    assert_eq!(numbers(found("b")), [], "b states the claim's figure");
    // Without that sentence the two figures conflict (whether a rate against a total then
    // differs is the fitted decision's call).
    let c = numbers(found("c"));
    assert!(
        c.iter()
            .any(|(here, there)| here.contains("10m") && there.contains('1')),
        "{c:?}"
    );
}

#[test]
fn a_figure_the_other_article_writes_the_same_way_elsewhere_is_not_put_against_another() {
    // "b" tells the comeback from 2-0 down and, in the sentence that best carries the claim,
    // the score of another moment: it agrees with the claim's "2-0".
    let claim = "The home side came back from a 2-0 deficit before both strikers added goals \
                 in extra time.";
    let rest = "The match was tied 3-3 after extra time before the shootout.";
    let arts = vec![
        article(
            "a",
            DAY,
            &format!("Hosts win the cup on penalties\n\n{claim} {rest}"),
        ),
        article(
            "b",
            DAY,
            "Cup final goes to penalties\n\n\
             The hosts won the cup on penalties after a 3-3 draw in which they recovered from \
             2-0 down after 80 minutes. The striker opened the scoring in the 23rd minute to \
             help the hosts win 3-1 (3-3 after extra time).",
        ),
        article(
            "c",
            DAY,
            "Cup final goes to penalties\n\n\
             The hosts won the cup on penalties after a 3-3 draw. The striker opened the \
             scoring in the 23rd minute to help the hosts win 3-1 (3-3 after extra time).",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let number_against = |other| {
        found_in_build(&db, &traces, "a", "2-0 deficit", other)
            .into_iter()
            .any(|(k, here, _)| k == DiffKind::Number && here == "2-0")
    };
    // Both articles put another score against the "2-0" in the sentence that best carries it
    // ...
    assert!(number_against("b") && number_against("c"));
    // ... but only "c", which never gives the 2-0, may report it.
    let v = verdict(&db, "a", "2-0 deficit", "b");
    assert_ne!(v.label, Label::Differs, "{:?}", v.differences);
    assert!(v.differences.is_empty(), "{:?}", v.differences);
}

#[test]
fn two_different_floors_of_one_tally_differ_but_a_figure_above_the_floor_agrees() {
    let arts = vec![
        article(
            "a",
            DAY,
            "The death toll from the Dunmore floods passed 2,070 on Friday, officials said.",
        ),
        article(
            "b",
            DAY,
            "The death toll from the Dunmore floods rose to more than 2,100 on Friday, officials said.",
        ),
        article(
            "c",
            DAY,
            "The death toll from the Dunmore floods rose to 2,085 on Friday, officials said.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "passed 2,070", "b");
    differs_by(&v, DiffKind::Number);
    // A figure just above the floor is what the floor says.
    let v = verdict(&db, "a", "passed 2,070", "c");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
}

#[test]
fn a_part_introduced_by_including_is_not_a_second_total() {
    let arts = vec![
        article(
            "a",
            DAY,
            "At least 9,700 residents of Dunmore lost power in the storm, including 5,100 \
             customers of the harbour grid.",
        ),
        article(
            "b",
            DAY,
            "The storm cut power to 9,700 customers of the Dunmore grid, the utility said.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "including 5,100", "b");
    assert!(
        v.differences.iter().all(|d| d.kind != DiffKind::Number),
        "{:?}",
        v.differences
    );
}

#[test]
fn negation_differs() {
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "would not reopen", "south");
    differs_by(&v, DiffKind::Negation);
}

#[test]
fn the_same_negation_worded_differently_is_not_a_difference() {
    let arts = vec![
        article(
            "a",
            DAY,
            "The insurer Helvora said it would not pay the ransom to the gang.\n\n\
             What the gang said happened at the Dunmore office did not happen, officials said.\n\n\
             Analysts dont expect the Helvora shares to recover this month.\n\n\
             The Helvora board passed a non-binding motion on the breach.",
        ),
        article(
            "b",
            DAY,
            "Helvora refused to pay the ransom to the gang.\n\n\
             Officials said that what the gang claims happened at the Dunmore office didn't happen.\n\n\
             Analysts do not expect the Helvora shares to recover this month.\n\n\
             The Helvora board passed a nonbinding motion on the breach.",
        ),
        article(
            "c",
            DAY,
            "Helvora said it would pay the ransom to the gang.\n\n\
             The Helvora board met on Friday.",
        ),
    ];
    let db = build(&arts).expect("builds");
    for needle in [
        "would not pay",
        "did not happen",
        "dont expect",
        "non-binding",
    ] {
        let v = verdict(&db, "a", needle, "b");
        assert!(
            v.differences.iter().all(|d| d.kind != DiffKind::Negation),
            "{needle}: {:?}",
            v.differences
        );
        assert_eq!(v.label, Label::Corroborates, "{needle}");
    }
    // A refusal against the deed itself is still a negation difference (found; the verdict is
    // the fitted decision's).
    let found = differences_between(
        "The insurer Helvora said it would not pay the ransom to the gang.",
        "Helvora said it would pay the ransom to the gang.",
    );
    assert!(found.iter().any(|d| d.0 == DiffKind::Negation), "{found:?}");
}

#[test]
fn a_changed_word_in_a_short_quote_differs() {
    let db = build(&storm_cluster()).expect("builds");
    let v = verdict(&db, "north", "reckless and short-sighted", "south");
    let d = differs_by(&v, DiffKind::Quote);
    assert!(
        d.here.contains("reckless") && d.there.contains("ill-considered"),
        "{d:?}"
    );
}

#[test]
fn confirmed_against_denied_is_an_attribution_difference() {
    // The detector finds it; whether the verdict is `differs` is the fitted decision's call, and
    // the labelled clusters hold too few stance differences to teach it (see docs/tuning.md).
    let found = differences_between(
        "The fire service confirmed that a landslide had blocked the northern railway line.",
        "The fire service denied that a landslide had blocked the northern railway line.",
    );
    assert!(
        found.contains(&(DiffKind::Attribution, "confirmed".into(), "denied".into())),
        "{found:?}"
    );
}

/// The differences the verdict stage finds between a claim and one evidence sentence, as
/// (kind, here, there) text.
fn differences_between(claim: &str, evidence: &str) -> Vec<(DiffKind, String, String)> {
    use crosscheck::verdict::{differences, Side};
    let date = chrono::NaiveDate::from_ymd_opt(2023, 3, 4);
    let (a, b) = (
        crosscheck::analyze::analyze(claim, date),
        crosscheck::analyze::analyze(evidence, date),
    );
    let here = Side {
        unit: 0,
        text: claim,
        analysis: &a,
    };
    let there = Side {
        unit: 1,
        text: evidence,
        analysis: &b,
    };
    differences(&here, &[there], 1.0)
        .into_iter()
        .map(|d| {
            (
                d.kind,
                claim[d.here.0..d.here.1].to_string(),
                evidence[d.there.0..d.there.1].to_string(),
            )
        })
        .collect()
}

#[test]
fn spelling_variants_of_a_name_still_corroborate() {
    let arts = vec![
        article(
            "a",
            DAY,
            "Spokesman Nasser Kanani told reporters the embassy in Tirana would remain closed.",
        ),
        article(
            "b",
            DAY,
            "The embassy in Tirana will remain closed, spokesman Nasser Kanaani told reporters.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "Kanani", "b");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
}

#[test]
fn a_relative_date_resolving_to_the_same_day_corroborates_and_another_day_differs() {
    let arts = vec![
        article(
            "a",
            DAY,
            "Engineers restored power to the eastern valley substation on Friday after the blackout.",
        ),
        article(
            "b",
            DAY,
            "Power to the eastern valley substation was restored by engineers on March 3 after the blackout.",
        ),
        article(
            "c",
            DAY,
            "Engineers restored power to the eastern valley substation on March 1 after the blackout.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let v = verdict(&db, "a", "restored power", "b");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
    // Whether a one-sentence cluster's date difference is called `differs` is the fitted
    // decision's call, on a kind the labelled clusters hold one true case of; the detector and
    // the carried verdict are what is checked here (as for stances).
    let found = found_in_build(&db, &traces, "a", "restored power", "c");
    assert!(
        found.contains(&(DiffKind::Date, "Friday".into(), "March 1".into())),
        "{found:?}"
    );
    assert_ne!(verdict(&db, "a", "restored power", "c").label, Label::Omits);
}

#[test]
fn a_claim_split_over_two_sentences_is_found_in_both() {
    let arts = vec![
        article(
            "one",
            DAY,
            "The ferry operator cancelled all crossings to Inishmore and suspended its freight service to Galway until the harbour wall is repaired.",
        ),
        article(
            "two",
            DAY,
            "Officials praised the quick response of the coastguard.\n\n\
             The ferry operator cancelled all crossings to Inishmore. \
             It also suspended its freight service to Galway until the harbour wall is repaired.\n\n\
             Tourism groups expect fewer visitors this summer.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "one", "ferry operator cancelled", "two");
    assert_eq!(v.label, Label::Corroborates);
    let ev = evidence_text(&db, &v);
    assert!(
        ev.contains("cancelled all crossings") && ev.contains("suspended its freight"),
        "evidence: {ev}"
    );
}

#[test]
fn closed_compounds_match_their_spaced_form() {
    let arts = vec![
        article(
            "a",
            DAY,
            "A cyberattack disabled the payment terminals of the national railway on Thursday.",
        ),
        article(
            "b",
            DAY,
            "The national railway's payment terminals were disabled on Thursday by a cyber attack.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "cyberattack disabled", "b");
    assert_eq!(v.label, Label::Corroborates);
}

#[test]
fn empty_and_single_article_clusters_do_not_panic() {
    let err = build(&[]).expect_err("an empty cluster is a clear error, not an empty database");
    assert!(!err.to_string().is_empty());
    let db = build(&[article(
        "only",
        DAY,
        "One article says one thing. And another.",
    )])
    .expect("one article builds");
    assert!(db.verdicts.is_empty(), "no other article, no verdict");
    let db = build(&[article("a", DAY, ""), article("b", DAY, "   \n\n ")]).expect("blank");
    db.validate().expect("consistent");
    let hostile =
        "\u{0}\u{feff}\"\"\"“”‘’ ... $$$ 99999999999999999999999 %%% — – 1.2.3.4 \n".repeat(20);
    let db = build(&[article("x", DAY, &hostile), article("y", DAY, &hostile)]).expect("hostile");
    db.validate().expect("consistent");
}

#[test]
fn boilerplate_gets_no_verdict_and_is_never_evidence() {
    let arts = vec![
        article(
            "a",
            DAY,
            "The council approved the new budget for the harbour on Tuesday.\n\nSEE ALSO: Council approves new harbour budget\n",
        ),
        article(
            "b",
            DAY,
            "On Tuesday the council approved the harbour's new budget.\n\nSEE ALSO: Council approves new harbour budget\n",
        ),
    ];
    let db = build(&arts).expect("builds");
    for v in &db.verdicts {
        let seg = db
            .segments
            .iter()
            .find(|s| s.id == v.segment)
            .expect("segment");
        assert!(seg.kind.gets_verdicts());
        for e in &v.evidence {
            let ev = db.segments.iter().find(|s| s.id == *e).expect("evidence");
            assert!(
                ev.kind.gets_verdicts(),
                "boilerplate used as evidence: {:?}",
                ev.text
            );
        }
    }
}

#[test]
fn the_pair_judge_corroborates_a_paraphrase_and_omits_an_unrelated_claim() {
    let doc = "Heavy rain flooded the harbour district of Dunmore on Friday. \
               Hundreds of residents were moved to the sports hall.";
    let v = judge_pair(
        "The harbour district of Dunmore was flooded by heavy rain on Friday.",
        doc,
        None,
    );
    assert_eq!(v.label, Label::Corroborates);
    assert!(v.evidence.iter().any(|e| e.contains("Heavy rain flooded")));
    let v = judge_pair(
        "The central bank raised interest rates by half a point.",
        doc,
        None,
    );
    assert_eq!(v.label, Label::Omits);
    assert!(v.evidence.is_empty());
}

#[test]
fn the_pair_judge_survives_degenerate_input() {
    for (c, d) in [
        ("", ""),
        ("claim", ""),
        ("", "document"),
        ("\u{0}", "\u{feff}"),
    ] {
        let v = judge_pair(c, d, None);
        assert!((0.0..=1.0).contains(&v.score));
    }
}

#[test]
fn an_article_stating_the_main_clause_corroborates_a_long_claim() {
    // LABELS.md: a sentence making several claims is corroborated by an article that states its
    // main claim; the reasons given after "citing" are extra detail, not a second claim.
    let arts = vec![
        article(
            "a",
            DAY,
            "Helvora has refused to pay the ransom, citing advice from security consultants \
             that paying would neither stop further leaks nor guarantee the deletion of stolen \
             files held on overseas servers.\n\n\
             Helvora said the ransom demand arrived on Monday.\n\n\
             Helvora customers were told to watch for emails asking them to pay.",
        ),
        article(
            "b",
            DAY,
            "Helvora has refused to pay the ransom.\n\n\
             Helvora said the ransom demand arrived on Monday.\n\n\
             Customers of Helvora may be asked to pay a ransom themselves, the regulator said.",
        ),
        article(
            "c",
            DAY,
            "Helvora's chief executive apologised to customers on Friday.\n\n\
             The ransom demand reached Helvora on Monday.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "refused to pay", "b");
    assert_eq!(v.label, Label::Corroborates, "{}", evidence_text(&db, &v));
    assert!(evidence_text(&db, &v).contains("Helvora has refused"));
    // The company named without its refusal is still an omission.
    assert_eq!(verdict(&db, "a", "refused to pay", "c").label, Label::Omits);
}

#[test]
fn a_quote_is_omitted_by_an_article_that_names_the_speaker_but_not_the_words() {
    let arts = vec![
        article(
            "a",
            DAY,
            "\"The harbour wall held, but the old town flooded faster than any model predicted,\" \
             Dunmore mayor Ellen Kowalczyk said.\n\n\
             Dunmore mayor Ellen Kowalczyk visited the harbour on Friday.",
        ),
        article(
            "b",
            DAY,
            "Dunmore mayor Ellen Kowalczyk toured the flooded harbour on Friday.\n\n\
             Volunteers handed out blankets.",
        ),
        article(
            "c",
            DAY,
            "The old town flooded faster than any model predicted, though the harbour wall held, \
             mayor Ellen Kowalczyk said.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let at = |other: &str| {
        (
            verdict(&db, "a", "harbour wall held", other),
            trace(&db, &traces, "a", "harbour wall held", other),
        )
    };
    let quote = |t: &crosscheck::Trace, name: &str| {
        let i = crosscheck::cluster::NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a feature of that name");
        t.features[i]
    };
    // The quote is most of the claim; b carries almost none of its words, c nearly all.
    let (vb, tb) = at("b");
    let (vc, tc) = at("c");
    assert!(quote(tb, "quote_share") > 0.5, "{:?}", tb.features);
    assert!(quote(tb, "quote_carried") < 0.2, "{:?}", tb.features);
    assert!(quote(tc, "quote_carried") > 0.8, "{:?}", tc.features);
    assert_eq!(vc.label, Label::Corroborates, "{}", evidence_text(&db, &vc));
    assert_ne!(vb.label, Label::Differs, "{}", evidence_text(&db, &vb));
}

#[test]
fn the_main_clause_ends_at_the_first_clause_break() {
    use crosscheck::verdict::main_clause_end;
    let s = "Medics have reopened the eastern clinic, according to the ministry.";
    assert_eq!(
        main_clause_end(s).map(|e| &s[..e]),
        Some("Medics have reopened the eastern clinic")
    );
    // Too short to be a claim of its own.
    assert_eq!(
        main_clause_end("Police said, citing witnesses, that two died."),
        None
    );
    assert_eq!(main_clause_end("No break in this sentence at all."), None);
    // Byte offsets survive text that lowercasing would resize.
    let s = "İstanbul officials closed the bridge \u{2013} two ferries ran instead.";
    assert_eq!(
        main_clause_end(s).map(|e| &s[..e]),
        Some("İstanbul officials closed the bridge")
    );
}

#[test]
fn the_same_articles_build_the_same_bytes() {
    // A fact-checker who rebuilds a database must get the one they published, and the widget's
    // embedded copy must not change with every build.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let articles = crosscheck::load_dir(&dir).expect("seeds load");
    let first = build(&articles).expect("builds").to_bin();
    for _ in 0..2 {
        assert!(first == build(&articles).expect("builds").to_bin());
    }
}

#[test]
fn the_pair_judge_gives_the_same_features_on_every_call() {
    // Hash sets iterate in a new order in every process and for every set; a feature summed in
    // that order moved in its last bits and could flip a verdict at the threshold.
    let seed = |name: &str| {
        std::fs::read_to_string(format!("{}/../seeds/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("seed article")
    };
    let claims = seed("000_1ee52c78bdbf5333.txt");
    let docs = [
        seed("001_3d776b771f27cfd6.txt"),
        seed("003_550824188114bd13.txt"),
    ];
    let bits = |a: &crosscheck::PairAnalysis| -> Vec<u32> {
        a.features
            .to_vec()
            .iter()
            .chain(a.extra.iter())
            .chain([a.verdict.score].iter())
            .map(|x| x.to_bits())
            .collect()
    };
    for claim in claims.split(". ").filter(|c| c.len() > 40) {
        for doc in &docs {
            let first = bits(&crosscheck::analyse_pair(claim, doc, None, None));
            for _ in 0..3 {
                assert_eq!(
                    first,
                    bits(&crosscheck::analyse_pair(claim, doc, None, None)),
                    "{claim}"
                );
            }
        }
    }
}

#[test]
fn two_hundred_articles_build_without_all_pairs_blowup() {
    let mut arts = Vec::new();
    for i in 0..200 {
        arts.push(article(
            &format!("a{i:03}"),
            DAY,
            &format!(
                "Report {i}: heavy rain flooded the harbour district of Dunmore on Friday.\n\n\
                 The river rose {} metres overnight, the water authority said.\n\n\
                 Volunteer group {i} handed out {} blankets at hall number {i}.",
                i % 7 + 1,
                i * 10 + 5
            ),
        ));
    }
    let db = build(&arts).expect("builds");
    assert_eq!(
        db.verdicts.len(),
        db.segments
            .iter()
            .filter(|s| s.kind.gets_verdicts())
            .count()
            * 199
    );
}

#[test]
fn one_speaker_confirming_against_condemning_is_found_even_when_loosely_worded() {
    let found = differences_between(
        "However, the Harbour Board has confirmed that the ferry operator caused the oil spill \
         when its tanker struck the northern breakwater during a gale.",
        "The Harbour Board and the coastguard also condemned the oil spill and praised the \
         volunteers.",
    );
    assert!(
        found.contains(&(
            DiffKind::Attribution,
            "confirmed".into(),
            "condemned".into()
        )),
        "{found:?}"
    );
}

#[test]
fn an_earlier_event_named_by_its_month_in_the_evidence_is_no_date_difference() {
    let arts = vec![
        article(
            "a",
            DAY,
            "The council accused the Redline gang of the February 14 ransomware attack on the city hospital records.",
        ),
        article(
            "b",
            DAY,
            "The city hospital records were hit on Friday by a ransomware attack which the council blamed on the Redline gang, who also attacked in February.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "February 14", "b");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
}

#[test]
fn a_figure_of_another_year_is_no_number_difference() {
    let arts = vec![
        article(
            "a",
            DAY,
            "The river flood killed 52 people in the valley on Friday.\n\n\
             In 1998, a river flood killed more than 400 people in the valley.",
        ),
        article(
            "b",
            DAY,
            "The death toll from the river flood in the valley rose to 52 on Friday.",
        ),
    ];
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "In 1998", "b");
    assert_ne!(v.label, Label::Differs, "{:?}", v.differences);
    let v = verdict(&db, "a", "killed 52", "b");
    assert_eq!(v.label, Label::Corroborates, "{:?}", v.differences);
}

#[test]
fn a_part_against_the_whole_is_no_number_difference_but_a_changed_sum_is() {
    let arts = vec![
        article(
            "a",
            DAY,
            "In the northern province alone, more than 350 people died in the floods.\n\n\
             The insurer said the gang demanded a ransom of $10 million.\n\n\
             The landslide on the coast road killed 3 people.",
        ),
        article(
            "b",
            DAY,
            "The death toll from the floods across the country passed 2,000 on Friday.\n\n\
             The gang demanded a ransom of $1 million, the insurer said.\n\n\
             Twelve people were killed by the landslide on the coast road.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let v = verdict(&db, "a", "more than 350", "b");
    assert_ne!(v.label, Label::Differs, "{:?}", v.differences);
    // A changed sum is found as a number difference of a carried claim; whether a one-sentence
    // pair ten or four times apart is called `differs` is the fitted decision's call (in the
    // labelled clusters such ratios are mostly a part or a rate: "$1 per customer" against a
    // "$10m" ransom).
    for (needle, here, there) in [
        ("$10 million", "$10 million", "$1 million"),
        ("killed 3", "3", "Twelve"),
    ] {
        let found = found_in_build(&db, &traces, "a", needle, "b");
        assert!(
            found.contains(&(DiffKind::Number, here.into(), there.into())),
            "{needle}: {found:?}"
        );
        assert_ne!(verdict(&db, "a", needle, "b").label, Label::Omits);
    }
}

/// The differences the cluster build finds for the claim of `a` containing `needle` against
/// article `b` (whether the verdict then says `differs` is the fitted decision's call), as
/// (kind, here, there) text.
fn found_in_cluster(a: &str, b: &str, needle: &str) -> Vec<(DiffKind, String, String)> {
    let arts = two_reports(a, b);
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    found_in_build(&db, &traces, "a", needle, "b")
}

/// `found_in_cluster` for a traced build of any cluster: the differences found for the claim
/// of article `a` containing `needle` against article `b`.
fn found_in_build(
    db: &crosscheck::Database,
    traces: &[crosscheck::Trace],
    a: &str,
    needle: &str,
    b: &str,
) -> Vec<(DiffKind, String, String)> {
    let t = trace(db, traces, a, needle, b);
    let text = |id: u32, (s, e): (usize, usize)| db.segments[id as usize].text[s..e].to_string();
    t.differences
        .iter()
        .map(|d| (d.kind, text(t.segment, d.here), text(d.there_unit, d.there)))
        .collect()
}

/// One row per rule of the name and statement-day detectors: the claim, the other article's
/// sentence, and the difference expected (None: no difference of that kind).
#[test]
fn names_and_statement_days_one_row_per_rule() {
    type Row<'a> = (&'a str, &'a str, DiffKind, Option<(&'a str, &'a str)>);
    let rows: &[Row] = &[
        // Another actor in the same role, between words both sentences share.
        (
            "Investigators said the Karsh group was behind the attack on the port.",
            "Investigators said the Velmar militia was behind the attack on the port.",
            DiffKind::Entity,
            Some(("Karsh", "Velmar")),
        ),
        // Another named speaker of the same statement.
        (
            "Minister Ana Duro said the bridge would reopen on Monday after repairs.",
            "Mayor Ben Kell said the bridge would reopen on Monday after repairs.",
            DiffKind::Entity,
            Some(("Ana Duro", "Ben Kell")),
        ),
        // One actor named two ways (a spelling variant) is no difference.
        (
            "Spokesman Nasser Kanani said the embassy in Tirana would remain closed.",
            "Spokesman Nasser Kanaani said the embassy in Tirana would remain closed.",
            DiffKind::Entity,
            None,
        ),
        // An acronym is not compared with a name written out.
        (
            "Officials said the US would send the Velmar delegation home.",
            "Officials said the United States would send the Velmar delegation home.",
            DiffKind::Entity,
            None,
        ),
        // The day of one statement, told two ways.
        (
            "The harbour authority said on Friday that the port would stay shut.",
            "The harbour authority said on Thursday that the port would stay shut.",
            DiffKind::Date,
            Some(("Friday", "Thursday")),
        ),
    ];
    for &(a, b, kind, want) in rows {
        let needle = &a[..20];
        let found: Vec<(String, String)> = found_in_cluster(a, b, needle)
            .into_iter()
            .filter(|d| d.0 == kind)
            .map(|d| (d.1, d.2))
            .collect();
        match want {
            Some((h, t)) => assert!(
                found.iter().any(|(x, y)| x.contains(h) && y.contains(t)),
                "{a} / {b}: {found:?}"
            ),
            None => assert!(found.is_empty(), "{a} / {b}: {found:?}"),
        }
    }
}

#[test]
fn an_age_is_not_reported_against_a_career_length() {
    // Two of the other article's figures conflict with the claim's "12 years": the driver's age
    // and the career length. The difference reported is the career length, not the age. (Here
    // the figure checks of the matched sentence report it; which pair the slot model picks when
    // the conflict lies elsewhere is tested in `cluster::slot`.)
    let arts = two_reports(
        "The driver had worked for the bus company for 12 years before the crash, a spokesman said.",
        "The 58-year-old driver had worked for the bus company for 20 years before the crash, a spokesman said.",
    );
    let db = build(&arts).expect("builds");
    let v = verdict(&db, "a", "for 12 years", "b");
    let d = differs_by(&v, DiffKind::Number);
    assert!(d.here.contains("12") && d.there.contains("20"), "{d:?}");
}

/// A made-up cluster and the seeds: the two a build path is checked against another on.
fn storm_and_seeds() -> [Vec<Article>; 2] {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    [
        storm_cluster(),
        crosscheck::load_dir(&seeds).expect("the seeds load"),
    ]
}

/// `build` decides each item as it is computed and keeps only verdicts; `build_traced` prepares
/// every item first. Both must write the same database, and the trace covers every item, the
/// omissions the database leaves implicit included.
#[test]
fn a_streamed_build_equals_a_prepared_one_and_traces_cover_every_item() {
    for arts in storm_and_seeds() {
        let db = build(&arts).expect("builds");
        let (traced, traces) = crosscheck::build_traced(&arts).expect("builds");
        assert_eq!(db, traced);
        let claims = db
            .segments
            .iter()
            .filter(|s| s.kind.gets_verdicts())
            .count();
        assert_eq!(traces.len(), claims * (db.sources.len() - 1));
        let omitted = traces
            .iter()
            .filter(|t| t.decision.label == Label::Omits)
            .count();
        assert!(omitted > 0, "some claim is omitted somewhere");
        assert_eq!(db.verdicts.len(), traces.len() - omitted);
        for t in &traces {
            assert_eq!(db.label(t.segment, &t.other), Some(t.decision.label));
        }
    }
}

/// `crosscheck build` writes its database as it is built (`build_into` with a `WriteSink`):
/// the bytes are those of the database `build` returns, in both forms.
#[test]
fn a_database_written_as_it_is_built_is_the_built_database() {
    for arts in storm_and_seeds() {
        let db = build(&arts).expect("builds");
        for (format, want) in [
            (crosscheck::Format::Json, db.to_json().into_bytes()),
            (crosscheck::Format::Bin, db.to_bin()),
        ] {
            let mut sink = crosscheck::WriteSink::new(format, Vec::new());
            crosscheck::build_into(&arts, &Default::default(), &mut sink).expect("builds");
            assert!(sink.finish().expect("finishes") == want, "{format:?}");
        }
    }
}

/// A writer that fails (a full disk) stops the build with its error; a cluster that cannot be
/// built gets the build's error, and the writer is never started.
#[test]
fn a_failed_write_or_build_stops_a_streamed_build() {
    /// Takes `room` bytes, then fails as a full disk does.
    struct Full {
        room: usize,
    }
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let arts = storm_cluster();
    let mut sink = crosscheck::WriteSink::new(crosscheck::Format::Json, Full { room: 2000 });
    match crosscheck::build_into(&arts, &Default::default(), &mut sink) {
        Err(crosscheck::StreamError::Write(e)) => {
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull)
        }
        other => panic!("expected the writer's error, got {other:?}"),
    }
    let mut sink = crosscheck::WriteSink::new(crosscheck::Format::Json, Vec::new());
    assert!(matches!(
        crosscheck::build_into(&[], &Default::default(), &mut sink),
        Err(crosscheck::StreamError::Build(_))
    ));
    assert!(sink.finish().is_err(), "no database was started");
}

#[test]
fn a_figure_the_claims_own_article_also_gives_is_marked_known() {
    // The decision reads whether the figure another article puts against the claim's is one
    // the claim's own article gives too: two articles that share a value likely give it to
    // another slot (one side's share of a vote against the other's).
    let arts = vec![
        article(
            "a",
            DAY,
            "Voters backed the measure with 62 percent, official results showed.\n\n\
             The No campaign took 38 percent of the vote.",
        ),
        article(
            "b",
            DAY,
            "Official results gave the No campaign 38 percent of the vote.",
        ),
        article(
            "c",
            DAY,
            "Official results showed 58 percent of voters backed the measure.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let i = crosscheck::cluster::NAMES
        .iter()
        .position(|n| *n == "fig_conflict_known")
        .expect("a feature of that name");
    // (other article, its figure against the claim's 62 percent, whether article a gives it)
    let rows = [("b", "38 percent", 1.0), ("c", "58 percent", 0.0)];
    for (other, figure, known) in rows {
        let t = trace(&db, &traces, "a", "backed the measure with 62", other);
        let conflict = crosscheck::cluster::NAMES
            .iter()
            .position(|n| *n == "fig_conflict")
            .expect("a feature of that name");
        assert_eq!(
            t.features[conflict], 1.0,
            "{other} {figure}: {:?}",
            t.features
        );
        assert_eq!(t.features[i], known, "{other} {figure}: {:?}", t.features);
    }
}

#[test]
fn third_articles_that_give_both_conflicting_figures_are_counted() {
    // Without the encoder, the decision reads how many of the cluster's third articles give
    // both figures of a conflicting pair (the two values then likely fill two slots) and how
    // many give the other article's figure.
    let arts = vec![
        article(
            "a",
            DAY,
            "Voters backed the measure with 62 percent, official results showed.",
        ),
        article(
            "b",
            DAY,
            "Official results showed 58 percent of voters backed the measure.",
        ),
        article(
            "c",
            DAY,
            "The measure won 62 percent nationwide.\n\n\
             In the capital, 58 percent of voters backed it.",
        ),
        article("d", DAY, "Turnout was low, officials said on Sunday."),
        article(
            "e",
            DAY,
            "A poll had found that 58 percent of voters backed the measure.",
        ),
    ];
    let (db, traces) = crosscheck::build_traced(&arts).expect("builds");
    let at = |name: &str| {
        crosscheck::cluster::NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a feature of that name")
    };
    let t = trace(&db, &traces, "a", "backed the measure with 62", "b");
    assert_eq!(t.features[at("fig_conflict")], 1.0, "{:?}", t.features);
    // Third articles c, d and e: c gives both 62 and 58 percent; c and e give 58 percent.
    let both = t.features[at("fig_conflict_both_elsewhere")];
    let there = t.features[at("fig_conflict_there_elsewhere")];
    assert!((both - 1.0 / 3.0).abs() < 1e-6, "{:?}", t.features);
    assert!((there - 2.0 / 3.0).abs() < 1e-6, "{:?}", t.features);
}
