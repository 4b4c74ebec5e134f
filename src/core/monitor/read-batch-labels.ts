// The labels a batch brought, read as the version's target: class indices in the version's class order (NaN where a
// label is missing), or numbers for a regression. Null when the batch has no target column (monitoring without labels).

import { DataError, ExportError } from '../errors';
import type { InputContract } from '../export/input-contract';
import { formatCount } from '../ingest/describe-evidence';
import type { Target } from '../models/types';
import { factorizeTarget } from '../problem/factorize-target';
import type { Table } from '../table/types';

const LABELS_SHOWN = 5;

/** The batch's target for performance metrics; throws a DataError naming labels the version never learned. */
export function readBatchLabels(contract: InputContract, table: Table): Target | null {
  if (contract.target === null) throw new ExportError('This model version predicts no target (it clusters rows), so a batch has no labels to score it on; monitor drift only.');
  const { name, classes } = contract.target;
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined) return null;
  if (classes === null) {
    if (column.kind !== 'numeric') throw new DataError(`The batch's target "${name}" holds ${column.kind} values, but the model predicts numbers; fix the column's type in the file (or drop it to monitor without labels).`);
    return { values: Float64Array.from(column.values) };
  }
  const found = factorizeTarget(column);
  if (found === null) throw new DataError(`The batch's target "${name}" cannot be read as classes; check the column.`);
  const index = new Map(classes.map((label, i) => [label, i]));
  const unknown = found.labels.map((label, code) => ({ label, rows: found.counts[code] })).filter(({ label }) => !index.has(label));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, LABELS_SHOWN).map(({ label, rows }) => `"${label}" (${formatCount(rows)} row${rows === 1 ? '' : 's'})`).join(', ');
    const more = unknown.length > LABELS_SHOWN ? ` and ${formatCount(unknown.length - LABELS_SHOWN)} more` : '';
    throw new DataError(
      `The batch's target "${name}" holds labels the model never learned: ${shown}${more}. It knows ${classes.map((c) => `"${c}"`).join(', ')}; ` +
      'correct the labels (names are case-sensitive) or remove those rows to score performance, or retrain with the new class.',
    );
  }
  const remap = found.labels.map((label) => index.get(label) as number);
  return { values: Float64Array.from(found.codes, (code) => (code < 0 ? Number.NaN : remap[code])), classes };
}
