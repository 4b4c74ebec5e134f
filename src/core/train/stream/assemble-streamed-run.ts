// A streamed fit as a TrainedRun, stored and ranked like any other: metrics the stream cannot compute (ROC-AUC,
// F1, …) are undefined with the reason; `info` records where the rows came from ("every row, streamed").

import { undefinedMetric } from '../../evaluate/metric-value';
import { findModelFamily } from '../../models/registry';
import { listProblemMetrics } from '../score-model';
import { recordProvenance } from '../record-provenance';
import { pickPlainInfo, pickWarnings } from '../train-candidate';
import type { MetricScores, TrainedRun, TrainRequest } from '../types';
import type { StreamedRun } from './fit-streamed';

/** The run of `request` from its streamed fit; `sourceRows` is the dataset's full row count. */
export function assembleStreamedRun(request: TrainRequest, run: StreamedRun, sourceRows: number): TrainedRun {
  const family = findModelFamily(request.family);
  const validation: MetricScores = {};
  for (const id of listProblemMetrics(request.problem)) {
    validation[id] = run.validation.metrics[id] ?? undefinedMetric('not computed when training streamed (accuracy, balanced accuracy, log loss; RMSE, MAE, R², MSE are)');
  }
  return {
    id: request.id,
    family: family.kind,
    label: family.label,
    baseline: false,
    params: run.params,
    task: run.model.task,
    seed: request.seed,
    primaryMetric: request.problem.primaryMetric,
    metrics: { validation, cv: null },
    curve: run.curve,
    durationMs: run.durationMs,
    trainedAt: Date.now(),
    stopped: run.stopped,
    model: run.model.toJSON(),
    pipeline: run.prep.fitted,
    featureNames: [...run.prep.featureNames],
    ...(run.prep.classes ? { classes: [...run.prep.classes] } : {}),
    info: {
      ...pickPlainInfo(run.model.info),
      rowsUsed: `every row, streamed: trained on ${count(run.rows.train)} of ${count(sourceRows)} rows, validated on ${count(run.validation.rows)} (rows picked by a hash of their index, not the Split cell's)`,
      streamedTrainRows: run.rows.train,
      streamedValidationRows: run.validation.rows,
      streamedPasses: run.passes,
      // Rows without a target, or of a class the sample never held (so the model has no output for it).
      streamedDroppedRows: run.rows.dropped,
    },
    steps: [...request.steps],
    autoPrepare: request.autoPrepare !== false,
    ...(run.prep.autoPreparation ? { autoPreparation: run.prep.autoPreparation } : {}),
    ...(request.configKey ? { configKey: request.configKey } : {}),
    ...pickWarnings(run.model),
    ...recordProvenance(request, run.prep.fitted),
    inputContract: run.prep.contract,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');
