//! Stop words: English function words that say little about what a sentence claims, and the
//! light words each stage may drop or weigh down.
//!
//! Origin: English function words (articles, prepositions, pronouns, auxiliaries, conjunctions)
//! as stop-word lists of information retrieval list them, and the commonest light verbs and
//! adverbs of news text.

/// English function words, for analysis: a word here is no name, figure or claim word.
pub(crate) const ANALYSIS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "it", "its", "is", "was", "were", "be", "been",
    "are", "has", "have", "had", "which", "who", "whom", "whose", "their", "his", "her", "he",
    "she", "they", "them", "we", "our", "us", "i", "you", "your", "s", "'s", "than", "also",
    "into", "about", "after", "before", "over", "such", "said", "says", "there", "then", "so",
    "if", "would", "will", "could", "can", "may", "might", "did", "do", "does", "not", "no",
];

/// Words too common to say what a sentence is about (order and phrasing features still see
/// them through the all-word n-grams).
///
/// Origin: English function words and "said"/"says".
pub(crate) const PAIR_STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "which", "who", "whom",
    "whose", "what", "there", "here", "than", "then", "so", "if", "into", "about", "also", "s",
    "said", "says", "say", "after", "before", "over", "up", "out", "all", "any", "some", "such",
    "other", "more", "most", "one", "would", "will", "can", "could", "may", "might", "should",
    "not", "no", "n't", "t", "while", "when", "where", "because", "both", "each",
];

/// Words that say little about which claim a sentence makes.
///
/// Each is a term key: "w:" and the English Snowball stem of the word.
///
/// Origin: English function words, light verbs ("make", "take", "say") and adverbs.
pub(crate) const LIGHT_STEMS: &[&str] = &[
    "w:told",
    "w:state",
    "w:statement",
    "w:report",
    "w:accord",
    "w:ad",
    "w:add",
    "w:say",
    "w:tell",
    "w:one",
    "w:year",
    "w:new",
    "w:last",
    "w:like",
    "w:more",
    "w:most",
    "w:other",
    "w:made",
    "w:make",
    "w:take",
    "w:took",
    "w:get",
    "w:got",
    "w:go",
    "w:went",
    "w:come",
    "w:came",
    "w:includ",
    "w:well",
    "w:just",
    "w:even",
    "w:still",
    "w:now",
    "w:time",
    "w:two",
    "w:three",
    "w:first",
    "w:being",
    "w:whether",
    "w:while",
    "w:when",
    "w:where",
    "w:what",
    "w:all",
    "w:some",
    "w:ani",
    "w:veri",
    "w:out",
    "w:up",
    "w:down",
    "w:how",
    "w:onli",
    "w:own",
    "w:same",
    "w:should",
    "w:must",
    "w:shall",
    "w:whi",
    "w:where",
    "w:against",
    "w:between",
    "w:through",
    "w:dure",
    "w:under",
    "w:again",
    "w:further",
    "w:here",
    "w:each",
    "w:few",
    "w:both",
    "w:nor",
    "w:too",
    "w:am",
    "w:my",
    "w:me",
    "w:him",
    "w:himself",
    "w:herself",
    "w:themselv",
    "w:itself",
    "w:yourself",
    "w:ourselv",
    "w:becaus",
    "w:until",
    "w:off",
    "w:abov",
    "w:below",
    "w:onc",
    "w:mr",
    "w:ms",
    "w:mrs",
];

/// Light words that change no claim when swapped in a translation (besides the stop words):
/// English particles, quantifiers and adverbs.
pub(crate) const QUOTE_LIGHT: &[&str] = &[
    "out", "up", "off", "down", "very", "already", "also", "just", "all", "any", "some", "own",
    "said", "same", "one", "more", "most", "much", "well", "even", "still", "yet", "other", "its",
    "s", "re", "latter", "former",
];
