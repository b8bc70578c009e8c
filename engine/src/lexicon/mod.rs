//! The engine's word lists, in one place, each with its origin. Every list describes English or
//! news language in general; none holds a word because a labelled article used it (a test
//! checks that no entry is a proper name of the seed articles).
//!
//! Modules by subject: `sentences` (abbreviations, sentence openers, titles, Title Case small
//! words), `dates` (months, weekdays, day parts, date-stamp words), `time` (time zones),
//! `numbers` (number words, bounds, currencies, casualty counts), `names` (name particles,
//! titles, institution words), `attribution` (reporting verbs, hedges), `negation` (negators,
//! negating prefixes, modals), `synonyms` (synonym groups, antonyms), `stop` (stop and light
//! words), `grammar` (function words by role), `verbs` (a small verb lexicon), `page` (the
//! furniture of news pages) and `credits` (wire services, newsroom roles, caption verbs).
//!
//! Closed-class sets of a few words (copulas, articles and possessives, suffixes) stay inline at
//! their one use, marked "closed class, left inline". [`all`] lists every entry, so that tests
//! can check the lexicon as a whole.

use chrono::Weekday;

use crate::analyze::{Bound, Strength};

pub mod attribution;
pub mod credits;
pub mod dates;
pub mod grammar;
pub mod names;
pub mod negation;
pub mod numbers;
pub mod page;
pub mod sentences;
pub mod stop;
pub mod synonyms;
pub mod time;
pub mod verbs;

fn contains(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// One element of a list: the words it holds (a tuple's words, a group's or phrase's members).
trait Entry {
    fn words(&self) -> Vec<&'static str>;
}

impl Entry for &'static str {
    fn words(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

impl Entry for &'static [&'static str] {
    fn words(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}

impl Entry for (&'static str, &'static str) {
    fn words(&self) -> Vec<&'static str> {
        vec![self.0, self.1]
    }
}

impl Entry for (&'static str, &'static str, Strength) {
    fn words(&self) -> Vec<&'static str> {
        vec![self.0, self.1]
    }
}

impl Entry for (&'static [&'static str], Bound) {
    fn words(&self) -> Vec<&'static str> {
        self.0.to_vec()
    }
}

macro_rules! entry_of_first {
    ($($t:ty),*) => {
        $(impl Entry for (&'static str, $t) {
            fn words(&self) -> Vec<&'static str> {
                vec![self.0]
            }
        })*
    };
}

entry_of_first!(f64, u32, i32, Weekday);

fn entries<T: Entry>(list: &[T]) -> Vec<&'static str> {
    list.iter().flat_map(Entry::words).collect()
}

macro_rules! lists {
    ($($module:ident :: $name:ident,)*) => {
        vec![$((concat!(stringify!($module), "::", stringify!($name)), entries($module::$name)),)*]
    };
}

/// Every list of the lexicon, named "module::LIST", with its entries (a tuple's words and a
/// group's or phrase's members each count as one entry).
pub fn lists() -> Vec<(&'static str, Vec<&'static str>)> {
    lists![
        attribution::VERBS,
        attribution::INVERTED_VERBS,
        attribution::BETWEEN,
        attribution::JOINERS,
        attribution::PRONOUNS,
        attribution::NOT_NOUNISH,
        attribution::HEDGE_ADVERBS,
        attribution::HEDGE_PARTICIPLES,
        attribution::SEEM_FORMS,
        attribution::EARLY_WORDS,
        attribution::FINDING_NOUNS,
        attribution::STATEMENT_WORDS,
        credits::WIRE_SERVICES,
        credits::NEWSROOM_ROLES,
        credits::READ_UNITS,
        credits::CAPTION_VERBS,
        credits::BYLINE_OPENERS,
        dates::MONTHS,
        dates::WEEKDAYS,
        dates::DATE_FILLERS,
        dates::DATE_LABELS,
        dates::WEEKDAY_NAMES,
        dates::MONTHS_DAYS,
        dates::MONTH_WORDS,
        dates::MONTH_PREPOSITIONS,
        dates::DAY_PARTS,
        dates::DATE_JOINERS,
        grammar::DETERMINERS,
        grammar::QUESTION_WORDS,
        grammar::WH_LABELS,
        grammar::REPORT_OPENERS,
        grammar::CAPTION_DETERMINERS,
        grammar::SUBORDINATORS,
        grammar::COPULA,
        grammar::CLAUSE_BREAKS,
        names::JOINERS,
        names::TITLES,
        names::GENERIC,
        names::ORGISH,
        names::STARTERS,
        names::PRONOUNS,
        names::COLLECTIVES,
        names::ALIAS_GAPS,
        negation::CUES,
        negation::BARE_CONTRACTIONS,
        negation::DENY_FORMS,
        negation::REFUSE_FORMS,
        negation::QUOTE_NEGATORS,
        negation::QUOTE_PREFIXES,
        negation::ANTONYM_PREFIXES,
        negation::PAIR_NEGATIONS,
        negation::MODALS,
        numbers::SMALL,
        numbers::SCALES,
        numbers::ORDINALS,
        numbers::VAGUE,
        numbers::FRACTIONS,
        numbers::FRACTIONS_PLURAL,
        numbers::HALF_NOT_AFTER,
        numbers::CURRENCY_WORDS,
        numbers::BOUNDS,
        numbers::PREPOSITIONS,
        numbers::DIGIT_WORDS,
        numbers::DEATH_WORDS,
        numbers::INJURY_WORDS,
        numbers::KILL_FORMS,
        numbers::INJURE_FORMS,
        numbers::DIED_WORDS,
        numbers::DEATH_STEMS,
        numbers::INJURY_STEMS,
        numbers::COUNT_NOUNS,
        numbers::DURATION_STEMS,
        numbers::SCALE_SUFFIXES,
        numbers::CLOCK_SUFFIXES,
        page::LINK_OPENERS,
        page::LINK_LABELS,
        page::FURNITURE,
        page::FURNITURE_PREFIXES,
        page::CAPTION_LEAD_LABELS,
        page::MEDIA_POINTERS,
        page::TAG_LABELS,
        page::CAPTION_LABELS,
        page::SOURCE_LABELS,
        page::LIST_INTROS,
        page::AGENCIES,
        page::CREDIT_WORDS,
        page::CAPTION_OPENINGS,
        page::CREDIT_LABELS,
        page::NAV_OPENERS,
        page::READ_OPENERS,
        page::HTML_FURNITURE_TAGS,
        page::HTML_FURNITURE_NAME_PARTS,
        page::HTML_FURNITURE_NAMES,
        sentences::NEVER_FINAL,
        sentences::MAYBE_FINAL,
        sentences::STARTERS,
        sentences::COURTESY_TITLES,
        sentences::TITLE_SMALL,
        stop::ANALYSIS,
        stop::PAIR_STOP,
        stop::LIGHT_STEMS,
        stop::QUOTE_LIGHT,
        synonyms::NEWS,
        synonyms::QUOTES,
        synonyms::PAIR_SYNONYMS,
        synonyms::ANTONYMS,
        time::TIME_ZONES,
        verbs::REPORTING,
        verbs::AUXILIARIES,
        verbs::VERBS,
        verbs::IRREGULAR,
        verbs::ED_NOUNS,
        verbs::SAME_IN_PAST,
    ]
}

/// Every entry of the lexicon with the name of its list.
pub fn all() -> Vec<(&'static str, &'static str)> {
    lists()
        .into_iter()
        .flat_map(|(name, words)| words.into_iter().map(move |w| (name, w)))
        .collect()
}
