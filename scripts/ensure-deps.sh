#!/bin/sh
# Every set-up step for a fresh clone, idempotent and quick when nothing changed:
# npm packages (including the project's own Node, see package.json "node"),
# and Debian's Chromium for the browser tests when this machine lacks it.
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
if [ -z "$PACER_SKIP_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "pacer: installing Debian chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      echo "pacer: could not install chromium; browser tests will fail" >&2
  else
    echo "pacer: chromium is missing; run 'sudo apt-get install -y chromium' for the browser tests" >&2
  fi
fi
