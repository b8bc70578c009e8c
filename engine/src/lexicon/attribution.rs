//! Words of attribution and hedging: reporting verbs and how strongly each attributes ("said",
//! "confirmed", "alleged", "denied"), the words that may stand between a speaker and its verb,
//! and the adverbs and phrases that put a claim tentatively ("reportedly", "believed to").
//!
//! Origin: English reporting verbs as news style guides discuss them (AP Stylebook's "said" and
//! its loaded alternatives), and English function words and hedges.

use crate::analyze::Strength;

/// Reporting verbs by surface form: (form, lemma, strength).
///
/// Origin: English reporting verbs and their inflections.
pub(crate) const VERBS: &[(&str, &str, Strength)] = &[
    ("said", "say", Strength::Neutral),
    ("say", "say", Strength::Neutral),
    ("says", "say", Strength::Neutral),
    ("saying", "say", Strength::Neutral),
    ("told", "tell", Strength::Neutral),
    ("tells", "tell", Strength::Neutral),
    ("telling", "tell", Strength::Neutral),
    ("stated", "state", Strength::Neutral),
    ("states", "state", Strength::Neutral),
    ("stating", "state", Strength::Neutral),
    ("tweeted", "tweet", Strength::Neutral),
    ("tweets", "tweet", Strength::Neutral),
    ("tweeting", "tweet", Strength::Neutral),
    ("added", "add", Strength::Neutral),
    ("adding", "add", Strength::Neutral),
    ("adds", "add", Strength::Neutral),
    ("wrote", "write", Strength::Neutral),
    ("writes", "write", Strength::Neutral),
    ("written", "write", Strength::Neutral),
    ("reported", "report", Strength::Neutral),
    ("reports", "report", Strength::Neutral),
    ("announced", "announce", Strength::Neutral),
    ("announces", "announce", Strength::Neutral),
    ("noted", "note", Strength::Neutral),
    ("explained", "explain", Strength::Neutral),
    ("declared", "declare", Strength::Neutral),
    ("described", "describe", Strength::Neutral),
    ("insisted", "insist", Strength::Neutral),
    ("warned", "warn", Strength::Neutral),
    ("confirmed", "confirm", Strength::Confirmed),
    ("confirms", "confirm", Strength::Confirmed),
    ("confirm", "confirm", Strength::Confirmed),
    ("confirming", "confirm", Strength::Confirmed),
    ("showed", "show", Strength::Confirmed),
    ("shown", "show", Strength::Confirmed),
    ("show", "show", Strength::Confirmed),
    ("shows", "show", Strength::Confirmed),
    ("found", "find", Strength::Confirmed),
    ("finds", "find", Strength::Confirmed),
    ("established", "establish", Strength::Confirmed),
    ("proved", "prove", Strength::Confirmed),
    ("proven", "prove", Strength::Confirmed),
    ("verified", "verify", Strength::Confirmed),
    ("determined", "determine", Strength::Confirmed),
    ("concluded", "conclude", Strength::Confirmed),
    ("acknowledged", "acknowledge", Strength::Confirmed),
    ("admitted", "admit", Strength::Confirmed),
    ("alleged", "allege", Strength::Alleged),
    ("alleges", "allege", Strength::Alleged),
    ("allege", "allege", Strength::Alleged),
    ("alleging", "allege", Strength::Alleged),
    ("claimed", "claim", Strength::Alleged),
    ("claims", "claim", Strength::Alleged),
    ("claiming", "claim", Strength::Alleged),
    ("accused", "accuse", Strength::Alleged),
    ("accuses", "accuse", Strength::Alleged),
    ("accuse", "accuse", Strength::Alleged),
    ("accusing", "accuse", Strength::Alleged),
    ("blamed", "blame", Strength::Alleged),
    ("blames", "blame", Strength::Alleged),
    ("blame", "blame", Strength::Alleged),
    ("blaming", "blame", Strength::Alleged),
    ("suspected", "suspect", Strength::Alleged),
    ("suspects", "suspect", Strength::Alleged),
    ("charged", "charge", Strength::Alleged),
    ("denounced", "denounce", Strength::Condemned),
    ("denounces", "denounce", Strength::Condemned),
    ("denounce", "denounce", Strength::Condemned),
    ("denouncing", "denounce", Strength::Condemned),
    ("condemned", "condemn", Strength::Condemned),
    ("condemns", "condemn", Strength::Condemned),
    ("condemn", "condemn", Strength::Condemned),
    ("condemning", "condemn", Strength::Condemned),
    ("criticised", "criticise", Strength::Condemned),
    ("criticized", "criticise", Strength::Condemned),
    ("slammed", "slam", Strength::Condemned),
    ("decried", "decry", Strength::Condemned),
    ("denied", "deny", Strength::Denied),
    ("denies", "deny", Strength::Denied),
    ("deny", "deny", Strength::Denied),
    ("denying", "deny", Strength::Denied),
    ("rejected", "reject", Strength::Denied),
    ("rejects", "reject", Strength::Denied),
    ("reject", "reject", Strength::Denied),
    ("rejecting", "reject", Strength::Denied),
    ("dismissed", "dismiss", Strength::Denied),
    ("dismisses", "dismiss", Strength::Denied),
    ("dismissing", "dismiss", Strength::Denied),
    ("refuted", "refute", Strength::Denied),
    ("rebuffed", "rebuff", Strength::Denied),
    ("disputed", "dispute", Strength::Denied),
];

/// Lemmas of reporting verbs that news inverts after a quotation ("..., said the minister").
pub(crate) const INVERTED_VERBS: &[&str] = &[
    "say", "state", "tweet", "write", "add", "announce", "declare", "explain", "note", "report",
    "insist", "warn",
];

/// Words allowed between a speaker and its verb ("the ministry has also strongly condemned").
///
/// Origin: English auxiliaries and adverbs of manner and time.
pub(crate) const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "strongly",
    "previously",
    "later",
    "then",
    "publicly",
    "officially",
    "repeatedly",
    "earlier",
    "again",
    "already",
    "firmly",
    "flatly",
    "swiftly",
    "quickly",
    "immediately",
    "once",
    "subsequently",
    "reportedly",
    "allegedly",
    "to",
    "on",
    "went",
    "go",
    "goes",
    "going",
    "continued",
    "would",
    "will",
    "had",
    "been",
    "not",
    "never",
    "also",
    "vehemently",
    "categorically",
    "has",
];

/// Words that may sit inside a speaker's name or title.
///
/// Origin: English function words and common name particles.
pub(crate) const JOINERS: &[&str] = &["of", "the", "and", "for", "'s", "de", "al", "e"];

/// English personal pronouns: a speaker in themselves.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Lower-case words that cannot be part of a speaker's noun phrase: English prepositions,
/// conjunctions and adverbs, and verbs that follow a subject ("include", "want", "need").
pub(crate) const NOT_NOUNISH: &[&str] = &[
    "alongside",
    "behind",
    "including",
    "despite",
    "against",
    "among",
    "within",
    "without",
    "toward",
    "towards",
    "across",
    "through",
    "during",
    "upon",
    "onto",
    "via",
    "per",
    "amid",
    "like",
    "near",
    "include",
    "includes",
    "want",
    "wants",
    "need",
    "needs",
    "later",
    "earlier",
    "since",
    "while",
    "because",
    "though",
    "although",
    "however",
    "where",
    "here",
    "now",
    "whether",
    "under",
    "between",
    "beyond",
    "around",
    "about",
    "until",
];

/// English hedging adverbs and adjectives: the claim is put tentatively ("reportedly").
pub(crate) const HEDGE_ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "presumably",
    "possibly",
    "probably",
    "likely",
    "unconfirmed",
    "unverified",
    "seemingly",
];

/// Participles that hedge before "to" ("believed to", "understood to").
pub(crate) const HEDGE_PARTICIPLES: &[&str] =
    &["believed", "thought", "understood", "rumoured", "rumored"];

/// Forms of "appear" and "seem" that hedge before "to".
pub(crate) const SEEM_FORMS: &[&str] =
    &["appears", "appeared", "seems", "seemed", "appear", "seem"];

/// Adjectives that make a finding provisional ("preliminary results", "initial information").
pub(crate) const EARLY_WORDS: &[&str] = &["preliminary", "initial", "early", "first"];

/// Nouns for what an inquiry finds, hedged by `EARLY_WORDS`.
pub(crate) const FINDING_NOUNS: &[&str] = &[
    "results",
    "findings",
    "information",
    "indications",
    "reports",
    "data",
    "assessment",
    "investigation",
];

/// English reporting verbs and nouns: a day next to one is the day something was said, not the
/// day it happened.
pub(crate) const STATEMENT_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "statement",
    "announced",
    "tweeted",
    "added",
    "reported",
    "confirmed",
    "tweet",
    "posted",
    "wrote",
];
