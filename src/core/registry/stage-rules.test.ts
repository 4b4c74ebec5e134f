import { describe, expect, it } from 'vitest';
import type { NotebookId } from '../notebook/types';
import { assertOneProduction, checkModelName, planCardEdit, planRegistration, planRollback, planStageChange } from './stage-rules';
import { EMPTY_CARD_EDITS, type ModelVersion, type Stage } from './types';

const N1 = 'n1' as NotebookId;
const AT = { now: 5000, sequence: 4 };

function versionOf(version: number, stage: Stage): ModelVersion {
  return { id: `churn@${version}`, modelName: 'churn', version, runId: `r${version}`, notebookId: N1, registeredAt: version * 100, stage, card: EMPTY_CARD_EDITS };
}

describe('checkModelName', () => {
  it('trims and keeps letters (any script), digits, spaces, -, _ and .', () => {
    expect(['  churn model v2.1 ', 'Prix_immo-été', 'x'.repeat(64)].map(checkModelName)).toEqual(['churn model v2.1', 'Prix_immo-été', 'x'.repeat(64)]);
  });

  it('refuses empty, too long and other characters, naming the rule', () => {
    expect(() => checkModelName('   ')).toThrow('A model name is needed: write 1 to 64 letters, digits, spaces, "-", "_" or ".".');
    expect(() => checkModelName('y'.repeat(65))).toThrow(`The model name "${'y'.repeat(20)}…" has 65 characters; use at most 64.`);
    expect(() => checkModelName('churn@2')).toThrow('The model name "churn@2" contains "@"; use only letters, digits, spaces, "-", "_" and ".".');
    expect(() => checkModelName('a/b')).toThrow(expect.objectContaining({ name: 'RegistryError' }));
  });
});

describe('planRegistration', () => {
  it('numbers the new version after the highest, stage none, and logs every stage before and after', () => {
    const existing = [versionOf(1, 'archived'), versionOf(2, 'production')];
    expect(planRegistration(existing, { modelName: 'churn', runId: 'r9', notebookId: N1, reason: ' first ' }, AT)).toEqual({
      version: { id: 'churn@3', modelName: 'churn', version: 3, runId: 'r9', notebookId: N1, registeredAt: 5000, stage: 'none', card: EMPTY_CARD_EDITS },
      change: {
        id: 'churn#4', modelName: 'churn', sequence: 4, at: 5000, action: 'register', version: 3, reason: 'first',
        before: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }],
        after: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }, { version: 3, stage: 'none' }],
      },
    });
  });
});

describe('planStageChange', () => {
  it('promoting v2 while v1 is in production archives v1 in the same plan', () => {
    const plan = planStageChange([versionOf(1, 'production'), versionOf(2, 'staging')], { version: 2, stage: 'production', reason: 'better AUC' }, AT);
    expect(plan).toEqual({
      kind: 'ok',
      versions: [versionOf(2, 'production'), versionOf(1, 'archived')],
      change: {
        id: 'churn#4', modelName: 'churn', sequence: 4, at: 5000, action: 'set-stage', version: 2, reason: 'better AUC',
        before: [{ version: 1, stage: 'production' }, { version: 2, stage: 'staging' }],
        after: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }],
      },
    });
  });

  it('moves other stages without touching production; no reason needed outside production', () => {
    const plan = planStageChange([versionOf(1, 'production'), versionOf(2, 'none')], { version: 2, stage: 'staging', reason: '' }, AT);
    expect(plan.kind === 'ok' && { versions: plan.versions, after: plan.change.after }).toEqual({
      versions: [versionOf(2, 'staging')],
      after: [{ version: 1, stage: 'production' }, { version: 2, stage: 'staging' }],
    });
  });

  it('refuses an unknown version, the same stage, an unknown stage and production without a reason', () => {
    const versions = [versionOf(1, 'production'), versionOf(3, 'none')];
    expect([
      planStageChange(versions, { version: 2, stage: 'staging', reason: '' }, AT),
      planStageChange(versions, { version: 1, stage: 'production', reason: 'again' }, AT),
      planStageChange(versions, { version: 3, stage: 'live' as Stage, reason: '' }, AT),
      planStageChange(versions, { version: 3, stage: 'production', reason: '  ' }, AT),
    ]).toEqual([
      { kind: 'refused', message: 'Model "churn" has no version 2 (its versions: 1, 3); pick one of those.' },
      { kind: 'refused', message: 'churn v1 is already in production; pick another stage.' },
      { kind: 'refused', message: 'Unknown stage "live"; use none, staging, production, archived.' },
      { kind: 'refused', message: 'Promoting churn v3 to production needs a reason (what changed, who approved it); write one and try again.' },
    ]);
  });
});

describe('planRollback', () => {
  it('puts an earlier version back in production and archives the current one', () => {
    const plan = planRollback([versionOf(1, 'archived'), versionOf(2, 'archived'), versionOf(3, 'production')], { toVersion: 1, reason: 'v3 drifts' }, AT);
    expect(plan.kind === 'ok' && { versions: plan.versions, action: plan.change.action, after: plan.change.after }).toEqual({
      versions: [versionOf(1, 'production'), versionOf(3, 'archived')],
      action: 'rollback',
      after: [{ version: 1, stage: 'production' }, { version: 2, stage: 'archived' }, { version: 3, stage: 'archived' }],
    });
  });

  it('takes any version when none is in production; refuses a later or the same version and an empty reason', () => {
    expect(planRollback([versionOf(1, 'archived'), versionOf(2, 'archived')], { toVersion: 2, reason: 'restore' }, AT).kind).toBe('ok');
    const versions = [versionOf(1, 'archived'), versionOf(2, 'production'), versionOf(3, 'staging')];
    expect([
      planRollback(versions, { toVersion: 3, reason: 'x' }, AT),
      planRollback(versions, { toVersion: 2, reason: 'x' }, AT),
      planRollback(versions, { toVersion: 1, reason: '' }, AT),
    ]).toEqual([
      { kind: 'refused', message: 'Rollback goes to a version earlier than the one in production (v2); churn v3 is not earlier. To put a later version in production, promote it instead.' },
      { kind: 'refused', message: 'Rollback goes to a version earlier than the one in production (v2); churn v2 is not earlier. To put a later version in production, promote it instead.' },
      { kind: 'refused', message: 'Rolling churn back to v1 needs a reason (what went wrong with the current version); write one and try again.' },
    ]);
  });
});

describe('planCardEdit and assertOneProduction', () => {
  it('replaces the card edits, keeps stages, logs the card before and after', () => {
    const card = { intendedUse: 'Rank accounts', limitations: '', ethicalConsiderations: 'none known' };
    const plan = planCardEdit([versionOf(1, 'production')], { version: 1, card, reason: '' }, AT);
    expect(plan.kind === 'ok' && { versions: plan.versions, change: plan.change }).toEqual({
      versions: [{ ...versionOf(1, 'production'), card }],
      change: {
        id: 'churn#4', modelName: 'churn', sequence: 4, at: 5000, action: 'edit-card', version: 1, reason: '',
        before: [{ version: 1, stage: 'production' }], after: [{ version: 1, stage: 'production' }], cardBefore: EMPTY_CARD_EDITS, cardAfter: card,
      },
    });
  });

  it('promoting over a broken state (two in production) archives both others', () => {
    const plan = planStageChange([versionOf(1, 'production'), versionOf(2, 'production'), versionOf(3, 'staging')], { version: 3, stage: 'production', reason: 'repair' }, AT);
    expect(plan.kind === 'ok' && plan.change.after).toEqual([{ version: 1, stage: 'archived' }, { version: 2, stage: 'archived' }, { version: 3, stage: 'production' }]);
  });

  it('assertOneProduction names every production version when there are two', () => {
    expect(() => assertOneProduction([versionOf(1, 'production'), versionOf(2, 'none')])).not.toThrow();
    expect(() => assertOneProduction([versionOf(1, 'production'), versionOf(2, 'production')]))
      .toThrow('Model "churn" has 2 versions in production (v1, v2); only one may be. Set the others to archived.');
  });
});
