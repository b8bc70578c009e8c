//! Words that decide where a sentence ends: abbreviations after which a full stop does or may
//! not end a sentence, the capitalised words that open an English sentence, personal titles,
//! and the small words of Title Case. Matched exactly (case as listed) unless a function says
//! otherwise.
//!
//! Origin: English abbreviations as style guides list them (courtesy, military and civil
//! titles, month and weekday abbreviations, reference words, company suffixes, US state
//! abbreviations of AP style), and English function words.

use super::contains;

/// Abbreviations after which a full stop never ends a sentence: titles, months and weekdays,
/// and reference words that always precede something ("No. 5", "Gen. Smith", "Sept. 8").
pub(crate) const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpl", "Sgt", "Adm",
    "Cmdr", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "St",
    "Mt", "Ft", "No", "Nos", "Vol", "Fig", "vs", "v", "approx", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
    "Thurs", "Fri", "Sat", "Art", "Sec", "Ch", "Pt", "Op", "ca", "cf", "eg", "ie", "viz", "Messrs",
    "Mme", "Mlle", "Sra", "Sr", "Sgt", "Amb", "Atty", "Gens", "Reps", "Sens", "Govs", "Lt-Gen",
    "Maj-Gen", "Ex", "Rs", "Vs", "Univ", "Assn", "Sgts", "Cdr", "Gds", "Esq", "N°", "Nº",
];

/// Abbreviations that can also end a sentence ("... Apple Inc. The company ..."): the stop ends
/// the sentence only when a typical sentence opener follows.
pub(crate) const MAYBE_FINAL: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Jr", "etc", "Bros", "al", "Dept", "Govt", "Ave", "Rd", "Blvd",
    "Plc", "plc", "LLC", "Cos", "Mass", "Calif", "Fla", "Ariz", "Ill", "Penn", "Wash", "Ore",
];

/// Capitalised words that typically open an English sentence; after an ambiguous abbreviation
/// ("U.S.", "Inc.", an initial) only these make the stop a sentence end.
pub(crate) const STARTERS: &[&str] = &[
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
pub(crate) const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Messrs"];

/// Words that stay lower case inside a Title Case headline, so they do not mark where a glued
/// sentence begins.
pub(crate) const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "per", "into", "onto", "over", "after", "amid", "about", "against",
    "up", "off", "out", "than", "so", "yet", "de", "da", "del", "la", "le", "von", "van", "bin",
    "al", "el", "du", "des", "der",
];

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
