// The automatic mode's ensemble run headless on penguins (classification) and cars (regression) through the real
// runtime and the in-process port: 3 CV folds, a short budget with `ensemble: true` → an ensemble run that Evaluate
// scores, Predict scores, Export packages (its bundle's predict.mjs scores a row in Node), reading no test row.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { predictTable, rowsToTable } from '../core/export/predict-table';
import type { InputContract } from '../core/export/input-contract';
import { readNotebookFile as parseNotebookFile } from '../core/notebook/file';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import { NotebookRuntime } from '../core/notebook/runtime/notebook-runtime';
import type { DatasetArtifact, SplitArtifact } from '../core/notebook/runtime/artifacts';
import type { Cell, CellId, Notebook, TuneCellSpec } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import type { TuneOutput } from '../core/tune/tune-output';
import { bindData, listDataCells } from './bind-data';
import { createNodeComputePort } from './node-compute-port';
import { createHeadlessNotebook } from './read-notebook';

const TUNE = 'tune' as CellId;
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const SAMPLES = {
  penguins: { cv: { kind: 'stratified', k: 3 }, primaryMetric: 'log-loss', row: { Island: 'Biscoe', 'Beak Length (mm)': 45.1, 'Beak Depth (mm)': 14.5, 'Flipper Length (mm)': 215, 'Body Mass (g)': 5000, Sex: 'FEMALE' } },
  cars: { cv: { kind: 'kfold', k: 3 }, primaryMetric: 'rmse', row: { Cylinders: 4, Displacement: 97, Horsepower: 88, Weight_in_lbs: 2130, Acceleration: 14.5, Year: '1970-01-01', Origin: 'Japan' } },
} as const;
type Sample = keyof typeof SAMPLES;

/** The sample's example notebook with 3 folds, its primary metric set, and an automatic Tune cell with an ensemble in place of Train and below. */
function setUp(sample: Sample, spec: Partial<TuneCellSpec> = {}) {
  const file = parseNotebookFile(readFileSync(fileURLToPath(new URL(`../../examples/${sample}.notebook.json`, import.meta.url)), 'utf8'));
  const notebook = createHeadlessNotebook(file);
  const { cv, primaryMetric } = SAMPLES[sample];
  const kept = notebook.cells.filter((c) => ['data', 'problem', 'split', 'prepare'].includes(c.kind)).map((c): Cell => {
    if (c.kind === 'split') return { ...c, spec: { ...c.spec, cv: cv as never } };
    if (c.kind === 'problem') return { ...c, spec: { ...c.spec, primaryMetric } as never };
    return c;
  });
  const tune: Cell = { id: TUNE, kind: 'tune', spec: { ...CELL_KINDS.tune.createSpec(), mode: 'auto', budgetSeconds: 10, trials: 300, objective: 'cv', ensemble: true, ...spec } };
  const withTune: Notebook = { ...notebook, cells: [...kept, tune] };
  const path = fileURLToPath(new URL(`../../public/samples/${sample}.csv`, import.meta.url));
  const port = createNodeComputePort(bindData(listDataCells(file), { data: [{ name: sample, path }], notebookDir: tmpdir(), samplesDir: tmpdir() }));
  const seen: Uint32Array[] = [];
  const watch = (parts: { train: Uint32Array; validation: Uint32Array; folds: readonly { train: Uint32Array; validation: Uint32Array }[] }) => seen.push(parts.train, parts.validation, ...parts.folds.flatMap((f) => [f.train, f.validation]));
  const watched: typeof port = {
    ...port, parallelism: port.parallelism, runs: port.runs,
    trainCandidates: (job, control) => (watch(job.parts), port.trainCandidates(job, control)),
    buildEnsemble: (cellId, key, parts, request, problem, control) => (watch(parts), port.buildEnsemble(cellId, key, parts, request, problem, control)),
  };
  const runtime = new NotebookRuntime({ compute: watched });
  runtime.setNotebook(withTune);
  return { runtime, port: watched, seen, notebook: withTune };
}

async function runTune(runtime: NotebookRuntime): Promise<TuneOutput> {
  await runtime.runAll();
  const state = runtime.get(TUNE);
  if (state.status !== 'done') throw new Error(`Tune ended ${state.status}: ${state.error ?? state.waiting}`);
  return state.output as TuneOutput;
}

/** The bundle zip unpacked into a fresh folder. */
async function unpack(zip: Blob): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'ml-studio-ensemble-'));
  folders.push(folder);
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(await zip.arrayBuffer())))) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  return folder;
}

describe('the automatic mode’s ensemble, headless', () => {
  it.each(['penguins', 'cars'] as const)('%s: an ensemble run beats the best trial on CV and is evaluated, scored and exported like any run, reading no test row', async (sample) => {
    const { runtime, port, seen } = setUp(sample);
    const output = await runTune(runtime);
    const ensemble = output.ensemble!;
    expect(ensemble, output.notes.join(' ')).toBeDefined();
    const run = port.runs.get(ensemble.runId)!;
    const best = output.trials.find((t) => t.index === output.bestIndex)!;
    expect(run.model.kind).toBe('ensemble');
    expect(run.ensemble!.members.length).toBeGreaterThanOrEqual(2);
    expect(run.ensemble!.members.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(1, 12);
    expect(ensemble.bestSingle.value).toBe(best.value);
    expect(ensemble.value).toBe(run.metrics.cv!.metrics[run.primaryMetric]!.mean);
    expect(ensemble.value).toBeLessThan(best.value!);
    expect(run.note).toMatch(/out-of-fold/);
    expect((runtime.publishedBy(TUNE) as unknown as { bestRunId: string }).bestRunId).toBe(run.id);

    const { split, dataset, problem } = runtime.inputsOf(TUNE) as { split: SplitArtifact; dataset: DatasetArtifact; problem: ProblemSpec };
    const evaluated = await port.evaluateRun(dataset.key, split.validation, run.id, problem);
    expect(evaluated.predictions.rows.length).toBeGreaterThan(30);
    expect(evaluated.scores).toBeDefined();
    const scored = await port.scoreRun({ kind: 'part', datasetKey: dataset.key, rows: split.validation }, run.id);
    expect(scored.csv.size).toBeGreaterThan(0);

    const bundle = await port.exportRun(run.id, `${sample}-ensemble`);
    expect(bundle.manifest.onnx.included).toBe(true);
    const folder = await unpack(bundle.zip);
    const module = (await import(pathToFileURL(join(folder, 'predict.mjs')).href)) as typeof import('../export-runtime/predict');
    const predicted = await (await module.loadBundle(folder)).predict([SAMPLES[sample].row]);
    const contract = run.inputContract as InputContract;
    const expected = await predictTable(run, contract, rowsToTable([SAMPLES[sample].row], contract).table);
    expect(predicted.predictions).toEqual(sample === 'cars' ? [expected.prediction![0]] : expected.label);
    expect(predicted.predictions[0]).not.toBeNull();

    const test = new Set(split.test);
    expect(test.size).toBeGreaterThan(0);
    expect(seen.every((rows) => rows.every((row) => !test.has(row)))).toBe(true);
  }, 180_000);

  it('a press that trains nothing new (the trial cap reached) reuses the stored ensemble; "use best" is then picked first', async () => {
    const { runtime, notebook, port } = setUp('cars', { trials: 12, budgetSeconds: 60 });
    const first = await runTune(runtime);
    expect(first.trials.length).toBe(12);
    runtime.setNotebook({ ...notebook, cells: notebook.cells.map((c) => (c.id === TUNE ? { ...c, spec: { ...c.spec, useBest: 'train' } } as Cell : c)) });
    const second = await runTune(runtime);
    expect(second.trials.map((t) => t.runId)).toEqual(first.trials.map((t) => t.runId));
    expect(second.ensemble).toEqual(first.ensemble);
    expect(second.notes.some((n) => n.endsWith('built from these trials in an earlier press is reused.'))).toBe(true);
    expect([...port.runs.values()].filter((r) => r.ensemble).length).toBe(1);
    expect((runtime.publishedBy(TUNE) as unknown as { bestRunId: string }).bestRunId).toBe(second.finalRunId);
  }, 180_000);

  it('without the CV objective there is no ensemble, and a note says it needs CV folds', async () => {
    const { runtime } = setUp('cars', { objective: 'validation', budgetSeconds: 2, trials: 4 });
    const output = await runTune(runtime);
    expect(output.ensemble).toBeUndefined();
    expect(output.notes).toContain('The ensemble needs CV folds: it blends the trials’ out-of-fold predictions. Add folds in the Split cell and pick the CV objective to build one.');
  }, 60_000);
});
