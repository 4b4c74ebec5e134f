// The exit code of a headless run whose Monitor cell compared a logged canary or shadow with the monitored version:
// 3 when it passed its gate (named by its registered version, or by its logged name when it is none), 4 when it
// failed it, and a failed gate wins over a passed one, as with Retrain cells.

import { describe, expect, it } from 'vitest';
import { decideMonitorOutcome, type FinishedCell } from './decide-exit-code';

const monitor = (comparisons: { passed: boolean; registered: { version: number; stage: string } | null; version?: string; role?: string }[]): FinishedCell => ({
  kind: 'monitor',
  output: {
    version: { modelName: 'churn', version: 1 }, batch: { name: 'log' },
    report: {
      status: 'ok', alerts: [],
      log: { comparisons: comparisons.map((c) => ({ challenger: { version: c.version ?? 'run-2', role: c.role ?? 'canary' }, registered: c.registered, gate: { passed: c.passed, reasons: [c.passed ? 'Beats v1.' : 'Possibly chance.'] } })) },
    },
  },
});

describe('decideMonitorOutcome with a prediction log', () => {
  it('exits 3 when a logged challenger passed its gate', () => {
    expect(decideMonitorOutcome([monitor([{ passed: true, registered: { version: 2, stage: 'none' } }])])).toEqual({
      exitCode: 3, message: 'exit 3: a challenger passed its gate — churn v2 (the canary in "log") beats churn v1 (promote it after review).',
    });
    expect(decideMonitorOutcome([monitor([{ passed: true, registered: null, version: 'run-9', role: 'shadow' }])])?.message).toBe(
      'exit 3: a challenger passed its gate — "run-9" (the shadow in "log", not a registered version of churn) beats churn v1 (register it to promote it).',
    );
  });

  it('exits 4 when one failed its gate, even beside one that passed', () => {
    expect(decideMonitorOutcome([monitor([{ passed: true, registered: { version: 2, stage: 'none' } }, { passed: false, registered: { version: 3, stage: 'staging' }, version: 'churn@v3' }])])).toEqual({
      exitCode: 4, message: 'exit 4: a person should look — churn v3 (the canary in "log") failed its gate against churn v1: Possibly chance.',
    });
  });
});
