// The service's metrics (GET /metrics): requests and their latency per route, status and answering version,
// predictions per class (classifiers, clusters) or a histogram of predicted values (regression), rows scored, input
// validation failures by reason, the versions held, prediction-log health and the process's memory.

import { createMetricsRegistry } from './metrics-registry';

/** Why a request's input was refused (one per refused request, the first that applies). */
export type ValidationReason = 'missing_column' | 'type' | 'unseen_category' | 'bad_json' | 'bad_shape' | 'content_type' | 'too_large' | 'auth';

/** Routes the service answers; anything else is counted as "other", so a scanner cannot grow the series. */
export const ROUTES = ['/predict', '/feedback', '/health', '/metadata', '/metrics'] as const;

/** Request latency buckets in seconds: 5 ms … 10 s. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Default regression buckets: 0 and ±10^k for k = −1 … 6 (set --value-buckets to the target's own scale). */
export const DEFAULT_VALUE_BUCKETS = [-1e6, -1e5, -1e4, -1e3, -100, -10, -1, -0.1, 0, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6];

export interface ServedVersion {
  version: string;
  task: string;
  role: 'main' | 'canary' | 'shadow';
}

export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;

/** The metric families, registered once at start-up; `startTimeMs` is the process's start (epoch ms). */
export function createServiceMetrics(versions: readonly ServedVersion[], valueBuckets: readonly number[], startTimeMs: number) {
  const registry = createMetricsRegistry();
  const requests = registry.counter('mlstudio_requests_total', 'HTTP requests answered, by route, status code and the model version that answered (the main version for routes that do not score).');
  const duration = registry.histogram('mlstudio_request_duration_seconds', 'Time from the request arriving to its answer being written, in seconds, by route, status and version.', DURATION_BUCKETS_S);
  const predictions = registry.counter('mlstudio_predictions_total', 'Rows predicted as each class (classifiers) or cluster (clustering), by version.');
  const values = registry.histogram('mlstudio_prediction_value', 'Predicted values of a regression model, by version (missing predictions are not counted).', valueBuckets);
  const rows = registry.counter('mlstudio_rows_total', 'Rows scored, by version and role (main, canary, shadow).');
  const failures = registry.counter('mlstudio_validation_failures_total', 'Requests refused for their input, by reason: missing_column, type, unseen_category, bad_json, bad_shape, content_type, too_large, auth.');
  const shadowErrors = registry.counter('mlstudio_shadow_errors_total', 'Requests the shadow version failed to score (the main answer was sent regardless), by version.');
  const logLines = registry.counter('mlstudio_prediction_log_lines_total', 'Lines appended to the prediction log, by type (prediction, feedback).');
  const logErrors = registry.counter('mlstudio_prediction_log_errors_total', 'Prediction-log writes that failed (see stderr) or lines dropped because the disk could not keep up, by kind (write, dropped).');
  registry.gauge('mlstudio_model_info', 'The model versions this process serves (value always 1), with their task and role.', () => versions.map((v) => [{ version: v.version, task: v.task, role: v.role }, 1]));
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => [[{}, process.memoryUsage.rss()]]);
  registry.gauge('process_heap_bytes', 'V8 heap in use, in bytes.', () => [[{}, process.memoryUsage().heapUsed]]);
  registry.gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch, in seconds.', () => [[{}, Math.floor(startTimeMs / 1000)]]);
  return {
    /** One answered request; `durationS` from arrival to the answer written. */
    recordRequest(route: string, status: number, version: string, durationS: number) {
      const labels = { route: (ROUTES as readonly string[]).includes(route) ? route : 'other', status: String(status), version };
      requests.inc(labels);
      duration.observe(labels, durationS);
    },
    /** A scored request's predictions (class labels, cluster ids or numbers; null = not scored). */
    recordPredictions(version: string, role: ServedVersion['role'], task: string, predicted: readonly (string | number | null)[]) {
      rows.inc({ version, role }, predicted.length);
      if (task === 'regression') {
        for (const value of predicted) if (typeof value === 'number' && Number.isFinite(value)) values.observe({ version }, value);
        return;
      }
      const perClass = new Map<string, number>();
      for (const value of predicted) if (value !== null) perClass.set(String(value), (perClass.get(String(value)) ?? 0) + 1);
      for (const [label, count] of perClass) predictions.inc({ class: label, version }, count);
    },
    recordValidationFailure: (reason: ValidationReason) => failures.inc({ reason }),
    recordShadowError: (version: string) => shadowErrors.inc({ version }),
    recordLogLines: (type: 'prediction' | 'feedback', count: number) => logLines.inc({ type }, count),
    recordLogError: (kind: 'write' | 'dropped', count = 1) => logErrors.inc({ kind }, count),
    render: () => registry.render(),
  };
}
