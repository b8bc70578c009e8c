#!/usr/bin/env bash
# THE test command: installs what is missing, then runs every check and every test suite.
# CI runs exactly this (through .ci/run). Fails fast, naming the failing step; always ends
# with one summary line per step and a closing verdict line.
#
#   scripts/test.sh                 # everything, in the order below
#   scripts/test.sh STEP...         # only these steps (install-deps still runs first)
#   CROSSCHECK_SKIP_DEPS=1 scripts/test.sh ...   # skip install-deps (tools known present)
#
# Steps: fmt clippy clippy-wasm native loco chromium firefox trunk-build e2e fuzz
# (`e2e` implies `trunk-build`: it tests the release build in dist/.)
# Each step's full output is also kept in target/test-logs/STEP.log.

# The whole script is one { ... } block: bash parses it completely before running it, so
# editing or merging this file while a run is under way cannot break that run.
# SC2317: shellcheck mistakes the functions inside the block for code after its exit.
# shellcheck disable=SC2317
{
set -euo pipefail
# Every step reads an empty pipe: cargo learns about a target by running `rustc -`, which
# compiles whatever it is given as stdin, and a runner's stdin may hold anything. (Cargo itself
# gives that probe /dev/null; scripts/env.sh makes sure /dev/null is the null device.)
exec < <(:)
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

WASM_TARGET=wasm32-unknown-unknown
ALL_STEPS=(fmt clippy clippy-wasm native loco chromium firefox trunk-build e2e fuzz)
LOG_DIR=target/test-logs

describe() {
  case $1 in
    deps) echo "install missing tools (scripts/install-deps.sh)" ;;
    fmt) echo "cargo fmt --all --check" ;;
    clippy) echo "cargo clippy --workspace --all-targets -- -D warnings (native)" ;;
    clippy-wasm) echo "cargo clippy -p crosscheck-widget -p crosscheck-analyse --all-targets --target $WASM_TARGET -- -D warnings" ;;
    native) echo "cargo test --workspace (engine, CLI, seed gold, widget natively), then the encoder tests" ;;
    loco) echo "leave-one-cluster-out floors on ../shared/eval, and dev clusters a and b segmented as their gold (the ignored tests of engine/tests/gold.rs and segment.rs)" ;;
    chromium) echo "widget wasm-bindgen tests in headless Chromium (chromedriver)" ;;
    firefox) echo "widget wasm-bindgen tests in headless Firefox (geckodriver)" ;;
    trunk-build) echo "trunk build --release (dist/)" ;;
    e2e) echo "end-to-end: dist/ in headless Chromium behind a strict CSP (node --test e2e/)" ;;
    fuzz) echo "bounded fuzz/property run (scripts/fuzz.sh --ci)" ;;
    *) return 1 ;;
  esac
}

# --- which steps ------------------------------------------------------------------------------
selected=()
if [ $# -eq 0 ]; then
  selected=("${ALL_STEPS[@]}")
else
  for s in "$@"; do
    case $s in
      -h | --help)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    esac
    describe "$s" >/dev/null || {
      echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2
      exit 2
    }
  done
  # Keep the canonical order whatever order they were given in.
  for s in "${ALL_STEPS[@]}"; do
    for want in "$@"; do
      if [ "$s" = "$want" ] || { [ "$s" = trunk-build ] && [ "$want" = e2e ]; }; then
        selected+=("$s")
        break
      fi
    done
  done
fi
is_selected() {
  local s
  for s in "${selected[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}

# --- bookkeeping ------------------------------------------------------------------------------
mkdir -p "$LOG_DIR"
summary=()       # one line per step, printed at the end
total_passed=0
total_failed=0
per_suite=()     # "native 57" etc. for the closing line
failed_step=""
started=$SECONDS

# "N passed, M failed, K ignored" summed over a log's cargo/wasm-bindgen-test "test result:"
# lines or node's TAP totals; empty if the log has none.
count_tests() {
  awk '
    /test result: (ok|FAILED)\./ {
      for (i = 1; i <= NF; i++) {
        if ($(i) ~ /^passed;?$/) p += $(i - 1)
        if ($(i) ~ /^failed;?$/) f += $(i - 1)
        if ($(i) ~ /^ignored;?$/) g += $(i - 1)
      }
      seen = 1
    }
    /^# pass [0-9]+$/ { p += $3; seen = 1 }
    /^# fail [0-9]+$/ { f += $3; seen = 1 }
    /^# skipped [0-9]+$/ { g += $3 }
    END { if (seen) printf "%d passed, %d failed, %d ignored\n", p, f, g }
  ' "$1"
}

print_summary() {
  local rc=$1 line s done_steps=" "
  echo
  echo "==================== scripts/test.sh summary ===================="
  for line in "${summary[@]}"; do
    echo "$line"
    done_steps+="$(awk '{print $2}' <<<"$line") "
  done
  for s in deps "${selected[@]}"; do
    [[ $done_steps == *" $s "* ]] || printf '%-5s %-12s %6s  %s\n' "-" "$s" "" "not run (an earlier step failed)"
  done
  local elapsed=$((SECONDS - started))
  local suites=" (no test suite in this run)"
  [ ${#per_suite[@]} -gt 0 ] && suites=" (${per_suite[*]})"
  if [ "$rc" -eq 0 ]; then
    echo "test.sh: PASSED: ${#summary[@]} steps in ${elapsed}s; tests: $total_passed passed, $total_failed failed$suites"
  else
    echo "test.sh: FAILED at step '${failed_step:-?}' (exit $rc) after ${elapsed}s; tests so far: $total_passed passed, $total_failed failed$suites"
    [ -n "$failed_step" ] && echo "test.sh: full output of the failing step: $LOG_DIR/$failed_step.log"
  fi
}
trap 'print_summary $?' EXIT

# The native suites, then the encoder's tests, which are ignored where the model is absent.
native_tests() {
  local enc
  enc=$(scripts/get-encoder.sh)
  CROSSCHECK_ENCODER="$enc" cargo test --workspace &&
    CROSSCHECK_ENCODER="$enc" cargo test -p crosscheck --test encoder -- --ignored
}

# run_step NAME CMD...: runs CMD, tees its output to the step log, records time and counts, and
# stops everything at the first failure.
run_step() {
  local name=$1 rc t0 dt counts
  shift
  echo
  echo "==> [$name] $(describe "$name")"
  t0=$SECONDS
  set +e
  "$@" 2>&1 | tee "$LOG_DIR/$name.log"
  rc=${PIPESTATUS[0]}
  set -e
  dt=$((SECONDS - t0))
  counts=$(count_tests "$LOG_DIR/$name.log")
  if [ -n "$counts" ]; then
    local p f
    p=$(awk '{print $1}' <<<"$counts")
    f=$(awk '{print $3}' <<<"$counts")
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    per_suite+=("$name $p")
    counts="tests: $counts"
  fi
  if [ "$rc" -ne 0 ]; then
    summary+=("$(printf '%-5s %-12s %5ss  %s' FAIL "$name" "$dt" "${counts:-$(describe "$name")}")")
    failed_step=$name
    echo "test.sh: step '$name' FAILED (exit $rc) after ${dt}s: $(describe "$name")" >&2
    exit "$rc"
  fi
  summary+=("$(printf '%-5s %-12s %5ss  %s' ok "$name" "$dt" "${counts:-$(describe "$name")}")")
}

skip_step() {
  echo
  echo "==> [$1] skipped: $2"
  summary+=("$(printf '%-5s %-12s %6s  %s' skip "$1" "" "$2")")
}

# --- the steps --------------------------------------------------------------------------------
has_wasm_tests() {
  grep -rqsE '#\[wasm_bindgen_test' src tests 2>/dev/null
}

# Runs the widget's wasm-bindgen tests in one browser. WASM_BINDGEN_USE_BROWSER sends test
# binaries that forgot `wasm_bindgen_test_configure!(run_in_browser)` to the browser too
# (instead of Node, where the DOM is missing). The runner picks GECKODRIVER before
# CHROMEDRIVER, so each run unsets the other variable.
wasm_browser_tests() {
  set -e
  local browser=$1 out=$LOG_DIR/$2.runner.log
  local envs=(WASM_BINDGEN_USE_BROWSER=1
    "WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}"
    "WASM_BINDGEN_TEST_DRIVER_TIMEOUT=${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}")
  if [ "$browser" = Chrome ]; then
    envs=(-u GECKODRIVER "CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}" "${envs[@]}")
  else
    envs=(-u CHROMEDRIVER "GECKODRIVER=${GECKODRIVER:-$(command -v geckodriver)}" "${envs[@]}")
  fi
  # --tests: unit and integration tests, not doctests (those run natively in `native`).
  env "${envs[@]}" cargo test -p crosscheck-widget --target "$WASM_TARGET" --tests 2>&1 | tee "$out"
  # Guard against a green run that tested nothing in the browser.
  if ! grep -q "Running headless tests in $browser" "$out"; then
    echo "test.sh: the widget has #[wasm_bindgen_test]s but none ran in $browser" >&2
    return 1
  fi
}

e2e_tests() {
  set -e
  local files=(e2e/*.test.mjs)
  [ -e "${files[0]}" ] || {
    echo "test.sh: no e2e/*.test.mjs found" >&2
    return 1
  }
  node --test "${files[@]}"
}

if [ "${CROSSCHECK_SKIP_DEPS:-0}" = 1 ]; then
  skip_step deps "CROSSCHECK_SKIP_DEPS=1"
else
  run_step deps bash scripts/install-deps.sh
fi

for step in "${selected[@]}"; do
  case $step in
    fmt) run_step fmt cargo fmt --all --check ;;
    clippy) run_step clippy cargo clippy --workspace --all-targets -- -D warnings ;;
    clippy-wasm)
      run_step clippy-wasm cargo clippy -p crosscheck-widget -p crosscheck-analyse --all-targets --target "$WASM_TARGET" -- -D warnings
      ;;
    native) run_step native native_tests ;;
    loco)
      # The labelled dev clusters are not in the repository: where ../shared/eval is (CI has
      # it), the LOCO floors are checked with and without the encoder, and clusters a and b's
      # segments against their gold; elsewhere this says so.
      if [ -d ../shared/eval/dev ]; then
        run_step loco env CROSSCHECK_ENCODER="$(scripts/get-encoder.sh)" \
          cargo test -p crosscheck --test gold --test segment -- --ignored
      else
        skip_step loco "../shared/eval not found: the LOCO floors and the dev clusters' segments were NOT checked"
      fi
      ;;
    chromium | firefox)
      if has_wasm_tests; then
        if [ "$step" = chromium ]; then
          run_step chromium wasm_browser_tests Chrome chromium
        else
          run_step firefox wasm_browser_tests Firefox firefox
        fi
      else
        skip_step "$step" "no #[wasm_bindgen_test] in src/ or tests/ yet"
      fi
      ;;
    trunk-build) run_step trunk-build trunk build --release ;;
    e2e) run_step e2e e2e_tests ;;
    fuzz)
      # Hook for other parts: a bounded fuzz/property run lives in scripts/fuzz.sh and must
      # finish quickly when given --ci.
      if [ -f scripts/fuzz.sh ]; then
        run_step fuzz bash scripts/fuzz.sh --ci
      else
        skip_step fuzz "no scripts/fuzz.sh"
      fi
      ;;
  esac
done

exit 0
}
