// Core half of the cell-kind registry: each kind's title and default spec.
// (The UI half, kind → component, lives in ui/cells/registry.ts.)

import { TIME_LIMIT_SECONDS } from '../code/code-types';
import { DEFAULT_CODE_SOURCE } from '../code/default-source';
import { DEFAULT_FRACTIONS } from '../split/split-spec';
import { DEFAULT_IMPORT_OPTIONS, type CellKind, type CellSpecs } from './types';

export interface CellKindInfo<K extends CellKind> {
  readonly title: string;
  readonly description: string;
  createSpec(): CellSpecs[K];
}

export const CELL_KINDS: { readonly [K in CellKind]: CellKindInfo<K> } = {
  data: {
    title: 'Data',
    description: 'Import a CSV, TSV, JSON or Parquet file, open a sample, or reuse a stored dataset.',
    createSpec: () => ({
      datasetId: null,
      sourceLabel: null,
      options: { ...DEFAULT_IMPORT_OPTIONS, missingTokens: [...DEFAULT_IMPORT_OPTIONS.missingTokens] },
      columnOverrides: {},
    }),
  },
  problem: {
    title: 'Problem',
    description: 'State the target, the task, how success is measured and what mistakes cost.',
    createSpec: () => ({ target: null, task: 'binary', primaryMetric: 'roc-auc', secondaryMetrics: ['accuracy', 'f1', 'log-loss'] }),
  },
  profile: {
    title: 'Profile',
    description: 'Statistics, plots and data-quality alerts over the full table, with the target if one is set.',
    createSpec: () => ({ correlation: 'pearson', scatterX: null, scatterY: null, boxValue: null, boxBy: null }),
  },
  split: {
    title: 'Split',
    description: 'Train / validation / test parts (random, stratified, temporal, grouped) and cross-validation folds.',
    createSpec: () => ({
      strategy: 'auto',
      fractions: { ...DEFAULT_FRACTIONS },
      seed: 42,
      target: null,
      timeColumn: null,
      gapDays: 0,
      groupColumn: null,
      cv: null,
      finalEvaluations: 0,
    }),
  },
  prepare: {
    title: 'Prepare',
    description: 'A feature pipeline (impute, encode, scale, derive…) fitted on the training rows only.',
    createSpec: () => ({ steps: [] }),
  },
  train: {
    title: 'Train',
    description: 'Fit model families on the prepared training rows, score them on validation (and CV folds), rank them.',
    createSpec: () => ({ candidates: [{ family: 'gradient_boosting', params: {} }], tryAll: false, crossValidate: true, autoPrepare: true, seed: 42, backend: 'auto' }),
  },
  tune: {
    title: 'Tune',
    description: 'Search a model family’s hyperparameters (grid, random, Bayesian, successive halving) on CV folds or validation rows, or find the best model within a time budget.',
    createSpec: () => ({
      mode: 'family', family: 'gradient_boosting', space: {}, strategy: 'bayes', gridSteps: 3, trials: 20, budgetSeconds: 0,
      halving: false, objective: 'cv', useBest: null, ensemble: false, autoPrepare: true, seed: 42,
    }),
  },
  evaluate: {
    title: 'Evaluate',
    description: 'Metrics with intervals, threshold, curves, slices, fairness, gain/lift, worst rows, calibration and a learning curve of a trained model on validation rows.',
    createSpec: () => ({ runId: null, threshold: 0.5, normalize: false, sliceColumn: null, sliceMetric: null, sensitiveColumn: null, calibration: 'none' }),
  },
  explain: {
    title: 'Explain',
    description: 'Which features drive a trained model: permutation importance, SHAP (global and one row), partial dependence.',
    createSpec: () => ({ runId: null, repeats: 5, shapRows: 200, row: 0, pdFeatures: 3, explainedClass: null }),
  },
  compare: {
    title: 'Compare',
    description: 'A sortable leaderboard of trained runs, their curves side by side, and a paired test of two of them.',
    createSpec: () => ({ sortBy: null, rankBy: 'validation', runA: null, runB: null, alpha: 0.05 }),
  },
  predict: {
    title: 'Predict',
    description: 'A trained run’s predictions on the validation or test rows, or on a new file checked against its inputs; download them as CSV.',
    createSpec: () => ({ runId: null, source: 'validation', file: null }),
  },
  export: {
    title: 'Export',
    description: 'Package a trained run to deploy without ML Studio: ONNX, a Node service, batch scoring, Triton and KServe configs, a model card.',
    createSpec: () => ({ runId: null, name: 'model' }),
  },
  monitor: {
    title: 'Monitor',
    description: 'Check a new batch (the Data cell above) against a registered model version: schema, drift per feature, drift of its scores, performance when it has labels.',
    createSpec: () => ({ model: null, version: null, psiWarn: 0.1, psiAlert: 0.25, performanceTolerance: 0.05 }),
  },
  retrain: {
    title: 'Retrain',
    description: 'Train the monitored version again on new data, score challenger and champion on a common holdout, and promote only past a validation gate.',
    createSpec: () => ({ when: 'always', data: 'batch', windowRows: 1000, holdoutFraction: 0.3, delta: 0.01, sliceColumn: null, sliceTolerance: 0.05, promote: 'confirm', seed: 42 }),
  },
  code: {
    title: 'Code',
    description: 'JavaScript of your own in a sandboxed worker: read the table above, return a table for the cells below, a plot or a value.',
    createSpec: () => ({ source: DEFAULT_CODE_SOURCE, timeLimitSeconds: TIME_LIMIT_SECONDS.default }),
  },
  note: {
    title: 'Note',
    description: 'Markdown text: goals, findings, decisions.',
    createSpec: () => ({ markdown: '' }),
  },
};

export const CELL_KIND_ORDER: readonly CellKind[] = ['data', 'problem', 'profile', 'split', 'prepare', 'train', 'tune', 'evaluate', 'explain', 'compare', 'predict', 'export', 'monitor', 'retrain', 'code', 'note'];
