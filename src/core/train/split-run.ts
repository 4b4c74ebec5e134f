// A finished run cut in two: the summary the page shows and the fit (model + pipeline JSON + input contract) that stays in the
// training worker and in storage. A forest's fit is megabytes of numbers; cloning it to the page froze it.

import type { RunFit, RunSummary, TrainedRun } from './types';

/** `run` as its summary (everything but model, pipeline and input contract) and its fit; no field is copied. */
export function splitRun(run: TrainedRun): { summary: RunSummary; fit: RunFit } {
  const { model, pipeline, inputContract, ...summary } = run;
  return { summary, fit: { model, pipeline, ...(inputContract ? { inputContract } : {}) } };
}

/** The whole run again from its two parts. */
export function joinRun(summary: RunSummary, fit: RunFit): TrainedRun {
  return { ...summary, model: fit.model, pipeline: fit.pipeline, ...(fit.inputContract ? { inputContract: fit.inputContract } : {}) };
}
