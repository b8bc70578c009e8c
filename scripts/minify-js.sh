#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): minifies the two scripts a page loads, the
# wasm-bindgen glue and the loader, with terser (pure JavaScript, from npm through
# package-lock.json; scripts/install-deps.sh installs it). Release builds only, so `trunk
# serve` keeps readable scripts. Without terser the scripts stay as they are (they work the
# same, only larger), with one note.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
terser="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin/terser"
if [ ! -x "$terser" ]; then
  echo "minify-js.sh: note: terser not installed (npm ci); scripts left unminified" >&2
  exit 0
fi
for js in crosscheck-widget.js crosscheck.js; do
  if [ ! -f "$staging/$js" ]; then
    echo "minify-js.sh: warning: $js is not in the build (renamed?); not minified" >&2
    continue
  fi
  # --module: ES module scope (top-level names may be mangled, imports and exports kept).
  "$terser" "$staging/$js" --module --compress --mangle --comments false -o "$staging/$js.min"
  mv "$staging/$js.min" "$staging/$js"
done
