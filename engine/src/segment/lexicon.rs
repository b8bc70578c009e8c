//! Word lists the segmenter consults: abbreviations, sentence starters, title-case small words,
//! date words and a small verb lexicon. They describe English news text in general, never one
//! article; everything is matched exactly (case as listed) unless a function says otherwise.

/// Abbreviations after which a full stop never ends a sentence: titles, months and weekdays,
/// and reference words that always precede something ("No. 5", "Gen. Smith", "Sept. 8").
const NEVER_FINAL: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Dr",
    "Prof",
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Cpl",
    "Sgt",
    "Adm",
    "Cmdr",
    "Brig",
    "Gov",
    "Sen",
    "Rep",
    "Rev",
    "Hon",
    "Pres",
    "Supt",
    "Insp",
    "Det",
    "Fr",
    "St",
    "Mt",
    "Ft",
    "No",
    "Nos",
    "Vol",
    "Fig",
    "vs",
    "v",
    "approx",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Art",
    "Sec",
    "Ch",
    "Pt",
    "Op",
    "ca",
    "cf",
    "eg",
    "ie",
    "viz",
    "Messrs",
    "Mme",
    "Mlle",
    "Sra",
    "Sr",
    "Sgt",
    "Amb",
    "Atty",
    "Gens",
    "Reps",
    "Sens",
    "Govs",
    "Lt-Gen",
    "Maj-Gen",
    "Ex",
    "Rs",
    "Vs",
    "Univ",
    "Assn",
    "Sgts",
    "Cdr",
    "Gds",
    "Esq",
    "N\u{00B0}",
    "N\u{00BA}",
];

/// Abbreviations that can also end a sentence ("... Apple Inc. The company ..."): the stop ends
/// the sentence only when a typical sentence opener follows.
const MAYBE_FINAL: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Jr", "etc", "Bros", "al", "Dept", "Govt", "Ave", "Rd", "Blvd",
    "Plc", "plc", "LLC", "Cos", "Mass", "Calif", "Fla", "Ariz", "Ill", "Penn", "Wash", "Ore",
];

/// Capitalised words that typically open an English sentence; after an ambiguous abbreviation
/// ("U.S.", "Inc.", an initial) only these make the stop a sentence end.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "My",
    "Some",
    "Many",
    "Most",
    "Several",
    "Other",
    "Others",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Meanwhile",
    "However",
    "Also",
    "Still",
    "Since",
    "Although",
    "Though",
    "Both",
    "Each",
    "No",
    "Not",
    "One",
    "Two",
    "For",
    "From",
    "With",
    "By",
    "Under",
    "According",
    "Officials",
    "Authorities",
    // Questions open sentences too ("I live in the U.S. How about you?").
    "How",
    "What",
    "Why",
    "Who",
    "Where",
    "Which",
    "Did",
    "Do",
    "Does",
    "Is",
    "Are",
    "Was",
    "Were",
    "Can",
];

/// Personal titles. After an ambiguous abbreviation they open a new sentence when the one
/// before already has its verb ("He left at 6 P.M. Mr. Smith then went ...").
const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Messrs"];

/// Words that stay lower case inside a Title Case headline, so they do not mark where a glued
/// sentence begins.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "per", "into", "onto", "over", "after", "amid", "about", "against",
    "up", "off", "out", "than", "so", "yet", "de", "da", "del", "la", "le", "von", "van", "bin",
    "al", "el", "du", "des", "der",
];

/// Verbs that attribute a statement; a lone first line containing one is a lead, not a dek.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "announced",
    "reported",
    "reports",
    "stated",
    "added",
    "claimed",
    "noted",
    "confirmed",
    "declared",
    "tweeted",
    "wrote",
];

const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "won't",
    "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "didn't",
    "doesn't", "don't", "cannot",
];

/// Common news verbs (base forms); inflected forms are recognised by `is_verb_form`.
const VERBS: &[&str] = &[
    "accuse",
    "act",
    "add",
    "admit",
    "agree",
    "aim",
    "allow",
    "announce",
    "appeal",
    "appear",
    "approve",
    "argue",
    "arrest",
    "arrive",
    "ask",
    "attack",
    "back",
    "ban",
    "become",
    "begin",
    "believe",
    "blame",
    "block",
    "boost",
    "break",
    "bring",
    "build",
    "buy",
    "call",
    "cancel",
    "catch",
    "cause",
    "charge",
    "claim",
    "climb",
    "close",
    "collapse",
    "come",
    "condemn",
    "confirm",
    "continue",
    "cost",
    "criticise",
    "criticize",
    "cut",
    "decide",
    "declare",
    "defend",
    "delay",
    "deliver",
    "demand",
    "deny",
    "destroy",
    "die",
    "drop",
    "evacuate",
    "exceed",
    "expect",
    "face",
    "fail",
    "fall",
    "fear",
    "fight",
    "find",
    "fire",
    "flee",
    "force",
    "freeze",
    "gain",
    "get",
    "give",
    "go",
    "grow",
    "hack",
    "halt",
    "hamper",
    "happen",
    "help",
    "hit",
    "hold",
    "hope",
    "hurt",
    "impose",
    "increase",
    "injure",
    "investigate",
    "join",
    "keep",
    "kill",
    "know",
    "launch",
    "lead",
    "leak",
    "leave",
    "let",
    "lift",
    "lose",
    "make",
    "mark",
    "meet",
    "miss",
    "move",
    "near",
    "need",
    "offer",
    "open",
    "order",
    "pass",
    "pay",
    "plan",
    "plead",
    "pledge",
    "post",
    "prepare",
    "promise",
    "protest",
    "push",
    "put",
    "quit",
    "raise",
    "reach",
    "react",
    "receive",
    "recover",
    "reject",
    "release",
    "remain",
    "reveal",
    "rise",
    "rule",
    "run",
    "save",
    "say",
    "see",
    "seek",
    "seize",
    "sell",
    "send",
    "set",
    "shoot",
    "show",
    "sign",
    "slam",
    "soar",
    "spark",
    "speak",
    "stand",
    "start",
    "stay",
    "steal",
    "stop",
    "strike",
    "struggle",
    "suffer",
    "support",
    "surge",
    "surpass",
    "survive",
    "suspend",
    "take",
    "talk",
    "target",
    "tell",
    "threaten",
    "top",
    "trigger",
    "try",
    "turn",
    "urge",
    "vow",
    "want",
    "warn",
    "win",
    "work",
    "worsen",
    "happen",
    "tell",
    "think",
    "vote",
    "welcome",
    "write",
];

/// Irregular past forms and participles.
const IRREGULAR: &[&str] = &[
    "said", "told", "went", "came", "took", "made", "gave", "found", "left", "ran", "saw", "got",
    "held", "kept", "led", "lost", "met", "paid", "sent", "stood", "struck", "thought", "won",
    "began", "broke", "brought", "built", "bought", "caught", "chose", "fell", "fought", "fled",
    "flew", "grew", "knew", "rose", "seen", "shown", "spoke", "stole", "taken", "given", "done",
    "gone", "known", "written", "fallen", "risen", "stolen", "begun", "broken", "chosen", "spoken",
    "froze", "frozen", "hid", "hidden", "sought", "wrote", "drove", "driven", "became",
];

/// Words ending in "-ed" that are not verb forms.
const ED_NOUNS: &[&str] = &[
    "hundred", "bed", "red", "seed", "speed", "need", "creed", "greed", "shed", "sled", "ahmed",
    "mohamed", "mohammed", "muhammad", "united", "naked", "sacred", "wicked", "beloved", "bred",
];

pub(crate) use crate::text::MONTHS;

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that may appear in a date/time stamp line besides numbers, months and weekdays.
const DATE_FILLERS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "at",
    "on",
    "ago",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "week",
    "weeks",
    "read",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "et",
    "pt",
    "pst",
    "pdt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "aedt",
    "aest",
    "awst",
    "acst",
    "nzdt",
    "nzst",
    "ist",
    "jst",
    "kst",
    "hkt",
    "sgt",
    "msk",
    "eet",
    "eest",
    "wat",
    "cat",
    "eat",
    "sast",
    "updated",
    "published",
    "posted",
    "modified",
    "date",
    "last",
    "first",
    "of",
    "the",
    "|",
    "·",
    "•",
    "-",
    "–",
    "—",
    "/",
    ",",
    "today",
    "yesterday",
    "reading",
    "time",
];

/// Metadata labels that introduce a date stamp.
pub(crate) const DATE_LABELS: &[&str] = &[
    "first published on",
    "first published",
    "last updated on",
    "last updated",
    "last modified",
    "published on",
    "published at",
    "published",
    "updated on",
    "updated at",
    "updated",
    "posted on",
    "posted at",
    "posted",
    "modified",
    "dated",
    "date",
];

/// Opening words of link and navigation lines that are not part of the report.
pub(crate) const LINK_OPENERS: &[&str] = &[
    "see also:",
    "read more:",
    "read also:",
    "also read:",
    "also see:",
    "related:",
    "related article:",
    "related articles:",
    "related stories:",
    "related story:",
    "recommended:",
    "more:",
    "watch:",
    "listen:",
    "read:",
    "more on this:",
    "more on this story:",
    "further reading:",
    "you may also like:",
    "don't miss:",
    "must read:",
    "trending:",
];

/// Short lines that are page furniture wherever they appear (compared case-insensitively, with
/// trailing punctuation ignored).
pub(crate) const FURNITURE: &[&str] = &[
    "advertisement",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "copy link",
    "listen to this article",
    "listen",
    "watch",
    "sign up",
    "subscribe",
    "comments",
    "skip to content",
    "skip to main content",
    "sponsored",
    "most read",
    "most popular",
    "related",
    "related stories",
    "related articles",
    "more on this story",
    "top stories",
    "trending",
    "read more",
    "see also",
    "print",
    "email",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "follow us",
    "supported by",
    "loading",
    "video",
    "audio",
    "gallery",
    "scroll to continue",
    "close",
    "menu",
    "share this with",
    "messenger",
    "pinterest",
    "reddit",
    "telegram",
    "copy this link",
    "share page",
    "share article",
    "save",
    "save article",
    "bookmark",
    "more",
    "next article",
    "previous article",
    "listen to article",
    "read next",
    "explore more",
    "topics",
];

/// Prefixes of furniture lines ("Image caption, ...", "Reporting by ...").
pub(crate) const FURNITURE_PREFIXES: &[&str] = &[
    "image source,",
    "image caption,",
    "media caption,",
    "image source:",
    "image caption:",
    "this article is more than",
    "reporting by ",
    "additional reporting by ",
    "writing by ",
    "editing by ",
    "compiled by ",
    "written by ",
    "(reporting by ",
    "photos by ",
    "all rights reserved",
    "copyright ",
    "©",
    "sign up for ",
    "subscribe to ",
    "follow us on ",
    "click here ",
    "get in front of tomorrow",
    "listen to this article",
    "your email address will not be published",
    "required fields are marked",
    "leave a reply",
    "leave a comment",
    "our standards:",
    "sign up to ",
    "download the app",
];

/// Agencies and picture desks named in credits and bylines.
pub(crate) const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "epa",
    "getty",
    "getty images",
    "aap",
    "pa",
    "xinhua",
    "anadolu",
    "bloomberg",
    "ansa",
    "efe",
    "dpa",
    "shutterstock",
    "alamy",
    "nurphoto",
    "sopa",
    "sipa",
    "pool",
    "associated press",
    "ap photo",
    "upi",
    "tass",
    "ria novosti",
    "kyodo",
    "yonhap",
    "irna",
    "wana",
    "cnn",
    "bbc",
    "ani",
    "pti",
    "ips",
];

/// Words inside parentheses that make them a picture credit.
pub(crate) const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "pic",
    "credit",
    "getty",
    "handout",
    "shutterstock",
    "file photo",
    "illustration",
];

/// Openings of caption lines (compared in lower case).
pub(crate) const CAPTION_OPENINGS: &[&str] = &[
    "photo shows ",
    "picture shows ",
    "this photo shows ",
    "this image shows ",
    "in this photo ",
    "in this file photo ",
    "in this image ",
    "in this handout photo ",
    "file photo:",
    "file photo -",
    "screenshot of ",
    "screengrab",
];

/// Words of a caption-credit label at the end of a caption line.
pub(crate) const CREDIT_LABELS: &[&str] = &[
    "photograph:",
    "photo:",
    "photos:",
    "picture:",
    "pictures:",
    "image:",
    "credit:",
    "photo credit:",
    "pic:",
    "illustration:",
    "photo by",
    "photograph by",
    "picture by",
    "image by",
];

fn contains(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

pub(crate) fn never_final(w: &str) -> bool {
    contains(NEVER_FINAL, w)
}

pub(crate) fn maybe_final(w: &str) -> bool {
    contains(MAYBE_FINAL, w)
}

pub(crate) fn starter(w: &str) -> bool {
    contains(STARTERS, w)
}

pub(crate) fn courtesy_title(w: &str) -> bool {
    contains(COURTESY_TITLES, w)
}

pub(crate) fn title_small(lower: &str) -> bool {
    contains(TITLE_SMALL, lower)
}

pub(crate) fn reporting(lower: &str) -> bool {
    contains(REPORTING, lower)
}

pub(crate) fn month(lower: &str) -> Option<u32> {
    let w = lower.trim_end_matches(['.', ',']);
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

pub(crate) fn weekday(lower: &str) -> bool {
    let w = lower.trim_end_matches(['.', ',']);
    contains(WEEKDAYS, w)
}

pub(crate) fn date_filler(lower: &str) -> bool {
    let w = lower.trim_end_matches(['.', ',', ':']);
    w.is_empty() || contains(DATE_FILLERS, w)
}

pub(crate) fn agency(lower: &str) -> bool {
    contains(AGENCIES, lower)
}

/// Whether a lower-case word is a verb form: an auxiliary, an irregular past, a regular
/// inflection of a lexicon verb, or a "-ed" participle.
pub(crate) fn is_verb_form(lower: &str) -> bool {
    if contains(AUXILIARIES, lower) || contains(IRREGULAR, lower) || contains(VERBS, lower) {
        return true;
    }
    let base_known = |b: &str| contains(VERBS, b);
    let mut stems: Vec<String> = Vec::new();
    for suffix in ["ies", "es", "s", "ied", "ed", "d", "ing"] {
        if let Some(b) = lower.strip_suffix(suffix) {
            if b.len() < 2 {
                continue;
            }
            match suffix {
                "ies" | "ied" => stems.push(format!("{b}y")),
                "ing" => {
                    stems.push(b.to_string());
                    stems.push(format!("{b}e"));
                    stems.push(undouble(b));
                }
                "ed" => {
                    stems.push(b.to_string());
                    stems.push(undouble(b));
                }
                _ => stems.push(b.to_string()),
            }
        }
    }
    if stems.iter().any(|s| base_known(s)) {
        return true;
    }
    lower.len() >= 6
        && lower.ends_with("ed")
        && lower.chars().all(|c| c.is_alphabetic())
        && !contains(ED_NOUNS, lower)
}

/// Whether a lower-case word is only a past form or participle, which marks a verb more surely
/// than a base form or an "-s" form (both of which can be nouns).
pub(crate) fn is_past_or_aux(lower: &str) -> bool {
    contains(AUXILIARIES, lower)
        || contains(IRREGULAR, lower)
        || (lower.ends_with("ed")
            && lower.len() >= 4
            && is_verb_form(lower)
            && !contains(ED_NOUNS, lower))
}

fn undouble(b: &str) -> String {
    let mut cs: Vec<char> = b.chars().collect();
    let n = cs.len();
    if n >= 2 && cs[n - 1] == cs[n - 2] {
        cs.pop();
    }
    cs.into_iter().collect()
}
