// The Predict cell's runner: the picked run (else the leaderboard's best) scores the validation or test rows of the
// Split above, or a file brought to the cell, where the table is; the input is checked against the run's contract
// and the predictions come back as a preview table and a CSV file.

import { describeContractReport } from '../../../export/check-contract';
import type { ScoredPredictions } from '../compute-port';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';
import { checkPickedRun, findPickedRun, requirePickedRun } from './pick-run';

export interface PredictOutput extends ScoredPredictions {
  readonly runId: string;
  readonly runLabel: string;
  readonly source: 'validation' | 'test' | 'file';
  /** "validation rows", "test rows" or the file's name. */
  readonly sourceName: string;
  /** The input check in sentences, most serious first. */
  readonly messages: readonly { readonly severity: 'error' | 'warning'; readonly message: string }[];
  readonly scoredAt: number;
}

export const predictRunner: CellRunner<'predict', PredictOutput> = {
  kind: 'predict',
  inputs: ['dataset', 'split', 'model'],
  optional: ['split'],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check(spec, inputs) {
    const waiting = checkPickedRun(inputs, spec.runId);
    if (waiting !== null) return waiting;
    if (spec.source === 'file') return spec.file === null ? 'Bring a file to score: CSV, TSV, JSON or Parquet with the columns the run was trained on.' : null;
    return inputs.split === undefined ? 'Add a Split cell above to score its validation or test rows, or score a file.' : null;
  },
  describeInputs(spec, inputs) {
    const runId = findPickedRun(inputs, spec.runId)?.id ?? 'none';
    const source = spec.source === 'file' ? `file=${spec.file?.datasetId ?? 'none'}` : `${spec.source}|${inputs.split?.key ?? 'no-split'}`;
    return `run=${runId}|${source}`;
  },
  async run(spec, inputs, context) {
    const run = requirePickedRun(inputs, spec.runId);
    const sourceName = spec.source === 'file' ? (spec.file?.name ?? 'file') : `${spec.source} rows`;
    context.onProgress({ message: `Predicting the ${sourceName} with ${run.label}` });
    const scored = await context.compute.scoreRun(describeSource(spec, inputs), run.id, context);
    return { ...scored, runId: run.id, runLabel: run.label, source: spec.source, sourceName, messages: describeContractReport(scored.report), scoredAt: Date.now() };
  },
  summarize: (output) => ({
    run: output.runLabel,
    source: output.sourceName,
    rows: output.rowCount,
    predictions: output.summary,
    inputCheck: output.messages.map((m) => `${m.severity}: ${m.message}`),
  }),
};

function describeSource(spec: Parameters<typeof predictRunner.run>[0], inputs: Parameters<typeof predictRunner.run>[1]) {
  if (spec.source === 'file') {
    if (!spec.file) throw new Error('Bring a file to score first.');
    return { kind: 'file' as const, datasetId: spec.file.datasetId };
  }
  const split = requireInput(inputs, 'split');
  return { kind: 'part' as const, datasetKey: requireInput(inputs, 'dataset').key, rows: spec.source === 'test' ? split.test : split.validation };
}
