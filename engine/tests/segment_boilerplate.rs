//! Boilerplate of unfamiliar news pages, one row per rule, on sentences of our own (never text
//! from the seeds or the labelled clusters): bylines, wire-service credits, picture credits and
//! captions, link and promo lines, date and post-signature lines, bare topic subheadings. Each
//! row also lists real report sentences the rule must leave alone.

#[path = "support/invariants.rs"]
mod invariants;

use crosscheck::segment::segment;
use crosscheck::SegmentKind;

struct Row {
    rule: &'static str,
    text: &'static str,
    /// Each is the whole text of at least one segment, and every segment holding it is
    /// boilerplate.
    boiler: &'static [&'static str],
    /// Every segment holding each of these is a claim or headline, and there is one.
    kept: &'static [&'static str],
}

const ROWS: &[Row] = &[
    Row {
        rule: "bylines with a reading-time note",
        text: "Floods cut off mountain villages as rivers rise\n\
BY Example News < 1 MINUTE READ\n\
Rain fell all week in the valley, officials said.\n\
By Jane Doe \u{00B7} 2 min read\n\
John Roe | 4 mins read\n\
The statement took two minutes to read.\n\
The army sent boats to the valley on Monday.",
        boiler: &[
            "BY Example News < 1 MINUTE READ",
            "By Jane Doe \u{00B7} 2 min read",
            "John Roe | 4 mins read",
        ],
        kept: &[
            "Floods cut off",
            "Rain fell",
            "The statement took two minutes",
            "The army sent",
        ],
    },
    Row {
        rule: "a byline with its time stamp",
        text: "Floods cut off mountain villages as rivers rise\n\
By Jane Doe Updated 10:32 AM EDT, Sat March 6, 2021\n\
Rain fell all week in the valley, officials said.",
        boiler: &["By Jane Doe Updated 10:32 AM EDT, Sat March 6, 2021"],
        kept: &["Floods cut off", "Rain fell"],
    },
    Row {
        rule: "a byline with a dated 'on' after the name",
        text: "Floods cut off mountain villages as rivers rise\n\
Posted by Jane Doe on March 6, 2021\n\
Rain fell all week in the valley, officials said.",
        boiler: &["Posted by Jane Doe on March 6, 2021"],
        kept: &["Floods cut off", "Rain fell"],
    },
    Row {
        rule: "a byline ending in a colon glued to the lede",
        text: "Floods cut off mountain villages as rivers rise\n\
By Example News Web Desk: Floods cut off dozens of villages on Thursday, officials said.\n\
By Tuesday: The river had risen two metres, the mayor said.\n\
By contrast: the coast stayed dry.",
        boiler: &["By Example News Web Desk:"],
        kept: &[
            "Floods cut off dozens of villages on Thursday, officials said.",
            "By Tuesday: The river had risen",
            "By contrast: the coast",
        ],
    },
    Row {
        rule: "a name with a newsroom role",
        text: "Paper names new political editor\n\
Jane DoeNorth Asia correspondent\n\
The newspaper named a new political editor on Monday.\n\
John Roe, Political Editor\n\
Mary Major Senior Reporter\n\
The editor starts work in May, the owner said.",
        boiler: &[
            "Jane DoeNorth Asia correspondent",
            "John Roe, Political Editor",
            "Mary Major Senior Reporter",
        ],
        kept: &[
            "Paper names new political editor",
            "The newspaper named",
            "The editor starts work",
        ],
    },
    Row {
        rule: "a bare author name alone on a line after the report has begun",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
The army sent boats to the valley on Monday.\n\
Jane Q. Doe",
        boiler: &["Jane Q. Doe"],
        kept: &["Rain fell", "The army sent"],
    },
    Row {
        rule: "a last line that states something is no author name",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Rivers Rise Again",
        boiler: &[],
        kept: &["Rain fell", "Rivers Rise Again"],
    },
    Row {
        rule: "a wire service's name alone on a line",
        text: "Floods cut off mountain villages as rivers rise\n\
AFP\n\
Rain fell all week in the valley, officials said.\n\
(Reuters)\n\
The AP reported flooding in three more villages.\n\
\u{2014} dpa\n\
The army sent boats to the valley on Monday.\n\
EFE",
        boiler: &["AFP", "(Reuters)", "\u{2014} dpa", "EFE"],
        kept: &["Rain fell", "The AP reported", "The army sent"],
    },
    Row {
        rule: "agency sign-offs and production notes",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
(With inputs from agencies)\n\
Edited by Jane Doe\n\
This story has been updated with new figures from the ministry.\n\
With agencies\n\
The agencies said the roads were closed.",
        boiler: &[
            "(With inputs from agencies)",
            "Edited by Jane Doe",
            "This story has been updated with new figures from the ministry.",
            "With agencies",
        ],
        kept: &["Rain fell", "The agencies said"],
    },
];

#[test]
fn furniture_of_unfamiliar_pages_is_boilerplate_one_row_per_rule() {
    let mut wrong = Vec::new();
    for row in ROWS {
        let segs = segment(row.text);
        if let Err(e) = invariants::check_segments(row.text, &segs) {
            wrong.push(format!("{}: {e}", row.rule));
        }
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
