// The basic metrics, each a pure function over typed arrays returning a MetricValue.

export * from './metric-value';
export * from './classification-metrics';
export * from './ranking-metrics';
export * from './probability-metrics';
export * from './regression-metrics';
export * from './confusion-matrix';
export * from './agreement-metrics';
export * from './classification-report';
export * from './sweep-thresholds';
export * from './compute-curves';
export * from './calibration-curve';
export * from './fit-platt';
export * from './fit-isotonic';
export * from './diagnose-regression';
export * from './gain-lift';
export * from './expected-cost';
export * from './bootstrap-metric';
export * from './group-rows';
export * from './compute-slices';
export * from './compute-fairness';
export * from './find-worst-predictions';
export * from './select-problem-metric';
