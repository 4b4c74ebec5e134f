// The basic metrics, each a pure function over typed arrays returning a MetricValue.

export * from './metric-value';
export * from './classification-metrics';
export * from './ranking-metrics';
export * from './probability-metrics';
export * from './regression-metrics';
