#!/usr/bin/env bash
# THE benchmark command: installs what is missing, builds what it needs, measures, prints the
# figures and writes docs/benchmarks.md (table, date, machine) and docs/bench-engine.svg.
# Prints figures only; no benchmark fails on a slow or big figure (a broken build does).
#
#   scripts/bench.sh                    # every step, in the order below
#   scripts/bench.sh STEP...            # only these (the report keeps the others' last figures)
#   CROSSCHECK_SKIP_DEPS=1 scripts/bench.sh ...   # skip install-deps (tools known present)
#
# Steps:
#   bundle   trunk build --release; dist/ sizes raw/gzip/brotli; the embedded claims.bin;
#            per-crate cost with twiggy on the same wasm with names kept
#   browser  start-up and click latency in headless Chromium (bench/browser.mjs) on dist/
#            (as `bundle` left it; built only if missing)
#   engine   cargo bench -p crosscheck --bench scale (seeds, 20, 50, 200, 500 articles), then
#            the CPU time of `crosscheck build` on the largest cluster it generated
# The report (bench/report.mjs) always runs last.
# Knobs: BENCH_LOADS (start-up loads, 15), BENCH_CLICK_PASSES (5), BENCH_BUDGET_SECS (engine
# bench's per-size time budget, 30), BENCH_OUT (intermediate results, target/bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

ALL_STEPS=(bundle browser engine)
WASM_TARGET=wasm32-unknown-unknown
export BENCH_OUT=${BENCH_OUT:-$PWD/target/bench}
TWIGGY_VERSION=0.8.0

say() { echo "bench.sh: $*" >&2; }
die() {
  echo "bench.sh: ERROR: $*" >&2
  exit 1
}

selected=()
for s in "$@"; do
  case $s in
    -h | --help)
      sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    bundle | browser | engine) ;;
    *) die "unknown step '$s' (steps: ${ALL_STEPS[*]})" ;;
  esac
done
for s in "${ALL_STEPS[@]}"; do
  if [ $# -eq 0 ] || [[ " $* " == *" $s "* ]]; then selected+=("$s"); fi
done
is_selected() { [[ " ${selected[*]} " == *" $1 "* ]]; }

# --- tools ------------------------------------------------------------------------------------
if [ "${CROSSCHECK_SKIP_DEPS:-0}" != 1 ]; then
  bash scripts/install-deps.sh
fi
if is_selected bundle; then
  # twiggy reads the wasm's names section to say what each crate costs. Idempotent.
  if [[ $(twiggy --version 2>/dev/null || true) != *" $TWIGGY_VERSION" ]]; then
    say "cargo install twiggy $TWIGGY_VERSION"
    cargo install --locked twiggy --version "$TWIGGY_VERSION" ||
      say "twiggy did not install: per-crate sizes will be skipped"
  fi
fi

mkdir -p "$BENCH_OUT"
started=$SECONDS

# --- bundle -----------------------------------------------------------------------------------
# trunk builds `cargo build --release --target wasm32` (names still in the module), then
# wasm-bindgen and wasm-opt, which drop them. The twiggy copy redoes the last two steps with
# names kept, from the very same cargo output, so its sizes match the shipped file.
wasm_opt_level() {
  sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' www/index.html | head -n 1
}
if is_selected bundle; then
  echo
  echo "==> [bundle] trunk build --release, sizes, claims.bin, per-crate cost"
  trunk build --release
  raw=target/$WASM_TARGET/release/crosscheck-widget.wasm
  [ -f "$raw" ] || die "$raw not found after trunk build"
  named=$BENCH_OUT/wasm
  rm -rf "$named" && mkdir -p "$named"
  wasm-bindgen --target web --keep-debug --out-dir "$named" "$raw"
  level=$(wasm_opt_level)
  case ${level:-} in
    '' | 0) cp "$named/crosscheck-widget_bg.wasm" "$named/named.wasm" ;;
    *) wasm-opt "-O$level" -g "$named/crosscheck-widget_bg.wasm" -o "$named/named.wasm" ;;
  esac
  node bench/bundle.mjs
fi

# --- browser ----------------------------------------------------------------------------------
if is_selected browser; then
  echo
  echo "==> [browser] start-up and click latency in headless Chromium"
  # Alone, this step measures the dist/ that is there (built only if missing).
  [ -f dist/index.html ] || trunk build --release
  node bench/browser.mjs
fi

# --- engine -----------------------------------------------------------------------------------
if is_selected engine; then
  echo
  echo "==> [engine] cargo bench -p crosscheck --bench scale"
  # The generated clusters are also written out, so the biggest one can be timed again below.
  clusters=$BENCH_OUT/clusters
  rm -rf "$clusters"
  BENCH_DUMP=$clusters cargo bench -p crosscheck --bench scale
  [ -f "$BENCH_OUT/scale.svg" ] || die "the scale bench wrote no $BENCH_OUT/scale.svg"
  mkdir -p docs
  cp "$BENCH_OUT/scale.svg" docs/bench-engine.svg
  echo "copied $BENCH_OUT/scale.svg to docs/bench-engine.svg"
  # The bench's times are wall-clock, which a busy machine inflates. CPU time of the CLI on the
  # largest generated cluster says what the build costs one core, whatever else runs.
  cpu=$BENCH_OUT/engine-cpu.tsv
  rm -f "$cpu"
  if [ -x /usr/bin/time ]; then
    cargo build --release -q -p crosscheck --bin crosscheck
    for dir in "$clusters"/n500 "$clusters"/n200; do
      [ -d "$dir" ] || continue
      n=${dir##*/n}
      /usr/bin/time -f '%U %S %e %M' -o "$BENCH_OUT/time.txt" \
        target/release/crosscheck build "$dir" --format bin -o "$BENCH_OUT/claims-n$n.bin"
      read -r user sys wall rss <"$BENCH_OUT/time.txt"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$user" "$sys" "$wall" "$rss" "$(stat -c %s "$BENCH_OUT/claims-n$n.bin")" >"$cpu"
      echo "engine:   crosscheck build (CLI, bin export) of the $n-article cluster: CPU ${user}s user + ${sys}s sys," \
        "wall ${wall}s, max RSS $((rss / 1024)) MiB"
      break
    done
  else
    say "no /usr/bin/time: CPU time of the largest cluster not measured"
  fi
fi

# --- report -----------------------------------------------------------------------------------
echo
echo "==> [report] docs/benchmarks.md"
node bench/report.mjs
say "done in $((SECONDS - started))s (steps: ${selected[*]})"
