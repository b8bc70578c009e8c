//! The claim database: the one data model shared by the engine, the CLI export and the widget.
//!
//! It is versioned: a reader of a database checks `version` before trusting anything else,
//! so a widget built against an older engine shows a clear message instead of misreading data.
//! The same structs serialise to the portable JSON export (`Database::to_json`) and, through
//! `wire` (the same fields with nothing stored twice), to the compact binary form the widget
//! embeds (`Database::to_bin`), so the two can never drift apart.
//!
//! It is its own crate so that the widget, which only reads databases, depends on this and
//! serde alone, never on the engine (ndarray, safetensors, the lexicons). The JSON form is
//! behind the `json` feature for the same reason: the widget reads only the binary form.

use serde::{Deserialize, Serialize};

mod incoming;
mod lazy;
pub mod stream;
mod wire;

pub use incoming::Incoming;
pub use lazy::{checksum as bin_checksum, LazyVerdicts};
pub use stream::{DbWriter, Format};

/// The data model's version, in the JSON export and inside the binary form: bumped whenever a
/// field's meaning changes. 2: omissions are implicit (see `Database::verdicts`).
pub const DB_VERSION: u32 = 2;

/// The binary layout's version, in the binary form's header: bumped whenever its encoding
/// changes, even when the model does not. 2: segment texts, difference texts and source ids
/// are no longer stored twice, and shared-word spans are runs per segment (see `wire`).
/// 3: an index of each sentence's verdicts and a checksum end the file (see `lazy`).
pub const BIN_VERSION: u32 = 3;

/// Leading bytes of the binary form, so a truncated or foreign file is rejected before decoding.
pub const BIN_MAGIC: &[u8; 4] = b"XCDB";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Database {
    pub version: u32,
    pub sources: Vec<Source>,
    pub segments: Vec<Segment>,
    /// At most one verdict per (claim or headline segment, other source) pair. A pair without
    /// one is `omits`: the other source does not state the claim, and no confidence is given.
    /// The engine writes only the sources that carry a claim (`corroborates`, `differs`); an
    /// explicit `omits` verdict is still valid and means the same, with its confidence. Why:
    /// omissions are most of a big cluster's pairs and say nothing beyond their absence, so
    /// storing them made the database grow with the square of the cluster.
    pub verdicts: Vec<Verdict>,
}

/// One article of the cluster. `id` is the file stem; metadata is only what `sources.toml`
/// or the text itself says (an outlet is never invented).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// `YYYY-MM-DD`: from `sources.toml` or found in the text; anchors relative dates.
    pub published: Option<String>,
    pub language: Option<String>,
    /// The article exactly as read; segment spans are byte offsets into it.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Claim,
    Headline,
    Boilerplate,
}

impl SegmentKind {
    /// Claims and headlines get verdicts; boilerplate never does.
    pub fn gets_verdicts(self) -> bool {
        !matches!(self, SegmentKind::Boilerplate)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Unique across the whole database; verdicts and evidence refer to it.
    pub id: u32,
    pub source: String,
    /// `source.text[start..end]`, kept so readers of the export need not slice.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    /// Index of the paragraph (blank-line or line-break separated block) within the article.
    pub paragraph: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Corroborates,
    Differs,
    Omits,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Corroborates => "corroborates",
            Label::Differs => "differs",
            Label::Omits => "omits",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub segment: u32,
    /// The other source's id.
    pub other: String,
    pub label: Label,
    /// Confidence in `label`, 0..=1.
    pub score: f32,
    /// Segment ids in `other` that carry the claim (empty for `omits`).
    pub evidence: Vec<u32>,
    pub differences: Vec<Difference>,
    /// Words the claim shares with the evidence, as byte ranges into each evidence segment's
    /// text, so the widget can emphasise them without re-deriving the match.
    pub shared: Vec<SharedSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    Number,
    Date,
    Entity,
    Quote,
    Attribution,
    Negation,
}

impl DiffKind {
    /// The label a reader sees.
    pub fn human(self) -> &'static str {
        match self {
            DiffKind::Number => "number",
            DiffKind::Date => "date",
            DiffKind::Entity => "name",
            DiffKind::Quote => "quote wording",
            DiffKind::Attribution => "attribution",
            DiffKind::Negation => "negation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    pub kind: DiffKind,
    /// The differing span of the claim segment.
    pub here: String,
    /// The differing span of the evidence segment.
    pub there: String,
    /// Byte range of `here` within the claim segment's text.
    pub here_span: (usize, usize),
    /// The evidence segment `there` comes from, and the byte range within its text.
    pub there_segment: u32,
    pub there_span: (usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedSpan {
    pub segment: u32,
    pub start: usize,
    pub end: usize,
}

/// Why a database could not be read. The widget shows these to the reader as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbError {
    NotADatabase,
    /// The data model's version (`DB_VERSION`).
    WrongVersion {
        found: u32,
        expected: u32,
    },
    /// The binary form's layout version (`BIN_VERSION`), in its header.
    WrongLayout {
        found: u32,
        expected: u32,
    },
    Corrupt(String),
    Inconsistent(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::NotADatabase => write!(f, "this is not a Crosscheck claim database"),
            DbError::WrongVersion { found, expected } => write!(
                f,
                "the claim database is version {found}, this widget reads version {expected}"
            ),
            DbError::WrongLayout { found, expected } => write!(
                f,
                "the claim database's binary layout is version {found}, this widget reads layout \
                 version {expected} (rebuild it with the matching crosscheck)"
            ),
            DbError::Corrupt(why) => write!(f, "the claim database is damaged: {why}"),
            DbError::Inconsistent(why) => write!(f, "the claim database is inconsistent: {why}"),
        }
    }
}

impl std::error::Error for DbError {}

impl Database {
    /// The portable export: the database as pretty-printed JSON (`serde_json`'s, two-space
    /// indents).
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        match self.write_json(&mut out).map(|()| String::from_utf8(out)) {
            Ok(Ok(text)) => text,
            _ => String::from("{}"),
        }
    }

    /// `to_json`'s bytes, written to `out` as they are made: a big cluster's export is several
    /// times its database's memory, and need never be held whole.
    #[cfg(feature = "json")]
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        DbWriter::new(Format::Json, self, out)?.finish().map(drop)
    }

    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Database, DbError> {
        /// Only the version, read first so a database of another version gets its own error;
        /// every other field is skipped without being built (a generic `Value` of a large
        /// export costs several times the database's own memory).
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            version: Option<serde_json::Value>,
        }
        let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => DbError::NotADatabase,
            _ => DbError::Corrupt(e.to_string()),
        })?;
        let version = probe
            .version
            .and_then(|v| v.as_u64())
            .ok_or(DbError::NotADatabase)?;
        if version != u64::from(DB_VERSION) {
            return Err(DbError::WrongVersion {
                found: u32::try_from(version).unwrap_or(u32::MAX),
                expected: DB_VERSION,
            });
        }
        let db: Database =
            serde_json::from_str(text).map_err(|e| DbError::Corrupt(e.to_string()))?;
        db.validate()?;
        Ok(db)
    }

    /// The label on `segment` against source `other`: its stored verdict's, else `omits` (left
    /// implicit) when the database judges that pair, a claim or headline against another of
    /// its sources; `None` for a pair it does not judge. A scan of the verdicts: a reader with
    /// many lookups indexes them once instead.
    pub fn label(&self, segment: u32, other: &str) -> Option<Label> {
        let seg = self.segments.iter().find(|s| s.id == segment)?;
        let judged = seg.kind.gets_verdicts()
            && seg.source != other
            && self.sources.iter().any(|s| s.id == other);
        if !judged {
            return None;
        }
        Some(
            self.verdicts
                .iter()
                .find(|v| v.segment == segment && v.other == other)
                .map_or(Label::Omits, |v| v.label),
        )
    }

    /// Magic, the little-endian layout version (`BIN_VERSION`), then the `wire` body in
    /// postcard, the index of its verdicts and a checksum (see `lazy`): compact, and checked
    /// before decoding. Empty (which no reader accepts) for a
    /// database whose references cannot be written, one `validate` refuses. Copied texts are
    /// not written, so a database whose copies disagree with their offsets (which `validate`
    /// refuses too) decodes with the texts its offsets give.
    pub fn to_bin(&self) -> Vec<u8> {
        DbWriter::new(Format::Bin, self, Vec::with_capacity(4096))
            .and_then(DbWriter::finish)
            .unwrap_or_default()
    }

    /// Reads the binary form whole: what [`LazyVerdicts::read`] reads, then every verdict.
    pub fn from_bin(bytes: &[u8]) -> Result<Database, DbError> {
        let (mut db, file) = LazyVerdicts::read(bytes.to_vec())?;
        let texts = SegmentTexts::new(&db.segments);
        db.verdicts = file.all(&db.sources, |id| texts.get(id))?;
        db.validate()?;
        Ok(db)
    }

    /// Checks every cross-reference, so the widget can index without bounds panics.
    pub fn validate(&self) -> Result<(), DbError> {
        use std::collections::{HashMap, HashSet};
        let sources: HashMap<&str, &Source> =
            self.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        if sources.len() != self.sources.len() {
            return Err(DbError::Inconsistent("two sources share an id".into()));
        }
        let mut ids = HashSet::new();
        for seg in &self.segments {
            let src = sources.get(seg.source.as_str()).ok_or_else(|| {
                DbError::Inconsistent(format!("segment {} names an unknown source", seg.id))
            })?;
            if !ids.insert(seg.id) {
                return Err(DbError::Inconsistent(format!(
                    "segment id {} repeats",
                    seg.id
                )));
            }
            if src.text.get(seg.start..seg.end) != Some(seg.text.as_str()) {
                return Err(DbError::Inconsistent(format!(
                    "segment {} does not match its source text",
                    seg.id
                )));
            }
        }
        let seg_text = SegmentTexts::new(&self.segments);
        for v in &self.verdicts {
            if seg_text.get(v.segment).is_none() || !sources.contains_key(v.other.as_str()) {
                return Err(DbError::Inconsistent(format!(
                    "a verdict on segment {} refers to something missing",
                    v.segment
                )));
            }
            // In range and on char boundaries: the widget slices segment text with these.
            let in_range = |seg: u32, start: usize, end: usize| {
                seg_text
                    .get(seg)
                    .is_some_and(|t| t.get(start..end).is_some())
            };
            let ok = v.evidence.iter().all(|&e| seg_text.get(e).is_some())
                && v.shared.iter().all(|s| in_range(s.segment, s.start, s.end))
                && v.differences.iter().all(|d| {
                    // The spans slice the two segments to exactly the texts given.
                    let slice = |seg: u32, (start, end): (usize, usize)| {
                        seg_text.get(seg).and_then(|t| t.get(start..end))
                    };
                    slice(v.segment, d.here_span) == Some(d.here.as_str())
                        && slice(d.there_segment, d.there_span) == Some(d.there.as_str())
                });
            if !ok {
                return Err(DbError::Inconsistent(format!(
                    "a verdict on segment {} points outside its segments",
                    v.segment
                )));
            }
        }
        Ok(())
    }
}

/// Segment texts by id, for `validate`'s per-verdict checks and for rebuilding verdicts from
/// the binary form (whole or lazily). The engine numbers segments 0, 1, 2…, so a vector indexed
/// by id answers without hashing: a 200-article database has 700,000 verdicts, each checked
/// against several segments. Sparse ids use a map.
enum SegmentTexts<'a> {
    Dense(Vec<Option<&'a str>>),
    Sparse(std::collections::HashMap<u32, &'a str>),
}

impl<'a> SegmentTexts<'a> {
    fn new(segments: &'a [Segment]) -> SegmentTexts<'a> {
        let max = segments.iter().map(|s| s.id as usize).max().unwrap_or(0);
        if max < segments.len().saturating_mul(4).saturating_add(64) {
            let mut v = vec![None; max + 1];
            for s in segments {
                v[s.id as usize] = Some(s.text.as_str());
            }
            SegmentTexts::Dense(v)
        } else {
            SegmentTexts::Sparse(segments.iter().map(|s| (s.id, s.text.as_str())).collect())
        }
    }

    fn get(&self, id: u32) -> Option<&'a str> {
        match self {
            SegmentTexts::Dense(v) => v.get(id as usize).copied().flatten(),
            SegmentTexts::Sparse(m) => m.get(&id).copied(),
        }
    }
}
