// A table to score, checked against a run's input contract and aligned to it: the contract's columns in its order
// (extra ones dropped), kinds converted where they differ, categories re-coded onto the contract's levels (new
// levels appended after them, so steps that work by name still see the text) — and a report of what differed.

import { convertColumn } from '../table/apply-column-overrides';
import { compareLabels } from '../table/sort-levels';
import type { CategoricalColumn, Column, ColumnKind, Table } from '../table/types';
import { BOOLEAN_MISSING } from '../table/types';
import type { ContractColumn, InputContract } from './input-contract';

export { describeContractReport } from './describe-contract-report';

/** What differs between a table and a contract; every count is in rows of the table. */
export interface ContractReport {
  missingColumns: string[];
  /** Columns the contract does not read (the target column is not listed: a labelled file is expected). */
  extraColumns: string[];
  /** `converted`: every present value converted; `failures`: present values that could not (now missing). */
  typeChanges: { column: string; expected: ColumnKind; found: ColumnKind; converted: boolean; failures: number }[];
  /** Values never seen in a training row (not in the levels, or a level with a training count of 0); first 10 values. */
  unseenCategories: { column: string; rows: number; values: string[]; distinct: number }[];
  /** Values below the training minimum / above the maximum (epoch ms for datetime columns). */
  outOfRange: { column: string; kind: 'numeric' | 'datetime'; below: number; above: number; min: number; max: number }[];
  /** Missing values in a column that had none in training. */
  newMissing: { column: string; rows: number }[];
  rowCount: number;
}

const UNSEEN_EXAMPLES = 10;

/** What differs between `table` and `contract` (the table is aligned to measure it; see alignTableToContract). */
export function checkTableAgainstContract(table: Table, contract: InputContract): ContractReport {
  return alignTableToContract(table, contract).report;
}

/**
 * The table as the run's pipeline expects it: the contract's columns in its order (extra ones dropped), kinds
 * converted where possible (convertColumn: values that cannot convert become missing and are counted), categories
 * re-coded onto the contract's levels. Missing columns are left out and listed in the report.
 */
export function alignTableToContract(table: Table, contract: InputContract): { table: Table; report: ContractReport } {
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const wanted = new Set(contract.columns.map((column) => column.name));
  const report: ContractReport = {
    missingColumns: [], typeChanges: [], unseenCategories: [], outOfRange: [], newMissing: [], rowCount: table.rowCount,
    extraColumns: table.columns.map((c) => c.name).filter((name) => !wanted.has(name) && name !== contract.target?.name),
  };
  const columns: Column[] = [];
  for (const expected of contract.columns) {
    const found = byName.get(expected.name);
    if (found === undefined) {
      report.missingColumns.push(expected.name);
      continue;
    }
    let column = found;
    if (found.kind !== expected.kind) {
      const { converted, failures } = convertColumn(found, expected.kind, table.rowCount);
      report.typeChanges.push({ column: expected.name, expected: expected.kind, found: found.kind, converted: failures.count === 0, failures: failures.count });
      column = converted;
    }
    if (expected.kind === 'categorical') column = recodeCategories(column as CategoricalColumn, expected, report);
    checkValues(column, expected, table.rowCount, report);
    columns.push(column);
  }
  return { table: { rowCount: table.rowCount, columns }, report };
}

/** `column` coded onto `expected.levels`, values outside them appended in label order; unseen values reported. */
function recodeCategories(column: CategoricalColumn, expected: Extract<ContractColumn, { kind: 'categorical' }>, report: ContractReport): CategoricalColumn {
  const index = new Map(expected.levels.map((level, code) => [level, code]));
  const added = column.levels.filter((level) => !index.has(level)).sort(compareLabels);
  const levels = [...expected.levels, ...added];
  added.forEach((level, i) => index.set(level, expected.levels.length + i));
  const map = Int32Array.from(column.levels, (level) => index.get(level) as number);
  const codes = Int32Array.from(column.codes, (code) => (code < 0 ? -1 : map[code]));
  const seen = (code: number) => code < expected.counts.length && expected.counts[code] > 0;
  const unseen: string[] = [];
  const unseenSet = new Set<number>();
  let rows = 0;
  for (const code of codes) {
    if (code < 0 || seen(code)) continue;
    rows++;
    if (!unseenSet.has(code)) {
      unseenSet.add(code);
      if (unseen.length < UNSEEN_EXAMPLES) unseen.push(levels[code]);
    }
  }
  if (rows > 0) report.unseenCategories.push({ column: column.name, rows, values: unseen, distinct: unseenSet.size });
  return { kind: 'categorical', name: column.name, codes, levels };
}

/** Counts values outside the training range and missing values in a column that had none. */
function checkValues(column: Column, expected: ContractColumn, rowCount: number, report: ContractReport): void {
  let missing = 0;
  if (column.kind === 'numeric' || column.kind === 'datetime') {
    const { min, max } = expected as Extract<ContractColumn, { kind: 'numeric' | 'datetime' }>;
    let below = 0, above = 0;
    for (const value of column.values) {
      if (Number.isNaN(value)) missing++;
      else if (min !== null && value < min) below++;
      else if (max !== null && value > max) above++;
    }
    if (below + above > 0 && min !== null && max !== null) report.outOfRange.push({ column: column.name, kind: column.kind, below, above, min, max });
  } else if (column.kind === 'categorical') {
    for (const code of column.codes) if (code < 0) missing++;
  } else if (column.kind === 'boolean') {
    for (const value of column.values) if (value === BOOLEAN_MISSING) missing++;
  } else {
    for (let row = 0; row < rowCount; row++) if (column.missing[row] === 1) missing++;
  }
  if (missing > 0 && expected.missing === 0) report.newMissing.push({ column: column.name, rows: missing });
}
