// The Explain cell's runner: the picked run (else the best) explained on the validation rows where the table and
// the model are — permutation importance on the primary metric, SHAP, partial dependence — with the cell's options.

import { describeExplanationKey, readExplainOptions } from '../../../explain/explain-options';
import type { ExplainResult } from '../../../explain/explain-result';
import type { SupervisedTask } from '../../../problem/types';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';
import { checkPickedRun, checkSupervised, findPickedRun, requirePickedRun } from './pick-run';

/** The Explain cell's output: which run was explained and the explanation. */
export interface ExplainOutput {
  readonly runId: string;
  readonly runLabel: string;
  readonly task: SupervisedTask;
  readonly result: ExplainResult;
}

export const explainRunner: CellRunner<'explain', ExplainOutput> = {
  kind: 'explain',
  inputs: ['dataset', 'split', 'model', 'problem'],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check(spec, inputs) {
    return checkSupervised(requireInput(inputs, 'problem')) ?? checkPickedRun(inputs, spec.runId);
  },
  describeInputs(spec, inputs) {
    const run = findPickedRun(inputs, spec.runId);
    const options = readExplainOptions(spec, run?.classes);
    return `${requireInput(inputs, 'split').key}|${describeExplanationKey(run?.id ?? 'none', options)}|${JSON.stringify(requireInput(inputs, 'problem'))}`;
  },
  async run(spec, inputs, context) {
    const problem = requireInput(inputs, 'problem');
    const run = requirePickedRun(inputs, spec.runId);
    const result = await context.compute.explainRun(
      requireInput(inputs, 'dataset').key, requireInput(inputs, 'split').validation, run.id, problem, readExplainOptions(spec, run.classes),
      (progress) => context.onProgress({ message: `Explaining: ${progress.stage}`, done: progress.done, total: progress.total, detail: progress }), context,
    );
    return { runId: run.id, runLabel: run.label, task: problem.task as SupervisedTask, result };
  },
  summarize: ({ runLabel, result }) => ({
    run: runLabel,
    rows: result.rowsUsed,
    importance: [...result.importance.features].sort((a, b) => b.mean - a.mean).slice(0, 10).map((f) => ({ feature: f.feature, mean: f.mean, std: f.std })),
    shap: result.shap ? result.shap.method : result.shapSkipped,
  }),
};
