// One dataset of the `automl` bench, in Node through the notebook runtime and the in-process port (what
// `ml-studio run` uses): the example notebook's Data, Problem and Split cells, then either a Train cell with
// "Try all" (every family at its defaults) or a Tune cell in the automatic mode with a time budget. The best run of
// each is scored on the locked test part (which neither read). Prints one JSON line.
// Usage: tsx compare-automl.ts <example.notebook.json | generated:<csv path>> <seconds>
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importFile } from '../../src/core/ingest/import-file';
import { readNotebookFile as parseNotebookFile } from '../../src/core/notebook/file';
import type { NotebookFile } from '../../src/core/notebook/file';
import { CELL_KINDS } from '../../src/core/notebook/cell-kinds';
import type { ModelArtifact, SplitArtifact, DatasetArtifact } from '../../src/core/notebook/runtime/artifacts';
import { NotebookRuntime } from '../../src/core/notebook/runtime/notebook-runtime';
import type { Cell, CellId, Notebook, ProblemCellSpec } from '../../src/core/notebook/types';
import { METRICS } from '../../src/core/problem/metrics';
import { bindData, listDataCells } from '../../src/cli/bind-data';
import { createNodeComputePort } from '../../src/cli/node-compute-port';
import { createHeadlessNotebook } from '../../src/cli/read-notebook';

const ROOT = resolve(import.meta.dirname, '../..');
const [source, secondsText] = process.argv.slice(2);
const seconds = Number(secondsText ?? 60);

/** The example file, or (generated:<csv>) the penguins example rebound to a generated churn table. */
async function readFile(): Promise<{ file: NotebookFile; data: { name: string; path: string }[] }> {
  if (!source.startsWith('generated:')) return { file: parseNotebookFile(readFileSync(source, 'utf8')), data: [] };
  const path = source.slice('generated:'.length);
  const template = parseNotebookFile(readFileSync(resolve(ROOT, 'examples/penguins.notebook.json'), 'utf8'));
  const imported = await importFile(new Blob([readFileSync(path)]), basename(path), CELL_KINDS.data.createSpec().options);
  const columns = imported.table.columns.map((c) => ({ name: c.name, kind: c.kind }));
  const dataset = { name: 'churn', fileName: basename(path), rowCount: imported.table.rowCount, columns };
  const cells = template.notebook.cells.map((cell) => {
    if (cell.kind === 'data') return { ...cell, dataset };
    if (cell.kind === 'problem') return { ...cell, spec: { ...cell.spec, target: 'churned', task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'log-loss'], positiveClass: 'true' } as ProblemCellSpec };
    return cell;
  });
  return { file: { ...template, notebook: { ...template.notebook, cells } } as NotebookFile, data: [{ name: 'churn', path }] };
}

async function runOne(file: NotebookFile, data: { name: string; path: string }[], last: Cell) {
  const notebook = createHeadlessNotebook(file);
  const kept = notebook.cells.filter((c) => ['data', 'problem', 'split'].includes(c.kind));
  const withLast: Notebook = { ...notebook, cells: [...kept, last] };
  const bindings = bindData(listDataCells(file), { data, notebookDir: ROOT, samplesDir: resolve(ROOT, 'public/samples') });
  const port = createNodeComputePort(bindings);
  const runtime = new NotebookRuntime({ compute: port });
  runtime.setNotebook(withLast);
  const started = performance.now();
  await runtime.runAll();
  const wallMs = performance.now() - started;
  const state = runtime.get(last.id);
  if (state.status !== 'done') {
    const failed = withLast.cells.map((c) => [c.kind, runtime.get(c.id)] as const).find(([, s]) => s.status === 'error');
    throw new Error(`${last.kind} ended ${state.status}: ${state.error ?? state.waiting}${failed ? ` (${failed[0]}: ${failed[1].error})` : ''}`);
  }
  const model = runtime.publishedBy(last.id) as ModelArtifact;
  const inputs = runtime.inputsOf(last.id);
  const split = inputs.split as SplitArtifact;
  const dataset = inputs.dataset as DatasetArtifact;
  const problem = inputs.problem!;
  const best = model.runs.find((r) => r.id === model.bestRunId)!;
  const evaluated = await port.evaluateRun(dataset.key, split.test, best.id, problem);
  const metric = problem.primaryMetric;
  return {
    wallS: Math.round(wallMs / 100) / 10, best: best.label, family: best.family, runs: model.runs.length,
    trials: (state.output as { trials?: unknown[] } | null)?.trials?.length ?? model.runs.length,
    validation: best.metrics.validation[metric]?.value ?? null, test: evaluated.scores.primary.value,
  };
}

const { file, data } = await readFile();
const problem = file.notebook.cells.find((c) => c.kind === 'problem')!.spec as ProblemCellSpec;
const tryAll: Cell = { id: 'train' as CellId, kind: 'train', spec: { ...CELL_KINDS.train.createSpec(), tryAll: true, crossValidate: false } };
const auto: Cell = { id: 'tune' as CellId, kind: 'tune', spec: { ...CELL_KINDS.tune.createSpec(), mode: 'auto', budgetSeconds: seconds, trials: 1000, ensemble: process.env.AUTOML_BENCH_ENSEMBLE === '1' } };
const tryAllResult = await runOne(file, data, tryAll);
const autoResult = await runOne(file, data, auto);
console.log(JSON.stringify({ dataset: source.startsWith('generated:') ? basename(source) : basename(source, '.notebook.json'), metric: problem.primaryMetric, direction: METRICS[problem.primaryMetric!].direction, tryAll: tryAllResult, auto: autoResult }));
