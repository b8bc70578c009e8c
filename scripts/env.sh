# shellcheck shell=bash disable=SC2034
# Sourced (not run) by install-deps.sh, serve.sh, test.sh and bench.sh: the environment every
# one of them needs, in one place so they never disagree.

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

# /dev/null must be the null device. On some machines (CI's among them) it has been a regular
# file, which every `>/dev/null` writes into and every reader of it reads back: cargo probes a
# target by running `rustc -` with stdin from /dev/null, so it compiled rustc's own earlier
# messages and failed ("unknown start of token" in `<anon>`). Put the device back when we may
# (root, as on CI); the new node is made aside and renamed over, so no writer recreates the
# file in between.
if [ -e /dev/null ] && [ ! -c /dev/null ]; then
  if mknod -m 666 "/dev/.crosscheck-null.$$" c 1 3 2>/dev/null &&
    mv -f "/dev/.crosscheck-null.$$" /dev/null 2>/dev/null; then
    echo "env.sh: /dev/null was a regular file; restored it as the null device" >&2
  else
    rm -f "/dev/.crosscheck-null.$$" 2>/dev/null || true
    echo "env.sh: WARNING: /dev/null is not a device and could not be restored; cargo may fail to probe targets" >&2
  fi
fi
