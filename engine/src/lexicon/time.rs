//! Time zones named after a time of day ("9:28 a.m. ET", "8:33 am Central Time").
//!
//! Origin: the abbreviations and names of the time zones that English-language news most often
//! prints (North American zones as the AP Stylebook writes them, the UK and Central European
//! zones, and a few Asia-Pacific ones). Offsets are minutes east of UTC. The North American
//! zones are read by family (ET, EST and EDT are all UTC-5): an article that writes EDT for a
//! winter day is wrong the same way for every time it gives, so comparing within a family stays
//! right, and reading "ET" needs no calendar.

pub const TIME_ZONES: &[(&str, i32)] = &[
    ("ET", -300),
    ("EST", -300),
    ("EDT", -300),
    ("Eastern Time", -300),
    ("Eastern Standard Time", -300),
    ("Eastern Daylight Time", -300),
    ("CT", -360),
    ("CST", -360),
    ("CDT", -360),
    ("Central Time", -360),
    ("Central Standard Time", -360),
    ("Central Daylight Time", -360),
    ("MT", -420),
    ("MST", -420),
    ("MDT", -420),
    ("Mountain Time", -420),
    ("PT", -480),
    ("PST", -480),
    ("PDT", -480),
    ("Pacific Time", -480),
    ("GMT", 0),
    ("UTC", 0),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("JST", 540),
    ("KST", 540),
    ("HKT", 480),
    ("SGT", 480),
    ("AEST", 600),
    ("AEDT", 660),
];
