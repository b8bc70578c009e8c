#!/usr/bin/env bash
# Regenerates engine/data/word_vectors.bin, the static word vectors a build without the
# encoder reads (engine/src/word_vectors.rs), from the sentence encoder. Deterministic on one
# machine: the same encoder gives the same bytes. Run it when the encoder or the recipe
# changes, then refit (`crosscheck fit ../shared/eval`).
#
#   scripts/gen-word-vectors.sh           # rewrite the table
#   scripts/gen-word-vectors.sh --check   # regenerate to a temporary file and compare
#
# A release build: the generator encodes 21,719 words and projects them, about a minute.
# (Not a test: in a debug build it would take most of CI's budget, and the encoder's matrix
# kernel is chosen at run time by CPU, so another machine may differ in a last bit.)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(scripts/get-encoder.sh)
out=engine/data/word_vectors.bin
if [ "${1:-}" = --check ]; then
  tmp=$(mktemp)
  trap 'rm -f "$tmp"' EXIT
  cargo run --quiet --release -p crosscheck --example gen_word_vectors -- "$dir" "$tmp"
  if cmp -s "$tmp" "$out"; then
    echo "gen-word-vectors: $out is current"
  else
    echo "gen-word-vectors: $out differs from what this encoder gives: $(cmp -l "$tmp" "$out" 2>/dev/null | wc -l) bytes" >&2
    exit 1
  fi
else
  mkdir -p engine/data
  cargo run --quiet --release -p crosscheck --example gen_word_vectors -- "$dir" "$out"
fi
