// Tests for the bench results file and summary table (bench/lib/results.mjs, summary.mjs, ratios.mjs); run with
// `node --test scripts/` (part of `npm test`). No timings are asserted: only merging, choosing and formatting.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { judgeRatio, makeRatio } from '../bench/lib/ratios.mjs';
import { mergeSuiteEntry, nameResultsFile, readLatestEntries, recordSuiteEntry } from '../bench/lib/results.mjs';
import { formatSummary, ISSUE_TARGETS, replaceSummary, updateSummary } from '../bench/lib/summary.mjs';
import { splitTrees } from '../bench/trees/forest-threads.mjs';

const machine = { cpus: 2, cpuModel: 'AMD EPYC', memoryGiB: 24, node: 'v20.20.2', chromium: null };
const entry = (ranAt, result, ratios = []) => ({ ranAt, finishedAt: ranAt, loadBefore: [1.5, 1, 1], loadAfter: [2.25, 1, 1], machine, result, ratios });

test('judgeRatio reads ≤ and ≥ bounds and gives null for a missing ratio or a stated target', () => {
  assert.equal(judgeRatio(0.9, '≤ 1'), true);
  assert.equal(judgeRatio(1.2, '<= 1'), false);
  assert.equal(judgeRatio(1.6, '≥ 1.5 papaparse'), true);
  assert.equal(judgeRatio(null, '≤ 1'), null);
  assert.equal(judgeRatio(2, 'stated'), null);
  assert.equal(makeRatio({ what: 'w', ours: 'a', reference: 'b', ratio: NaN, target: '≤ 1' }).met, null);
});

test('mergeSuiteEntry replaces the same suite and keeps the others, without changing its input', () => {
  const day = mergeSuiteEntry(null, '2026-12-07', 'knn', entry('2026-12-07T10:00:00Z', { n: 1 }));
  const next = mergeSuiteEntry(mergeSuiteEntry(day, '2026-12-07', 'trees', entry('2026-12-07T11:00:00Z', {})), '2026-12-07', 'knn', entry('2026-12-07T12:00:00Z', { n: 2 }));
  assert.deepEqual(Object.keys(next.suites).sort(), ['knn', 'trees']);
  assert.equal(next.suites.knn.result.n, 2);
  assert.equal(day.suites.knn.result.n, 1);
});

test('recordSuiteEntry merges into the UTC day file; readLatestEntries takes each suite from its newest file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  assert.equal(nameResultsFile(new Date('2026-12-07T23:59:00Z')), '2026-12-07.json');
  recordSuiteEntry('knn', entry('2026-12-06T10:00:00Z', { n: 1 }), { dir, now: new Date('2026-12-06T10:00:00Z') });
  recordSuiteEntry('trees', entry('2026-12-06T11:00:00Z', { n: 1 }), { dir, now: new Date('2026-12-06T11:00:00Z') });
  recordSuiteEntry('knn', entry('2026-12-07T09:00:00Z', { n: 2 }), { dir, now: new Date('2026-12-07T09:00:00Z') });
  recordSuiteEntry('knn', entry('2026-12-07T10:00:00Z', { n: 3 }), { dir, now: new Date('2026-12-07T10:00:00Z') });
  const latest = readLatestEntries(dir);
  assert.deepEqual({ knn: [latest.knn.result.n, latest.knn.file], trees: [latest.trees.result.n, latest.trees.file] },
    { knn: [3, '2026-12-07.json'], trees: [1, '2026-12-06.json'] });
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, '2026-12-07.json'), 'utf8')).suites), ['knn']);
});

test('formatSummary: a row per ratio, "not measured" for targets without a result, the machine and load per suite', () => {
  const ratio = makeRatio({ what: 'kNN predict | time', ours: '1.00 s', reference: '2.00 s', ratio: 0.5, target: '≤ 2' });
  const text = formatSummary({ knn: { ...entry('2026-12-07T10:00:00Z', {}), file: '2026-12-07.json' } }, { knn: [ratio] });
  assert.match(text, /\| knn \| kNN predict \\\| time \| 1\.00 s \| 2\.00 s \| 0\.50 \| ≤ 2 \| yes \|/);
  assert.match(text, /\| knn \| 2026-12-07 10:00 \| 1\.5 → 2\.3 \| 2 × AMD EPYC, 24 GiB, Node v20\.20\.2 \| 2026-12-07\.json \|/);
  const notMeasured = text.split('\n').filter((line) => line.includes('not measured'));
  assert.equal(notMeasured.length, ISSUE_TARGETS.filter((t) => t.suite !== 'knn').length);
});

test('replaceSummary rewrites only between the markers and names them when they are missing', () => {
  const readme = 'top\n<!-- summary:start -->\nold\n<!-- summary:end -->\nrest\n';
  assert.equal(replaceSummary(readme, 'new'), 'top\n<!-- summary:start -->\nnew\n<!-- summary:end -->\nrest\n');
  assert.throws(() => replaceSummary('no markers', 'x'), /summary:start/);
});

test('updateSummary uses the stored ratios of a suite without a ratios export', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-summary-'));
  const readmePath = join(dir, 'README.md');
  writeFileSync(readmePath, '# b\n<!-- summary:start -->\n<!-- summary:end -->\n');
  recordSuiteEntry('made-up', entry('2026-12-07T10:00:00Z', {}, [makeRatio({ what: 'stored row', ours: 'x', reference: 'y', ratio: 3, target: '≤ 1' })]), { dir, now: new Date('2026-12-07T10:00:00Z') });
  await updateSummary({ resultsDir: dir, readmePath });
  assert.match(readFileSync(readmePath, 'utf8'), /\| made-up \| stored row \| x \| y \| 3\.00 \| ≤ 1 \| \*\*no\*\* \|/);
});

test('splitTrees gives consecutive ranges that differ by at most one tree', () => {
  assert.deepEqual(splitTrees(100, 3), [{ start: 0, end: 34 }, { start: 34, end: 67 }, { start: 67, end: 100 }]);
  assert.deepEqual(splitTrees(2, 4), [{ start: 0, end: 1 }, { start: 1, end: 2 }]);
});
