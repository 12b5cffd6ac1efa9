#!/bin/sh
# Every set-up step for a fresh clone, idempotent and quick when nothing changed:
# npm packages (including the project's own Node, see package.json "node"),
# and the Debian packages the browser tests need (scripts/debian-packages.sh) when this machine
# lacks them.
set -e
cd "$(dirname "$0")/.."
stamp=node_modules/.pacer-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "pacer: installing npm packages…"
  # `npm install`, not `npm ci`: npm 11 writes lockfiles without other platforms' optional
  # packages, which `npm ci` then refuses; install follows the lockfile and leaves it unchanged.
  npm install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
if [ -z "$PACER_SKIP_BROWSERS" ]; then
  sh scripts/debian-packages.sh || echo "pacer: browser tests will fail without these packages" >&2
fi
