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
    Row {
        rule: "picture credits alone on a line",
        text: "Floods cut off mountain villages as rivers rise\n\
Jane Doe / Getty\n\
Rain fell all week in the valley, officials said.\n\
REUTERS/Jane Doe\n\
\u{00A9} Jane Doe/dpa\n\
John Roe / Bloomberg\n\
STR / AFP - Getty Images\n\
2021 Getty Images\n\
(Photo by Jane Doe/Getty Images)\n\
Photo: John Roe\n\
Credit: Jane Doe/AP\n\
AFP via Getty Images\n\
The army sent boats to the valley on Monday.",
        boiler: &[
            "Jane Doe / Getty",
            "REUTERS/Jane Doe",
            "\u{00A9} Jane Doe/dpa",
            "John Roe / Bloomberg",
            "STR / AFP - Getty Images",
            "2021 Getty Images",
            "(Photo by Jane Doe/Getty Images)",
            "Photo: John Roe",
            "Credit: Jane Doe/AP",
            "AFP via Getty Images",
        ],
        kept: &["Rain fell", "The army sent"],
    },
    Row {
        rule: "a caption label opens a caption line",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Image: Rescuers carry a woman through flood water in the valley\n\
ABOVE: A boat ferries residents across the flooded square on Sunday.\n\
Left: The bridge before the flood. Right: The bridge on Monday.\n\
Pictured: Volunteers fill sandbags\n\
Right now, the river is still rising, the mayor said.\n\
Top officials met in the town hall on Monday.",
        boiler: &[
            "Image: Rescuers carry a woman through flood water in the valley",
            "ABOVE: A boat ferries residents across the flooded square on Sunday.",
            "Left: The bridge before the flood.",
            "Right: The bridge on Monday.",
            "Pictured: Volunteers fill sandbags",
        ],
        kept: &["Rain fell", "Right now, the river", "Top officials met"],
    },
    Row {
        rule: "a present-tense caption next to a credit line",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Volunteers stack sandbags outside the harbour office in Genoa.\n\
Jane Doe / AFP - Getty Images\n\
The army sent boats to the valley on Monday.\n\
John Roe / Reuters\n\
A woman wades through a flooded street in the old town.\n\
Residents have fled the lower valley.\n\
Jane Doe / AP\n\
Officials say the river is still rising.\n\
Mary Major / Reuters\n\
The death toll stands at 5,000.\n\
Jane Doe / AP\n\
Rescue teams continue to search for survivors in the valley.\n\
John Roe / AFP\n\
Firefighters pump water from a basement while neighbours watch.\n\
Residents queue for drinking water at a school in the old town.\n\
AP Photo/Jane Doe",
        boiler: &[
            "Volunteers stack sandbags outside the harbour office in Genoa.",
            "A woman wades through a flooded street in the old town.",
            "Residents queue for drinking water at a school in the old town.",
            "AP Photo/Jane Doe",
        ],
        kept: &[
            "Rain fell",
            "The army sent",
            "Residents have fled",
            "Officials say",
            "The death toll stands",
            "Rescue teams continue",
            "Firefighters pump water",
        ],
    },
    Row {
        rule: "a present-tense lede or title under the lead picture's credit is no caption",
        text: "Jane Doe / AFP - Getty Images\n\
Rescuers search for survivors in the valley\n\
John Roe / Reuters\n\
Rescuers search the rubble in the valley for survivors.\n\
The army sent boats to the valley on Monday.",
        boiler: &["Jane Doe / AFP - Getty Images", "John Roe / Reuters"],
        kept: &[
            "Rescuers search for survivors in the valley",
            "Rescuers search the rubble",
            "The army sent",
        ],
    },
    Row {
        rule: "a caption ending in a wire service's name, but not the wire's sign-off",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Crowds filled the square in front of the town hall on Sunday. AP\n\
\u{201C}We lost everything,\u{201D} one farmer told AFP.\n\
The army sent boats to the valley on Monday.\n\
Rescue teams worked through the night. AFP",
        boiler: &[
            "Crowds filled the square in front of the town hall on Sunday.",
            "AP",
        ],
        kept: &[
            "Rain fell",
            "We lost everything",
            "The army sent",
            "Rescue teams worked through the night.",
        ],
    },
    Row {
        rule: "'Read' before another story's title",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Read Floods Cut Off Villages In The South\n\
Read Storm batters coast, thousands lose power\n\
Read the full statement on the council's website.\n\
Reading the report, the judge found no fault.",
        boiler: &[
            "Read Floods Cut Off Villages In The South",
            "Read Storm batters coast, thousands lose power",
        ],
        kept: &["Rain fell", "Read the full statement", "Reading the report"],
    },
    Row {
        rule: "a title that starts with 'Read' is the title, not a link",
        text: "Read Across The City Festival Draws Record Crowds\n\
Rain fell all week in the valley, officials said.",
        boiler: &[],
        kept: &["Read Across The City", "Rain fell"],
    },
    Row {
        rule: "promo labels and module headings",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Latest news\n\
You may also like\n\
Most viewed\n\
Watch: Boats rescue residents from rooftops\n\
Video: The moment the dam burst\n\
Related coverage: Storms batter the coast\n\
With inputs from agencies\n\
The army sent boats to the valley on Monday.",
        boiler: &[
            "Latest news",
            "You may also like",
            "Most viewed",
            "Watch: Boats rescue residents from rooftops",
            "Video: The moment the dam burst",
            "Related coverage: Storms batter the coast",
            "With inputs from agencies",
        ],
        kept: &["Rain fell", "The army sent"],
    },
    Row {
        rule: "titles under a link label alone on its line, once the report has begun",
        text: "Top stories\n\
Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Also read\n\
Storm batters the coast as ports close\n\
Farmers count the cost of the floods\n\
The army sent boats to the valley on Monday.\n\
Related stories:\n\
Rescuers reach the last cut-off village.",
        boiler: &[
            "Top stories",
            "Also read",
            "Storm batters the coast as ports close",
            "Farmers count the cost of the floods",
            "Related stories:",
        ],
        kept: &[
            "Floods cut off mountain villages as rivers rise",
            "Rain fell",
            "The army sent",
            "Rescuers reach the last",
        ],
    },
    Row {
        rule: "pointers to embedded media",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
Have a look at the moment the bridge gave way in the video below.\n\
Take a look at the pictures from the valley\n\
Check out the best pictures of the day below\n\
Take a look at the numbers, the minister told reporters.\n\
The army sent boats to the valley on Monday.",
        boiler: &[
            "Have a look at the moment the bridge gave way in the video below.",
            "Take a look at the pictures from the valley",
            "Check out the best pictures of the day below",
        ],
        kept: &["Rain fell", "Take a look at the numbers", "The army sent"],
    },
    Row {
        rule: "date-only lines and a date a page store printed after the title",
        text: "Floods cut off mountain villages 2021-03-04\n\
March 4, 2021\n\
Rain fell all week in the valley, officials said.\n\
2021-03-04\n\
The army sent boats to the valley on Monday.",
        boiler: &["2021-03-04", "March 4, 2021"],
        kept: &[
            "Floods cut off mountain villages",
            "Rain fell",
            "The army sent",
        ],
    },
    Row {
        rule: "a date after a separator at the end of the title",
        text: "Storm hits the coast | March 5, 2021\n\
Waves hit the harbour wall, the port said.",
        boiler: &["| March 5, 2021"],
        kept: &["Storm hits the coast", "Waves hit"],
    },
    Row {
        rule: "a headline's own date stays in the headline",
        text: "Polls close March 4, 2021\n\
Voting closes on 2021-03-04\n\
Rain fell all week in the valley, officials said.",
        boiler: &[],
        kept: &[
            "Polls close March 4, 2021",
            "Voting closes on 2021-03-04",
            "Rain fell",
        ],
    },
    Row {
        rule: "an embedded post's signature without its dash",
        text: "Floods cut off mountain villages as rivers rise\n\
The water is still rising in our street, one resident wrote.\n\
Jane Doe (@janedoe) March 4, 2021\n\
Jane Doe (@janedoe) wrote that the river was rising on March 4, 2021.",
        boiler: &["Jane Doe (@janedoe) March 4, 2021"],
        kept: &["The water is still rising", "wrote that the river"],
    },
    Row {
        rule: "bare topic subheadings: noun phrases, indirect questions, quoted labels",
        text: "Floods cut off mountain villages as rivers rise\n\
Rain fell all week in the valley, officials said.\n\
A Turn For The Worse\n\
The bridge was swept away on Monday.\n\
How the dam gave way\n\
Engineers had warned of cracks in 2019.\n\
\u{2019}Nobody warned us\u{2019}\n\
Residents said they had no warning.\n\
Mayor accused of ignoring warnings\n\
The mayor denied the claim.\n\
The Talks Collapse\n\
Talks with the builder broke down on Friday.",
        boiler: &[
            "A Turn For The Worse",
            "How the dam gave way",
            "\u{2019}Nobody warned us\u{2019}",
        ],
        kept: &[
            "Rain fell",
            "The bridge was swept",
            "Mayor accused of ignoring warnings",
            "The Talks Collapse",
            "Talks with the builder",
        ],
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
