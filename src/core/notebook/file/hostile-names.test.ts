// Notebook files that name things "__proto__" / "constructor" (issue #17): cell ids, column overrides, step columns,
// model names stay data and never touch Object.prototype; metric names that are not metrics are refused; and the
// regression for a 300,000-item list (RangeError spreading its problems).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellId, DatasetId, NotebookId } from '../types';
import { createNotebookFromFile } from './notebook-from-file';
import { readNotebookFile } from './read-notebook-file';

const examples = join(__dirname, '../../../../examples');
const read = (name: string) => JSON.parse(readFileSync(join(examples, name), 'utf8')) as { notebook: { cells: { id: string; kind: string; spec: Record<string, unknown> }[] }; models?: { name: string }[] };

/** Sets `key` on `target` as JSON.parse would: an own data property, "__proto__" included. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function problemsOf(text: string): readonly string[] {
  try {
    readNotebookFile(text);
  } catch (error) {
    return (error as { problems: readonly string[] }).problems;
  }
  throw new Error('accepted');
}

describe('notebook files naming things after Object.prototype members', () => {
  it('cell ids, column overrides and step columns named "__proto__" / "constructor" are read as data', () => {
    const document = read('penguins.notebook.json');
    const [data, problem, , prepare] = document.notebook.cells;
    data.id = '__proto__';
    problem.id = 'constructor';
    const overrides = {};
    define(overrides, '__proto__', 'numeric');
    define(overrides, 'constructor', 'excluded');
    data.spec.columnOverrides = overrides;
    prepare.spec.steps = [{ kind: 'drop', id: '__proto__', columns: ['__proto__', 'constructor'] }];
    const file = readNotebookFile(JSON.stringify(document));
    const cells = file.notebook.cells;
    expect(cells.map((cell) => cell.id).slice(0, 2)).toEqual(['__proto__', 'constructor']);
    const dataSpec = cells[0].spec as { columnOverrides: Record<string, unknown> };
    expect([Object.hasOwn(dataSpec.columnOverrides, '__proto__'), dataSpec.columnOverrides.constructor, Object.getPrototypeOf(dataSpec.columnOverrides)]).toEqual([true, 'excluded', Object.prototype]);
    expect((cells[3].spec as { steps: unknown[] }).steps).toEqual([{ kind: 'drop', id: '__proto__', columns: ['__proto__', 'constructor'] }]);
    const notebook = createNotebookFromFile(file, 'nb' as NotebookId, 0, new Map<CellId, DatasetId | null>([['__proto__' as CellId, null]]));
    expect(notebook.cells.map((cell) => cell.id).slice(0, 2)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a spec key "__proto__" does not become the spec\'s prototype', () => {
    const document = read('penguins.notebook.json');
    define(document.notebook.cells[2].spec, '__proto__', { polluted: 1, seed: 99 });
    const split = readNotebookFile(JSON.stringify(document)).notebook.cells[2].spec as unknown as Record<string, unknown>;
    expect([split.seed, split.polluted, ({} as Record<string, unknown>).polluted]).toEqual([42, undefined, undefined]);
  });

  it('metric names that are Object.prototype members are refused, naming the path', () => {
    const document = read('penguins.notebook.json');
    document.notebook.cells[1].spec.primaryMetric = 'constructor';
    document.notebook.cells[1].spec.secondaryMetrics = ['__proto__'];
    expect(problemsOf(JSON.stringify(document)).map((p) => p.replace(/must be one of .*\(got/, 'must be one of … (got'))).toEqual([
      'cells[1].spec.primaryMetric must be one of … (got "constructor")',
      'cells[1].spec.secondaryMetrics[0] must be one of … (got "__proto__")',
    ]);
  });

  it('a model (registry) named "__proto__" or "constructor" is read as a name', () => {
    const document = read('penguins-monitoring.notebook.json');
    const models = document.models as { name: string; versions: { monitorHistory?: { modelName: string }[] }[] }[];
    models[0].name = '__proto__';
    for (const version of models[0].versions) for (const batch of version.monitorHistory ?? []) batch.modelName = '__proto__';
    models.push({ ...structuredClone(models[0]), name: 'constructor' });
    for (const version of models[1].versions) for (const batch of version.monitorHistory ?? []) batch.modelName = 'constructor';
    expect(readNotebookFile(JSON.stringify(document)).models?.map((model) => model.name)).toEqual(['__proto__', 'constructor']);
  });

  it('a list of 300,000 bad metric names: a NotebookFormatError listing each (regression: RangeError spreading the problems)', () => {
    const document = read('penguins.notebook.json');
    document.notebook.cells[1].spec.secondaryMetrics = new Array(300_000).fill('nope');
    const problems = problemsOf(JSON.stringify(document));
    expect([problems.length, problems[299_999].startsWith('cells[1].spec.secondaryMetrics[299999] must be one of')]).toEqual([300_000, true]);
  });
});
