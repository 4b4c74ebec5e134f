// The refusals and sentences of a drift check: a batch that cannot be compared at all (no rows, one row, no column
// in common with the contract) and why a contract column got no drift measure.

import { DataError } from '../errors';
import type { InputContract } from '../export/input-contract';
import { formatCount } from '../ingest/describe-evidence';
import type { Table } from '../table/types';
import type { UnmeasuredFeature } from './drift-types';

const NAMES_SHOWN = 8;

/** Throws a DataError naming what is wrong when `table` cannot be compared with `contract`. */
export function checkBatchShape(contract: InputContract, table: Table): void {
  if (table.rowCount === 0) {
    throw new DataError('The batch has no rows: there is nothing to compare with the training data. Bring a file with at least one data row under its header.');
  }
  const names = new Set(table.columns.map((column) => column.name));
  if (!contract.columns.some((column) => names.has(column.name))) {
    throw new DataError(
      `The batch shares no column with the model's inputs: it has ${listNames(table.columns.map((c) => c.name))}, and the model reads ` +
      `${listNames(contract.columns.map((c) => c.name))}. Check that this file is data for this model (names are case-sensitive).`,
    );
  }
  if (table.rowCount === 1) {
    throw new DataError('The batch has 1 row: drift compares two distributions and a single row has none. Monitor a batch of many rows (at least a few hundred for PSI to mean much).');
  }
}

/** Why `column` got no drift measure, in a sentence. */
export function describeUnmeasured(column: string, reason: UnmeasuredFeature['reason']): string {
  switch (reason) {
    case 'missing-in-batch': return `Column "${column}" is not in the batch, so its drift cannot be measured (the schema check lists it).`;
    case 'not-logged': return `Column "${column}" was not logged (the service's --log-fields left it out), so its drift cannot be measured.`;
    case 'no-reference': return `Column "${column}" has no stored reference sample (the version was trained before ML Studio kept one), so its drift cannot be measured; retrain the run to monitor it.`;
    case 'no-reference-values': return `Column "${column}" had no value in the training rows, so there is nothing to compare the batch with.`;
    case 'no-batch-values': return `Every batch value of column "${column}" is missing (or could not be read as the training type), so only its missing rate can be compared.`;
    case 'text': return `Column "${column}" is free text; drift is measured on numbers, dates and categories only.`;
  }
}

/** The note (or, when nothing else can be measured, the error) for a contract recorded before references were stored. */
export function describeNoReference(columns: readonly string[], nothingMeasured: boolean): string {
  const what = `This model version's input contract has no stored reference sample for ${formatCount(columns.length)} number/date column${columns.length === 1 ? '' : 's'} (${listNames(columns)}): it was recorded before ML Studio kept one with each run.`;
  return nothingMeasured
    ? `${what} No other column can be compared, so there is no drift to measure. Retrain the run (the Train cell, or run the notebook again) and register the new run to monitor this model.`
    : `${what} Those columns are left out of the drift check; retrain and register the run again to monitor them.`;
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'no columns';
  const shown = names.slice(0, NAMES_SHOWN).map((name) => `"${name}"`).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${formatCount(names.length - NAMES_SHOWN)} more` : shown;
}
