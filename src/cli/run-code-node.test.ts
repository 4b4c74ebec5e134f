import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNotebookFile } from '../core/notebook/file';
import type { CellId } from '../core/notebook/types';
import { bindData, listDataCells } from './bind-data';
import { createHeadlessNotebook } from './read-notebook';
import { runNotebookHeadless } from './run-notebook';
import { numericColumn, categoricalColumn, tableOf } from '../test-support/table-builders';
import { createNodeComputePort } from './node-compute-port';
import { runCodeInThread } from './run-code-node';

const input = { name: 'toy', table: tableOf(numericColumn('x', [1, 2, 3, 4]), categoricalColumn('g', ['a', 'b', 'a', 'b'])) };
const run = (source: string, timeLimitMs = 10_000) => runCodeInThread({ source, input, timeLimitMs }, () => {});

describe('runCodeInThread (a worker thread per run)', () => {
  it('returns a table typed as an import types it, with the console lines', async () => {
    const result = await run('console.log("rows", input.rowCount);\nreturn input.rows().filter((r) => r.g === "a").map((r) => ({ ...r, twice: r.x * 2 }));');
    expect(result.console).toEqual([{ level: 'log', text: 'rows 4' }]);
    expect(result.outcome.kind).toBe('table');
    if (result.outcome.kind !== 'table') return;
    expect(result.outcome.table).toEqual(tableOf(numericColumn('x', [1, 3], true), categoricalColumn('g', ['a', 'a']), numericColumn('twice', [2, 6], true)));
  }, 30_000);

  it('stops a loop that never ends at its time limit of 1 s', async () => {
    const started = performance.now();
    const result = await run('let n = 0;\nwhile (true) { n++; }', 1000);
    expect(result.outcome).toEqual({ kind: 'error', error: { reason: 'time-limit', message: expect.stringMatching(/^Stopped by the time limit: the code ran longer than 1 s\./), line: null } });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('refuses fetch, process and eval with the reason, at the line that asked', async () => {
    const outcomes = await Promise.all(['const a = 1;\nawait fetch("https://example.com/");', 'return process.env;', 'return eval("1 + 1");', 'return new (Object.getPrototypeOf(async () => {}).constructor)("return 1")();'].map((source) => run(source)));
    expect(outcomes.map((result) => result.outcome)).toEqual([
      { kind: 'error', error: { reason: 'runtime', message: 'fetch is not available in a Code cell: the notebook runs offline and your data never leaves the tab.', line: 2 } },
      { kind: 'error', error: { reason: 'runtime', message: 'process is not available in a Code cell: the notebook runs offline and your data never leaves the tab.', line: 1 } },
      { kind: 'error', error: { reason: 'runtime', message: 'eval is not available in a Code cell: write the code in the cell itself.', line: 1 } },
      { kind: 'error', error: { reason: 'runtime', message: 'new Function is not available in a Code cell: write the code in the cell itself.', line: 1 } },
    ]);
  }, 30_000);

  it('names the line of a syntax error and of a runtime error; a value and a plot come back as such', async () => {
    const [syntax, runtime, value, plot] = await Promise.all([run('const a = 1;\nconst b = a +;\n'), run('\n\nreturn input.column("nope");'), run('return { mean: 2.5 };'), run('return { plot: { data: [{ type: "bar", x: input.column("g"), y: input.column("x") }] } };')]);
    expect([syntax.outcome, runtime.outcome, value.outcome, plot.outcome]).toEqual([
      { kind: 'error', error: { reason: 'syntax', message: "SyntaxError: Unexpected token ';'", line: 2 } },
      { kind: 'error', error: { reason: 'runtime', message: 'There is no column "nope" in the input; its columns are "x", "g".', line: 3 } },
      { kind: 'value', json: '{\n  "mean": 2.5\n}', truncated: false },
      { kind: 'plot', figure: { data: [{ type: 'bar', x: ['a', 'b', 'a', 'b'], y: [1, 2, 3, 4] }], layout: {} } },
    ]);
  }, 30_000);

  it('the Node port stores a returned table under a key the cells below read it by', async () => {
    const port = createNodeComputePort(new Map());
    const result = await port.runCode!({ cellId: 'c' as CellId, source: 'return { columns: { y: [1, 2] } };', input: null, outputName: 'Code output', timeLimitMs: 10_000 }, () => {});
    expect(result.kind).toBe('table');
    if (result.kind !== 'table') return;
    expect([result.dataset.name, result.dataset.rowCount, result.dataset.columns, result.dataset.key.startsWith('code-output|sha256-')]).toEqual(['Code output', 2, [{ name: 'y', kind: 'numeric' }], true]);
    expect(await port.describeTarget(result.dataset.key, 'y', 'regression')).not.toBe(null);
  }, 30_000);
});

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));

describe('ml-studio run with a Code cell', () => {
  it('Data → Code (a filtered table) → Problem → Split → Train: the cells below read and train on the code\'s table', async () => {
    const file = readNotebookFile(readFileSync(EXAMPLE, 'utf8'));
    const notebook = createHeadlessNotebook(file);
    const source = 'const rows = input.rows();\nconsole.log(rows.length, "rows in");\nreturn rows.filter((row) => row.Island !== "Torgersen" && (row.Sex === "MALE" || row.Sex === "FEMALE"));';
    const code = { id: 'code' as CellId, kind: 'code' as const, spec: { source, timeLimitSeconds: 30 } };
    const cells = [notebook.cells[0], code, ...notebook.cells.slice(1).filter((cell) => cell.kind !== 'evaluate')].map((cell) =>
      cell.kind === 'train' ? { ...cell, spec: { ...cell.spec, candidates: [{ family: 'logistic_regression', params: {} }] } } : cell);
    const bindings = bindData(listDataCells(file), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });
    const { results, runs } = await runNotebookHeadless({ ...notebook, cells }, bindings);
    expect([results.status, results.cells.map((c) => `${c.title}: ${c.status}`)]).toEqual(['succeeded', ['Data: done', 'Code: done', 'Problem: done', 'Split: done', 'Prepare: done', 'Train: done']]);
    expect(results.cells[1].summary).toMatchObject({ result: 'table', dataset: 'penguins (Code output)', rows: 286, console: ['344 rows in'], consoleDropped: 0 });
    const [run] = [...runs.values()];
    const dataset = run.provenance?.dataset;
    expect([dataset?.name, dataset?.rowCount, (run.provenance?.split.trainRows ?? 0) + (run.provenance?.split.validationRows ?? 0) < 286]).toEqual(['penguins (Code output)', 286, true]);
    expect(dataset?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.metrics.validation['macro-f1']?.value).toBeGreaterThan(0.9);
  }, 120_000);
});
