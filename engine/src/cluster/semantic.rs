//! The sentence encoder's view of a cluster: every distinct eligible segment text encoded once
//! per build, and the similarities the cluster decision reads from those vectors.
//!
//! Why once per build: a cluster of n sentences has n² sentence pairs, and the encoder's forward
//! pass is by far the dearest step; cosines between stored unit vectors cost a dot product.
//!
//! Why once per distinct text: articles of one event repeat one another's sentences word for
//! word (wire copy, quotes, boilerplate lines that still get verdicts), and a text encodes to
//! the same bits whatever shares its batch (`encoder::forward`), so a repeated sentence needs
//! no second forward pass. The cosines of a claim are computed as one row against every
//! distinct vector (`Semantic::row`), once per claim, not once per item that reads them.

use std::collections::HashMap;

use ndarray::{Array2, ArrayView2, Axis};

use crate::encoder::{Encoder, LOW_MATCH};
use crate::vector::{dot, Columns};

/// A word piece found in more than this share of the cluster's distinct texts ("the", ",",
/// "said") is left out of token reading: its idf weight is near nothing anyway, and leaving it
/// out of both sides makes the token products several times smaller, which is what keeps a
/// 200-article build near its time without token reading.
const COMMON_SHARE: f32 = 0.1;

/// Unit-length sentence vectors of the cluster's distinct eligible texts, and which one each
/// segment has (none for segments that get no verdict and are never evidence).
pub struct Semantic {
    /// The width of a vector.
    dim: usize,
    /// The distinct vectors, `dim` floats each, back to back.
    flat: Vec<f32>,
    /// The same vectors laid out for a claim's row of dot products (`Columns`).
    cols: Columns,
    /// Each segment's vector: its index in `flat`, by `dim`.
    of: Vec<Option<u32>>,
    /// Each distinct vector's inner token vectors (`[CLS]` and `[SEP]` left out), unit length,
    /// `dim` wide, and each token's weight: the inverse document frequency of its word piece
    /// among the cluster's distinct texts, so that "the" and a comma count for little when
    /// reading how much of a claim another sentence says (BERTScore's idf weighting).
    tokens: Vec<Array2<f32>>,
    weights: Vec<Vec<f32>>,
    /// Each distinct vector's figures: the byte span of each figure in its text and the unit
    /// mean of the token vectors it was encoded to, read in the sentence's context ("35" in
    /// "the 35-year-old Messi" carries whose age it is). Two figures whose vectors are far
    /// apart fill different roles, whatever their counted nouns. Each also keeps its role
    /// vector, read from the words around it.
    figures: Vec<Vec<FigureVector>>,
}

impl Semantic {
    /// Encodes the distinct `eligible` texts in one batch; the others get no vector.
    /// `figure_spans` holds, for each text, the byte spans of its figures (`Quantity` spans).
    pub fn encode(
        encoder: &Encoder,
        texts: &[&str],
        eligible: &[bool],
        figure_spans: &[Vec<(usize, usize)>],
        progress: Option<crate::progress::Progress>,
    ) -> Semantic {
        // First occurrence order: the batch is the eligible texts in segment order with the
        // repeats left out. The map only looks texts up; nothing iterates it.
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut wanted: Vec<&str> = Vec::new();
        let mut wanted_spans: Vec<&[(usize, usize)]> = Vec::new();
        let of_text: Vec<Option<u32>> = texts
            .iter()
            .zip(eligible)
            .enumerate()
            .map(|(i, (&t, &e))| {
                e.then(|| {
                    *seen.entry(t).or_insert_with(|| {
                        wanted.push(t);
                        wanted_spans.push(figure_spans.get(i).map_or(&[][..], |v| &v[..]));
                        (wanted.len() - 1) as u32
                    })
                })
            })
            .collect();
        let total = wanted.len();
        crate::progress::tell(progress, crate::progress::Stage::Encode, 0, total);
        let encoded = encoder.encode_batch_reporting(&wanted, &mut |done| {
            crate::progress::tell(progress, crate::progress::Stage::Encode, done, total)
        });
        let vectors: Vec<Vec<f32>> = encoded
            .iter()
            .map(crate::encoder::sentence_vector)
            .collect();
        let dim = vectors.first().map_or(0, Vec::len);
        let mut df: HashMap<u32, u32> = HashMap::new();
        for t in encoded.iter().map(|t| &t.ids) {
            let mut own: Vec<u32> = t
                .iter()
                .skip(1)
                .take(t.len().saturating_sub(2))
                .copied()
                .collect();
            own.sort_unstable();
            own.dedup();
            for id in own {
                *df.entry(id).or_insert(0) += 1;
            }
        }
        let n_texts = encoded.len() as f32;
        let mut tokens = Vec::with_capacity(encoded.len());
        let mut weights = Vec::with_capacity(encoded.len());
        let mut figures = Vec::with_capacity(encoded.len());
        for ((t, text), spans) in encoded.iter().zip(&wanted).zip(&wanted_spans) {
            let id = &t.ids;
            figures.push(figure_vectors(encoder, t, text, spans));
            // The inner tokens that are not function-word pieces of this cluster.
            let kept: Vec<(usize, f32)> = (1..t.n.saturating_sub(1))
                .filter_map(|i| {
                    let d = id.get(i).and_then(|k| df.get(k)).copied().unwrap_or(1) as f32;
                    (d <= COMMON_SHARE * n_texts || n_texts < 1.0 / COMMON_SHARE)
                        .then(|| (i, ((n_texts + 1.0) / (d + 0.5)).ln().max(0.0)))
                })
                .collect();
            let mut m = Array2::<f32>::zeros((kept.len(), t.dim));
            for (mut row, &(i, _)) in m.rows_mut().into_iter().zip(&kept) {
                let v = t.row(i);
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    row.iter_mut().zip(v).for_each(|(o, x)| *o = x / norm);
                }
            }
            let w: Vec<f32> = kept.iter().map(|&(_, w)| w).collect();
            tokens.push(m);
            weights.push(w);
        }
        // A text the batch gave no vector for (or one of another width, which the encoder
        // never gives) has none, as before: its cosines are 0.
        let mut slot: Vec<Option<u32>> = vec![None; vectors.len()];
        let mut flat = Vec::with_capacity(vectors.len() * dim);
        for (i, v) in vectors.iter().enumerate() {
            if dim > 0 && v.len() == dim {
                slot[i] = Some((flat.len() / dim) as u32);
                flat.extend_from_slice(v);
            }
        }
        let of = of_text
            .into_iter()
            .map(|t| t.and_then(|t| slot.get(t as usize).copied().flatten()))
            .collect();
        // Token rows follow the distinct texts; a text without a vector keeps none.
        Semantic {
            dim,
            cols: Columns::new(&flat, dim),
            flat,
            of,
            tokens: with_vector(&slot, tokens),
            weights: with_vector(&slot, weights),
            figures: with_vector(&slot, figures),
        }
    }

    /// The cosine of the in-context vectors of the figure at `a_span` in segment `a` and the one
    /// at `b_span` in segment `b`, when both were found among their tokens.
    pub fn figure_cos(
        &self,
        a: u32,
        a_span: (usize, usize),
        b: u32,
        b_span: (usize, usize),
    ) -> Option<f32> {
        Some(dot(
            &self.figure(a, a_span)?.vec,
            &self.figure(b, b_span)?.vec,
        ))
    }

    /// The cosine of the role vectors (the words around each figure, read in context) of the
    /// figure at `a_span` in segment `a` and the one at `b_span` in segment `b`.
    pub fn role_cos(
        &self,
        a: u32,
        a_span: (usize, usize),
        b: u32,
        b_span: (usize, usize),
    ) -> Option<f32> {
        let (x, y) = (&self.figure(a, a_span)?.role, &self.figure(b, b_span)?.role);
        (!x.is_empty() && !y.is_empty()).then(|| dot(x, y))
    }

    fn figure(&self, s: u32, span: (usize, usize)) -> Option<&FigureVector> {
        self.figures
            .get(self.index(s)?)?
            .iter()
            .find(|f| f.span == span)
    }

    /// How much of segment `claim` the segments `others` say together, token by token: each
    /// claim token's best cosine among the others' tokens, averaged with idf weights (recall),
    /// and the weighted share of claim tokens whose best is below `LOW_MATCH`. (0, 1) when
    /// either side has no tokens.
    ///
    /// The reference form, one product per call: a build reads it through `token_maxima`
    /// and `token_recall_in`, which give the same bits.
    pub fn token_recall(&self, claim: u32, others: &[u32]) -> (f32, f32) {
        let Some(c) = self.index(claim) else {
            return (0.0, 1.0);
        };
        let (a, w) = (&self.tokens[c], &self.weights[c]);
        let rows: Vec<ArrayView2<f32>> = self
            .read_by(c, others)
            .map(|i| self.tokens[i].view())
            .collect();
        if a.nrows() == 0 || rows.iter().all(|r| r.nrows() == 0) {
            return (0.0, 1.0);
        }
        // One product against the others' rows stacked: the claim's side is packed for the
        // matrix kernel once, not once per sentence.
        let stacked;
        let b = match rows.as_slice() {
            [one] => one.view(),
            _ => {
                stacked = ndarray::concatenate(Axis(0), &rows).unwrap_or_default();
                stacked.view()
            }
        };
        let sims = a.dot(&b.t());
        let best: Vec<f32> = sims
            .rows()
            .into_iter()
            .map(|row| row.iter().copied().fold(f32::NEG_INFINITY, f32::max))
            .collect();
        recall_of(&best, w)
    }

    /// The distinct vectors whose tokens `token_recall(claim, others)` reads, `c` being the
    /// claim's: the others' own, without the claim's text unless it is the only one.
    fn read_by<'s>(&'s self, c: usize, others: &'s [u32]) -> impl Iterator<Item = usize> + 's {
        others
            .iter()
            .filter_map(|&u| self.index(u))
            .filter(move |&i| i != c || others.len() == 1)
    }

    /// Each token of `claim` against each of `units` (every sentence its items will read
    /// tokens of): the best cosine among that sentence's tokens, from one product of the
    /// claim's tokens with all of theirs.
    ///
    /// Why: each item reads token recall twice, each time through a product of the claim's
    /// token rows (a score or so) with those of a few sentences. Products that small spend much
    /// of their time packing the kernel's panels (a fifth of a 160-article build's CPU time was
    /// packing), and an item's two readings share most of their sentences. With one product per
    /// claim, each reading is a maximum over numbers already there. An entry of a matrix
    /// product is the same sum of the same products whatever is multiplied beside it (the
    /// kernel blocks only the inner dimension, by a fixed size), so the maxima are those the
    /// reference `token_recall` takes, to the bit.
    pub fn token_maxima(&self, claim: u32, units: &[u32]) -> TokenMaxima {
        let Some(c) = self.index(claim) else {
            return TokenMaxima::default();
        };
        let a = &self.tokens[c];
        let mut at: HashMap<usize, usize> = HashMap::new();
        let mut order: Vec<usize> = Vec::new();
        for i in units.iter().filter_map(|&u| self.index(u)) {
            at.entry(i).or_insert_with(|| {
                order.push(i);
                order.len() - 1
            });
        }
        let t = a.nrows();
        let mut best = vec![f32::NEG_INFINITY; order.len() * t];
        // The sentences' token rows back to back, copied whole (token matrices are standard
        // layout), and multiplied on the left: the large side is then packed for the kernel by
        // copying rows, not by gathering columns, and each cell is the same sum of the same
        // products either way round.
        let spans: Vec<usize> = order.iter().map(|&i| self.tokens[i].nrows()).collect();
        let total: usize = spans.iter().sum();
        let mut flat = Vec::with_capacity(total * self.dim);
        for &i in &order {
            let m = &self.tokens[i];
            match m.as_slice() {
                Some(x) => flat.extend_from_slice(x),
                None => flat.extend(m.iter()),
            }
        }
        if let (true, Ok(stacked)) = (t > 0, ArrayView2::from_shape((total, a.ncols()), &flat)) {
            let sims = stacked.dot(&a.t());
            let mut rows = sims.rows().into_iter();
            for (k, &n) in spans.iter().enumerate() {
                let Some(out) = best.get_mut(k * t..(k + 1) * t) else {
                    break;
                };
                for row in rows.by_ref().take(n) {
                    for (o, &x) in out.iter_mut().zip(row.iter()) {
                        *o = o.max(x);
                    }
                }
            }
        }
        TokenMaxima {
            claim: Some(c),
            at,
            rows: t,
            best,
        }
    }

    /// `token_recall(claim, others)` read from `maxima` (`token_maxima` of `claim` with every
    /// one of `others` among its units), to the bit; computed afresh if one is missing.
    pub fn token_recall_in(&self, maxima: &TokenMaxima, claim: u32, others: &[u32]) -> (f32, f32) {
        let Some(c) = self.index(claim) else {
            return (0.0, 1.0);
        };
        let (a, w) = (&self.tokens[c], &self.weights[c]);
        let mut found = Vec::with_capacity(others.len());
        for i in self.read_by(c, others) {
            match maxima.at.get(&i) {
                Some(&k) if maxima.claim == Some(c) => found.push((k, self.tokens[i].nrows())),
                _ => return self.token_recall(claim, others),
            }
        }
        if a.nrows() == 0 || found.iter().all(|&(_, n)| n == 0) {
            return (0.0, 1.0);
        }
        let t = maxima.rows;
        let best: Vec<f32> = (0..t)
            .map(|r| {
                found
                    .iter()
                    .filter_map(|&(k, _)| maxima.best.get(k * t + r).copied())
                    .fold(f32::NEG_INFINITY, f32::max)
            })
            .collect();
        recall_of(&best, w)
    }

    fn index(&self, s: u32) -> Option<usize> {
        self.of
            .get(s as usize)
            .copied()
            .flatten()
            .map(|v| v as usize)
    }

    /// How many distinct vectors the build encoded.
    pub fn distinct(&self) -> usize {
        self.flat.len().checked_div(self.dim).unwrap_or(0)
    }

    /// The cosine of segment `claim`'s vector with every segment's, indexed by segment (0 where
    /// either has none): what `cos(claim, s)` gives for each `s`, to the bit.
    pub fn row(&self, claim: u32) -> Vec<f32> {
        let mut out = vec![0.0f32; self.of.len()];
        let Some(x) = self.vector(claim) else {
            return out;
        };
        let by_vector = self.cols.dots(x);
        for (o, v) in out.iter_mut().zip(&self.of) {
            if let Some(c) = v.and_then(|v| by_vector.get(v as usize)) {
                *o = *c;
            }
        }
        out
    }

    /// The cosine of two segments' sentence vectors (0 when either has none).
    pub fn cos(&self, a: u32, b: u32) -> f32 {
        match (self.vector(a), self.vector(b)) {
            (Some(x), Some(y)) => dot(x, y),
            _ => 0.0,
        }
    }

    fn vector(&self, s: u32) -> Option<&[f32]> {
        let v = (*self.of.get(s as usize)?)? as usize;
        self.flat.get(v * self.dim..(v + 1) * self.dim)
    }
}

/// A claim's tokens against the sentences its items read (`Semantic::token_maxima`).
#[derive(Default)]
pub struct TokenMaxima {
    /// The claim's distinct vector (none: the claim has no vector).
    claim: Option<usize>,
    /// Each sentence's distinct vector, to its block of `best`.
    at: HashMap<usize, usize>,
    /// The claim's token rows: the length of each block.
    rows: usize,
    /// Per sentence, per claim token, the best cosine among the sentence's tokens.
    best: Vec<f32>,
}

/// Token recall and the low-match share from each claim token's best cosine `best` and its
/// weight `w` (`Semantic::token_recall`).
fn recall_of(best: &[f32], w: &[f32]) -> (f32, f32) {
    let total: f32 = w.iter().sum();
    if total <= 0.0 {
        return (0.0, 1.0);
    }
    let recall = best.iter().zip(w).map(|(b, w)| b * w).sum::<f32>() / total;
    let low = best
        .iter()
        .zip(w)
        .filter(|(b, _)| **b < LOW_MATCH)
        .map(|(_, w)| w)
        .sum::<f32>()
        / total;
    (recall, low)
}

/// A figure's byte span in its text, its unit in-context vector, and the unit mean of the
/// token vectors around it (`ROLE_WINDOW` word pieces each side, its own pieces left out):
/// what the figure counts and what happened to it ("destroyed 40 homes" against "evacuated
/// 900 residents"), whatever the figure's value. Empty when the figure has no neighbour.
struct FigureVector {
    span: (usize, usize),
    vec: Vec<f32>,
    role: Vec<f32>,
}

/// How many word pieces on each side of a figure its role vector reads: 6 and 4 are level in
/// LOCO (mean macro-F1 0.7961 and 0.7959 over five fitting seeds), 6 with the smaller spread.
const ROLE_WINDOW: usize = 6;

/// The entries of `v` (one per distinct text) whose text got a vector (`slot`), in order.
fn with_vector<T>(slot: &[Option<u32>], v: Vec<T>) -> Vec<T> {
    slot.iter()
        .zip(v)
        .filter(|(s, _)| s.is_some())
        .map(|(_, x)| x)
        .collect()
}

/// The in-context vector of each figure of `text` (spans `spans`), from its encoded tokens `t`: the figure's own text is tokenised alone and its pieces are looked for
/// in the sentence's, at the same occurrence (the second "2" of the text is the second run of
/// its pieces). A figure whose pieces are not found (cut off past the encoder's length) has none.
fn figure_vectors(
    encoder: &Encoder,
    t: &crate::encoder::Tokens,
    text: &str,
    spans: &[(usize, usize)],
) -> Vec<FigureVector> {
    let ids = &t.ids;
    let inner = ids.get(1..ids.len().saturating_sub(1)).unwrap_or(&[]);
    let mut out = Vec::new();
    for &(s, e) in spans {
        let Some(fig) = text.get(s..e) else { continue };
        let Some(before) = text.get(..s) else {
            continue;
        };
        let pat_all = encoder.token_ids(fig);
        let Some(pat) = pat_all
            .get(1..pat_all.len().saturating_sub(1))
            .filter(|p| !p.is_empty())
        else {
            continue;
        };
        let nth = before.matches(fig).count();
        let Some(at) = (0..inner.len().saturating_sub(pat.len() - 1))
            .filter(|&i| inner[i..i + pat.len()] == *pat)
            .nth(nth)
        else {
            continue;
        };
        // Rows of `t`: `[CLS]` is row 0, so inner position `i` is row `i + 1`.
        let (first, end) = (at + 1, at + 1 + pat.len());
        let vec = unit_sum(t, first..end);
        let last = t.n.saturating_sub(1);
        let role = unit_sum(
            t,
            (first.saturating_sub(ROLE_WINDOW).max(1)..first)
                .chain(end..(end + ROLE_WINDOW).min(last)),
        );
        if !vec.is_empty() {
            out.push(FigureVector {
                span: (s, e),
                vec,
                role,
            });
        }
    }
    out
}

/// The unit-length sum of rows `rows` of `t` (those past its end ignored); empty when the sum
/// is zero.
fn unit_sum(t: &crate::encoder::Tokens, rows: impl Iterator<Item = usize>) -> Vec<f32> {
    let mut m = vec![0.0f32; t.dim];
    for i in rows.filter(|&i| i < t.n) {
        m.iter_mut().zip(t.row(i)).for_each(|(o, x)| *o += x);
    }
    let norm = dot(&m, &m).sqrt();
    if norm > 0.0 {
        m.iter_mut().for_each(|x| *x /= norm);
        m
    } else {
        Vec::new()
    }
}
