#!/usr/bin/env bash
# THE benchmark command: installs what is missing, builds what it needs, measures, prints the
# figures and writes docs/benchmarks.md (table, date, machine) and docs/bench-engine.svg.
# Prints figures only; no benchmark fails on a slow or big figure (a broken build does).
#
#   scripts/bench.sh                    # every step (bundle, engine, browser; see below)
#   scripts/bench.sh STEP...            # only these (the report keeps the others' last figures)
#   CROSSCHECK_SKIP_DEPS=1 scripts/bench.sh ...   # skip install-deps (tools known present)
#
# Steps:
#   bundle   trunk build --release; dist/ sizes raw/gzip/brotli; the embedded claims.bin;
#            per-crate cost with twiggy on the same wasm with names kept
#   engine   cargo bench -p crosscheck --bench scale (seeds, 20, 40, 50, 80, 160, 200, 500
#            articles, each without and with the sentence encoder when its folder is found;
#            growth exponent fitted from 40 to 160), then the CPU time of `crosscheck build`
#            on the seeds and the 200-article cluster, both ways
#   browser  start-up and click latency in headless Chromium (bench/browser.mjs) on dist/
#            (as `bundle` left it; built only if missing)
#            and, after the engine step, the 20- and 200-article databases mounted and the
#            50-article cluster analysed, all three as the engine step generated them
# Steps run in this order.
# The report (bench/report.mjs) always runs last.
# Knobs: BENCH_LOADS (start-up loads, 15), BENCH_CLICK_PASSES (5), BENCH_BUDGET_SECS (engine
# bench's per-size, per-path time budget, 60), BENCH_OUT (intermediate results, target/bench/).
# The encoder is looked for where `crosscheck build` looks: $CROSSCHECK_ENCODER, else
# ${XDG_CACHE_HOME:-~/.cache}/crosscheck/all-MiniLM-L6-v2 (scripts/get-encoder.sh fetches it).
set -euo pipefail
# stdin is an empty pipe: cargo's target probe compiles stdin (`rustc -`); see scripts/test.sh.
exec < <(:)
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

ALL_STEPS=(bundle engine browser)
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
      sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
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

# Measuring without these would be measuring something else: unminified scripts (the release
# build minifies with terser when it is there), or no browser figures at all.
if is_selected bundle && [ ! -x node_modules/.bin/terser ]; then
  die "terser is not installed (node_modules/): the bundle would be measured unminified; run scripts/install-deps.sh or drop CROSSCHECK_SKIP_DEPS"
fi
if is_selected browser && [ ! -d node_modules/playwright-core ]; then
  die "playwright-core is not installed (node_modules/): run scripts/install-deps.sh or drop CROSSCHECK_SKIP_DEPS"
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
# The widget's extra wasm-opt flags (data-wasm-opt-params), which trunk passes after the level.
wasm_opt_params() {
  sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' www/index.html | head -n 1
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
  read -r -a params <<<"$(wasm_opt_params)"
  case ${level:-} in
    '' | 0) cp "$named/crosscheck-widget_bg.wasm" "$named/named.wasm" ;;
    *) wasm-opt "-O$level" -g "$named/crosscheck-widget_bg.wasm" -o "$named/named.wasm" "${params[@]}" ;;
  esac
  node bench/bundle.mjs
fi

# --- engine -----------------------------------------------------------------------------------
if is_selected engine; then
  echo
  echo "==> [engine] cargo bench -p crosscheck --bench scale"
  # The generated clusters are also written out, so the CLI can time the 200-article one below.
  clusters=$BENCH_OUT/clusters
  rm -rf "$clusters"
  BENCH_DUMP=$clusters cargo bench -p crosscheck --bench scale
  [ -f "$BENCH_OUT/scale.svg" ] || die "the scale bench wrote no $BENCH_OUT/scale.svg"
  mkdir -p docs
  cp "$BENCH_OUT/scale.svg" docs/bench-engine.svg
  echo "copied $BENCH_OUT/scale.svg to docs/bench-engine.svg"
  # The bench's times are wall-clock, which a busy machine inflates, and leave out reading the
  # articles, loading the encoder and writing the database. CPU time of the CLI says what a
  # whole build costs one core, whatever else runs: on the seeds (median of 3) and on the
  # 200-article cluster, without and (when its folder is there) with the sentence encoder, each
  # on one core (--jobs 1); then the 200-article cluster once more on every core (path
  # "<path>-cores"), what a newsroom's machine waits.
  cpu=$BENCH_OUT/engine-cpu.tsv
  rm -f "$cpu"
  enc_dir=${CROSSCHECK_ENCODER:-${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck/all-MiniLM-L6-v2}
  paths=(surface)
  if [ -f "$enc_dir/model.safetensors" ]; then
    paths+=(encoder)
  else
    say "no sentence encoder at $enc_dir: CLI timed without it only"
  fi
  if [ -x /usr/bin/time ]; then
    cargo build --release -q -p crosscheck --bin crosscheck
    for dir in seeds "$clusters"/n200; do
      [ -d "$dir" ] || continue
      n=$(find "$dir" -maxdepth 1 -name '*.txt' | wc -l)
      runs=1
      [ "$n" -le 20 ] && runs=3
      variants=("${paths[@]}")
      [ "$n" -gt 20 ] && for path in "${paths[@]}"; do variants+=("$path-cores"); done
      for path in "${variants[@]}"; do
        flag=(--no-encoder)
        [ "${path%-cores}" = encoder ] && flag=(--encoder "$enc_dir")
        [ "$path" = "${path%-cores}" ] && flag+=(--jobs 1)
        out=$BENCH_OUT/claims-n$n-${path%-cores}.bin
        for _ in $(seq "$runs"); do
          /usr/bin/time -f '%U %S %e %M' -o "$BENCH_OUT/time.txt" \
            target/release/crosscheck build "$dir" "${flag[@]}" --format bin -o "$out"
          read -r user sys wall rss <"$BENCH_OUT/time.txt"
          awk -v u="$user" -v s="$sys" -v rest="$user $sys $wall $rss" 'BEGIN { print u + s, rest }'
        done | sort -n | sed -n "$(((runs + 1) / 2))p" >"$BENCH_OUT/median.txt"
        read -r _ user sys wall rss <"$BENCH_OUT/median.txt"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$path" "$user" "$sys" "$wall" "$rss" \
          "$(stat -c %s "$out")" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$cpu"
        echo "engine:   crosscheck build ($path, ${flag[*]}) of the $n-article cluster: CPU ${user}s user + ${sys}s sys," \
          "wall ${wall}s, max RSS $((rss / 1024)) MiB (median of $runs)"
      done
    done
  else
    say "no /usr/bin/time: CPU time of the CLI not measured"
  fi
fi

# --- browser ----------------------------------------------------------------------------------
if is_selected browser; then
  echo
  echo "==> [browser] start-up and click latency in headless Chromium"
  # Alone, this step measures the dist/ that is there (built only if missing).
  [ -f dist/index.html ] || trunk build --release
  node bench/browser.mjs
fi

# --- report -----------------------------------------------------------------------------------
echo
echo "==> [report] docs/benchmarks.md"
node bench/report.mjs
say "done in $((SECONDS - started))s (steps: ${selected[*]})"
