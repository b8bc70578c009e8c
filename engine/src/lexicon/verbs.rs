//! A small lexicon of English news verbs: reporting verbs, auxiliaries, common base forms with
//! their regular inflections, irregular past forms, and "-ed" words that are not verbs. It tells
//! a headline that states something from a bare label, and a byline name from a verb.
//!
//! Origin: English grammar (auxiliaries and modals, irregular past forms) and the common verbs
//! of news headlines and reports.

use super::contains;

/// Verbs that attribute a statement; a lone first line containing one is a lead, not a dek.
pub(crate) const REPORTING: &[&str] = &[
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

pub(crate) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "won't",
    "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "didn't",
    "doesn't", "don't", "cannot",
];

/// Common news verbs (base forms); inflected forms are recognised by `is_verb_form`.
pub(crate) const VERBS: &[&str] = &[
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
pub(crate) const IRREGULAR: &[&str] = &[
    "said", "told", "went", "came", "took", "made", "gave", "found", "left", "ran", "saw", "got",
    "held", "kept", "led", "lost", "met", "paid", "sent", "stood", "struck", "thought", "won",
    "began", "broke", "brought", "built", "bought", "caught", "chose", "fell", "fought", "fled",
    "flew", "grew", "knew", "rose", "seen", "shown", "spoke", "stole", "taken", "given", "done",
    "gone", "known", "written", "fallen", "risen", "stolen", "begun", "broken", "chosen", "spoken",
    "froze", "frozen", "hid", "hidden", "sought", "wrote", "drove", "driven", "became",
];

/// Words ending in "-ed" that are not verb forms.
///
/// Origin: English nouns and adjectives in "-ed", and the world's commonest given name in its
/// usual English spellings, which the six-letter "-ed" rule would take for a participle.
pub(crate) const ED_NOUNS: &[&str] = &[
    "hundred", "bed", "red", "seed", "speed", "need", "creed", "greed", "shed", "sled", "mohamed",
    "mohammed", "muhammad", "united", "naked", "sacred", "wicked", "beloved", "bred",
];

/// Verbs whose base form is also their past ("Messi put Argentina ahead"): only their "-s" and
/// "-ing" forms mark a caption's present tense.
///
/// Origin: English irregular verbs.
pub(crate) const SAME_IN_PAST: &[&str] =
    &["cast", "put", "cut", "hit", "set", "let", "shut", "beat"];

pub(crate) fn reporting(lower: &str) -> bool {
    contains(REPORTING, lower)
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

pub(super) fn undouble(b: &str) -> String {
    let mut cs: Vec<char> = b.chars().collect();
    let n = cs.len();
    if n >= 2 && cs[n - 1] == cs[n - 2] {
        cs.pop();
    }
    cs.into_iter().collect()
}
