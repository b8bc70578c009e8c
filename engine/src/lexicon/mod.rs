//! The engine's word lists, in one place, each with its origin. Every list describes English or
//! news language in general; none holds a word because a labelled article used it (a test
//! checks that no entry is a proper name of the seed articles).
//!
//! Modules by subject: `sentences` (abbreviations, sentence openers, titles, Title Case small
//! words), `dates` (months, weekdays, date-stamp words), `time` (time zones), `verbs` (a small
//! verb lexicon), `page` (the furniture of news pages) and `credits` (wire services, newsroom
//! roles, caption verbs).

pub mod credits;
pub mod dates;
pub mod page;
pub mod sentences;
pub mod time;
pub mod verbs;

fn contains(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}
