// Reads the Vitest and Playwright JSON reports and prints the ONE line CI reads: `N passed, N failed[, N skipped]`.
// A stage that failed without a test to show for it (load error, crash, missing report, failed typecheck)
// counts as one failure, so the line never says "0 failed" for a red run. Exit 1 on any failure or zero tests.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Counts of one stage; `failed` includes stage-level failures. */
export function emptyTally() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Tallies a Vitest `--reporter=json` report; a file that failed to load counts as one failure. */
export function tallyVitest(report) {
  const tally = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) tally.failed += 1;
  }
  return tally;
}

/** Tallies a Playwright json-reporter report; flaky tests passed on retry, global errors count as failures. */
export function tallyPlaywright(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
    skipped: stats.skipped ?? 0,
  };
}

/** Adds one failure when a stage exited non-zero but its report shows none (the exit code is the truth). */
export function applyExitCode(tally, exitCode) {
  return exitCode !== 0 && tally.failed === 0 ? { ...tally, failed: tally.failed + 1 } : tally;
}

/** Sums tallies. */
export function sumTallies(tallies) {
  return tallies.reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed,
    skipped: a.skipped + t.skipped }), emptyTally());
}

/** The summary line; `, N skipped` only when something was skipped. */
export function formatSummary(tally) {
  const line = `${tally.passed} passed, ${tally.failed} failed`;
  return tally.skipped > 0 ? `${line}, ${tally.skipped} skipped` : line;
}

/** A per-stage line worded unlike the summary, so a grep for `N passed, N failed` finds only the total. */
export function describeTally(tally) {
  return `passed ${tally.passed}, failed ${tally.failed}, skipped ${tally.skipped}`;
}

/** True when the run is green: nothing failed and at least one test passed. */
export function isGreen(tally) {
  return tally.failed === 0 && tally.passed > 0;
}

function readReport(path, tallyReport, label) {
  if (!existsSync(path)) {
    console.log(`${label}: no report at ${path} — counted as 1 failure`);
    return { ...emptyTally(), failed: 1 };
  }
  try {
    return tallyReport(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    console.log(`${label}: unreadable report ${path} (${err.message}) — counted as 1 failure`);
    return { ...emptyTally(), failed: 1 };
  }
}

/** CLI: [--gate NAME=RC]... --unit FILE --unit-rc RC [--e2e FILE --e2e-rc RC | --no-e2e] */
function main(argv) {
  const { values } = parseArgs({ args: argv, options: {
    gate: { type: 'string', multiple: true, default: [] },
    unit: { type: 'string', default: 'test-results/unit.json' }, 'unit-rc': { type: 'string', default: '0' },
    e2e: { type: 'string', default: 'test-results/e2e.json' }, 'e2e-rc': { type: 'string', default: '0' },
    'no-e2e': { type: 'boolean', default: false },
  } });
  const stages = [];
  for (const [name, rc] of values.gate.map((g) => g.split('='))) {
    const ok = Number(rc) === 0;
    console.log(`${name}: ${ok ? 'passed' : 'FAILED — counted as 1 failure'}`);
    stages.push(ok ? emptyTally() : { ...emptyTally(), failed: 1 });
  }
  const unit = applyExitCode(readReport(values.unit, tallyVitest, 'unit'), Number(values['unit-rc']));
  console.log(`unit: ${describeTally(unit)}`);
  stages.push(unit);
  if (values['no-e2e']) {
    console.log('e2e: no *.spec.ts in e2e/ — 0 e2e tests');
  } else {
    const e2e = applyExitCode(readReport(values.e2e, tallyPlaywright, 'e2e'), Number(values['e2e-rc']));
    console.log(`e2e: ${describeTally(e2e)}`);
    stages.push(e2e);
  }
  const total = sumTallies(stages);
  console.log(formatSummary(total));
  return isGreen(total) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
