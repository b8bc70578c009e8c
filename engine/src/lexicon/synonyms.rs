//! Synonyms and antonyms: groups of words that news reports use interchangeably, and pairs of
//! opposites.
//!
//! Origin: general news synonyms, each group a dictionary synonym set (as WordNet or a general
//! thesaurus lists them) that holds in news text in general. A group may not name an entity or
//! exist because one story (or one labelled article) worded a thing two ways.

/// Groups of words news reports use interchangeably for one thing. A general list: no group
/// may name an entity or depend on one story.
///
/// Words, one group a line, read through the English Snowball stemmer (term alignment).
pub(crate) const NEWS: &[&str] = &[
    "post posted release publish",
    "demand seek ask request",
    "reject deny dismiss refute",
    "condemn denounce criticise criticize slam",
    "accuse blame allege",
    "death dead kill die fatality",
    "injure injury wound",
    "rise climb increase jump soar surge",
    "fall drop decline decrease plunge",
    "aid assistance relief",
    "arrive reach",
    "official authority",
    "information data",
    "quake earthquake tremor",
    "begin start launch",
    "agree accept",
    "investigate probe",
    "large big major massive huge",
    "nation country",
    "shut close",
    "buy purchase acquire",
    "company firm",
    "arrest detain",
    "discover detect find",
    "objective goal aim purpose",
    "help assist",
    "talk discuss",
    "sanction penalty",
    "earlier previous prior",
    "second 2nd",
    "third 3rd",
    "kid child children",
    "car vehicle",
    "doctor physician",
    "rebel insurgent militant",
    "town city",
    "school college",
    "new fresh another renewed",
    "ministry department",
];

/// Groups of words that translations of one statement use interchangeably. General
/// vocabulary only; the point is to not flag "committed by" vs "carried out by", not to make
/// two translations of one labelled quotation agree.
///
/// Stems (English Snowball, with the quote comparer's spelling folds), for comparing two
/// renderings of one quotation.
pub(crate) const QUOTES: &[&[&str]] = &[
    &["commit", "carri", "perpetr", "conduct", "launch", "execut"],
    &["anoth", "new", "second", "further", "fresh", "addit"],
    &["hit", "strike", "struck", "target", "affect"],
    &["say", "said", "state", "declar", "told", "tell"],
    &["attack", "assault", "strike"],
    &["show", "demonstr", "prove", "reveal", "indic"],
    &["close", "shut"],
    &["cripple", "crippl", "paralyz", "disrupt"],
    &["aim", "goal", "object", "purpos", "target"],
    &["damag", "harm"],
    &["start", "begin", "began", "launch"],
    &["end", "finish", "conclud"],
    &["help", "assist", "aid"],
    &["alli", "partner"],
    &["countri", "nation", "state"],
    &["big", "larg", "major"],
    &["small", "minor", "littl"],
    &["quick", "rapid", "fast", "immedi", "swift", "prompt"],
    &["support", "back", "endors"],
    &["fals", "untru", "wrong"],
    &["expos", "reveal", "uncov"],
    &["denounc", "condemn"],
    &["oper", "function", "work"],
    &["consid", "deem", "regard"],
    &["leader", "head", "chief"],
    &["govern", "administr", "author"],
    &["seen", "saw", "observ", "notic"],
];

/// Groups of words a news text uses interchangeably (by stem); a claim word matches a document
/// word of the same group. General vocabulary only.
///
/// Stems, for the pair judge's soft word match.
pub(crate) const PAIR_SYNONYMS: &[&[&str]] = &[
    &["buy", "purchas", "acquir", "acquisit", "bought"],
    &["sell", "sold", "sale"],
    &["kill", "die", "dead", "death", "slain", "murder", "fatal"],
    &[
        "say", "said", "state", "tell", "told", "report", "announc", "claim", "declar",
    ],
    &[
        "start", "begin", "began", "begun", "launch", "initi", "commenc", "open",
    ],
    &["end", "finish", "conclud", "complet", "close"],
    &["big", "larg", "huge", "major", "great"],
    &["small", "littl", "minor", "tini"],
    &["help", "aid", "assist", "support"],
    &["show", "reveal", "indic", "demonstr", "suggest"],
    &["make", "made", "creat", "produc", "manufactur"],
    &["leav", "left", "quit", "resign", "depart", "step"],
    &["win", "won", "defeat", "beat", "victori"],
    &["arrest", "detain", "captur", "custodi"],
    &["hurt", "injur", "wound"],
    &["build", "built", "construct", "erect"],
    &["countri", "nation", "state"],
    &["peopl", "person", "individu", "resid", "citizen"],
    &["compani", "firm", "corpor", "busi", "group"],
    &["chief", "head", "leader", "director", "boss"],
    &["tri", "attempt", "seek", "sought"],
    &[
        "rise", "rose", "increas", "grow", "grew", "climb", "gain", "jump",
    ],
    &["fall", "fell", "drop", "declin", "decreas", "slip", "lower"],
    &["allow", "permit", "let", "authoris", "author"],
    &["need", "requir", "must"],
    &["get", "got", "receiv", "obtain", "gain"],
    &["use", "utilis", "util", "employ"],
    &["own", "possess", "hold", "held"],
    &["found", "establish", "set", "creat"],
    &["locat", "situat", "base"],
    &["govern", "administr", "author"],
    &["child", "children", "kid"],
    &["car", "vehicl", "automobil"],
    &["citi", "town"],
    &["job", "work", "employ"],
    &["attack", "assault", "strike", "struck", "hit"],
    &["near", "close"],
    &["ban", "prohibit", "forbid", "outlaw"],
    &["plan", "intend", "aim", "propos"],
    &["meet", "met", "meeting", "talk"],
    &["elect", "vote", "chose", "choos"],
    &["talk", "speak", "spoke", "discuss"],
    &["money", "fund", "cash"],
    &["percent", "%", "per"],
    &["million", "m", "mln"],
    &["billion", "bn", "bln"],
    &["born", "birth"],
    &["marri", "wed", "wife", "husband"],
    &["invent", "discov", "develop", "devis"],
    &["write", "wrote", "written", "author"],
    &["lead", "led", "head", "guid"],
    &["join", "enter", "becam", "becom"],
    &["live", "resid", "inhabit"],
    &["war", "conflict", "fight", "battl"],
    &["prison", "jail", "imprison", "sentenc"],
];

/// Pairs of opposites: one on each side is a contradiction cue.
///
/// Origin: English antonym pairs (stems or word forms).
pub(crate) const ANTONYMS: &[(&str, &str)] = &[
    ("increas", "decreas"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("win", "lose"),
    ("won", "lost"),
    ("up", "down"),
    ("gain", "loss"),
    ("higher", "lower"),
    ("more", "less"),
    ("larg", "small"),
    ("before", "after"),
    ("accept", "reject"),
    ("allow", "ban"),
    ("approv", "reject"),
    ("open", "close"),
    ("born", "die"),
    ("alive", "dead"),
    ("first", "last"),
    ("buy", "sell"),
    ("bought", "sold"),
    ("north", "south"),
    ("east", "west"),
    ("male", "femal"),
    ("young", "old"),
];
