// Which parameters moved the loss, fANOVA-style (Hutter et al. 2014, as Optuna's default importance evaluator):
// a random forest of regression trees learns loss ~ parameters from the trials; a parameter's importance is the
// variance of its main effect (the forest's prediction averaged over the rest of the space, as that parameter
// varies) divided by the total variance of the prediction over the space. Both are estimated on uniform draws
// from the space rather than by fANOVA's exact tree partitions. Encoding: numbers on [0, 1] (in log space where
// log), a choice one code per option, a flag 0/1, a parameter that does not apply −1.

import type { Hyperparameters } from '../models/types';
import { createRandom, deriveSeed } from '../random/prng';
import { buildCart } from '../models/trees/cart/build-cart';
import { addTreePredictions, type CartTree } from '../models/trees/cart/cart-tree';
import { drawUniformConfig } from './random-sampler';
import { isSuccess, selectBudgetObservations } from './select-budget-observations';
import { isParamActive, orderParamsByCondition } from './space-params';
import type { Observation, ParamRange, SearchSpace } from './types';

export interface ParamImportance {
  readonly name: string;
  /** Share of the surrogate's variance over the space explained by this parameter alone, 0 … 1. */
  readonly importance: number;
}

const TREES = 64;
const BACKGROUND = 128;
const NUMBER_POINTS = 16;
const MIN_OBSERVATIONS = 5;

/** Importances sorted highest first (ties in space order); null with fewer than 5 successful observations. */
export function measureParamImportance(space: SearchSpace, observations: readonly Observation[], seed: number): ParamImportance[] | null {
  const used = selectBudgetObservations(observations, MIN_OBSERVATIONS).filter(isSuccess);
  if (used.length < MIN_OBSERVATIONS) return null;
  const params = orderParamsByCondition(space.params);
  const trees = fitSurrogate(params, used.map((o) => encodeConfig(params, o.params)), used.map((o) => o.loss), seed);
  const random = createRandom(deriveSeed(seed, TREES));
  // Latent draws give every parameter a value; encodeConfig then marks what the point's parents switch off.
  const background = Array.from({ length: BACKGROUND }, () => drawLatent(params, random));
  const predict = (configs: Hyperparameters[]) => predictForest(trees, configs.map((c) => encodeConfig(params, c)), params.length);
  const total = measureVariance(predict(background));
  const importances = params.map((range) => {
    if (total <= 0) return { name: range.name, importance: 0 };
    const effect = listMarginalValues(range).map((value) => mean(predict(background.map((b) => ({ ...b, [range.name]: value })))));
    return { name: range.name, importance: Math.min(1, measureVariance(effect) / total) };
  });
  return importances.map((p, i) => ({ p, i })).sort((a, b) => b.p.importance - a.p.importance || a.i - b.i).map(({ p }) => p);
}

function fitSurrogate(params: readonly ParamRange[], rows: number[][], losses: number[], seed: number): CartTree[] {
  const n = rows.length;
  const values = Float64Array.from(rows.flat());
  const y = Float64Array.from(losses);
  const settings = { criterion: 'squared_error' as const, maxDepth: 0, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: params.length, classes: 0 };
  return Array.from({ length: TREES }, (_, t) => {
    const random = createRandom(deriveSeed(seed, t));
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[Math.floor(random() * n)]++;
    const picked = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => weights[i] > 0);
    return buildCart({ values, cols: params.length, y, weights }, picked, settings, random).tree;
  });
}

function predictForest(trees: readonly CartTree[], rows: number[][], cols: number): number[] {
  const values = Float64Array.from(rows.flat());
  const out = new Float64Array(rows.length);
  for (const tree of trees) addTreePredictions(tree, values, rows.length, cols, out, 1 / trees.length);
  return Array.from(out);
}

/** Every parameter set (conditions ignored), so that fixing a parent can switch a child on. */
function drawLatent(params: readonly ParamRange[], random: () => number): Hyperparameters {
  return drawUniformConfig(params.map(({ when: _when, ...range }) => range as ParamRange), {}, random);
}

/** The parameter's values the main effect is read at: every option, or evenly spaced points (log-spaced where log). */
function listMarginalValues(range: ParamRange): (string | number | boolean)[] {
  if (range.kind === 'choice') return [...range.options];
  if (range.kind === 'bool') return [false, true];
  return Array.from({ length: NUMBER_POINTS }, (_, i) => decodeUnit(range, i / (NUMBER_POINTS - 1)));
}

function encodeConfig(params: readonly ParamRange[], config: Readonly<Hyperparameters>): number[] {
  // Parents outside the searched parameters (fixed ones) count as set; searched ones only once found active.
  const active: Hyperparameters = Object.fromEntries(Object.entries(config).filter(([name]) => !params.some((p) => p.name === name)));
  return params.map((range) => {
    const value = config[range.name];
    if (value === undefined || !isParamActive(range, active)) return -1;
    active[range.name] = value;
    if (range.kind === 'choice') return range.options.indexOf(value as string);
    if (range.kind === 'bool') return value ? 1 : 0;
    return typeof value === 'number' ? encodeUnit(range, value) : -1;
  });
}

function encodeUnit(range: Extract<ParamRange, { kind: 'int' | 'float' }>, value: number): number {
  const x = Math.min(range.max, Math.max(range.min, value));
  return range.log ? Math.log(x / range.min) / Math.log(range.max / range.min) : (x - range.min) / (range.max - range.min);
}

function decodeUnit(range: Extract<ParamRange, { kind: 'int' | 'float' }>, u: number): number {
  const x = range.log ? range.min * (range.max / range.min) ** u : range.min + u * (range.max - range.min);
  return range.kind === 'int' ? Math.round(x) : x;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function measureVariance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length;
}
