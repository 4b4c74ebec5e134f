import { expect, it } from 'vitest';
import { describeCounts, describeImport, nameWorkspaceFile } from './workspace-state.svelte';

const NONE = { datasets: 0, notebooks: 0, cellOutputs: 0, runs: 0, runFits: 0, models: 0, modelVersions: 0, registryLog: 0 };

it('says the non-zero counts in words, singular or plural, and "nothing" for none', () => {
  expect(describeCounts({ ...NONE, datasets: 1, cellOutputs: 3, registryLog: 1 })).toBe('1 dataset, 3 cell outputs, 1 registry change');
  expect(describeCounts(NONE)).toBe('nothing');
});

it('names the download by its UTC export date', () => {
  expect(nameWorkspaceFile(Date.UTC(2025, 2, 9, 23, 59))).toBe('ml-studio-workspace-2025-03-09.zip');
});

it('says what got new ids and which model was imported under another name', () => {
  const report = { added: { ...NONE, notebooks: 1, runs: 2 }, skipped: { ...NONE, datasets: 1 }, remapped: 3, renamedModels: [{ from: 'churn', to: 'churn imported' }] };
  expect(describeImport('w.zip', report)).toBe('Imported “w.zip”: added 1 notebook, 2 runs; already here: 1 dataset. 3 records got new ids because this browser has different ones under the same id; model “churn” was imported as “churn imported”.');
  expect(describeImport('w.zip', { ...report, remapped: 0 })).toBe('Imported “w.zip”: added 1 notebook, 2 runs; already here: 1 dataset. Model “churn” was imported as “churn imported” because this browser has another model of that name.');
  expect(describeImport('w.zip', { ...report, remapped: 0, renamedModels: [] })).toBe('Imported “w.zip”: added 1 notebook, 2 runs; already here: 1 dataset.');
});
