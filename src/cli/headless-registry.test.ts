import { describe, expect, it } from 'vitest';
import type { MonitorHistoryEntry } from '../core/monitor/monitor-history';
import type { EmbeddedModel } from '../core/notebook/file';
import type { TrainedRun } from '../core/train/types';
import { createHeadlessRegistry } from './headless-registry';

const run = (id: string) => ({ id, label: `Run ${id}`, family: 'knn' }) as TrainedRun;
const batch = (version: number, at: number): MonitorHistoryEntry => ({ modelName: 'churn', version, at, batch: 'week', rows: 10, status: 'ok', psi: {}, predictionPsi: null, performance: null });

/** churn v1 archived, v2 in production (with one monitored batch); fraud v1 staging. */
const MODELS: EmbeddedModel[] = [
  { name: 'churn', versions: [{ version: 2, stage: 'production', registeredAt: 20, run: run('b'), monitorHistory: [batch(2, 5)] }, { version: 1, stage: 'archived', registeredAt: 10, run: run('a') }] },
  { name: 'fraud', versions: [{ version: 1, stage: 'staging', registeredAt: 30, run: run('f') }] },
];

describe('the headless registry', () => {
  it('finds the production version, or the one asked for; otherwise names the models and versions there are', () => {
    const registry = createHeadlessRegistry(MODELS);
    expect([registry.runs.map((r) => r.id), registry.findVersion('churn', null).runId, registry.findVersion('churn', 1).runId]).toEqual([['b', 'a', 'f'], 'b', 'a']);
    expect(() => registry.findVersion('fraud', null)).toThrow('"fraud" has no version in production (v1 staging); pin a version in the Monitor cell, or promote one and export the notebook again.');
    expect(() => registry.findVersion('churn', 3)).toThrow('"churn" has no v3; its versions: v1 archived, v2 production. Pick one of those in the Monitor cell, or leave the version empty for the one in production.');
    expect(() => registry.findVersion('chrun', null)).toThrow('No model "chrun" is registered; the notebook file carries "churn" (v1 archived, v2 production), "fraud" (v1 staging). Pick one of those in the Monitor cell.');
  });

  it('registers a run as the next version and promotes it by the registry rules, logging each change with its reason', () => {
    let now = 100;
    const registry = createHeadlessRegistry(MODELS, () => now++);
    expect(registry.register('churn', run('c'), true, 'gate passed')).toEqual({ version: 3, stage: 'production' });
    expect(registry.register('churn', run('d'), false, 'gate passed again')).toEqual({ version: 4, stage: 'none' });
    expect(() => registry.register('churn', run('d'), false, 'twice')).toThrow('The run "Run d" is already churn v4; register another run to make a new version.');
    const churn = registry.describe().models[0];
    expect([churn.production, churn.versions.map((v) => [v.version, v.stage, v.runId, v.origin])]).toEqual([3, [
      [1, 'archived', 'a', 'notebook file'], [2, 'archived', 'b', 'notebook file'], [3, 'production', 'c', 'this run'], [4, 'none', 'd', 'this run'],
    ]]);
    expect(churn.changes.map((c) => [c.id, c.at, c.action, c.version, c.reason])).toEqual([
      ['churn#1', 100, 'register', 3, 'gate passed'], ['churn#2', 101, 'set-stage', 3, 'gate passed'], ['churn#3', 102, 'register', 4, 'gate passed again'],
    ]);
    expect(registry.describe().models[1]).toMatchObject({ name: 'fraud', production: null, changes: [] });
  });

  it('keeps each version\'s monitored batches, the file\'s first, in time order', () => {
    const registry = createHeadlessRegistry(MODELS);
    expect(registry.recordBatch(batch(2, 7)).map((b) => b.at)).toEqual([5, 7]);
    expect(registry.recordBatch(batch(1, 6)).map((b) => b.at)).toEqual([6]);
    expect(registry.describeHistory()).toEqual({
      format: 'ml-studio-monitor-history', formatVersion: 1,
      versions: [{ model: 'churn', version: 1, batches: [batch(1, 6)] }, { model: 'churn', version: 2, batches: [batch(2, 5), batch(2, 7)] }],
    });
  });
});
