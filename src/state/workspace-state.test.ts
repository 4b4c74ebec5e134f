import { expect, it } from 'vitest';
import { describeCounts, nameWorkspaceFile } from './workspace-state.svelte';

const NONE = { datasets: 0, notebooks: 0, cellOutputs: 0, runs: 0, runFits: 0, models: 0, modelVersions: 0, registryLog: 0 };

it('says the non-zero counts in words, singular or plural, and "nothing" for none', () => {
  expect(describeCounts({ ...NONE, datasets: 1, cellOutputs: 3, registryLog: 1 })).toBe('1 dataset, 3 cell outputs, 1 registry change');
  expect(describeCounts(NONE)).toBe('nothing');
});

it('names the download by its UTC export date', () => {
  expect(nameWorkspaceFile(Date.UTC(2025, 2, 9, 23, 59))).toBe('ml-studio-workspace-2025-03-09.zip');
});
