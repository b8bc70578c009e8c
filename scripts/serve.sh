#!/usr/bin/env bash
# Installs what is missing (scripts/install-deps.sh), then serves the widget's demo page with
# `trunk serve`, rebuilding on every change: http://127.0.0.1:8080/ unless told otherwise.
#
#   scripts/serve.sh                          # 127.0.0.1:8080
#   scripts/serve.sh --port 9000              # any other `trunk serve` option passes through
#   scripts/serve.sh --address 0.0.0.0        # reachable from other machines
#   CROSSCHECK_CLUSTER=path/to/cluster scripts/serve.sh   # embed another cluster than seeds/
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

bash scripts/install-deps.sh

# Defaults through trunk's own variables, so `--address`/`--port` on the command line win.
export TRUNK_SERVE_ADDRESS=${TRUNK_SERVE_ADDRESS:-127.0.0.1}
export TRUNK_SERVE_PORT=${TRUNK_SERVE_PORT:-8080}
exec trunk serve "$@"
