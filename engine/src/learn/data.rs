//! Labelled clusters: a folder of articles with its gold file, read as the fitter and the
//! leave-one-cluster-out evaluation need them.
//!
//! The seeds are a cluster folder with `sources.toml`; the development clusters carry their
//! metadata in `MANIFEST.tsv` (file, outlet, published, url), which is read here so that they
//! are used where they lie, never copied.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::cluster::build::Prepared;
use crate::cluster::Item;
use crate::eval::{norm, parse_gold, tokens, GoldLine, GoldVerdict};
use crate::io::{Article, InputError};
use crate::model::{Label, SegmentKind};

/// One labelled cluster.
pub struct Labelled {
    pub name: String,
    pub articles: Vec<Article>,
    pub gold: Vec<GoldLine>,
}

/// Applies `MANIFEST.tsv` (a header row naming `file`, `outlet`, `published`, `url`) to the
/// articles that `sources.toml` did not describe.
fn apply_manifest(dir: &Path, articles: &mut [Article]) -> Result<(), InputError> {
    let path = dir.join("MANIFEST.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let file = col("file").ok_or_else(|| InputError::new(&path, Some(1), "no 'file' column"))?;
    let (outlet, published, url) = (col("outlet"), col("published"), col("url"));
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let get = |c: Option<usize>| {
            c.and_then(|c| cells.get(c))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let Some(name) = get(Some(file)) else {
            continue;
        };
        let stem = name.strip_suffix(".txt").unwrap_or(&name);
        if let Some(a) = articles.iter_mut().find(|a| a.id == stem) {
            a.meta.outlet = a.meta.outlet.take().or_else(|| get(outlet));
            a.meta.published = a.meta.published.take().or_else(|| get(published));
            a.meta.url = a.meta.url.take().or_else(|| get(url));
        }
    }
    Ok(())
}

/// Reads the cluster in `dir` and its gold file.
pub fn load(name: &str, dir: &Path, gold: &Path) -> Result<Labelled, InputError> {
    let mut articles = crate::io::load_dir(dir)?;
    apply_manifest(dir, &mut articles)?;
    let text = std::fs::read_to_string(gold)
        .map_err(|e| InputError::new(gold, None, format!("cannot read: {e}")))?;
    Ok(Labelled {
        name: name.to_string(),
        articles,
        gold: parse_gold(&text, gold)?,
    })
}

/// The seeds (`repo/seeds`, `repo/tests/data/seeds.gold.jsonl`) and every development cluster
/// of `shared_eval/dev` that has a gold file, in name order: (name, folder, gold).
pub fn locate(repo: &Path, shared_eval: Option<&Path>) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = vec![(
        "seeds".to_string(),
        repo.join("seeds"),
        repo.join("tests/data/seeds.gold.jsonl"),
    )];
    if let Some(dev) = shared_eval.map(|p| p.join("dev")) {
        let mut found: Vec<(String, PathBuf, PathBuf)> = std::fs::read_dir(&dev)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .filter_map(|p| {
                let name = p.file_name()?.to_str()?.to_string();
                let gold = dev.join(format!("{name}.gold.jsonl"));
                gold.is_file().then_some((name, p, gold))
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// One training row: an item's features and the verdicts the gold accepts for it.
pub struct Row {
    pub features: Vec<f32>,
    pub labels: BTreeSet<LabelKey>,
    /// Whether the item has a difference to report (only such items can differ).
    pub has_difference: bool,
    /// The item's index in `Prepared::items`.
    pub item: usize,
    /// What the gold says of the item's conflicting figure pairs (`Item::slots`): (index, a
    /// real conflict, weight).
    pub slots: Vec<(usize, bool, f64)>,
}

/// The gold's word on each conflicting figure pair of an item (see `cluster::slot`):
/// - gold that does not accept `differs`: no pair is a real conflict (the article states the
///   claim without conflict, or does not state it at all);
/// - gold that accepts only `differs` and records a detail: the pairs whose figures overlap the
///   detail's two spans, as the scorer matches details, are real conflicts; the item's other
///   pairs are left out, since the gold records one difference of possibly several;
/// - anything else teaches nothing.
///
/// Each item weighs 1 in all, so a claim with many figures does not outweigh the rest.
fn slot_labels(p: &Prepared, claim: u32, item: &Item, gv: &GoldVerdict) -> Vec<(usize, bool, f64)> {
    let n = item.slots.len();
    if n == 0 {
        return Vec::new();
    }
    if !gv.labels.contains(&Label::Differs) {
        return (0..n).map(|i| (i, false, 1.0 / n as f64)).collect();
    }
    let (true, Some(d)) = (gv.labels.len() == 1, &gv.detail) else {
        return Vec::new();
    };
    let (gh, gt) = (tokens(&d.here), tokens(&d.there));
    let text = |u: u32, (s, e): (usize, usize)| {
        p.segments
            .get(u as usize)
            .and_then(|seg| seg.text.get(s..e))
            .unwrap_or("")
    };
    let hits: Vec<usize> = item
        .slots
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            !tokens(text(claim, c.pair.here)).is_disjoint(&gh)
                && !tokens(text(c.pair.there_unit, c.pair.there)).is_disjoint(&gt)
        })
        .map(|(i, _)| i)
        .collect();
    let w = 1.0 / hits.len().max(1) as f64;
    hits.into_iter().map(|i| (i, true, w)).collect()
}

/// `Label` in a set (it has no order of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelKey {
    Corroborates,
    Differs,
    Omits,
}

impl From<Label> for LabelKey {
    fn from(l: Label) -> Self {
        match l {
            Label::Corroborates => LabelKey::Corroborates,
            Label::Differs => LabelKey::Differs,
            Label::Omits => LabelKey::Omits,
        }
    }
}

/// The gold's items of a prepared cluster: every (claim, other article) the gold labels whose
/// claim segment the gold key finds exactly (as the scorer finds it).
pub fn rows(p: &Prepared, gold: &[GoldLine]) -> Vec<Row> {
    let mut by_key: HashMap<(u32, &str), usize> = HashMap::new();
    for (i, (claim, other, _)) in p.items.iter().enumerate() {
        by_key.insert((*claim, p.sources[*other].id.as_str()), i);
    }
    let normed: Vec<(usize, String)> = p
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| (i, norm(&s.text)))
        .collect();
    let mut out = Vec::new();
    for g in gold.iter().filter(|g| g.kind != SegmentKind::Boilerplate) {
        let key = norm(&g.key);
        let Some((seg, _)) = normed
            .iter()
            .find(|(i, t)| p.segments[*i].source == g.source && t.contains(&key))
        else {
            continue;
        };
        for (other, gv) in &g.verdicts {
            let Some(&i) = by_key.get(&(*seg as u32, other.as_str())) else {
                continue;
            };
            let item = &p.items[i].2;
            out.push(Row {
                features: item.features.to_vec(),
                labels: gv.labels.iter().map(|&l| l.into()).collect(),
                has_difference: !crate::cluster::build::found_differences(item).is_empty(),
                item: i,
                slots: slot_labels(p, *seg as u32, item, gv),
            });
        }
    }
    out
}
