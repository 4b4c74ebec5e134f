// A prediction log monitored as a batch: the rows the version answered as main are measured (inputs, the logged
// scores, feedback labels), a column the service did not log is "not logged", the canary is compared beside it, and
// a log of another schema or without the monitored version is refused naming what it holds.

import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../test-support/table-builders';
import { predictTable } from '../export/predict-table';
import { importFile } from '../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { createRandom } from '../random/prng';
import { categoricalColumn } from '../../test-support/table-builders';
import type { Table } from '../table/types';
import { trainCandidate } from '../train/train-candidate';
import type { TrainedRun } from '../train/types';
import { monitorBatch } from './monitor-batch';
import { computeLogSchemaHash } from './read-prediction-log';

const PROBLEM = { target: 'y', task: 'binary' as const, positiveClass: 'yes', primaryMetric: 'accuracy' as const, secondaryMetrics: [] };

/** n rows: x ~ U(0, 10) + shift, z a category, y = yes when x (before the shift) > 5. */
function makeRows(n: number, seed: number, shift = 0) {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = random() * 10;
    return { x: x + shift, z: i % 3 === 0 ? 'a' : 'b', y: x > 5 ? 'yes' : 'no' };
  });
}

function toTable(rows: ReturnType<typeof makeRows>): Table {
  return { rowCount: rows.length, columns: [numericColumn('x', rows.map((r) => r.x)), categoricalColumn('z', rows.map((r) => r.z)), categoricalColumn('y', rows.map((r) => r.y))] };
}

/** Log lines of `version` answering `rows` (one request per 10 rows) as the service writes them, with feedback when `labelled`. */
async function logLines(run: TrainedRun, rows: ReturnType<typeof makeRows>, version: string, role: string, options: { labelled: boolean; fields?: string[]; hash?: string }): Promise<string[]> {
  const scored = await predictTable(run, run.inputContract!, toTable(rows));
  const lines: string[] = [];
  for (let start = 0; start < rows.length; start += 10) {
    const part = rows.slice(start, start + 10);
    const requestId = `${role}-${start}`;
    const logged = part.map((r) => Object.fromEntries((options.fields ?? ['x', 'z']).map((name) => [name, r[name as 'x' | 'z']])));
    lines.push(JSON.stringify({
      type: 'prediction', time: '2026-12-07T10:00:00.000Z', requestId, modelVersion: version, role, rows: logged,
      predictions: part.map((_, i) => scored.label![start + i]), probabilities: part.map((_, i) => [scored.probabilities![(start + i) * 2], scored.probabilities![(start + i) * 2 + 1]]),
      classes: scored.classes, schemaHash: options.hash ?? computeLogSchemaHash(run.inputContract!),
    }));
    if (options.labelled) lines.push(JSON.stringify({ type: 'feedback', requestId, labels: part.map((r) => r.y) }));
  }
  return lines;
}

async function importLog(lines: string[]): Promise<Table> {
  return (await importFile(new Blob([`${lines.join('\n')}\n`]), 'predictions.jsonl', DEFAULT_IMPORT_OPTIONS)).table;
}

describe('monitorBatch on a prediction log', () => {
  it('measures the main rows of the monitored version, notes what was not logged and compares the canary', async () => {
    const training = toTable(makeRows(500, 1));
    const rows = Uint32Array.from({ length: 500 }, (_, i) => i);
    const run = await trainCandidate(training, { train: rows.slice(0, 400), validation: rows.slice(400), folds: [] }, { id: 'run-1', family: 'logistic_regression', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
    const lines = [
      ...(await logLines(run, makeRows(300, 2, 4), 'churn@v1', 'main', { labelled: true, fields: ['x'] })),
      ...(await logLines(run, makeRows(60, 3), 'run-2', 'canary', { labelled: true, fields: ['x'] })),
    ];
    const reference = { table: training, rows: rows.slice(400) };
    const report = await monitorBatch(await importLog(lines), run, PROBLEM, reference, { monitored: { modelName: 'churn', version: 1 } });
    const { log } = report;
    expect([log?.version, log?.rows, log?.totalRows, log?.versions, log?.notLogged, log?.labelled]).toEqual([
      'churn@v1', 300, 360, [{ version: 'churn@v1', role: 'main', rows: 300 }, { version: 'run-2', role: 'canary', rows: 60 }], ['z'], 300,
    ]);
    // z is not a missing column of the schema check: only x's shifted values are.
    expect([report.drift.features.map((f) => [f.column, f.status]), report.drift.unmeasured.map((u) => u.message), report.drift.schemaMessages.map((m) => m.message)]).toEqual([
      [['x', 'alert']], ['Column "z" was not logged (the service\'s --log-fields left it out), so its drift cannot be measured.'],
      ['Column "x": 118 values above the training maximum 9.98487; predictions there extrapolate beyond the training data.'],
    ]);
    expect([report.prediction?.compared, report.performance?.rows, report.scoredRows]).toEqual([{ reference: 100, batch: 300 }, 300, 300]);
    const [comparison] = log!.comparisons;
    expect([log!.comparisons.length, comparison.champion.version, comparison.challenger.version, comparison.paired, comparison.difference?.rows, comparison.registered]).toEqual([1, 'churn@v1', 'run-2', false, { champion: 300, challenger: 60 }, null]);
  });

  it('refuses a log of another schema and one where the version never answered as main, naming what the log holds', async () => {
    const training = toTable(makeRows(200, 1));
    const rows = Uint32Array.from({ length: 200 }, (_, i) => i);
    const run = await trainCandidate(training, { train: rows.slice(0, 150), validation: rows.slice(150), folds: [] }, { id: 'run-1', family: 'logistic_regression', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false });
    const missing = { missing: 'not under test' };
    const other = await importLog(await logLines(run, makeRows(20, 2), 'run-1', 'main', { labelled: false, hash: '0123456789abcdef' }));
    await expect(monitorBatch(other, run, PROBLEM, missing)).rejects.toThrow(`The log was written for another input schema: its lines carry schema hash 0123456789abcdef (from run-1 (main, 20 rows)), but run run-1 reads an input whose hash is ${computeLogSchemaHash(run.inputContract!)}.`);
    const canaryOnly = await importLog(await logLines(run, makeRows(20, 2), 'churn@v1', 'canary', { labelled: false }));
    await expect(monitorBatch(canaryOnly, run, PROBLEM, missing, { monitored: { modelName: 'churn', version: 1 } })).rejects.toThrow('The log holds no row that churn v1 (run run-1) answered as main: it holds churn@v1 (canary, 20 rows). Pick the version that served as main in the Monitor cell (the log names it "churn@v1" or by its run id)');
  });
});
