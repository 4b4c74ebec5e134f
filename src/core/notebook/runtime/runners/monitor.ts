// The Monitor cell's runner: the batch of the Data cell above checked against a registered model version (its
// production version unless one is pinned) — schema, drift per feature, drift of the model's scores, performance when
// the batch brought labels — and the batch kept in the version's history. It publishes the version (with the
// verdict) for a Retrain cell below. A prediction log as the batch (docs/monitoring.md) is read as the service's
// answers, with any canary or shadow version compared beside the monitored one.

import { DataError } from '../../../errors';
import type { LoggedComparison } from '../../../monitor/compare-logged-versions';
import type { MonitorReport } from '../../../monitor/monitor-batch';
import type { DatasetArtifact, VersionArtifact } from '../artifacts';
import type { LoadedVersion, MonitorHistoryEntry } from '../compute-port';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

export interface MonitorOutput {
  readonly version: Omit<LoadedVersion, 'run'> & { readonly runId: string; readonly label: string; readonly family: string };
  /** The run as it was monitored (the Retrain cell's champion). */
  readonly run: LoadedVersion['run'];
  readonly batch: { readonly name: string; readonly rows: number };
  readonly report: MonitorReport;
  /** The version's monitored batches, oldest first, this one last. */
  readonly history: readonly MonitorHistoryEntry[];
  /** Epoch ms. */
  readonly measuredAt: number;
  /** A logged challenger the user promoted from this output (after its gate passed); null until then. */
  readonly promoted: { readonly version: number; readonly reason: string; readonly at: number } | null;
}

export const monitorRunner: CellRunner<'monitor', MonitorOutput> = {
  kind: 'monitor',
  inputs: ['dataset'],
  optional: [],
  publishes: 'version',
  // 2: the report reads prediction logs (its `log`) and the output keeps a logged challenger's promotion.
  outputVersion: 2,
  auto: false,
  check: (spec) => (spec.model === null ? 'Pick a registered model to monitor (register a run from a Train leaderboard or the Runs page first).' : null),
  describeInputs: (spec, inputs) => [requireInput(inputs, 'dataset').key, JSON.stringify(spec)].join('|'),
  async run(spec, inputs, context) {
    const batch = requireInput(inputs, 'dataset');
    if (spec.psiWarn >= spec.psiAlert) throw new DataError(`The warning threshold (PSI ${spec.psiWarn}) must be below the alert threshold (${spec.psiAlert}); lower the first or raise the second.`);
    context.onProgress({ message: `Reading ${spec.model}${spec.version === null ? ' (production)' : ` v${spec.version}`}` });
    const loaded = await context.compute.loadModelVersion(spec.model!, spec.version);
    context.onProgress({ message: `Checking ${batch.rowCount.toLocaleString('en')} rows against v${loaded.version}` });
    const options = { psiWarn: spec.psiWarn, psiAlert: spec.psiAlert, performanceTolerance: spec.performanceTolerance, monitored: { modelName: loaded.modelName, version: loaded.version } };
    const report = await context.compute.monitorBatch(batch.key, loaded.run.id, loaded.problem, options, context);
    const measuredAt = Date.now();
    const history = await context.compute.recordMonitorBatch(describeHistoryEntry(loaded, batch, report, measuredAt));
    const { run, ...version } = loaded;
    return { version: { ...version, runId: run.id, label: run.label, family: run.family }, run, batch: { name: batch.name, rows: batch.rowCount }, report, history, measuredAt, promoted: null };
  },
  publish: (output, _spec, _inputs, key): VersionArtifact => ({
    key, modelName: output.version.modelName, version: output.version.version, stage: output.version.stage, run: output.run,
    problem: output.version.problem, status: output.report.status, alerts: output.report.alerts,
  }),
  summarize: (output) => ({
    model: output.version.modelName, version: output.version.version, stage: output.version.stage, run: output.version.label, batch: output.batch,
    status: output.report.status, alerts: output.report.alerts, schema: output.report.drift.schemaMessages.map((m) => m.message),
    features: output.report.drift.features.map((f) => ({ column: f.column, kind: f.kind, status: f.status, psi: f.psi, jensenShannon: f.jensenShannon, pValueAdjusted: f.pValueAdjusted, ...('ks' in f ? { ks: f.ks.statistic, wasserstein: f.wasserstein } : { chiSquare: f.chiSquare.statistic }) })),
    prediction: output.report.prediction ? { psi: output.report.prediction.psi, ks: output.report.prediction.ks.statistic, status: output.report.prediction.status } : output.report.predictionNote,
    performance: output.report.performance ? { rows: output.report.performance.rows, batch: output.report.performance.batch, degraded: output.report.performance.degraded } : null,
    smallBatch: output.report.drift.smallBatch?.note ?? null,
    log: output.report.log ? summarizeLog(output.report.log) : null,
  }),
};

function describeHistoryEntry(loaded: LoadedVersion, batch: DatasetArtifact, report: MonitorReport, at: number): MonitorHistoryEntry {
  return {
    modelName: loaded.modelName, version: loaded.version, at, batch: batch.name, rows: report.log?.rows ?? batch.rowCount, status: report.status,
    psi: Object.fromEntries(report.drift.features.map((f) => [f.column, f.psi])), predictionPsi: report.prediction?.psi ?? null,
    performance: report.performance ? { ...report.performance.batch } : null,
  };
}

/** The log's part of results.json: what was monitored, what was not logged, and each comparison with its verdict. */
function summarizeLog(log: NonNullable<MonitorReport['log']>) {
  const side = (s: LoggedComparison['champion']) => ({ version: s.version, role: s.role, rows: s.rows, labelled: s.labelled, predictions: s.predictions, metric: s.metric });
  return {
    version: log.version, rows: log.rows, totalRows: log.totalRows, versions: log.versions, notLogged: log.notLogged, labelled: log.labelled,
    comparisons: log.comparisons.map((c) => ({
      champion: side(c.champion), challenger: side(c.challenger), paired: c.paired, metric: c.metric?.id ?? null,
      difference: c.difference, gate: c.gate, notes: c.notes, registered: c.registered,
    })),
  };
}
