// The trees suite's ratios (bench/README.md, "Ratios") and printed table, from the result suite.mjs returns.
import { formatMs, makeRatio } from '../lib/ratios.mjs';

const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median ms and accuracy of one side's runs (null when it did not run). */
export function summarizeSide(runs) {
  if (!runs || runs.length === 0) return null;
  return { ms: median(runs.map((r) => r.ms)), accuracy: median(runs.map((r) => r.accuracy)), version: runs[0].version };
}

const show = (side) => (side ? `${formatMs(side.ms)}, acc ${side.accuracy?.toFixed(4)}` : 'not measured');
const size = (result) => `${Math.round(result.rows / 1000)}k×${result.cols}`;

function timeRow(what, ours, theirs, target, missing) {
  if (!ours || !theirs) return makeRatio({ what, ours: show(ours), reference: theirs ? show(theirs) : `not measured${missing ? `: ${missing}` : ''}`, ratio: null, target, met: null });
  return makeRatio({ what, ours: show(ours), reference: show(theirs), ratio: ours.ms / theirs.ms, target });
}

function accuracyRow(what, ours, theirs) {
  if (!ours || !theirs) return makeRatio({ what, ours: show(ours), reference: 'not measured', ratio: null, target: '± 0.005', met: null });
  const gap = ours.accuracy - theirs.accuracy;
  return makeRatio({ what: `${what} (ratio: accuracy ÷ reference's; met: |difference| ≤ 0.005, here ${gap >= 0 ? '+' : ''}${gap.toFixed(4)})`,
    ours: ours.accuracy.toFixed(4), reference: theirs.accuracy.toFixed(4), ratio: ours.accuracy / theirs.accuracy, target: '± 0.005', met: Math.abs(gap) <= 0.005 + 1e-9 });
}

function boostingRatios(result) {
  const g = result.gbdt;
  const s = Object.fromEntries(['ours', 'histGbAll', 'histGbOne', 'xgboostAll', 'xgboostOne'].map((k) => [k, summarizeSide(g[k])]));
  const n = `${size(result)} fit time`;
  const rows = [
    timeRow(`gradient boosting ${n}, ours (1 thread) vs sklearn HistGB (all ${result.threads} cores)`, s.ours, s.histGbAll, '≤ 1', result.problems.sklearn),
    timeRow(`gradient boosting ${n}, ours (1 thread) vs XGBoost hist (all ${result.threads} cores)`, s.ours, s.xgboostAll, '≤ 1', result.problems.xgboost),
    timeRow(`gradient boosting ${n}, ours vs sklearn HistGB (1 thread)`, s.ours, s.histGbOne, '≤ 1', result.problems.sklearn),
    timeRow(`gradient boosting ${n}, ours vs XGBoost hist (1 thread)`, s.ours, s.xgboostOne, '≤ 1', result.problems.xgboost),
    accuracyRow('gradient boosting accuracy vs sklearn HistGB', s.ours, s.histGbAll),
    accuracyRow('gradient boosting accuracy vs XGBoost hist', s.ours, s.xgboostAll),
  ];
  const t = g.threads;
  if (!t?.measured) {
    rows.push(makeRatio({ what: `gradient boosting ${n}, ours on ${result.threads} threads vs sklearn HistGB (all cores)`, ours: `not measured: ${t?.reason ?? 'not run'}`, reference: show(s.histGbAll), ratio: null, target: '≤ 1', met: null }));
    return rows;
  }
  const [one, all] = [summarizeSide(t.one), summarizeSide(t.all)];
  const speedUp = `1 → ${t.threads} threads: ${formatMs(one.ms)} → ${formatMs(all.ms)}, ${(one.ms / all.ms).toFixed(2)}×`;
  rows.push(timeRow(`gradient boosting ${n}, ours on ${t.threads} threads vs sklearn HistGB (all ${result.threads} cores); ${speedUp}`, all, s.histGbAll, '≤ 1', result.problems.sklearn));
  rows.push(timeRow(`gradient boosting ${n}, ours on ${t.threads} threads vs XGBoost hist (all ${result.threads} cores)`, all, s.xgboostAll, '≤ 1', result.problems.xgboost));
  return rows;
}

function forestRatios(result) {
  const f = result.forest;
  const s = Object.fromEntries(['oursOne', 'oursAll', 'sklearnOne', 'sklearnAll'].map((k) => [k, summarizeSide(f[k])]));
  const n = `random forest ${result.trees} trees ${size(result)} fit time`;
  const rows = [
    timeRow(`${n}, ours on 1 worker vs sklearn n_jobs=1`, s.oursOne, s.sklearnOne, '≤ 1', result.problems.sklearn),
    timeRow(`${n}, ours on ${result.threads} workers vs sklearn n_jobs=-1 (${result.threads} cores)`, s.oursAll, s.sklearnAll, '≤ 1', result.problems.sklearn),
  ];
  const ours = s.oursOne && s.oursAll ? s.oursOne.ms / s.oursAll.ms : null;
  const theirs = s.sklearnOne && s.sklearnAll ? s.sklearnOne.ms / s.sklearnAll.ms : null;
  rows.push(makeRatio({ what: `random forest speed-up 1 → ${result.threads} (ratio: ours ÷ sklearn's speed-up)`, ours: ours ? `${ours.toFixed(2)}×` : 'n/a',
    reference: theirs ? `${theirs.toFixed(2)}×` : 'n/a', ratio: ours && theirs ? ours / theirs : null, target: 'stated', met: null }));
  return rows;
}

/** The suite's ratio rows (see bench/README.md, "Ratios"). */
export function listTreesRatios(result) {
  return [...(result.gbdt ? boostingRatios(result) : []), ...(result.forest ? forestRatios(result) : [])];
}

/** The printed table: one line per ratio, then the sizes, repeats and load. */
export function describeTrees(result) {
  const lines = listTreesRatios(result).map((r) => `${r.what}\n    ours ${r.ours} | reference ${r.reference} | ratio ${r.ratio === null ? '—' : r.ratio.toFixed(2)} (target ${r.target}: ${r.met === null ? '—' : r.met ? 'met' : 'MISSED'})`);
  const notes = [`${result.rows} rows × ${result.cols} (train ${result.trainRows}); medians of ${result.repeats} (boosting) and ${result.forestRepeats} (forest) alternating runs; load ${result.loadBefore} → ${result.loadAfter}`,
    ...Object.entries(result.problems).filter(([, p]) => p).map(([name, p]) => `${name} MISSING — its side skipped: ${p}`)];
  return [...lines, ...notes].join('\n');
}
