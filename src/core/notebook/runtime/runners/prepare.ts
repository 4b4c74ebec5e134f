// The Prepare cell's runner: the feature pipeline fitted on the split's training rows only (column rules never
// pick the Problem's target) with a before/after preview; no steps is the identity pipeline, and needs no fit.

import { isColumnRule } from '../../../transform/step-types';
import { createIdentityPipeline } from '../../../transform/identity-pipeline';
import type { PipelinePreview } from '../../../transform/preview-pipeline';
import type { FittedPipeline } from '../../../transform/fitted-types';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';

/** The Prepare cell's output: the fitted pipeline and, when it has steps, the preview of its fit. */
export interface PrepareOutput {
  readonly fitted: FittedPipeline;
  readonly preview: PipelinePreview | null;
}

export const prepareRunner: CellRunner<'prepare', PrepareOutput> = {
  kind: 'prepare',
  inputs: ['dataset', 'split', 'problem'],
  optional: ['problem'],
  publishes: 'pipeline',
  outputVersion: 1,
  auto: (spec) => spec.steps.length === 0,
  describeInputs(spec, inputs) {
    // Lists do not depend on the target, so only steps with a rule make it part of the key.
    const usesRule = spec.steps.some((s) => 'columns' in s && isColumnRule(s.columns));
    const target = inputs.problem?.target ?? null;
    return `${requireInput(inputs, 'split').key}|steps=${JSON.stringify(spec.steps)}${usesRule ? `|target=${JSON.stringify(target)}` : ''}`;
  },
  async run(spec, inputs, context) {
    const dataset = requireInput(inputs, 'dataset');
    const split = requireInput(inputs, 'split');
    if (spec.steps.length === 0) return { fitted: createIdentityPipeline(dataset.columns, split.train.length), preview: null };
    const preview = await context.compute.previewPipeline(dataset.key, spec.steps, { train: split.train, validation: split.validation }, inputs.problem?.target ?? null, context);
    return { fitted: preview.fitted, preview };
  },
  publish: ({ fitted }, _spec, _inputs, key) => ({ key, steps: fitted.steps.map((s) => s.spec), fitted }),
  summarize: ({ fitted, preview }) => ({
    steps: fitted.steps.map((s) => `${s.spec.kind} (${s.spec.id})`),
    columnsOut: fitted.outputColumns.length,
    trainingRows: preview ? { in: preview.training.report.rowsIn, out: preview.training.report.rowsOut } : null,
  }),
};
