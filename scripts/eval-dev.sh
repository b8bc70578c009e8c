#!/usr/bin/env bash
# Scores the engine on the seeds and on every development cluster, twice: with `crosscheck eval`
# and with the shared reference scorer (`score.py cluster`) on the JSON export, and checks that
# the two agree.
#
#   scripts/eval-dev.sh [SHARED_EVAL_DIR]      (default: ../shared/eval relative to the repo)
#
# The evaluation texts are read where they are: each cluster is assembled in a `mktemp -d`
# folder outside the repository (its .txt files plus a sources.toml generated from
# MANIFEST.tsv) and removed afterwards. CROSSCHECK=path/to/binary skips the release build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$repo/../shared/eval}"
shared="$(cd "$shared" && pwd)"
score_py="$shared/score.py"
[ -f "$score_py" ] || { echo "eval-dev: no score.py in $shared" >&2; exit 2; }

if [ -z "${CROSSCHECK:-}" ]; then
  (cd "$repo" && cargo build --release -q -p crosscheck)
  CROSSCHECK="$repo/target/release/crosscheck"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# sources.toml from MANIFEST.tsv (file, outlet, published, url), TOML strings escaped.
manifest_to_toml() {
  awk -F '\t' '
    function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $0 != "" {
      stem = $col["file"]; sub(/\.txt$/, "", stem)
      print "[" q(stem) "]"
      if ("outlet" in col && $col["outlet"] != "") print "outlet = " q($col["outlet"])
      if ("published" in col && $col["published"] != "") print "published = " q($col["published"])
      if ("url" in col && $col["url"] != "") print "url = " q($col["url"])
      print ""
    }' "$1"
}

summary="$work/summary.tsv"
: > "$summary"

# eval_one NAME CLUSTER_DIR GOLD
eval_one() {
  local name="$1" dir="$2" gold="$3" out="$work/$1"
  mkdir -p "$out"
  echo "=== $name: crosscheck eval"
  "$CROSSCHECK" eval "$dir" --gold "$gold" | tee "$out/eval.txt"
  "$CROSSCHECK" build "$dir" -o "$out/export.json"
  echo "--- $name: score.py cluster"
  python3 "$score_py" cluster "$gold" "$out/export.json" | tee "$out/score.txt"
  python3 - "$name" "$out/eval.txt" "$out/score.txt" >> "$summary" <<'PY'
import json, sys
name, ev, sc = sys.argv[1:4]
a = json.loads(open(ev, encoding="utf-8").read().strip().splitlines()[-1])
b = json.loads(open(sc, encoding="utf-8").read().strip().splitlines()[-1])
f = lambda v: "n/a" if v is None else f"{v:.4f}"
print("\t".join([name, str(a["items"]), f(a["accuracy"]), f(a["macro_f1"]),
                 f(a["per_label"]["differs"]["f1"]), f(a["evidence_accuracy"]),
                 f(a["detail_accuracy"]), f(a["boilerplate_recall"]),
                 f(a["boilerplate_precision_upper"]), "yes" if a == b else "NO"]))
PY
  echo
}

eval_one seeds "$repo/seeds" "$repo/tests/data/seeds.gold.jsonl"

for cdir in "$shared"/dev/*/; do
  cname="$(basename "$cdir")"
  gold="$shared/dev/$cname.gold.jsonl"
  [ -f "$gold" ] || continue
  tmp="$work/clusters/$cname"
  mkdir -p "$tmp"
  cp "$cdir"/*.txt "$tmp"/
  [ -f "$cdir/MANIFEST.tsv" ] && manifest_to_toml "$cdir/MANIFEST.tsv" > "$tmp/sources.toml"
  eval_one "$cname" "$tmp" "$gold"
done

echo "=== summary (crosscheck eval; 'agrees' = identical JSON from score.py)"
{
  printf 'cluster\titems\taccuracy\tmacro-F1\tdiffers-F1\tevidence\tdetail\tbp-recall\tbp-prec(upper)\tagrees\n'
  cat "$summary"
  python3 - "$summary" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
dev = [r for r in rows if r[0] != "seeds"]
if dev:
    print("\t".join(["dev mean", "", "", f"{sum(float(r[3]) for r in dev) / len(dev):.4f}"] + [""] * 6))
PY
} | column -t -s $'\t'
grep -q $'\tNO$' "$summary" && { echo "eval-dev: crosscheck eval and score.py disagree" >&2; exit 1; }
exit 0
