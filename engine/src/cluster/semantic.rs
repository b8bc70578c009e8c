//! The sentence encoder's view of a cluster: every eligible segment encoded once per build, and
//! the similarities the cluster decision reads from those vectors.
//!
//! Why once per build: a cluster of n sentences has n² sentence pairs, and the encoder's forward
//! pass is by far the dearest step; cosines between stored unit vectors cost a dot product.

use crate::encoder::Encoder;

/// Unit-length sentence vectors, one per segment (empty for segments that get no verdict and
/// are never evidence).
pub struct Semantic {
    vecs: Vec<Vec<f32>>,
}

impl Semantic {
    /// Encodes the `eligible` texts; the others get no vector.
    pub fn encode(encoder: &Encoder, texts: &[&str], eligible: &[bool]) -> Semantic {
        let vecs = texts
            .iter()
            .zip(eligible)
            .map(|(t, &e)| {
                if e {
                    sentence_vector(&encoder.encode(t))
                } else {
                    Vec::new()
                }
            })
            .collect();
        Semantic { vecs }
    }

    /// The cosine of two segments' sentence vectors (0 when either has none).
    pub fn cos(&self, a: u32, b: u32) -> f32 {
        match (self.vecs.get(a as usize), self.vecs.get(b as usize)) {
            (Some(x), Some(y)) if !x.is_empty() && x.len() == y.len() => {
                x.iter().zip(y).map(|(p, q)| p * q).sum()
            }
            _ => 0.0,
        }
    }
}

// TODO(merge enc): use encoder::sentence_vector.
fn sentence_vector(t: &crate::encoder::Tokens) -> Vec<f32> {
    let mut m = vec![0.0f32; t.dim];
    for i in 0..t.n {
        for (a, b) in m.iter_mut().zip(t.row(i)) {
            *a += b;
        }
    }
    let norm = m.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        m.iter_mut().for_each(|x| *x /= norm);
    }
    m
}
