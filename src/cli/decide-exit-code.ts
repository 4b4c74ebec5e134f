// What a headless run of a Monitor → Retrain notebook tells its scheduler: an exit code and the line that explains
// it. 0 nothing alerted and no model changed; 3 a challenger passed its gate (a new version registered, or a canary
// or shadow in a prediction log beat the monitored version); 4 a person should look (a Monitor cell alerted and no
// challenger passed, or a gate failed). 1 and 2 are the run's own.

import type { LoggedComparison } from '../core/monitor/compare-logged-versions';
import type { MonitorOutput } from '../core/notebook/runtime/runners/monitor';
import type { RetrainOutput } from '../core/notebook/runtime/runners/retrain';
import type { CellKind } from '../core/notebook/types';

/** The exit codes of `ml-studio run`. */
export const EXIT_CODES = { done: 0, cellFailed: 1, badInvocation: 2, challengerPassed: 3, needsAttention: 4 } as const;

export interface MonitorOutcome {
  readonly exitCode: typeof EXIT_CODES.done | typeof EXIT_CODES.challengerPassed | typeof EXIT_CODES.needsAttention;
  /** One line for the log, starting with the exit code. */
  readonly message: string;
}

/** A finished cell's kind and output (null when it did not finish). */
export interface FinishedCell {
  readonly kind: CellKind;
  readonly output: unknown;
}

/**
 * The outcome of the Monitor and Retrain cells among `cells`, null when there is none. A failed gate is 4 even
 * without an alert, and wins over another cell's passed gate (someone should look at both).
 */
export function decideMonitorOutcome(cells: readonly FinishedCell[]): MonitorOutcome | null {
  const monitors = cells.filter((c) => c.kind === 'monitor' && c.output !== null).map((c) => c.output as MonitorOutput);
  const retrains = cells.filter((c) => c.kind === 'retrain' && c.output !== null).map((c) => c.output as RetrainOutput);
  if (monitors.length === 0 && retrains.length === 0) return null;
  const logged = monitors.flatMap((m) => (m.report.log?.comparisons ?? []).filter((c) => c.gate !== null).map((c) => ({ monitor: m, comparison: c })));
  const failed = retrains.filter((r) => r.gate !== null && !r.gate.passed);
  const loggedFailed = logged.filter(({ comparison }) => !comparison.gate!.passed);
  if (failed.length > 0 || loggedFailed.length > 0) {
    const reasons = [
      ...failed.map((r) => `the challenger of ${r.champion.modelName} v${r.champion.version} failed its gate: ${r.gate!.reasons.join(' ')}`),
      ...loggedFailed.map(({ monitor, comparison }) => `${describeLoggedChallenger(monitor, comparison)} failed its gate against ${monitor.version.modelName} v${monitor.version.version}: ${comparison.gate!.reasons.join(' ')}`),
    ];
    return { exitCode: EXIT_CODES.needsAttention, message: `exit 4: a person should look — ${reasons.join('; ')}` };
  }
  const passed = retrains.filter((r) => r.registered !== null);
  const loggedPassed = logged.filter(({ comparison }) => comparison.gate!.passed);
  if (passed.length > 0 || loggedPassed.length > 0) {
    const versions = [
      ...passed.map((r) => `${r.champion.modelName} v${r.registered!.version} registered${r.registered!.stage === 'production' ? ' and promoted to production' : ' (promote it after review)'}`),
      ...loggedPassed.map(({ monitor, comparison }) => `${describeLoggedChallenger(monitor, comparison)} beats ${monitor.version.modelName} v${monitor.version.version} (${comparison.registered ? 'promote it after review' : 'register it to promote it'})`),
    ];
    return { exitCode: EXIT_CODES.challengerPassed, message: `exit 3: a challenger passed its gate — ${versions.join('; ')}.` };
  }
  const alerted = monitors.filter((m) => m.report.status === 'alert');
  if (alerted.length > 0) {
    const why = retrains.length === 0 ? 'a Monitor cell alerted and no Retrain cell ran' : 'a Monitor cell alerted and no challenger passed a gate';
    const alerts = alerted.map((m) => `${m.version.modelName} v${m.version.version} on "${m.batch.name}": ${summarizeAlerts(m.report.alerts)}`);
    return { exitCode: EXIT_CODES.needsAttention, message: `exit 4: a person should look — ${why}. ${alerts.join(' ')}` };
  }
  return { exitCode: EXIT_CODES.done, message: 'exit 0: no Monitor cell alerted and no model changed.' };
}

function summarizeAlerts(alerts: readonly string[]): string {
  const shown = alerts.slice(0, 2).join(' ');
  return alerts.length > 2 ? `${shown} (${alerts.length - 2} more in results.json)` : shown;
}

/** "penguins-species v2 (the canary in "week 12")", or the logged name when it is no registered version. */
function describeLoggedChallenger(monitor: MonitorOutput, comparison: LoggedComparison): string {
  const where = `the ${comparison.challenger.role} in "${monitor.batch.name}"`;
  return comparison.registered ? `${monitor.version.modelName} v${comparison.registered.version} (${where})` : `"${comparison.challenger.version}" (${where}, not a registered version of ${monitor.version.modelName})`;
}
