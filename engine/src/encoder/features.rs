//! What the pair decision reads from the token vectors: the sentence embedding and a soft
//! token alignment of a claim against a document.

use super::{Encoder, Tokens};
use crate::vector::dot;

/// How many features [`similarity_features`] gives.
pub const N: usize = 6;

/// Their names, in order (the pair model with the encoder reads them after the surface ones).
pub const NAMES: [&str; N] = [
    "enc_cos",
    "enc_recall",
    "enc_precision",
    "enc_min",
    "enc_low",
    "enc_low3",
];

/// A claim token whose best match in the document is below this cosine counts as unmatched.
pub(crate) const LOW_MATCH: f32 = 0.6;

impl Encoder {
    /// The encoder's features of a claim against a document.
    pub fn pair_features(&self, claim: &str, document: &str) -> [f32; N] {
        // One forward pass for both texts: each weight matrix is packed once, not twice, and
        // the vectors are those `encode` gives for each alone.
        match self.encode_batch(&[claim, document]).as_slice() {
            [a, b] => similarity_features(a, b),
            _ => [0.0, 0.0, 0.0, 0.0, 1.0, 0.0],
        }
    }
}

/// The sentence embedding of `t`: the unit-length mean of all its token vectors, `[CLS]` and
/// `[SEP]` included, the mean pooling all-MiniLM-L6-v2 was trained with. All zeros for an
/// empty `t`.
pub fn sentence_vector(t: &Tokens) -> Vec<f32> {
    let mut m = vec![0.0f32; t.dim];
    for row in t.data.chunks_exact(t.dim.max(1)).take(t.n) {
        for (x, y) in m.iter_mut().zip(row) {
            *x += y;
        }
    }
    m.iter_mut().for_each(|v| *v /= t.n.max(1) as f32);
    unit(&m)
}

/// Features of claim tokens `a` against document tokens `b`: the cosine of their sentence
/// vectors, then a soft alignment of the inner tokens (BERTScore-like): each claim token's best
/// cosine in the document, averaged (recall) and at its worst (the lowest, the share below
/// [`LOW_MATCH`], the mean of the three lowest), and each document token's best cosine in the
/// claim, averaged (precision). A claim whose every token has a close match in context is said
/// by the document; one token with none is what the document does not say.
pub fn similarity_features(a: &Tokens, b: &Tokens) -> [f32; N] {
    let cos = dot(&sentence_vector(a), &sentence_vector(b));
    let inner = |t: &Tokens| -> Vec<Vec<f32>> {
        (1..t.n.saturating_sub(1)).map(|i| unit(t.row(i))).collect()
    };
    let (ra, rb) = (inner(a), inner(b));
    if ra.is_empty() || rb.is_empty() {
        return [cos, 0.0, 0.0, 0.0, 1.0, 0.0];
    }
    let mut best_b = vec![f32::NEG_INFINITY; rb.len()];
    let mut recall: Vec<f32> = ra
        .iter()
        .map(|x| {
            let mut best = f32::NEG_INFINITY;
            for (y, bb) in rb.iter().zip(best_b.iter_mut()) {
                let s = dot(x, y);
                best = best.max(s);
                *bb = bb.max(s);
            }
            best
        })
        .collect();
    let avg = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    let low = recall.iter().filter(|&&r| r < LOW_MATCH).count() as f32 / recall.len() as f32;
    recall.sort_by(f32::total_cmp);
    let low3 = avg(&recall[..recall.len().min(3)]);
    [cos, avg(&recall), avg(&best_b), recall[0], low, low3]
}

fn unit(v: &[f32]) -> Vec<f32> {
    let norm = dot(v, v).sqrt();
    v.iter()
        .map(|x| if norm > 0.0 { x / norm } else { 0.0 })
        .collect()
}
