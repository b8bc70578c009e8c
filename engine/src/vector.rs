//! The one dot product the engine's vector code shares (sentence and token vectors, the static
//! word table, the pair model's weights), and `Columns`, which computes a claim's dot products
//! with every sentence of the cluster at once, to the same bits.

/// `x · y` summed left to right from -0.0, the order and start `Iterator::sum` uses.
/// [`Columns::dots`] reproduces it bit for bit, sixteen vectors at a time, so a cosine is
/// the same number whichever of the two computed it.
pub(crate) fn dot(x: &[f32], y: &[f32]) -> f32 {
    x.iter().zip(y).map(|(p, q)| p * q).sum()
}

/// Vectors per block of [`Columns`]: sixteen `f32` lanes fill one AVX-512 register, two AVX2
/// ones or four SSE ones.
const LANES: usize = 16;

/// Many vectors of one dimension laid out for [`Columns::dots`]: in blocks of `LANES` vectors,
/// each block dimension by dimension (component `i` of its sixteen vectors side by side).
///
/// Why: a claim's similarity row is its dot product with every sentence of the cluster, once per
/// claim, so the rows grow with the square of the cluster. Stored vector after vector, the
/// products of one component with several vectors lie a dimension apart and the sums cannot be
/// vectorised; side by side, one component of sixteen vectors is one load, and each lane still
/// adds its own vector's products in `dot`'s order.
pub(crate) struct Columns {
    dim: usize,
    len: usize,
    blocks: Vec<f32>,
}

impl Columns {
    /// The vectors of `flat`, `dim` floats each, back to back (a partial last one is dropped).
    pub(crate) fn new(flat: &[f32], dim: usize) -> Columns {
        let len = flat.len().checked_div(dim).unwrap_or(0);
        let mut blocks = vec![0.0f32; len.div_ceil(LANES) * LANES * dim];
        for (j, v) in flat.chunks_exact(dim.max(1)).take(len).enumerate() {
            let block = &mut blocks[(j / LANES) * LANES * dim..][..LANES * dim];
            for (i, &x) in v.iter().enumerate() {
                block[i * LANES + j % LANES] = x;
            }
        }
        Columns { dim, len, blocks }
    }

    /// `x · v_j` for every vector `v_j`, in order, each to the bit as [`dot`] gives it; `x`
    /// shorter or longer than the vectors reads as `dot` reads it (the shorter length).
    pub(crate) fn dots(&self, x: &[f32]) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.blocks.len() / self.dim.max(1));
        if self.dim > 0 {
            let x = &x[..x.len().min(self.dim)];
            column_dots(x, &self.blocks, self.dim, &mut out);
        }
        // The last block's lanes past the last vector summed zeros.
        out.truncate(self.len);
        out
    }

    /// How many vectors there are.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Vector `j`, read back from its block (none past the last).
    pub(crate) fn vector(&self, j: usize) -> Option<Vec<f32>> {
        (j < self.len).then(|| {
            let block = &self.blocks[(j / LANES) * LANES * self.dim..][..LANES * self.dim];
            (0..self.dim)
                .map(|i| block[i * LANES + j % LANES])
                .collect()
        })
    }
}

/// The sums of `Columns::dots`, block after block, appended to `out`. Compiled for each common
/// SIMD extension and chosen at run time (`multiversion`), as the packed forest's lanes are.
#[multiversion::multiversion(targets = "simd")]
fn column_dots(x: &[f32], blocks: &[f32], dim: usize, out: &mut Vec<f32>) {
    for block in blocks.chunks_exact(LANES * dim) {
        let mut acc = [-0.0f32; LANES];
        for (p, row) in x.iter().zip(block.chunks_exact(LANES)) {
            for (a, v) in acc.iter_mut().zip(row) {
                *a += p * v;
            }
        }
        out.extend_from_slice(&acc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_dots_are_dot_to_the_bit() {
        // Awkward values: products that round, signs that cancel, a zero vector (its sum is the
        // start value's sign), and a count of vectors that fills no whole block.
        let dim = 7;
        let x: Vec<f32> = (0..dim)
            .map(|i| (i as f32 * 0.37 - 1.1).sin() / 3.0)
            .collect();
        let mut flat = Vec::new();
        for j in 0..37 {
            flat.extend((0..dim).map(|i| ((i * 13 + j * 7) as f32).cos() * 1e-3 * (j as f32)));
        }
        let cols = Columns::new(&flat, dim);
        let out = cols.dots(&x);
        assert_eq!(out.len(), 37);
        for (j, v) in flat.chunks_exact(dim).enumerate() {
            assert_eq!(out[j].to_bits(), dot(&x, v).to_bits(), "vector {j}");
        }
        // A shorter claim vector reads as `dot` reads it; no vectors, or no dimension, give
        // an empty or a zero row, never a panic.
        let short = cols.dots(&x[..3]);
        for (j, v) in flat.chunks_exact(dim).enumerate() {
            assert_eq!(short[j].to_bits(), dot(&x[..3], v).to_bits(), "vector {j}");
        }
        // Each vector reads back as it was given.
        for (j, v) in flat.chunks_exact(dim).enumerate() {
            assert_eq!(cols.vector(j).as_deref(), Some(v), "vector {j}");
        }
        assert_eq!(cols.vector(37), None);
        assert!(Columns::new(&[], dim).dots(&x).is_empty());
        assert_eq!(Columns::new(&flat, 0).dots(&x), Vec::<f32>::new());
    }
}
