// Tests for the CI summary line (run with `node --test scripts/`; part of `npm test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyExitCode, formatSummary, isGreen, sumTallies, tallyPlaywright, tallyVitest,
} from './summarize-results.mjs';

test('tallyVitest counts tests and a file that failed to load as one failure', () => {
  const report = {
    numPassedTests: 5, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1,
    testResults: [
      { status: 'passed', assertionResults: [{ status: 'passed' }] },
      { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] },
      { status: 'failed', assertionResults: [] },
    ],
  };
  assert.deepEqual(tallyVitest(report), { passed: 5, failed: 2, skipped: 3 });
});

test('tallyPlaywright counts flaky as passed and global errors as failed', () => {
  const report = { stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 0 }, errors: [{ message: 'webServer' }] };
  assert.deepEqual(tallyPlaywright(report), { passed: 4, failed: 2, skipped: 0 });
});

test('applyExitCode adds a failure only when the report shows none', () => {
  assert.deepEqual(applyExitCode({ passed: 2, failed: 0, skipped: 0 }, 1), { passed: 2, failed: 1, skipped: 0 });
  assert.deepEqual(applyExitCode({ passed: 2, failed: 3, skipped: 0 }, 1), { passed: 2, failed: 3, skipped: 0 });
  assert.deepEqual(applyExitCode({ passed: 2, failed: 0, skipped: 0 }, 0), { passed: 2, failed: 0, skipped: 0 });
});

test('formatSummary mentions skipped only when there are some', () => {
  const total = sumTallies([{ passed: 10, failed: 0, skipped: 0 }, { passed: 1, failed: 1, skipped: 2 }]);
  assert.deepEqual(total, { passed: 11, failed: 1, skipped: 2 });
  assert.equal(formatSummary(total), '11 passed, 1 failed, 2 skipped');
  assert.equal(formatSummary({ passed: 4, failed: 0, skipped: 0 }), '4 passed, 0 failed');
});

test('isGreen needs no failures and at least one passed test', () => {
  assert.deepEqual(
    [{ passed: 3, failed: 0, skipped: 0 }, { passed: 3, failed: 1, skipped: 0 }, { passed: 0, failed: 0, skipped: 4 }]
      .map(isGreen),
    [true, false, false],
  );
});
