//! Comparing two figures: whether they measure the same kind of thing, and whether their values
//! are compatible. The one comparison of figures in the engine: the verdict stage's number
//! differences and the cluster decision's figure pairs both call it.
//!
//! Values are read on their natural range: an exact figure is exact up to rounding (0.5 %);
//! "about X" allows five per cent either way; a decimal figure is exact to its last digit; "nearly X" is just under X; a bound on a large
//! count ("more than 20,000") means a figure near it, as a reporter would not write "more than
//! 20,000" for 50,000; a whole number of a duration unit ("three years") is that many to the
//! nearest unit; a vague word ("thousands") means its order of magnitude.

use super::{Bound, Quantity};

/// Counts from which an open bound is read as "near the bound" rather than "anywhere past it".
const LARGE_COUNT: f64 = 100.0;

/// How far past a bound a large count may lie and still be read as that bound (5 %).
const NEAR_BOUND: f64 = 0.05;

/// Ordinals below this name places in a short sequence ("a second cyberattack", "the first
/// time"), which two sentences often use for two members of the sequence; from here on they
/// are minutes, days or anniversaries ("in the 109th minute"), one figure of one event.
const ORDINAL_FROM: f64 = 10.0;

/// Relative rounding an exact figure is allowed ("2.3 million" for 2,304,000).
const ROUNDING: f64 = 0.005;

/// "about X", "some X", "around X" allow this share either way: "some 50,000 votes" and "about
/// 57,000 votes" are two counts.
const ABOUT: f64 = 0.05;

/// The decimals a figure below 1,000 was written with ("50.22" has two), when it has any:
/// larger figures are scaled ("9.7 million") and carry the rounding of their scale.
fn written_decimals(v: f64) -> Option<i32> {
    if v.fract() == 0.0 || v.abs() >= 1000.0 {
        return None;
    }
    let text = format!("{v}");
    let d = text.split_once('.')?.1.len();
    (d <= 3).then_some(d as i32)
}

/// "nearly X" and "almost X" reach down to this share of X.
const NEARLY_FROM: f64 = 0.9;

/// The range a vague quantity stands for: "thousands" is 1,000 up to but not 1,000,000.
fn vague_range(v: f64) -> (f64, f64) {
    match v {
        x if x <= 3.0 => (2.0, 20.0),
        x if x <= 12.0 => (12.0, 200.0),
        x if x <= 20.0 => (20.0, 200.0),
        // "hundreds" stops short of a thousand; "thousands" is used loosely up to tens of
        // thousands, and so on up.
        x if x <= 100.0 => (100.0, 999.0),
        x => (x, x * 100.0),
    }
}

fn is_iso_code(u: &str) -> bool {
    u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether a unit is a currency ("$", "US$", "AUD", "€").
pub fn is_currency(u: &str) -> bool {
    u.contains('$') || matches!(u, "€" | "£" | "¥") || is_iso_code(u)
}

/// Dollars of any country are one unit here (outlets write "$15m" for A$ and US$ alike); other
/// currencies are their own units.
fn same_currency(a: &str, b: &str) -> bool {
    let dollar = |u: &str| u.contains('$') || (is_iso_code(u) && u.ends_with('D'));
    (dollar(a) && dollar(b)) || a == b
}

fn is_money(q: &Quantity) -> bool {
    q.unit.as_deref().is_some_and(is_currency)
}

/// Percentages, temperatures, times and results: figures whose unit is their whole kind.
fn is_measure(q: &Quantity) -> bool {
    q.unit
        .as_deref()
        .is_some_and(|u| u == "%" || u.starts_with('°') || is_exact_kind(u))
}

/// Durations ("three years", "24 hours"): a whole number of them is said to the nearest unit,
/// so "three years after" and "more than three years after" tell one span, while "44 days"
/// and "45 days" are two.
fn is_duration(q: &Quantity) -> bool {
    !q.ordinal
        && q.unit
            .as_deref()
            .is_some_and(|u| crate::lexicon::numbers::DURATION_STEMS.contains(&u))
}

/// Times of day and results of two tallies are exact: 9:28 is not 9:30, 3-1 is not 4-2.
fn is_exact_kind(u: &str) -> bool {
    u.starts_with("time") || u == "result"
}

/// Whether two figures are of one kind: both ordinals or both not; both money (in one
/// currency), both percentages, both temperatures, or both counts of something. Two counts of
/// one kind may still count different things; `same_unit` says whether they name the same one.
pub fn same_kind(a: &Quantity, b: &Quantity) -> bool {
    if a.ordinal != b.ordinal || a.value <= 0.0 || b.value <= 0.0 {
        return false;
    }
    if a.ordinal && a.value.min(b.value) < ORDINAL_FROM {
        return false;
    }
    match (is_money(a), is_money(b)) {
        (true, true) => {
            return same_currency(
                a.unit.as_deref().unwrap_or(""),
                b.unit.as_deref().unwrap_or(""),
            )
        }
        (false, false) => {}
        _ => return false,
    }
    if is_measure(a) || is_measure(b) {
        return a.unit == b.unit;
    }
    true
}

/// Whether two figures name the same unit or counted noun: equal stems, dollars of two
/// countries, or one head with a modifier glued on ("attack" / "cyberattack").
pub fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    match (a.unit.as_deref(), b.unit.as_deref()) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            if x == y || (is_currency(x) && is_currency(y) && same_currency(x, y)) {
                return true;
            }
            let (s, l) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            s.len() >= 4 && l.ends_with(s) && s.chars().all(char::is_alphabetic)
        }
        _ => false,
    }
}

/// Whether comparing the two values means something without knowing more of their context:
/// one kind and one unit, or, when at most one names a unit, two counts of ten or more within a
/// factor of two (a bare "20,000" beside "20,000 deaths" is most likely the same tally).
pub fn comparable(a: &Quantity, b: &Quantity) -> bool {
    if !same_kind(a, b) {
        return false;
    }
    match (&a.unit, &b.unit) {
        (Some(_), Some(_)) | (None, None) if same_unit(a, b) => true,
        (Some(_), Some(_)) => false,
        _ => {
            let r = a.value / b.value;
            !is_money(a) && !is_money(b) && (0.5..=2.0).contains(&r) && a.value.min(b.value) >= 10.0
        }
    }
}

fn is_int(v: f64) -> bool {
    v.fract() == 0.0
}

/// The range of values a figure asserts on its natural reading.
pub fn interval(q: &Quantity) -> (f64, f64) {
    let v = q.value;
    if q.unit.as_deref().is_some_and(is_exact_kind) {
        return (v, v);
    }
    let large = v.abs() >= LARGE_COUNT;
    // "More than 50 people" is at least 51; "more than 50 per cent" or "$50" is any larger
    // value: only a count of things moves in whole steps.
    let duration = is_duration(q);
    let step = if is_int(v) && !is_measure(q) && !is_money(q) && !duration {
        1.0
    } else {
        0.0
    };
    match q.bound {
        // A whole number of units is that many to the nearest unit (half a unit either way,
        // short of the next whole number).
        Bound::Exact if duration && is_int(v) && !large => (v - 0.4995, v + 0.4995),
        Bound::Exact => match written_decimals(v) {
            // "50.22 per cent" is exact to its last written decimal: 50.21 is another figure.
            Some(d) => {
                let half = 0.5 * 10f64.powi(-d) * 0.999;
                (v - half, v + half)
            }
            None => (v * (1.0 - ROUNDING), v * (1.0 + ROUNDING)),
        },
        Bound::About => (v * (1.0 - ABOUT), v / (1.0 - ABOUT)),
        Bound::Nearly => (v * NEARLY_FROM, v * (1.0 - ROUNDING / 2.0)),
        Bound::AtLeast if large => (v, v * (1.0 + NEAR_BOUND)),
        Bound::MoreThan if large => (v * (1.0 + ROUNDING / 5.0), v * (1.0 + NEAR_BOUND)),
        Bound::AtMost if large => (v * (1.0 - NEAR_BOUND), v),
        Bound::LessThan if large => (v * (1.0 - NEAR_BOUND), v * (1.0 - ROUNDING / 5.0)),
        Bound::AtLeast => (v, f64::INFINITY),
        Bound::MoreThan => (v + step, f64::INFINITY),
        Bound::AtMost => (f64::NEG_INFINITY, v),
        Bound::LessThan => (f64::NEG_INFINITY, v - step),
        Bound::Vague => vague_range(v),
    }
}

fn open(b: Bound) -> bool {
    matches!(
        b,
        Bound::AtLeast | Bound::MoreThan | Bound::AtMost | Bound::LessThan | Bound::Nearly
    )
}

/// Whether two figures of one kind (`same_kind`) make incompatible claims.
///
/// Ordinals must be equal. The same value under two different open bounds is two claims ("more
/// than two" against "at least two"), and so are two floors of one tally with different values,
/// however close ("passes 20,700" against "more than 21,000"). Otherwise the natural ranges must
/// overlap.
pub fn values_conflict(a: &Quantity, b: &Quantity) -> bool {
    if a.ordinal || b.ordinal {
        return a.value != b.value;
    }
    let same_value = (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0);
    if same_value && a.bound != b.bound && open(a.bound) && open(b.bound) {
        return true;
    }
    let floor = |x: Bound| matches!(x, Bound::AtLeast | Bound::MoreThan);
    if !same_value && floor(a.bound) && floor(b.bound) {
        return true;
    }
    let (a0, a1) = interval(a);
    let (b0, b1) = interval(b);
    !(a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9)
}

/// Whether two quantities are comparable (`comparable`) and make incompatible claims
/// (`values_conflict`). Different units, or an ordinal against a count, never conflict.
pub fn quantities_conflict(a: &Quantity, b: &Quantity) -> bool {
    comparable(a, b) && values_conflict(a, b)
}
