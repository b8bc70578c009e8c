# shellcheck shell=bash disable=SC2034
# Sourced (not run) by install-deps.sh, serve.sh and test.sh: the environment every one of
# them needs, in one place so the three never disagree.

# cargo-installed tools (trunk, wasm-bindgen, geckodriver) and npm's global bin (wasm-opt from
# `binaryen`) must be found even on a fresh shell whose profile never added them.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if command -v npm >/dev/null 2>&1; then
  _npm_prefix=$(npm prefix -g 2>/dev/null || true)
  if [ -n "$_npm_prefix" ] && [ -d "$_npm_prefix/bin" ]; then
    case ":$PATH:" in
      *":$_npm_prefix/bin:"*) ;;
      *) export PATH="$PATH:$_npm_prefix/bin" ;;
    esac
  fi
  unset _npm_prefix
fi

# Versions the installer pins. wasm-bindgen-cli is not here: it must equal the wasm-bindgen
# in Cargo.lock, so install-deps.sh reads it from there.
CROSSCHECK_TRUNK_VERSION=0.21.14
CROSSCHECK_GECKODRIVER_SERIES=0.37
CROSSCHECK_BINARYEN_VERSION=132

# trunk must never download a tool (wasm-bindgen, wasm-opt) from GitHub: offline mode makes a
# missing or mismatched tool a hard error instead, and skips trunk's update check.
# Offline also passes --offline to cargo, so install-deps.sh runs `cargo fetch` beforehand.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

# Playwright must never fetch a browser: the end-to-end test drives Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
