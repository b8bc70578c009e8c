//! Function words by grammatical role: determiners, pronouns, subordinating conjunctions,
//! question words and copulas, and the phrases that open a subordinate clause.
//!
//! Origin: English grammar; closed word classes.

/// Words after which a base or "-s" form is a noun.
///
/// Origin: English articles, possessives and quantifying determiners.
pub(crate) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "no", "his", "her", "its", "their", "our", "my", "your", "every", "each",
    "any", "another",
];

/// English question words and the auxiliaries that open a yes/no question.
pub(crate) const QUESTION_WORDS: &[&str] = &[
    "what", "why", "how", "who", "when", "where", "which", "is", "are", "can", "could", "will",
    "would", "should", "do", "does", "did", "has", "have", "was", "were",
];

/// English wh-words that open a section label worded as an indirect question ("How we got
/// here").
pub(crate) const WH_LABELS: &[&str] = &["how", "why", "what", "where", "when", "who"];

/// Words that open a report's sentence rather than a caption: captions name who is pictured.
///
/// Origin: English pronouns, demonstratives and connectives.
pub(crate) const REPORT_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "however",
    "but",
    "and",
    "so",
    "yet",
    "meanwhile",
    "also",
    "still",
    "according",
];

/// Words after which a participle or verb form describes the noun that follows.
///
/// Origin: English articles, possessives and demonstratives.
pub(crate) const CAPTION_DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "these", "those",
];

/// Words that open a subordinate clause; a caption's own verb comes before them.
///
/// Origin: English subordinating conjunctions, relative pronouns and clause-opening
/// prepositions.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "after",
    "as",
    "while",
    "when",
    "before",
    "since",
    "because",
    "although",
    "though",
    "that",
    "who",
    "which",
    "where",
    "whose",
    "whom",
    "despite",
    "following",
    "amid",
    "until",
    "if",
];

/// English copula forms.
pub(crate) const COPULA: &[&str] = &["is", "are", "was", "were"];

/// Where a claim's main clause ends ("…, citing …", "…, which …", "…, according to …", a
/// semicolon or a spaced dash), matched in lower case.
///
/// Origin: English clause-opening participles, relative pronouns, conjunctions and
/// prepositions after a comma, and clause punctuation.
pub(crate) const CLAUSE_BREAKS: &[&str] = &[
    ", citing ",
    ", saying ",
    ", adding ",
    ", which ",
    ", who ",
    ", after ",
    ", as ",
    ", while ",
    ", although ",
    ", according ",
    ", including ",
    ", amid ",
    ", following ",
    ", with ",
    ", despite ",
    ", but ",
    ", a move ",
    ", in a ",
    "; ",
    " – ",
    " — ",
    " - ",
];
