// A new batch against a model version's input contract: the schema check of the Predict path (checkTableAgainstContract's
// alignment: missing/extra columns, type changes, unseen categories, out-of-range values, new missing values), then
// drift per feature on the aligned columns, with the Bonferroni and small-batch notes.

import { alignTableToContract, describeContractReport } from '../export/check-contract';
import type { ContractColumn, InputContract } from '../export/input-contract';
import { ExportError } from '../errors';
import { PSI_BINS, PSI_FLOOR } from '../stats/measure-psi';
import { sortFinite } from '../stats/sort-finite';
import type { BooleanColumn, CategoricalColumn, Column, Table } from '../table/types';
import { checkBatchShape, describeNoReference, describeUnmeasured } from './check-batch-shape';
import { classifyPsi, describeMultipleTesting, describeSmallBatch, PSI_BINNING_DESCRIPTION, resolveDriftThresholds, SMALL_BATCH_ROWS, worseStatus } from './drift-settings';
import type { DriftOptions, DriftReport, DriftThresholds, FeatureDrift, UnmeasuredFeature } from './drift-types';
import { measureCategoryDrift } from './measure-category-drift';
import { measureNumericDrift } from './measure-numeric-drift';

/** A feature before the Bonferroni adjustment, which needs every feature's count. */
type Measured = FeatureDrift extends infer F ? (F extends FeatureDrift ? Omit<F, 'pValueAdjusted'> : never) : never;

/**
 * The drift report of `table` (a batch, with or without the target column) against `contract`. Throws a DataError
 * for an empty or one-row batch or one sharing no column with the contract, and an ExportError when no feature can
 * be measured because the contract predates stored references; otherwise unmeasured columns are listed with why.
 * `notLogged` names contract columns a prediction log left out on purpose: unmeasured, and not a schema problem.
 */
export function measureBatchDrift(contract: InputContract, table: Table, options: DriftOptions = {}, notLogged: readonly string[] = []): DriftReport {
  const thresholds = resolveDriftThresholds(options);
  const skipped = new Set(notLogged);
  const checked = skipped.size === 0 ? contract : { ...contract, columns: contract.columns.filter((c) => !skipped.has(c.name)) };
  checkBatchShape(checked, table);
  const { table: aligned, report: schema } = alignTableToContract(table, checked);
  const byName = new Map(aligned.columns.map((column) => [column.name, column]));
  const measured: Measured[] = [];
  const unmeasured: UnmeasuredFeature[] = [];
  for (const expected of contract.columns) {
    const column = byName.get(expected.name);
    const result = skipped.has(expected.name) ? 'not-logged' : column === undefined ? 'missing-in-batch' : measureFeature(expected, column, contract.trainRowCount, thresholds);
    if (typeof result === 'string') unmeasured.push({ column: expected.name, reason: result, message: describeUnmeasured(expected.name, result) });
    else measured.push(result);
  }
  const noReference = unmeasured.filter((u) => u.reason === 'no-reference').map((u) => u.column);
  if (measured.length === 0 && noReference.length > 0) throw new ExportError(describeNoReference(noReference, true));
  const tests = measured.length;
  const features = measured.map((feature) => ({ ...feature, pValueAdjusted: Math.min(1, pValueOf(feature) * tests) }) as FeatureDrift);
  const significant = features.filter((f) => f.pValueAdjusted < thresholds.alpha).map((f) => f.column);
  return {
    formatVersion: 1,
    rowCount: table.rowCount,
    status: features.reduce((worst, f) => worseStatus(worst, f.status), 'ok' as FeatureDrift['status']),
    thresholds,
    binning: { bins: PSI_BINS, floor: PSI_FLOOR, description: PSI_BINNING_DESCRIPTION },
    features,
    unmeasured,
    schema,
    schemaMessages: describeContractReport(schema),
    multipleTesting: { tests, alpha: thresholds.alpha, significant, note: describeMultipleTesting(tests, thresholds.alpha, significant) },
    smallBatch: table.rowCount < SMALL_BATCH_ROWS ? { rows: table.rowCount, minimumRows: SMALL_BATCH_ROWS, note: describeSmallBatch(table.rowCount) } : null,
    notes: noReference.length > 0 ? [describeNoReference(noReference, false)] : [],
  };
}

function pValueOf(feature: Measured): number {
  return 'ks' in feature ? feature.ks.pValue : feature.chiSquare.pValue;
}

/** One feature's drift, or the reason it has none. `column` is aligned: it has the contract's kind. */
function measureFeature(expected: ContractColumn, column: Column, trainRowCount: number, thresholds: DriftThresholds): Measured | UnmeasuredFeature['reason'] {
  const rows = column.kind === 'categorical' ? column.codes.length : column.kind === 'text' ? column.offsets.length - 1 : column.values.length;
  const base = { column: expected.name, referenceMissing: trainRowCount > 0 ? expected.missing / trainRowCount : 0, rows, thresholds };
  switch (expected.kind) {
    case 'numeric':
    case 'datetime':
      return column.kind === 'numeric' || column.kind === 'datetime' ? measureNumericFeature(expected, column.values, base) : 'no-batch-values';
    case 'categorical':
    case 'boolean':
      return column.kind === 'categorical' || column.kind === 'boolean' ? measureCategoryFeature(expected, column, base) : 'no-batch-values';
    case 'text':
      return 'text';
  }
}

interface FeatureBase {
  column: string;
  referenceMissing: number;
  rows: number;
  thresholds: DriftThresholds;
}

function measureNumericFeature(expected: Extract<ContractColumn, { kind: 'numeric' | 'datetime' }>, values: Float64Array, base: FeatureBase): Measured | UnmeasuredFeature['reason'] {
  if (expected.reference === undefined) return 'no-reference';
  if (expected.reference.sample.length === 0) return 'no-reference-values';
  const { sorted } = sortFinite(values);
  if (sorted.length === 0) return 'no-batch-values';
  const measures = measureNumericDrift(Float64Array.from(expected.reference.sample).sort(), sorted);
  return {
    column: base.column, kind: expected.kind, status: classifyPsi(measures.psi, base.thresholds), ...measures,
    missingRate: { reference: base.referenceMissing, batch: (base.rows - sorted.length) / base.rows },
    compared: { reference: expected.reference.sample.length, batch: sorted.length },
    smallSample: sorted.length < SMALL_BATCH_ROWS,
  };
}

function measureCategoryFeature(expected: Extract<ContractColumn, { kind: 'categorical' | 'boolean' }>, column: CategoricalColumn | BooleanColumn, base: FeatureBase): Measured | UnmeasuredFeature['reason'] {
  const referenceCount = expected.kind === 'boolean' ? expected.trueCount + expected.falseCount : expected.counts.reduce((a, b) => a + b, 0);
  if (referenceCount === 0) return 'no-reference-values';
  const { present, ...measures } = measureCategoryDrift(expected, column);
  if (present === 0) return 'no-batch-values';
  return {
    column: base.column, kind: expected.kind, status: classifyPsi(measures.psi, base.thresholds), ...measures,
    missingRate: { reference: base.referenceMissing, batch: (base.rows - present) / base.rows },
    compared: { reference: referenceCount, batch: present },
    smallSample: present < SMALL_BATCH_ROWS,
  };
}
