//! The furniture of news pages in general: link and navigation openers, menu and share labels,
//! credit and caption words, agencies. Each list holds what news sites commonly print around an
//! article, never words taken from one labelled article.

use super::contains;

/// Opening words of link and navigation lines that are not part of the report.
pub(crate) const LINK_OPENERS: &[&str] = &[
    "see also:",
    "read more:",
    "read also:",
    "also read:",
    "also see:",
    "related:",
    "related article:",
    "related articles:",
    "related stories:",
    "related story:",
    "recommended:",
    "more:",
    "watch:",
    "listen:",
    "read:",
    "more on this:",
    "more on this story:",
    "further reading:",
    "you may also like:",
    "don't miss:",
    "must read:",
    "trending:",
];

/// Short lines that are page furniture wherever they appear (compared case-insensitively, with
/// trailing punctuation ignored).
pub(crate) const FURNITURE: &[&str] = &[
    "advertisement",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "copy link",
    "listen to this article",
    "listen",
    "watch",
    "sign up",
    "subscribe",
    "comments",
    "skip to content",
    "skip to main content",
    "sponsored",
    "most read",
    "most popular",
    "related",
    "related stories",
    "related articles",
    "more on this story",
    "top stories",
    "trending",
    "read more",
    "see also",
    "print",
    "email",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "follow us",
    "supported by",
    "loading",
    "video",
    "audio",
    "gallery",
    "scroll to continue",
    "close",
    "menu",
    "share this with",
    "messenger",
    "pinterest",
    "reddit",
    "telegram",
    "copy this link",
    "share page",
    "share article",
    "save",
    "save article",
    "bookmark",
    "more",
    "next article",
    "previous article",
    "listen to article",
    "read next",
    "explore more",
    "topics",
    "tags",
    "related topics",
    "more on this topic",
];

/// Prefixes of furniture lines ("Image caption, ...", "Reporting by ...").
pub(crate) const FURNITURE_PREFIXES: &[&str] = &[
    "this article is more than",
    "reporting by ",
    "additional reporting by ",
    "writing by ",
    "editing by ",
    "compiled by ",
    "written by ",
    "(reporting by ",
    "photos by ",
    "all rights reserved",
    "copyright ",
    "©",
    "sign up for ",
    "subscribe to ",
    "follow us on ",
    "click here ",
    "get in front of tomorrow",
    "listen to this article",
    "your email address will not be published",
    "required fields are marked",
    "leave a reply",
    "leave a comment",
    "our standards:",
    "sign up to ",
    "download the app",
    // Embedded social posts: Instagram's credit line and the prompt above an embed.
    "a post shared by ",
    "view this post on ",
];

/// Labels that open a line of tags or topic links, which can run long: "Tags: Floods,
/// Weather", "Filed under: World, Europe". Content-management systems print these under
/// articles on most news sites (compared in lower case, at the start of a line).
pub(crate) const TAG_LABELS: &[&str] = &[
    "tags:",
    "tag:",
    "tagged:",
    "tagged with:",
    "topics:",
    "related topics:",
    "filed under:",
    "categories:",
    "category:",
    "keywords:",
    "more about:",
    "more on:",
];

/// Picture-desk labels that open a caption, as broadcasters' and agencies' pages print them
/// ("Image caption, Rescuers search ..."); extraction often glues them to the sentences around
/// them. Compared in ASCII lower case, written with a capital.
pub(crate) const CAPTION_LABELS: &[&str] = &[
    "image caption",
    "media caption",
    "photo caption",
    "picture caption",
    "video caption",
];

/// Labels that open a picture credit ("Image source, Getty Images"); the credit is a short
/// name, so what follows it may be a sentence.
pub(crate) const SOURCE_LABELS: &[&str] = &[
    "image source",
    "image copyright",
    "image credit",
    "picture source",
    "picture credit",
    "photo credit",
    "media source",
];

/// Openings of intro lines that only announce the list after them ("Here are the key points:",
/// "What we know:"), as live pages and explainers print them; the line must also end with a
/// colon. Compared in lower case with straight apostrophes.
pub(crate) const LIST_INTROS: &[&str] = &[
    "here's",
    "here is",
    "here are",
    "heres",
    "these are the",
    "below are",
    "below is",
    "this is what we know",
    "what we know",
    "what you need to know",
    "what to know",
    "key points",
    "the key points",
    "key takeaways",
    "key facts",
    "quick facts",
    "fast facts",
    "at a glance",
    "in brief",
    "in numbers",
    "in pictures",
    "things to know",
    "the latest",
];

/// Agencies and picture desks named in credits and bylines.
pub(crate) const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "epa",
    "getty",
    "getty images",
    "aap",
    "pa",
    "xinhua",
    "anadolu",
    "bloomberg",
    "ansa",
    "efe",
    "dpa",
    "shutterstock",
    "alamy",
    "nurphoto",
    "sopa",
    "sipa",
    "pool",
    "associated press",
    "ap photo",
    "upi",
    "tass",
    "ria novosti",
    "kyodo",
    "yonhap",
    "irna",
    "wana",
    "cnn",
    "bbc",
    "ani",
    "pti",
    "ips",
];

/// Words inside parentheses that make them a picture credit.
pub(crate) const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "image",
    "images",
    "picture",
    "pictures",
    "pic",
    "credit",
    "getty",
    "handout",
    "shutterstock",
    "file photo",
    "illustration",
];

/// Openings of caption lines (compared in lower case).
pub(crate) const CAPTION_OPENINGS: &[&str] = &[
    "photo shows ",
    "picture shows ",
    "this photo shows ",
    "this image shows ",
    "in this photo ",
    "in this file photo ",
    "in this image ",
    "in this handout photo ",
    "file photo:",
    "file photo -",
    "screenshot of ",
    "screengrab",
];

/// Words of a caption-credit label at the end of a caption line.
pub(crate) const CREDIT_LABELS: &[&str] = &[
    "photograph:",
    "photo:",
    "photos:",
    "picture:",
    "pictures:",
    "image:",
    "credit:",
    "photo credit:",
    "pic:",
    "illustration:",
    "photo by",
    "photograph by",
    "picture by",
    "image by",
];

pub(crate) fn agency(lower: &str) -> bool {
    contains(AGENCIES, lower)
}
