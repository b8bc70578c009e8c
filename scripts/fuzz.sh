#!/usr/bin/env bash
# Fuzzes the engine with cargo-fuzz (libFuzzer): segmentation, the whole build, the database
# readers. Exits non-zero on any crash, panic, broken invariant or hang, and prints where the
# reproducer was written. See docs/fuzzing.md.
#
#   scripts/fuzz.sh --ci                 each target 30 s (the test command runs this)
#   scripts/fuzz.sh --seconds 3600       each target an hour
#   scripts/fuzz.sh --seconds 600 build_cluster
#
# cargo-fuzz is installed from crates.io if missing. It passes nightly-only flags to rustc;
# RUSTC_BOOTSTRAP=1 lets this machine's stable toolchain accept them. Should cargo-fuzz still
# not work, the property tests run with many cases instead, and the output says so.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

ALL_TARGETS=(segment build_cluster from_bin)
seconds=300
ci=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) ci=1; seconds=30 ;;
    --seconds) shift; seconds="${1:?--seconds needs a number}" ;;
    --seconds=*) seconds="${1#--seconds=}" ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: --seconds must be a whole number" >&2; exit 2 ;; esac

say() { echo "fuzz.sh: $*" >&2; }

# The fallback when libFuzzer cannot be built here: the same properties, many more cases.
fallback() {
  say "cargo-fuzz unavailable ($1); FALLBACK: property tests with many cases instead of fuzzing"
  local cases=2000
  [ "$ci" = 1 ] || cases=$((seconds * 100))
  PROPTEST_CASES=$cases cargo test -q -p crosscheck --release --test robustness
  exit $?
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz from crates.io (once)"
  cargo install --locked cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz >/dev/null 2>&1 \
    || fallback "cargo install cargo-fuzz failed"
fi

FUZZ=engine/fuzz
LOGS="$FUZZ/target/logs"
mkdir -p "$LOGS"

# Seed corpora: real articles, so mutation starts from news prose rather than from nothing.
for t in segment build_cluster; do
  mkdir -p "$FUZZ/corpus/$t"
  for f in seeds/*.txt; do
    [ -e "$FUZZ/corpus/$t/seed-$(basename "$f")" ] || cp "$f" "$FUZZ/corpus/$t/seed-$(basename "$f")"
  done
done
mkdir -p "$FUZZ/corpus/from_bin"

# No sanitizer: the engine is safe Rust, so AddressSanitizer would only halve the exec rate.
FLAGS=(--sanitizer none --fuzz-dir "$FUZZ")
say "building the fuzz targets"
if ! cargo fuzz build "${FLAGS[@]}" >"$LOGS/build.log" 2>&1; then
  tail -20 "$LOGS/build.log" >&2
  if grep -q "error\[E" "$LOGS/build.log"; then
    say "the fuzz targets do not compile (see above)"
    exit 1
  fi
  fallback "cargo fuzz build failed, log in $LOGS/build.log"
fi

failed=0
for t in "${targets[@]}"; do
  log="$LOGS/$t.log"
  say "$t: fuzzing for $seconds s"
  # -timeout: one input running over 10 s is a hang, and is reported like a crash.
  cargo fuzz run "${FLAGS[@]}" "$t" "$FUZZ/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -ne 0 ]; then
    failed=1
    repro=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/Test unit written to //')
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | head -5 >&2
    say "$t: CRASH (exit $rc) after ${execs:-?} execs; log $log"
    if [ -n "$repro" ]; then
      say "$t: reproducer: $repro"
      say "$t: rerun it with: RUSTC_BOOTSTRAP=1 cargo fuzz run ${FLAGS[*]} $t $repro"
      say "$t: shrink it with: RUSTC_BOOTSTRAP=1 cargo fuzz tmin ${FLAGS[*]} $t $repro"
    fi
  else
    corpus=$(find "$FUZZ/corpus/$t" -type f | wc -l)
    say "$t: ok, ${execs:-?} execs in $seconds s, corpus $corpus inputs"
  fi
done

if [ $failed -ne 0 ]; then
  say "FAILED: a target crashed; see the reproducer lines above"
  exit 1
fi
say "all ${#targets[@]} targets ran without a crash"
