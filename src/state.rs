//! The widget's state and every way it changes, as a pure reducer: which article is shown,
//! which sentence is open, where keyboard focus should go, the theme, and what the live
//! region announces. Components only dispatch [`Action`]s and read [`State`].

use std::rc::Rc;

use yew::Reducible;

use crate::index::{plural, Index};

/// The colour scheme: `Auto` follows the reader's system preference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Reads `data-theme`; anything unknown falls back to `Auto`.
    pub fn parse(s: &str) -> Theme {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }
}

/// The database the widget shows, compared by identity so props stay cheap.
#[derive(Debug, Clone)]
pub struct Shared(pub Rc<Index>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Index;
    fn deref(&self) -> &Index {
        &self.0
    }
}

/// What a widget was given to show: a database, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Ready(Shared),
    Failed(String),
    /// A database file is still on its way (`data-database="…"`).
    Loading,
}

/// A sentence the page asked to open (the JS API's `select`). `seq` changes on every request,
/// so asking again for the same sentence after the reader closed it opens it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelectRequest {
    pub seq: u64,
    pub segment: u32,
}

/// Where the next render must move keyboard focus. `seq` changes on every request so that
/// asking twice for the same element still moves focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusRequest {
    pub seq: u64,
    pub segment: u32,
    /// Jumps to another article centre the sentence; arrow moves only nudge the scroll.
    pub center: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub index: Shared,
    /// Position of the shown article in `index.sources()`.
    pub source: usize,
    /// The sentence whose panel is open.
    pub open: Option<u32>,
    /// The sentence that holds the roving tab stop in the shown article.
    pub active: Option<u32>,
    pub focus: Option<FocusRequest>,
    pub theme: Theme,
    /// The polite live region's text.
    pub announcement: String,
    /// Sentences the reader jumped away from, most recent last, for "Back".
    pub trail: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show another article (by position); closes the panel.
    ShowSource(usize),
    /// Open the panel of a sentence of the shown article.
    Open(u32),
    /// Show the sentence's article, open its panel and move focus to it.
    Jump(u32),
    /// Show the sentence's article and open its panel without moving keyboard focus: the
    /// page asked (the JS API's `select`), not the reader.
    Select(u32),
    /// Return to the sentence the last `Jump` left.
    Back,
    /// Close the panel and give focus back to its sentence.
    Close,
    /// Move the roving focus by this many sentences (clamped to the article).
    Move(i32),
    /// Move the roving focus to the first (`false`) or last (`true`) sentence.
    MoveToEnd(bool),
    /// A sentence received focus by mouse or Tab: it becomes the tab stop.
    Focused(u32),
    SetTheme(Theme),
}

impl State {
    /// The first state: the article named by `source` if it exists, else the first one.
    pub fn new(index: Shared, source: Option<&str>, theme: Theme) -> State {
        let source = source.and_then(|s| index.source_index(s)).unwrap_or(0);
        let active = index.clickable_of(source).first().copied();
        State {
            index,
            source,
            open: None,
            active,
            focus: None,
            theme,
            announcement: String::new(),
            trail: Vec::new(),
        }
    }

    pub fn source_id(&self) -> &str {
        self.index
            .sources()
            .get(self.source)
            .map(|s| s.id.as_str())
            .unwrap_or("")
    }

    fn next_seq(&self) -> u64 {
        self.focus.map(|f| f.seq + 1).unwrap_or(1)
    }

    fn request_focus(&mut self, segment: u32, center: bool) {
        self.focus = Some(FocusRequest {
            seq: self.next_seq(),
            segment,
            center,
        });
    }

    /// What the live region says when a panel opens.
    fn summary(&self, segment: u32) -> String {
        let c = self.index.coverage(segment);
        if c.unreadable {
            return format!("Sentence opened: {}.", c.spoken());
        }
        format!(
            "Sentence opened: corroborated by {}, differs in {}, not mentioned by {}.",
            plural(c.corroborates, "source"),
            plural(c.differs, "source"),
            plural(c.omits, "source"),
        )
    }

    fn open_segment(&mut self, segment: u32) {
        self.open = Some(segment);
        self.active = Some(segment);
        self.announcement = self.summary(segment);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ShowSource(i) => {
                if i >= s.index.sources().len() || i == s.source {
                    return self;
                }
                s.source = i;
                s.open = None;
                s.trail.clear();
                s.active = s.index.clickable_of(i).first().copied();
                s.announcement = format!("Showing {}.", s.index.source_title(i));
            }
            Action::Open(seg) => {
                let Some(segment) = s.index.segment(seg) else {
                    return self;
                };
                if !segment.kind.gets_verdicts() || segment.source != s.source_id() {
                    return self;
                }
                s.open_segment(seg);
            }
            Action::Jump(seg) => {
                let Some(segment) = s.index.segment(seg) else {
                    return self;
                };
                let Some(i) = s.index.source_index(&segment.source) else {
                    return self;
                };
                let clickable = segment.kind.gets_verdicts();
                if let Some(from) = s.open.filter(|&o| o != seg) {
                    s.trail.push(from);
                }
                s.source = i;
                if clickable {
                    s.open_segment(seg);
                    s.request_focus(seg, true);
                } else {
                    // Boilerplate evidence cannot hold focus: show its article, open nothing.
                    s.open = None;
                    s.active = s.index.clickable_of(i).first().copied();
                    s.announcement = format!("Showing {}.", s.index.source_title(i));
                }
            }
            Action::Select(seg) => {
                let Some(segment) = s.index.segment(seg) else {
                    return self;
                };
                let Some(i) = s.index.source_index(&segment.source) else {
                    return self;
                };
                if !segment.kind.gets_verdicts() || s.open == Some(seg) {
                    return self;
                }
                if i != s.source {
                    s.trail.clear();
                }
                s.source = i;
                s.open_segment(seg);
            }
            Action::Back => {
                let Some(seg) = s.trail.pop() else {
                    return self;
                };
                let Some(i) = s
                    .index
                    .segment(seg)
                    .and_then(|x| s.index.source_index(&x.source))
                else {
                    return self;
                };
                s.source = i;
                s.open_segment(seg);
                s.request_focus(seg, true);
            }
            Action::Close => {
                let Some(seg) = s.open.take() else {
                    return self;
                };
                s.active = Some(seg);
                s.request_focus(seg, false);
                s.announcement = "Panel closed.".into();
            }
            Action::Move(delta) => {
                let list = s.index.clickable_of(s.source);
                if list.is_empty() {
                    return self;
                }
                let here = s
                    .active
                    .and_then(|a| list.iter().position(|&x| x == a))
                    .unwrap_or(0) as i64;
                let to = (here + i64::from(delta)).clamp(0, list.len() as i64 - 1) as usize;
                s.active = Some(list[to]);
                s.request_focus(list[to], false);
            }
            Action::MoveToEnd(last) => {
                let list = s.index.clickable_of(s.source);
                let target = if last { list.last() } else { list.first() };
                let Some(&t) = target else {
                    return self;
                };
                s.active = Some(t);
                s.request_focus(t, false);
            }
            Action::Focused(seg) => {
                if s.active == Some(seg) {
                    return self;
                }
                s.active = Some(seg);
            }
            Action::SetTheme(t) => {
                if t == s.theme {
                    return self;
                }
                s.theme = t;
                s.announcement = format!("Theme: {}.", t.as_str());
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::*;

    fn src(id: &str, text: &str) -> Source {
        Source {
            id: id.into(),
            title: None,
            outlet: None,
            url: None,
            published: None,
            language: None,
            text: text.into(),
        }
    }

    fn seg(id: u32, source: &str, text: &str, start: usize, kind: SegmentKind) -> Segment {
        Segment {
            id,
            source: source.into(),
            text: text.into(),
            start,
            end: start + text.len(),
            kind,
            paragraph: 0,
        }
    }

    fn state() -> State {
        let a = "Rain fell. Roads shut. See also: more";
        let b = "Rain fell hard.";
        let db = Database {
            version: DB_VERSION,
            sources: vec![src("a", a), src("b", b)],
            segments: vec![
                seg(0, "a", "Rain fell.", 0, SegmentKind::Headline),
                seg(1, "a", "Roads shut.", 11, SegmentKind::Claim),
                seg(2, "a", "See also: more", 23, SegmentKind::Boilerplate),
                seg(3, "b", "Rain fell hard.", 0, SegmentKind::Claim),
            ],
            verdicts: vec![
                Verdict {
                    segment: 0,
                    other: "b".into(),
                    label: Label::Corroborates,
                    score: 0.9,
                    evidence: vec![3],
                    differences: vec![],
                    shared: vec![],
                },
                Verdict {
                    segment: 1,
                    other: "b".into(),
                    label: Label::Omits,
                    score: 0.9,
                    evidence: vec![],
                    differences: vec![],
                    shared: vec![],
                },
            ],
        };
        db.validate().expect("hand-made database is valid");
        State::new(Shared(Rc::new(Index::new(db))), None, Theme::Auto)
    }

    fn run(s: State, actions: &[Action]) -> Rc<State> {
        actions.iter().fold(Rc::new(s), |s, a| s.reduce(a.clone()))
    }

    #[test]
    fn arrows_skip_boilerplate_and_clamp() {
        let s = run(
            state(),
            &[Action::Move(1), Action::Move(1), Action::Move(5)],
        );
        assert_eq!(s.active, Some(1));
        let s = run(state(), &[Action::Move(-3)]);
        assert_eq!(s.active, Some(0));
    }

    #[test]
    fn open_and_close_return_focus() {
        let s = run(state(), &[Action::Open(1)]);
        assert_eq!(s.open, Some(1));
        assert!(s.announcement.contains("not mentioned by 1 source"));
        let s = s.reduce(Action::Close);
        assert_eq!(s.open, None);
        assert_eq!(s.focus.map(|f| f.segment), Some(1));
    }

    #[test]
    fn boilerplate_and_foreign_sentences_do_not_open() {
        let s = run(state(), &[Action::Open(2), Action::Open(3)]);
        assert_eq!(s.open, None);
    }

    #[test]
    fn jump_switches_article_and_back_returns() {
        let s = run(state(), &[Action::Open(0), Action::Jump(3)]);
        assert_eq!(s.source, 1);
        assert_eq!(s.open, Some(3));
        assert!(s.focus.is_some_and(|f| f.segment == 3 && f.center));
        assert_eq!(s.trail, vec![0]);
        let s = s.reduce(Action::Back);
        assert_eq!((s.source, s.open), (0, Some(0)));
        assert!(s.trail.is_empty());
    }

    #[test]
    fn select_opens_any_article_without_moving_focus() {
        let s = run(state(), &[Action::Select(3)]);
        assert_eq!((s.source, s.open, s.focus), (1, Some(3), None));
        let s = run(state(), &[Action::Select(2)]);
        assert_eq!(s.open, None, "boilerplate never opens");
        let s = run(state(), &[Action::Select(99)]);
        assert_eq!(s.open, None, "an unknown sentence changes nothing");
    }
}
