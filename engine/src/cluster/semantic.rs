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

use crate::encoder::Encoder;

/// Unit-length sentence vectors of the cluster's distinct eligible texts, and which one each
/// segment has (none for segments that get no verdict and are never evidence).
pub struct Semantic {
    /// The width of a vector.
    dim: usize,
    /// The distinct vectors, `dim` floats each, back to back.
    flat: Vec<f32>,
    /// Each segment's vector: its index in `flat`, by `dim`.
    of: Vec<Option<u32>>,
}

impl Semantic {
    /// Encodes the distinct `eligible` texts in one batch; the others get no vector.
    pub fn encode(encoder: &Encoder, texts: &[&str], eligible: &[bool]) -> Semantic {
        // First occurrence order: the batch is the eligible texts in segment order with the
        // repeats left out. The map only looks texts up; nothing iterates it.
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut wanted: Vec<&str> = Vec::new();
        let of_text: Vec<Option<u32>> = texts
            .iter()
            .zip(eligible)
            .map(|(&t, &e)| {
                e.then(|| {
                    *seen.entry(t).or_insert_with(|| {
                        wanted.push(t);
                        (wanted.len() - 1) as u32
                    })
                })
            })
            .collect();
        let vectors: Vec<Vec<f32>> = encoder
            .encode_batch(&wanted)
            .iter()
            .map(crate::encoder::sentence_vector)
            .collect();
        let dim = vectors.first().map_or(0, Vec::len);
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
        Semantic { dim, flat, of }
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
        let mut by_vector = vec![0.0f32; self.distinct()];
        dots(x, &self.flat, &mut by_vector);
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

/// `x · y` summed left to right from -0.0, the order and start `Iterator::sum` uses, which
/// [`dots`] must reproduce bit for bit.
fn dot(x: &[f32], y: &[f32]) -> f32 {
    x.iter().zip(y).map(|(p, q)| p * q).sum()
}

/// `out[j] = x · v_j` for the vectors `v_j` back to back in `flat`, each exactly as [`dot`]
/// computes it. Why four at a time: one sum is a chain of dependent additions, each waiting
/// for the last; four independent chains keep the adder busy (the crate is built at opt-level
/// "z", which does not vectorise), and each chain still adds its products in the same order.
fn dots(x: &[f32], flat: &[f32], out: &mut [f32]) {
    let dim = x.len();
    if dim == 0 {
        return;
    }
    let mut blocks = flat.chunks_exact(4 * dim);
    let mut outs = out.chunks_exact_mut(4);
    for (b, o) in blocks.by_ref().zip(outs.by_ref()) {
        let (v0, rest) = b.split_at(dim);
        let (v1, rest) = rest.split_at(dim);
        let (v2, v3) = rest.split_at(dim);
        let mut acc = [-0.0f32; 4];
        for ((((&p, &a), &b), &c), &d) in x.iter().zip(v0).zip(v1).zip(v2).zip(v3) {
            acc[0] += p * a;
            acc[1] += p * b;
            acc[2] += p * c;
            acc[3] += p * d;
        }
        o.copy_from_slice(&acc);
    }
    for (v, o) in blocks
        .remainder()
        .chunks_exact(dim)
        .zip(outs.into_remainder())
    {
        *o = dot(x, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_are_dot_to_the_bit() {
        // Awkward values: products that round, signs that cancel, a zero vector (its sum is the
        // start value's sign), and a count of vectors that is not a multiple of four.
        let dim = 7;
        let x: Vec<f32> = (0..dim)
            .map(|i| (i as f32 * 0.37 - 1.1).sin() / 3.0)
            .collect();
        let mut flat = Vec::new();
        for j in 0..11 {
            flat.extend((0..dim).map(|i| ((i * 13 + j * 7) as f32).cos() * 1e-3 * (j as f32)));
        }
        let mut out = vec![0.0f32; 11];
        dots(&x, &flat, &mut out);
        for (j, v) in flat.chunks_exact(dim).enumerate() {
            assert_eq!(out[j].to_bits(), dot(&x, v).to_bits(), "vector {j}");
        }
    }
}
