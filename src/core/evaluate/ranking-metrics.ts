// Score-ranking metrics as scikit-learn computes them: ROC-AUC (binary, tied scores counted half; multiclass
// one-vs-rest macro) and average precision (step-wise, one point per distinct score).

import { assertSameLength, EMPTY_INPUT, metricOf, undefinedMetric, type MetricValue } from './metric-value';

/** Row order by descending score (stable). */
function orderByScoreDescending(yScore: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: yScore.length }, (_, i) => i);
  return order.sort((a, b) => yScore[b] - yScore[a] || a - b);
}

/** Binary ROC-AUC of `yScore` for yTrue === positiveClass; ties between a positive and a negative count half. */
export function computeRocAuc(yTrue: Float64Array, yScore: ArrayLike<number>, positiveClass = 1): MetricValue {
  assertSameLength(yTrue, yScore, 'yScore');
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  const order = orderByScoreDescending(yScore);
  let positives = 0;
  let negatives = 0;
  let area = 0; // Σ over negatives of (#positives scored above + ½ #positives tied with it)
  for (let start = 0; start < order.length; ) {
    let end = start;
    let tiedPositives = 0;
    let tiedNegatives = 0;
    while (end < order.length && yScore[order[end]] === yScore[order[start]]) {
      if (yTrue[order[end]] === positiveClass) tiedPositives++;
      else tiedNegatives++;
      end++;
    }
    area += tiedNegatives * (positives + tiedPositives / 2);
    positives += tiedPositives;
    negatives += tiedNegatives;
    start = end;
  }
  if (positives === 0 || negatives === 0) return undefinedMetric('only one class is present in yTrue; ROC-AUC needs both');
  return metricOf(area / (positives * negatives));
}

/** Multiclass ROC-AUC: mean over classes of class-vs-rest AUC; `yScore` is row-major rows × classCount. */
export function computeRocAucOneVsRest(yTrue: Float64Array, yScore: Float64Array, classCount: number): MetricValue {
  assertSameLength(yTrue, yScore, 'yScore', classCount);
  const column = new Float64Array(yTrue.length);
  let sum = 0;
  for (let c = 0; c < classCount; c++) {
    for (let i = 0; i < yTrue.length; i++) column[i] = yScore[i * classCount + c];
    const auc = computeRocAuc(yTrue, column, c);
    if (auc.value === null) return undefinedMetric(`class ${c} ${auc.reason === EMPTY_INPUT ? 'has no rows' : 'is absent from yTrue or is all of it'}; one-vs-rest ROC-AUC needs every class present`);
    sum += auc.value;
  }
  return metricOf(sum / classCount);
}

/** Average precision Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct score thresholds, for yTrue === positiveClass. */
export function computeAveragePrecision(yTrue: Float64Array, yScore: ArrayLike<number>, positiveClass = 1): MetricValue {
  assertSameLength(yTrue, yScore, 'yScore');
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  let totalPositives = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === positiveClass) totalPositives++;
  if (totalPositives === 0) return undefinedMetric('no positive rows in yTrue; average precision needs at least one');
  const order = orderByScoreDescending(yScore);
  let truePositives = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && yScore[order[end]] === yScore[order[start]]) {
      if (yTrue[order[end]] === positiveClass) truePositives++;
      end++;
    }
    seen = end;
    const recall = truePositives / totalPositives;
    ap += (recall - previousRecall) * (truePositives / seen);
    previousRecall = recall;
    start = end;
  }
  return metricOf(ap);
}
