// What the Compare cell concludes about runs A and B, as a pure function: which paired tests apply (McNemar on
// the shared validation rows for classifiers, a paired t-test of absolute errors for regressors, the plain and
// the corrected resampled t-test over CV folds when both runs have the same folds), why one cannot run, and the
// one-line verdict in plain words.

import { METRICS, type MetricId } from '../problem/metrics';
import type { SupervisedTask } from '../problem/types';
import type { Fold } from '../split/split-spec';
import { checkFoldPairs, type ComparedRun } from './check-fold-pairs';
import { formatNumber, type ComparisonTest, type ComparisonVerdict } from './comparison-result';
import { testMcNemarCounts } from './test-mcnemar';
import { testPairedErrors } from './test-paired-errors';
import { testCorrectedResampledT, testPairedScores } from './test-paired-scores';

export type { ComparedRun } from './check-fold-pairs';

/** Held-out predictions of one run: the dataset row of each prediction, its truth and prediction (class index or value). */
export interface PredictedRows {
  rows: ArrayLike<number>;
  yTrue: ArrayLike<number>;
  yPred: ArrayLike<number>;
}

/** The split's CV folds as the corrected test needs them: how many, and mean training / scored rows per fold. */
export interface FoldSizes {
  count: number;
  nTrain: number;
  nTest: number;
}

/** Everything a comparison reads; all plain data. */
export interface ComparisonRequest {
  task: SupervisedTask;
  primaryMetric: MetricId;
  alpha: number;
  runA: ComparedRun;
  runB: ComparedRun;
  predictionsA: PredictedRows;
  predictionsB: PredictedRows;
  folds: FoldSizes | null;
}

/** Classification on the shared rows: how often each model is right. */
export interface AgreementCounts {
  bothRight: number;
  onlyA: number;
  onlyB: number;
  bothWrong: number;
}

/** A test that ran, with what it is called here and why it fits. */
export interface ReportedTest {
  /** What the pairs are: validation rows, or CV folds of the primary metric. */
  scope: 'rows' | 'folds';
  label: string;
  why: string;
  result: ComparisonTest;
}

/** The saved comparison: the tests, the notes for tests that could not run, and the headline verdict. */
export interface ComparisonReport {
  /** Validation rows both models predicted. */
  rows: number;
  counts: AgreementCounts | null;
  tests: ReportedTest[];
  notes: string[];
  headline: { verdict: ComparisonVerdict; sentence: string; test: ComparisonTest['test'] | null };
}

/** Count and mean train / validation rows of the split's folds; null without folds. */
export function describeFoldSizes(folds: readonly Fold[]): FoldSizes | null {
  if (folds.length === 0) return null;
  const mean = (pick: (fold: Fold) => number) => folds.reduce((sum, fold) => sum + pick(fold), 0) / folds.length;
  return { count: folds.length, nTrain: mean((f) => f.train.length), nTest: mean((f) => f.validation.length) };
}

/** The saved output's key: which pair at which level (a change of picks makes the saved comparison outdated). */
export function describeComparisonKey(runA: string, runB: string, alpha: number): string {
  return `${runA}|${runB}|${alpha}`;
}

/** Runs every test that applies to the request and assembles the report. */
export function assembleComparison(request: ComparisonRequest): ComparisonReport {
  const { alpha, task } = request;
  const aligned = alignRows(request.predictionsA, request.predictionsB);
  const tests: ReportedTest[] = [];
  const notes: string[] = [];
  if (aligned.rows < request.predictionsA.rows.length || aligned.rows < request.predictionsB.rows.length) {
    notes.push(`Compared on the ${aligned.rows} validation rows both models predicted (A predicted ${request.predictionsA.rows.length}, B ${request.predictionsB.rows.length}).`);
  }
  let counts: AgreementCounts | null = null;
  if (task === 'regression') {
    const result = testPairedErrors(aligned.yTrue, aligned.predA, aligned.predB, { alpha });
    tests.push({
      scope: 'rows',
      label: `Paired t-test of absolute errors on ${aligned.rows} validation rows`,
      why: 'Both models predicted the same rows, so each row gives a paired error difference whose mean is the difference in MAE; the models are fixed, so rows need no resampling correction.',
      result,
    });
  } else {
    counts = countAgreement(aligned.yTrue, aligned.predA, aligned.yTrueB, aligned.predB);
    tests.push({
      scope: 'rows',
      label: `McNemar's test on ${aligned.rows} validation rows`,
      why: 'Both models predicted the same rows; only rows where exactly one of them is right tell them apart (exact binomial test below 25 such rows, else chi-square with continuity correction).',
      result: testMcNemarCounts(counts.onlyA, counts.onlyB, { alpha }),
    });
  }
  tests.push(...runFoldTests(request, notes));
  return { rows: aligned.rows, counts, tests, notes, headline: writeHeadline(request, aligned.rows, tests, notes) };
}

/** The plain and corrected t-tests on the primary metric's fold scores, or notes saying why they cannot run. */
function runFoldTests(request: ComparisonRequest, notes: string[]): ReportedTest[] {
  const { primaryMetric, alpha, folds } = request;
  const pairs = checkFoldPairs(request.runA, request.runB, primaryMetric);
  if ('note' in pairs) {
    notes.push(pairs.note);
    return [];
  }
  const name = METRICS[primaryMetric].label;
  const direction = METRICS[primaryMetric].direction;
  const k = pairs.a.length;
  const plain = testPairedScores(pairs.a, pairs.b, { alpha, direction });
  if (plain.pValue === null) {
    notes.push(`The fold tests cannot run: ${plain.reason}.`);
    return [];
  }
  const reported: ReportedTest[] = [];
  if (folds === null || folds.count !== k) {
    notes.push(`The corrected resampled t-test cannot run: the runs were cross-validated on ${k} folds but the Split above now has ${folds?.count ?? 0}, so the fold sizes are unknown; train the runs again.`);
  } else {
    reported.push({
      scope: 'folds',
      label: `Corrected resampled t-test (Nadeau–Bengio) over ${k} folds on ${name}`,
      why: `CV folds share most training rows, so fold scores are correlated; the correction widens the variance by n_test / n_train (${formatNumber(folds.nTest)} / ${formatNumber(folds.nTrain)}), which the plain paired t-test ignores.`,
      result: testCorrectedResampledT(pairs.a, pairs.b, { alpha, direction, nTrain: folds.nTrain, nTest: folds.nTest }),
    });
  }
  reported.push({
    scope: 'folds',
    label: `Paired t-test over ${k} folds on ${name}`,
    why: 'Shown for reference: it treats the folds as independent samples and so finds differences too eagerly.',
    result: plain,
  });
  return reported;
}

/** The headline: the corrected fold test when it ran, else the test on the validation rows, else the plain fold test. */
function writeHeadline(request: ComparisonRequest, rows: number, tests: readonly ReportedTest[], notes: readonly string[]): ComparisonReport['headline'] {
  const order: ComparisonTest['test'][] = ['corrected-resampled-t', 'mcnemar-exact', 'mcnemar-chi-square', 'paired-t'];
  const chosen = [...tests].sort((x, y) => order.indexOf(x.result.test) - order.indexOf(y.result.test)).find((t) => t.result.pValue !== null);
  if (!chosen) return { verdict: 'no significant difference', sentence: `No test could run: ${notes[0] ?? 'no predictions to compare'}`, test: null };
  const { result } = chosen;
  const onFolds = chosen.scope === 'folds';
  const k = request.runA.cv?.folds ?? 0;
  const method = result.test === 'corrected-resampled-t' ? `corrected resampled t-test over ${k} folds`
    : result.test === 'paired-t' && onFolds ? `paired t-test over ${k} folds`
      : result.test === 'paired-t' ? `paired t-test of absolute errors on ${rows} validation rows`
        : `McNemar's ${result.test === 'mcnemar-exact' ? 'exact' : 'chi-square'} test on the validation rows`;
  const measure = onFolds ? METRICS[request.primaryMetric].label : request.task === 'regression' ? 'absolute error' : 'accuracy';
  const p = result.pValue as number;
  if (result.verdict === 'no significant difference') {
    const why = result.reason ?? `p = ${formatNumber(p)} ≥ ${result.alpha}`;
    return { verdict: result.verdict, sentence: `No significant difference on ${measure}: ${why} (${method}).`, test: result.test };
  }
  const winner = result.verdict === 'A better' ? `A (${request.runA.label})` : `B (${request.runB.label})`;
  return { verdict: result.verdict, sentence: `${winner} is better on ${measure}: p = ${formatNumber(p)} < ${result.alpha} (${method}).`, test: result.test };
}

/** Predictions of both runs on the rows both have, in A's row order; each run keeps its own truth (class indices follow its own class list). */
function alignRows(a: PredictedRows, b: PredictedRows): { rows: number; yTrue: number[]; predA: number[]; yTrueB: number[]; predB: number[] } {
  const positionInB = new Map<number, number>();
  for (let i = 0; i < b.rows.length; i++) positionInB.set(b.rows[i], i);
  const yTrue: number[] = [], predA: number[] = [], yTrueB: number[] = [], predB: number[] = [];
  for (let i = 0; i < a.rows.length; i++) {
    const j = positionInB.get(a.rows[i]);
    if (j === undefined) continue;
    yTrue.push(a.yTrue[i]);
    predA.push(a.yPred[i]);
    yTrueB.push(b.yTrue[j]);
    predB.push(b.yPred[j]);
  }
  return { rows: yTrue.length, yTrue, predA, yTrueB, predB };
}

/** Right / wrong per model on the same rows (each prediction checked against its own run's truth). */
export function countAgreement(yTrueA: ArrayLike<number>, predA: ArrayLike<number>, yTrueB: ArrayLike<number>, predB: ArrayLike<number>): AgreementCounts {
  const counts = { bothRight: 0, onlyA: 0, onlyB: 0, bothWrong: 0 };
  for (let i = 0; i < yTrueA.length; i++) {
    const a = predA[i] === yTrueA[i], b = predB[i] === yTrueB[i];
    if (a && b) counts.bothRight++;
    else if (a) counts.onlyA++;
    else if (b) counts.onlyB++;
    else counts.bothWrong++;
  }
  return counts;
}
