// Which registered version a prediction log's `modelVersion` names: the service logs "<model>@v<n>" when its bundle's
// manifest carries a registry entry, else the run id (docs/prediction-log.md). Both ports (the page's and
// `ml-studio run`'s) read their registry and mark the comparisons' challengers with what they match.

import type { Stage } from '../registry/types';
import type { MonitorReport } from './monitor-batch';

/** A registered version as these functions read it. */
export interface RegisteredVersion {
  readonly version: number;
  readonly runId: string;
  readonly stage: Stage;
}

/** The names a log may give version `version` of `modelName` trained as run `runId`. */
export function listLoggedNames(runId: string, monitored: { readonly modelName: string; readonly version: number } | undefined): string[] {
  return monitored ? [runId, `${monitored.modelName}@v${monitored.version}`, `${monitored.modelName}@${monitored.version}`] : [runId];
}

/** The version of `modelName` that `logged` names (by "<model>@v<n>", or by carrying its run id); null when none. */
export function matchLoggedVersion(logged: string, modelName: string, versions: readonly RegisteredVersion[]): RegisteredVersion | null {
  const named = /^(.*)@v?(\d+)$/.exec(logged);
  if (named && named[1] === modelName) return versions.find((v) => v.version === Number(named[2])) ?? null;
  return versions.find((v) => v.runId === logged) ?? versions.find((v) => v.runId.length >= 8 && logged.includes(v.runId)) ?? null;
}

/** `report` with each logged challenger marked with the registered version of `modelName` it names. */
export function markRegisteredChallengers(report: MonitorReport, modelName: string, versions: readonly RegisteredVersion[]): MonitorReport {
  if (!report.log || report.log.comparisons.length === 0) return report;
  const comparisons = report.log.comparisons.map((comparison) => {
    const found = matchLoggedVersion(comparison.challenger.version, modelName, versions);
    return { ...comparison, registered: found ? { version: found.version, stage: found.stage } : null };
  });
  return { ...report, log: { ...report.log, comparisons } };
}
