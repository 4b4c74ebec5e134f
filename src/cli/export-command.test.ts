import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBundle, stripTrainingSample } from '../core/export/assemble-bundle';
import { trainCandidate } from '../core/train/train-candidate';
import type { TrainedRun } from '../core/train/types';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { main } from './main';

async function writeRunFile(dir: string, change: (run: TrainedRun) => object = (run) => run): Promise<{ path: string; run: TrainedRun }> {
  const table = tableOf(numericColumn('x', [1, 2, 3, 4, 5, 6]), categoricalColumn('y', ['no', 'no', 'yes', 'no', 'yes', 'yes']));
  const run = await trainCandidate(table, { train: Uint32Array.of(0, 1, 2, 3), validation: Uint32Array.of(4, 5), folds: [] }, {
    id: 'run-1', family: 'logistic_regression', params: {}, seed: 1, steps: [], crossValidate: false,
    problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
  });
  const path = join(dir, 'run-1.json');
  writeFileSync(path, JSON.stringify(change(run)));
  return { path, run };
}

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => (lines.push(String(text)), true));
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('ml-studio export', () => {
  it('writes a run as a bundle zip that reads back to the same run, or as a folder of its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-studio-export-'));
    const { path, run } = await writeRunFile(dir);
    const stderr = captureStderr();
    expect(await main(['node', 'ml-studio', 'export', path, '--out', join(dir, 'bundle.zip'), '--name', 'churn'])).toBe(0);
    const bundle = readBundle(new Uint8Array(readFileSync(join(dir, 'bundle.zip'))));
    expect({ id: bundle.run.id, name: bundle.manifest.name, model: bundle.run.model, contract: bundle.contract })
      .toEqual({ id: 'run-1', name: 'churn', model: run.model, contract: stripTrainingSample(run.inputContract!) });
    expect(stderr.join('')).toContain('ml-studio: exported "Logistic regression" (logistic_regression) as');
    expect(await main(['node', 'ml-studio', 'export', path, '--out', join(dir, 'folder')])).toBe(0);
    expect(['manifest.json', 'predict.mjs', 'serve.mjs', 'score.mjs', 'schema.json', 'Dockerfile'].filter((f) => !existsSync(join(dir, 'folder', f)))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'folder', 'manifest.json'), 'utf8')).name).toBe('Logistic regression');
  }, 60_000);

  it('refuses a run without an input contract, saying to retrain (exit 1), and a file that is not a run (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-studio-export-'));
    const { path } = await writeRunFile(dir, ({ inputContract: _contract, ...rest }) => rest);
    const stderr = captureStderr();
    expect(await main(['node', 'ml-studio', 'export', path, '--out', join(dir, 'b.zip')])).toBe(1);
    expect(stderr.join('')).toContain('has no input contract (it was trained before ML Studio recorded the columns a run reads); run the notebook again');
    writeFileSync(join(dir, 'not-a-run.json'), '{"cells": []}');
    expect(await main(['node', 'ml-studio', 'export', join(dir, 'not-a-run.json'), '--out', join(dir, 'c.zip')])).toBe(2);
    expect(stderr.join('')).toContain('not-a-run.json is not a trained run (no family, model and pipeline)');
    expect(existsSync(join(dir, 'b.zip')) || existsSync(join(dir, 'c.zip'))).toBe(false);
  });
});
