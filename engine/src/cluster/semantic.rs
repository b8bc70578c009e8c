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
    /// Encodes the `eligible` texts in one batch; the others get no vector.
    pub fn encode(encoder: &Encoder, texts: &[&str], eligible: &[bool]) -> Semantic {
        let wanted: Vec<&str> = texts
            .iter()
            .zip(eligible)
            .filter(|(_, &e)| e)
            .map(|(t, _)| *t)
            .collect();
        let mut encoded = encoder.encode_batch(&wanted).into_iter();
        let vecs = eligible
            .iter()
            .map(|&e| {
                if e {
                    encoded
                        .next()
                        .map(|t| crate::encoder::sentence_vector(&t))
                        .unwrap_or_default()
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
