import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CellId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { EMPTY_CARD_EDITS, type ModelVersion, type Stage } from '../core/registry/types';
import { openStudioDb, type StudioDb } from './db';
import { listChanges, listModels, listVersionsOfRun, loadModelVersions, registerVersion, rollback, setStage, updateCardEdits } from './registry';
import { saveRunFit, saveRunSummary } from './runs';
import { buildTrainedRun, createTestDbName } from './test-fixtures';

const opened: StudioDb[] = [];

async function openDb(name = createTestDbName()): Promise<StudioDb> {
  const db = await openStudioDb(name);
  opened.push(db);
  return db;
}

afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function storeRuns(db: StudioDb, ...ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const { summary, fit } = splitRun(buildTrainedRun(id, 100 + i));
    await saveRunFit(db, 'n1' as NotebookId, id, fit);
    await saveRunSummary(db, 'n1' as NotebookId, 'c1' as CellId, summary);
  }
}

/** A database with model "churn" v1…vN registered from runs r1…rN. */
async function openWithVersions(count: number, name?: string): Promise<StudioDb> {
  const db = await openDb(name);
  const ids = Array.from({ length: count }, (_, i) => `r${i + 1}`);
  await storeRuns(db, ...ids);
  for (const runId of ids) await registerVersion(db, { modelName: 'churn', runId });
  return db;
}

const stagesOf = (versions: ModelVersion[]) => versions.map((v) => [v.version, v.stage]);

describe('registerVersion', () => {
  it('creates the model, numbers versions 1, 2… with stage none, takes the notebook from the run and logs each', async () => {
    const db = await openDb();
    await storeRuns(db, 'r1', 'r2');
    const first = await registerVersion(db, { modelName: '  churn ', runId: 'r1', reason: 'baseline' });
    await registerVersion(db, { modelName: 'churn', runId: 'r2' });

    expect(first).toEqual({ id: 'churn@1', modelName: 'churn', version: 1, runId: 'r1', notebookId: 'n1', registeredAt: expect.any(Number), stage: 'none', card: EMPTY_CARD_EDITS });
    const [listed] = await listModels(db);
    expect({ model: listed.model, versions: stagesOf(listed.versions) }).toEqual({ model: { name: 'churn', createdAt: first.registeredAt, description: '' }, versions: [[1, 'none'], [2, 'none']] });
    expect((await listChanges(db, 'churn')).map((c) => [c.id, c.action, c.version, c.reason, c.after.length])).toEqual([['churn#1', 'register', 1, 'baseline', 1], ['churn#2', 'register', 2, '', 2]]);
    expect((await listVersionsOfRun(db, 'r2')).map((v) => v.id)).toEqual(['churn@2']);
  });

  it('refuses a run that is not stored (no summary, or no fit) and a bad name, writing nothing', async () => {
    const db = await openDb();
    await saveRunFit(db, 'n1' as NotebookId, 'fit-only', splitRun(buildTrainedRun('fit-only', 1)).fit);
    await saveRunSummary(db, 'n1' as NotebookId, 'c1' as CellId, splitRun(buildTrainedRun('summary-only', 1)).summary);

    await expect(registerVersion(db, { modelName: 'churn', runId: 'gone' })).rejects.toMatchObject({ name: 'RegistryError', message: 'The run "gone" is not stored (deleted?); train it again in the Train cell and register the new run.' });
    await expect(registerVersion(db, { modelName: 'churn', runId: 'fit-only' })).rejects.toThrow('The run "fit-only" is not stored (deleted?)');
    await expect(registerVersion(db, { modelName: 'churn', runId: 'summary-only' })).rejects.toThrow('The run "summary-only" is not stored (deleted?)');
    await expect(registerVersion(db, { modelName: 'a<b', runId: 'fit-only' })).rejects.toThrow('The model name "a<b" contains "<"');
    expect([await db.count('models'), await db.count('modelVersions'), await db.count('registryLog')]).toEqual([0, 0, 0]);
  });

  it('refuses registering the same run twice in one model', async () => {
    const db = await openWithVersions(1);
    await expect(registerVersion(db, { modelName: 'churn', runId: 'r1' })).rejects.toThrow('The run "r1" is already churn v1; register another run to make a new version.');
    expect(await db.count('registryLog')).toBe(1);
  });
});

describe('one production version per model', () => {
  it('promoting v2 while v1 is in production archives v1', async () => {
    const db = await openWithVersions(2);
    await setStage(db, { modelName: 'churn', version: 1, stage: 'production', reason: 'first release' });
    const change = await setStage(db, { modelName: 'churn', version: 2, stage: 'production', reason: 'better recall' });

    expect(stagesOf(await loadModelVersions(db, 'churn'))).toEqual([[1, 'archived'], [2, 'production']]);
    expect({ before: change.before, after: change.after }).toEqual({
      before: [{ version: 1, stage: 'production' }, { version: 2, stage: 'none' }],
      after: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }],
    });
  });

  it('two connections promoting different versions at once end with exactly one production, both changes logged in order', async () => {
    const name = createTestDbName();
    await openWithVersions(3, name);
    const [tabA, tabB] = [await openDb(name), await openDb(name)];

    const [a, b] = await Promise.all([
      setStage(tabA, { modelName: 'churn', version: 2, stage: 'production', reason: 'tab A' }),
      setStage(tabB, { modelName: 'churn', version: 3, stage: 'production', reason: 'tab B' }),
    ]);

    const [first, second] = a.sequence < b.sequence ? [a, b] : [b, a];
    const versions = await loadModelVersions(tabA, 'churn');
    expect({
      production: versions.filter((v) => v.stage === 'production').map((v) => v.version),
      log: (await listChanges(tabB, 'churn')).slice(3).map((c) => c.reason),
      // The second change saw the first one's result: its before is the first's after.
      chained: second.before,
    }).toEqual({ production: [second.version], log: [first.reason, second.reason], chained: first.after });
    expect(versions.find((v) => v.version === first.version)?.stage).toBe('archived');
  });

  it('a refused change writes nothing: no stage moves, no log entry', async () => {
    const db = await openWithVersions(2);
    await expect(setStage(db, { modelName: 'churn', version: 2, stage: 'production', reason: '' })).rejects.toMatchObject({ name: 'RegistryError' });
    await expect(setStage(db, { modelName: 'churn', version: 7, stage: 'staging', reason: '' })).rejects.toThrow('Model "churn" has no version 7 (its versions: 1, 2); pick one of those.');
    await expect(setStage(db, { modelName: 'fraud', version: 1, stage: 'staging', reason: '' })).rejects.toThrow('No model named "fraud" is registered');
    expect({ stages: stagesOf(await loadModelVersions(db, 'churn')), log: await db.count('registryLog') }).toEqual({ stages: [[1, 'none'], [2, 'none']], log: 2 });
  });
});

describe('rollback', () => {
  it('restores the chosen earlier version to production and archives the current one', async () => {
    const db = await openWithVersions(3);
    await setStage(db, { modelName: 'churn', version: 1, stage: 'production', reason: 'r1' });
    await setStage(db, { modelName: 'churn', version: 3, stage: 'production', reason: 'r3' });
    const change = await rollback(db, { modelName: 'churn', toVersion: 1, reason: 'v3 misfires on new stores' });

    expect(stagesOf(await loadModelVersions(db, 'churn'))).toEqual([[1, 'production'], [2, 'none'], [3, 'archived']]);
    expect({ action: change.action, version: change.version, before: change.before }).toEqual({
      action: 'rollback', version: 1,
      before: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'none' }, { version: 3, stage: 'production' }],
    });
    await expect(rollback(db, { modelName: 'churn', toVersion: 3, reason: 'x' })).rejects.toThrow('Rollback goes to a version earlier than the one in production (v1)');
  });
});

describe('the change log', () => {
  it('has one entry per verb, oldest first, each before equal to the stored state before it and after to the state after', async () => {
    const db = await openDb();
    await storeRuns(db, 'r1', 'r2');
    const snapshots: [number, Stage][][] = [[]];
    const snapshot = async () => snapshots.push(stagesOf(await loadModelVersions(db, 'churn')) as [number, Stage][]);
    await registerVersion(db, { modelName: 'churn', runId: 'r1' }); await snapshot();
    await registerVersion(db, { modelName: 'churn', runId: 'r2' }); await snapshot();
    await setStage(db, { modelName: 'churn', version: 1, stage: 'staging', reason: '' }); await snapshot();
    await setStage(db, { modelName: 'churn', version: 1, stage: 'production', reason: 'ok' }); await snapshot();
    await setStage(db, { modelName: 'churn', version: 2, stage: 'production', reason: 'newer' }); await snapshot();
    await rollback(db, { modelName: 'churn', toVersion: 1, reason: 'back' }); await snapshot();
    const card = { intendedUse: 'Rank', limitations: 'EU only', ethicalConsiderations: '' };
    await updateCardEdits(db, { modelName: 'churn', version: 1, card }); await snapshot();

    const log = await listChanges(db, 'churn');
    const pairs = (stages: readonly { version: number; stage: Stage }[]) => stages.map((s) => [s.version, s.stage]);
    expect(log.map((c) => [c.sequence, c.action])).toEqual([[1, 'register'], [2, 'register'], [3, 'set-stage'], [4, 'set-stage'], [5, 'set-stage'], [6, 'rollback'], [7, 'edit-card']]);
    expect(log.map((c) => pairs(c.before))).toEqual(snapshots.slice(0, -1));
    expect(log.map((c) => pairs(c.after))).toEqual(snapshots.slice(1));
    expect({ before: log[6].cardBefore, after: log[6].cardAfter, stored: (await loadModelVersions(db, 'churn'))[0].card }).toEqual({ before: EMPTY_CARD_EDITS, after: card, stored: card });
  });

  it('keeps each model apart and lists models by name', async () => {
    const db = await openDb();
    await storeRuns(db, 'r1', 'r2');
    await registerVersion(db, { modelName: 'zeta', runId: 'r1' });
    await registerVersion(db, { modelName: 'alpha', runId: 'r1' });
    await registerVersion(db, { modelName: 'alpha', runId: 'r2' });
    expect({
      models: (await listModels(db)).map(({ model, versions }) => [model.name, versions.map((v) => v.runId)]),
      alphaLog: (await listChanges(db, 'alpha')).map((c) => c.id),
      ofRun: (await listVersionsOfRun(db, 'r1')).map((v) => v.id),
      unknown: [await loadModelVersions(db, 'nope'), await listChanges(db, 'nope')],
    }).toEqual({ models: [['alpha', ['r1', 'r2']], ['zeta', ['r1']]], alphaLog: ['alpha#1', 'alpha#2'], ofRun: ['alpha@1', 'zeta@1'], unknown: [[], []] });
  });
});
