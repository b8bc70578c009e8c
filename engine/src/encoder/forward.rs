//! The forward pass: the standard post-norm BERT encoder over a chunk of texts at once.
//!
//! Why a chunk: the cost of a matrix product over a few dozen token rows is mostly the packing
//! of the weight matrix into the GEMM kernel's panels (measured: 40% of the time of a one-text
//! forward pass was `pack_avx2`), and a weight matrix is packed once per product however many
//! rows it multiplies. So the token rows of many texts are stacked into one matrix, every
//! linear layer is one product over all of them, and only attention, which must not mix texts,
//! walks the texts one by one (by their row spans: no padding, no mask).
//!
//! Each text's rows are computed by the same arithmetic in the same order whatever else shares
//! its chunk (a GEMM output element depends only on its row and column), so a text encodes to
//! the same vectors alone or in a batch; `tests/encoder.rs` checks it.

use ndarray::linalg::general_mat_mul;
use ndarray::{s, Array1, Array2, ArrayView2, ArrayViewMut2, Axis};

/// A dense layer, `y = x Wᵀ + b`.
pub(super) struct Linear {
    /// `Wᵀ`, `[in, out]` row-major: the weight file's `[out, in]` transposed once at load, so
    /// that the GEMM packs it by copying rows (its fast path) rather than gathering columns.
    wt: Array2<f32>,
    b: Array1<f32>,
}

impl Linear {
    /// From `wt` (`[in, out]`, the stored weight transposed) and `b` (`[out]`).
    pub fn from_transposed(wt: Array2<f32>, b: Array1<f32>) -> Linear {
        Linear { wt, b }
    }
}

/// The word embedding table as the weight file stores it, `rows` little-endian f32 rows of
/// `dim` from byte `start` of the file, each converted when a token looks it up.
pub(super) struct WordTable {
    file: Vec<u8>,
    start: usize,
    rows: usize,
    dim: usize,
}

impl WordTable {
    /// None when the table would run past the end of `file`.
    pub fn new(file: Vec<u8>, start: usize, rows: usize, dim: usize) -> Option<WordTable> {
        let end = rows.checked_mul(dim)?.checked_mul(4)?.checked_add(start)?;
        (end <= file.len()).then_some(WordTable {
            file,
            start,
            rows,
            dim,
        })
    }

    pub fn byte_len(&self) -> usize {
        self.rows * self.dim * 4
    }

    /// Row `id`'s bytes (None past the table).
    fn row(&self, id: usize) -> Option<&[u8]> {
        if id >= self.rows {
            return None;
        }
        let at = self.start + id * self.dim * 4;
        self.file.get(at..at + self.dim * 4)
    }
}

pub(super) struct Norm {
    pub g: Array1<f32>,
    pub b: Array1<f32>,
}

pub(super) struct Layer {
    /// Query, key and value stacked (`[3 * hidden, hidden]`): one product instead of three.
    pub qkv: Linear,
    pub attn_out: Linear,
    pub attn_norm: Norm,
    pub up: Linear,
    pub down: Linear,
    pub out_norm: Norm,
}

/// The network's weights, every shape checked by `Encoder::load`.
pub(super) struct Weights {
    pub words: WordTable,
    pub positions: Array2<f32>,
    pub token_type: Array1<f32>,
    pub embed_norm: Norm,
    pub layers: Vec<Layer>,
    pub hidden: usize,
    pub heads: usize,
    pub eps: f32,
    /// From [`gelu_table`].
    pub gelu: Vec<f32>,
}

impl Weights {
    /// The last layer's token vectors of each text of `ids` (each at most `MAX_TOKENS` long,
    /// which the positions table covers), as one matrix of all their rows in order.
    pub fn forward(&self, ids: &[Vec<u32>]) -> Array2<f32> {
        let d = self.hidden;
        let rows: usize = ids.iter().map(Vec::len).sum();
        let mut spans = Vec::with_capacity(ids.len());
        let mut x = Array2::<f32>::zeros((rows, d));
        let mut start = 0;
        for text in ids {
            for (i, &id) in text.iter().enumerate() {
                // Ids come from the vocabulary the table was checked against and positions stay
                // below MAX_TOKENS; an id or position past the table reads as zeros, not a panic.
                let (id, row) = (id as usize, start + i);
                if i >= self.positions.nrows() || row >= rows {
                    continue;
                }
                let Some(word) = self.words.row(id) else {
                    continue;
                };
                let pos = self.positions.row(i);
                for ((v, w), (p, t)) in x
                    .row_mut(row)
                    .iter_mut()
                    .zip(word.chunks_exact(4))
                    .zip(pos.iter().zip(&self.token_type))
                {
                    *v = super::le_f32(w) + p + t;
                }
            }
            spans.push((start, text.len()));
            start += text.len();
        }
        self.layer_norm(&mut x, &self.embed_norm);
        let mut scores = Vec::new();
        let mut ctx = Array2::<f32>::zeros((rows, d));
        for layer in &self.layers {
            let qkv = affine(x.view(), &layer.qkv, None);
            self.attention(&qkv, &spans, &mut scores, &mut ctx);
            // The residual rides in the product's accumulator: h = x + ctx Woᵀ + b.
            let mut h = affine(ctx.view(), &layer.attn_out, Some(x));
            self.layer_norm(&mut h, &layer.attn_norm);
            let mut up = affine(h.view(), &layer.up, None);
            let table = self.gelu.as_slice();
            match up.as_slice_mut() {
                Some(flat) => flat.iter_mut().for_each(|v| *v = gelu(table, *v)),
                None => up.mapv_inplace(|v| gelu(table, v)),
            }
            x = affine(up.view(), &layer.down, Some(h));
            self.layer_norm(&mut x, &layer.out_norm);
        }
        x
    }

    /// Scaled dot-product attention of each text with itself, head by head, into `ctx`.
    /// `qkv` holds each row's query, key and value side by side; `scores` is scratch.
    fn attention(
        &self,
        qkv: &Array2<f32>,
        spans: &[(usize, usize)],
        scores: &mut Vec<f32>,
        ctx: &mut Array2<f32>,
    ) {
        let d = self.hidden;
        let hd = d / self.heads;
        let scale = 1.0 / (hd as f32).sqrt();
        for &(start, n) in spans {
            let rows = start..start + n;
            scores.resize(n * n, 0.0);
            // A contiguous n × n block, so that softmax runs over plain slices.
            let Ok(mut sc) = ArrayViewMut2::from_shape((n, n), &mut scores[..]) else {
                continue;
            };
            for h in 0..self.heads {
                let col = h * hd;
                let q = qkv.slice(s![rows.clone(), col..col + hd]);
                let k = qkv.slice(s![rows.clone(), d + col..d + col + hd]);
                let v = qkv.slice(s![rows.clone(), 2 * d + col..2 * d + col + hd]);
                // Small products (a few dozen rows by 32 columns), yet the GEMM kernel, a few
                // microseconds each, beats scalar loops six times over: the workspace builds
                // with opt-level "z", which turns off auto-vectorisation.
                general_mat_mul(scale, &q, &k.t(), 0.0, &mut sc);
                if let Some(flat) = sc.as_slice_mut() {
                    flat.chunks_exact_mut(n.max(1)).for_each(softmax);
                }
                let mut out = ctx.slice_mut(s![rows.clone(), col..col + hd]);
                general_mat_mul(1.0, &sc, &v, 0.0, &mut out);
            }
        }
    }

    fn layer_norm(&self, x: &mut Array2<f32>, norm: &Norm) {
        let eps = self.eps;
        for mut row in x.axis_iter_mut(Axis(0)) {
            let n = row.len() as f32;
            let mean = row.sum() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + eps).sqrt();
            ndarray::Zip::from(&mut row)
                .and(&norm.g)
                .and(&norm.b)
                .for_each(|v, &g, &b| *v = (*v - mean) * inv * g + b);
        }
    }
}

/// `x Wᵀ + b (+ acc)`: one matrix product over every row of `x`, accumulated onto the bias
/// (and the residual `acc`, when given). Shapes are fixed by `load` and by `forward`, which
/// builds `x` and `acc` with the widths the layer expects.
fn affine(x: ArrayView2<f32>, l: &Linear, acc: Option<Array2<f32>>) -> Array2<f32> {
    let shape = (x.nrows(), l.wt.ncols());
    // Plain slices rather than ndarray's element-wise iterators, which at opt-level "z" cost
    // more than the additions; the bias rows are laid down by `repeat`, a run of memcpys.
    let mut y = match (acc, l.b.as_slice()) {
        (Some(mut y), Some(b)) if y.dim() == shape => {
            if let Some(flat) = y.as_slice_mut() {
                for row in flat.chunks_exact_mut(b.len().max(1)) {
                    row.iter_mut().zip(b).for_each(|(v, b)| *v += b);
                }
            }
            y
        }
        (_, Some(b)) => Array2::from_shape_vec(shape, b.repeat(shape.0))
            .unwrap_or_else(|_| Array2::zeros(shape)),
        _ => Array2::zeros(shape),
    };
    general_mat_mul(1.0, &x, &l.wt, 1.0, &mut y);
    y
}

/// Softmax of one row of scores, in place.
fn softmax(row: &mut [f32]) {
    // Not `f32::max`: at opt-level "z" it is a call to libm's `fmaxf` per element.
    let max = row
        .iter()
        .fold(f32::NEG_INFINITY, |m, &s| if s > m { s } else { m });
    let mut sum = 0.0;
    for s in row.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    for s in row.iter_mut() {
        *s /= sum;
    }
}

/// GELU, the erf one BERT was trained with (not the tanh approximation), as a table for
/// [`gelu`]: `GELU_STEPS` values a step apart from `GELU_LO` to `-GELU_LO`, computed in f64.
///
/// Why a table: with `libm::erff` GELU took 29% of the forward pass (perf, seeds: 27 million
/// calls; its range reduction calls `expf` twice), and at opt-level "z" nothing is vectorised.
/// Linear interpolation is two loads and a few multiply-adds: about four times faster than
/// `erff` and 1.7 times faster than a rational erf (Eigen's). Its error is at most 4.6e-7
/// from GELU in f64, as `erff`'s in f32 (4.5e-7; measured over ±12 in steps of 1e-6), mostly
/// f32 rounding. The step is 1/1024 because interpolation errs on one side (GELU is convex
/// near 0), so its error adds up in the next product instead of cancelling: at 1/512 the
/// outputs moved twice as far (rms 6e-7 against 3e-7 from the `erff` forward pass).
pub(super) fn gelu_table() -> Vec<f32> {
    (0..GELU_STEPS)
        .map(|i| {
            let x = f64::from(GELU_LO) + i as f64 / f64::from(GELU_PER_UNIT);
            (0.5 * x * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))) as f32
        })
        .collect()
}

const GELU_LO: f32 = -8.0;
const GELU_PER_UNIT: f32 = 1024.0;
/// 64 KiB: the range ±8, where GELU is 0 below (within 1e-14) and the identity above.
const GELU_STEPS: usize = 16 * 1024 + 1;

#[inline(always)]
fn gelu(table: &[f32], x: f32) -> f32 {
    let t = (x - GELU_LO) * GELU_PER_UNIT;
    if t < 0.0 {
        return 0.0;
    }
    // Saturating: a huge value runs off the end and keeps x; NaN reads entry 0 and stays NaN.
    // Through i32, not usize: the table has 16,385 entries, so i32 saturates past its end as
    // usize does, and an i32 converts back to f32 in one instruction where a usize (u64) takes
    // a dozen (20% of GELU's time; every f32 input gives the same bits, checked exhaustively).
    let i = t as i32;
    let at = i as u32 as usize;
    match (table.get(at), table.get(at + 1)) {
        (Some(&a), Some(&b)) => {
            // Where x lies in its step, from x itself: `t` lost x's low bits to the offset,
            // which alone would double the error near 0.
            let frac = (x - (GELU_LO + i as f32 / GELU_PER_UNIT)) * GELU_PER_UNIT;
            a + (b - a) * frac
        }
        _ => x,
    }
}
