// A contract report in sentences for the Predict cell and the CLI: most serious first, each naming its column and
// counting rows. Missing columns are errors (scoring cannot run); everything else is a warning.

import { formatCount } from '../ingest/describe-evidence';
import { formatDatetime, formatNumber } from '../table/format-cell';
import type { ColumnKind } from '../table/types';
import type { ContractReport } from './check-contract';

export interface ContractMessage {
  severity: 'error' | 'warning';
  message: string;
}

const KIND_WORDS: Record<ColumnKind, string> = {
  numeric: 'numbers', categorical: 'categories', datetime: 'dates', boolean: 'true/false values', text: 'text',
};

/** Human sentences for `report`, errors first, then warnings from the most to the least likely to change predictions. */
export function describeContractReport(report: ContractReport): ContractMessage[] {
  const messages: ContractMessage[] = [];
  const warn = (message: string) => messages.push({ severity: 'warning', message });
  for (const name of report.missingColumns) {
    messages.push({ severity: 'error', message: `Column "${name}" is missing: the model reads it, so no row can be scored. Add it to the file (names are case-sensitive).` });
  }
  for (const change of report.typeChanges) {
    const read = `Column "${change.column}" should hold ${KIND_WORDS[change.expected]} but the file has ${KIND_WORDS[change.found]}`;
    warn(change.failures === 0
      ? `${read}; every value was read as ${KIND_WORDS[change.expected]}.`
      : `${read}; ${plural(change.failures, 'value')} could not be read as ${KIND_WORDS[change.expected]} and ${change.failures === 1 ? 'is' : 'are'} now missing.`);
  }
  for (const unseen of report.unseenCategories) {
    const shown = unseen.values.map((v) => `"${v}"`).join(', ');
    const more = unseen.distinct > unseen.values.length ? `, and ${formatCount(unseen.distinct - unseen.values.length)} more` : '';
    warn(`Column "${unseen.column}": ${plural(unseen.rows, 'row')} ${unseen.rows === 1 ? 'has a category' : 'have categories'} the model never saw in training (${plural(unseen.distinct, 'distinct value')}: ${shown}${more}); they are scored as unseen categories.`);
  }
  for (const column of report.newMissing) {
    warn(`Column "${column.column}": ${plural(column.rows, 'row')} ${column.rows === 1 ? 'is' : 'are'} missing a value, and training had no missing values there; the run's handling of them was never checked on this column.`);
  }
  for (const range of report.outOfRange) {
    const format = range.kind === 'datetime' ? formatDatetime : formatNumber;
    const parts = [
      range.below > 0 ? `${plural(range.below, 'value')} below the training minimum ${format(range.min)}` : null,
      range.above > 0 ? `${plural(range.above, 'value')} above the training maximum ${format(range.max)}` : null,
    ].filter((part) => part !== null);
    warn(`Column "${range.column}": ${parts.join(' and ')}; predictions there extrapolate beyond the training data.`);
  }
  if (report.extraColumns.length > 0) {
    const names = report.extraColumns.map((name) => `"${name}"`).join(', ');
    warn(`${plural(report.extraColumns.length, 'column')} the model does not read ${report.extraColumns.length === 1 ? 'is' : 'are'} ignored: ${names}.`);
  }
  return messages;
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}
