// The Tune cell run headless on penguins through the real runtime and the in-process port: a Bayesian search on
// the CV folds, resumed from its stored trials, "use best", the automatic mode, and the rows no trial may read.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNotebookFile as parseNotebookFile } from '../core/notebook/file';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import { NotebookRuntime } from '../core/notebook/runtime/notebook-runtime';
import type { SplitArtifact } from '../core/notebook/runtime/artifacts';
import type { Cell, CellId, Notebook, TuneCellSpec } from '../core/notebook/types';
import type { TuneOutput } from '../core/tune/tune-output';
import { bindData, listDataCells } from './bind-data';
import { createNodeComputePort } from './node-compute-port';
import { createHeadlessNotebook } from './read-notebook';

const PENGUINS = fileURLToPath(new URL('../../public/samples/penguins.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/penguins.notebook.json', import.meta.url));
const TUNE = 'tune' as CellId;

/** Penguins with 3 stratified folds and a Tune cell (`spec` over its defaults) in place of Train and the cells below. */
function setUp(spec: Partial<TuneCellSpec>) {
  const file = parseNotebookFile(readFileSync(EXAMPLE, 'utf8'));
  const notebook = createHeadlessNotebook(file);
  const kept = notebook.cells.filter((c) => ['data', 'problem', 'split', 'prepare'].includes(c.kind))
    .map((c): Cell => (c.kind === 'split' ? { ...c, spec: { ...c.spec, cv: { kind: 'stratified', k: 3 } } } : c));
  const tune: Cell = { id: TUNE, kind: 'tune', spec: { ...CELL_KINDS.tune.createSpec(), ...spec } };
  const withTune: Notebook = { ...notebook, cells: [...kept, tune] };
  const bindings = bindData(listDataCells(file), { data: [{ name: 'penguins', path: PENGUINS }], notebookDir: tmpdir(), samplesDir: tmpdir() });
  const port = createNodeComputePort(bindings);
  const seen: Uint32Array[] = [];
  const trainCandidates = port.trainCandidates.bind(port);
  const watched = { ...port, parallelism: port.parallelism, listCellRuns: port.listCellRuns, trainCandidates: (job: Parameters<typeof trainCandidates>[0], control?: Parameters<typeof trainCandidates>[1]) => {
    seen.push(job.parts.train, job.parts.validation, ...job.parts.folds.flatMap((f) => [f.train, f.validation]));
    return trainCandidates(job, control);
  } };
  const runtime = new NotebookRuntime({ compute: watched });
  runtime.setNotebook(withTune);
  return { runtime, notebook: withTune, seen, port };
}

async function runTune(runtime: NotebookRuntime): Promise<TuneOutput> {
  await runtime.runAll();
  const state = runtime.get(TUNE);
  if (state.status !== 'done') throw new Error(`Tune ended ${state.status}: ${state.error ?? state.waiting}`);
  return state.output as TuneOutput;
}

describe('the Tune cell, headless', () => {
  it('searches a forest with Bayesian TPE on the CV folds, never on test rows, and "use best" records the final run', async () => {
    const { runtime, notebook, seen } = setUp({ family: 'decision_tree', strategy: 'bayes', trials: 6, objective: 'cv' });
    const output = await runTune(runtime);
    expect([output.objective, output.trials.length, output.complete]).toEqual(['cv', 6, true]);
    expect(output.trials.every((t) => t.status === 'done' && t.value !== null && t.runId !== null)).toBe(true);
    const best = output.trials.find((t) => t.index === output.bestIndex)!;
    expect(best.value).toBe(Math.max(...output.trials.map((t) => t.value!)));
    const split = runtime.inputsOf(TUNE).split as SplitArtifact;
    const test = new Set(split.test);
    expect(test.size).toBeGreaterThan(0);
    expect(seen.every((rows) => rows.every((row) => !test.has(row)))).toBe(true);

    // "Use best": the same search is not trained again; one final run on the training rows joins the board, picked first.
    runtime.setNotebook({ ...notebook, cells: notebook.cells.map((c) => (c.id === TUNE ? { ...c, spec: { ...c.spec, useBest: 'train' } } as Cell : c)) });
    const before = seen.length;
    const withFinal = await runTune(runtime);
    expect(withFinal.trials.map((t) => t.runId)).toEqual(output.trials.map((t) => t.runId));
    expect(seen.length - before).toBe(3 * 2 + 2); // one fit: its training/validation rows and 3 folds
    const model = runtime.publishedBy(TUNE) as unknown as { bestRunId: string; runs: { id: string; trial?: { final?: string } }[] } | null;
    expect(withFinal.finalRunId).not.toBeNull();
    expect(model?.bestRunId).toBe(withFinal.finalRunId);
    expect(model?.runs.find((r) => r.id === withFinal.finalRunId)?.trial?.final).toBe('train');
  }, 120_000);

  it('resumes: more trials asked of the same search train only the new ones', async () => {
    const { runtime, notebook } = setUp({ family: 'knn', strategy: 'random', trials: 3, objective: 'validation' });
    const first = await runTune(runtime);
    runtime.setNotebook({ ...notebook, cells: notebook.cells.map((c) => (c.id === TUNE ? { ...c, spec: { ...c.spec, trials: 5 } } as Cell : c)) });
    const second = await runTune(runtime);
    expect(second.trials.length).toBe(5);
    expect(second.trials.slice(0, 3).map((t) => t.runId)).toEqual(first.trials.map((t) => t.runId));
    expect(second.notes.some((n) => n.startsWith('Resumed: 3 trials'))).toBe(true);
  }, 120_000);

  it('a spent time budget keeps every finished trial, says so, and a press resumes from them', async () => {
    const { runtime } = setUp({ family: 'random_forest', strategy: 'random', trials: 10_000, budgetSeconds: 3, objective: 'validation' });
    const output = await runTune(runtime);
    expect(output.complete).toBe(false);
    expect(output.trials.filter((t) => t.status === 'done').length).toBeGreaterThan(0);
    expect(output.trials.every((t) => t.status !== 'done' || t.runId !== null)).toBe(true);
    expect(output.notes.some((n) => n.startsWith('The 3 s budget ended the search early'))).toBe(true);
    const again = await runtime.run(TUNE).then(() => runtime.get(TUNE).output as TuneOutput);
    expect(again.notes.some((n) => /^Resumed: \d+ trials? of this search/.test(n))).toBe(true);
    expect(again.trials.length).toBeGreaterThan(output.trials.filter((t) => t.status === 'done').length);
  }, 120_000);

  it('every trial failing, and a budget too small for one trial, are errors that say what to do', async () => {
    // More neighbours than the 241 training rows: every kNN trial fails.
    const failing = setUp({ family: 'knn', strategy: 'random', trials: 2, objective: 'validation', space: { k: { mode: 'range', min: 600, max: 900, log: false } } });
    await failing.runtime.runAll();
    expect(failing.runtime.get(TUNE).error).toMatch(/^Every trial failed: the first with “.+”\. Fix that \(or narrow the space\) and run the search again\.$/);
    const short = setUp({ family: 'random_forest', strategy: 'random', trials: 5, objective: 'cv', budgetSeconds: 0.001, space: { nEstimators: { mode: 'fixed', value: 2000 } } });
    await short.runtime.runAll();
    expect(short.runtime.get(TUNE).error).toMatch(/^The 0\.001 s budget ended before any trial finished: raise the budget/);
  }, 120_000);

  it('a grid larger than the trial budget is refused with the numbers', async () => {
    const { runtime } = setUp({ family: 'knn', strategy: 'grid', gridSteps: 4, trials: 2, objective: 'validation' });
    await runtime.runAll();
    expect(runtime.get(TUNE).error).toMatch(/The grid has \d+ points but the search may try 2/);
  });

  it('the automatic mode tries a baseline and several families within its budget, reading no test row', async () => {
    const { runtime, seen } = setUp({ mode: 'auto', budgetSeconds: 8, objective: 'validation' });
    const output = await runTune(runtime);
    const families = new Set(output.trials.map((t) => t.family));
    expect(families.has('most_frequent')).toBe(true);
    expect(families.size).toBeGreaterThanOrEqual(3);
    const best = output.trials.find((t) => t.index === output.bestIndex)!;
    expect(best.value).toBeGreaterThan(0.9);
    const split = runtime.inputsOf(TUNE).split as SplitArtifact;
    const test = new Set(split.test);
    expect(seen.every((rows) => rows.every((row) => !test.has(row)))).toBe(true);
  }, 120_000);
});
