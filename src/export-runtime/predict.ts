// predict.mjs: a bundle's model in plain JavaScript (Node or a browser, no dependencies): `loadBundle(dir or parts)`
// then `predict(rows)`. Rows are checked against schema.json first; scoring is core's predictTable, the studio's path.

import { describeContractReport, type ContractReport } from '../core/export/check-contract';
import type { InputContract } from '../core/export/input-contract';
import { predictTable, rowsToTable, type RowProblem, type ScoredTable, type ScoringRun } from '../core/export/predict-table';
import type { SerializedModel, Task } from '../core/models/types';
import type { Table } from '../core/table/types';
import type { FittedPipeline } from '../core/transform/fitted-types';

/** The bundle's JSON files, parsed (a browser fetches them itself); `manifest` supplies the run's feature names when given. */
export interface BundleParts {
  pipeline: FittedPipeline;
  model: SerializedModel;
  schema: InputContract;
  manifest?: { run?: { featureNames?: string[]; classes?: string[]; task?: Task } };
}

/** Predictions in row order: class labels, numbers or cluster ids (null: the row was not scored). */
export interface Prediction {
  predictions: (string | number | null)[];
  /** Classification: per row, one probability per class in `classes` order. */
  probabilities?: (number | null)[][];
  classes?: string[];
  /** What differs from the training data (unseen categories, out-of-range values…), most serious first. */
  warnings: string[];
}

/** Rows that cannot be scored: cells of the wrong type, absent columns, or (when refused) unseen categories. */
export class InvalidRowsError extends Error {
  readonly problems: RowProblem[];
  readonly missingColumns: string[];
  readonly unseenCategories: ContractReport['unseenCategories'];
  constructor(message: string, details: { problems?: RowProblem[]; missingColumns?: string[]; unseenCategories?: ContractReport['unseenCategories'] } = {}) {
    super(message);
    this.name = 'InvalidRowsError';
    this.problems = details.problems ?? [];
    this.missingColumns = details.missingColumns ?? [];
    this.unseenCategories = details.unseenCategories ?? [];
  }
}

export interface Predictor {
  readonly schema: InputContract;
  readonly task: Task;
  readonly classes: string[] | null;
  /** Scores JSON rows; `allowUnseen: false` refuses rows with categories never seen in training. */
  predict(rows: readonly Record<string, unknown>[], options?: { allowUnseen?: boolean; signal?: AbortSignal }): Promise<Prediction>;
  /** Scores a table (CSV read as text columns: the schema converts them). */
  predictTable(table: Table, signal?: AbortSignal): Promise<ScoredTable>;
}

/** Loads a bundle from its folder (Node: a path or file: URL) or from its parsed JSON files (anywhere). */
export async function loadBundle(source: string | URL | BundleParts): Promise<Predictor> {
  const parts = typeof source === 'string' || source instanceof URL ? await readBundleFolder(source) : source;
  return createPredictor(parts);
}

/** A predictor over parsed bundle files. */
export function createPredictor(parts: BundleParts): Predictor {
  const { pipeline, model, schema } = parts;
  const run: ScoringRun = {
    pipeline, model,
    featureNames: parts.manifest?.run?.featureNames ?? model.featureNames,
    task: parts.manifest?.run?.task ?? model.task,
    ...((parts.manifest?.run?.classes ?? model.classes) ? { classes: parts.manifest?.run?.classes ?? model.classes } : {}),
  };
  return {
    schema, task: run.task, classes: run.classes ?? null,
    predictTable: (table, signal) => predictTable(run, schema, table, signal),
    async predict(rows, options = {}) {
      if (!Array.isArray(rows)) throw new InvalidRowsError('Pass an array of rows (objects of column values).');
      const { table, problems } = rowsToTable(rows, schema);
      if (problems.length > 0) throw new InvalidRowsError(`${problems.length} value${problems.length === 1 ? '' : 's'} cannot be read: ${problems.slice(0, 5).map((p) => p.message).join('; ')}.`, { problems });
      return toPrediction(await scoreChecked(run, schema, table, options.allowUnseen ?? true, options.signal));
    },
  };
}

/** Scores `table`, refusing missing columns (always) and unseen categories (unless allowed) with an InvalidRowsError. */
export async function scoreChecked(run: ScoringRun, schema: InputContract, table: Table, allowUnseen: boolean, signal?: AbortSignal): Promise<ScoredTable> {
  const present = new Set(table.columns.map((column) => column.name));
  const missingColumns = schema.columns.map((column) => column.name).filter((name) => !present.has(name));
  if (missingColumns.length > 0) {
    throw new InvalidRowsError(`Missing column${missingColumns.length === 1 ? '' : 's'} ${missingColumns.map((n) => `"${n}"`).join(', ')}: the model reads ${missingColumns.length === 1 ? 'it' : 'them'} (see schema.json; send null for a missing value).`, { missingColumns });
  }
  const scored = await predictTable(run, schema, table, signal);
  const unseen = scored.report.unseenCategories;
  if (!allowUnseen && unseen.length > 0) {
    const list = unseen.map((u) => `"${u.column}": ${u.values.map((v) => JSON.stringify(v)).join(', ')}`).join('; ');
    throw new InvalidRowsError(`Categories never seen in training: ${list}. Send known categories, or start the server with ALLOW_UNSEEN=1.`, { unseenCategories: unseen });
  }
  return scored;
}

/** A scored table as plain JSON-ready arrays. */
export function toPrediction(scored: ScoredTable): Prediction {
  const warnings = describeContractReport(scored.report).map((m) => m.message);
  if (scored.clusters) return { predictions: Array.from(scored.clusters, (c) => (c < 0 ? null : c)), warnings };
  if (scored.classes !== null && scored.label !== null) {
    const count = scored.classes.length;
    const proba = scored.probabilities;
    const probabilities = proba === null ? undefined : scored.label.map((_, r) => Array.from(proba.subarray(r * count, (r + 1) * count), (p) => (Number.isNaN(p) ? null : p)));
    return { predictions: scored.label, ...(probabilities ? { probabilities } : {}), classes: scored.classes, warnings };
  }
  return { predictions: Array.from(scored.prediction ?? [], (p) => (Number.isNaN(p) ? null : p)), warnings };
}

/** Reads pipeline.json, model.json, schema.json and manifest.json from a bundle folder (Node only). */
async function readBundleFolder(folder: string | URL): Promise<BundleParts> {
  const { readFile } = await import('node:fs/promises');
  const base = typeof folder === 'string' ? folder.replace(/\/?$/, '/') : new URL(folder.href.replace(/\/?$/, '/'));
  const read = async (name: string) => JSON.parse(await readFile(typeof base === 'string' ? `${base}${name}` : new URL(name, base), 'utf8')) as unknown;
  const [pipeline, model, schema, manifest] = await Promise.all([read('pipeline.json'), read('model.json'), read('schema.json'), read('manifest.json').catch(() => undefined)]);
  return { pipeline, model, schema, manifest } as BundleParts;
}

// serve.mjs and score.mjs import these from the bundle's predict.mjs, so core ships once.
export { describeContractReport, type ContractReport } from '../core/export/check-contract';
export { createPredictionsCsvWriter } from '../core/export/predict-table';
export { cellsToTable } from './read-csv-rows';
export { createCsvRowStream, readCsvText } from './read-csv-text';
export { computeLogSchemaHash } from '../core/monitor/read-prediction-log';
