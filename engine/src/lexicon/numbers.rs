//! Number words and the words around figures: English number, scale and ordinal words, the
//! phrases that bound a figure ("more than", "nearly"), currency names, and the words that name
//! what a casualty count counts.
//!
//! Origin: English number words and their news abbreviations (AP style "9.7 million", "$38M",
//! "2bn"), the ISO 4217 codes of the main currencies, and the general vocabulary of reported
//! counts (killed, injured, death toll).

use crate::analyze::Bound;

/// English number words up to ninety, and "dozen".
pub(crate) const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// English scale words and their news abbreviations ("9.7m", "$2bn", "38k").
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("k", 1e3),
];

/// English ordinal words.
pub(crate) const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("twentieth", 20.0),
];

/// English fraction words and their denominators (origin: English number words, as the
/// module's are): the singular after "a" or "one" ("a third of"), the plural after a number
/// word ("two-thirds of"). No "halves": "two halves" is a game, not a share.
pub(crate) const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fifth", 5.0),
    ("tenth", 10.0),
];
pub(crate) const FRACTIONS_PLURAL: &[(&str, f64)] = &[
    ("thirds", 3.0),
    ("quarters", 4.0),
    ("fifths", 5.0),
    ("tenths", 10.0),
];

/// Closed class: words after which "half" names a part of a game, a year or a thing, not a
/// share ("the second half of the match", "the other half of").
pub(crate) const HALF_NOT_AFTER: &[&str] = &[
    "the", "first", "second", "other", "latter", "former", "and", "this", "that",
];

/// Words that name an order of magnitude, not a figure.
pub(crate) const VAGUE: &[(&str, f64)] = &[
    ("several", 3.0),
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
];

/// The world's main currencies as English news writes them out, and their ISO 4217 codes.
pub(crate) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "$"),
    ("dollar", "$"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("usd", "USD"),
    ("aud", "AUD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];

/// Bound phrases that precede a figure, longest first.
pub(crate) const BOUNDS: &[(&[&str], Bound)] = &[
    (&["no", "more", "than"], Bound::AtMost),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "few", "as"], Bound::AtLeast),
    (&["more", "than"], Bound::MoreThan),
    (&["greater", "than"], Bound::MoreThan),
    (&["upwards", "of"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["less", "than"], Bound::LessThan),
    (&["fewer", "than"], Bound::LessThan),
    (&["at", "least"], Bound::AtLeast),
    (&["at", "most"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["close", "to"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["over"], Bound::MoreThan),
    (&["above"], Bound::MoreThan),
    (&["exceeding"], Bound::MoreThan),
    (&["under"], Bound::LessThan),
    (&["below"], Bound::LessThan),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["nearly"], Bound::Nearly),
    (&["almost"], Bound::Nearly),
    (&["approximately"], Bound::About),
    (&["roughly"], Bound::About),
    (&["some"], Bound::About),
    (&["estimated"], Bound::About),
    (&["approx"], Bound::About),
    (&["circa"], Bound::About),
    // Verbs that bound a running count: "the toll surpassed 20,000", "nears 20,000".
    (&["surpassed"], Bound::MoreThan),
    (&["surpasses"], Bound::MoreThan),
    (&["surpassing"], Bound::MoreThan),
    (&["exceeded"], Bound::MoreThan),
    (&["exceeds"], Bound::MoreThan),
    (&["exceeding"], Bound::MoreThan),
    (&["topped"], Bound::MoreThan),
    (&["tops"], Bound::MoreThan),
    (&["passed"], Bound::MoreThan),
    (&["passes"], Bound::MoreThan),
    (&["crossed"], Bound::MoreThan),
    (&["nears"], Bound::LessThan),
    (&["neared"], Bound::LessThan),
    (&["nearing"], Bound::LessThan),
    (&["approaches"], Bound::LessThan),
    (&["approached"], Bound::LessThan),
    (&["approaching"], Bound::LessThan),
];

/// Words that end the noun phrase after a figure ("the first time since ...").
pub(crate) const PREPOSITIONS: &[&str] = &[
    "since",
    "during",
    "until",
    "despite",
    "against",
    "among",
    "amid",
    "across",
    "through",
    "including",
    "near",
    "between",
    "per",
    "via",
    "like",
    "under",
    "around",
    "within",
    "without",
    "following",
    "toward",
    "towards",
    "ago",
    "later",
    "earlier",
];

/// Number words a claim may spell out where the document has digits (or the reverse).
pub(crate) const DIGIT_WORDS: &[(&str, &str)] = &[
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("dozen", "12"),
];

/// Words after a figure that make it a count of deaths ("18,400 killed", "18,400 dead").
pub(crate) const DEATH_WORDS: &[&str] = &["killed", "dead"];

/// Words after a figure that make it a count of injuries ("3,000 injured", "wounded", "hurt").
pub(crate) const INJURY_WORDS: &[&str] = &["injured", "wounded", "hurt"];

/// Forms of "kill" before a figure of people ("killed 18,400 people").
pub(crate) const KILL_FORMS: &[&str] = &["killed", "killing", "kills", "kill"];

/// Forms of "injure" and "wound" before a figure of people.
pub(crate) const INJURE_FORMS: &[&str] = &["injured", "injuring", "wounded", "wounding"];

/// Words after a figure of people that say they died ("16,500 people have been reported dead").
pub(crate) const DIED_WORDS: &[&str] = &["dead", "killed", "died", "perished"];

/// Stems of units that count deaths ("18,400 deaths", "dead", "fatalities").
pub(crate) const DEATH_STEMS: &[&str] = &["dead", "kill", "die", "fatal", "death"];

/// Stems of units that count injuries.
pub(crate) const INJURY_STEMS: &[&str] = &["injur", "wound"];

/// Nouns of a running count that name what a figure counts ("the death toll rose to 20,000",
/// "the number of injured").
pub(crate) const COUNT_NOUNS: &[&str] = &["toll", "tally", "number", "total", "count", "figure"];

/// Stems of units of elapsed time ("three years", "24 hours", "a 90-minute flight"): a duration
/// is a measure, said to the nearest whole unit, not a count of things.
///
/// Origin: the English units of duration (the second and the clock and calendar units), as
/// Snowball stems.
pub(crate) const DURATION_STEMS: &[&str] = &[
    "second",
    "minut",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decad",
    "centuri",
];

/// Scale abbreviations written onto a figure: "10m", "$2bn", "38k".
pub(crate) const SCALE_SUFFIXES: &[&str] = &["bn", "mn", "mln", "m", "b", "k"];

/// Clock and time-zone suffixes written onto a number ("10pm", "9gmt"): no figure.
pub(crate) const CLOCK_SUFFIXES: &[&str] = &["am", "pm", "gmt", "utc"];
