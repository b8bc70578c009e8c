//! Negation and modality: the English words that turn a statement around ("not", "never",
//! "denied that", "failed to"), the prefixes that negate a word ("un-", "ir-"), and the modal
//! words that make a statement a possibility.
//!
//! Origin: English grammar (negators, contractions, negating prefixes, modal verbs and adverbs).

/// English negators (besides "no", which the caller reads apart: "No. 10" is a number sign).
pub(crate) const CUES: &[&str] = &[
    "not", "never", "without", "nor", "neither", "none", "nobody", "nothing", "nowhere", "cannot",
];

/// Negative contractions typed without their apostrophe ("dont"); "wont" and "cant" are words
/// too, so they are left out.
pub(crate) const BARE_CONTRACTIONS: &[&str] = &[
    "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "hasnt", "havent", "hadnt",
    "couldnt", "wouldnt", "shouldnt",
];

/// Forms of "deny", a negation before "that".
pub(crate) const DENY_FORMS: &[&str] = &["denied", "denies", "deny", "denying"];

/// Forms of the verbs that negate what follows them before "to" ("failed to", "refused to").
pub(crate) const REFUSE_FORMS: &[&str] = &[
    "failed",
    "fails",
    "fail",
    "failing",
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "declined",
    "declines",
    "decline",
    "declining",
];

/// Words whose presence or absence turns a statement around.
///
/// Origin: English negators.
pub(crate) const QUOTE_NEGATORS: &[&str] = &[
    "not", "no", "never", "n't", "without", "nor", "neither", "none", "nothing", "nobody", "cannot",
];

/// English negating prefixes ("irreprehensible" against "reprehensible").
pub(crate) const QUOTE_PREFIXES: &[&str] = &["ir", "in", "un", "non", "dis", "im", "il", "non-"];

/// English negating prefixes ("unlikely" against "likely").
pub(crate) const ANTONYM_PREFIXES: &[&str] = &["un", "in", "ir", "il", "im", "non", "dis"];

/// English negators and the verbs that negate, as the pair judge counts them ("t" is what
/// "n't" leaves after tokenising).
pub(crate) const PAIR_NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "t", "none", "nobody", "nothing", "neither", "nor", "without",
    "cannot", "failed", "fails", "denied", "denies", "refused", "refuses",
];

/// English modal verbs, hedging adverbs and verbs of plans and expectations: a claim that is
/// only a possibility.
pub(crate) const MODALS: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "should",
    "possibly",
    "perhaps",
    "likely",
    "plans",
    "planned",
    "expected",
    "allegedly",
    "reportedly",
    "if",
    "whether",
    "hopes",
    "wants",
];
