//! Date words: month and weekday names with their news abbreviations, the parts of a day,
//! and the words and labels of the date stamps news pages print ("Updated 10:32 GMT, 9 Sept").
//!
//! Origin: the English calendar (month and weekday names and their AP Stylebook and common
//! abbreviations), time-zone abbreviations as news sites print them, and the metadata labels
//! of content-management systems.

use chrono::Weekday;

use super::contains;

/// English month names and their usual news abbreviations (AP style "Sept." included), shared
/// by the segmenter (datelines, captions) and the date extractor.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// English weekday names and their common abbreviations, in lower case.
pub(crate) const WEEKDAYS: &[&str] = &[
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
pub(crate) const DATE_FILLERS: &[&str] = &[
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

/// English weekday names, for resolving a relative day against an article's date.
pub(crate) const WEEKDAY_NAMES: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// English month and weekday names and their abbreviations: capitalised, yet no name.
pub(crate) const MONTHS_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names that are also English words or first names ("may", "march", "june") or an
/// abbreviation that is ("sept"): read as a month in the possessive only when unambiguous.
pub(crate) const MONTH_WORDS: &[&str] = &["may", "march", "june", "sept"];

/// English words that make a following ambiguous month name a month ("in March", "since May").
pub(crate) const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "by", "early", "late", "mid", "last", "next", "of",
];

/// English names of the parts of a day ("last night", "Friday morning").
pub(crate) const DAY_PARTS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "midnight",
    "noon",
    "dawn",
];

/// English words that join a date to the words before it in a sentence ("since 9 Sept", "dated
/// 10 September"): a date after them is no stamp.
pub(crate) const DATE_JOINERS: &[&str] = &[
    "since", "until", "till", "before", "between", "through", "dated", "and",
];

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
