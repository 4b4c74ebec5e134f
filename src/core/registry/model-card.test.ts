import { describe, expect, it } from 'vitest';
import type { NotebookId } from '../notebook/types';
import type { TrainedRun } from '../train/types';
import { writeModelCard } from './model-card';
import type { ModelVersion, RegistryChange } from './types';

const RUN: TrainedRun = {
  id: 'run-7', family: 'logistic', label: 'Logistic regression', baseline: false, params: { C: 0.5, penalty: 'l2' }, task: 'binary', seed: 42,
  primaryMetric: 'roc-auc',
  metrics: {
    validation: { 'roc-auc': { value: 0.8125 }, accuracy: { value: 0.75 }, f1: { value: null, reason: 'no positive predicted' } },
    cv: { folds: 5, completed: 5, metrics: { 'roc-auc': { mean: 0.8, std: 0.025, values: [0.8, 0.8, 0.8, 0.8, 0.8] } } },
  },
  curve: [], durationMs: 40, trainedAt: Date.UTC(2025, 2, 1, 9, 30), stopped: false,
  model: { formatVersion: 1, kind: 'logistic', task: 'binary', params: {}, featureNames: ['tenure', 'plan=basic'], classes: ['stay', 'churn'], state: {} },
  pipeline: { formatVersion: 1, steps: [], inputColumns: [], outputColumns: [], trainRowCount: 200 },
  featureNames: ['tenure', 'plan=basic'], classes: ['stay', 'churn'], info: {},
  steps: [
    { kind: 'impute', id: 's1', columns: ['tenure'], strategy: 'median' },
    { kind: 'scale', id: 's2', columns: { rule: 'numeric' }, method: 'standard' },
  ],
  autoPrepare: true,
  autoPreparation: { dates: [], imputed: [], oneHot: ['plan'], ordinal: [], scaled: [], dropped: ['note'] },
  warnings: [{ code: 'not-converged', message: 'The solver stopped after 100 iterations without converging.' }],
  inputContract: {
    formatVersion: 1,
    columns: [
      { name: 'tenure', kind: 'numeric', missing: 10, min: 0, max: 72 },
      { name: 'plan', kind: 'categorical', missing: 0, levels: ['basic', 'pro'], counts: [150, 50] },
      { name: 'paperless', kind: 'boolean', missing: 0, trueCount: 120, falseCount: 80 },
    ],
    target: { name: 'churned', classes: ['stay', 'churn'] },
    trainRowCount: 200,
  },
};

const VERSION: ModelVersion = {
  id: 'churn@2', modelName: 'churn', version: 2, runId: 'run-7', notebookId: 'n1' as NotebookId, registeredAt: Date.UTC(2025, 2, 2), stage: 'production',
  card: { intendedUse: 'Rank accounts for the retention team.', limitations: '', ethicalConsiderations: 'Do not use <script>alert("x")</script> & co.' },
};

const HISTORY: RegistryChange[] = [
  { id: 'churn#1', modelName: 'churn', sequence: 1, at: Date.UTC(2025, 2, 2), action: 'register', version: 2, reason: '', before: [{ version: 1, stage: 'production' }], after: [{ version: 1, stage: 'production' }, { version: 2, stage: 'none' }] },
  { id: 'churn#2', modelName: 'churn', sequence: 2, at: Date.UTC(2025, 2, 3, 8), action: 'set-stage', version: 2, reason: 'AUC 0.81 vs 0.77', before: [{ version: 1, stage: 'production' }, { version: 2, stage: 'none' }], after: [{ version: 1, stage: 'archived' }, { version: 2, stage: 'production' }] },
];

describe('writeModelCard', () => {
  it('writes every section from the run, its contract, the edits and the log as Markdown', () => {
    expect(writeModelCard({ version: VERSION, run: RUN, history: HISTORY }).markdown).toBe(EXPECTED_MARKDOWN);
  });

  it('writes one self-contained HTML page: inline CSS, nothing loaded, every text escaped (a <script> in an edit stays text)', () => {
    const { html } = writeModelCard({ version: VERSION, run: RUN, history: HISTORY });
    expect({
      starts: html.startsWith('<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Model card: churn v2</title><style>'),
      scripts: html.match(/<script/gi),
      loads: html.match(/\b(src|href)=/gi),
      edit: html.includes('<h2>Ethical considerations</h2>\n<p>Do not use &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co.</p>'),
      table: html.includes('<tr><td>plan</td><td>categorical</td><td>basic 150, pro 50</td><td>0</td></tr>'),
      unwritten: html.includes('<h2>Limitations</h2>\n<p>Not written yet.</p>'),
    }).toEqual({ starts: true, scripts: null, loads: null, edit: true, table: true, unwritten: true });
  });

  it('says what is not recorded for a run without a contract, steps or CV, and keeps the person\'s text as written', () => {
    const bare: TrainedRun = { ...RUN, task: 'regression', params: {}, metrics: { validation: { rmse: { value: 1.5 } }, cv: null }, steps: undefined, autoPreparation: undefined, autoPrepare: false, warnings: undefined, inputContract: undefined, primaryMetric: 'rmse' };
    const markdown = writeModelCard({ version: { ...VERSION, card: { intendedUse: 'a | b', limitations: '', ethicalConsiderations: '' } }, run: bare, history: [] }).markdown;
    const section = (heading: string) => markdown.split(`## ${heading}\n\n`)[1].split('\n\n## ')[0];
    expect([section('What it predicts'), section('Training data'), section('Preparation'), section('Metrics'), section('Drift reference'), section('Version history').trimEnd(), section('Intended use')]).toEqual([
      'Predicts the number the target (regression). The target\'s name is not recorded with this run.',
      'This run records no input contract (it was trained before contracts existed); retrain it to record its training rows and columns.',
      '- No preparation steps of your own.\n- Automatic preparation was off.',
      '| metric | validation | CV (not run) |\n| --- | --- | --- |\n| RMSE (primary) | 1.5 |  |\n\nNo test-set score is stored with this run; the test rows stay unseen until an Evaluate cell scores them.',
      'No training profile is recorded, so monitoring has no reference for this version.',
      'No changes logged.',
      'a | b',
    ]);
  });
});

const EXPECTED_MARKDOWN = `# Model card: churn v2

Stage: production. Registered 2025-03-02 from run "Logistic regression" (run-7), trained 2025-03-01 09:30:00.

## What it predicts

Predicts "churned", one of 2 classes: stay, churn (binary classification).

## Model

- Family: Logistic regression (logistic), seed 42
- Features after preparation: 2

| hyperparameter | value |
| --- | --- |
| C | 0.5 |
| penalty | l2 |

## Training data

200 training rows; the model reads these 3 input columns.

| column | type | training range / levels | missing in training |
| --- | --- | --- | --- |
| tenure | numeric | 0 to 72 | 10 |
| plan | categorical | basic 150, pro 50 | 0 |
| paperless | boolean | true 120, false 80 | 0 |

## Preparation

- Step 1: impute (tenure)
- Step 2: scale (numeric columns)
- Automatic: one-hot encoded: plan
- Automatic: dropped: note

## Metrics

| metric | validation | 5-fold CV (mean ± std) |
| --- | --- | --- |
| ROC-AUC (primary) | 0.8125 | 0.8 ± 0.025 |
| Accuracy | 0.75 |  |
| F1 | undefined (no positive predicted) |  |

No test-set score is stored with this run; the test rows stay unseen until an Evaluate cell scores them.

## Warnings

- The solver stopped after 100 iterations without converging.

## Intended use

Rank accounts for the retention team.

## Limitations

Not written yet.

## Ethical considerations

Do not use &lt;script&gt;alert("x")&lt;/script&gt; & co.

## Drift reference

Monitoring compares new rows with each input column's profile in the 200 training rows.

| column | training profile | missing |
| --- | --- | --- |
| tenure | 0 to 72 | 5% |
| plan | basic 75%, pro 25% | 0% |
| paperless | true 60%, false 40% | 0% |

## Version history

| when (UTC) | change | version | reason | stages after |
| --- | --- | --- | --- | --- |
| 2025-03-02 | register | v2 | — | v1 production |
| 2025-03-03 08:00:00 | set-stage | v2 | AUC 0.81 vs 0.77 | v1 archived, v2 production |
`;
