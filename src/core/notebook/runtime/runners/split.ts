// The Split cell's runner: train / validation / test parts and CV folds of the dataset (rows without the Problem's
// target left out), cut where the table is; a class absent from training is an error for the cell.

import { buildSplitRequest } from '../../../split/split-request';
import type { SplitResult } from '../../../split/run-split';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** The Split cell's output: parts, folds and the summary with its issues. */
export interface SplitOutput {
  readonly result: SplitResult;
}

export const splitRunner: CellRunner<'split', SplitOutput> = {
  kind: 'split',
  inputs: ['dataset', 'problem'],
  optional: ['problem'],
  publishes: 'split',
  outputVersion: 1,
  auto: false,
  check(spec, inputs) {
    try {
      buildSplitRequest(spec, inputs.problem ?? null, requireInput(inputs, 'dataset').columns);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  describeInputs(spec, inputs) {
    // finalEvaluations counts uses of the test part; it changes no row of the split.
    const request = buildSplitRequest(spec, inputs.problem ?? null, requireInput(inputs, 'dataset').columns);
    return `${requireInput(inputs, 'dataset').key}|split=${JSON.stringify(request)}`;
  },
  async run(spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const result = await context.compute.splitTable(dataset.key, buildSplitRequest(spec, inputs.problem ?? null, dataset.columns), context);
    return { result };
  },
  publish: ({ result }, spec, inputs, key) => ({
    key, train: result.train, validation: result.validation, test: result.test, folds: result.folds,
    ...(inputs.dataset ? { request: buildSplitRequest(spec, inputs.problem ?? null, inputs.dataset.columns) } : {}),
  }),
  errorOf: ({ result }) => result.summary.issues.find((issue) => issue.level === 'error')?.message ?? null,
  summarize: ({ result }) => ({
    parts: result.summary.parts.map((p) => ({ part: p.part, rows: p.size, ...(p.targetSummary ? { target: p.targetSummary } : {}), ...(p.classCounts ? { classes: p.classCounts } : {}) })),
    folds: result.folds.map((f) => f.validation.length),
    rowsWithoutTarget: result.summary.rowsWithoutTarget,
    issues: result.summary.issues.map((i) => `${i.level}: ${i.message}`),
    warnings: result.warnings,
  }),
};
