import { describe, expect, it } from 'vitest';
import { decideMonitorOutcome, type FinishedCell } from './decide-exit-code';

const monitor = (status: 'ok' | 'warn' | 'alert', alerts: string[] = []): FinishedCell => ({
  kind: 'monitor', output: { version: { modelName: 'churn', version: 2 }, batch: { name: 'week 12' }, report: { status, alerts } },
});
const retrain = (gate: { passed: boolean; reasons: string[] } | null, registered: { version: number; stage: string } | null = null): FinishedCell => ({
  kind: 'retrain', output: { champion: { modelName: 'churn', version: 2 }, gate, registered },
});
const SKIPPED = retrain(null);

describe('decideMonitorOutcome', () => {
  it('is null for a notebook without Monitor or Retrain cells (the run exits 0 as before)', () => {
    expect(decideMonitorOutcome([{ kind: 'train', output: {} }, { kind: 'monitor', output: null }])).toBeNull();
  });

  it('0: nothing alerted and nothing changed (a warning is not an alert)', () => {
    expect(decideMonitorOutcome([monitor('warn'), SKIPPED])).toEqual({ exitCode: 0, message: 'exit 0: no Monitor cell alerted and no model changed.' });
  });

  it('3: a challenger passed its gate, promoted or waiting for review', () => {
    expect(decideMonitorOutcome([monitor('alert', ['a']), retrain({ passed: true, reasons: ['ok'] }, { version: 3, stage: 'production' })]))
      .toEqual({ exitCode: 3, message: 'exit 3: a challenger passed its gate — churn v3 registered and promoted to production.' });
    expect(decideMonitorOutcome([monitor('ok'), retrain({ passed: true, reasons: ['ok'] }, { version: 3, stage: 'none' })])?.message).toBe('exit 3: a challenger passed its gate — churn v3 registered (promote it after review).');
  });

  it('4: an alert and no challenger passed, or a failed gate even without an alert', () => {
    expect(decideMonitorOutcome([monitor('alert', ['Feature "x" drifted.', 'Feature "y" drifted.', 'Feature "z" drifted.'])])).toEqual({
      exitCode: 4, message: 'exit 4: a person should look — a Monitor cell alerted and no Retrain cell ran. churn v2 on "week 12": Feature "x" drifted. Feature "y" drifted. (1 more in results.json)',
    });
    expect(decideMonitorOutcome([monitor('alert', ['Feature "x" drifted.']), SKIPPED])?.message).toBe('exit 4: a person should look — a Monitor cell alerted and no challenger passed a gate. churn v2 on "week 12": Feature "x" drifted.');
    expect(decideMonitorOutcome([monitor('ok'), retrain({ passed: false, reasons: ['Accuracy: no gain.'] })])).toEqual({
      exitCode: 4, message: 'exit 4: a person should look — the challenger of churn v2 failed its gate: Accuracy: no gain.',
    });
    // A failed gate is not hidden by another cell's passed one.
    expect(decideMonitorOutcome([retrain({ passed: true, reasons: [] }, { version: 3, stage: 'none' }), retrain({ passed: false, reasons: ['No gain.'] })])?.exitCode).toBe(4);
  });
});
