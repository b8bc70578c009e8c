//! How far a long build has got, told to whoever asked: the CLI draws a bar on a terminal, and
//! a browser worker can turn the same reports into progress events. The engine only counts;
//! it never prints, times or draws anything itself.

/// The stages of a build that grow with the cluster, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Segmenting and analysing the articles; counted in articles.
    Analyse,
    /// Encoding the distinct sentences with the sentence encoder (only when it takes part);
    /// counted in sentences.
    Encode,
    /// Finding each claim's evidence in every other article and, in a build without the
    /// encoder, deciding its verdicts there and then; counted in claims.
    Match,
    /// Deciding every prepared (claim, other article) item, in builds that prepare them all
    /// first (with the encoder, traced builds, evaluations); counted in items.
    Decide,
}

impl Stage {
    /// A short lower-case name for a progress line ("encoding").
    pub fn label(self) -> &'static str {
        match self {
            Stage::Analyse => "analysing",
            Stage::Encode => "encoding",
            Stage::Match => "matching",
            Stage::Decide => "deciding",
        }
    }

    /// What the stage counts ("sentences").
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Analyse => "articles",
            Stage::Encode => "sentences",
            Stage::Match => "claims",
            Stage::Decide => "items",
        }
    }
}

/// A progress report: called with the stage, the count done and the stage's total. It is
/// called at the start of each stage (done 0) and after each step, so it should be cheap.
pub type Progress<'a> = &'a dyn Fn(Stage, usize, usize);

/// Calls `p` when there is one.
pub(crate) fn tell(p: Option<Progress>, stage: Stage, done: usize, total: usize) {
    if let Some(p) = p {
        p(stage, done, total);
    }
}
