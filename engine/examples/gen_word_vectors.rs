//! Writes `engine/data/word_vectors.bin` from the sentence encoder (`crosscheck::word_vectors`).
//! Run through `scripts/gen-word-vectors.sh`, which fetches the encoder first.
//!
//!     cargo run --release -p crosscheck --example gen_word_vectors -- ENCODER_DIR OUT_FILE

use std::path::PathBuf;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: gen_word_vectors ENCODER_DIR OUT_FILE".into());
    };
    let dir = PathBuf::from(dir);
    let encoder = crosscheck::encoder::Encoder::load(&dir)?;
    let vocab = std::fs::read_to_string(dir.join("vocab.txt"))
        .map_err(|e| format!("{}: {e}", dir.join("vocab.txt").display()))?;
    let table = crosscheck::word_vectors::generate(&encoder, &vocab);
    std::fs::write(&out, &table).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("gen_word_vectors: {} bytes to {out}", table.len());
    Ok(())
}
