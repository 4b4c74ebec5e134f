// The Problem cell's runner: checks the stated problem against the table (the target's classes and gaps are read
// where the table is) and hands the spec to the cells below; an error in it stops them.

import { validateProblemFacts, type ProblemIssue } from '../../../problem/validate-problem';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** The Problem cell's output: every issue of the spec on this table, errors first. */
export interface ProblemOutput {
  readonly issues: readonly ProblemIssue[];
}

export const problemRunner: CellRunner<'problem', ProblemOutput> = {
  kind: 'problem',
  inputs: ['dataset'],
  optional: [],
  publishes: 'problem',
  outputVersion: 1,
  auto: true,
  describeInputs: (spec, inputs) => `${requireInput(inputs, 'dataset').key}|${JSON.stringify(spec)}`,
  async run(spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const facts = spec.target === null || spec.task === 'clustering' ? null : await context.compute.describeTarget(dataset.key, spec.target, spec.task, context);
    return { issues: validateProblemFacts(spec, dataset.columns.map((c) => c.name), facts) };
  },
  publish: (_output, spec) => spec,
  errorOf: (output) => output.issues.find((issue) => issue.severity === 'error')?.message ?? null,
  summarize: (output, spec) => ({ target: spec.target, task: spec.task, primaryMetric: spec.primaryMetric, secondaryMetrics: spec.secondaryMetrics, issues: output.issues.map((i) => `${i.severity}: ${i.message}`) }),
};
