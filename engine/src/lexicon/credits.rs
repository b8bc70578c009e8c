//! Who supplied a report or a picture: the world's news agencies as they print their names in
//! credits and sign-offs, newsroom job titles that follow a byline's name, the words of a
//! reading-time note, and the picture-desk verbs of captions. General knowledge of news pages,
//! never names taken from one labelled article.

use super::contains;

/// The world's main wire services: the international agencies (AP, AFP, Reuters, EFE, dpa,
/// Xinhua, ...) and the national agencies whose copy other outlets reprint, spelled as they
/// print their own names in credits, datelines and sign-offs. Matched case-sensitively (and in
/// capitals), so a lower-case word ("map", "tap") is never taken for an agency.
pub(crate) const WIRE_SERVICES: &[&str] = &[
    "AP",
    "The Associated Press",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "Reuters",
    "EFE",
    "Agencia EFE",
    "dpa",
    "Xinhua",
    "Xinhua News Agency",
    "ANSA",
    "Kyodo",
    "Kyodo News",
    "Jiji",
    "Jiji Press",
    "Yonhap",
    "Yonhap News Agency",
    "UPI",
    "Bloomberg",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Ukrinform",
    "Anadolu",
    "Anadolu Agency",
    "IRNA",
    "PTI",
    "IANS",
    "ANI",
    "UNI",
    "AAP",
    "PA",
    "PA Media",
    "Press Association",
    "The Canadian Press",
    "Canadian Press",
    "CNA",
    "Bernama",
    "Antara",
    "VNA",
    "PNA",
    "APP",
    "BSS",
    "UNB",
    "WAM",
    "SPA",
    "KUNA",
    "QNA",
    "MENA",
    "SANA",
    "WAFA",
    "NAN",
    "Prensa Latina",
    "Europa Press",
    "Lusa",
    "Belga",
    "ANP",
    "APA",
    "NTB",
    "Ritzau",
    "PAP",
    "CTK",
    "MTI",
    "BTA",
    "Agerpres",
    "Tanjug",
    "HINA",
    "Notimex",
    "Telam",
    "Agencia Brasil",
    // Outlets that merge several agencies' copy sign it so.
    "Agencies",
];

/// A wire service's name exactly as printed (or in capitals): "AFP", "Reuters", "REUTERS",
/// "dpa".
pub(crate) fn wire_service(word: &str) -> bool {
    contains(WIRE_SERVICES, word)
        || (word.len() > 1
            && !word.chars().any(char::is_lowercase)
            && WIRE_SERVICES
                .iter()
                .any(|w| w.len() == word.len() && w.to_uppercase() == word))
}

/// Newsroom roles printed after a byline's name ("Jane Doe, Political Editor", "Jane
/// DoeNorth Asia correspondent", "India Desk"), compared in lower case as the line's last word.
pub(crate) const NEWSROOM_ROLES: &[&str] = &[
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "writer",
    "writers",
    "columnist",
    "journalist",
    "journalists",
    "contributor",
    "producer",
    "presenter",
    "photographer",
    "desk",
    "bureau",
    "newsroom",
];

pub(crate) fn newsroom_role(lower: &str) -> bool {
    contains(NEWSROOM_ROLES, lower)
}

/// Units of a reading-time note ("2 min read", "< 1 MINUTE READ"), in lower case.
pub(crate) const READ_UNITS: &[&str] = &["min", "mins", "min.", "minute", "minutes"];

pub(crate) fn read_unit(lower: &str) -> bool {
    contains(READ_UNITS, lower)
}

/// Verbs of picture captions. Agencies caption pictures in the present tense with a stock of
/// verbs for what the people in a picture visibly do ("Protesters hold placards ...", "A man
/// votes ...", "Rescuers search ..."). Verbs of ongoing states and plans ("continue",
/// "remain", "plan", "face") are left out: present-tense reports use them.
pub(crate) const CAPTION_VERBS: &[&str] = &[
    "address",
    "applaud",
    "arrive",
    "attend",
    "block",
    "board",
    "carry",
    "cast",
    "celebrate",
    "chant",
    "check",
    "cheer",
    "clean",
    "clear",
    "count",
    "cross",
    "cry",
    "dance",
    "dig",
    "display",
    "distribute",
    "embrace",
    "enter",
    "evacuate",
    "flee",
    "gather",
    "gesture",
    "greet",
    "guard",
    "hold",
    "hug",
    "inspect",
    "kneel",
    "laugh",
    "lay",
    "leave",
    "lie",
    "light",
    "listen",
    "load",
    "look",
    "march",
    "mark",
    "meet",
    "mourn",
    "patrol",
    "play",
    "pose",
    "pray",
    "protest",
    "queue",
    "rally",
    "react",
    "rescue",
    "rest",
    "ride",
    "salute",
    "search",
    "shake",
    "shout",
    "sign",
    "sing",
    "sit",
    "sleep",
    "smile",
    "smoke",
    "sort",
    "speak",
    "stack",
    "stand",
    "take",
    "tend",
    "treat",
    "unload",
    "visit",
    "vote",
    "wade",
    "wait",
    "walk",
    "watch",
    "wave",
    "wear",
    "weep",
];

/// Whether a lower-case word is a present form (base, "-s" or "-ing") of a caption verb:
/// "votes", "hold", "smokes", "carrying". Forms whose past is the same ("cast") count too;
/// the caller checks the subject.
pub(crate) fn caption_present(lower: &str) -> bool {
    let known = |b: &str| contains(CAPTION_VERBS, b);
    if known(lower) {
        return true;
    }
    for suffix in ["ies", "es", "s", "ing"] {
        let Some(b) = lower.strip_suffix(suffix) else {
            continue;
        };
        if b.len() < 2 {
            continue;
        }
        let hit = match suffix {
            "ies" => known(&format!("{b}y")),
            "ing" => known(b) || known(&format!("{b}e")) || known(&super::verbs::undouble(b)),
            _ => known(b),
        };
        if hit {
            return true;
        }
    }
    false
}

/// Openings of a byline; the words after them must be a name.
///
/// Origin: the byline labels news sites print.
pub(crate) const BYLINE_OPENERS: &[&str] = &[
    "By ",
    "BY ",
    "Story by ",
    "Words by ",
    "Text by ",
    "Posted by ",
];
