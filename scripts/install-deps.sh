#!/usr/bin/env bash
# Installs what Crosscheck's build and tests need and is missing on this machine.
# Idempotent: a tool already present at the right version is left alone.
# Only package registries are used (Debian, crates.io, npm); nothing downloads a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "install-deps: $*" >&2; }

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or trunk and the test runner refuse it.
wb_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v xz >/dev/null || need_apt+=(xz-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v wasm-opt >/dev/null || ! wasm-opt --version | grep -qE 'version (1[2-9][0-9]|[2-9][0-9][0-9])'; then
  say "npm install -g binaryen (Debian's binaryen is too old for current rustc output)"
  npm install -g --no-fund --no-audit binaryen@132 >/dev/null
fi

if ! command -v trunk >/dev/null || ! trunk --version | grep -q " $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WB=$(wb_version)
if [ -z "$WB" ]; then
  cargo generate-lockfile
  WB=$(wb_version)
fi
if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q " $WB\$" \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "cargo install wasm-bindgen-cli $WB (without --locked: its lock pins a crate the registry lacks)"
  cargo install wasm-bindgen-cli --version "=$WB" --force
fi

if ! command -v geckodriver >/dev/null || ! geckodriver --version | grep -q "$GECKODRIVER_VERSION"; then
  say "cargo install geckodriver $GECKODRIVER_VERSION"
  cargo install --locked geckodriver --version "~$GECKODRIVER_VERSION" || cargo install geckodriver --version "~$GECKODRIVER_VERSION"
fi

if [ -f package.json ] && [ ! -d node_modules/playwright-core ]; then
  say "npm ci (playwright-core drives Debian's chromium; it downloads no browser)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit >/dev/null
fi
say "all tools present"
