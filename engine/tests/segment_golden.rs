//! The "Golden Rules" for English sentence segmentation, one row per rule, as a standard public
//! check of `crosscheck::segment::segment`'s sentence boundaries.
//!
//! Suite: "Golden Rules (English)", 52 cases by Kevin S. Dias, from the README of the
//! pragmatic_segmenter project (https://github.com/diasks2/pragmatic_segmenter), MIT licence,
//! Copyright (c) 2015 Kevin S. Dias; pySBD (https://github.com/nipunsadvilkar/pySBD, MIT) reuses
//! them in its tests and benchmarks. Inputs and expected sentences are copied verbatim, numbered
//! as in the pragmatic_segmenter README.
//!
//! A row compares the texts of all segments (spans sliced from the input, whatever their kind)
//! with the expected sentences, white space runs read as one space on both sides: spans slice
//! the input and never rewrite it, so a line break inside a sentence stays in its span, where a
//! page shows it as a space (the gold's keys are matched the same way, `LABELS.md`). Every row
//! must pass; a failing one is reported with what it got.

use crosscheck::segment::segment;

struct Case {
    n: u32,
    rule: &'static str,
    text: &'static str,
    expected: &'static [&'static str],
}

const fn case(
    n: u32,
    rule: &'static str,
    text: &'static str,
    expected: &'static [&'static str],
) -> Case {
    Case {
        n,
        rule,
        text,
        expected,
    }
}

const CASES: &[Case] = &[
    case(
        1,
        "Simple period to end sentence",
        "Hello World. My name is Jonas.",
        &["Hello World.", "My name is Jonas."],
    ),
    case(
        2,
        "Question mark to end sentence",
        "What is your name? My name is Jonas.",
        &["What is your name?", "My name is Jonas."],
    ),
    case(
        3,
        "Exclamation point to end sentence",
        "There it is! I found it.",
        &["There it is!", "I found it."],
    ),
    case(
        4,
        "One letter upper case abbreviations",
        "My name is Jonas E. Smith.",
        &["My name is Jonas E. Smith."],
    ),
    case(
        5,
        "One letter lower case abbreviations",
        "Please turn to p. 55.",
        &["Please turn to p. 55."],
    ),
    case(
        6,
        "Two letter lower case abbreviations in the middle of a sentence",
        "Were Jane and co. at the party?",
        &["Were Jane and co. at the party?"],
    ),
    case(
        7,
        "Two letter upper case abbreviations in the middle of a sentence",
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        &["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    case(
        8,
        "Two letter lower case abbreviations at the end of a sentence",
        "Let's ask Jane and co. They should know.",
        &["Let's ask Jane and co.", "They should know."],
    ),
    case(
        9,
        "Two letter upper case abbreviations at the end of a sentence",
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        &[
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday.",
        ],
    ),
    case(
        10,
        "Two letter (prepositive) abbreviations",
        "I can see Mt. Fuji from here.",
        &["I can see Mt. Fuji from here."],
    ),
    case(
        11,
        "Two letter (prepositive & postpositive) abbreviations",
        "St. Michael's Church is on 5th st. near the light.",
        &["St. Michael's Church is on 5th st. near the light."],
    ),
    case(
        12,
        "Possesive two letter abbreviations",
        "That is JFK Jr.'s book.",
        &["That is JFK Jr.'s book."],
    ),
    case(
        13,
        "Multi-period abbreviations in the middle of a sentence",
        "I visited the U.S.A. last year.",
        &["I visited the U.S.A. last year."],
    ),
    case(
        14,
        "Multi-period abbreviations at the end of a sentence",
        "I live in the E.U. How about you?",
        &["I live in the E.U.", "How about you?"],
    ),
    case(
        15,
        "U.S. as sentence boundary",
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    ),
    case(
        16,
        "U.S. as non sentence boundary with next word capitalized",
        "I work for the U.S. Government in Virginia.",
        &["I work for the U.S. Government in Virginia."],
    ),
    case(
        17,
        "U.S. as non sentence boundary",
        "I have lived in the U.S. for 20 years.",
        &["I have lived in the U.S. for 20 years."],
    ),
    case(
        18,
        "A.M. / P.M. as non sentence boundary and sentence boundary",
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        &[
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    case(
        19,
        "Number as non sentence boundary",
        "She has $100.00 in her bag.",
        &["She has $100.00 in her bag."],
    ),
    case(
        20,
        "Number as sentence boundary",
        "She has $100.00. It is in her bag.",
        &["She has $100.00.", "It is in her bag."],
    ),
    case(
        21,
        "Parenthetical inside sentence",
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        &["He teaches science (He previously worked for 5 years as an engineer.) at the local University."],
    ),
    case(
        22,
        "Email addresses",
        "Her email is Jane.Doe@example.com. I sent her an email.",
        &["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    case(
        23,
        "Web addresses",
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        &[
            "The site is: https://www.example.50.com/new-site/awesome_content.html.",
            "Please check it out.",
        ],
    ),
    case(
        24,
        "Single quotations inside sentence",
        "She turned to him, 'This is great.' she said.",
        &["She turned to him, 'This is great.' she said."],
    ),
    case(
        25,
        "Double quotations inside sentence",
        "She turned to him, \"This is great.\" she said.",
        &["She turned to him, \"This is great.\" she said."],
    ),
    case(
        26,
        "Double quotations at the end of a sentence",
        "She turned to him, \"This is great.\" She held the book out to show him.",
        &[
            "She turned to him, \"This is great.\"",
            "She held the book out to show him.",
        ],
    ),
    case(
        27,
        "Double punctuation (exclamation point)",
        "Hello!! Long time no see.",
        &["Hello!!", "Long time no see."],
    ),
    case(
        28,
        "Double punctuation (question mark)",
        "Hello?? Who is there?",
        &["Hello??", "Who is there?"],
    ),
    case(
        29,
        "Double punctuation (exclamation point / question mark)",
        "Hello!? Is that you?",
        &["Hello!?", "Is that you?"],
    ),
    case(
        30,
        "Double punctuation (question mark / exclamation point)",
        "Hello?! Is that you?",
        &["Hello?!", "Is that you?"],
    ),
    case(
        31,
        "List (period followed by parens and no period to end item)",
        "1.) The first item 2.) The second item",
        &["1.) The first item", "2.) The second item"],
    ),
    case(
        32,
        "List (period followed by parens and period to end item)",
        "1.) The first item. 2.) The second item.",
        &["1.) The first item.", "2.) The second item."],
    ),
    case(
        33,
        "List (parens and no period to end item)",
        "1) The first item 2) The second item",
        &["1) The first item", "2) The second item"],
    ),
    case(
        34,
        "List (parens and period to end item)",
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    ),
    case(
        35,
        "List (period to mark list and no period to end item)",
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    ),
    case(
        36,
        "List (period to mark list and period to end item)",
        "1. The first item. 2. The second item.",
        &["1. The first item.", "2. The second item."],
    ),
    case(
        37,
        "List with bullet",
        "\u{2022} 9. The first item \u{2022} 10. The second item",
        &["\u{2022} 9. The first item", "\u{2022} 10. The second item"],
    ),
    case(
        38,
        "List with hypthen",
        "\u{2043}9. The first item \u{2043}10. The second item",
        &["\u{2043}9. The first item", "\u{2043}10. The second item"],
    ),
    case(
        39,
        "Alphabetical list",
        "a. The first item b. The second item c. The third list item",
        &["a. The first item", "b. The second item", "c. The third list item"],
    ),
    case(
        40,
        "Errant newline in the middle of a sentence (PDF)",
        "This is a sentence\ncut off in the middle because pdf.",
        &["This is a sentence\ncut off in the middle because pdf."],
    ),
    case(
        41,
        "Errant newline in the middle of a sentence",
        "It was a cold \nnight in the city.",
        &["It was a cold night in the city."],
    ),
    case(
        42,
        "Lower case list separated by newline",
        "features\ncontact manager\nevents, activities\n",
        &["features", "contact manager", "events, activities"],
    ),
    case(
        43,
        "Geo Coordinates",
        "You can find it at N\u{00B0}. 1026.253.553. That is where the treasure is.",
        &[
            "You can find it at N\u{00B0}. 1026.253.553.",
            "That is where the treasure is.",
        ],
    ),
    case(
        44,
        "Named entities with an exclamation point",
        "She works at Yahoo! in the accounting department.",
        &["She works at Yahoo! in the accounting department."],
    ),
    case(
        45,
        "I as a sentence boundary and I as an abbreviation",
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        &[
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?",
        ],
    ),
    case(
        46,
        "Ellipsis at end of quotation",
        "Thoreau argues that by simplifying one\u{2019}s life, \u{201C}the laws of the universe will appear less complex. . . .\u{201D}",
        &["Thoreau argues that by simplifying one\u{2019}s life, \u{201C}the laws of the universe will appear less complex. . . .\u{201D}"],
    ),
    case(
        47,
        "Ellipsis with square brackets",
        "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
        &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."],
    ),
    case(
        48,
        "Ellipsis as sentence boundary (standard ellipsis rules)",
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    case(
        49,
        "Ellipsis as sentence boundary (non-standard ellipsis rules)",
        "I never meant that.... She left the store.",
        &["I never meant that....", "She left the store."],
    ),
    case(
        50,
        "Ellipsis as non sentence boundary",
        "I wasn\u{2019}t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn\u{2019}t mean it.",
        &["I wasn\u{2019}t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn\u{2019}t mean it."],
    ),
    case(
        51,
        "4-dot ellipsis",
        "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
        &[
            "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
    case(
        52,
        "No whitespace in between sentences",
        "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
        &[
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith went to the store and bought 1,000.",
            "That is a lot.",
        ],
    ),
];

fn texts(text: &str) -> Vec<String> {
    segment(text)
        .iter()
        .map(|s| spaced(&text[s.start..s.end]))
        .collect()
}

/// `s` with every run of white space as one space.
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules() {
    let mut wrong = Vec::new();
    for c in CASES {
        let got = texts(c.text);
        let expected: Vec<String> = c.expected.iter().map(|e| spaced(e)).collect();
        if got != expected {
            wrong.push(format!(
                "#{} {} fails:\n  expected {:?}\n  got      {:?}",
                c.n, c.rule, expected, got
            ));
        }
    }
    println!(
        "golden rules: {} of {} pass",
        CASES.len() - wrong.len(),
        CASES.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_is_the_whole_suite_in_order() {
    let numbers: Vec<u32> = CASES.iter().map(|c| c.n).collect();
    assert_eq!(numbers, (1..=52).collect::<Vec<u32>>());
}
