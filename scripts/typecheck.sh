#!/bin/sh
# Typecheck every area with its own globals (see tsconfig.json). Stops at the first failure.
set -e
for p in shared worker worker/page extension test test/worker scripts; do
  if [ -f "$p/tsconfig.json" ]; then
    echo "tsc -p $p"
    tsc --noEmit -p "$p"
  fi
done
