// Everything the routes share, built once at start-up: the served versions (the canary or shadow checked against
// the main model's input contract), the canary router, metrics, the prediction log and the token checks. Any
// problem is an OptionsError here, before the port opens, never an error under traffic.

import type { IncomingHttpHeaders } from 'node:http';
import { createTokenCheck, type TokenRefusal } from './check-bearer-token';
import { createVersionChooser } from './choose-version';
import { describeContractDifferences } from './compare-contracts';
import { loadServedModel, type ServedModel } from './load-served-model';
import { openPredictionLog, type PredictionLogWriter } from './prediction-log';
import { OptionsError, type ServeOptions } from './read-serve-options';
import { createServiceMetrics, type ServiceMetrics } from './service-metrics';

export type ServedRole = 'main' | 'canary' | 'shadow';

export interface ServiceContext {
  options: ServeOptions;
  main: ServedModel;
  canary: { model: ServedModel; role: 'canary' | 'shadow' } | null;
  chooseVersion(headers: IncomingHttpHeaders): 'main' | 'canary';
  metrics: ServiceMetrics;
  log: PredictionLogWriter | null;
  /** The input columns each logged row keeps (the schema's, or the --log-fields allow-list). */
  loggedFields: string[];
  checkToken: ((authorization: string | undefined) => TokenRefusal | null) | null;
  checkMetricsToken: ((authorization: string | undefined) => TokenRefusal | null) | null;
  /** Draws in [0, 1): log sampling and canary routing without a key. */
  random(): number;
  /** A problem worth a line on stderr that does not stop the service. */
  warn(message: string): void;
  /** Work that outlives its response (shadow scoring); shutdown waits for it before the log closes. */
  background: Set<Promise<void>>;
}

export interface ContextHooks {
  warn(message: string): void;
  random?: () => number;
  /** Epoch ms; names the log files and process_start_time_seconds. */
  startMs?: number;
}

export async function createServiceContext(options: ServeOptions, hooks: ContextHooks): Promise<ServiceContext> {
  const random = hooks.random ?? Math.random;
  const startMs = hooks.startMs ?? Date.now();
  const main = await loadServedModel(options.model, '--model');
  const canary = options.canary === null ? null : { model: await loadServedModel(options.canary.source, '--canary'), role: options.canary.shadow ? 'shadow' as const : 'canary' as const };
  if (canary !== null) checkCanary(main, canary.model, canary.role);
  const loggedFields = selectLoggedFields(main, options.log?.fields ?? null);
  const versions = [{ version: main.version, task: main.predictor.task, role: 'main' as const }, ...(canary ? [{ version: canary.model.version, task: canary.model.predictor.task, role: canary.role }] : [])];
  const metrics = createServiceMetrics(versions, options.valueBuckets, startMs);
  const log = options.log === null ? null : await openPredictionLog(options.log.dir, options.log.maxBytes, {
    onWritten: (type, count) => metrics.recordLogLines(type, count),
    onError: (kind, message, count) => {
      metrics.recordLogError(kind, count);
      if (message !== null) hooks.warn(message);
    },
  }, startMs);
  return {
    options, main, canary, metrics, log, loggedFields, random, warn: hooks.warn, background: new Set(),
    chooseVersion: createVersionChooser(options.canary?.share ?? 0, options.canary?.keyHeader ?? 'x-request-key', random),
    checkToken: options.token === null ? null : createTokenCheck(options.token),
    checkMetricsToken: options.metricsToken === null ? null : createTokenCheck(options.metricsToken),
  };
}

function checkCanary(main: ServedModel, other: ServedModel, role: 'canary' | 'shadow'): void {
  const differences = describeContractDifferences(main.predictor.schema, other.predictor.schema);
  if (differences.length > 0) {
    throw new OptionsError(`--canary ${other.version} takes other input than --model ${main.version}: ${differences.join('; ')}. A ${role} must read the same columns and categories; export both from the same data, or serve it alone.`);
  }
  if (other.predictor.task !== main.predictor.task) throw new OptionsError(`--canary ${other.version} is a ${other.predictor.task} model but --model ${main.version} is ${main.predictor.task}: their answers cannot be compared.`);
  if (other.version === main.version) throw new OptionsError(`--model and --canary are both version ${main.version}: their answers and metrics could not be told apart. Give the canary another run's bundle.`);
}

function selectLoggedFields(main: ServedModel, allowList: string[] | null): string[] {
  const columns = main.predictor.schema.columns.map((c) => c.name);
  if (allowList === null) return columns;
  const unknown = allowList.filter((field) => !columns.includes(field));
  if (unknown.length > 0) throw new OptionsError(`--log-fields names ${unknown.map((f) => `"${f}"`).join(', ')}, which the model does not read; choose among ${columns.map((c) => `"${c}"`).join(', ')}.`);
  return allowList;
}
