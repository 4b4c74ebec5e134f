#!/usr/bin/env bash
# `npm test`: typecheck, tooling self-tests, the dependency audit, unit tests (Vitest) and journeys (Playwright on the built app).
# Every stage runs even when an earlier one fails; the last line is the summary `N passed, N failed[, N skipped]`
# computed from the JSON reports, and the exit status is non-zero if anything failed or no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json

echo '== check (svelte-check + tsc) =='
npm run --silent check
check_rc=$?

echo '== tooling self-tests (node --test scripts/) =='
node --test scripts/
tooling_rc=$?

echo '== dependency audit (npm audit --omit=dev: no high or critical advisory) =='
node scripts/audit-dependencies.mjs
audit_rc=$?

echo '== unit (vitest) =='
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
unit_rc=$?

e2e_args=()
if compgen -G 'e2e/*.spec.ts' > /dev/null; then
  echo '== e2e (build + playwright) =='
  node scripts/ensure-browser.mjs && npx vite build && npx playwright test
  e2e_rc=$?
  e2e_args=(--e2e test-results/e2e.json --e2e-rc "$e2e_rc")
else
  # Until the UI journeys land, an empty e2e/ is not a failure; specs that exist and fail are.
  e2e_args=(--no-e2e)
fi

echo '== summary =='
node scripts/summarize-results.mjs --gate "check=$check_rc" --gate "tooling=$tooling_rc" --gate "audit=$audit_rc" \
  --unit test-results/unit.json --unit-rc "$unit_rc" "${e2e_args[@]}"
