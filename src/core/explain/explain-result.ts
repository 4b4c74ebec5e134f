// What the Explain cell computes and saves: options, progress records and the result (permutation importance,
// SHAP values of sampled rows, partial dependence), plus the readings of a result that plots and checks use.

import type { MetricId } from '../problem/metrics';
import type { FeatureSource } from '../transform/trace-feature-sources';
import type { PartialDependence } from './compute-partial-dependence';
import type { ShapValues } from './compute-tree-shap';
import type { ShapOutputSpace } from './shap-tree';

/** How much work to spend: shuffles per feature, rows for SHAP, features with a PD plot; classIndex picks a multiclass class (null → the first). */
export interface ExplainOptions {
  repeats: number;
  shapRows: number;
  pdFeatures: number;
  seed: number;
  classIndex: number | null;
}

/** A progress record: `done` of `total` features (importance, partial dependence) or rows (SHAP). */
export interface ExplainProgress {
  stage: 'importance' | 'shap' | 'partial-dependence';
  done: number;
  total: number;
}

/** Permutation importance in the units of `metric`; `baselineScore` is the metric itself (a loss stays a loss). */
export interface ImportanceSection {
  metric: MetricId;
  lowerIsBetter: boolean;
  baselineScore: number;
  repeats: number;
  /** Why another metric than the problem's primary one was used; null when it was the primary one. */
  note: string | null;
  /** Per feature, in feature order: how much worse the score gets when it is shuffled (mean, population std). */
  features: { feature: string; mean: number; std: number }[];
}

/** SHAP values of one output for the explained rows: baseValue + Σ_j values[i·features + j] = predictions[i]. */
export interface ShapSection {
  /** "exact TreeSHAP" or how Kernel SHAP was run. */
  method: string;
  space: ShapOutputSpace;
  baseValue: number;
  /** Dataset row index of each explained row. */
  rows: Uint32Array;
  /** Row-major rows × features. */
  values: Float64Array;
  featureValues: Float64Array;
  /** The model's own output per row in `space` (computed apart from the SHAP values, for the additivity check). */
  predictions: Float64Array;
}

/** Everything the Explain cell shows. */
export interface ExplainResult {
  featureNames: string[];
  /** Per feature: category labels by code (categorical, boolean), else null. */
  featureLevels: (string[] | null)[];
  /** Each feature traced back through the run's pipeline to its dataset column (labels in raw values); absent in older saved results. */
  featureSources?: [string, FeatureSource][];
  /** Validation rows with a target that importance and PD were computed on. */
  rowsUsed: number;
  /** Features with a single value on those rows (their importance is 0 by construction). */
  constantFeatures: string[];
  /** The class whose probability (or margin) SHAP and PD explain; null for regression. */
  explainedClass: { index: number; label: string } | null;
  importance: ImportanceSection;
  shap: ShapSection | null;
  /** Why there are no SHAP values, when shap is null. */
  shapSkipped: string | null;
  partialDependence: PartialDependence[];
  /** One sentence per feature whose partial dependence could not be drawn. */
  partialDependenceSkipped: string[];
}

/** The saved SHAP section as core's ShapValues (one output), for rankShapImportance, beeswarm and waterfall. */
export function toShapValues(result: ExplainResult): ShapValues | null {
  const shap = result.shap;
  if (!shap) return null;
  return {
    rows: shap.rows.length, features: result.featureNames.length, outputs: 1, featureNames: result.featureNames,
    space: shap.space, baseValue: [shap.baseValue], values: shap.values,
  };
}

/** The explained rows' feature values as the FeatureMatrix the beeswarm reads. */
export function readExplainedRows(result: ExplainResult): { values: Float64Array; rows: number; cols: number; featureNames: string[] } | null {
  const shap = result.shap;
  return shap ? { values: shap.featureValues, rows: shap.rows.length, cols: result.featureNames.length, featureNames: result.featureNames } : null;
}

/** The buffers of a result's SHAP arrays, for a worker to hand the result over by transfer. */
export function listExplainBuffers(result: ExplainResult): ArrayBuffer[] {
  const s = result.shap;
  return (s ? [s.rows.buffer, s.values.buffer, s.featureValues.buffer, s.predictions.buffer] : []) as ArrayBuffer[];
}
