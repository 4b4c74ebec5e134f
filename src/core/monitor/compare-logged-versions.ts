// Two versions side by side on the traffic a prediction log recorded: per version its rows, the distribution of its
// predictions and — where feedback labels came — the primary metric with a bootstrap interval; the difference
// challenger − champion with a 95 % interval (paired on the same request rows for a shadow, unpaired for a canary);
// and the verdict through the retrain's gate (decideGate), which also asks the interval to clear 0.

import type { MetricFunction } from '../evaluate/bootstrap-metric';
import { bootstrapMetric } from '../evaluate/bootstrap-metric';
import { readMetricInput, selectProblemMetric } from '../evaluate/select-problem-metric';
import { METRICS, type MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import type { Stage } from '../registry/types';
import { findPositiveClass } from '../train/score-model';
import { bootstrapDifference, countRepeats, type DifferenceInterval, type ScoredRows } from './bootstrap-difference';
import { decideGate, type GateDecision } from './decide-gate';
import { describeLoggedPredictions, type PredictionDistribution } from './describe-logged-predictions';
import type { ModelOutputs } from './measure-model-outputs';
import type { LogRole } from './read-prediction-log';

/** One version's logged rows: outputs in the champion's class order, labels (NaN: none) and each row's pair key. */
export interface LoggedSide {
  readonly version: string;
  readonly role: LogRole;
  readonly outputs: ModelOutputs;
  readonly labels: Float64Array | null;
  readonly pairKeys: readonly string[];
}

export interface LoggedVersionSummary {
  readonly version: string;
  readonly role: LogRole;
  readonly rows: number;
  readonly predictions: PredictionDistribution;
  /** Rows with both a feedback label and a prediction. */
  readonly labelled: number;
  /** The primary metric on those rows with its 95 % bootstrap interval; null without labelled rows. */
  readonly metric: { readonly value: number | null; readonly low: number | null; readonly high: number | null } | null;
}

export interface LoggedComparison {
  readonly champion: LoggedVersionSummary;
  readonly challenger: LoggedVersionSummary;
  /** True for a shadow: both versions answered the same request rows, compared pair by pair. */
  readonly paired: boolean;
  readonly metric: { readonly id: MetricId; readonly label: string; readonly direction: 'higher' | 'lower' } | null;
  /** challenger − champion on the rows compared (the pairs, or each side's labelled rows); null without labels on both sides. */
  readonly difference: (DifferenceInterval & { readonly rows: { readonly champion: number; readonly challenger: number } }) | null;
  readonly gate: GateDecision | null;
  /** Why a part is absent (no labels, a metric undefined on these rows). */
  readonly notes: readonly string[];
  /** The registered version the challenger's logged name matches (set by the port that reads the registry); null when none. */
  readonly registered: { readonly version: number; readonly stage: Stage } | null;
}

export interface CompareLoggedOptions {
  /** The champion's classes (null: regression or clustering). */
  readonly classes: readonly string[] | null;
  readonly problem: ProblemSpec;
  /** The gate's least gain on the primary metric. */
  readonly delta: number;
  readonly level?: number;
  readonly seed?: number;
}

/** The seed of every log comparison's resamples: the same log gives the same intervals. */
export const COMPARISON_SEED = 20_261_207;

export function compareLoggedVersions(champion: LoggedSide, challenger: LoggedSide, options: CompareLoggedOptions): LoggedComparison {
  const { classes, problem, delta, level = 0.95, seed = COMPARISON_SEED } = options;
  const paired = challenger.role === 'shadow';
  const id = problem.task === 'clustering' ? null : problem.primaryMetric;
  const info = id === null ? null : METRICS[id];
  const k = classes?.length ?? 0;
  const bound = id === null ? null : selectProblemMetric(id, k, findPositiveClass(problem, classes ?? undefined));
  const toScored = (side: LoggedSide, rows: readonly number[]): ScoredRows | null => {
    if (!bound || !side.labels || !side.outputs.prediction) return null;
    const pick = (values: Float64Array, width: number) => Float64Array.from({ length: rows.length * width }, (_, j) => values[rows[Math.floor(j / width)] * width + (j % width)]);
    const outputs = { yTrue: pick(side.labels, 1), yPred: pick(side.outputs.prediction, 1), proba: side.outputs.probabilities ? pick(side.outputs.probabilities, k) : null, classCount: k, positive: findPositiveClass(problem, classes ?? undefined) };
    const other = readMetricInput(bound, outputs);
    return other ? { yTrue: outputs.yTrue, other, width: other.length / Math.max(1, rows.length) || 1 } : null;
  };
  const notes: string[] = [];
  const summarize = (side: LoggedSide): LoggedVersionSummary => {
    const rows = listLabelled(side);
    const scored = toScored(side, rows);
    const metric = rows.length > 0 && scored && bound ? summarizeMetric(scored, bound.compute, seed) : null;
    return { version: side.version, role: side.role, rows: side.pairKeys.length, predictions: describeLoggedPredictions(side.outputs, classes), labelled: rows.length, metric };
  };
  const summaries = { champion: summarize(champion), challenger: summarize(challenger) };
  const [rowsA, rowsB] = paired ? pairRows(champion, challenger) : [listLabelled(champion), listLabelled(challenger)];
  const [a, b] = [toScored(champion, rowsA), toScored(challenger, rowsB)];
  let difference: LoggedComparison['difference'] = null;
  if (!info || !bound) notes.push('A clustering has no labels to score: the versions are compared by their predictions only.');
  else if (rowsA.length === 0 || rowsB.length === 0) notes.push(describeNoLabels(summaries, paired, info.label));
  else if (a && b) difference = { ...bootstrapDifference(a, b, bound.compute, { paired, repeats: countRepeats(Math.max(rowsA.length, rowsB.length)), level, seed }), rows: { champion: rowsA.length, challenger: rowsB.length } };
  else notes.push(`${info.label} needs class probabilities, and a version's log lines carry none: the versions are compared by their predictions only.`);
  const gate = difference && info ? judge(difference, a!, b!, bound!.compute, info, delta) : null;
  return { ...summaries, paired, metric: info && id ? { id, label: info.label, direction: info.direction } : null, difference, gate, notes, registered: null };
}

/** The gate on the rows the difference compared, so its numbers are the difference's own. */
function judge(difference: DifferenceInterval, a: ScoredRows, b: ScoredRows, metric: MetricFunction, info: { label: string; direction: 'higher' | 'lower' }, delta: number): GateDecision {
  const value = (side: ScoredRows) => metric(side.yTrue, side.other).value ?? Number.NaN;
  return decideGate({
    champion: { primary: value(a), slices: {} }, challenger: { primary: value(b), slices: {} }, primary: info.label, direction: info.direction, delta, slices: [], sliceTolerance: 0,
    difference: { low: difference.low ?? Number.NaN, high: difference.high ?? Number.NaN, level: difference.level },
  });
}

function summarizeMetric(scored: ScoredRows, metric: MetricFunction, seed: number): LoggedVersionSummary['metric'] {
  const interval = bootstrapMetric(scored.yTrue, scored.other, metric, { seed, repeats: countRepeats(scored.yTrue.length) });
  return { value: interval.value, low: interval.low, high: interval.high };
}

/** Rows of `side` with a label and a prediction. */
function listLabelled(side: LoggedSide): number[] {
  const rows: number[] = [];
  const { labels } = side;
  const prediction = side.outputs.prediction;
  if (!labels || !prediction) return rows;
  for (let i = 0; i < labels.length; i++) if (!Number.isNaN(labels[i]) && !Number.isNaN(prediction[i])) rows.push(i);
  return rows;
}

/** The labelled pairs: the champion's and the shadow's row of each request row both answered, in the champion's order. */
function pairRows(champion: LoggedSide, shadow: LoggedSide): [number[], number[]] {
  const byKey = new Map(shadow.pairKeys.map((key, i) => [key, i]));
  const labelled = new Set(listLabelled(shadow));
  const a: number[] = [];
  const b: number[] = [];
  for (const i of listLabelled(champion)) {
    const j = byKey.get(champion.pairKeys[i]);
    if (j === undefined || !labelled.has(j)) continue;
    a.push(i);
    b.push(j);
  }
  return [a, b];
}

function describeNoLabels(summaries: { champion: LoggedVersionSummary; challenger: LoggedVersionSummary }, paired: boolean, metric: string): string {
  const without = [summaries.champion, summaries.challenger].filter((s) => s.labelled === 0).map((s) => `${s.version} (${s.role})`);
  const what = without.length > 0 ? `No feedback label came for the rows of ${without.join(' or ')}` : 'No labelled request row was answered by both versions';
  return `${what}, so ${metric} cannot be compared and there is no verdict${paired ? '' : ' yet'}: send the true labels to the service's POST /feedback with each request's id.`;
}
