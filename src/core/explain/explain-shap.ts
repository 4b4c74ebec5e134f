// The Explain job's SHAP part: exact TreeSHAP for tree models (in the model's output space: probability, or the
// log-odds margin for boosting), Kernel SHAP otherwise with a small background and a sample budget sized from a
// timed prediction; each for a seeded sample of the validation rows, with the model's own output for the check.

import { findFamilyInfo } from '../models/catalog';
import type { FeatureMatrix, FittedModel } from '../models/types';
import type { SupervisedTask } from '../problem/types';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import type { TrainedRun } from '../train/types';
import { computeTreeShap } from './compute-tree-shap';
import { estimateKernelShap } from './estimate-kernel-shap';
import type { ExplainOptions, ExplainResult, ShapSection } from './explain-result';
import type { Report, ValidationData } from './explain-run';
import { KERNEL_TIME_BUDGET_MS, measurePredictMs, planKernelShap } from './plan-kernel-shap';
import { readShapEnsemble, type ShapEnsemble } from './shap-tree';
import { summariseBackground, type Background } from './summarise-background';

const BACKGROUND_ROWS = 50;

/** SHAP for a seeded sample of ≤ shapRows rows, or a sentence saying why there is none. */
export async function explainShap(
  model: FittedModel, run: TrainedRun, data: ValidationData, explained: ExplainResult['explainedClass'], task: SupervisedTask, options: ExplainOptions, report: Report,
): Promise<ShapSection | string> {
  const pick = (limit: number) => {
    const picked = sampleRows(data.X.rows, limit, createRandom(options.seed));
    return { X: selectMatrixRows(data.X, picked), rows: Uint32Array.from(picked, (i) => data.rows[i]) };
  };
  try {
    if (findFamilyInfo(run.model.kind)?.capabilities.treeEnsemble) {
      const { X, rows } = pick(options.shapRows);
      report('shap', 0, X.rows);
      return { ...(await explainWithTreeShap(run, X, explained, task, report)), rows, featureValues: X.values };
    }
    if (task !== 'regression' && !model.predictProba) return `This ${run.label} model gives no class probabilities, so SHAP has no output to explain; permutation importance above still applies.`;
    const predictOne = selectPredictOne(model, explained);
    const background = summariseBackground(data.X, { limit: BACKGROUND_ROWS, seed: options.seed });
    const plan = planKernelShap(measurePredictMs(predictOne, background.X), background.X.cols, background.X.rows, Math.min(options.shapRows, data.X.rows));
    const { X, rows } = pick(plan.rows);
    report('shap', 0, X.rows);
    const core = await explainWithKernelShap(predictOne, background, X, plan.samples, options.seed, report);
    const reduced = plan.rows < Math.min(options.shapRows, data.X.rows) ? `; ${plan.rows} of ${Math.min(options.shapRows, data.X.rows)} rows, to finish in about ${KERNEL_TIME_BUDGET_MS / 1000} s` : '';
    return { ...core, method: core.method + reduced, space: explained ? 'probability' : 'value', rows, featureValues: X.values };
  } catch (error) {
    if (error instanceof Error && error.name === 'DataError') return error.message;
    throw error;
  }
}

type ShapCore = Omit<ShapSection, 'rows' | 'featureValues'>;

async function explainWithTreeShap(run: TrainedRun, X: FeatureMatrix, explained: ExplainResult['explainedClass'], task: SupervisedTask, report: Report): Promise<ShapCore> {
  const shap = await computeTreeShap(run.model, X, { onProgress: (done, total) => report('shap', done, total) });
  const { features: M, outputs: K } = shap;
  // Binary boosting has one output, class 1's log-odds; class 0's margin is its negation.
  const k = K === 1 ? 0 : (explained?.index ?? 0);
  const sign = K === 1 && task === 'binary' && explained?.index === 0 ? -1 : 1;
  const values = new Float64Array(X.rows * M);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < M; j++) values[i * M + j] = sign * shap.values[(i * K + k) * M + j];
  const ensemble = readShapEnsemble(run.model);
  const predictions = Float64Array.from({ length: X.rows }, (_, i) => sign * predictEnsembleOutput(ensemble, X.values, i * X.cols, k));
  return { method: 'exact TreeSHAP', space: shap.space, baseValue: sign * shap.baseValue[k], values, predictions };
}

/** offset + Σ weight × leaf value of output k, walking each tree to its leaf (independent of the SHAP recursion). */
function predictEnsembleOutput(ensemble: ShapEnsemble, values: Float64Array, offset: number, k: number): number {
  let sum = ensemble.offset[k];
  for (const tree of ensemble.trees) {
    if (k < tree.outputOffset || k >= tree.outputOffset + tree.outputs) continue;
    let node = 0;
    while (tree.feature[node] >= 0) node = tree.nextNode(node, values, offset);
    sum += tree.weight * tree.value[node * tree.outputs + (k - tree.outputOffset)];
  }
  return sum;
}

/** One number per row: the explained class's probability, or the prediction (regression). */
function selectPredictOne(model: FittedModel, explained: ExplainResult['explainedClass']): (m: FeatureMatrix) => Float64Array {
  return (m) => {
    if (!explained || !model.predictProba) return model.predict(m);
    const proba = model.predictProba(m);
    const K = proba.length / m.rows;
    const out = new Float64Array(m.rows);
    for (let i = 0; i < m.rows; i++) out[i] = proba[i * K + explained.index];
    return out;
  };
}

async function explainWithKernelShap(
  predictOne: (m: FeatureMatrix) => Float64Array, background: Background, X: FeatureMatrix, samples: number, seed: number, report: Report,
): Promise<Omit<ShapCore, 'space'>> {
  const M = X.cols, B = background.X.rows;
  const values = new Float64Array(X.rows * M);
  let baseValue = 0, exact = true;
  for (let i = 0; i < X.rows; i++) {
    const row = X.values.subarray(i * M, (i + 1) * M);
    const shap = await estimateKernelShap(predictOne, background.X, row, { samples, seed: seed + i, backgroundWeights: background.weights });
    values.set(shap.values, i * M);
    baseValue = shap.baseValue;
    exact &&= shap.exact;
    report('shap', i + 1, X.rows);
  }
  const method = exact
    ? `Kernel SHAP, every coalition of ${M} features (exact for a ${B}-row background)`
    : `Kernel SHAP estimate, ${samples} samples per row, ${B}-row background`;
  return { method, baseValue, values, predictions: predictOne(X) };
}

function selectMatrixRows(X: FeatureMatrix, rows: Uint32Array): FeatureMatrix {
  const values = new Float64Array(rows.length * X.cols);
  rows.forEach((row, r) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), r * X.cols));
  return { ...X, values, rows: rows.length };
}
