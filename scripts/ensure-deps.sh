#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or older than package-lock.json, so that
# `npm start` and `npm test` each work as the one command on a fresh clone. Says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
if [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; then
  echo "ML Studio: installing dependencies from package-lock.json (npm ci) — first run or lockfile changed…"
  npm ci --no-fund --no-audit
fi
