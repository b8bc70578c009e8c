//! Read-only lookups over a validated claim database, built once per database so that every
//! render is a cheap lookup instead of a scan: sources, segments in reading order, and each
//! sentence's verdicts (the binary form's rebuilt on first use). The shapes the views read
//! (coverage counts, paragraphs, emphasis runs) are in `view`.
//!
//! Nothing here decides a verdict: it only regroups what the engine wrote.

mod view;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use crosscheck_model::{
    Database, DbError, Incoming, Label, LazyVerdicts, Segment, SegmentKind, Source, Verdict,
};

use crate::order;

pub use view::{plural, runs, BlockKind, Coverage, Emphasis, Paragraph, Piece, Run};

/// Lookups over one database. Built by [`Index::decode`] or [`Index::new`].
#[derive(Debug)]
pub struct Index {
    pub db: Database,
    seg_pos: HashMap<u32, usize>,
    source_pos: HashMap<String, usize>,
    /// Per source (in database order): its segments' positions, in reading order.
    by_source: Vec<Vec<usize>>,
    /// Per segment: its stored verdicts, ordered like the sources.
    verdicts: Verdicts,
}

/// One sentence's verdicts from the binary form, rebuilt the first time they are asked for.
type Rebuilt = OnceCell<Result<Vec<Verdict>, DbError>>;

/// The stored verdicts of each sentence, ordered like the sources, a repeated pair keeping its
/// first. Both forms are lists by segment position (as `seg_pos` gives it), not maps by id:
/// every map of another type compiles a hash table of its own into the wasm.
#[derive(Debug)]
enum Verdicts {
    /// Positions in `db.verdicts`: a database given whole (the JSON export, a page's object).
    Whole(Vec<Vec<usize>>),
    /// The binary form's, rebuilt the first time a sentence's verdicts are asked for (a big
    /// story's verdicts are most of its file, and the first article needs only its own; see
    /// `crosscheck_model::LazyVerdicts`).
    /// A sentence whose verdicts do not check (a file made to pass the checksum) keeps its
    /// error, and is shown as unreadable, never as omitted by everyone. `None` for a segment
    /// the file stores no verdicts on.
    Lazy {
        file: LazyVerdicts,
        cache: Vec<Option<Rebuilt>>,
    },
}

impl Index {
    /// Reads and validates the binary database, its verdicts left to be decoded and checked
    /// per sentence when first asked for; the error is what a reader is shown. Bytes given by value (a
    /// fetched file) are kept without a copy.
    pub fn decode(bytes: impl Into<Vec<u8>>) -> Result<Index, DbError> {
        // The generic part stays this one line: the work below is compiled once, not once per
        // kind of bytes (the embedded slice, a fetched `Vec`), which the wasm download pays.
        Index::decode_vec(bytes.into())
    }

    fn decode_vec(bytes: Vec<u8>) -> Result<Index, DbError> {
        Index::lazy(LazyVerdicts::read(bytes)?)
    }

    /// [`Index::decode`] of a file gathered as its download arrived, already summed (see
    /// `crosscheck_model::Incoming`).
    pub fn decode_incoming(incoming: Incoming) -> Result<Index, DbError> {
        Index::lazy(incoming.read()?)
    }

    fn lazy((db, file): (Database, LazyVerdicts)) -> Result<Index, DbError> {
        let mut index = Index::with(db);
        // `read` refuses a file whose verdicts name a segment it does not have.
        let mut cache: Vec<Option<Rebuilt>> = index.db.segments.iter().map(|_| None).collect();
        for segment in file.segments() {
            if let Some(slot) = index.position(segment).and_then(|p| cache.get_mut(p)) {
                *slot = Some(OnceCell::new());
            }
        }
        index.verdicts = Verdicts::Lazy { file, cache };
        Ok(index)
    }

    /// Indexes an already valid database (see `Database::validate`).
    pub fn new(db: Database) -> Index {
        let mut index = Index::with(db);
        // Per segment, (other source's position, verdict position), sorted so that the
        // sources come in database order and a repeated pair keeps its first verdict.
        // Sorting, not a scan per verdict: a 200-article cluster has 199 verdicts on every
        // sentence.
        // A valid database's verdicts are all on segments it has.
        let mut pairs: Vec<Vec<order::Key>> = vec![Vec::new(); index.db.segments.len()];
        for (i, v) in index.db.verdicts.iter().enumerate() {
            let other = index.source_index(&v.other).unwrap_or(usize::MAX);
            if let Some(list) = index.position(v.segment).and_then(|p| pairs.get_mut(p)) {
                list.push((other, i, 0));
            }
        }
        index.verdicts = Verdicts::Whole(
            pairs
                .into_iter()
                .map(|mut list| {
                    order::sort(&mut list);
                    list.dedup_by_key(|(other, _, _)| *other);
                    list.into_iter().map(|(_, i, _)| i).collect()
                })
                .collect(),
        );
        index
    }

    /// The index of `db` with no verdicts yet: [`Index::new`] and [`Index::decode`] fill them
    /// in. Not generic over how they do (a closure argument was), so it is compiled once.
    fn with(db: Database) -> Index {
        let seg_pos: HashMap<u32, usize> = db
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let source_pos: HashMap<String, usize> = db
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut by_source = vec![Vec::new(); db.sources.len()];
        for (i, seg) in db.segments.iter().enumerate() {
            if let Some(&p) = source_pos.get(&seg.source) {
                by_source[p].push(i);
            }
        }
        for list in &mut by_source {
            let seg = |i: usize| &db.segments[i];
            let mut keys: Vec<order::Key> = list
                .iter()
                .map(|&i| (seg(i).start, seg(i).end, i))
                .collect();
            order::sort(&mut keys);
            *list = keys.into_iter().map(|(_, _, i)| i).collect();
        }
        Index {
            db,
            seg_pos,
            source_pos,
            by_source,
            verdicts: Verdicts::Whole(Vec::new()),
        }
    }

    pub fn sources(&self) -> &[Source] {
        &self.db.sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_pos.get(id).map(|&i| &self.db.sources[i])
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.source_pos.get(id).copied()
    }

    pub fn segment(&self, id: u32) -> Option<&Segment> {
        self.seg_pos.get(&id).map(|&i| &self.db.segments[i])
    }

    /// Where segment `id` is in `db.segments`.
    fn position(&self, id: u32) -> Option<usize> {
        self.seg_pos.get(&id).copied()
    }

    /// The segments of the source at `source` (database order), in reading order.
    pub fn segments_of(&self, source: usize) -> impl Iterator<Item = &Segment> {
        self.by_source
            .get(source)
            .into_iter()
            .flatten()
            .map(|&i| &self.db.segments[i])
    }

    /// The sentences a reader can open: claims and headlines, in reading order.
    pub fn clickable_of(&self, source: usize) -> Vec<u32> {
        self.segments_of(source)
            .filter(|s| s.kind.gets_verdicts())
            .map(|s| s.id)
            .collect()
    }

    /// The binary form's verdicts on one sentence, decoded and checked the first time.
    fn decoded(&self, segment: u32) -> Option<&Result<Vec<Verdict>, DbError>> {
        let Verdicts::Lazy { file, cache } = &self.verdicts else {
            return None;
        };
        let cell = cache.get(self.position(segment)?)?.as_ref()?;
        Some(cell.get_or_init(|| {
            let text = |id: u32| self.segment(id).map(|s| s.text.as_str());
            file.verdicts_on(segment, &self.db.sources, text)
                .map(|list| self.in_source_order(list))
        }))
    }

    /// Why the verdicts on `segment` cannot be read, when the database file holds them but
    /// they do not check (a file made to pass its checksum): the sentence then has no
    /// verdicts, not an omission by every report.
    pub fn unreadable(&self, segment: u32) -> Option<&DbError> {
        self.decoded(segment)?.as_ref().err()
    }

    /// The stored verdicts on one sentence, ordered like the sources.
    fn stored(&self, segment: u32) -> impl Iterator<Item = &Verdict> {
        let (whole, lazy) = match &self.verdicts {
            Verdicts::Whole(at) => (self.position(segment).and_then(|p| at.get(p)), None),
            Verdicts::Lazy { .. } => (None, self.decoded(segment).and_then(|r| r.as_ref().ok())),
        };
        whole
            .into_iter()
            .flatten()
            .map(|&i| &self.db.verdicts[i])
            .chain(lazy.into_iter().flatten())
    }

    /// `list` (in file order) ordered like the sources, a repeated pair keeping its first.
    fn in_source_order(&self, list: Vec<Verdict>) -> Vec<Verdict> {
        // (source position, file position) sorted as `Index::new` sorts its pairs.
        let mut keys: Vec<order::Key> = list
            .iter()
            .enumerate()
            .map(|(i, v)| (self.source_index(&v.other).unwrap_or(usize::MAX), i, 0))
            .collect();
        order::sort(&mut keys);
        keys.dedup_by_key(|(other, _, _)| *other);
        let mut list: Vec<Option<Verdict>> = list.into_iter().map(Some).collect();
        keys.into_iter()
            .filter_map(|(_, i, _)| list.get_mut(i).and_then(Option::take))
            .collect()
    }

    /// The position of the source whose sentence `segment` is, when it gets verdicts (and
    /// they can be read): every other source then has one, stored or (for `omits`) left
    /// implicit.
    fn judged_source(&self, segment: u32) -> Option<usize> {
        let seg = self.segment(segment)?;
        (seg.kind.gets_verdicts() && self.unreadable(segment).is_none())
            .then(|| self.source_index(&seg.source))
            .flatten()
    }

    /// The verdicts on one sentence, one per other source, ordered like the sources: the
    /// stored ones borrowed, and an owned `omits` (no evidence, score 0, its confidence not
    /// stated) for each source the database leaves implicit (data model 2).
    pub fn verdicts_of(&self, segment: u32) -> Vec<Cow<'_, Verdict>> {
        let Some(own) = self.judged_source(segment) else {
            return self.stored(segment).map(Cow::Borrowed).collect();
        };
        // By source position: a stored verdict goes where its source is, and every other
        // source but the sentence's own gets the implicit omission.
        let mut by_source: Vec<Option<&Verdict>> = vec![None; self.db.sources.len()];
        for v in self.stored(segment) {
            if let Some(slot) = self
                .source_index(&v.other)
                .and_then(|i| by_source.get_mut(i))
            {
                *slot = Some(v);
            }
        }
        by_source
            .into_iter()
            .zip(&self.db.sources)
            .enumerate()
            .filter(|&(i, _)| i != own)
            .map(|(_, (v, src))| match v {
                Some(v) => Cow::Borrowed(v),
                None => Cow::Owned(implicit_omits(segment, &src.id)),
            })
            .collect()
    }

    /// The label of sentence `segment` against source `other`, an implicit `omits` included;
    /// `None` where the database judges no such pair.
    pub fn label(&self, segment: u32, other: &str) -> Option<Label> {
        let stored = self.stored(segment).find(|v| v.other == other);
        match (stored, self.judged_source(segment)) {
            (Some(v), _) => Some(v.label),
            (None, Some(own)) => {
                let judged = self.source_index(other).is_some_and(|i| i != own);
                judged.then_some(Label::Omits)
            }
            (None, None) => None,
        }
    }

    /// Counted from the stored verdicts alone: every other source not stored omits it.
    pub fn coverage(&self, segment: u32) -> Coverage {
        let mut c = Coverage {
            unreadable: self.unreadable(segment).is_some(),
            ..Coverage::default()
        };
        let own = self.judged_source(segment);
        let mut stored = 0;
        for v in self.stored(segment) {
            if own.is_some() && self.source_index(&v.other) == own {
                continue; // not a pair the database judges (`validate` allows it)
            }
            stored += 1;
            match v.label {
                Label::Corroborates => c.corroborates += 1,
                Label::Differs => c.differs += 1,
                Label::Omits => c.omits += 1,
            }
        }
        if own.is_some() {
            let others = self.db.sources.len().saturating_sub(1);
            c.omits += others.saturating_sub(stored);
        }
        c
    }

    /// What the switcher calls a source: its title, else its outlet, else its headline, else
    /// the opening words of its first sentence (a file id such as "000_1ee52c78" means
    /// nothing to a reader); its id only when it has no text at all. Headlines and sentences
    /// are shortened to `TITLE_WORDS` words.
    pub fn source_title(&self, source: usize) -> String {
        let Some(src) = self.db.sources.get(source) else {
            return String::new();
        };
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let first = |kind: SegmentKind| {
            self.segments_of(source)
                .filter(|s| s.kind == kind)
                .map(|s| s.text.trim())
                .find(|t| !t.is_empty())
                .map(opening_words)
        };
        given(&src.title)
            .or_else(|| given(&src.outlet))
            .or_else(|| first(SegmentKind::Headline))
            .or_else(|| first(SegmentKind::Claim))
            .unwrap_or_else(|| src.id.clone())
    }

    /// The short name used in the panel and the matrix: outlet, else title, else id.
    pub fn source_name(&self, id: &str) -> String {
        match (self.source_index(id), self.source(id)) {
            (Some(i), Some(src)) => src
                .outlet
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| self.source_title(i)),
            _ => id.to_string(),
        }
    }

    /// The article at `source` laid out as published: paragraphs of segments and the text
    /// between them.
    pub fn paragraphs(&self, source: usize) -> Vec<Paragraph> {
        let Some(src) = self.db.sources.get(source) else {
            return Vec::new();
        };
        let mut out: Vec<Paragraph> = Vec::new();
        let mut kinds: Vec<Vec<SegmentKind>> = Vec::new();
        let mut prev_end: Option<usize> = None;
        for seg in self.segments_of(source) {
            let same = out.last().is_some_and(|p| p.number == seg.paragraph);
            if !same {
                out.push(Paragraph {
                    number: seg.paragraph,
                    kind: BlockKind::Body,
                    pieces: Vec::new(),
                });
                kinds.push(Vec::new());
            } else if let Some(gap) = prev_end
                .filter(|&e| e <= seg.start)
                .and_then(|e| src.text.get(e..seg.start))
            {
                let gap = if gap.trim().is_empty() { " " } else { gap };
                if let Some(p) = out.last_mut() {
                    p.pieces.push(Piece::Gap(gap.to_string()));
                }
            }
            if let (Some(p), Some(k)) = (out.last_mut(), kinds.last_mut()) {
                p.pieces.push(Piece::Segment(seg.id));
                k.push(seg.kind);
            }
            prev_end = Some(seg.end);
        }
        for (p, k) in out.iter_mut().zip(kinds) {
            p.kind = if k.iter().all(|&k| k == SegmentKind::Headline) {
                BlockKind::Heading
            } else if k.iter().all(|&k| k == SegmentKind::Boilerplate) {
                BlockKind::Boilerplate
            } else {
                BlockKind::Body
            };
        }
        out
    }

    /// The emphasis of an evidence sentence within one verdict: shared words, and the
    /// differing details the verdict locates in it.
    pub fn evidence_runs(&self, verdict: &Verdict, evidence: u32) -> Vec<Run> {
        let Some(seg) = self.segment(evidence) else {
            return Vec::new();
        };
        let mut marks: Vec<(usize, usize, Emphasis)> = verdict
            .shared
            .iter()
            .filter(|s| s.segment == evidence)
            .map(|s| (s.start, s.end, Emphasis::Shared))
            .collect();
        marks.extend(
            verdict
                .differences
                .iter()
                .filter(|d| d.there_segment == evidence)
                .map(|d| (d.there_span.0, d.there_span.1, Emphasis::Differs)),
        );
        runs(&seg.text, &marks)
    }
}

/// The `omits` a database leaves implicit, as the views show it: no evidence, no difference,
/// no confidence (its score, 0, is never shown; `api` gives scripts `null`).
pub fn implicit_omits(segment: u32, other: &str) -> Verdict {
    Verdict {
        segment,
        other: other.to_string(),
        label: Label::Omits,
        score: 0.0,
        evidence: Vec::new(),
        differences: Vec::new(),
        shared: Vec::new(),
    }
}

/// Words a title stand-in keeps of a first sentence.
const TITLE_WORDS: usize = 10;

/// The first `TITLE_WORDS` words of `sentence`, with an ellipsis when it goes on.
fn opening_words(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= TITLE_WORDS {
        return words.join(" ");
    }
    format!("{}…", words[..TITLE_WORDS].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded database read lazily (as the widget reads a binary file) answers every
    /// lookup as the same database indexed whole does.
    #[test]
    fn verdicts_rebuilt_per_sentence_answer_as_the_whole_database_does() {
        let bin = crate::database::EMBEDDED_DB;
        let lazy = Index::decode(bin).expect("the embedded database reads");
        let whole = Index::new(Database::from_bin(bin).expect("decodes"));
        assert!(matches!(lazy.verdicts, Verdicts::Lazy { .. }));
        assert_eq!(lazy.sources(), whole.sources());
        let mut checked = 0;
        for seg in &whole.db.segments {
            assert_eq!(
                lazy.verdicts_of(seg.id),
                whole.verdicts_of(seg.id),
                "{}",
                seg.id
            );
            assert_eq!(lazy.coverage(seg.id), whole.coverage(seg.id), "{}", seg.id);
            for src in whole.sources() {
                assert_eq!(lazy.label(seg.id, &src.id), whole.label(seg.id, &src.id));
            }
            checked += lazy.stored(seg.id).count();
        }
        assert_eq!(
            checked,
            whole.db.verdicts.len(),
            "every stored verdict was compared"
        );
    }

    fn db() -> Index {
        use crosscheck_model::*;
        let text = "Storm shuts port\n\nShips wait. Crews rest.\nPhoto: agency";
        let seg = |id: u32, part: &str, kind: SegmentKind, paragraph: u32| {
            let start = text.find(part).unwrap_or(0);
            Segment {
                id,
                source: "a".into(),
                text: part.into(),
                start,
                end: start + part.len(),
                kind,
                paragraph,
            }
        };
        let db = Database {
            version: DB_VERSION,
            sources: vec![Source {
                id: "a".into(),
                title: None,
                outlet: None,
                url: None,
                published: None,
                language: None,
                text: text.into(),
            }],
            // Deliberately out of reading order: the index sorts by position.
            segments: vec![
                seg(7, "Crews rest.", SegmentKind::Claim, 1),
                seg(5, "Storm shuts port", SegmentKind::Headline, 0),
                seg(6, "Ships wait.", SegmentKind::Claim, 1),
                seg(8, "Photo: agency", SegmentKind::Boilerplate, 2),
            ],
            verdicts: vec![],
        };
        Index::new(db)
    }

    #[test]
    fn paragraphs_follow_the_article() {
        let index = db();
        let p = index.paragraphs(0);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].kind, BlockKind::Heading);
        assert_eq!(
            p[1].pieces,
            vec![Piece::Segment(6), Piece::Gap(" ".into()), Piece::Segment(7)]
        );
        assert_eq!(p[2].kind, BlockKind::Boilerplate);
        assert_eq!(index.clickable_of(0), vec![5, 6, 7]);
        assert_eq!(index.source_title(0), "Storm shuts port");
        assert_eq!(index.coverage(6), Coverage::default(), "no other source");
    }

    #[test]
    fn verdicts_come_in_source_order_and_a_repeated_pair_keeps_its_first() {
        use crosscheck_model::{Label, Verdict};
        let mut db = db().db;
        for id in ["c", "b"] {
            let mut other = db.sources[0].clone();
            other.id = id.into();
            db.sources.push(other);
        }
        let verdict = |other: &str, label| Verdict {
            segment: 6,
            other: other.into(),
            label,
            score: 0.5,
            evidence: vec![],
            differences: vec![],
            shared: vec![],
        };
        db.verdicts = vec![
            verdict("b", Label::Omits),
            verdict("c", Label::Differs),
            verdict("b", Label::Corroborates),
        ];
        let index = Index::new(db);
        let list = index.verdicts_of(6);
        let got: Vec<_> = list.iter().map(|v| (v.other.as_str(), v.label)).collect();
        assert_eq!(got, vec![("c", Label::Differs), ("b", Label::Omits)]);
    }

    /// Data model 2 stores no omission: every other source without a verdict is filled in as
    /// `omits`, counted, and labelled, for claims and headlines only.
    #[test]
    fn omissions_left_implicit_are_filled_in() {
        use crosscheck_model::{Label, Verdict};
        let mut db = db().db;
        for id in ["b", "c", "d"] {
            let mut other = db.sources[0].clone();
            other.id = id.into();
            db.sources.push(other);
        }
        db.verdicts = vec![Verdict {
            segment: 6,
            other: "c".into(),
            label: Label::Differs,
            score: 0.75,
            evidence: vec![],
            differences: vec![],
            shared: vec![],
        }];
        let index = Index::new(db);
        let got: Vec<_> = index
            .verdicts_of(6)
            .into_iter()
            .map(|v| (v.other.clone(), v.label, matches!(v, Cow::Owned(_))))
            .collect();
        let want = [
            ("b", Label::Omits, true),
            ("c", Label::Differs, false),
            ("d", Label::Omits, true),
        ];
        assert_eq!(
            got,
            want.map(|(o, l, filled)| (o.to_string(), l, filled)),
            "in source order, the stored one borrowed"
        );
        let coverage = Coverage {
            corroborates: 0,
            differs: 1,
            omits: 2,
            unreadable: false,
        };
        // (segment, other, label): a claim, a headline, its own source, boilerplate, unknown.
        let rows: [(u32, &str, Option<Label>); 6] = [
            (6, "c", Some(Label::Differs)),
            (6, "d", Some(Label::Omits)),
            (5, "b", Some(Label::Omits)),
            (6, "a", None),
            (8, "b", None),
            (6, "nowhere", None),
        ];
        for (segment, other, want) in rows {
            assert_eq!(
                index.label(segment, other),
                want,
                "{segment} against {other}"
            );
        }
        assert_eq!(index.coverage(6), coverage);
        assert_eq!(index.coverage(5).omits, 3, "a headline is judged too");
        assert_eq!(index.coverage(8), Coverage::default(), "boilerplate is not");
        assert!(index.verdicts_of(8).is_empty());
    }

    /// One row per fallback: what the source has, and what the switcher calls it.
    #[test]
    fn a_source_is_named_by_title_outlet_headline_or_first_sentence_never_its_id() {
        let long = "Storm shuts the port for a third day as crews clear debris from the quay";
        // (what, title, outlet, headline, the name shown)
        type Row<'a> = (
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let rows: [Row; 5] = [
            (
                "title wins",
                Some("Port closed"),
                Some("Herald"),
                Some(long),
                "Port closed",
            ),
            (
                "then the outlet",
                Some("  "),
                Some("Herald"),
                Some(long),
                "Herald",
            ),
            (
                "then the headline, shortened",
                None,
                None,
                Some(long),
                "Storm shuts the port for a third day as crews…",
            ),
            ("then the first sentence", None, None, None, "Ships wait."),
            (
                "a blank outlet is no outlet",
                None,
                Some(""),
                None,
                "Ships wait.",
            ),
        ];
        for (what, title, outlet, headline, want) in rows {
            let mut db = db().db;
            db.sources[0].title = title.map(str::to_string);
            db.sources[0].outlet = outlet.map(str::to_string);
            match headline {
                Some(h) => {
                    let s = db.segments.iter_mut().find(|s| s.id == 5).unwrap();
                    s.text = h.to_string();
                }
                None => db.segments.retain(|s| s.kind != SegmentKind::Headline),
            }
            assert_eq!(Index::new(db).source_title(0), want, "{what}");
        }
    }

    #[test]
    fn a_source_without_title_or_headline_is_named_by_its_opening_words() {
        let mut db = db().db;
        db.segments.retain(|s| s.kind != SegmentKind::Headline);
        let index = Index::new(db);
        assert_eq!(index.source_title(0), "Ships wait.");
        assert_eq!(
            opening_words("Crews rested for the first time in three days after the storm passed."),
            "Crews rested for the first time in three days after…"
        );
        assert_eq!(opening_words("  Ships   wait. "), "Ships wait.");
    }
}
