//! Segmentation through the public API: sentence rules on sentences of our own, kinds,
//! glued boilerplate, the metadata date, robustness, and the gold keys of the seeds and (when
//! present) the development clusters.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck::segment::{segment, text_date, RawSegment};
use crosscheck::text::normalize;
use crosscheck::SegmentKind;

fn texts(text: &str) -> Vec<&str> {
    segment(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

fn kinds(text: &str) -> Vec<(String, SegmentKind)> {
    segment(text)
        .iter()
        .map(|s| (text[s.start..s.end].to_string(), s.kind))
        .collect()
}

fn kind_of(text: &str, needle: &str) -> SegmentKind {
    let segs = segment(text);
    let hits: Vec<&RawSegment> = segs
        .iter()
        .filter(|s| text[s.start..s.end].contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "{needle:?} in {:?}", kinds(text));
    hits[0].kind
}

fn check_invariants(text: &str) {
    let segs = segment(text);
    let mut last = 0;
    for s in &segs {
        assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim(), "untrimmed {t:?}");
        last = s.end;
    }
}

// ---- sentence splitting ----

#[test]
fn abbreviations_do_not_split() {
    let t = "Mr. Smith met Dr. Jones and Gen. Lee in the U.S. capital on Sept. 8 at 9 a.m. local time. They left.";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
    let t = "The bill of Rs. 500 crore passed in Washington, D.C. on Friday. It was signed.";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
    let t = "The U.N. envoy spoke. Officials in the U.K. Foreign Office agreed.";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
}

#[test]
fn dotted_abbreviation_ends_a_sentence_before_a_starter() {
    let t = "The sanctions were imposed by the U.S. The ministry denied it.";
    assert_eq!(
        texts(t),
        [
            "The sanctions were imposed by the U.S.",
            "The ministry denied it."
        ]
    );
}

#[test]
fn initials_and_months_stay_inside() {
    let t = "The novel by J. R. Hartley came out in Jan. 2020 and sold well. It won prizes.";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
}

#[test]
fn decimals_do_not_split() {
    let t = "The 7.8-magnitude quake cost $9.7m in damage. Aid followed.";
    assert_eq!(
        texts(t),
        [
            "The 7.8-magnitude quake cost $9.7m in damage.",
            "Aid followed."
        ]
    );
}

#[test]
fn closing_quote_stays_with_its_sentence() {
    let t = "\"The grid was hit by the same group that attacked other systems.\" Officials agreed.";
    assert_eq!(
        texts(t),
        [
            "\"The grid was hit by the same group that attacked other systems.\"",
            "Officials agreed."
        ]
    );
    let t = "\u{201C}We are fine,\u{201D} he said. \u{201C}Next week we rebuild.\u{201D}";
    assert_eq!(
        texts(t),
        [
            "\u{201C}We are fine,\u{201D} he said.",
            "\u{201C}Next week we rebuild.\u{201D}"
        ]
    );
}

#[test]
fn ellipses_inside_a_sentence_do_not_split() {
    for t in [
        "Support for the claim by the council...shows who wrote the plan, she said.",
        "Support for the claim by the council\u{2026} show who wrote the plan, she said.",
        "Support for the claim by the council ... clearly shows who wrote it, she said.",
        "Support for the claim by the council ... The rest was cut, she said.",
    ] {
        assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    }
}

#[test]
fn question_and_exclamation_marks_split() {
    let t = "Was it the same group? Officials think so! Nobody else does.";
    assert_eq!(texts(t).len(), 3);
    let t = "\u{201C}Why now?\u{201D} she asked.";
    assert_eq!(texts(t).len(), 1);
}

#[test]
fn lost_space_after_a_stop_or_quote_splits() {
    let t = "The bridge closed on Monday.The mayor said it would reopen.";
    assert_eq!(
        texts(t),
        [
            "The bridge closed on Monday.",
            "The mayor said it would reopen."
        ]
    );
    let t = "\u{201C}Nobody came out alive.\u{201D}Rescue teams left at night.";
    assert_eq!(
        texts(t),
        [
            "\u{201C}Nobody came out alive.\u{201D}",
            "Rescue teams left at night."
        ]
    );
    // A domain or a dotted abbreviation is not a glued sentence.
    assert_eq!(texts("Visit example.com for more.").len(), 1);
    assert_eq!(texts("Some storms, e.g.Katrina, were worse.").len(), 1);
}

#[test]
fn times_lists_addresses_and_four_dot_ellipses() {
    // A weekday after "a.m." goes on; a personal title after a clause with its verb starts anew.
    let t = "The quake struck at 4:17 a.m. Monday, officials said. Aid followed.";
    assert_eq!(texts(t).len(), 2, "{:?}", texts(t));
    let t = "Police arrived at 6 p.m. Mr. Jones was detained later.";
    assert_eq!(
        texts(t),
        ["Police arrived at 6 p.m.", "Mr. Jones was detained later."]
    );
    let t = "At 6 p.m. Mr. Jones was detained, police said.";
    assert_eq!(texts(t).len(), 1, "{:?}", texts(t));
    // List items, with or without their own stop.
    assert_eq!(
        texts("(a) Rebuild the bridge (b) Reopen the school"),
        ["(a) Rebuild the bridge", "(b) Reopen the school"]
    );
    assert_eq!(
        texts("1.) Roads reopen. 2.) Schools follow."),
        ["1.) Roads reopen.", "2.) Schools follow."]
    );
    // An address is not a lost space; four stops end a sentence, three do not.
    assert_eq!(
        texts("Write to press.office@example.org. The office replies."),
        ["Write to press.office@example.org.", "The office replies."]
    );
    assert_eq!(
        texts("The council.... The rest was cut."),
        ["The council....", "The rest was cut."]
    );
    assert_eq!(texts("The council... The rest was cut.").len(), 1);
    assert_eq!(texts("In the U.K. What happens next is unclear.").len(), 2);
}

#[test]
fn lines_and_blank_lines_are_paragraphs() {
    let t = "A title line\n\nFirst para one. First para two.\nSecond para.\n\n\nThird para.";
    let segs = segment(t);
    let paras: Vec<u32> = segs.iter().map(|s| s.paragraph).collect();
    assert_eq!(paras, [0, 1, 1, 2, 3]);
    check_invariants(t);
}

/// A sentence hard-wrapped onto the next line is one segment; what only looks like one is not.
/// One row per case: (text, the segments expected).
#[test]
fn a_sentence_wrapped_onto_the_next_line_is_one() {
    let rows: &[(&str, &[&str])] = &[
        // Wrapped: open end, running text, a lower-case word next.
        (
            "The storm cut power to homes in the\nnorth of the county on Sunday.",
            &["The storm cut power to homes in the\nnorth of the county on Sunday."],
        ),
        (
            "Officials said the bridge, which opened in 1990,\nwould stay shut.",
            &["Officials said the bridge, which opened in 1990,\nwould stay shut."],
        ),
        (
            "Crews worked through the\r\nnight to clear the road.",
            &["Crews worked through the\r\nnight to clear the road."],
        ),
        (
            "It was carried by the\nwire services and\nlocal radio.",
            &["It was carried by the\nwire services and\nlocal radio."],
        ),
        // Not wrapped: the line ends a sentence.
        (
            "The road is closed.\nmore updates follow.",
            &["The road is closed.", "more updates follow."],
        ),
        // Not wrapped: a blank line between.
        (
            "The storm cut power to homes in the\n\nnorth of the county.",
            &[
                "The storm cut power to homes in the",
                "north of the county.",
            ],
        ),
        // Not wrapped: list items and menu lines have no function word.
        (
            "weather warnings\nflood maps\ntravel updates",
            &["weather warnings", "flood maps", "travel updates"],
        ),
        // Not wrapped: a link or handle on the next line is no word.
        (
            "Rescuers pulled a family from the water at the\npic.twitter.com/abc123",
            &[
                "Rescuers pulled a family from the water at the",
                "pic.twitter.com/abc123",
            ],
        ),
        // Not wrapped: the next line opens with a capital.
        (
            "The storm cut power to homes in the\nNorth of the county lost power too.",
            &[
                "The storm cut power to homes in the",
                "North of the county lost power too.",
            ],
        ),
    ];
    for (text, expected) in rows {
        assert_eq!(&texts(text), expected, "{text:?}");
        check_invariants(text);
    }
}
#[test]
fn lowercase_after_a_stop_does_not_split() {
    let t = "He said it in a statement. a statement.";
    assert_eq!(texts(t).len(), 1);
}

// ---- kinds ----

#[test]
fn title_line_is_a_headline() {
    let t = "Floods cut off mountain villages as rivers rise\n\nHeavy rain cut off dozens of villages on Tuesday, officials said.";
    let k = kinds(t);
    assert_eq!(k[0].1, SegmentKind::Headline);
    assert_eq!(k[1].1, SegmentKind::Claim);
}

#[test]
fn a_standfirst_without_a_stop_after_the_title_stays_a_claim() {
    let t = "Floods cut off mountain villages\nThe latest on the northern floods\nHeavy rain cut off dozens of villages, officials said.";
    assert_eq!(kind_of(t, "The latest"), SegmentKind::Claim);
}

#[test]
fn a_section_label_before_the_title_is_boilerplate() {
    let t = "World news\nFloods cut off mountain villages\nHeavy rain cut off dozens of villages, officials said.";
    assert_eq!(kind_of(t, "World news"), SegmentKind::Boilerplate);
    assert_eq!(kind_of(t, "Floods cut off"), SegmentKind::Headline);
}

#[test]
fn a_first_sentence_with_attribution_is_not_a_headline() {
    let t = "Heavy rain cut off dozens of villages, officials said on Tuesday.\nRoads were closed.";
    assert!(kinds(t).iter().all(|(_, k)| *k == SegmentKind::Claim));
}

#[test]
fn dek_after_a_date_stamp_is_a_headline() {
    let t = " date 2021-03-04 Ministry blames storms for the failure of the northern grid.\n\nThe grid failed on Wednesday, the ministry said.";
    let k = kinds(t);
    assert_eq!(
        k[0],
        ("date 2021-03-04".to_string(), SegmentKind::Boilerplate)
    );
    assert_eq!(k[1].1, SegmentKind::Headline);
    assert_eq!(k[2].1, SegmentKind::Claim);
}

#[test]
fn subheadings_that_state_something_are_headlines_and_bare_ones_are_boilerplate() {
    let t = "Floods cut off mountain villages\n\nRain fell all week, officials said.\n\nMayor accused of 'ignoring the warnings'\n\nThe mayor was accused of ignoring the warnings.\n\nLocal anger\n\nResidents protested on Friday.\n\nWhat did the council say?\n\nThe council said it acted fast.\n\n'Nobody listened'\n\nResidents said nobody listened to them.";
    assert_eq!(kind_of(t, "Mayor accused of"), SegmentKind::Headline);
    assert_eq!(kind_of(t, "Local anger"), SegmentKind::Boilerplate);
    assert_eq!(
        kind_of(t, "What did the council say?"),
        SegmentKind::Boilerplate
    );
    assert_eq!(kind_of(t, "'Nobody listened'"), SegmentKind::Boilerplate);
    assert_eq!(kind_of(t, "Residents protested"), SegmentKind::Claim);
}

#[test]
fn links_navigation_captions_stamps_bylines_and_urls_are_boilerplate() {
    let t = "https://news.example.com/2021/03/04/floods\nFloods cut off villages\nBy Jane Doe and John Roe\nPublished: 4 March 2021\nRescuers wade through water in a village, March 4, 2021. (AP Photo/Jane Doe)\nRain fell all week, officials said.\nRead more: Storms Batter The Coast Again\nPrevious Bakery opens second shop in town\nNext City council approves new budget";
    for bp in [
        "https://news.example.com",
        "By Jane Doe",
        "Published: 4 March 2021",
        "Rescuers wade",
        "(AP Photo/Jane Doe)",
        "Read more:",
        "Previous Bakery",
        "Next City council",
    ] {
        assert_eq!(kind_of(t, bp), SegmentKind::Boilerplate, "{bp}");
    }
    assert_eq!(kind_of(t, "Floods cut off"), SegmentKind::Headline);
    assert_eq!(kind_of(t, "Rain fell"), SegmentKind::Claim);
    let t = "Storm hits coast\nWaves hit the coast. Photograph: Jane Doe/Reuters\nJane Doe | Reuters\nThe storm passed.";
    assert_eq!(kind_of(t, "Waves hit"), SegmentKind::Boilerplate);
    assert_eq!(kind_of(t, "Jane Doe | Reuters"), SegmentKind::Boilerplate);
    assert_eq!(kind_of(t, "The storm passed."), SegmentKind::Claim);
}

#[test]
fn raw_page_furniture_of_several_styles_is_boilerplate() {
    let t = "https://news.example.org/world/floods-2021-03-04/\n\
Floods cut off mountain villages as rivers burst their banks\n\
By Jane Doe and John Roe\n\
March 4, 20213:04 PM GMTUpdated 2 hours ago\n\
First published on Thu 4 Mar 2021 01.02 GMT\n\
Image source, Getty Images\n\
Image caption, Rescuers reached the valley on Thursday\n\
[1/5] Rescuers carry a woman through flood water in a valley village. REUTERS/Jane Doe\n\
GENOA, Italy, March 4 (Reuters) - Floods cut off dozens of villages on Thursday, officials said.\n\
Advertisement\n\
\u{201C}We lost everything,\u{201D} said one farmer. \u{201C}The water came at night.\u{201D}\n\
Share this with\n\
Email\n\
FILE - Soldiers fill sandbags on a river bank, March 2, 2021. (AP Photo/John Roe, File)\n\
The army sent 200 soldiers to the region.\n\
Associated Press writer Jane Doe in Rome contributed to this report.\n\
Reporting by Jane Doe; Editing by John Roe\n\
\u{00A9} 2021 Example News. All rights reserved.";
    let segs = segment(t);
    let claims: Vec<&str> = segs
        .iter()
        .filter(|s| s.kind != SegmentKind::Boilerplate)
        .map(|s| &t[s.start..s.end])
        .collect();
    assert_eq!(
        claims,
        [
            "Floods cut off mountain villages as rivers burst their banks",
            "GENOA, Italy, March 4 (Reuters) - Floods cut off dozens of villages on Thursday, officials said.",
            "\u{201C}We lost everything,\u{201D} said one farmer.",
            "\u{201C}The water came at night.\u{201D}",
            "The army sent 200 soldiers to the region.",
        ]
    );
    assert_eq!(
        segs.iter()
            .find(|s| s.kind != SegmentKind::Boilerplate)
            .map(|s| s.kind),
        Some(SegmentKind::Headline)
    );
    assert_eq!(text_date(t), chrono::NaiveDate::from_ymd_opt(2021, 3, 4));
}

#[test]
fn agency_captions_and_site_headers_are_boilerplate() {
    let t = "The Daily Example\n\
1. Home\n\
2. World\n\
Floods cut off mountain villages as rivers rise\n\
- By Jane Doe and John Roe\n\
Rescuers carry a woman through water in Genoa, Italy, Thursday, March 4, 2021. Heavy rain has cut off dozens of villages.\n\
Photo shows a flooded street in Genoa on Thursday.\n\
Heavy rain cut off dozens of villages on Thursday, officials said.\n\
The army was sent in.";
    let segs = segment(t);
    let kept: Vec<(&str, SegmentKind)> = segs
        .iter()
        .filter(|s| s.kind != SegmentKind::Boilerplate)
        .map(|s| (&t[s.start..s.end], s.kind))
        .collect();
    assert_eq!(
        kept,
        [
            (
                "Floods cut off mountain villages as rivers rise",
                SegmentKind::Headline
            ),
            (
                "Heavy rain cut off dozens of villages on Thursday, officials said.",
                SegmentKind::Claim
            ),
            ("The army was sent in.", SegmentKind::Claim),
        ]
    );
    // A sentence that merely mentions a date is not a caption.
    let t = "Storm hits coast\nThe storm began on March 4, 2021, officials said.\nIt passed.";
    assert_eq!(kind_of(t, "The storm began"), SegmentKind::Claim);
}

#[test]
fn scraped_page_chrome_is_boilerplate() {
    let t = " date 2021-03-04 Skip to main content\n\
WorldEuropeTop Stories\n\
Floods cut off mountain villages as rivers rise\n\
Example Wire | Genoa | Updated: 04-03-2021 10:12 CET | Created: 04-03-2021 09:00 CET\n\
Heavy rain cut off dozens of villages on Thursday, officials said.\n\
via example.com\n\
Source: https://example.com/floods/2021/03/04\n\
Leave a Reply\n\
Your email address will not be published. Required fields are marked *\n\
Current:Home > NewsFloods cut off villages\n\
\u{2014} Jane Doe (@janedoe) March 4, 2021\n\
Screenshot of the council's message\n\
Source: Example Wire";
    let segs = segment(t);
    let kept: Vec<(&str, SegmentKind)> = segs
        .iter()
        .filter(|s| s.kind != SegmentKind::Boilerplate)
        .map(|s| (&t[s.start..s.end], s.kind))
        .collect();
    assert_eq!(
        kept,
        [
            (
                "Floods cut off mountain villages as rivers rise",
                SegmentKind::Headline
            ),
            (
                "Heavy rain cut off dozens of villages on Thursday, officials said.",
                SegmentKind::Claim
            ),
        ]
    );
}

#[test]
fn a_sentence_starting_with_next_is_not_navigation() {
    let t = "Storm hits coast\nNext week the council will vote on the budget.\nIt is due.";
    assert_eq!(kind_of(t, "Next week"), SegmentKind::Claim);
    let t = "Next Prime Minister To Be Named On Monday\nThe party will vote on Monday.\nIt is due.";
    assert_eq!(kind_of(t, "Next Prime"), SegmentKind::Headline);
    let t = "Quake aftermath in pictures (PHOTOS)\nThe party will vote on Monday.\nIt is due.";
    assert_eq!(kind_of(t, "(PHOTOS)"), SegmentKind::Headline);
}

#[test]
fn repeated_fragment_on_its_own_line_is_boilerplate() {
    let t =
        "Storm hits coast\nThe council said so in a statement.\na statement.\nThe storm passed.";
    let segs = segment(t);
    assert_eq!(segs.len(), 4);
    assert_eq!(segs[2].kind, SegmentKind::Boilerplate);
}

// ---- furniture of unfamiliar pages: one row per rule, on sentences of our own ----

struct FurnitureRow {
    rule: &'static str,
    text: &'static str,
    /// Each is the whole text of at least one segment, and every segment holding it is
    /// boilerplate.
    boiler: &'static [&'static str],
    /// Every segment holding each of these is a claim or headline, and there is one.
    kept: &'static [&'static str],
}

const FURNITURE_ROWS: &[FurnitureRow] = &[
    FurnitureRow {
        rule: "a caption repeated word for word: the caption and its repetition",
        text: "Storm floods coastal towns\n\
Volunteers stack sandbags outside the harbour office\n\
The river rose two metres overnight, the mayor said.\n\
Schools will stay shut until Monday.\n\
Volunteers stack sandbags outside the harbour office\n\
Firefighters pump water from a flooded basement.\n\
The army sent two boats to the valley.\n\
Firefighters pump water from a flooded basement.",
        boiler: &[
            "Volunteers stack sandbags outside the harbour office",
            "Firefighters pump water from a flooded basement.",
        ],
        kept: &["The river rose", "Schools will stay", "The army sent"],
    },
    FurnitureRow {
        rule: "a repeated line that reports or quotes is no caption",
        text: "Storm floods coastal towns\n\
The river rose two metres overnight, the mayor said.\n\
Schools will stay shut until Monday.\n\
The river rose two metres overnight, the mayor said.\n\
\u{201C}We will rebuild every house.\u{201D}\n\
The army sent two boats to the valley.\n\
\u{201C}We will rebuild every house.\u{201D}\n\
Floods killed two people in the valley on Sunday.\n\
Floods killed two people in the valley on Sunday.",
        boiler: &[],
        kept: &[
            "The river rose",
            "We will rebuild",
            "Schools will stay",
            "Floods killed",
        ],
    },
    FurnitureRow {
        rule: "caption labels glued to sentences by lost line breaks",
        text: "Storm floods coastal towns\n\
Floods hit several towns in the south.Image caption Rescuers search a collapsed shed in the valleyThe regional government declared an emergency on Monday.\n\
Image source, Getty ImagesImage caption, Firefighters pump water from a basement.Power was restored by noon, the utility said.\n\
Media caption, The mayor visits a shelter in the old townSchools will stay shut until Monday.",
        boiler: &[
            "Image caption Rescuers search a collapsed shed in the valley",
            "Image source, Getty Images",
            "Image caption, Firefighters pump water from a basement.",
            "Media caption, The mayor visits a shelter in the old town",
        ],
        kept: &[
            "Floods hit several towns in the south.",
            "The regional government declared an emergency on Monday.",
            "Power was restored by noon, the utility said.",
            "Schools will stay shut until Monday.",
        ],
    },
    FurnitureRow {
        rule: "published and updated stamps",
        text: "Storm floods coastal towns\n\
Published: 3 June 2023 | Updated: 4 June 2023\n\
Last updated: 4 June 2023, 10:32 BST\n\
Updated 10:32 GMT\n\
Last updated 2 hours ago\n\
The river rose two metres overnight, the mayor said.\n\
Updated 4 June 2023, 11:05 amThe army sent two boats to the valley.",
        boiler: &[
            "Published: 3 June 2023 | Updated: 4 June 2023",
            "Last updated: 4 June 2023, 10:32 BST",
            "Updated 10:32 GMT",
            "Last updated 2 hours ago",
            "Updated 4 June 2023, 11:05 am",
        ],
        kept: &["The river rose", "The army sent two boats to the valley."],
    },
    FurnitureRow {
        rule: "intro lines that only announce a list",
        text: "Storm floods coastal towns\n\
The river rose two metres overnight, the mayor said.\n\
Here are the key points:\n\
- Schools will stay shut until Monday.\n\
- The army sent two boats to the valley.\n\
Here\u{2019}s what we know:\n\
The storm moved north on Sunday.\n\
Key points:\n\
Power was restored by noon.\n\
The mayor told reporters:\n\
\u{201C}We will rebuild every house.\u{201D}\n\
The council set out three demands:\n\
More pumps, more boats and more money.",
        boiler: &[
            "Here are the key points:",
            "Here\u{2019}s what we know:",
            "Key points:",
        ],
        kept: &[
            "The mayor told reporters:",
            "The council set out three demands:",
            "Schools will stay",
            "The storm moved north",
        ],
    },
    FurnitureRow {
        rule: "tag and topic lines",
        text: "Storm floods coastal towns\n\
The river rose two metres overnight, the mayor said.\n\
Schools will stay shut until Monday.\n\
Tags: Floods, Weather, Emergency services\n\
Topics: Weather\n\
Related Topics\n\
Filed under: World, Europe",
        boiler: &[
            "Tags: Floods, Weather, Emergency services",
            "Topics: Weather",
            "Related Topics",
            "Filed under: World, Europe",
        ],
        kept: &["The river rose", "Schools will stay"],
    },
    FurnitureRow {
        rule: "an embedded social post's credit line",
        text: "Storm floods coastal towns\n\
The river rose two metres overnight, the mayor said.\n\
The water is still rising in our street pic.twitter.com/AbC123xyz \u{2014} Jane Doe (@janedoe) June 5, 2023\n\
Boats are out on the main square now.\n\
\u{2014} John Roe (@johnroe) June 5, 2023\n\
A post shared by Jane Doe (@janedoe)\n\
Sandbags went up overnight pic.twitter.com/Zx9QwErTy1\n\
The mayor \u{2014} who wrote (@harbourmayor) on June 5, 2023 that roads were shut \u{2014} stayed.\n\
Schools will stay shut until Monday.",
        boiler: &[
            "pic.twitter.com/AbC123xyz \u{2014} Jane Doe (@janedoe) June 5, 2023",
            "\u{2014} John Roe (@johnroe) June 5, 2023",
            "A post shared by Jane Doe (@janedoe)",
            "pic.twitter.com/Zx9QwErTy1",
        ],
        kept: &[
            "The water is still rising in our street",
            "Boats are out on the main square now.",
            "Sandbags went up overnight",
            "who wrote (@harbourmayor) on June 5, 2023 that roads were shut",
            "Schools will stay shut",
        ],
    },
];

#[test]
fn furniture_of_unfamiliar_pages_is_boilerplate() {
    let mut wrong = Vec::new();
    for row in FURNITURE_ROWS {
        check_invariants(row.text);
        let segs = segment(row.text);
        let holding = |needle: &str| -> Vec<(&str, SegmentKind)> {
            segs.iter()
                .map(|s| (&row.text[s.start..s.end], s.kind))
                .filter(|(t, _)| t.contains(needle))
                .collect()
        };
        for &b in row.boiler {
            let hits = holding(b);
            if !hits.iter().any(|(t, _)| *t == b)
                || hits.iter().any(|(_, k)| *k != SegmentKind::Boilerplate)
            {
                wrong.push(format!(
                    "{}: {b:?} should be boilerplate: {hits:?}",
                    row.rule
                ));
            }
        }
        for &c in row.kept {
            let hits = holding(c);
            if hits.is_empty() || hits.iter().any(|(_, k)| *k == SegmentKind::Boilerplate) {
                wrong.push(format!("{}: {c:?} should be kept: {hits:?}", row.rule));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_repeated_title_stays_the_title_and_its_repetition_is_boilerplate() {
    let t = "Storm floods coastal towns\nThe river rose two metres overnight, the mayor said.\nSchools will stay shut.\nStorm floods coastal towns\nThe army sent two boats.";
    let k: Vec<SegmentKind> = kinds(t)
        .into_iter()
        .filter(|(s, _)| s == "Storm floods coastal towns")
        .map(|(_, k)| k)
        .collect();
    assert_eq!(k, [SegmentKind::Headline, SegmentKind::Boilerplate]);
}

// ---- glued boilerplate ----

#[test]
fn link_title_glued_to_a_sentence_is_split() {
    let t = "Storm hits coast\nSEE ALSO: Floods Hit Coastal Towns In Northern ItalyThe mayor of Genoa said on Monday that roads had reopened.";
    let k = kinds(t);
    assert_eq!(
        k[1],
        (
            "SEE ALSO: Floods Hit Coastal Towns In Northern Italy".to_string(),
            SegmentKind::Boilerplate
        )
    );
    assert_eq!(
        k[2].0,
        "The mayor of Genoa said on Monday that roads had reopened."
    );
    assert_eq!(k[2].1, SegmentKind::Claim);
    assert!(segment(t)[2].paragraph > segment(t)[1].paragraph);
    // Sentence-case link title and a camel-case brand inside the title.
    let t = "Storm hits coast\nRead more: YouTube removes storm videos in ItalyIn addition, the mayor said roads had reopened.";
    let k = kinds(t);
    assert_eq!(k[1].0, "Read more: YouTube removes storm videos in Italy");
    assert_eq!(k[2].0, "In addition, the mayor said roads had reopened.");
    // A glued opening quote goes with the sentence.
    let t = "Storm hits coast\nSEE ALSO: Floods Hit Coastal Towns In Italy\u{201C}We are safe,\u{201D} the mayor said.";
    let k = kinds(t);
    assert_eq!(k[1].0, "SEE ALSO: Floods Hit Coastal Towns In Italy");
    assert_eq!(k[2].0, "\u{201C}We are safe,\u{201D} the mayor said.");
}

#[test]
fn navigation_lines_glued_together_are_split() {
    let t = "Storm hits coast\nThe storm passed.\nPrevious Bakery opens second shop in TownNext Council approves new budget";
    let k = kinds(t);
    assert_eq!(k.len(), 4, "{k:?}");
    assert!(k[2..].iter().all(|(_, k)| *k == SegmentKind::Boilerplate));
}

#[test]
fn date_stamp_glued_to_a_sentence_is_split() {
    let t = "date 2021-03-04 Rain cut off dozens of villages, officials said.";
    let k = kinds(t);
    assert_eq!(
        k[0],
        ("date 2021-03-04".to_string(), SegmentKind::Boilerplate)
    );
    assert_eq!(k[1].0, "Rain cut off dozens of villages, officials said.");
    let t = "Published 4 Mar 2021Rain cut off dozens of villages, officials said.";
    let k = kinds(t);
    assert_eq!(
        k[0],
        ("Published 4 Mar 2021".to_string(), SegmentKind::Boilerplate)
    );
    assert_eq!(k[1].0, "Rain cut off dozens of villages, officials said.");
}

#[test]
fn caption_credit_glued_to_a_sentence_is_split() {
    let t = "Storm hits coast\nRescuers wade through water. (AP Photo)Heavy rain cut off villages, officials said.";
    let k = kinds(t);
    assert_eq!(k[1].1, SegmentKind::Boilerplate);
    assert_eq!(k[2], ("(AP Photo)".to_string(), SegmentKind::Boilerplate));
    assert_eq!(
        k[3],
        (
            "Heavy rain cut off villages, officials said.".to_string(),
            SegmentKind::Claim
        )
    );
}

// ---- publication date ----

#[test]
fn text_date_reads_stated_metadata_only() {
    use chrono::NaiveDate;
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    assert_eq!(
        text_date(" date 2022-09-10 Something happened."),
        d(2022, 9, 10)
    );
    assert_eq!(
        text_date("Title\nPublished: 10 September 2022\nText."),
        d(2022, 9, 10)
    );
    assert_eq!(
        text_date("Title\nSat 10 Sep 2022 12.35 BST\nText."),
        d(2022, 9, 10)
    );
    assert_eq!(
        text_date("https://x.example/news/2023/02/09/quake\nTitle\nText."),
        d(2023, 2, 9)
    );
    assert_eq!(
        text_date("Title\nOn 10 September 2022 the ministry said so."),
        None
    );
    assert_eq!(
        text_date("Title\nUpdated 3:04 PM ET, Sun September 11, 2022\nText."),
        d(2022, 9, 11)
    );
    assert_eq!(
        text_date("Title\nUpdated: 11 September 2022\nPublished: 10 September 2022\nText."),
        d(2022, 9, 10)
    );
    assert_eq!(
        text_date("Title\nUpdated figures show 20 dead.\nText."),
        None
    );
    assert_eq!(text_date("Title\n04/03/21 10:12\nText."), None);
    assert_eq!(text_date(""), None);
}

// ---- robustness ----

#[test]
fn hostile_unicode_never_panics_and_keeps_invariants() {
    let samples = [
        "",
        "   \n\n\t ",
        "\u{0301}\u{0301}. \u{0301}A.",
        "\u{202E}\u{05E9}\u{05DC}\u{05D5}\u{05DD}. \u{05E2}\u{05D5}\u{05DC}\u{05DD}.\u{202C}",
        "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}. \u{0627}\u{0644}\u{0639}\u{0627}\u{0644}\u{0645}\u{061F} \u{0646}\u{0639}\u{0645}",
        "\u{0000}\u{0007}\u{001B}[31m. X.\r\n\u{0085}Y.\u{2028}Z.",
        "\u{FEFF}\u{200B}Title\u{200B}\n\u{FEFF}",
        "\u{4E2D}\u{6587}\u{3002}\u{65E5}\u{672C}\u{FF01}\u{FF1F}",
        "SEE ALSO:",
        "SEE ALSO: \u{0301}",
        "(AP Photo",
        "((((((AP Photo))))))",
        "date 9999-99-99",
        "\"\"\"\"...\u{2026}\u{2026}!?!?",
        ". . . . .",
        "Next",
        "PreviousNext",
        "a.B.c.D.e.F",
        "\u{1F600}.\u{1F600} \u{1F600}. \u{0130}stanbul.\u{0130}zmir",
    ];
    for s in samples {
        check_invariants(s);
        let _ = text_date(s);
    }
    // Deterministic pseudo-random strings over an alphabet of troublesome characters.
    let alphabet: Vec<char> = "aZ .\n\r\t\"'()[]?!\u{2026}\u{201C}\u{201D}\u{2019}\u{0301}\u{05D0}\u{0627}\u{3002}\u{FEFF}\u{200B}\u{0000}\u{2028}0:/-|SEALOPhtNx"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let len = (seed % 60) as usize;
        let mut s = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        check_invariants(&s);
        let _ = text_date(&s);
    }
}

#[test]
fn large_input_is_linear() {
    let para = "The council said on Monday that roads had reopened in the U.S. state. \u{201C}We are fine,\u{201D} he said... Next week the vote comes.\n";
    let big: String = para.repeat(40_000); // about 5 MB; release builds do 10 MB in about a second
    let start = std::time::Instant::now();
    let segs = segment(&big);
    assert!(segs.len() >= 80_000);
    let one_line: String = "a.a.a.a.a(a(a(photo)".repeat(200_000);
    let segs2 = segment(&one_line);
    check_invariants(&one_line[..2000]);
    assert!(!segs2.is_empty());
    let dots = ".".repeat(2_000_000);
    let _ = segment(&dots);
    let caps = "AbCdEfGh ".repeat(200_000);
    let _ = segment(&format!("SEE ALSO: {caps}"));
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
    let start = std::time::Instant::now();
    // Shapes that wake the list, ellipsis, caption-label, post-credit and repeat rules.
    for piece in [
        "1) a ",
        "\u{2022} 9. A ",
        ". . . . ",
        "Image caption, Ab",
        "Image source, A ",
        "\u{2014} A (@a) June 5, 2023 ",
        "\u{2014}\u{2014}(@",
        "pic.twitter.com/",
        "A post shared by (@a) on ",
        "a.m. Mr. ",
    ] {
        let one_line = piece.repeat(200_000 / piece.len());
        let cut = (0..=one_line.len().min(4_000))
            .rev()
            .find(|&i| one_line.is_char_boundary(i))
            .unwrap_or(0);
        check_invariants(&one_line[..cut]);
        let _ = segment(&one_line);
    }
    let captions = "Volunteers stack sandbags outside the harbour office\n".repeat(20_000);
    let segs3 = segment(&captions);
    assert!(segs3[1..]
        .iter()
        .all(|s| s.kind == SegmentKind::Boilerplate));
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

/// Pieces that wake the list, ellipsis, title, address, caption-label, post-signature, stamp,
/// intro and repeat rules, mixed with troublesome characters.
const RULE_PIECES: &[&str] = &[
    "Image caption, ",
    "Image source, ",
    "Media caption",
    "Getty Images",
    "pic.twitter.com/",
    "\u{2014} ",
    " - ",
    "(@a)",
    "(@",
    "June 5, 2023",
    "A post shared by ",
    " on ",
    "1.) ",
    "2) ",
    "(a) ",
    "(b) ",
    "\u{2022} ",
    "\u{2043}",
    "9. ",
    "10.",
    "a.m. ",
    "P.M.",
    "Mr. ",
    ". . . ",
    "....",
    "\u{2026}.",
    "[...]",
    "Jane.Doe@example.org",
    "Here are the key points:",
    "Key points:",
    "Tags: ",
    "Updated 10:32 amThe ",
    "Rescuers search the rubble",
    "He left",
    "The",
    "How",
    "\n",
    "\n",
    " ",
    " ",
    ".",
    "\u{201D}",
    "\u{00E9}",
    "\u{0130}",
    "\u{200B}",
    "\u{0301}",
    "\u{05D0}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn rule_pieces_keep_the_span_invariants(
        picks in proptest::collection::vec(0..RULE_PIECES.len(), 0..60)
    ) {
        let text: String = picks.iter().map(|&i| RULE_PIECES[i]).collect();
        check_invariants(&text);
        let segs = segment(&text);
        proptest::prop_assert!(segs.iter().all(|s| s.start < s.end));
    }
}

// ---- gold ----

struct Report {
    keys: usize,
    matched: usize,
    kind_ok: usize,
    problems: Vec<String>,
    bp_engine: usize,
    bp_gold: usize,
    bp_hit: usize,
}

fn check_cluster(dir: &Path, gold: &Path) -> Report {
    let mut by_source: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in std::fs::read_to_string(gold).expect("gold").lines() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line");
        by_source
            .entry(v["source"].as_str().unwrap_or_default().to_string())
            .or_default()
            .push((
                v["key"].as_str().unwrap_or_default().to_string(),
                v["kind"].as_str().unwrap_or_default().to_string(),
            ));
    }
    let mut r = Report {
        keys: 0,
        matched: 0,
        kind_ok: 0,
        problems: Vec::new(),
        bp_engine: 0,
        bp_gold: 0,
        bp_hit: 0,
    };
    for (source, keys) in &by_source {
        let path: PathBuf = dir.join(format!("{source}.txt"));
        let text = std::fs::read_to_string(&path).expect("article");
        check_invariants(&text);
        let segs = segment(&text);
        let norm: Vec<String> = segs
            .iter()
            .map(|s| normalize(&text[s.start..s.end]))
            .collect();
        let mut keys_in_seg = vec![0usize; segs.len()];
        let mut bp_hit_ids = std::collections::BTreeSet::new();
        for (key, kind) in keys {
            r.keys += 1;
            let k = normalize(key);
            let hits: Vec<usize> = (0..segs.len()).filter(|&i| norm[i].contains(&k)).collect();
            if kind == "boilerplate" {
                r.bp_gold += 1;
            }
            if hits.len() != 1 {
                r.problems
                    .push(format!("{source}: key {key:?} in {} segments", hits.len()));
                continue;
            }
            r.matched += 1;
            let i = hits[0];
            keys_in_seg[i] += 1;
            let got = match segs[i].kind {
                SegmentKind::Claim => "claim",
                SegmentKind::Headline => "headline",
                SegmentKind::Boilerplate => "boilerplate",
            };
            if got == kind {
                r.kind_ok += 1;
            } else {
                r.problems.push(format!(
                    "{source}: key {key:?} is {got}, gold {kind}: {:?}",
                    &text[segs[i].start..segs[i].end]
                ));
            }
            if kind == "boilerplate" && got == "boilerplate" {
                bp_hit_ids.insert(i);
            }
        }
        for (i, n) in keys_in_seg.iter().enumerate() {
            if *n > 1 {
                r.problems.push(format!(
                    "{source}: {n} keys in {:?}",
                    &text[segs[i].start..segs[i].end]
                ));
            }
        }
        for (i, s) in segs.iter().enumerate() {
            if s.kind == SegmentKind::Boilerplate {
                r.bp_engine += 1;
                if !bp_hit_ids.contains(&i) {
                    r.problems.push(format!(
                        "{source}: extra boilerplate {:?}",
                        &text[s.start..s.end]
                    ));
                }
            }
        }
        r.bp_hit += bp_hit_ids.len();
    }
    r
}

fn assert_report(name: &str, r: &Report) {
    let p = if r.bp_engine == 0 {
        1.0
    } else {
        r.bp_hit as f64 / r.bp_engine as f64
    };
    let rec = if r.bp_gold == 0 {
        1.0
    } else {
        r.bp_hit as f64 / r.bp_gold as f64
    };
    println!(
        "{name}: keys {} matched {} kind-right {}; boilerplate P {p:.3} R {rec:.3}",
        r.keys, r.matched, r.kind_ok
    );
    for p in &r.problems {
        println!("  {p}");
    }
    assert!(
        r.problems.is_empty(),
        "{name}: {} problems",
        r.problems.len()
    );
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seeds_match_their_gold() {
    let r = check_cluster(
        &root().join("../seeds"),
        &root().join("../tests/data/seeds.gold.jsonl"),
    );
    assert_report("seeds", &r);
}

/// The two dev clusters the segmenter was first checked on match their gold's segments exactly.
/// The eight newer ones are measured, not asserted: their boilerplate recall is in the LOCO
/// table (`docs/tuning.md`), where one agency sign-off line of one of them still reads as a claim.
#[test]
#[ignore = "needs ../shared/eval/dev (the labelled dev clusters); scripts/test.sh runs it when present"]
fn dev_clusters_match_their_gold() {
    let dev = root().join("../../shared/eval/dev");
    assert!(
        dev.is_dir(),
        "{} is needed (run ignored tests only where it is)",
        dev.display()
    );
    for c in ["cluster_a", "cluster_b"] {
        let gold = dev.join(format!("{c}.gold.jsonl"));
        assert!(gold.is_file(), "{} is missing", gold.display());
        let r = check_cluster(&dev.join(c), &gold);
        assert_report(c, &r);
    }
}
