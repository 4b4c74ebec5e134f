// The Problem cell's runner: checks the stated problem against the table (the target's classes and gaps are read
// where the table is, with what the form proposes for it) and hands the spec to the cells below; an error in it
// stops them.

import type { TargetProposal } from '../../../problem/propose-target';
import { validateProblemFacts, type ProblemIssue } from '../../../problem/validate-problem';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** The Problem cell's output: every issue of the spec on this table (errors first), and what the form proposes for the target. */
export interface ProblemOutput {
  readonly issues: readonly ProblemIssue[];
  readonly proposal: TargetProposal | null;
}

export const problemRunner: CellRunner<'problem', ProblemOutput> = {
  kind: 'problem',
  inputs: ['dataset'],
  optional: [],
  publishes: 'problem',
  outputVersion: 2,
  auto: true,
  describeInputs: (spec, inputs) => `${requireInput(inputs, 'dataset').key}|${JSON.stringify(spec)}`,
  async run(spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const target = spec.target;
    const [facts, proposal] = target === null ? [null, null] : await Promise.all([
      spec.task === 'clustering' ? null : context.compute.describeTarget(dataset.key, target, spec.task, context),
      context.compute.proposeTarget(dataset.key, target, context),
    ]);
    return { issues: validateProblemFacts(spec, dataset.columns.map((c) => c.name), facts), proposal };
  },
  publish: (_output, spec) => spec,
  errorOf: (output) => output.issues.find((issue) => issue.severity === 'error')?.message ?? null,
  summarize: (output, spec) => ({ target: spec.target, task: spec.task, primaryMetric: spec.primaryMetric, secondaryMetrics: spec.secondaryMetrics, issues: output.issues.map((i) => `${i.severity}: ${i.message}`) }),
};
