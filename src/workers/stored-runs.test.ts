import { describe, expect, it } from 'vitest';
import { buildTrainedRun } from '../storage/test-fixtures';
import { createTestRunStore } from '../test-support/run-store';
import { readStoredRun, storeRunFit } from './stored-runs';

describe('stored runs in a training worker', () => {
  it('stores the fit and hands back the summary; the run reads back whole once the page saved the summary', async () => {
    const runs = createTestRunStore();
    const summary = await storeRunFit(runs.store, buildTrainedRun('r1', 100));
    await runs.commit(summary);
    expect({ summaryHasModel: 'model' in summary, whole: await readStoredRun(runs.ref('r1')) }).toEqual({ summaryHasModel: false, whole: buildTrainedRun('r1', 100) });
  });

  it('a fit that cannot be written is a StorageError naming the run and what to do', async () => {
    const run = { ...buildTrainedRun('r2', 100), label: 'k-NN' };
    const broken = { ...run, model: { ...run.model, state: { predict: () => 0 } } }; // a function cannot be stored
    await expect(storeRunFit(createTestRunStore().store, broken)).rejects.toMatchObject({
      name: 'StorageError',
      message: expect.stringMatching(/^Could not store the trained model of "k-NN" \(DataCloneError: .*\)\. Free some space \(delete notebooks or datasets you no longer need on Home\) and train it again\.$/),
    });
  });
});
